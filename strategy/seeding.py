"""Load the demo site (strategy/demo_content.py) into the database.

Every step creates what is missing and leaves what exists alone, so running it again changes
nothing, and an editor's changes to demo pages survive a re-run.
"""

import secrets
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from . import demo_content as demo
from .models import (
    HomePage,
    InitiativeFigure,
    InitiativePage,
    ProgressUpdate,
    RecommendationPage,
    SiteSettings,
    StandardPage,
    StrategyPage,
    Theme,
    ThemePage,
    Ward,
)

# Demo staff: one account per group, all sharing the printed demo password.
DEMO_STAFF = [
    ("admin", None),
    ("editor", "Editors"),
    ("officer", "Officers"),
    ("moderator", "Forum moderators"),
    ("safeguarding", "Safeguarding"),
]


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _child_by_slug(parent: Page, slug: str):
    return parent.get_children().filter(slug=slug).specific().first()


def wards_seed() -> None:
    """The council's wards."""
    for name in demo.WARDS:
        Ward.objects.get_or_create(slug=slugify(name), defaults={"name": name})


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
        _publish_child(root, home)
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
    page = _child_by_slug(home, content["slug"])
    if page is None:
        body = [("paragraph", paragraph) for paragraph in content["paragraphs"]]
        page = _publish_child(
            home, StandardPage(title=content["title"], slug=content["slug"], intro=content["intro"], body=body)
        )
    return page


def strategy_seed(*, home: HomePage) -> StrategyPage:
    """The strategy page, its six theme pages, recommendations and initiatives."""
    strategy = _child_by_slug(home, demo.STRATEGY["slug"])
    if strategy is None:
        strategy = _publish_child(home, StrategyPage(show_in_menus=True, **demo.STRATEGY))

    theme_pages = {}
    for theme in Theme.objects.all():
        page = ThemePage.objects.filter(theme=theme).first()
        if page is None:
            page = _publish_child(
                strategy,
                ThemePage(title=theme.name, slug=theme.slug, theme=theme, intro=demo.THEME_INTROS.get(theme.slug, "")),
            )
        theme_pages[theme.slug] = page

    recommendations = {}
    for item in demo.RECOMMENDATIONS:
        parent = theme_pages[item["theme"]]
        page = _child_by_slug(parent, item["slug"])
        if page is None:
            page = RecommendationPage(
                title=item["title"],
                slug=item["slug"],
                label=item["label"],
                full_text=item["full_text"],
                lead=item["lead"],
                status=item["status"],
            )
            page.themes.add(parent.theme)
            page.updates = [ProgressUpdate(date=demo.BRIEFING_DATE, **update) for update in item["updates"]]
            _publish_child(parent, page)
        recommendations[item["label"]] = page

    for item in demo.INITIATIVES:
        parent = theme_pages[item["theme"]]
        if _child_by_slug(parent, item["slug"]) is not None:
            continue
        page = InitiativePage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            who_it_serves=item["who_it_serves"],
            partners="\n".join(item["partners"]),
        )
        page.themes.add(parent.theme)
        page.figures = [InitiativeFigure(**figure) for figure in item["figures"]]
        page.recommendations = [recommendations[label] for label in item["recommendations"]]
        _publish_child(parent, page)
    return strategy


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


def staff_seed(*, credentials_file: Path) -> tuple[str, str | None]:
    """The demo staff accounts. Returns the demo password: new if the accounts were just made,
    read back from the credentials file otherwise (None if that file is gone)."""
    User = get_user_model()
    if User.objects.filter(username="admin").exists():
        password = credentials_file.read_text().strip() if credentials_file.exists() else None
        return "admin", password

    password = secrets.token_urlsafe(12)
    for username, group_name in DEMO_STAFF:
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.com",
            password=password,
            is_staff=group_name is None,
            is_superuser=group_name is None,
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
    credentials_file.parent.mkdir(parents=True, exist_ok=True)
    credentials_file.write_text(password + "\n")
    credentials_file.chmod(0o600)
    return "admin", password


@transaction.atomic
def demo_seed(*, accounts: bool = True) -> tuple[str, str | None] | None:
    """Load the whole demo site. Returns the admin username and password, or None when
    `accounts` is False (content only, for a live site)."""
    wards_seed()
    home = home_seed()
    privacy = standard_page_seed(home=home, content=demo.PRIVACY)
    accessibility = standard_page_seed(home=home, content=demo.ACCESSIBILITY)
    strategy_seed(home=home)
    site_settings_seed(home=home, privacy=privacy, accessibility=accessibility)
    if not accounts:
        return None
    return staff_seed(credentials_file=Path(settings.DEMO_CREDENTIALS_FILE))
