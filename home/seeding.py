"""Load the demo home page and its plain content pages (home/demo_content.py), and point the
site settings at them. Creates what is missing and leaves what exists alone."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from core.models import SiteSettings
from core.seeding import child_by_slug, publish_child

from . import demo_content as demo
from .models import HomePage, StandardPage


def home_seed() -> HomePage:
    """The home page, made the root of the default site in place of Wagtail's welcome page."""
    home = HomePage.objects.first()
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
            welcome.delete()
    return home


def standard_page_seed(*, home: HomePage, content: dict) -> StandardPage:
    page = child_by_slug(home, content["slug"])
    if page is None:
        body = [("paragraph", paragraph) for paragraph in content["paragraphs"]]
        page = publish_child(
            home, StandardPage(title=content["title"], slug=content["slug"], intro=content["intro"], body=body)
        )
    return page


def site_settings_seed(*, home: HomePage, privacy: Page, accessibility: Page) -> None:
    site = home.get_site()
    site_settings = SiteSettings.for_site(site)
    changed = False
    if site_settings.privacy_page_id is None:
        site_settings.privacy_page = privacy
        changed = True
    if site_settings.accessibility_page_id is None:
        site_settings.accessibility_page = accessibility
        changed = True
    if changed or site_settings.pk is None:
        site_settings.save()
