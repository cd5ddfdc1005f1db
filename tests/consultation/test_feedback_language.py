"""Every response and piece of feedback records the language it was given in (the language of
the pages, from their address), and officers see it: a column and a filter in the feedback
list, a column in the exports, a table on the dashboard, a table of its own in the open data,
and a choice when they type in what was said on paper."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from consultation import services
from consultation.dashboard.views import dashboard_data
from consultation.filters import feedback_filtered
from consultation.models import Feedback, Response, SurveyQuestion
from consultation.open_data import feedback_language_published, feedback_language_rows
from tests.consultation.factories import FeedbackFactory

pytestmark = pytest.mark.django_db
LIST_URL = "/admin/snippets/consultation/feedback/"
MARCH = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def officer(client):
    client.force_login(get_user_model().objects.get(username="officer"))
    return client


def _youth_voice(client, page, prefix: str, text: str):
    with translation.override("en-gb"):
        path = page.url  # the English address; the prefix makes it another language's
    return client.post(f"{prefix}{path}", {"age_band": "16-18", "safer": text})


def test_youth_voice_records_the_language_of_the_page_it_was_written_on(client, youth_voice_page):
    assert _youth_voice(client, youth_voice_page, "/ur", "پارک میں بہتر روشنی چاہیے").status_code == 302
    assert _youth_voice(client, youth_voice_page, "/pl", "Więcej światła w parku").status_code == 302
    assert _youth_voice(client, youth_voice_page, "", "Better lights in the park").status_code == 302
    languages = dict(Feedback.objects.values_list("text", "language"))
    assert languages == {
        "پارک میں بہتر روشنی چاہیے": "ur",
        "Więcej światła w parku": "pl",
        "Better lights in the park": "en-gb",
    }


def test_a_survey_response_and_its_feedback_record_the_language_of_the_final_page(client, survey):
    free_text = next(q for q in survey.questions.all() if q.kind == SurveyQuestion.Kind.LONG_TEXT)
    response = services.response_submit(
        survey=survey, token="t-language", answers={free_text.pk: {"value": "Nal fiican"}}, language="so"
    )
    assert Response.objects.get(pk=response.pk).language == "so"
    assert Feedback.objects.get(response=response).language == "so"


def test_a_language_the_site_does_not_have_is_recorded_as_english(survey):
    free_text = next(q for q in survey.questions.all() if q.kind == SurveyQuestion.Kind.LONG_TEXT)
    response = services.response_submit(
        survey=survey, token="t-odd", answers={free_text.pk: {"value": "x"}}, language="xx\x00"
    )
    assert response.language == "en-gb"


def test_the_feedback_list_shows_and_filters_by_language(officer):
    FeedbackFactory(text="Urdu comment here", language="ur")
    FeedbackFactory(text="English comment here", language="en-gb")
    assert [row.text for row in feedback_filtered({"language": "ur"})] == ["Urdu comment here"]
    html = officer.get(LIST_URL, {"language": "ur"}).content.decode()
    assert "Urdu comment here" in html and "English comment here" not in html
    assert "Urdu (اردو)" in html  # the column, and the filter's choice
    # A code the site does not have is a filter error; a NUL byte is a bad request; never a 500.
    assert officer.get(LIST_URL, {"language": "xx"}).status_code == 200
    assert officer.get(LIST_URL, {"language": "ur\x00"}).status_code == 400


def test_the_export_has_a_language_column(officer):
    FeedbackFactory(text="Potrzeba więcej światła", language="pl")
    response = officer.post("/admin/feedback-exports/csv/?language=pl", {})
    text = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text)))
    column = header.index("Language")
    assert [row[column] for row in rows] == ["Polish"]


def test_the_dashboard_counts_by_language_with_small_counts_suppressed_and_links_to_the_list(officer):
    for _ in range(6):
        FeedbackFactory(language="pl")
    FeedbackFactory(language="ar")
    rows = {row.label: row for row in dashboard_data().languages}
    assert list(rows)[:3] == ["English", "Gujarati", "Punjabi"]
    assert rows["Polish"].text == "6" and rows["Arabic"].text == "fewer than 5" and rows["Somali"].text == "0"
    assert rows["Polish"].url == f"{LIST_URL}?language=pl"
    html = officer.get("/admin/feedback-dashboard/").content.decode()
    assert "<caption>Feedback by language</caption>" in html
    assert f'<a href="{LIST_URL}?language=pl">Polish</a></th><td class="dash-num">6</td>' in html


def test_officers_choose_the_language_of_feedback_they_type_in(officer):
    officer.post(
        "/admin/feedback-offline/",
        {"source": "event", "date": "2026-01-10", "language": "gu", "text": "વધુ પ્રકાશ"},
    )
    assert Feedback.objects.get(text="વધુ પ્રકાશ").language == "gu"
    html = officer.post(
        "/admin/feedback-offline/", {"source": "event", "date": "2026-01-10", "language": "xx", "text": "x"}
    ).content.decode()
    assert "Select a valid choice" in html and not Feedback.objects.filter(text="x").exists()


def test_a_csv_upload_may_name_each_lines_language_by_code_or_name(officer):
    upload = (
        "source,date,ward,age_band,language,text\n"
        "event,2026-02-01,,,ur,Line one\n"
        "event,2026-02-01,,,Polish,Line two\n"
        "event,2026-02-01,,,,Line three\n"
    )
    response = officer.post(
        "/admin/feedback-offline/upload/", {"file": SimpleUploadedFile("f.csv", upload.encode("utf-8"))}
    )
    assert response.status_code == 302
    assert dict(Feedback.objects.values_list("text", "language")) == {
        "Line one": "ur",
        "Line two": "pl",
        "Line three": "en-gb",
    }
    klingon = b"source,date,ward,age_band,language,text\nevent,2026-02-01,,,Klingon,x\n"
    bad = officer.post("/admin/feedback-offline/upload/", {"file": SimpleUploadedFile("f.csv", klingon)})
    html = bad.content.decode()
    assert bad.status_code == 400 and "Line 2:" in html and "language must be one of" in html


def test_open_data_by_language_is_counted_by_month_and_protected():
    for _ in range(9):
        FeedbackFactory(language="ur", created_at=MARCH, text="secret-marker-ur")
    for _ in range(7):
        FeedbackFactory(language="en-gb", created_at=MARCH)
    FeedbackFactory(language="pl", created_at=MARCH)
    rows = feedback_language_rows()
    assert rows == [
        {"month": "2025-03", "language": "English", "count": 7},
        {"month": "2025-03", "language": "Urdu", "count": 9},
        {"month": "2025-03", "language": "Polish", "count": 1},
    ]
    published = {row["language"]: row for row in feedback_language_published(rows)}
    assert published["Polish"]["suppressed"] and published["Polish"]["count"] is None
    # Complementary: March's one small count is not left alone; the smallest other goes too.
    assert published["English"]["suppressed"] and published["English"]["count"] is None
    assert published["Urdu"] == {"month": "2025-03", "language": "Urdu", "count": 10, "suppressed": False}


def test_open_data_by_language_downloads_as_csv_and_json_with_nothing_but_counts(client):
    for _ in range(6):
        FeedbackFactory(language="ar", created_at=MARCH, text="secret-marker-ar")
    csv_response = client.get("/open-data/feedback-by-language.csv")
    assert csv_response.status_code == 200
    text = csv_response.content.decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text))) == [["month", "language", "count"], ["2025-03", "Arabic", "5"]]
    data = client.get("/open-data/feedback-by-language.json").json()
    assert data["rows"] == [{"month": "2025-03", "language": "Arabic", "count": 5, "suppressed": False}]
    assert "secret-marker-ar" not in text and "secret-marker-ar" not in str(data)
    page = client.get("/open-data/").content.decode()
    assert "Feedback by month and language" in page and "/open-data/feedback-by-language.csv" in page


def test_the_open_data_page_in_another_language_links_to_its_files_in_that_language(client):
    html = client.get("/pl/open-data/").content.decode()
    assert 'href="/pl/open-data/feedback-by-language.csv"' in html
    assert 'href="/pl/open-data/feedback-summary.json"' in html
    assert client.get("/pl/open-data/feedback-by-language.csv").status_code == 200
