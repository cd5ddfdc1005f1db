"""The survey results report (consultation/report.py, the admin's Results page): its sections,
suppression, the Word and CSV downloads, the breakdown form, the draft "We asked, you said",
who may see it, and queries that do not grow with the number of responses."""

import csv
import io

import docx
import pytest
from django.contrib.auth import get_user_model

from consultation import services
from consultation.models import Response, SurveyPage
from consultation.report import DIMENSIONS, report_build
from consultation.seeding import demo_responses_seed, responses_generate
from core.models import ExportLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user


@pytest.fixture
def answered(survey):
    responses_generate(survey=survey, count=60, seed=1, submission_prefix="t-", is_demo=False)
    return survey


def _question(survey, **filters):
    return survey.questions.filter(**filters).first()  # the demo survey has two long texts


def _submit(survey, token, answers):
    return services.response_submit(
        survey=survey,
        token=token,
        answers={_question(survey, **filters).pk: {"value": value, "other": ""} for filters, value in answers},
    )


def test_the_report_has_a_headline_and_a_section_per_question(answered):
    report = report_build(survey=answered)
    questions = [q for q in answered.questions.all() if q.kind != "section"]
    figures = ("number", "ranking", "grid")
    assert [s.kind for s in report.sections] == ["headline"] + [
        "free_text"
        if q.kind in ("short_text", "long_text")
        else "question_figures"
        if q.kind in figures
        else "question"
        for q in questions
    ] + (["equality"] if answered.equality_monitoring else [])
    headline = report.sections[0]
    assert headline.paragraphs[0] == "60 people responded."
    assert [t.slug for t in headline.tables] == ["channels", "weeks"]
    assert headline.tables[0].rows[-1][1].count == 60


def test_single_choice_counts_and_percentages_add_up(survey):
    for i, value in enumerate(["Often"] * 6 + ["Never"] * 14):
        _submit(survey, f"s{i}", [({"kind": "single_choice"}, value)])
    section = next(s for s in report_build(survey=survey).sections if s.title.startswith("How often"))
    rows = {row[0]: row for row in section.tables[0].rows}
    assert rows["Often"][1].text == "6" and rows["Often"][2] == "30%"
    assert rows["Never"][1].text == "14" and rows["Never"][2] == "70%"
    assert rows["People who answered"][1].count == 20


def test_a_small_count_and_its_complement_are_hidden_with_their_percentages(survey):
    for i, value in enumerate(["Often"] * 3 + ["Never"] * 14 + ["Sometimes"] * 20):
        _submit(survey, f"s{i}", [({"kind": "single_choice"}, value)])
    section = next(s for s in report_build(survey=survey).sections if s.title.startswith("How often"))
    rows = {row[0]: row for row in section.tables[0].rows}
    assert rows["Often"][1].text == "fewer than 5" and rows["Often"][2] == ""
    # With the total shown, the 3 could be worked out from the others: the next smallest goes too.
    assert rows["Never"][1].text == "fewer than 5" and rows["Never"][2] == ""
    assert rows["Sometimes"][1].text == "20"
    assert rows["People who answered"][1].text == "37"


def test_multiple_choice_lists_are_counted_per_choice(survey):
    label = "Where do you feel least safe?"
    for i in range(6):
        _submit(survey, f"m{i}", [({"label": label}, ["Parks and open spaces", "The city centre"])])
    for i in range(5):
        _submit(survey, f"n{i}", [({"label": label}, ["The city centre"])])
    section = next(s for s in report_build(survey=survey).sections if s.title == label)
    rows = {row[0]: row for row in section.tables[0].rows}
    assert rows["The city centre"][1].count == 11 and rows["The city centre"][2] == "100%"
    assert rows["Parks and open spaces"][1].count == 6
    assert rows["People who answered"][1].count == 11
    assert "more than one answer" in section.tables[0].note


def test_ratings_show_their_distribution_and_median(survey):
    label = "How safe do you feel in your neighbourhood after dark?"
    for i, value in enumerate(["2"] * 5 + ["4"] * 6):
        _submit(survey, f"r{i}", [({"label": label}, value)])
    section = next(s for s in report_build(survey=survey).sections if s.title == label)
    assert [row[0] for row in section.tables[0].rows] == [
        "1 (lowest)",
        "2",
        "3",
        "4",
        "5 (highest)",
        "People who answered",
    ]
    assert "Median rating: 4 (point 4 of 5, the first the lowest)." in section.paragraphs


def test_free_text_shows_confirmed_themes_and_never_the_text(survey):
    from core.models import Theme

    theme = Theme.objects.order_by("sort_order").first()
    for i in range(7):
        _submit(survey, f"f{i}", [({"kind": "long_text"}, f"Secret words number {i}")])
    for feedback in survey.feedback.all()[:6]:
        feedback.themes.add(theme)
    report = report_build(survey=survey)
    section = next(s for s in report.sections if s.kind == "free_text" and "safer" in s.title)
    rows = {row[0]: row for row in section.tables[0].rows}
    assert rows[theme.name][1].count == 6
    assert rows["Written answers"][1].count == 7
    assert not any("Secret words" in str(value) for table in report.tables() for row in table.rows for value in row)


def test_the_breakdown_by_age_band_suppresses_small_cells_and_their_complements(answered):
    question = _question(answered, kind="single_choice")
    report = report_build(survey=answered, breakdown=(question, DIMENSIONS["age_band"]))
    section = report.sections[-1]
    assert section.kind == "breakdown"
    table = section.tables[0]
    assert table.header[0] == "Age band" and table.header[-1] == "People who answered"
    for row in table.rows:
        hidden = [v for v in row[1:-1] if v.suppressed and v.count]
        assert len(hidden) != 1 or row[-1].suppressed
        assert all(v.suppressed for v in row[1:] if 0 < v.count < 5)


def test_demo_responses_are_labelled_and_seeded_once(survey):
    made = demo_responses_seed()
    assert made > 0 and demo_responses_seed() == 0
    assert Response.objects.filter(survey=survey, is_demo=True).count() == made
    headline = report_build(survey=survey).sections[0]
    assert any("demo data" in paragraph for paragraph in headline.paragraphs)


def test_seed_demo_on_a_live_site_makes_no_demo_responses(settings, capsys):
    from django.core.management import call_command

    settings.DEBUG = False
    call_command("seed_demo", "--i-know-this-is-production")
    assert not Response.objects.filter(is_demo=True).exists()


# --- The page and its downloads ---------------------------------------------------------------


def test_officers_see_the_report_with_charts_and_tables(login, answered):
    html = login("officer").get(f"/admin/survey-results/{answered.pk}/").content.decode()
    assert "60 people responded." in html
    assert html.count('<svg class="dash-chart"') >= 8
    assert "Responses per week" in html and "How people responded" in html


def test_the_breakdown_form_works_as_a_plain_get(login, answered):
    question = _question(answered, kind="yes_no")
    client = login("officer")
    html = client.get(f"/admin/survey-results/{answered.pk}/", {"question": question.pk, "by": "ward"}).content.decode()
    assert f"{question.label}, by ward" in html
    bad = client.get(f"/admin/survey-results/{answered.pk}/", {"question": "99999", "by": "shoe size"})
    assert bad.status_code == 200
    text = bad.content.decode()
    assert "Choose one of the questions in the list." in text and "Choose one of the ways to break it down." in text
    assert 'value="99999"' not in text or "selected" not in text
    assert client.get(f"/admin/survey-results/{answered.pk}/", {"question": "1\x00"}).status_code == 400


def test_the_word_document_opens_and_holds_every_table(login, answered):
    question = _question(answered, kind="yes_no")
    client = login("officer")
    response = client.get(
        f"/admin/survey-results/{answered.pk}/report.docx", {"question": question.pk, "by": "age_band"}
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    document = docx.Document(io.BytesIO(response.content))
    report = report_build(survey=answered, breakdown=(question, DIMENSIONS["age_band"]))
    assert len(document.tables) == len(report.tables())
    for table, expected in zip(document.tables, report.tables(), strict=True):
        assert [cell.text for cell in table.rows[0].cells] == expected.header
        assert [[cell.text for cell in row.cells] for row in table.rows[1:]] == expected.text_rows()
    assert len(document.inline_shapes) == sum(1 for t in report.tables() if t.chart)
    assert not ExportLog.objects.exists()


def test_each_table_downloads_as_csv_with_formulas_neutralised(login, survey):
    for i in range(6):
        _submit(survey, f"c{i}", [({"kind": "single_choice"}, "Often")])
    question = _question(survey, kind="single_choice")
    question.label = "=HYPERLINK(1)"
    question.choices = "=cmd|' /C calc'!A0\nNever"
    question.save()
    _submit(survey, "c-formula", [({"pk": question.pk}, "=cmd|' /C calc'!A0")])
    client = login("officer")
    response = client.get(f"/admin/survey-results/{survey.pk}/tables/q{question.pk}.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0] == ["Answer", "Count", "Per cent"]
    assert rows[1][0].startswith("'=cmd")
    assert client.get(f"/admin/survey-results/{survey.pk}/tables/nothing.csv").status_code == 404


def test_moderators_cannot_see_the_report_or_its_downloads(login, survey):
    client = login("moderator")
    for url in ["", "report.docx", "tables/weeks.csv"]:
        response = client.get(f"/admin/survey-results/{survey.pk}/{url}")
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_an_editor_copies_the_draft_into_a_new_revision_without_publishing(login, answered):
    live_before = SurveyPage.objects.get(pk=answered.pk).you_said
    response = login("editor").post(f"/admin/survey-results/{answered.pk}/outcome-draft/")
    assert response.status_code == 302
    page = SurveyPage.objects.get(pk=answered.pk)
    assert page.you_said == live_before
    draft = page.get_latest_revision_as_object()
    assert "60 people responded." in draft.you_said and "We asked people" in draft.we_asked
    assert page.has_unpublished_changes


def test_officers_cannot_copy_the_draft_into_the_page(login, answered):
    html = login("officer").get(f"/admin/survey-results/{answered.pk}/").content.decode()
    assert "Copy into the survey page" not in html
    response = login("officer").post(f"/admin/survey-results/{answered.pk}/outcome-draft/")
    assert response.status_code in (302, 403)
    assert not SurveyPage.objects.get(pk=answered.pk).has_unpublished_changes


# --- Queries that do not grow with the responses ---------------------------------------------


@pytest.mark.parametrize("count", [10, 200])
def test_the_report_page_makes_the_same_queries_for_10_or_200_responses(
    login, survey, count, django_assert_num_queries
):
    question = _question(survey, kind="single_choice")
    client = login("officer")
    url = f"/admin/survey-results/{survey.pk}/?question={question.pk}&by=ward"
    client.get(url)  # sessions, permissions and the admin's own caches, once
    responses_generate(survey=survey, count=count, seed=count, submission_prefix=f"q{count}-", is_demo=False)
    with django_assert_num_queries(REPORT_QUERIES):
        assert client.get(url).status_code == 200


# The report page's queries with a breakdown, whatever the number of responses: the admin's
# own (session, user, permissions, menu), the survey and its questions, then the report's
# counts (consultation/report.py).
REPORT_QUERIES = 27  # with the equality monitoring's two, the pinned quotes' and who was asked


# --- The kept counts (AnswerCount) -----------------------------------------------------------


def _kept(survey):
    from consultation.models import AnswerCount

    return sorted(AnswerCount.objects.filter(question__page=survey, n__gt=0).values_list("question_id", "digest", "n"))


def test_the_kept_counts_equal_a_count_of_the_answers(survey):
    responses_generate(survey=survey, count=40, seed=7, submission_prefix="k-", is_demo=False)
    multiple = _question(survey, kind="multiple_choice")
    single = _question(survey, kind="single_choice")
    for n, (chosen, picked) in enumerate([([], ""), (multiple.choice_list[:2], single.choice_list[0])] * 2):
        _submit(survey, f"kept-{n}", [({"kind": "multiple_choice"}, chosen), ({"kind": "single_choice"}, picked)])
    kept = _kept(survey)
    assert kept and sum(n for *_, n in kept) > 40
    services.answer_counts_rebuild(survey=survey)
    assert _kept(survey) == kept


def test_the_report_reads_the_kept_counts_not_every_answer(survey):
    from consultation.models import AnswerCount

    question = _question(survey, kind="single_choice")
    for i in range(6):
        _submit(survey, f"one-{i}", [({"kind": "single_choice"}, "Often")])

    def often():
        section = next(s for s in report_build(survey=survey).sections if s.title == question.label)
        return {row[0]: row for row in section.tables[0].rows}["Often"][1].count

    assert often() == 6
    AnswerCount.objects.filter(question=question, value="Often").update(n=15)
    assert often() == 15


def test_redacting_words_that_are_also_a_choice_leaves_the_choice_and_its_count(survey):
    from consultation.models import Answer, Feedback

    single = _question(survey, kind="single_choice")
    choice = single.choice_list[0]
    response = _submit(
        survey,
        "redact",
        [({"kind": "single_choice"}, choice), ({"kind": "long_text"}, f"I said {choice} because of Sam Smith")],
    )
    kept = _kept(survey)
    feedback = Feedback.objects.get(response=response)
    services.feedback_redact(
        feedback=feedback, user=get_user_model().objects.get(username="officer"), reason="test", words=choice
    )
    assert Answer.objects.get(response=response, question=single).value == choice
    written = Answer.objects.get(response=response, question__kind="long_text").value
    assert choice not in written and "[removed]" in written
    assert _kept(survey) == kept
