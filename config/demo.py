"""The whole demo site, app by app, in one transaction (used by `seed_demo` and the tests)."""

from django.db import transaction


@transaction.atomic
def demo_seed_all() -> tuple[str, str | None]:
    """Load every app's demo content. Returns the admin username and password."""
    from consultation.seeding import demo_seed as consultation_seed
    from events.seeding import demo_seed as events_seed
    from forum.seeding import demo_seed as forum_seed
    from localpicture.seeding import demo_seed as localpicture_seed
    from strategy.models import HomePage
    from strategy.seeding import demo_seed as strategy_seed

    login = strategy_seed()
    consultation_seed(home=HomePage.objects.get())
    events_seed(home=HomePage.objects.get())
    forum_seed(password=login[1])
    localpicture_seed(home=HomePage.objects.get())
    return login
