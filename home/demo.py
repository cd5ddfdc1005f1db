"""The whole demo site, app by app, in one transaction (used by `seed_demo` and the tests).

The top floor is where the apps meet, so this is the one place that knows their order: wards
and the home page first, then each app's pages under it, then the staff and parent accounts.
"""

from pathlib import Path

from django.conf import settings
from django.db import transaction

from consultation.seeding import demo_seed as consultation_seed
from consultation.seeding import translations_seed as consultation_translations_seed
from core.seeding import staff_seed, wards_seed
from core.translations import locales_ensure, trees_sync
from events.seeding import demo_seed as events_seed
from forum.seeding import demo_seed as forum_seed
from localpicture.seeding import demo_seed as localpicture_seed
from strategy.seeding import demo_seed as strategy_seed

from .seeding import home_seed, notices_seed, site_settings_seed


@transaction.atomic
def demo_seed_all(*, accounts: bool = True, translations: bool = True) -> tuple[str, str | None] | None:
    """Load every app's demo content. Returns the admin username and password.

    With `accounts=False`, content only: no staff, no forum parents (and so no forum threads,
    which need authors), and None is returned. That is what `seed_demo` does on a live site.

    With `translations=False`, English only: no language has a page tree of its own yet (its
    visitors see the English pages, with the notice). The tests start from that, and build the
    translated trees where they test them (`demo_translations_seed`)."""
    wards_seed()
    home = home_seed()
    notices = notices_seed(home=home)
    strategy_seed(home=home)
    site_settings_seed(home=home, notices=notices)
    login = staff_seed(credentials_file=Path(settings.DEMO_CREDENTIALS_FILE)) if accounts else None
    consultation_seed(home=home)
    events_seed(home=home)
    forum_seed(password=login[1] if login else None, accounts=accounts)
    localpicture_seed(home=home)
    if translations:
        demo_translations_seed(home=home)
    return login


def demo_translations_seed(*, home) -> None:
    """Every language's page tree, with an alias of each English page, then the drafted
    translations in place of the aliases of the pages they translate (README "Languages")."""
    locales_ensure()
    trees_sync()
    consultation_translations_seed(home=home)
