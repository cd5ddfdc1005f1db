"""How answers come in besides online: paper forms typed in by officers (the admin's "Enter a
paper response") and a kiosk at an event (`?kiosk=1`), each recorded as its channel and counted
in the report's "How people responded"."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from consultation.models import Answer, AnswerCount, Feedback, Response
from consultation.report import report_build
from tests.consultation.test_survey_journey import _complete, _q

pytestmark = pytest.mark.django_db


def _paper_url(survey):
    return f"/admin/survey-results/{survey.pk}/paper/"


@pytest.fixture
def officer(client):
    client.force_login(get_user_model().objects.get(username="officer"))
    return client


def _token(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def _paper(survey, token, **answers):
    often = _q(survey, "How often")
    data = {"received": "14/03/2026", "language": "pl", "token": token, often.field_name: "Often"}
    data.update(answers)
    return data


def _channels(survey) -> dict:
    table = report_build(survey=survey).table("channels")
    return {row[0]: row[1].count for row in table.rows}


def test_an_officer_types_in_a_paper_form_and_it_is_counted_as_paper(
    officer, survey, django_capture_on_commit_callbacks
):
    page = officer.get(_paper_url(survey))
    assert page.status_code == 200
    html = page.content.decode()
    for question in survey.questions.exclude(kind="section"):
        assert question.label in html, question.label
    assert 'name="website"' not in html  # no honeypot on a staff page
    written = _q(survey, "What would make your")
    with django_capture_on_commit_callbacks(execute=True):
        saved = officer.post(
            _paper_url(survey), _paper(survey, _token(page), **{written.field_name: "Better lighting on the park path"})
        )
    assert saved.status_code == 302
    response = Response.objects.get(survey=survey)
    assert response.channel == "paper" and response.language == "pl"
    assert timezone.localtime(response.submitted_at).date() == datetime.date(2026, 3, 14)
    assert Answer.objects.get(response=response, question=_q(survey, "How often")).value == "Often"
    feedback = Feedback.objects.get(response=response)
    assert feedback.text == "Better lighting on the park path" and feedback.language == "pl"
    assert timezone.localtime(feedback.created_at).date() == datetime.date(2026, 3, 14)
    assert AnswerCount.objects.get(question=_q(survey, "How often"), value="Often").n == 1
    assert _channels(survey)["Paper, entered by an officer"] == 1
    assert "saved with 2 answers" in officer.get(saved["Location"]).content.decode()


def test_pressing_save_twice_saves_one_paper_response(officer, survey):
    data = _paper(survey, _token(officer.get(_paper_url(survey))))
    officer.post(_paper_url(survey), data)
    again = officer.post(_paper_url(survey), data, follow=True)
    assert Response.objects.filter(survey=survey).count() == 1
    assert "saved already" in again.content.decode()


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("received", "1/1/2999", "cannot be in the future"),
        ("received", "yesterday\x00", "Enter a real date"),
        ("number", "1000", "must be between 0 and 100"),
        ("long_text", "x" * 6000, "characters or fewer"),
    ],
)
def test_bad_input_is_shown_next_to_the_field_and_saves_nothing(officer, survey, field, value, message):
    page = officer.get(_paper_url(survey))
    names = {
        "received": "received",
        "number": _q(survey, "How many years").field_name,
        "long_text": _q(survey, "What would make your").field_name,
    }
    written = _q(survey, "If you could change").field_name
    data = _paper(survey, _token(page), **{names[field]: value, written: "Kept \u0001as typed"})
    answer = officer.post(_paper_url(survey), data)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "Nothing was saved: there is a problem" in html and message in html
    assert "Kept" in html and "as typed" in html
    assert not Response.objects.exists() and not Feedback.objects.exists()


def test_an_answer_the_rules_skip_is_not_saved_and_the_officer_is_told(officer, survey):
    school = _q(survey, "What would make the journey")
    data = _paper(survey, _token(officer.get(_paper_url(survey))), **{school.field_name: "Walk with friends"})
    saved = officer.post(_paper_url(survey), data, follow=True)
    assert not Answer.objects.filter(question=school).exists()
    assert "1 answer was to questions the survey&#x27;s rules skip" in saved.content.decode()


@pytest.mark.parametrize("username", ["editor", "moderator", "safeguarding", "dataprotection"])
def test_only_officers_and_administrators_enter_paper_responses(client, survey, username):
    client.force_login(get_user_model().objects.get(username=username))
    assert client.get(_paper_url(survey)).status_code in (302, 403)
    results = client.get(f"/admin/survey-results/{survey.pk}/")
    assert "Enter a paper response" not in results.content.decode()


def test_the_report_links_officers_to_the_paper_form(officer, survey):
    assert _paper_url(survey) in officer.get(f"/admin/survey-results/{survey.pk}/").content.decode()


# --- Kiosk -----------------------------------------------------------------------------------


def test_a_kiosk_journey_is_recorded_as_kiosk_and_next_person_starts_afresh(client, survey):
    front = client.get(f"{survey.url}?kiosk=1").content.decode()
    assert f'{survey.url}answer/1/?kiosk=1"' in front
    client.get(f"{survey.url}answer/1/?kiosk=1")
    _, token = _complete(client, survey)
    thanks = client.get(client.post(f"{survey.url}check/", {"token": token})["Location"])
    html = thanks.content.decode()
    assert 'name="next_person"' in html and "See other consultations" not in html
    assert Response.objects.get(survey=survey).channel == "kiosk"
    assert _channels(survey)["Kiosk at an event"] == 1
    session_key = client.session.session_key
    nxt = client.post(f"{survey.url}thank-you/", {"next_person": "1"})
    assert nxt.status_code == 302 and nxt["Location"].endswith("?kiosk=1")
    assert client.session.session_key != session_key
    # Back to the thank-you page: nothing of the last person's visit is left.
    assert 'name="next_person"' not in client.get(f"{survey.url}thank-you/").content.decode()
    assert client.get(f"{survey.url}check/").status_code == 302  # no answers in progress


def test_a_kiosk_draft_is_cleared_after_a_quarter_of_an_hour_idle(client, survey):
    client.get(f"{survey.url}answer/1/?kiosk=1")
    assert client.session.get_expiry_age() == 15 * 60


def test_an_online_journey_stays_online(client, survey):
    client.get(f"{survey.url}answer/1/")
    _, token = _complete(client, survey)
    client.post(f"{survey.url}check/", {"token": token})
    assert Response.objects.get(survey=survey).channel == "online"


def test_a_disclosure_on_a_paper_form_alerts_the_safeguarding_group_with_a_link_not_the_text(
    officer, survey, django_capture_on_commit_callbacks, mailoutbox
):
    written = _q(survey, "What would make your")
    words = "Someone said they will stab me after school"
    data = _paper(survey, _token(officer.get(_paper_url(survey))), **{written.field_name: words})
    with django_capture_on_commit_callbacks(execute=True):
        officer.post(_paper_url(survey), data)
    feedback = Feedback.objects.get(text=words)
    assert feedback.safeguarding_flag
    alerts = [m for m in mailoutbox if "safeguarding" in m.subject.lower()]
    assert len(alerts) == 1, [m.subject for m in mailoutbox]
    assert words not in alerts[0].body and words not in alerts[0].subject
    assert f"/admin/safeguarding/{feedback.pk}/" in alerts[0].body
