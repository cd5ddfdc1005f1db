"""Staff pages: safeguarding alerts (Safeguarding group only), survey results (officers and
editors), and the word lists."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from consultation import services
from consultation.models import ThemeKeyword
from core.models import ExportLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user


@pytest.fixture
def flagged():
    rows = services.youth_voice_record(
        age_band="16-18",
        ward=None,
        safer_text="My brother says he will stab me",
        contact=services.ContactDetails(name="Alex", email="alex@example.com"),
    )
    return rows[0]


def _refused(response) -> bool:
    """Wagtail answers a permission error in the admin by sending the user to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_only_the_safeguarding_group_sees_alerts(login, flagged):
    assert _refused(login("officer").get("/admin/safeguarding/"))
    assert _refused(login("editor").get(f"/admin/safeguarding/{flagged.pk}/"))
    assert _refused(login("officer").post(f"/admin/safeguarding/{flagged.pk}/", {"note": "x"}))
    flagged.refresh_from_db()
    assert flagged.safeguarding_handled_at is None
    html = login("safeguarding").get("/admin/safeguarding/").content.decode()
    assert "Not handled yet" in html


def test_the_alert_shows_the_text_and_contact_details_and_records_handling(login, flagged):
    client = login("safeguarding")
    html = client.get(f"/admin/safeguarding/{flagged.pk}/").content.decode()
    assert "My brother says he will stab me" in html
    assert "alex@example.com" in html
    client.post(f"/admin/safeguarding/{flagged.pk}/", {"note": "Called the school's designated lead."})
    flagged.refresh_from_db()
    assert flagged.safeguarding_handled_by.username == "safeguarding"
    assert flagged.safeguarding_note == "Called the school's designated lead."


def test_safeguarding_menu_item_only_for_the_group(login):
    assert "Safeguarding alerts" in login("safeguarding").get("/admin/").content.decode()
    assert "Safeguarding alerts" not in login("officer").get("/admin/").content.decode()


def test_officers_see_survey_results_with_counts_but_not_the_written_answers(login, survey):
    services.response_submit(
        survey=survey,
        token="r1",
        answers={
            survey.questions.get(kind="rating", label__contains="during the day").pk: {"value": "4", "other": ""},
            survey.questions.get(kind="long_text", label__startswith="What would make your").pk: {
                "value": '=HYPERLINK("http://x")',
                "other": "",
            },
        },
    )
    html = login("officer").get(f"/admin/survey-results/{survey.pk}/").content.decode()
    assert "1 person responded." in html
    # The report is for committee papers: counts and themes, never what people wrote.
    assert "HYPERLINK" not in html


def test_results_csv_is_logged_and_neutralises_formulas(login, survey):
    services.response_submit(
        survey=survey,
        token="r2",
        answers={
            survey.questions.get(kind="long_text", label__startswith="What would make your").pk: {
                "value": "=1+2",
                "other": "",
            }
        },
    )
    client = login("officer")
    response = client.post(f"/admin/survey-results/{survey.pk}/responses.csv")
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    header, row = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert "What would make your neighbourhood feel safer?" in header
    assert "'=1+2" in row
    log = ExportLog.objects.get()
    assert log.user.username == "officer" and log.row_count == 1 and log.kind == "survey responses"


def test_moderators_cannot_see_results(login, survey):
    assert _refused(login("moderator").get(f"/admin/survey-results/{survey.pk}/"))
    assert _refused(login("moderator").get(f"/admin/survey-results/{survey.pk}/responses.csv"))
    assert _refused(login("moderator").post(f"/admin/survey-results/{survey.pk}/responses.csv"))
    assert not ExportLog.objects.exists()


def test_officers_can_edit_theme_keywords_but_not_safeguarding_phrases(login):
    client = login("officer")
    assert client.get("/admin/snippets/consultation/themekeyword/").status_code == 200
    assert client.get("/admin/snippets/core/safeguardingphrase/").status_code in (302, 403)
    keyword = ThemeKeyword.objects.first()
    assert client.get(f"/admin/snippets/consultation/themekeyword/edit/{keyword.pk}/").status_code == 200


def test_editors_can_build_a_survey_in_the_admin(login):
    from wagtail.test.utils import WagtailPageTestCase
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from consultation.models import SurveyIndexPage, SurveyPage

    index = SurveyIndexPage.objects.get()
    asserts = WagtailPageTestCase()
    asserts.client = login("editor")
    data = nested_form_data(
        {
            "title": "Parks at night",
            "slug": "parks-at-night",
            "intro": "About parks.",
            "privacy_notice": rich_text("<p>Private.</p>"),
            "accepting_responses": "on",
            "questions": inline_formset(
                [
                    {
                        "kind": "single_choice",
                        "label": "Do you use the park?",
                        "hint": "",
                        "required": "on",
                        "choices": "Yes\nNo",
                        "allow_other": "",
                    },
                    {"kind": "long_text", "label": "What would help?", "hint": "", "choices": "", "allow_other": ""},
                ]
            ),
            "thank_you_text": rich_text("<p>Thanks.</p>"),
            "we_asked": rich_text(""),
            "you_said": rich_text(""),
            "we_did": rich_text(""),
            "action-publish": "publish",
        }
    )
    asserts.assertCanCreate(index, SurveyPage, data)
    survey = SurveyPage.objects.get(slug="parks-at-night", alias_of__isnull=True)  # each language has an alias too
    assert [q.label for q in survey.questions.all()] == ["Do you use the park?", "What would help?"]


def test_a_choice_question_needs_two_choices():
    from django.core.exceptions import ValidationError

    from consultation.models import SurveyQuestion

    with pytest.raises(ValidationError):
        SurveyQuestion(kind="single_choice", label="Pick", choices="Only one").clean()
