"""Officers remove personal details someone typed into one piece of feedback, logged with who
and why (consultation.services.feedback_redact, consultation/admin_feedback/redact.py)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from consultation.models import Answer, Feedback, SurveyPage, SurveyQuestion
from consultation.services import REDACTED_TEXT, RedactionError, feedback_redact, response_submit

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return get_user_model().objects.get(username="officer")


def test_the_words_given_are_removed_wherever_they_appear(officer):
    feedback = FeedbackFactory(text="Ring Jo Bloggs on 07700 900123. jo bloggs knows.")
    feedback_redact(feedback=feedback, user=officer, reason="Named a young person", words="Jo Bloggs")
    feedback.refresh_from_db()
    assert feedback.text == "Ring [removed] on 07700 900123. [removed] knows."


def test_without_words_the_whole_text_goes(officer):
    feedback = FeedbackFactory(text="Everything here identifies someone.")
    feedback_redact(feedback=feedback, user=officer, reason="All of it identifies them")
    assert Feedback.objects.get(pk=feedback.pk).text == REDACTED_TEXT


def test_it_is_logged_with_who_and_why_but_not_the_words(officer):
    feedback = FeedbackFactory(text="Call Jo on 07700 900123.")
    feedback_redact(feedback=feedback, user=officer, reason="A phone number", words="07700 900123")
    entry = ModelLogEntry.objects.for_instance(feedback).get(action="consultation.redacted")
    assert entry.user == officer and entry.data["reason"] == "A phone number"
    assert "07700" not in str(entry.data)


def test_the_survey_answer_it_came_from_changes_too(officer):
    survey = SurveyPage.objects.live().first()
    question = survey.questions.filter(kind__in=SurveyQuestion.FREE_TEXT_KINDS).first()
    response = response_submit(survey=survey, token="redact-1", answers={question.pk: {"value": "Ask Jo Bloggs."}})
    feedback = response.feedback.get()
    feedback_redact(feedback=feedback, user=officer, reason="A name", words="Jo Bloggs")
    assert Answer.objects.get(response=response, question=question).value == "Ask [removed]."


@pytest.mark.parametrize(("words", "reason"), [("Not there", "A name"), ("Jo", "  ")])
def test_a_redaction_that_cannot_be_done_changes_nothing(officer, words, reason):
    feedback = FeedbackFactory(text="Jo said so.")
    with pytest.raises(RedactionError):
        feedback_redact(feedback=feedback, user=officer, reason=reason, words=words)
    assert Feedback.objects.get(pk=feedback.pk).text == "Jo said so."


def test_officers_redact_from_the_feedback_admin(client, officer):
    feedback = FeedbackFactory(text="Jo Bloggs did it.")
    client.force_login(officer)
    inspect = client.get(f"/admin/snippets/consultation/feedback/inspect/{feedback.pk}/").content.decode()
    assert f"/admin/feedback-redact/{feedback.pk}/" in inspect
    response = client.post(f"/admin/feedback-redact/{feedback.pk}/", {"words": "Jo Bloggs", "reason": "A name"})
    assert response.status_code == 302
    assert Feedback.objects.get(pk=feedback.pk).text == "[removed] did it."
    history = client.get(f"/admin/snippets/consultation/feedback/inspect/{feedback.pk}/").content.decode()
    assert "Personal details removed (some words): A name" in history


@pytest.mark.parametrize("username", ["editor", "moderator", "safeguarding", "dataprotection"])
def test_only_officers_may_redact(client, username):
    feedback = FeedbackFactory(text="Jo Bloggs did it.")
    client.force_login(get_user_model().objects.get(username=username))
    response = client.post(f"/admin/feedback-redact/{feedback.pk}/", {"words": "Jo Bloggs", "reason": "A name"})
    assert response.status_code in (302, 403) and response.get("Location", "/admin/").startswith("/admin/")
    assert Feedback.objects.get(pk=feedback.pk).text == "Jo Bloggs did it."
