"""Signing up with double opt-in, without telling anyone whether an address is subscribed."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from subscriptions.links import manage_link
from subscriptions.models import Subscriber, Suppression, email_hash
from subscriptions.signup import signup_process

from .conftest import links_in

pytestmark = pytest.mark.django_db

URL = "/subscribe/"


def _form(email="sam@example.org", **extra):
    return {"email": email, "events": "on", "frequency": "immediate", "event_audience": "", **extra}


def _sign_up(client, django_capture_on_commit_callbacks, **fields):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(URL, _form(**fields))


def test_the_form_says_what_is_sent_and_how_to_stop(client):
    content = client.get(URL).content.decode()
    assert "Keep me posted" in content
    assert "Every email has a link to change what you get and a link to stop at once" in content
    assert "delete your address after 7 days" in content


def test_signing_up_sends_a_confirmation_and_nothing_else(client, django_capture_on_commit_callbacks):
    response = _sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == reverse("subscriptions:check_email")
    person = Subscriber.objects.get(email="sam@example.org")
    assert person.status == Subscriber.Status.PENDING and person.events and not person.consultations
    assert len(mail.outbox) == 1
    assert links_in(mail.outbox[0], "confirm")
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers  # nothing to stop yet
    assert mail.outbox[0].alternatives[0][1] == "text/html"


def test_following_the_confirmation_link_and_pressing_confirm_confirms(client, django_capture_on_commit_callbacks):
    _sign_up(client, django_capture_on_commit_callbacks)
    link = links_in(mail.outbox[0], "confirm")[0]
    page = client.get(link)
    assert page.status_code == 200 and "Confirm your email updates" in page.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # a GET (a link scanner) confirms nothing
    response = client.post(link)
    assert "<h1>You're signed up</h1>" in response.content.decode()
    person = Subscriber.objects.get()
    assert person.status == Subscriber.Status.CONFIRMED and person.confirmed_at


def test_a_confirmation_link_used_twice_says_so_and_changes_nothing(client, django_capture_on_commit_callbacks):
    _sign_up(client, django_capture_on_commit_callbacks)
    link = links_in(mail.outbox[0], "confirm")[0]
    client.post(link)
    confirmed_at = Subscriber.objects.get().confirmed_at
    response = client.post(link)
    assert response.status_code == 200 and "Already confirmed" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at == confirmed_at


def test_an_expired_confirmation_link_is_refused(client, django_capture_on_commit_callbacks):
    from django.core import signing

    _sign_up(client, django_capture_on_commit_callbacks)
    person = Subscriber.objects.get()
    # The same link, signed 8 days ago.
    stale = signing.TimestampSigner(salt="subscriptions.confirm")
    eight_days_ago = signing.b62_decode(stale.timestamp()) - 8 * 24 * 60 * 60
    stale.timestamp = lambda: signing.b62_encode(eight_days_ago)
    token = stale.sign(person.key)
    response = client.post(f"/subscribe/confirm/{token}/")
    assert response.status_code == 410 and "This link has expired" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize("token", ["nonsense", "abc:def:ghi", "x" * 3000])
def test_a_tampered_link_is_refused_and_changes_nothing(client, django_capture_on_commit_callbacks, token):
    _sign_up(client, django_capture_on_commit_callbacks)
    link = links_in(mail.outbox[0], "confirm")[0]
    for url in (f"/subscribe/confirm/{token}/", f"/subscribe/manage/{token}/", f"/subscribe/unsubscribe/{token}/"):
        response = client.post(url)
        assert response.status_code == 404 and "This link does not work" in response.content.decode()
    # A confirmation link cannot unsubscribe, nor manage: each purpose has its own salt.
    token = link.split("/")[3]
    assert client.post(f"/subscribe/unsubscribe/{token}/").status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"email": "not an address"}, "email", "Enter an email address in the right format"),
        ({"email": ""}, "email", "Enter your email address"),
        ({"events": ""}, "consultations", "Choose at least one thing to hear about"),
        ({"frequency": "hourly"}, "frequency", "Choose how often"),
        ({"event_wards": ["999999"]}, "event_wards", "Choose wards from the list"),
        ({"email": "a\x1fb@example.org"}, "email", "Enter an email address in the right format"),
        ({"email": "x" * 5000 + "@example.org"}, "email", "254 characters or fewer"),
    ],
)
def test_bad_input_gets_a_message_keeps_what_was_typed_and_saves_nothing(
    client, django_capture_on_commit_callbacks, fields, field, message
):
    data = {**_form(), **fields}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content and message in content
    assert f'href="#id_{field}' in content
    assert 'name="events" id="id_events" checked' in content or fields.get("events") == ""
    assert not Subscriber.objects.exists() and not mail.outbox


def test_the_honeypot_quietly_drops_a_bot(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**_form(), "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not mail.outbox


def test_an_address_already_subscribed_gets_a_manage_link_and_nothing_changes(
    client, django_capture_on_commit_callbacks, subscriber
):
    person = subscriber("known@example.org", consultations=True)
    response = _sign_up(client, django_capture_on_commit_callbacks, email="Known@Example.org", events="", progress="on")
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.consultations and not person.progress and not person.events
    assert len(mail.outbox) == 1 and links_in(mail.outbox[0], "manage") and not links_in(mail.outbox[0], "confirm")


def _view_queries(client, email):
    """What answering a sign-up costs the web request, the background task apart."""
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, _form(email=email))
    return response, len(queries)


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(client, subscriber):
    """No enumeration: the same redirect, the same page and the same work in the request (the
    address is looked up only in the background task), so neither the answer nor its timing
    tells whether an address is subscribed."""
    subscriber("known@example.org", events=True)
    known, known_queries = _view_queries(client, "known@example.org")
    unknown, unknown_queries = _view_queries(client, "unknown@example.org")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known_queries == unknown_queries
    assert not any("known@example.org" in str(query) for query in connection.queries[-known_queries:])
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content


def test_the_request_itself_never_reads_the_subscribers_table(client, subscriber):
    subscriber("known@example.org", events=True)
    with CaptureQueriesContext(connection) as queries:
        client.post(URL, _form(email="known@example.org"))
    assert not any("subscriptions_subscriber" in query["sql"] for query in queries.captured_queries)


def test_asking_for_a_manage_link_answers_the_same_for_anyone(client, django_capture_on_commit_callbacks, subscriber):
    subscriber("known@example.org", events=True)
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post("/subscribe/manage/", {"email": "known@example.org"})
        unknown = client.post("/subscribe/manage/", {"email": "nobody@example.org"})
    assert known["Location"] == unknown["Location"] == reverse("subscriptions:check_email")
    assert [message.to for message in mail.outbox] == [["known@example.org"]]
    assert links_in(mail.outbox[0], "manage")


def test_signing_up_again_while_pending_replaces_the_choices_and_sends_the_link_again(
    client, django_capture_on_commit_callbacks
):
    _sign_up(client, django_capture_on_commit_callbacks)
    _sign_up(client, django_capture_on_commit_callbacks, events="", consultations="on")
    person = Subscriber.objects.get()
    assert person.consultations and not person.events
    assert len(mail.outbox) == 2


def test_one_address_is_sent_few_emails_however_often_it_is_signed_up(
    client, django_capture_on_commit_callbacks, settings
):
    settings.SUBSCRIPTION_EMAIL_LIMIT = "3/h"
    settings.SUBMISSION_RATE_LIMIT = "100/m"
    for _ in range(6):
        _sign_up(client, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3


def test_sign_ups_are_rate_limited_per_visitor_address(client, django_capture_on_commit_callbacks, settings):
    settings.SUBMISSION_RATE_LIMIT = "2/m"
    responses = [_sign_up(client, django_capture_on_commit_callbacks, email=f"person{n}@example.org") for n in range(3)]
    assert [response.status_code for response in responses] == [302, 302, 429]
    assert "Nothing has been sent yet" in responses[-1].content.decode()
    assert Subscriber.objects.count() == 2


def test_confirming_lifts_a_suppression_the_person_asked_for_it(client, django_capture_on_commit_callbacks):
    Suppression.objects.create(email_sha256=email_hash("sam@example.org"))
    _sign_up(client, django_capture_on_commit_callbacks)
    client.post(links_in(mail.outbox[0], "confirm")[0])
    assert not Suppression.objects.exists()


def test_unconfirmed_sign_ups_go_after_seven_days_and_confirmed_ones_stay(subscriber):
    from django.utils import timezone

    from core.retention import retention_apply

    pending = Subscriber.objects.create(email="pending@example.org", events=True)
    fresh = Subscriber.objects.create(email="fresh@example.org", events=True)
    kept = subscriber("kept@example.org", events=True)
    Subscriber.objects.filter(pk__in=[pending.pk, kept.pk]).update(created_at=timezone.now() - timedelta(days=8))
    run = retention_apply()
    assert run.counts["subscriptions.unconfirmed"] == 1
    assert set(Subscriber.objects.values_list("email", flat=True)) == {fresh.email, kept.email}
    assert retention_apply().counts["subscriptions.unconfirmed"] == 0


# --- In the language of the page the person signed up on ---------------------------------------


@pytest.mark.parametrize(
    ("code", "subject", "body"),
    [
        ("ur", "ای میل اپ ڈیٹس کی تصدیق کریں", "کسی نے، امید ہے آپ نے"),
        ("pl", "Potwierdź powiadomienia e-mail", "Ktoś, mamy nadzieję, że Ty"),
    ],
)
def test_the_confirmation_goes_in_the_language_signed_up_in_with_its_links(
    client, django_capture_on_commit_callbacks, code, subject, body
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{code}{URL}", _form())
    assert response.status_code == 302 and response["Location"] == f"/{code}/subscribe/check-your-email/"
    assert Subscriber.objects.get().language == code
    message = mail.outbox[0]
    assert subject in message.subject
    assert body in message.body
    html = message.alternatives[0][0]
    assert f'<html lang="{code}" dir="{"rtl" if code == "ur" else "ltr"}">' in html
    # The link opens the confirmation page in the same language.
    link = re.search(rf"https?://\S+/{code}/subscribe/confirm/\S+/", message.body).group(0)
    page = client.get(re.sub(r"^https?://[^/]+", "", link))
    assert page.status_code == 200 and f'<html lang="{code}"' in page.content.decode()
    assert subject in unescape(page.content.decode())  # its heading, in that language


def test_signing_up_on_a_page_in_an_unknown_language_records_english():
    signup_process(email="x@example.org", choices=_form() | {"event_wards": [], "progress_themes": []}, language="xx")
    assert Subscriber.objects.get().language == "en-gb"


def test_saving_choices_on_a_page_in_another_language_moves_the_emails_to_it(
    client, django_capture_on_commit_callbacks
):
    _sign_up(client, django_capture_on_commit_callbacks)
    person = Subscriber.objects.get()
    assert person.language == "en-gb"
    path = re.sub(r"^https?://[^/]+", "", manage_link(person))
    response = client.post(f"/pl{path}", _form(email=""))
    assert response.status_code == 200
    person.refresh_from_db()
    assert person.language == "pl"


def test_the_theme_and_ward_names_on_a_translated_form_are_marked_as_written(client, themes, wards):
    html = client.get(f"/pl{URL}").content.decode()
    assert f'<span lang="en-GB" dir="ltr">{themes[0].name}</span></label>' in html
    assert f'<span lang="en-GB" dir="ltr">{wards[0].name}</span></label>' in html
    english = client.get(URL).content.decode()
    main = english.split("<main", 1)[1].split("</main>", 1)[0]
    assert f">{themes[0].name}</label>" in main and 'lang="en-GB"' not in main
