"""The outbox (core/outbox.py): an email claimed on its row goes once, however often and from
however many workers it is tried, and a failed send leaves it owed."""

import logging

import pytest
from django.db.models import Q
from django.utils import timezone

from consultation.models import Feedback
from core.outbox import NobodyToSend, send_once, send_once_recorded
from forum.models import HeldPostsDigest, Notification
from tests.forum.factories import MemberFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def feedback():
    return Feedback.objects.create(source="youth_voice", text="x", created_at=timezone.now())


def _rows(feedback):
    return Feedback.objects.filter(pk=feedback.pk)


def _stamp(feedback):
    return Feedback.objects.values_list("alerted_at", flat=True).get(pk=feedback.pk)


def test_two_calls_send_once_and_the_row_keeps_the_claim(feedback):
    sent = []
    assert send_once(rows=_rows(feedback), stamp_field="alerted_at", send=sent.append) is True
    assert send_once(rows=_rows(feedback), stamp_field="alerted_at", send=sent.append) is False
    assert len(sent) == 1
    assert [row.pk for row in sent[0]] == [feedback.pk]
    assert _stamp(feedback) is not None


def test_a_failed_send_releases_the_claim_and_raises(feedback):
    def down(claimed):
        raise ConnectionError("mail server down")

    with pytest.raises(ConnectionError):
        send_once(rows=_rows(feedback), stamp_field="alerted_at", send=down)
    assert _stamp(feedback) is None


def test_after_a_release_the_next_call_sends(feedback):
    def down(claimed):
        raise ConnectionError("mail server down")

    with pytest.raises(ConnectionError):
        send_once(rows=_rows(feedback), stamp_field="alerted_at", send=down)
    sent = []
    assert send_once(rows=_rows(feedback), stamp_field="alerted_at", send=sent.append) is True
    assert len(sent) == 1


def test_a_row_that_no_longer_meets_the_condition_is_not_claimed(feedback):
    sent = []
    flagged = Q(safeguarding_flag=True)
    assert not send_once(rows=_rows(feedback), stamp_field="alerted_at", when=flagged, send=sent.append)
    assert sent == [] and _stamp(feedback) is None


def test_the_release_does_not_repeat_the_condition(feedback):
    """A row that changes while its email goes is still released, so the email stays owed."""
    Feedback.objects.filter(pk=feedback.pk).update(safeguarding_flag=True)

    def changed_then_down(claimed):
        Feedback.objects.filter(pk=feedback.pk).update(safeguarding_flag=False)
        raise ConnectionError("mail server down")

    with pytest.raises(ConnectionError):
        send_once(
            rows=_rows(feedback), stamp_field="alerted_at", when=Q(safeguarding_flag=True), send=changed_then_down
        )
    assert _stamp(feedback) is None


def test_nobody_to_send_to_releases_the_claim_and_logs_it(feedback, caplog):
    def nobody(claimed):
        raise NobodyToSend("nobody in the group")

    with caplog.at_level(logging.ERROR, logger="core.outbox"):
        assert send_once(rows=_rows(feedback), stamp_field="alerted_at", send=nobody) is False
    assert _stamp(feedback) is None
    assert "nobody in the group" in caplog.text


def test_send_is_given_only_the_rows_this_call_claimed():
    member = MemberFactory()
    posts = PostFactory.create_batch(3)
    notifications = [Notification.objects.create(member=member, post=post) for post in posts]
    earlier = timezone.now() - timezone.timedelta(hours=1)
    Notification.objects.filter(pk=notifications[0].pk).update(sent_at=earlier)  # sent before
    sent = []
    assert send_once(rows=Notification.objects.filter(member=member), stamp_field="sent_at", send=sent.append)
    assert sorted(row.pk for row in sent[0]) == sorted(n.pk for n in notifications[1:])
    assert Notification.objects.get(pk=notifications[0].pk).sent_at == earlier


def test_an_error_that_trying_again_cannot_fix_is_written_with_the_release():
    notification = Notification.objects.create(member=MemberFactory(), post=PostFactory())

    def refused(claimed):
        raise ValueError("Invalid address")

    with pytest.raises(ValueError):
        send_once(
            rows=Notification.objects.filter(pk=notification.pk),
            stamp_field="sent_at",
            send=refused,
            failed=lambda error: {"failed_at": timezone.now(), "failure_reason": str(error)},
        )
    notification.refresh_from_db()
    assert notification.sent_at is None
    assert notification.failed_at is not None and notification.failure_reason == "Invalid address"


def test_a_recorded_email_goes_once_per_record_and_a_failure_removes_the_record():
    def down(digest):
        raise ConnectionError("mail server down")

    with pytest.raises(ConnectionError):
        send_once_recorded(record=HeldPostsDigest(occasion="new:1"), send=down)
    assert not HeldPostsDigest.objects.filter(occasion="new:1").exists()
    sent = []
    assert send_once_recorded(record=HeldPostsDigest(occasion="new:1"), send=sent.append) is True
    assert send_once_recorded(record=HeldPostsDigest(occasion="new:1"), send=sent.append) is False
    assert [digest.occasion for digest in sent] == ["new:1"]
