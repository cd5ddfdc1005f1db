"""seed_demo loads the briefing and changes nothing when run again; with DEBUG off it refuses,
or with --i-know-this-is-production loads the content and makes no accounts."""

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site

from core.models import SiteSettings, Ward
from home.models import HomePage
from strategy import demo_content
from strategy.models import InitiativePage, RecommendationPage

pytestmark = pytest.mark.django_db


def _row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_demo_has_every_recommendation_the_briefing_names():
    labels = set(RecommendationPage.objects.live().values_list("label", flat=True))
    assert labels == {"1", "2", "3", "4", "9", "14", "18", "23", "24", "25", "a", "b"}


def test_demo_has_every_initiative_with_its_figures():
    assert InitiativePage.objects.live().count() == len(demo_content.INITIATIVES)
    reach = InitiativePage.objects.get(slug="reach-project")
    assert {(f.value, f.label) for f in reach.figures.all()} == {
        ("4", "secondary schools across the city deliver it"),
        ("58", "young people engaged so far"),
    }
    kits = InitiativePage.objects.get(slug="bleed-control-kits")
    assert kits.figures.get().value == "8"
    assert [r.label for r in InitiativePage.objects.get(slug="employment-hub").recommendations.order_by("path")] == [
        "23",
        "24",
        "25",
    ]


def test_demo_progress_updates_are_dated_on_the_briefing():
    dates = set(RecommendationPage.objects.values_list("updates__date", flat=True))
    assert dates == {demo_content.BRIEFING_DATE}


def test_demo_has_the_21_wards():
    assert Ward.objects.count() == 21
    assert Ward.objects.filter(name="Braunstone Park & Rowley Fields").exists()


def test_home_page_is_the_default_site_root_and_links_privacy():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    settings = SiteSettings.for_site(site)
    assert settings.privacy_page.slug == "privacy"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


@pytest.fixture
def debug(settings):
    """seed_demo as a developer runs it: the test settings have DEBUG off, like production."""
    settings.DEBUG = True


def test_running_seed_demo_again_changes_nothing(capsys, debug):
    # The test database is seeded without the demo survey responses, which only seed_demo
    # makes: run it once, then again.
    call_command("seed_demo")
    before = _row_counts()
    revisions = Revision.objects.count()
    call_command("seed_demo")
    assert _row_counts() == before
    assert Revision.objects.count() == revisions


def test_seed_demo_prints_the_admin_login(capsys, settings, tmp_path, debug):
    credentials = tmp_path / "demo-login.txt"
    credentials.write_text("the-demo-password\n")
    settings.DEMO_CREDENTIALS_FILE = str(credentials)
    call_command("seed_demo")
    output = capsys.readouterr().out
    assert "username: admin" in output
    assert "Password: the-demo-password" in output
    assert "parent1@example.com or parent2@example.com, same password" in output


def test_seed_demo_keeps_an_editors_change(debug):
    page = RecommendationPage.objects.get(slug="community-mentoring")
    page.status = "on_track"
    page.save_revision().publish()
    call_command("seed_demo")
    assert (
        RecommendationPage.objects.get(slug="community-mentoring", locale__language_code="en-gb").status == "on_track"
    )
    # seed_demo gave every other language's tree an alias of it, with the change.
    aliases = RecommendationPage.objects.filter(alias_of=page)
    assert aliases.count() == 6 and {alias.status for alias in aliases} == {"on_track"}


def test_fresh_seed_creates_demo_accounts_with_a_printed_password(django_user_model, tmp_path, settings):
    from core.seeding import staff_seed

    django_user_model.objects.all().delete()
    username, password = staff_seed(credentials_file=tmp_path / "login.txt")
    assert username == "admin"
    assert django_user_model.objects.get(username="admin").check_password(password)
    assert django_user_model.objects.get(username="officer").groups.get().name == "Officers"
    assert (tmp_path / "login.txt").read_text().strip() == password
    assert (tmp_path / "login.txt").stat().st_mode & 0o777 == 0o600


def _without_demo_accounts(django_user_model):
    from forum.models import Category, Member, Post, Thread

    Post.objects.all().delete()
    Thread.objects.all().delete()
    Member.objects.all().delete()
    Category.objects.all().delete()
    django_user_model.objects.all().delete()


def test_seed_demo_refuses_with_debug_off(settings, django_user_model):
    settings.DEBUG = False
    _without_demo_accounts(django_user_model)
    with pytest.raises(CommandError, match="--i-know-this-is-production"):
        call_command("seed_demo")
    assert not django_user_model.objects.exists()


def test_seed_demo_on_a_live_site_loads_content_and_makes_no_accounts(settings, django_user_model, capsys):
    from forum.models import Category, Thread

    settings.DEBUG = False
    _without_demo_accounts(django_user_model)
    call_command("seed_demo", "--i-know-this-is-production")

    assert not django_user_model.objects.exists()
    assert Category.objects.exists() and not Thread.objects.exists()
    assert RecommendationPage.objects.live().exists()
    output = capsys.readouterr().out
    assert "No accounts were made" in output
    assert "Password" not in output


def test_the_production_flag_makes_no_accounts_even_with_debug_on(settings, django_user_model):
    settings.DEBUG = True
    _without_demo_accounts(django_user_model)
    call_command("seed_demo", "--i-know-this-is-production")
    assert not django_user_model.objects.exists()


def test_seed_demo_with_debug_on_makes_the_demo_accounts(settings, django_user_model, capsys, debug):
    _without_demo_accounts(django_user_model)
    call_command("seed_demo")
    assert django_user_model.objects.filter(username="admin", is_superuser=True).exists()
    assert "Password: " in capsys.readouterr().out
