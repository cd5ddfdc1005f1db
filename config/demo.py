"""The whole demo site, app by app, in one transaction (used by `seed_demo` and the tests)."""

from django.db import transaction


@transaction.atomic
def demo_seed_all(*, accounts: bool = True) -> tuple[str, str | None] | None:
    """Load every app's demo content. Returns the admin username and password.

    With `accounts=False`, content only: no staff, no forum parents (and so no forum threads,
    which need authors), and None is returned. That is what `seed_demo` does on a live site."""
    from consultation.seeding import demo_seed as consultation_seed
    from events.seeding import demo_seed as events_seed
    from forum.seeding import demo_seed as forum_seed
    from localpicture.seeding import demo_seed as localpicture_seed
    from strategy.models import HomePage
    from strategy.seeding import demo_seed as strategy_seed

    login = strategy_seed(accounts=accounts)
    consultation_seed(home=HomePage.objects.get())
    events_seed(home=HomePage.objects.get())
    forum_seed(password=login[1] if login else None, accounts=accounts)
    localpicture_seed(home=HomePage.objects.get())
    return login
