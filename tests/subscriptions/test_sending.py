"""Each trigger tells the right people once; filters by ward, audience and theme; the weekly
digest; the rate; a worker killed half-way; leaving with one click."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from core.models import Theme
from events.models import Audience
from strategy.models import RecommendationPage
from subscriptions import sending, tasks
from subscriptions.models import Delivery, Frequency, Item, Subscriber, Suppression, email_hash

from .conftest import links_in

pytestmark = pytest.mark.django_db


def test_publishing_an_event_tells_those_who_chose_its_ward_or_no_ward(wards, subscriber, publish_event, outbox):
    here, elsewhere = wards[0], wards[1]
    subscriber("here@example.org", events=True, wards=[here])
    subscriber("anywhere@example.org", events=True)
    subscriber("elsewhere@example.org", events=True, wards=[elsewhere])
    subscriber("consultations@example.org", consultations=True)
    pending = subscriber("pending@example.org", events=True)
    Subscriber.objects.filter(pk=pending.pk).update(status=Subscriber.Status.PENDING)
    event = publish_event(title="Street safety walk", ward=here)
    sent = outbox()
    assert set(sent) == {"here@example.org", "anywhere@example.org"}
    message = sent["here@example.org"][0]
    assert message.subject == "New event: Street safety walk"
    assert event.url in message.body and "Street safety walk" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert (
        message.extra_headers["List-Unsubscribe"].startswith("<http")
        and "/subscribe/unsubscribe/" in (message.extra_headers["List-Unsubscribe"])
    )
    assert links_in(message, "manage") and message.alternatives[0][1] == "text/html"


def test_publishing_the_event_again_tells_nobody_again(
    wards, subscriber, publish_event, django_capture_on_commit_callbacks
):
    subscriber("here@example.org", events=True)
    event = publish_event(title="Street safety walk", ward=wards[0])
    with django_capture_on_commit_callbacks(execute=True):
        event.title = "Street safety walk (new time)"
        event.save_revision().publish()
        tasks.deliveries_send_pending()
    assert len(mail.outbox) == 1
    assert Item.objects.filter(ref=f"event:{event.pk}").count() == 1


def test_event_audiences_are_respected(subscriber, publish_event, outbox):
    subscriber("young@example.org", events=True, event_audience=Audience.YOUNG_PEOPLE)
    subscriber("parents@example.org", events=True, event_audience=Audience.PARENTS)
    subscriber("all@example.org", events=True)
    publish_event(title="For young people", audience=Audience.YOUNG_PEOPLE)
    publish_event(title="For everyone", audience=Audience.EVERYONE)
    subjects = {address: sorted(m.subject for m in messages) for address, messages in outbox().items()}
    assert subjects == {
        "young@example.org": ["New event: For everyone", "New event: For young people"],
        "parents@example.org": ["New event: For everyone"],
        "all@example.org": ["New event: For everyone", "New event: For young people"],
    }


def test_past_cancelled_or_draft_events_tell_nobody(subscriber, publish_event):
    subscriber("all@example.org", events=True)
    publish_event(title="Over", start_at=timezone.now() - timedelta(days=3))
    publish_event(title="Called off", cancelled=True)
    assert mail.outbox == []


def test_a_survey_that_opens_when_published_tells_consultation_subscribers_once(subscriber, publish_survey, outbox):
    subscriber("consult@example.org", consultations=True)
    subscriber("events@example.org", events=True)
    survey = publish_survey(title="Feeling safe in the city centre", intro="Tell us where you feel safe.")
    sent = outbox()
    assert list(sent) == ["consult@example.org"]
    assert sent["consult@example.org"][0].subject == "New consultation: Feeling safe in the city centre"
    assert "Tell us where you feel safe." in sent["consult@example.org"][0].body
    assert survey.url in sent["consult@example.org"][0].body


def test_a_survey_published_before_it_opens_is_announced_when_it_opens(subscriber, publish_survey):
    subscriber("consult@example.org", consultations=True)
    opens = timezone.now() + timedelta(days=2)
    survey = publish_survey(title="Later", opens_at=opens)
    tasks.deliveries_send_pending()
    assert mail.outbox == []
    type(survey).objects.filter(pk=survey.pk).update(opens_at=timezone.now() - timedelta(minutes=5))
    tasks.deliveries_send_pending()
    tasks.deliveries_send_pending()
    assert [m.subject for m in mail.outbox] == ["New consultation: Later"]


def test_a_progress_update_tells_those_who_chose_one_of_its_themes_or_none(subscriber, add_progress, outbox):
    recommendation = RecommendationPage.objects.live().first()
    its_themes = list(Theme.objects.filter(tagged_recommendations__content_object=recommendation))
    other = Theme.objects.exclude(pk__in=[theme.pk for theme in its_themes]).first()
    subscriber("theme@example.org", progress=True, themes=its_themes[:1])
    subscriber("all@example.org", progress=True)
    subscriber("other@example.org", progress=True, themes=[other])
    add_progress(recommendation, text="Eight more schools signed the pledge.")
    sent = outbox()
    assert set(sent) == {"theme@example.org", "all@example.org"}
    message = sent["all@example.org"][0]
    assert message.subject == f"Progress update: {recommendation.heading}"
    assert "Eight more schools signed the pledge." in message.body


def test_old_progress_updates_and_republishing_tell_nobody(
    subscriber, add_progress, django_capture_on_commit_callbacks
):
    recommendation = RecommendationPage.objects.live().first()
    subscriber("all@example.org", progress=True)
    add_progress(recommendation, text="History filled in later.", on=timezone.localdate() - timedelta(days=60))
    assert mail.outbox == []
    add_progress(recommendation, text="Today.")
    with django_capture_on_commit_callbacks(execute=True):
        RecommendationPage.objects.get(pk=recommendation.pk).save_revision().publish()
    assert len(mail.outbox) == 1


def test_emails_are_sent_in_the_subscribers_language(subscriber, publish_event, settings):
    settings.LANGUAGES = [("en-gb", "English"), ("cy", "Welsh")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES  # what editors write is translated too
    person = subscriber("cymraeg@example.org", events=True)
    Subscriber.objects.filter(pk=person.pk).update(language="cy")
    seen = []
    original = sending.render_to_string

    def spy(template, context=None, *args, **kwargs):
        from django.utils import translation

        seen.append(translation.get_language())
        return original(template, context, *args, **kwargs)

    sending.render_to_string = spy
    try:
        publish_event(title="Digwyddiad")
    finally:
        sending.render_to_string = original
    assert seen and set(seen) == {"cy"}


# --- The weekly digest --------------------------------------------------------------------------


def test_a_weekly_subscriber_gets_one_digest_with_the_weeks_items_once(subscriber, publish_event, publish_survey):
    subscriber("weekly@example.org", events=True, consultations=True, frequency=Frequency.WEEKLY)
    publish_event(title="First event")
    publish_event(title="Second event")
    publish_survey(title="Lighting survey")
    assert mail.outbox == []  # nothing as it happens
    assert tasks.digests_send() == 1
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.subject.startswith("This week from")
    for title in ("First event", "Second event", "Lighting survey"):
        assert digest.body.count(title) == 1
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Next week: only what is new.
    assert tasks.digests_send() == 0
    publish_event(title="Third event")
    tasks.digests_send()
    assert len(mail.outbox) == 2
    assert "Third event" in mail.outbox[1].body and "First event" not in mail.outbox[1].body


# --- Exactly once ------------------------------------------------------------------------------


class _Killed(BaseException):
    """Stands for the worker being killed: not an Exception, so nothing catches it."""


def test_a_worker_killed_mid_batch_resumes_without_sending_anyone_twice(subscriber, settings, monkeypatch):
    for n in range(20):
        subscriber(f"person{n}@example.org", consultations=True)
    item = Item.objects.create(kind=Item.Kind.CONSULTATION, ref="consultation:test", title="A survey", link="/")
    sending.deliveries_create(item_id=item.pk)
    assert Delivery.objects.filter(item=item).count() == 20

    original = sending.EmailMultiAlternatives.send
    calls = {"n": 0}

    def dies_on_the_eighth(message, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 8:
            raise _Killed
        return original(message, *args, **kwargs)

    monkeypatch.setattr(sending.EmailMultiAlternatives, "send", dies_on_the_eighth)
    with pytest.raises(_Killed):
        sending.deliveries_send()
    assert len(mail.outbox) == 7
    monkeypatch.setattr(sending.EmailMultiAlternatives, "send", original)
    # The next run (beat, or a new worker) carries on; running it twice sends nothing more.
    sending.deliveries_send()
    sending.deliveries_send()
    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 19
    # The one in flight when the worker died stays claimed: lost rather than sent twice.
    assert Delivery.objects.filter(item=item, sent_at__isnull=True).count() == 0


def test_a_failed_send_is_retried_and_a_refused_address_is_not(subscriber, monkeypatch):
    subscriber("flaky@example.org", consultations=True)
    subscriber("refused@example.org", consultations=True)
    item = Item.objects.create(kind=Item.Kind.CONSULTATION, ref="consultation:t2", title="T", link="/")
    sending.deliveries_create(item_id=item.pk)
    original = sending.EmailMultiAlternatives.send

    def fails(message, *args, **kwargs):
        if message.to == ["flaky@example.org"]:
            raise ConnectionError("mail server down")
        raise ValueError("address refused")

    monkeypatch.setattr(sending.EmailMultiAlternatives, "send", fails)
    assert sending.deliveries_send() == 0
    refused = Delivery.objects.get(subscriber__email="refused@example.org")
    flaky = Delivery.objects.get(subscriber__email="flaky@example.org")
    assert refused.failed_at and refused.sent_at is None
    assert flaky.failed_at is None and flaky.sent_at is None
    monkeypatch.setattr(sending.EmailMultiAlternatives, "send", original)
    assert sending.deliveries_send() == 1
    assert [m.to for m in mail.outbox] == [["flaky@example.org"]]


def test_sending_keeps_to_the_configured_rate(subscriber):
    for n in range(5):
        subscriber(f"p{n}@example.org", consultations=True)
    item = Item.objects.create(kind=Item.Kind.CONSULTATION, ref="consultation:rate", title="T", link="/")
    sending.deliveries_create(item_id=item.pk)
    clock = {"now": 0.0}
    slept = []

    def sleep(seconds):
        slept.append(seconds)
        clock["now"] += seconds

    pace = sending.Pace(10, sleep=sleep, clock=lambda: clock["now"])
    assert sending.deliveries_send(pace=pace) == 5
    # 10 a second: the first goes at once, then one every tenth of a second.
    assert slept == pytest.approx([0.1] * 4)


def test_only_one_sender_runs_at_a_time(subscriber):
    from django.core.cache import cache

    subscriber("p@example.org", consultations=True)
    item = Item.objects.create(kind=Item.Kind.CONSULTATION, ref="consultation:lock", title="T", link="/")
    sending.deliveries_create(item_id=item.pk)
    cache.add(tasks.SEND_LOCK, True, 60)
    assert tasks.deliveries_send() == 0
    cache.delete(tasks.SEND_LOCK)
    assert tasks.deliveries_send() == 1


# --- Leaving -------------------------------------------------------------------------------------


def test_one_click_unsubscribe_by_post_works_without_a_session_or_csrf_token(subscriber, publish_event):
    person = subscriber("leaving@example.org", events=True)
    publish_event(title="Anything")
    header = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = header.split("://", 1)[1].split("/", 1)[1]
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscriber.objects.filter(pk=person.pk).exists()
    assert not Delivery.objects.filter(subscriber_id=person.pk).exists()
    assert Suppression.objects.filter(email_sha256=email_hash("leaving@example.org")).exists()
    assert not Suppression.objects.filter(email_sha256__contains="leaving").exists()
    # The mail program tries again: still fine, nothing else happens.
    again = mail_program.post(f"/{path}", {"List-Unsubscribe": "One-Click"})
    assert again.status_code == 200 and "This link has been used already" in again.content.decode()


def test_following_the_unsubscribe_link_asks_before_removing(client, subscriber):
    from subscriptions.links import unsubscribe_link

    person = subscriber("leaving@example.org", events=True)
    path = "/" + unsubscribe_link(person).split("://", 1)[1].split("/", 1)[1]
    page = client.get(path)
    assert page.status_code == 200 and "Unsubscribe from email updates" in page.content.decode()
    assert Subscriber.objects.filter(pk=person.pk).exists()


def test_the_manage_page_changes_the_choices(client, subscriber, wards):
    from subscriptions.links import manage_link

    person = subscriber("me@example.org", events=True)
    path = "/" + manage_link(person).split("://", 1)[1].split("/", 1)[1]
    page = client.get(path)
    assert 'name="events" id="id_events" checked' in page.content.decode()
    response = client.post(
        path, {"progress": "on", "frequency": "weekly", "event_wards": [wards[0].pk], "event_audience": ""}
    )
    assert "Your choices are saved." in response.content.decode()
    person.refresh_from_db()
    assert person.progress and not person.events and person.frequency == "weekly"
    assert list(person.event_wards.all()) == []  # wards only count for events
    bad = client.post(path, {"frequency": "weekly"})
    assert "Choose at least one thing to hear about" in bad.content.decode()
    person.refresh_from_db()
    assert person.progress


def test_an_unsubscribed_address_cannot_be_added_back_by_an_import(subscriber):
    from subscriptions.services import address_suppressed, subscription_cancel

    person = subscriber("gone@example.org", events=True)
    subscription_cancel(subscriber=person)
    assert address_suppressed(email="Gone@Example.org")
    assert not address_suppressed(email="other@example.org")
