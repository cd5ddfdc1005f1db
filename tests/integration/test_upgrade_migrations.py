"""A database built before the ground and top floors existed upgrades with nothing lost.

Theme, Ward, SiteSettings, SafeguardingPhrase and ExportLog moved to `core`, HomePage and
StandardPage to `home`, each keeping its table; only Django's state and the content types
changed. This test builds a database at the schema of the last release in a database of its
own (never the one the rest of the suite shares), fills it through the historical models, runs
`migrate` as an upgrade does and reads every row back through today's models. Then it migrates
back and checks the content types returned to their old apps.

It runs on whichever database DATABASE_URL names: a temporary file on SQLite, a temporary
database on PostgreSQL. It needs no other service, so it carries no marker and runs everywhere.
"""

import copy
import uuid
from contextlib import contextmanager
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page, Revision, Site

from consultation.models import Feedback, Response
from core.models import ExportLog, SafeguardingPhrase, SiteSettings, Theme, Ward
from events.models import Booking, EventPage
from forum.models import Post, Thread
from home.models import HomePage, StandardPage

# The schema of the last release before the move: core and home did not exist yet.
BEFORE = [
    ("strategy", "0007_strategy_report_scope"),
    ("consultation", "0008_export_job_lease"),
    ("events", "0004_booking_cancellation_sent_at"),
    ("forum", "0004_held_posts_digest"),
    ("localpicture", "0004_crimecount_police_import_source"),
]
BEFORE_TARGETS = [*BEFORE, ("core", None), ("home", None)]

# (app before, app after, model) for every model whose content type moves.
MOVED = [
    ("strategy", "core", "theme"),
    ("strategy", "core", "ward"),
    ("strategy", "core", "sitesettings"),
    ("consultation", "core", "safeguardingphrase"),
    ("consultation", "core", "exportlog"),
    ("strategy", "home", "homepage"),
    ("strategy", "home", "standardpage"),
]


@pytest.fixture
def upgrade_db(django_db_blocker, tmp_path):
    """An empty database of the test's own, standing in as the default database while the test
    runs: migrations (Wagtail's and Django's among them) write to the default database, as
    `migrate` on a live site does. The shared test database's connection is set aside untouched
    and put back afterwards; any query on it in between fails the test.
    """
    shared_settings = connections.settings[DEFAULT_DB_ALIAS]
    shared_connection = connections[DEFAULT_DB_ALIAS]
    upgrade_settings = copy.deepcopy(shared_settings)
    postgres = upgrade_settings["ENGINE"] == "django.db.backends.postgresql"
    upgrade_settings["NAME"] = f"upgrade_{uuid.uuid4().hex[:12]}" if postgres else str(tmp_path / "upgrade.sqlite3")
    upgrade_settings["CONN_MAX_AGE"] = 0
    connections.settings[DEFAULT_DB_ALIAS] = upgrade_settings
    upgrade_connection = connections.create_connection(DEFAULT_DB_ALIAS)
    connections[DEFAULT_DB_ALIAS] = upgrade_connection
    ContentType.objects.clear_cache()  # its cache is per alias: it may hold the shared database's rows
    try:
        with django_db_blocker.unblock():
            if postgres:
                _postgres_run(upgrade_connection, f'CREATE DATABASE "{upgrade_settings["NAME"]}"')
            try:
                with _only_database(upgrade_settings["NAME"]):
                    yield
            finally:
                upgrade_connection.close()
                if postgres:
                    _postgres_run(upgrade_connection, f'DROP DATABASE IF EXISTS "{upgrade_settings["NAME"]}"')
    finally:
        connections[DEFAULT_DB_ALIAS] = shared_connection
        connections.settings[DEFAULT_DB_ALIAS] = shared_settings
        ContentType.objects.clear_cache()


def _postgres_run(wrapper, sql: str) -> None:
    """Run a statement on PostgreSQL's maintenance database, as Django does to create its test
    database: CREATE and DROP DATABASE cannot run in the database they name."""
    with wrapper._nodb_cursor() as cursor:
        cursor.execute(sql)


@contextmanager
def _only_database(name: str):
    """Fail on any connection to a database other than `name`."""
    real_ensure_connection = BaseDatabaseWrapper.ensure_connection

    def ensure_connection(self):
        assert self.settings_dict["NAME"] == name, f"The upgrade test queried {self.settings_dict['NAME']!r}"
        real_ensure_connection(self)

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", ensure_connection):
        yield


def test_upgrade_keeps_every_row_and_moves_the_content_types(upgrade_db):
    before = _old_site_build(_migrate_to_before())

    call_command("migrate", verbosity=0, interactive=False)

    _check_rows_unchanged(before)
    _check_relations_resolve_to_new_models(before)
    _check_pages_are_home_pages(before)
    _check_content_types_moved(before, to_new_app=True)
    _check_permissions_follow(before)

    old_state = MigrationExecutor(connection).migrate(BEFORE_TARGETS)

    _check_content_types_moved(before, to_new_app=False)
    _check_old_models_read_back(old_state.apps, before)


def _migrate_to_before():
    """Migrate as `migrate` did on the last release, post_migrate included, so content types
    and permissions exist just as they do on a live database. Returns the models as they were."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(BEFORE)
    state = executor.migrate(BEFORE)
    emit_post_migrate_signal(0, False, DEFAULT_DB_ALIAS, apps=state.apps, plan=plan)
    return state.apps


def _old_site_build(apps) -> dict:
    """A small but complete old site, written through the models as they were before the move
    (`apps`); returns the ids made and each row's values as the old models read them."""
    get = apps.get_model
    ContentTypeOld = get("contenttypes", "ContentType")
    now = timezone.now().replace(microsecond=0)

    user = get("auth", "User").objects.create(
        username="officer", email="officer@example.com", password="!", is_staff=True, is_active=True
    )
    group = get("auth", "Group").objects.create(name="Theme reviewers")
    change_theme = get("auth", "Permission").objects.get(content_type__app_label="strategy", codename="change_theme")
    group.permissions.add(change_theme)
    user.groups.add(group)

    Theme_ = get("strategy", "Theme")
    theme = Theme_.objects.order_by("sort_order").first()
    assert Theme_.objects.count() == 6, "the data migrations make the six themes"
    ward = get("strategy", "Ward").objects.create(name="Castle", slug="castle")

    # The page tree, written as treebeard would: Wagtail's migrations made the root (depth 1).
    def content_type(app_label, model):
        return ContentTypeOld.objects.get(app_label=app_label, model=model)

    PageOld = get("wagtailcore", "Page")
    root = PageOld.objects.get(depth=1)
    locale = get("wagtailcore", "Locale").objects.get()
    home_path = f"{root.path}{root.numchild + 1:04d}"
    common = {"locale": locale, "live": True, "has_unpublished_changes": False}
    home_page = get("strategy", "HomePage").objects.create(
        title="Safer Leicester",
        draft_title="Safer Leicester",
        slug="safer-leicester",
        url_path="/safer-leicester/",
        path=home_path,
        depth=2,
        numchild=2,
        content_type=content_type("strategy", "homepage"),
        intro="Working together against knife crime.",
        pledge="<p>We will listen.</p>",
        body=[{"type": "quote", "value": {"text": "It starts with us.", "attribution": "A resident"}}],
        **common,
    )
    PageOld.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    privacy = get("strategy", "StandardPage").objects.create(
        title="Privacy",
        draft_title="Privacy",
        slug="privacy",
        url_path="/safer-leicester/privacy/",
        path=f"{home_path}0001",
        depth=3,
        numchild=0,
        content_type=content_type("strategy", "standardpage"),
        intro="How we use what you tell us.",
        body=[{"type": "heading", "value": {"text": "Your data", "level": "h2"}}],
        **common,
    )
    start = now + timedelta(days=10)
    event = get("events", "EventPage").objects.create(
        title="Community meeting",
        draft_title="Community meeting",
        slug="community-meeting",
        url_path="/safer-leicester/community-meeting/",
        path=f"{home_path}0002",
        depth=3,
        numchild=0,
        content_type=content_type("events", "eventpage"),
        summary="Talk to the police and the council.",
        organiser="Leicester City Council",
        venue_name="Town Hall",
        start_at=start,
        end_at=start + timedelta(hours=2),
        capacity=40,
        ward=ward,
        **common,
    )
    get("events", "ThemedEvent").objects.create(tag=theme, content_object=event)
    revision = get("wagtailcore", "Revision").objects.create(
        content_type=content_type("strategy", "homepage"),
        base_content_type=content_type("wagtailcore", "page"),
        object_id=str(home_page.pk),
        content={"pk": home_page.pk, "title": "Safer Leicester", "intro": "Working together against knife crime."},
        created_at=now,
    )
    site = get("wagtailcore", "Site").objects.get(is_default_site=True)
    site.root_page = home_page
    site.save()
    site_settings = get("strategy", "SiteSettings").objects.create(
        site=site, council_name="Leicester City Council", contact_email="safer@example.com", privacy_page=privacy
    )

    response = get("consultation", "Response").objects.create(
        survey_title="Feeling safe in your area", submission_token=uuid.uuid4().hex, age_band="16_17", ward=ward
    )
    feedback = get("consultation", "Feedback").objects.create(
        source="survey",
        response=response,
        question_text="What would make you feel safer?",
        text="More youth clubs open in the evening.",
        ward=ward,
        created_at=now,
        reviewed=True,
        reviewed_at=now,
        reviewed_by=user,
        confirmed_theme_bits=1 << theme.bit,
    )
    get("consultation", "ThemedFeedback").objects.create(tag=theme, content_object=feedback)

    booking = get("events", "Booking").objects.create(
        event=event, status="confirmed", places=2, name="Sam Taylor", email="sam@example.com", consent_at=now
    )

    member = get("forum", "Member").objects.create(user=user, display_name="Officer", status="approved")
    category = get("forum", "Category").objects.create(name="Staying safe", slug="staying-safe")
    thread = get("forum", "Thread").objects.create(
        category=category, author=member, title="Walking home", created_at=now, last_post_at=now, post_count=2
    )
    Post_ = get("forum", "Post")
    posts = [
        Post_.objects.create(
            thread=thread, author=member, body=body, body_html=f"<p>{body}</p>", created_at=now, status="visible"
        )
        for body in ("Which routes feel safe?", "The lit path by the park.")
    ]

    export_log = get("consultation", "ExportLog").objects.create(
        user=user, kind="feedback", filters={"ward": "castle"}, row_count=1, included_personal_data=True
    )
    phrase = get("consultation", "SafeguardingPhrase").objects.create(phrase="upgrade test phrase", category="other")

    rows = {
        (Theme, theme.pk): Theme_,
        (Ward, ward.pk): get("strategy", "Ward"),
        (SiteSettings, site_settings.pk): get("strategy", "SiteSettings"),
        (HomePage, home_page.pk): get("strategy", "HomePage"),
        (StandardPage, privacy.pk): get("strategy", "StandardPage"),
        (EventPage, event.pk): get("events", "EventPage"),
        (Response, response.pk): get("consultation", "Response"),
        (Feedback, feedback.pk): get("consultation", "Feedback"),
        (Booking, booking.pk): get("events", "Booking"),
        (Thread, thread.pk): get("forum", "Thread"),
        **{(Post, post.pk): Post_ for post in posts},
        (ExportLog, export_log.pk): get("consultation", "ExportLog"),
        (SafeguardingPhrase, phrase.pk): get("consultation", "SafeguardingPhrase"),
    }
    return {
        "values": {key: _values(old_model, key[1]) for key, old_model in rows.items()},
        "content_type_ids": {model: content_type(old_app, model).pk for old_app, _new_app, model in MOVED},
        "theme": theme.pk,
        "ward": ward.pk,
        "home": home_page.pk,
        "privacy": privacy.pk,
        "event": event.pk,
        "revision": revision.pk,
        "site": site.pk,
        "feedback": feedback.pk,
        "response": response.pk,
        "booking": booking.pk,
        "thread": thread.pk,
        "user": user.pk,
        "group": group.pk,
        "change_theme": change_theme.pk,
    }


def _values(model, pk) -> dict:
    """A row as the model reads it; StreamField values as their stored JSON, since old and new
    block definitions are different objects."""
    row = model.objects.values().get(pk=pk)
    return {name: (list(value.raw_data) if hasattr(value, "raw_data") else value) for name, value in row.items()}


def _check_rows_unchanged(before: dict) -> None:
    # Columns a later migration added (with their defaults) are not the old row's: compare the
    # columns the row had.
    for (model, pk), old_values in before["values"].items():
        new_values = _values(model, pk)
        assert {name: new_values.get(name) for name in old_values} == old_values, (
            f"{model.__name__} {pk} changed in the upgrade"
        )
    assert Theme.objects.count() == 6
    # An English phrase from before languages is English and counts as reviewed.
    phrase = SafeguardingPhrase.objects.get(phrase="upgrade test phrase")
    assert phrase.language == "en-gb" and phrase.reviewed


def _check_relations_resolve_to_new_models(before: dict) -> None:
    feedback = Feedback.objects.get(pk=before["feedback"])
    assert isinstance(feedback.ward, Ward)
    assert (feedback.ward.name, feedback.ward.slug) == ("Castle", "castle")
    assert list(feedback.themes.all()) == [Theme.objects.get(pk=before["theme"])]
    assert Response.objects.get(pk=before["response"]).ward_id == before["ward"]

    booking = Booking.objects.get(pk=before["booking"])
    assert (booking.name, booking.places, booking.status) == ("Sam Taylor", 2, "confirmed")
    event = booking.event
    assert isinstance(event, EventPage)
    assert event.ward == Ward.objects.get(pk=before["ward"])
    assert [theme.pk for theme in event.themes.all()] == [before["theme"]]

    thread = Thread.objects.get(pk=before["thread"])
    assert [post.body for post in thread.posts.order_by("pk")] == [
        "Which routes feel safe?",
        "The lit path by the park.",
    ]

    site = Site.objects.get(pk=before["site"])
    site_settings = SiteSettings.for_site(site)
    assert site_settings.contact_email == "safer@example.com"
    assert site_settings.privacy_page_id == before["privacy"]


def _check_pages_are_home_pages(before: dict) -> None:
    home_page = Page.objects.get(pk=before["home"])
    assert home_page.content_type.app_label == "home"
    assert isinstance(home_page.specific, HomePage)
    assert home_page.specific.intro == "Working together against knife crime."
    assert home_page.specific.body[0].value["text"] == "It starts with us."

    assert not any(Page.find_problems()), "the page tree is intact"
    privacy = Page.objects.get(pk=before["privacy"])
    assert isinstance(privacy.specific, StandardPage)
    assert privacy.get_parent().pk == before["home"]
    assert isinstance(Page.objects.get(pk=before["event"]).specific, EventPage)

    revision = Revision.objects.get(pk=before["revision"])
    assert revision.content_type.model_class() is HomePage
    assert isinstance(Site.objects.get(pk=before["site"]).root_page.specific, HomePage)


def _check_content_types_moved(before: dict, *, to_new_app: bool) -> None:
    """Each moved model's content type is the same row (same id, so every page, revision and
    permission still points at it) under the new app label; none is left, or made, under the
    other label."""
    ContentType.objects.clear_cache()
    for old_app, new_app, model in MOVED:
        expected, other = (new_app, old_app) if to_new_app else (old_app, new_app)
        found = ContentType.objects.filter(model=model, app_label__in=[old_app, new_app])
        assert list(found.values_list("pk", "app_label")) == [(before["content_type_ids"][model], expected)], (
            f"{model}: expected only {expected}, not {other}"
        )


def _check_permissions_follow(before: dict) -> None:
    change_theme = Permission.objects.get(pk=before["change_theme"])
    assert (change_theme.content_type.app_label, change_theme.codename) == ("core", "change_theme")
    assert list(Group.objects.get(pk=before["group"]).permissions.all()) == [change_theme]
    assert Group.objects.get(name="Editors").permissions.filter(pk=change_theme.pk).exists()
    assert not Permission.objects.filter(content_type__app_label="strategy", codename="change_theme")
    user = User.objects.get(pk=before["user"])
    assert user.has_perm("core.change_theme")


def _check_old_models_read_back(apps, before: dict) -> None:
    """After migrating back, the models as they were (`apps`) read the same rows again."""
    themed = apps.get_model("consultation", "ThemedFeedback").objects.filter(content_object_id=before["feedback"])
    assert [item.tag.name for item in themed] == [before["values"][(Theme, before["theme"])]["name"]]
    page = apps.get_model("wagtailcore", "Page").objects.get(pk=before["home"])
    assert (page.content_type.app_label, page.content_type.model) == ("strategy", "homepage")
    change_theme = apps.get_model("auth", "Permission").objects.get(pk=before["change_theme"])
    assert change_theme.content_type.app_label == "strategy"
