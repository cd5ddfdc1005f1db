"""Equality monitoring: the optional "About you" step, its answers kept apart, the per-response
export only with the separate permission (and logged), the retention schedule, the personal-data
tools, and the selectors' counts for the report (consultation/equality.py)."""

import re
from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultation.equality import ETHNIC_GROUPS, QUESTIONS, AboutYouForm, equality_answers_clean
from consultation.models import Answer, EqualityMonitoring, Feedback, Response
from consultation.selectors import (
    equality_answer_by_response,
    equality_breakdown_counts,
    equality_counts,
    survey_response_rows,
)
from consultation.services import ContactDetails, response_submit
from core.models import ExportLog
from core.personal_data import person_build, personal_data_erase, personal_data_export_zip, personal_data_find
from core.retention import retention_apply, retention_rule

from .test_survey_journey import _complete, _q, _step_url, _valid_steps

pytestmark = pytest.mark.django_db

ABOUT_YOU = 4  # the demo survey's step number
ANSWERS = {
    "sex": "female",
    "gender_identity": "yes",
    "ethnic_group": "asian-indian",
    "religion": "hindu",
    "disability": "yes",
    "disability_impact": "a-little",
    "sexual_orientation": "prefer-not-to-say",
    "carer": "10-19",
}


def _submit(client, survey, about_you: dict, steps=None):
    steps = steps or _valid_steps(survey)
    steps[ABOUT_YOU - 1] = about_you
    _, token = _complete(client, survey, steps)
    client.post(f"{survey.url}check/", {"token": token})
    return Response.objects.order_by("-pk").first()


def _submit_directly(survey, token: str, equality: dict, age="25-34", contact=None) -> Response:
    age_question = _q(survey, "How old")
    return response_submit(
        survey=survey,
        token=token,
        answers={age_question.pk: {"value": age, "other": ""}},
        equality=equality,
        contact=contact,
    )


# --- The questions ---------------------------------------------------------------------------


def test_every_question_is_optional_and_has_prefer_not_to_say():
    form = AboutYouForm()
    assert [field for field in form.fields if field != "website"] == [question.field for question in QUESTIONS]
    for question in QUESTIONS:
        assert not form.fields[question.field].required
        assert "prefer-not-to-say" in question.codes, question.field


def test_ethnic_group_has_the_census_19_categories_under_5_headings():
    headings = [(str(heading), options) for heading, options in ETHNIC_GROUPS if isinstance(options, list)]
    assert [heading for heading, _ in headings] == [
        "Asian, Asian British or Asian Welsh",
        "Black, Black British, Black Welsh, Caribbean or African",
        "Mixed or Multiple ethnic groups",
        "White",
        "Other ethnic group",
    ]
    assert sum(len(options) for _, options in headings) == 19
    groups = AboutYouForm().ethnic_group_headings()
    assert [len(options) for _, options in groups] == [5, 3, 4, 5, 2, 1]
    assert groups[-1][0] is None and groups[-1][1][0].data["value"] == "prefer-not-to-say"


def test_what_may_not_be_kept_is_dropped():
    assert equality_answers_clean({"sex": "robot", "religion": "", "carer": ["no"]}) == {}
    # The follow-up only after "Yes"; the 16-and-over questions not with the age band 11 to 15.
    assert equality_answers_clean({"disability": "no", "disability_impact": "a-lot"}) == {"disability": "no"}
    kept = equality_answers_clean({"age_band": "11-15", "sexual_orientation": "bisexual", "gender_identity": "no"})
    assert kept == {"age_band": "11-15"}
    # The survey's own age band answer stands in when the survey asks it, kept only with others.
    assert equality_answers_clean({"age_band": "65+", "sex": "male"}, age_band="16-18") == {
        "sex": "male",
        "age_band": "16-18",
    }
    assert equality_answers_clean({}, age_band="16-18") == {}


# --- The journey -----------------------------------------------------------------------------


def test_the_step_says_why_and_how_and_leaves_out_the_age_the_survey_already_asked(client, survey):
    html = client.get(_step_url(survey, ABOUT_YOU)).content.decode()
    assert "<h1>About you</h1>" in html
    assert "These questions are optional" in html and "public sector equality duty" in html
    assert "we never show a number smaller than 5" in html
    assert "What is your ethnic group?" in html and 'name="age_band"' not in html
    # A fieldset per heading inside the question's own fieldset, one radio group.
    assert html.count('class="fieldset fieldset--nested"') == 5
    assert '<legend class="fieldset__legend fieldset__legend--small">White</legend>' in html
    assert html.count('name="ethnic_group"') == 20


def test_the_step_can_be_left_empty_and_nothing_is_stored(client, survey):
    response = _submit(client, survey, {})
    assert response is not None
    assert not EqualityMonitoring.objects.exists()


def test_answers_are_stored_apart_linked_only_by_the_response_id(client, survey):
    check, token = _complete(client, survey, [*_valid_steps(survey)[:3], ANSWERS, {"wants_contact": "no"}])
    html = check.content.decode()
    assert "Asian, Asian British or Asian Welsh" not in html and "Indian" in html and "Yes, a little" in html
    client.post(f"{survey.url}check/", {"token": token})
    response = Response.objects.get()
    row = EqualityMonitoring.objects.get()
    assert row.response_id == response.pk
    assert {field: getattr(row, field) for field in ANSWERS} == ANSWERS
    assert row.age_band == "25-34"  # the survey's own age band answer
    # Nothing of it is in the answers or the feedback.
    stored = " ".join(str(value) for value in Answer.objects.values_list("value", flat=True))
    assert "asian-indian" not in stored and "hindu" not in stored
    assert not Feedback.objects.filter(text__icontains="hindu").exists()
    assert not hasattr(response, "equalitymonitoring")


def test_prefer_not_to_say_is_kept_as_an_answer(client, survey):
    _submit(client, survey, {"religion": "prefer-not-to-say"})
    assert EqualityMonitoring.objects.get().religion == "prefer-not-to-say"


def test_an_answer_not_offered_comes_back_with_a_message_and_the_others_kept(client, survey):
    for number, data in enumerate(_valid_steps(survey)[:3], start=1):
        client.post(_step_url(survey, number), {**data, "next": "1"})
    response = client.post(
        _step_url(survey, ABOUT_YOU), {"ethnic_group": "martian\x00", "religion": "sikh", "next": "1"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose one of the answers given, or none" in html
    assert 'href="#id_ethnic_group_0_0"' in html and 'id="id_ethnic_group_0_0"' in html
    assert re.search(r'value="sikh"[^>]*checked', html)


def test_a_survey_without_the_section_ignores_equality_answers(survey):
    survey.equality_monitoring = False
    survey.save()
    _submit_directly(survey, "no-section", {"religion": "sikh"})
    assert not EqualityMonitoring.objects.exists()


def test_the_step_is_in_the_visitors_language(client, survey):
    html = client.get(f"/pl{survey.url}answer/{ABOUT_YOU}/").content.decode()
    assert '<html lang="pl"' in html
    assert "This page is not yet available" not in html
    assert "About you" not in html.split("<main", 1)[1]


# --- Exports ---------------------------------------------------------------------------------


def _csv(client, survey, **data) -> tuple[int, str]:
    response = client.post(reverse("consultation_results:csv", args=[survey.pk]), data)
    if response.status_code != 200:
        return response.status_code, ""
    return 200, b"".join(response.streaming_content).decode("utf-8-sig")


def test_the_responses_export_leaves_equality_answers_out_without_the_permission(client, survey):
    _submit_directly(survey, "t1", ANSWERS)
    officer = get_user_model().objects.get(username="officer")
    client.force_login(officer)
    offered = client.get(reverse("consultation_results:csv", args=[survey.pk])).content.decode()
    assert "equality monitoring" not in offered
    status, body = _csv(client, survey, personal="1")
    assert status == 200
    assert "About you" not in body and "Hindu" not in body and "Indian" not in body
    log = ExportLog.objects.get()
    assert log.kind == "survey responses" and not log.included_personal_data


def test_with_the_permission_the_export_includes_them_and_is_logged(client, survey):
    _submit_directly(survey, "t1", ANSWERS)
    officer = get_user_model().objects.get(username="officer")
    officer.user_permissions.add(Permission.objects.get(codename="export_equality_data"))
    client.force_login(get_user_model().objects.get(pk=officer.pk))
    offered = client.get(reverse("consultation_results:csv", args=[survey.pk])).content.decode()
    assert "Include the answers to the equality monitoring questions" in offered
    status, body = _csv(client, survey)
    assert "Hindu" not in body  # not ticked: not included
    status, body = _csv(client, survey, personal="1")
    header = body.splitlines()[0]
    assert "About you: What is your religion?" in header
    assert "Hindu" in body and "Indian" in body and "Yes, a little" in body
    log = ExportLog.objects.order_by("-pk").first()
    assert log.kind == "survey responses with equality monitoring answers"
    assert log.included_personal_data and log.user == officer


def test_no_staff_group_holds_the_permission():
    permission = Permission.objects.get(codename="export_equality_data")
    assert not permission.group_set.exists()


def test_the_rows_without_the_option_never_read_the_equality_table(survey):
    _submit_directly(survey, "t1", ANSWERS)
    with CaptureQueriesContext(connection) as queries:
        _header, rows = survey_response_rows(survey=survey)
        list(rows)
    assert not any("equalitymonitoring" in query["sql"] for query in queries.captured_queries)


# --- Retention and the personal-data tools ---------------------------------------------------


def test_retention_deletes_the_answers_after_the_period_from_the_survey_closing(survey, monkeypatch):
    survey.closes_at = timezone.now()
    survey.save()
    _submit_directly(survey, "t1", ANSWERS)
    days = retention_rule("equality_monitoring").days
    assert days == 730
    start = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(days=days - 1))
    assert retention_apply().counts["consultation.equality_monitoring"] == 0
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(days=days + 1))
    run = retention_apply()
    assert run.counts["consultation.equality_monitoring"] == 1
    assert not EqualityMonitoring.objects.exists() and Response.objects.filter(survey=survey).exists()
    assert retention_apply().counts["consultation.equality_monitoring"] == 0


def test_retention_for_a_survey_with_no_closing_date_counts_from_when_they_were_given(survey, monkeypatch):
    survey.closes_at = None
    survey.save()
    _submit_directly(survey, "t1", ANSWERS)
    start = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(days=731))
    assert retention_apply().counts["consultation.equality_monitoring"] == 1


def test_found_exported_and_erased_with_the_contact_details_given_with_them(survey):
    contact = ContactDetails(name="Priya Shah", email="priya@example.com")
    _submit_directly(survey, "mine", ANSWERS, contact=contact)
    _submit_directly(survey, "someone-else", {"religion": "sikh"})
    person = person_build(email="priya@example.com")
    findings = {finding.source.key: finding for finding in personal_data_find(person=person)}
    assert len(findings["consultation.equality_monitoring"].rows) == 1
    _name, data = personal_data_export_zip(person=person)
    assert b"consultation.equality_monitoring" in data
    personal_data_erase(person=person)
    assert list(EqualityMonitoring.objects.values_list("religion", flat=True)) == ["sikh"]


def test_answers_given_without_contact_details_are_found_by_nobody(survey):
    _submit_directly(survey, "anon", ANSWERS)
    findings = personal_data_find(person=person_build(name="Priya Shah"))
    assert all(finding.source.key != "consultation.equality_monitoring" or not finding.rows for finding in findings)


def test_deleting_a_response_deletes_its_equality_answers(survey):
    response = _submit_directly(survey, "t1", ANSWERS)
    response.delete()
    assert not EqualityMonitoring.objects.exists()


# --- The selectors for the report ------------------------------------------------------------


def _many(survey, count: int, start: int = 0):
    for index in range(start, start + count):
        _submit_directly(
            survey,
            f"many-{index}",
            {"religion": ["muslim", "sikh", "prefer-not-to-say"][index % 3], "sex": "female" if index % 2 else ""},
        )


def test_counts_per_category_with_not_answered(survey):
    _many(survey, 6)
    _submit_directly(survey, "skipped", {})
    figures = equality_counts(survey=survey)
    assert figures["responses"] == 7 and figures["answered_any"] == 6
    religion = next(question for question in figures["questions"] if question.field == "religion")
    counts = {row.code: row.count for row in religion.counts}
    assert counts["muslim"] == 2 and counts["sikh"] == 2 and counts["prefer-not-to-say"] == 2
    assert counts[""] == 1 and counts["none"] == 0 and religion.total == 7
    assert [row.label for row in religion.counts][-2:] == ["Prefer not to say", "Not answered"]
    ethnic = next(question for question in figures["questions"] if question.field == "ethnic_group")
    assert ethnic.headings["white-roma"] == "White"
    sex = next(question for question in figures["questions"] if question.field == "sex")
    assert {row.code: row.count for row in sex.counts}["female"] == 3


def test_counts_take_the_same_number_of_queries_however_many_responses(survey, django_assert_max_num_queries):
    _many(survey, 3)
    with CaptureQueriesContext(connection) as few:
        equality_counts(survey=survey)
    _many(survey, 30, start=3)
    with CaptureQueriesContext(connection) as many:
        equality_counts(survey=survey)
    assert len(few.captured_queries) == len(many.captured_queries) == 2


def test_each_responses_category_for_a_breakdown(survey):
    _many(survey, 6)
    _submit_directly(survey, "skipped", {})
    with CaptureQueriesContext(connection) as queries:
        rows = list(equality_answer_by_response(survey=survey, field="religion").values_list("pk", "equality_answer"))
    assert len(queries.captured_queries) == 1
    by_response = dict(rows)
    assert len(by_response) == 7
    assert sorted(value or "" for value in by_response.values()).count("") == 1
    age = _q(survey, "How old")
    with CaptureQueriesContext(connection) as queries:
        counted = list(equality_breakdown_counts(question=age, field="religion"))
    assert len(queries.captured_queries) == 1
    groups = Counter()
    for category, value, n in counted:
        groups[(category or None, value)] += n
    assert groups[("sikh", "25-34")] >= 1 and groups[(None, "25-34")] >= 1
    assert sum(groups.values()) == age.answers.count()
    with pytest.raises(KeyError):
        equality_answer_by_response(survey=survey, field="survey_title")


def test_the_report_breaks_a_question_down_by_an_equality_question_with_small_counts_hidden(survey):
    from consultation.report import breakdown_build, dimensions_for, report_build

    _many(survey, 12)
    assert "equality_religion" in dimensions_for(survey)
    age = _q(survey, "How old")
    section = breakdown_build(question=age, dimension=dimensions_for(survey)["equality_religion"])
    rows = {row[0]: row for row in section.tables[0].text_rows()}
    assert section.title == "How old are you?, by About you: What is your religion?"
    header = section.tables[0].header
    column = header.index("25 to 34")
    assert rows["Muslim"][column] == "fewer than 5"  # 4 Muslims aged 25 to 34: hidden
    # The report itself sums the About you answers, suppressed, and never per person.
    report = report_build(survey=survey)
    equality = next(s for s in report.sections if s.kind == "equality")
    religion = next(t for t in equality.tables if t.slug == "equality-religion")
    assert {row[0]: row[1] for row in religion.text_rows()}["Muslim"] == "fewer than 5"
