"""Finding, exporting and erasing everything held about one person (core/personal_data.py), and
the registry that makes every app say what it holds."""

import dataclasses
import io
import json
import zipfile

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import models

from consultation.models import ContactRequest, Feedback
from core.models import ErasureLog, ExportLog
from core.personal_data import (
    RecordsChanged,
    person_build,
    personal_data_covered_models,
    personal_data_erase,
    personal_data_export_zip,
    personal_data_find,
    personal_data_fingerprint,
    personal_data_register,
    personal_data_sources,
    phone_digits,
)
from events.models import Booking
from forum.models import FORMER_MEMBER, Member, Post, Report

from .conftest import EMAIL, NAME, PHONE

pytestmark = pytest.mark.django_db

OUR_APPS = {"core", "strategy", "consultation", "events", "forum", "localpicture", "home"}

# Fields that look personal by name but hold no one's personal data, and why.
NOT_PERSONAL = {
    "core.Theme.name": "one of the strategy's themes",
    "core.Ward.name": "an electoral ward",
    "core.SiteSettings.council_name": "the council's own name",
    "core.SiteSettings.strategy_name": "the strategy's title",
    "core.SiteSettings.contact_email": "the council's published contact address",
    "core.SiteSettings.contact_phone": "the council's published phone number",
    "core.SiteSettings.dpo_email": "the data protection office's published address (a role, not a person)",
    "core.SiteSettings.dpo_phone": "the data protection office's published phone number",
    "consultation.ExportJob.file_name": "a file's name",
    "events.EventPage.venue_name": "a place",
    "events.BleedKit.name": "where a kit is, such as a shop",
    "forum.Category.name": "a section of the forum",
    "forum.ModerationAction.actor_name": "the staff user who moderated: the log keeps staff by design",
    "localpicture.LocalPictureSettings.source_name": "the police force that publishes the data",
    "localpicture.CrimeCount.lsoa_name": "a census area",
    "localpicture.WardLookup.ward_name": "an electoral ward",
}


def _personal_fields():
    """Every text field of our models that looks like it holds an email address, a phone
    number or a name: an EmailField, a name with "email" or "phone" in it, or "name" or a name
    ending in "_name"."""
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.CharField | models.TextField):
                continue
            lowered = field.name.lower()
            if (
                isinstance(field, models.EmailField)
                or "email" in lowered
                or "phone" in lowered
                or lowered == "name"
                or lowered.endswith("_name")
            ):
                yield f"{model._meta.label}.{field.name}", model._meta.label


def _everything(person):
    return {finding.source.key: finding.rows for finding in personal_data_find(person=person) if finding.rows}


def _sam():
    return person_build(email=EMAIL)


# --- The registry ------------------------------------------------------------------------------


def test_every_model_with_an_email_phone_or_name_field_is_registered():
    covered = personal_data_covered_models()
    missing = sorted(field for field, model in _personal_fields() if field not in NOT_PERSONAL and model not in covered)
    assert not missing, f"Register these with core.personal_data (or say here why they are not personal): {missing}"


def test_the_exclusions_name_fields_that_exist():
    assert set(NOT_PERSONAL) <= {field for field, _ in _personal_fields()}


def test_every_registered_model_exists():
    for label in personal_data_covered_models():
        assert apps.get_model(label)


# --- Who a request is about ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["0116 496 0123", "01164960123", "+44 116 496 0123", "+44 (0)116 496 0123", "0044 116-496-0123"]
)
def test_a_phone_number_written_any_common_way_is_the_same_number(written):
    assert phone_digits(written) == "01164960123"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Give an email address"),
        ({"email": "not-an-email"}, "is not an email address"),
        ({"phone": "12"}, "at least 6 digits"),
        ({"name": "S"}, "at least 2 letters"),
    ],
)
def test_bad_details_are_refused_with_a_reason(fields, message):
    with pytest.raises(ValidationError) as raised:
        person_build(**fields)
    assert message in " ".join(raised.value.messages)


# --- Find ----------------------------------------------------------------------------------------


def test_find_returns_every_record_of_the_person(sam):
    found = _everything(_sam())
    assert found["consultation.contact_requests"] == [sam.contact]
    assert found["events.bookings"] == sam.bookings
    assert found["events.event_feedback"] == [sam.bookings[0]]
    assert found["forum.account"] == [sam.member]
    assert found["forum.join_request"] == [sam.member]
    assert found["forum.notification_settings"] == [sam.member]
    assert found["forum.posts"] == sam.posts
    assert found["forum.reports"] == [sam.report]
    assert "core.staff_accounts" not in found


def test_find_by_phone_or_name_finds_what_holds_them(sam):
    assert set(_everything(person_build(phone="+44 116 4960123"))) == {"consultation.contact_requests"}
    by_name = _everything(person_build(name="  sam   PERSON "))
    assert by_name["consultation.contact_requests"] == [sam.contact]
    assert by_name["events.bookings"] == sam.bookings
    assert "forum.account" not in by_name
    assert _everything(person_build(name="Sam P"))["forum.account"] == [sam.member]


def test_a_forum_account_is_found_by_any_email_address_it_has_added(sam):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=sam.member.user, email="sam.other@example.net", verified=True)
    assert _everything(person_build(email="SAM.OTHER@example.net"))["forum.account"] == [sam.member]


def test_find_finds_nothing_of_someone_else(sam):
    assert _everything(person_build(email="someone.else@example.org", phone="0207 000 0000", name="Alex Other")) == {}


def test_staff_accounts_are_found_but_never_erased(django_user_model):
    officer = django_user_model.objects.get(username="officer")
    found = _everything(person_build(email=officer.email))
    assert found == {"core.staff_accounts": [officer]}
    log = personal_data_erase(person=person_build(email=officer.email))
    assert log.total == 0
    assert django_user_model.objects.filter(pk=officer.pk, is_active=True).exists()


# --- Export ----------------------------------------------------------------------------------------


def test_export_holds_every_record_in_json_and_a_readable_summary(sam):
    name, content = personal_data_export_zip(person=person_build(email=EMAIL, phone=PHONE, name=NAME))
    assert EMAIL not in name and "sam" not in name.lower()
    archive = zipfile.ZipFile(io.BytesIO(content))
    files = set(archive.namelist())
    assert files == {
        "summary.html",
        "consultation.contact_requests.json",
        "events.bookings.json",
        "events.event_feedback.json",
        "forum.account.json",
        "forum.join_request.json",
        "forum.notification_settings.json",
        "forum.posts.json",
        "forum.reports.json",
    }
    contact = json.loads(archive.read("consultation.contact_requests.json"))
    assert contact["records"][0]["phone"] == PHONE
    assert contact["records"][0]["what_they_said"] == ["More youth clubs open in the evening."]
    bookings = json.loads(archive.read("events.bookings.json"))["records"]
    assert [booking["event"] for booking in bookings] == [booking.event.title for booking in sam.bookings]
    posts = json.loads(archive.read("forum.posts.json"))["records"]
    assert [post["text"] for post in posts] == ["One day at a time.", "And talking helps."]
    assert json.loads(archive.read("forum.join_request.json"))["records"][0]["why_they_asked"] == "My son was stabbed."
    assert json.loads(archive.read("forum.notification_settings.json"))["records"][0]["threads_followed"] == ["Coping"]
    summary = archive.read("summary.html").decode()
    assert "One day at a time." in summary and "Sam thinks this names a child." in summary


def test_the_summary_escapes_what_people_wrote(sam):
    Post.objects.filter(pk=sam.posts[0].pk).update(body="<script>alert(1)</script>")
    _, content = personal_data_export_zip(person=_sam())
    summary = zipfile.ZipFile(io.BytesIO(content)).read("summary.html").decode()
    assert "<script>" not in summary and "&lt;script&gt;" in summary


def test_an_export_is_logged_without_whom_it_was_about(sam, admin_user):
    personal_data_export_zip(person=person_build(email=EMAIL, name=NAME), user=admin_user)
    entry = ExportLog.objects.latest("created_at")
    assert entry.user == admin_user and entry.included_personal_data
    assert entry.filters == {"searched_by": ["email", "name"]}
    assert entry.row_count == sum(len(rows) for rows in _everything(person_build(email=EMAIL, name=NAME)).values())
    assert EMAIL not in json.dumps(entry.filters) and NAME not in json.dumps(entry.filters)


# --- Erase -----------------------------------------------------------------------------------------


def test_after_erasing_find_returns_nothing_and_the_anonymous_rows_stay(
    sam, admin_user, django_capture_on_commit_callbacks
):
    person = person_build(email=EMAIL, phone=PHONE, name=NAME)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        log = personal_data_erase(person=person, user=admin_user)

    assert _everything(person) == {}
    assert mail.outbox == []
    # What stays, anonymous
    assert not ContactRequest.objects.filter(pk=sam.contact.pk).exists()
    assert Feedback.objects.get(pk=sam.youth_voice.pk).text == "More youth clubs open in the evening."
    assert Feedback.objects.get(pk=sam.event_feedback.pk).text == "The talk was useful."
    for booking in Booking.objects.filter(pk__in=[booking.pk for booking in sam.bookings]):
        assert (booking.name, booking.email, booking.access_needs) == ("", "", "")
        assert booking.purged_at is not None and booking.status == Booking.Status.CONFIRMED
    member = Member.objects.get(pk=sam.member.pk)
    assert (member.display_name, member.status, member.user, member.join_reason) == (
        FORMER_MEMBER,
        Member.Status.LEFT,
        None,
        "",
    )
    assert not member.follows.exists()
    assert list(Post.objects.filter(author=member).values_list("body", flat=True)) == [
        "One day at a time.",
        "And talking helps.",
    ]
    report = Report.objects.get(pk=sam.report.pk)
    assert "Sam" not in report.reason and report.reporter_id == member.pk
    # The log: who, when, how many; nothing about Sam
    assert log.user == admin_user and log.via == ErasureLog.Via.ADMIN
    assert log.searched_by == ["email", "phone", "name"]
    assert log.counts["events.bookings"] == 2 and log.counts["forum.posts"] == 2
    assert log.total == sum(log.counts.values())
    assert EMAIL not in json.dumps([log.counts, log.searched_by])


def test_the_forum_thread_still_reads_correctly_after_erasing(sam, client, django_user_model):
    personal_data_erase(person=_sam())
    client.force_login(sam.other_post.author.user)
    html = client.get(sam.thread.get_absolute_url()).content.decode()
    assert "How do you cope?" in html and "One day at a time." in html and "And talking helps." in html
    assert FORMER_MEMBER in html and "Sam P" not in html


def test_erasing_again_finds_and_changes_nothing(sam):
    personal_data_erase(person=_sam())
    assert personal_data_erase(person=_sam()).total == 0


def test_nothing_is_erased_if_the_records_changed_since_they_were_confirmed(sam):
    confirmed = personal_data_fingerprint(personal_data_find(person=_sam()))
    Booking.objects.create(event=sam.bookings[0].event, status=Booking.Status.CONFIRMED, name=NAME, email=EMAIL)
    with pytest.raises(RecordsChanged):
        personal_data_erase(person=_sam(), expected=confirmed)
    assert ContactRequest.objects.filter(pk=sam.contact.pk).exists()
    assert not ErasureLog.objects.exists()


def test_an_erasure_that_fails_part_way_erases_nothing(sam):
    # The forum's reports are erased last: everything before them is undone with them.
    reports = next(source for source in personal_data_sources() if source.key == "forum.reports")

    def broken(rows):
        raise RuntimeError("the database went away")

    personal_data_register(dataclasses.replace(reports, erase=broken))
    try:
        with pytest.raises(RuntimeError):
            personal_data_erase(person=_sam())
    finally:
        personal_data_register(reports)
    assert ContactRequest.objects.filter(pk=sam.contact.pk).exists()
    assert Booking.objects.get(pk=sam.bookings[0].pk).email == EMAIL.upper()
    assert Member.objects.get(pk=sam.member.pk).user is not None
    assert not ErasureLog.objects.exists()
