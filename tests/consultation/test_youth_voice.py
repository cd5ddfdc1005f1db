"""A young person tells us, anonymously, what would make them feel safer."""

import re
from html import unescape

import pytest
from django.core import mail

from consultation.models import ContactRequest, Feedback
from core.models import Ward

pytestmark = pytest.mark.django_db


def test_page_is_short_plain_and_phone_first(client, youth_voice_page):
    html = unescape(client.get(youth_voice_page.url).content.decode())
    assert "What would make you feel safer where you live?" in html
    assert "How old are you?" in html
    for band in ("11 to 15", "16 to 18", "19 to 24", "Prefer not to say"):
        assert band in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html


def test_voice_is_recorded_anonymously_as_feedback(client, youth_voice_page, django_capture_on_commit_callbacks):
    ward = Ward.objects.get(name="Spinney Hills")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            youth_voice_page.url,
            {
                "age_band": "11-15",
                "ward": str(ward.pk),
                "safer": "More youth clubs open late",
                "anything_else": "Buses at night",
            },
            REMOTE_ADDR="203.0.113.9",
        )
    assert response.status_code == 302 and "done=" in response["Location"]
    rows = Feedback.objects.order_by("pk")
    assert [row.text for row in rows] == ["More youth clubs open late", "Buses at night"]
    assert all(row.source == "youth_voice" and row.age_band == "11-15" and row.ward == ward for row in rows)
    assert not ContactRequest.objects.exists()
    for row in rows:
        assert "203.0.113.9" not in str([getattr(row, f.attname) for f in row._meta.concrete_fields])
    assert not rows[0].safeguarding_flag
    assert "Thank you for telling us" in client.get(response["Location"]).content.decode()


def test_missing_answers_keep_what_was_typed(client, youth_voice_page):
    response = client.post(youth_voice_page.url, {"anything_else": "I like the park"})
    html = unescape(response.content.decode())
    assert response.status_code == 200
    assert "Tell us how old you are" in html and "Tell us what would make you feel safer" in html
    assert "I like the park" in html
    assert 'href="#id_age_band_0"' in html and 'href="#id_safer"' in html
    assert not Feedback.objects.exists()


def test_over_long_text_gets_a_clear_message(client, youth_voice_page):
    html = unescape(client.post(youth_voice_page.url, {"age_band": "16-18", "safer": "y" * 5001}).content.decode())
    assert "That's too long: please keep it under 5,000 characters" in html
    assert not Feedback.objects.exists()


def test_asking_to_be_contacted_needs_consent_and_a_way_to_reach_them(client, youth_voice_page):
    response = client.post(
        youth_voice_page.url, {"age_band": "16-18", "safer": "Help", "wants_contact": "on", "name": "Jo"}
    )
    html = unescape(response.content.decode())
    assert "Give us an email address or a phone number" in html
    assert "Tick the box to say it's OK for us to contact you" in html
    assert re.search(r"<details[^>]* open>", html)  # the contact section stays open
    assert not Feedback.objects.exists()


def test_contact_with_consent_is_stored_apart(client, youth_voice_page):
    client.post(
        youth_voice_page.url,
        {
            "age_band": "16-18",
            "safer": "Help",
            "wants_contact": "on",
            "name": "Jo",
            "phone": "07700 900123",
            "consent": "on",
        },
    )
    contact = ContactRequest.objects.get()
    assert contact.phone == "07700 900123" and contact.feedback.text == "Help"


def test_risk_shows_where_to_get_help_now_and_tells_safeguarding(
    client, youth_voice_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            youth_voice_page.url, {"age_band": "11-15", "safer": "my step dad hits me when he is drunk"}
        )
    html = unescape(client.get(response["Location"]).content.decode())
    assert "Get help now" in html and 'href="tel:999"' in html
    assert len(mail.outbox) == 1
    assert "hits me" not in mail.outbox[0].body


def test_kiosk_mode_returns_to_an_empty_form(client, youth_voice_page):
    response = client.post(f"{youth_voice_page.url}?kiosk=1", {"age_band": "19-24", "safer": "Lighting"})
    assert "kiosk=1" in response["Location"]
    thanks = client.get(response["Location"])
    html = unescape(thanks.content.decode())
    assert "Next person" in html
    assert 'class="kiosk-return"' in html
    assert 'http-equiv="refresh"' not in html  # a timer people cannot stop fails WCAG 2.2.1
    form = client.get(f"{youth_voice_page.url}?kiosk=1")
    assert "no-store" in form["Cache-Control"]
    assert "Lighting" not in form.content.decode()


def test_a_forged_thank_you_link_goes_back_to_the_form(client, youth_voice_page):
    response = client.get(f"{youth_voice_page.url}?done=not-signed")
    assert response.status_code == 302 and response["Location"] == youth_voice_page.url


def test_honeypot_drops_the_submission(client, youth_voice_page):
    client.post(youth_voice_page.url, {"age_band": "11-15", "safer": "Buy pills", "website": "x"})
    assert not Feedback.objects.exists()


def test_kiosk_keeps_help_on_screen_when_someone_may_be_at_risk(client, youth_voice_page):
    response = client.post(f"{youth_voice_page.url}?kiosk=1", {"age_band": "11-15", "safer": "I want to kill myself"})
    html = unescape(client.get(response["Location"]).content.decode())
    assert "Get help now" in html and "Next person" in html
    assert "kiosk-return" not in html


def test_after_next_person_the_last_persons_screen_cannot_be_reached_again(client, youth_voice_page):
    sent = client.post(f"{youth_voice_page.url}?kiosk=1", {"age_band": "11-15", "safer": "I want to kill myself"})
    thanks_url = sent["Location"]
    thanks = client.get(thanks_url)
    assert "Get help now" in thanks.content.decode()
    assert "no-store" in thanks["Cache-Control"] and "no-store" in sent["Cache-Control"]

    next_person = client.post(f"{youth_voice_page.url}?kiosk=1", {"next_person": "1"})
    assert next_person["Location"] == f"{youth_voice_page.url}?kiosk=1"
    assert "no-store" in next_person["Cache-Control"]
    # Back, history or the address bar: the same link now goes to an empty form.
    again = client.get(thanks_url)
    assert again.status_code == 302 and again["Location"] == f"{youth_voice_page.url}?kiosk=1"
    assert not Feedback.objects.filter(text="next_person").exists()


def test_a_kiosk_thank_you_link_works_only_in_the_session_that_sent_it(client, youth_voice_page, django_user_model):
    from django.test import Client

    sent = client.post(f"{youth_voice_page.url}?kiosk=1", {"age_band": "11-15", "safer": "Lighting"})
    other = Client().get(sent["Location"])
    assert other.status_code == 302 and other["Location"] == f"{youth_voice_page.url}?kiosk=1"
