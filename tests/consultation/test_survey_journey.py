"""A resident answers the demo survey, step by step, without JavaScript."""

import re

import pytest
from django.core import mail

from consultation.models import Answer, ContactRequest, Feedback, Response, SurveyQuestion
from core.models import Ward

pytestmark = pytest.mark.django_db


def _q(survey, label_start):
    return next(q for q in survey.questions.all() if q.label.startswith(label_start))


def _step_url(survey, step):
    return f"{survey.url}answer/{step}/"


def _valid_steps(survey, feeling="Something would help: more youth clubs and better lighting."):
    ward = Ward.objects.get(name="Castle")
    return [
        {
            _q(survey, "How safe do you feel in your neighbourhood during").field_name: "3",
            _q(survey, "How safe do you feel in your neighbourhood after").field_name: "2",
            _q(survey, "How often").field_name: "Often",
            _q(survey, "Where do you feel least safe").field_name: ["The city centre", "__other__"],
            _q(survey, "Where do you feel least safe").field_name + "_other": "The underpass by the ring road",
        },
        {
            _q(survey, "What would make").field_name: feeling,
            _q(survey, "Which of these").field_name: ["Youth clubs and activities"],
            _q(survey, "Do you know").field_name: "no",
            _q(survey, "If you could change").field_name: "More police on foot",
        },
        {_q(survey, "How old").field_name: "25-34", _q(survey, "Which ward").field_name: str(ward.pk)},
        {},  # About you: the equality monitoring questions, all optional
        {"wants_contact": "no"},
    ]


def _complete(client, survey, steps=None):
    for number, data in enumerate(steps or _valid_steps(survey), start=1):
        response = client.post(_step_url(survey, number), {**data, "next": "1"})
        assert response.status_code == 302, response.content.decode()[:2000]
    check = client.get(f"{survey.url}check/")
    token = re.search(r'name="token" value="([^"]+)"', check.content.decode()).group(1)
    return check, token


def test_resident_completes_the_survey_and_every_answer_is_saved(client, survey, django_capture_on_commit_callbacks):
    check, token = _complete(client, survey)
    html = check.content.decode()
    assert "The underpass by the ring road" in html and "25 to 34" in html and "Castle" in html
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"{survey.url}check/", {"token": token})
    assert done.status_code == 302 and done["Location"].endswith("/thank-you/")
    response = Response.objects.get(survey=survey)
    assert response.age_band == "25-34" and response.ward.name == "Castle"
    assert Answer.objects.filter(response=response).count() == 10
    texts = set(Feedback.objects.filter(response=response).values_list("text", flat=True))
    assert texts == {
        "Something would help: more youth clubs and better lighting.",
        "More police on foot",
        "The underpass by the ring road",
    }
    feedback = Feedback.objects.get(text="More police on foot")
    assert feedback.source == "survey" and feedback.question_text == "If you could change one thing, what would it be?"
    assert feedback.ward.name == "Castle" and feedback.age_band == "25-34"
    assert feedback.suggested_at is not None  # processed after the commit
    assert not ContactRequest.objects.exists()
    assert "Thank you: we have your answers" in client.get(done["Location"]).content.decode()


def test_nothing_is_saved_until_the_final_submit(client, survey):
    _complete(client, survey)
    assert not Response.objects.exists() and not Feedback.objects.exists()


def test_missing_answers_come_back_with_an_error_summary_and_typed_values_kept(client, survey):
    worry = _q(survey, "How often")
    day = _q(survey, "How safe do you feel in your neighbourhood during")
    response = client.post(_step_url(survey, 1), {worry.field_name: "Sometimes", "next": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert f'href="#id_{day.field_name}_0"' in html
    assert f"Choose an answer to “{day.label}”" in html
    assert re.search(rf'<input[^>]*name="{worry.field_name}"[^>]*value="Sometimes"[^>]*checked', html)
    assert f'id="id_{day.field_name}-error"' in html
    assert "<title>Error:" in html


def test_over_long_text_gets_a_clear_message_not_a_crash(client, survey):
    _complete(client, survey)
    long_answer = _q(survey, "What would make")
    data = {**_valid_steps(survey)[1], long_answer.field_name: "x" * 5001, "next": "1"}
    response = client.post(_step_url(survey, 2), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "must be 5,000 characters or fewer" in html
    assert "x" * 5001 in html  # kept, so they can shorten it


def test_choosing_other_without_saying_what_is_an_error(client, survey):
    steps = _valid_steps(survey)
    other = _q(survey, "Where do you feel least safe").field_name + "_other"
    steps[0][other] = ""
    response = client.post(_step_url(survey, 1), {**steps[0], "next": "1"})
    assert "say what it is" in response.content.decode()


def test_back_keeps_what_was_typed_even_if_unfinished(client, survey):
    _complete(client, survey)
    short = _q(survey, "If you could change")
    client.post(_step_url(survey, 2), {short.field_name: "Half-written thought", "back": "1"})
    html = client.get(_step_url(survey, 2)).content.decode()
    assert 'value="Half-written thought"' in html


def test_change_link_returns_to_the_check_page(client, survey):
    _complete(client, survey)
    short = _q(survey, "If you could change")
    data = {**_valid_steps(survey)[1], short.field_name: "Street lights fixed", "check": "1"}
    response = client.post(_step_url(survey, 2), data)
    assert response["Location"].endswith("/check/")
    assert "Street lights fixed" in client.get(response["Location"]).content.decode()


def test_back_from_a_change_goes_to_the_check_page_not_the_step_before(client, survey):
    _complete(client, survey)
    html = client.get(_step_url(survey, 2) + "?change=1").content.decode()
    back_link = re.search(r'<a class="back-link" href="([^"]+)">Back</a>', html).group(1)
    assert back_link == f"{survey.url}check/"
    response = client.post(_step_url(survey, 2) + "?change=1", {**_valid_steps(survey)[1], "back": "1"})
    assert response["Location"] == f"{survey.url}check/"
    # Without ?change=1, Back is the step before, as it was.
    html = client.get(_step_url(survey, 2)).content.decode()
    assert re.search(r'<a class="back-link" href="([^"]+)">Back</a>', html).group(1) == _step_url(survey, 1)


def test_the_same_submission_is_saved_once(client, survey):
    _, token = _complete(client, survey)
    first = client.post(f"{survey.url}check/", {"token": token})
    second = client.post(f"{survey.url}check/", {"token": token})
    assert first["Location"] == second["Location"]
    assert second["Location"].endswith("/thank-you/")
    assert Response.objects.count() == 1


def test_skipping_required_steps_goes_back_to_the_first_unanswered(client, survey):
    client.get(_step_url(survey, 1))
    response = client.get(f"{survey.url}check/")
    assert response["Location"].endswith("/answer/1/")


def test_closed_survey_shows_it_is_closed_and_a_post_saves_nothing(client, closed_survey):
    page = client.get(closed_survey.url).content.decode()
    assert "This consultation has closed" in page
    assert "We asked, you said, we did" in page
    response = client.post(f"{closed_survey.url}answer/1/", {"q1": "My view", "next": "1"})
    assert response.status_code == 403
    assert "so we could not take your answers" in response.content.decode()
    assert not Response.objects.exists() and not Feedback.objects.exists()


def test_survey_not_open_yet_shows_its_opening_date(client, survey):
    from datetime import timedelta

    from django.utils import timezone

    survey.opens_at = timezone.now() + timedelta(days=3)
    survey.save_revision().publish()
    html = client.get(survey.url).content.decode()
    assert "This consultation is not open yet. It opens on" in html
    assert client.post(_step_url(survey, 1), {"next": "1"}).status_code == 403


def test_honeypot_submission_is_dropped_quietly(client, survey):
    _, token = _complete(client, survey)
    response = client.post(f"{survey.url}check/", {"token": token, "website": "http://spam.example"})
    assert response["Location"].endswith("/thank-you/")
    assert not Response.objects.exists()


def test_too_many_submissions_from_one_address_get_a_friendly_429(client, survey, settings):
    settings.SUBMISSION_RATE_LIMIT = "1/m"
    _, token = _complete(client, survey)
    client.post(f"{survey.url}check/", {"token": token})
    _, token = _complete(client, survey)
    response = client.post(f"{survey.url}check/", {"token": token})
    assert response.status_code == 429
    assert "Please wait a few minutes" in response.content.decode()
    assert Response.objects.count() == 1


def test_contact_details_need_consent(client, survey):
    steps = _valid_steps(survey)
    for number, data in enumerate(steps[:4], start=1):
        client.post(_step_url(survey, number), {**data, "next": "1"})
    response = client.post(
        _step_url(survey, 5), {"wants_contact": "yes", "name": "Sam", "email": "sam@example.com", "next": "1"}
    )
    html = response.content.decode()
    assert "Tick the box to say we can use your details to contact you" in html
    assert 'value="sam@example.com"' in html


def test_contact_details_with_consent_are_kept_apart_from_the_answers(client, survey):
    steps = _valid_steps(survey)
    steps[4] = {"wants_contact": "yes", "name": "Sam", "email": "sam@example.com", "consent": "on"}
    _, token = _complete(client, survey, steps)
    client.post(f"{survey.url}check/", {"token": token})
    contact = ContactRequest.objects.get()
    assert contact.response == Response.objects.get() and contact.consent
    assert not Feedback.objects.filter(text__contains="sam@example.com").exists()


def test_a_safeguarding_phrase_shows_help_and_alerts_the_safeguarding_group(
    client, survey, django_capture_on_commit_callbacks
):
    text = "Some boys at the park said they are going to stab me if I go back there"
    _, token = _complete(client, survey, _steps_with(survey, text))
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(f"{survey.url}check/", {"token": token})
    html = client.get(done["Location"]).content.decode()
    assert html.index('call <a href="tel:999" class="ltr">999</a>') < html.index("Childline")
    feedback = Feedback.objects.get(text=text)
    assert feedback.safeguarding_flag and "going to stab" in feedback.safeguarding_matches
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["safeguarding@example.com"]
    assert f"/admin/safeguarding/{feedback.pk}/" in email.body
    assert "stab" not in email.body and "park" not in email.body


def _steps_with(survey, text):
    steps = _valid_steps(survey)
    steps[1][_q(survey, "What would make").field_name] = text
    return steps


def test_survey_pages_are_never_cached(client, survey):
    assert "no-store" in client.get(_step_url(survey, 1))["Cache-Control"]
    assert "X-Page-Cache" not in client.get(_step_url(survey, 1))


def test_every_question_kind_is_in_the_demo_survey(survey):
    kinds = {q.kind for q in survey.questions.all()}
    assert kinds == set(SurveyQuestion.Kind.values)
