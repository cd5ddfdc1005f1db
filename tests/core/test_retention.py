"""The retention schedule (core/retention.py) with the clock moved forward: each kind of record
goes at its time and not before, a second run removes nothing more, and a run stopped half-way
leaves nothing half-removed."""

import dataclasses
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from consultation.models import ContactRequest, ExportJob, Feedback
from consultation.services import ContactDetails, response_submit, safeguarding_alert_handle, youth_voice_record
from core.models import DataRetentionSettings, ExportLog, RetentionRun
from core.retention import (
    RULE_KEYS,
    days_in_words,
    retention_apply,
    retention_rule,
    retention_rules,
    retention_step_register,
    retention_steps,
)
from events.models import Booking, EventPage
from forum.models import FORMER_MEMBER, Member, ModerationAction, Post
from tests.consultation.factories import FeedbackFactory
from tests.forum.factories import MemberFactory, PostFactory

pytestmark = pytest.mark.django_db

DAY = timedelta(days=1)


class Clock:
    """The time as everything reads it (django.utils.timezone.now: the run, the outbox's stamps),
    moved forward from the start of the test."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.start = timezone.now()

    def later(self, days: float):
        return self.start + timedelta(days=days)

    def run(self, days: float, **options):
        """Move the clock to `days` after the start and run the schedule."""
        moment = self.later(days)
        self.monkeypatch.setattr(timezone, "now", lambda: moment)
        return retention_apply(**options)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def _count(run, key):
    return run.counts.get(key, 0)


# --- The rules ----------------------------------------------------------------------------------


def test_the_defaults_are_the_issues_periods(settings):
    rules = {rule.key: rule for rule in retention_rules()}
    assert list(rules) == list(RULE_KEYS)
    assert rules["contact_requests"].days == 365
    assert rules["forum_accounts"].days == 730 and rules["forum_accounts"].warning_days == 30
    assert rules["bookings"].days == settings.EVENT_BOOKING_RETENTION_DAYS == 90
    assert rules["safeguarding_alerts"].days == 6 * 365
    assert rules["export_files"].days == settings.EXPORT_KEEP_DAYS == 7
    assert rules["logs"].days == 2 * 365


def test_each_period_reads_in_plain_words():
    rules = {rule.key: rule for rule in retention_rules()}
    assert rules["contact_requests"].period.startswith("1 year after the consultation closes, or once")
    assert "unused for 2 years, after an email 30 days before" in rules["forum_accounts"].period
    assert rules["bookings"].period.startswith("90 days after the event ends")
    assert rules["safeguarding_alerts"].period == "6 years after the alert is handled"
    assert rules["export_files"].period == "7 days after they are made"
    assert [days_in_words(days) for days in (1, 7, 365, 730, 400)] == [
        "1 day",
        "7 days",
        "1 year",
        "2 years",
        "400 days",
    ]


def test_the_settings_change_the_schedule():
    current = DataRetentionSettings.load()
    current.booking_days = 30
    current.save()
    assert retention_rule("bookings").days == 30
    assert retention_rule("bookings").period.startswith("30 days after")


def test_every_step_names_a_rule_and_every_rule_has_a_step():
    assert {step.rule for step in retention_steps()} == set(RULE_KEYS)


# --- Each kind at its time ------------------------------------------------------------------------


@pytest.fixture
def event():
    event = EventPage.objects.live().order_by("pk").first()
    EventPage.objects.filter(pk=event.pk).update(start_at=timezone.now() - DAY, end_at=timezone.now() - DAY / 2)
    event.refresh_from_db()
    return event


def test_bookings_lose_their_personal_data_after_the_period_and_not_before(event, clock):
    booking = Booking.objects.create(
        event=event, status=Booking.Status.CONFIRMED, name="Ann", email="ann@example.org", access_needs="Ramp"
    )
    assert _count(clock.run(89), "events.bookings") == 0
    assert Booking.objects.get(pk=booking.pk).email == "ann@example.org"
    assert _count(clock.run(91), "events.bookings") >= 1
    booking.refresh_from_db()
    assert (booking.name, booking.email, booking.access_needs) == ("", "", "") and booking.places == 1


def test_contact_requests_go_a_year_after_the_survey_closes(clock):
    from consultation.models import SurveyPage

    survey = SurveyPage.objects.live().first()
    SurveyPage.objects.filter(pk=survey.pk).update(closes_at=timezone.now() + 10 * DAY)
    survey.refresh_from_db()
    question = survey.questions.first()
    response = response_submit(
        survey=survey,
        answers={question.pk: {"value": "Fine"}},
        token="retention-survey",
        contact=ContactDetails(name="Bo", email="bo@example.org"),
    )
    contact = ContactRequest.objects.get(response=response)
    # A year after it was given is not enough: the clock starts when the survey closes.
    clock.run(366)
    assert ContactRequest.objects.filter(pk=contact.pk).exists()
    clock.run(376)
    assert not ContactRequest.objects.filter(pk=contact.pk).exists()
    assert response.answers.exists(), "the anonymous response stays"


def test_youth_voice_contact_requests_go_a_year_after_they_were_given(clock):
    rows = youth_voice_record(
        age_band="", ward=None, safer_text="Lights in the park.", contact=ContactDetails(name="Cy", phone="07700900123")
    )
    contact = ContactRequest.objects.get(feedback=rows[0])
    clock.run(364)
    assert ContactRequest.objects.filter(pk=contact.pk).exists()
    clock.run(366)
    assert not ContactRequest.objects.filter(pk=contact.pk).exists()
    assert Feedback.objects.get(pk=rows[0].pk).text == "Lights in the park."


def test_a_contact_request_goes_once_the_safeguarding_group_has_handled_its_alert(django_user_model, clock):
    rows = youth_voice_record(
        age_band="", ward=None, safer_text="Someone has a knife.", contact=ContactDetails(name="Di", email="d@x.org")
    )
    contact = ContactRequest.objects.get(feedback=rows[0])
    clock.run(0)
    assert ContactRequest.objects.filter(pk=contact.pk).exists()
    safeguarding_alert_handle(
        feedback=rows[0], user=django_user_model.objects.get(username="safeguarding"), note="Called back."
    )
    assert _count(clock.run(0), "consultation.contact_requests") >= 1
    assert not ContactRequest.objects.filter(pk=contact.pk).exists()


def test_safeguarding_records_go_six_years_after_the_alert_was_handled(django_user_model, clock):
    lead = django_user_model.objects.get(username="safeguarding")
    handled = FeedbackFactory(
        safeguarding_flag=True,
        safeguarding_handled_at=timezone.now(),
        safeguarding_handled_by=lead,
        safeguarding_note="Spoke to the school about the pupil.",
    )
    open_alert = FeedbackFactory(safeguarding_flag=True)
    clock.run(6 * 365 - 1)
    assert Feedback.objects.get(pk=handled.pk).safeguarding_note
    clock.run(6 * 365 + 1)
    handled.refresh_from_db()
    assert (handled.safeguarding_note, handled.safeguarding_handled_by) == ("", None)
    assert handled.safeguarding_flag and handled.safeguarding_handled_at and handled.text
    assert Feedback.objects.get(pk=open_alert.pk).safeguarding_flag


def test_export_files_go_after_seven_days(settings, tmp_path, admin_user, clock):
    settings.EXPORT_ROOT = str(tmp_path)
    (tmp_path / "export.csv").write_text("text\n")
    job = ExportJob.objects.create(
        user=admin_user,
        format="csv",
        status=ExportJob.Status.DONE,
        file_name="export.csv",
        finished_at=timezone.now(),
        expires_at=timezone.now() + 7 * DAY,
    )
    clock.run(6)
    assert (tmp_path / "export.csv").exists()
    clock.run(8)
    assert not (tmp_path / "export.csv").exists()
    assert ExportJob.objects.get(pk=job.pk).status == ExportJob.Status.EXPIRED


def test_logs_keep_the_staff_user_and_lose_their_detail_after_two_years(admin_user, clock):
    member = MemberFactory()
    entry = ExportLog.objects.create(user=admin_user, kind="Feedback", filters={"q": "Sam Person"}, row_count=3)
    action = ModerationAction.objects.create(
        actor=admin_user, actor_name="admin", action="member_suspend", member=member, reason="Named a child."
    )
    clock.run(729)
    assert ExportLog.objects.get(pk=entry.pk).filters
    clock.run(731)
    entry.refresh_from_db()
    action.refresh_from_db()
    assert (entry.user, entry.kind, entry.row_count, entry.filters) == (admin_user, "Feedback", 3, {})
    assert (action.actor, action.action, action.member, action.reason) == (admin_user, "member_suspend", None, "")


# --- Unused forum accounts -------------------------------------------------------------------------


@pytest.fixture
def quiet_member(django_user_model):
    """A parent who last signed in today, with a post."""
    member = MemberFactory(display_name="Quiet")
    django_user_model.objects.filter(pk=member.user_id).update(last_login=timezone.now())
    member.refresh_from_db()
    PostFactory(author=member, body="Hello all.")
    return member


def _warnings_to(member):
    return [message for message in mail.outbox if member.user.email in message.to]


def test_an_unused_account_is_warned_30_days_before_and_then_deleted(quiet_member, clock):
    email = quiet_member.user.email
    mail.outbox.clear()
    clock.run(699)
    assert not _warnings_to(quiet_member)
    clock.run(701)
    warnings = _warnings_to(quiet_member)
    assert len(warnings) == 1 and "will be deleted" in warnings[0].subject
    assert "Former member" in warnings[0].body and "/accounts/login/" in warnings[0].body

    clock.run(702)
    assert len(_warnings_to(quiet_member)) == 1, "warned once"
    clock.run(729)
    assert Member.objects.get(pk=quiet_member.pk).user_id is not None

    clock.run(731.5)
    member = Member.objects.get(pk=quiet_member.pk)
    assert (member.user, member.display_name, member.status) == (None, FORMER_MEMBER, Member.Status.LEFT)
    assert Post.objects.get(author=member).body == "Hello all."
    assert not type(quiet_member.user).objects.filter(email=email).exists()


def test_signing_in_after_the_warning_keeps_the_account(quiet_member, django_user_model, clock):
    clock.run(701)
    django_user_model.objects.filter(pk=quiet_member.user_id).update(last_login=clock.later(710))
    clock.run(735)
    assert Member.objects.get(pk=quiet_member.pk).user_id == quiet_member.user_id


def test_an_account_is_never_deleted_without_30_days_warning(quiet_member, clock):
    # Unused for years already, as on the day the schedule first runs: warned now, deleted a month later.
    clock.run(2000)
    assert Member.objects.get(pk=quiet_member.pk).user_id is not None
    clock.run(2029)
    assert Member.objects.get(pk=quiet_member.pk).user_id is not None
    clock.run(2031)
    assert Member.objects.get(pk=quiet_member.pk).user_id is None


def test_a_warning_that_cannot_be_sent_is_tried_again_next_time(quiet_member, monkeypatch, clock):
    from django.core.mail import EmailMessage

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(EmailMessage, "send", refuse)
    clock.run(701)
    assert Member.objects.get(pk=quiet_member.pk).inactivity_warned_at is None
    monkeypatch.undo()
    clock.run(702)
    assert Member.objects.get(pk=quiet_member.pk).inactivity_warned_at is not None


def test_staff_accounts_are_never_warned_or_deleted(django_user_model, clock):
    officer = django_user_model.objects.get(username="officer")
    MemberFactory(user=officer, display_name="Officer")
    mail.outbox.clear()
    clock.run(800)
    clock.run(900)
    assert django_user_model.objects.filter(pk=officer.pk).exists()
    assert not [message for message in mail.outbox if officer.email in message.to]


# --- Runs ----------------------------------------------------------------------------------------


def test_a_second_run_removes_nothing_more(event, quiet_member, clock):
    Booking.objects.create(event=event, status=Booking.Status.CONFIRMED, name="Ed", email="ed@example.org")
    clock.run(701)
    first = clock.run(800)
    assert first.total > 0 and first.finished_at
    second = clock.run(800)
    assert second.total == 0 and second.finished_at
    assert set(second.counts) == {step.key for step in retention_steps()}


def test_runs_go_in_batches_and_log_counts_not_data(event, clock):
    for number in range(5):
        Booking.objects.create(
            event=event, status=Booking.Status.CONFIRMED, name=f"Guest {number}", email=f"g{number}@example.org"
        )
    run = clock.run(91, batch_size=2)
    assert run.counts["events.bookings"] >= 5
    assert "Guest" not in str(run.counts) and "example.org" not in str(run.counts)
    assert RetentionRun.objects.get(pk=run.pk).finished_at is not None


def test_a_run_stopped_half_way_leaves_nothing_half_removed(event, clock):
    """Bookings are removed in batches of 2; the step breaks while writing its third batch. The
    two batches before it are done, the broken one is untouched (no booking has lost its name
    but kept its email), and the next run finishes the job."""
    bookings = [
        Booking.objects.create(
            event=event, status=Booking.Status.CONFIRMED, name=f"Guest {n}", email=f"g{n}@example.org"
        )
        for n in range(6)
    ]
    step = next(step for step in retention_steps() if step.key == "events.bookings")
    calls = []

    def breaks_on_third_batch(*, rule, now, limit):
        calls.append(1)
        if len(calls) == 3:
            # Half of this batch's work is written, then the worker dies.
            batch = Booking.objects.filter(purged_at__isnull=True, event=event).order_by("pk")[:limit]
            Booking.objects.filter(pk__in=[b.pk for b in batch]).update(name="")
            raise KeyboardInterrupt("worker stopped")
        return step.apply(rule=rule, now=now, limit=limit)

    retention_step_register(dataclasses.replace(step, apply=breaks_on_third_batch))
    try:
        with pytest.raises(KeyboardInterrupt):
            clock.run(91, batch_size=2)
    finally:
        retention_step_register(step)

    rows = {booking.pk: booking for booking in Booking.objects.filter(pk__in=[b.pk for b in bookings])}
    for booking in rows.values():
        assert (booking.name == "") == (booking.email == "") == (booking.purged_at is not None), booking.pk
    assert sum(1 for booking in rows.values() if booking.purged_at) == 4
    stopped = RetentionRun.objects.latest("started_at")
    assert stopped.finished_at is None and stopped.error == "KeyboardInterrupt"
    assert stopped.counts["events.bookings"] == 4

    clock.run(91)
    assert not Booking.objects.filter(pk__in=list(rows), purged_at__isnull=True).exists()
