"""Load the demo home page and its notices (home/demo_content.py), and point the site settings
at them. Creates what is missing and leaves what exists alone."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, Site

from core.models import SiteSettings
from core.seeding import child_by_slug, publish_child
from core.translations import pages_of_record

from . import demo_content as demo
from .models import AccessibilityStatementPage, CookiesPage, HomePage, PrivacyNoticePage, StandardPage


def home_seed() -> HomePage:
    """The home page, made the root of the default site in place of Wagtail's welcome page."""
    home = pages_of_record(HomePage.objects.all()).first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
        if welcome is not None:
            welcome.slug = "wagtail-welcome"
            welcome.save(update_fields=["slug"])
        home = HomePage(title=demo.HOME["title"], slug="home", intro=demo.HOME["intro"], pledge=demo.HOME["pledge"])
        publish_child(root, home)
        # The demo site answers at SITE_URL, so full links (the report's CSV) point there.
        address = urlsplit(settings.SITE_URL)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": address.hostname or "localhost",
                "port": address.port or (443 if address.scheme == "https" else 80),
                "root_page": home,
                "site_name": demo.HOME["title"],
            },
        )
        if welcome is not None:
            # With its copies in the other languages' trees (`migrate` gave it aliases).
            Page.objects.filter(alias_of=welcome).delete()
            welcome.delete()
    return home


def _notice_seed(*, home: HomePage, model, content: dict, **fields) -> Page:
    """The notice page at the content's slug: made if missing. A plain page the demo made there
    before the notices were generated is replaced; anything else found there is left alone."""
    page = child_by_slug(home, content["slug"])
    if isinstance(page, StandardPage) and (page.title, page.intro) in demo.OLD_PLAIN_NOTICES:
        page.delete()
        page = None
    if page is None:
        page = model(title=content["title"], slug=content["slug"], intro=content["intro"], **fields)
        page = publish_child(home, page)
    return page


def notices_seed(*, home: HomePage) -> dict[str, Page]:
    """The privacy notice, the cookies page and the accessibility statement."""
    return {
        "privacy": _notice_seed(home=home, model=PrivacyNoticePage, content=demo.PRIVACY),
        "cookies": _notice_seed(home=home, model=CookiesPage, content=demo.COOKIES),
        "accessibility": _notice_seed(
            home=home,
            model=AccessibilityStatementPage,
            content=demo.ACCESSIBILITY,
            prepared_on=timezone.localdate(),
            compliance=AccessibilityStatementPage.Compliance.FULL,
        ),
    }


def site_settings_seed(*, home: HomePage, notices: dict[str, Page]) -> None:
    """Point the site settings at the notices, where they point nowhere (or at a page the
    seeding just replaced)."""
    # Read afresh, not through the cache: seeding may have just replaced a page they pointed at.
    site_settings, _ = SiteSettings.objects.get_or_create(site=home.get_site())
    changed = False
    for key, page in notices.items():
        field = f"{key}_page"
        if getattr(site_settings, f"{field}_id") is None:
            setattr(site_settings, field, page)
            changed = True
    if changed:
        site_settings.save()
