"""Skip logic ("Show only if" rules) and the question kinds: number, date, ranking, grid and a
rating scale the editor labels. The journey without JavaScript, the editor's refusals, and
"not asked" against "not answered" in results and the CSV."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from consultation import services
from consultation.models import Answer, Response, SurveyIndexPage, SurveyPage, SurveyQuestion
from consultation.report import report_build
from consultation.selectors import NOT_ASKED, survey_response_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def login(client):
    def as_user(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user


# --- A survey made for these tests ----------------------------------------------------------


def _survey(rows, slug="logic") -> SurveyPage:
    """A published survey with these questions: (kind, label, extra fields)."""
    index = SurveyIndexPage.objects.get()
    survey = SurveyPage(title=f"Survey {slug}", slug=slug, intro="Intro.", privacy_notice="<p>Privacy.</p>")
    questions = []
    for order, (kind, label, extra) in enumerate(rows):
        questions.append(SurveyQuestion(kind=kind, label=label, sort_order=order, **extra))
    survey.questions = questions
    index.add_child(instance=survey)
    survey.save_revision().publish()
    return SurveyPage.objects.get(pk=survey.pk)


def _q(survey, label) -> SurveyQuestion:
    return next(q for q in survey.questions.all() if q.label == label)


def _rule(survey, label, target_label, values):
    question = _q(survey, label)
    question.show_if_key = _q(survey, target_label).key
    question.show_if_values = values
    question.save()


def _step(client, survey, number, data, **extra):
    return client.post(f"{survey.url}answer/{number}/", {**data, "next": "1", **extra})


def _token(client, survey):
    html = client.get(f"{survey.url}check/").content.decode()
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


@pytest.fixture
def branching(db):
    """Step 1: do you carry a knife? Step 2 (a section shown only to those who said yes): why.
    Step 3: age band, then a question shown only to 11 to 15 or 16 to 18 year olds in step 4."""
    survey = _survey(
        [
            ("section", "Carrying", {}),
            ("yes_no", "Have you carried a knife?", {"required": True}),
            ("section", "Why", {}),
            ("long_text", "Why did you carry one?", {"required": True}),
            ("section", "About you", {}),
            ("age_band", "How old are you?", {}),
            ("section", "School", {}),
            ("short_text", "Which school do you go to?", {}),
            ("short_text", "Anything else?", {}),
        ]
    )
    _rule(survey, "Why", "Have you carried a knife?", ["yes"])
    _rule(survey, "Which school do you go to?", "How old are you?", ["11-15", "16-18"])
    return survey


def _fields(survey):
    return {label: _q(survey, label).field_name for label in [q.label for q in survey.questions.all()]}


# --- Skip logic in the journey ----------------------------------------------------------------


def test_a_section_is_skipped_when_its_rule_is_not_met_and_numbering_follows(client, branching):
    names = _fields(branching)
    first = client.get(f"{branching.url}answer/1/").content.decode()
    assert "part 1 of 3" in first  # the Why section waits on a Yes; the school step has "Anything else?"
    response = _step(client, branching, 1, {names["Have you carried a knife?"]: "no"})
    assert response["Location"].endswith("/answer/2/")
    second = client.get(f"{branching.url}answer/2/").content.decode()
    assert "part 2 of 3" in second and "How old are you?" in second and "Why did you carry" not in second


def test_the_front_page_says_up_to_how_many_parts_when_a_section_can_be_skipped(client, branching):
    assert "It has up to 4 short parts." in client.get(branching.url).content.decode()


def test_a_section_is_shown_when_its_rule_is_met(client, branching):
    names = _fields(branching)
    _step(client, branching, 1, {names["Have you carried a knife?"]: "yes"})
    second = client.get(f"{branching.url}answer/2/").content.decode()
    assert "part 2 of 4" in second and "Why did you carry one?" in second


def test_a_question_is_shown_for_any_of_its_values(client, branching):
    names = _fields(branching)
    _step(client, branching, 1, {names["Have you carried a knife?"]: "no"})
    _step(client, branching, 2, {names["How old are you?"]: "16-18"})
    third = client.get(f"{branching.url}answer/3/").content.decode()
    assert "Which school do you go to?" in third and "part 3 of 3" in third


def test_a_question_is_skipped_for_other_values_and_the_rest_of_its_step_stays(client, branching):
    names = _fields(branching)
    _step(client, branching, 1, {names["Have you carried a knife?"]: "no"})
    _step(client, branching, 2, {names["How old are you?"]: "35-44"})
    third = client.get(f"{branching.url}answer/3/").content.decode()
    assert "Which school" not in third and "Anything else?" in third


def test_check_your_answers_shows_only_what_was_asked(client, branching):
    names = _fields(branching)
    _step(client, branching, 1, {names["Have you carried a knife?"]: "no"})
    _step(client, branching, 2, {names["How old are you?"]: "35-44"})
    _step(client, branching, 3, {names["Anything else?"]: "No"})
    html = client.get(f"{branching.url}check/").content.decode()
    assert "Have you carried a knife?" in html and "Anything else?" in html
    assert "Why did you carry" not in html and "Which school" not in html


def test_changing_an_earlier_answer_drops_the_answers_it_hides(client, branching):
    names = _fields(branching)
    _step(client, branching, 1, {names["Have you carried a knife?"]: "yes"})
    _step(client, branching, 2, {names["Why did you carry one?"]: "For protection"})
    _step(client, branching, 3, {names["How old are you?"]: "11-15"})
    _step(client, branching, 4, {names["Which school do you go to?"]: "Hillcrest", names["Anything else?"]: ""})
    assert "For protection" in client.get(f"{branching.url}check/").content.decode()
    # From Check your answers they change the first answer to No, and the age to 35 to 44.
    _step(client, branching, 1, {names["Have you carried a knife?"]: "no"}, check="1")
    _step(client, branching, 2, {names["How old are you?"]: "35-44"}, check="1")
    html = client.get(f"{branching.url}check/").content.decode()
    assert "For protection" not in html and "Hillcrest" not in html
    client.post(f"{branching.url}check/", {"token": _token(client, branching)})
    response = Response.objects.get(survey=branching)
    saved = set(Answer.objects.filter(response=response).values_list("question_text", flat=True))
    assert saved == {"Have you carried a knife?", "How old are you?"}
    assert _q(branching, "Why did you carry one?").pk not in response.asked
    assert _q(branching, "Anything else?").pk in response.asked


def test_a_step_an_answer_brings_in_is_asked_before_the_check(client, branching):
    names = _fields(branching)
    _step(client, branching, 1, {names["Have you carried a knife?"]: "no"})
    _step(client, branching, 2, {names["How old are you?"]: "35-44"})
    _step(client, branching, 3, {names["Anything else?"]: ""})
    # Changing the first answer to Yes brings in the required Why section.
    _step(client, branching, 1, {names["Have you carried a knife?"]: "yes"}, check="1")
    response = client.get(f"{branching.url}check/")
    assert response.status_code == 302 and response["Location"].endswith("/answer/2/")


def test_the_service_saves_no_answer_to_a_question_not_asked(branching):
    carried, why = _q(branching, "Have you carried a knife?"), _q(branching, "Why did you carry one?")
    response = services.response_submit(
        survey=branching,
        token="asked-1",
        answers={carried.pk: {"value": "no"}, why.pk: {"value": "Sneaked in"}},
        asked=[carried.pk],
    )
    assert list(response.answers.values_list("question_id", flat=True)) == [carried.pk]
    assert response.asked == [carried.pk]


def test_a_rule_on_a_question_no_longer_on_the_survey_shows_the_question(client, branching):
    why_section = _q(branching, "Why")
    why_section.show_if_key = "gone"
    why_section.save()
    assert "part 1 of 4" in client.get(f"{branching.url}answer/1/").content.decode()


def test_a_step_number_beyond_the_steps_left_goes_to_the_check(client, branching):
    names = _fields(branching)
    _step(client, branching, 1, {names["Have you carried a knife?"]: "no"})
    response = client.get(f"{branching.url}answer/4/")
    assert response.status_code == 302 and response["Location"].endswith("/check/")


# --- Not asked against not answered ----------------------------------------------------------


def _answered_both_ways(survey, suffix=""):
    carried, why = _q(survey, "Have you carried a knife?"), _q(survey, "Why did you carry one?")
    age, school, anything = (
        _q(survey, "How old are you?"),
        _q(survey, "Which school do you go to?"),
        _q(survey, "Anything else?"),
    )
    services.response_submit(
        survey=survey,
        token=f"r-yes{suffix}",
        answers={carried.pk: {"value": "yes"}, why.pk: {"value": "Scared"}, age.pk: {"value": "11-15"}},
        asked=[carried.pk, why.pk, age.pk, school.pk, anything.pk],
    )
    services.response_submit(
        survey=survey,
        token=f"r-no{suffix}",
        answers={carried.pk: {"value": "no"}, age.pk: {"value": "45-54"}},
        asked=[carried.pk, age.pk, anything.pk],
    )


def _sections(survey) -> dict:
    return {section.title: section for section in report_build(survey=survey).sections}


def test_results_count_not_asked_apart_from_not_answered(branching):
    for _ in range(5):  # five people each way, so no count is hidden as "fewer than 5"
        _answered_both_ways(branching, suffix=f"-{_}")
    sections = _sections(branching)
    why, school = sections["Why did you carry one?"], sections["Which school do you go to?"]
    # Why: asked of the 5 who said yes, all answered; the 5 who said no were not asked it.
    assert "5 of 10 people answered this question." in why.paragraphs
    assert any(p.startswith("5 people were not asked it") for p in why.paragraphs)
    # School: asked of the same 5, answered by none of them (not answered, not "not asked" twice).
    assert "0 of 10 people answered this question." in school.paragraphs
    assert any(p.startswith("5 people were not asked it") for p in school.paragraphs)
    anything = sections["Anything else?"]
    assert not any("not asked" in p for p in anything.paragraphs)


def test_the_csv_says_not_asked_where_a_question_was_skipped_and_leaves_unanswered_empty(branching):
    _answered_both_ways(branching)
    header, rows = survey_response_rows(survey=branching)
    rows = list(rows)
    school = header.index("Which school do you go to?")
    why = header.index("Why did you carry one?")
    by_answer = {row[header.index("Have you carried a knife?")]: row for row in rows}
    assert by_answer["Yes"][school] == "" and by_answer["Yes"][why] == "Scared"
    assert by_answer["No"][school] == NOT_ASKED and by_answer["No"][why] == NOT_ASKED


def test_the_admin_results_page_shows_not_asked(login, branching):
    _answered_both_ways(branching)
    html = login("officer").get(f"/admin/survey-results/{branching.pk}/").content.decode()
    # The report: who was asked, with small numbers hidden as everywhere in it.
    assert html.count("fewer than 5 people were not asked it") == 2


def test_responses_from_before_skip_logic_count_as_asked_everything(branching):
    carried = _q(branching, "Have you carried a knife?")
    for n in range(5):
        services.response_submit(survey=branching, token=f"old-{n}", answers={carried.pk: {"value": "no"}})
    sections = report_build(survey=branching).sections
    assert not any("not asked" in paragraph for section in sections for paragraph in section.paragraphs)
    header, rows = survey_response_rows(survey=branching)
    assert NOT_ASKED not in next(iter(rows))


# --- The question kinds ------------------------------------------------------------------------


@pytest.fixture
def kinds(db):
    return _survey(
        [
            ("number", "How many?", {"required": True, "min_value": 0, "max_value": 100}),
            ("date", "When?", {"required": True}),
            ("ranking", "Rank these", {"required": True, "choices": "Parks\nBuses\nCentre"}),
            (
                "grid",
                "How safe do you feel",
                {"required": True, "statements": "In the day\nAfter dark", "scale": "Very safe\nSafe\nUnsafe"},
            ),
            ("rating", "Labelled rating", {"scale": "Poor\nFair\nGood\nGreat"}),
            ("rating", "Plain rating", {}),
        ],
        slug="kinds",
    )


def _kind_data(kinds, **changes):
    names = _fields(kinds)
    data = {
        names["How many?"]: "12",
        names["When?"] + "_day": "27",
        names["When?"] + "_month": "3",
        names["When?"] + "_year": "2007",
        names["Rank these"] + "_0": "2",
        names["Rank these"] + "_1": "3",
        names["Rank these"] + "_2": "1",
        names["How safe do you feel"] + "_0": "1",
        names["How safe do you feel"] + "_1": "3",
        names["Labelled rating"]: "4",
        names["Plain rating"]: "5",
    }
    for key, value in changes.items():
        data[names[key.split("__")[0]] + (f"_{key.split('__')[1]}" if "__" in key else "")] = value
    return data


def test_every_kind_is_answered_checked_and_saved(client, kinds):
    response = _step(client, kinds, 1, _kind_data(kinds))
    assert response.status_code == 302
    html = client.get(f"{kinds.url}check/").content.decode()
    assert "27 March 2007" in html
    assert "1. Centre; 2. Parks; 3. Buses" in html
    assert "In the day: Very safe; After dark: Unsafe" in html
    assert "Great" in html
    client.post(f"{kinds.url}check/", {"token": _token(client, kinds)})
    values = {answer.question_text: answer.value for answer in Answer.objects.filter(response__survey=kinds)}
    assert values == {
        "How many?": 12,
        "When?": "2007-03-27",
        "Rank these": ["Centre", "Parks", "Buses"],
        "How safe do you feel": ["1", "3"],
        "Labelled rating": "4",
        "Plain rating": "5",
    }


def _error_page(client, kinds, **changes):
    response = _step(client, kinds, 1, _kind_data(kinds, **changes))
    assert response.status_code == 200, "expected the step again, with errors"
    html = response.content.decode()
    assert "There is a problem" in html
    return html


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1e309", "must be a whole number"),
        ("9" * 5000, "must be a whole number"),
        ("12.5", "must be a whole number"),
        ("101", "must be between 0 and 100"),
        ("-1", "must be between 0 and 100"),
        ("", "Enter a number for"),
    ],
)
def test_a_number_outside_its_rules_gets_a_message(client, kinds, typed, message):
    html = _error_page(client, kinds, **{"How many?": typed})
    assert message in html
    number = _q(kinds, "How many?")
    assert f'href="#id_{number.field_name}"' in html


@pytest.mark.parametrize(
    ("day", "month", "year", "message"),
    [
        ("31", "2", "2023", "must be a real date"),
        ("", "2", "2023", "must include a day"),
        ("1", "", "2023", "must include a month"),
        ("x", "2", "2023", "in numbers"),
        ("1", "13", "2023", "must be a real date"),
        ("1", "2", "23", "4 numbers"),
        ("", "", "", "Enter a date for"),
        ("1", "2", "9" * 20, "Enter a real date"),
    ],
)
def test_a_date_that_is_not_real_gets_a_message(client, kinds, day, month, year, message):
    html = _error_page(client, kinds, **{"When?__day": day, "When?__month": month, "When?__year": year})
    assert message in html
    assert 'aria-invalid="true"' in html


def test_nul_characters_in_a_number_or_date_are_no_error(client, kinds):
    """The site removes NUL characters from every form post (core/textguard.py): what is left is
    checked as usual."""
    response = _step(client, kinds, 1, _kind_data(kinds, **{"How many?": "1\x002", "When?__day": "2\x007"}))
    assert response.status_code == 302
    html = client.get(f"{kinds.url}check/").content.decode()
    assert "27 March 2007" in html and "12" in html


def test_a_ranking_uses_each_rank_once(client, kinds):
    html = _error_page(client, kinds, **{"Rank these__0": "1", "Rank these__2": "1"})
    assert "1 is used more than once" in html


def test_a_ranking_ranks_every_choice(client, kinds):
    html = _error_page(client, kinds, **{"Rank these__1": ""})
    assert "Give every choice a rank, from 1 to 3" in html
    assert f'href="#id_{_q(kinds, "Rank these").field_name}_1"' in html


def test_a_required_ranking_needs_ranks_and_a_rank_must_be_offered(client, kinds):
    html = _error_page(client, kinds, **{"Rank these__0": "", "Rank these__1": "", "Rank these__2": ""})
    assert "Rank the choices for “Rank these”" in html
    assert "Choose a rank from the list" in _error_page(client, kinds, **{"Rank these__0": "9"})


def test_an_optional_ranking_may_be_left_empty(client):
    survey = _survey([("ranking", "Rank", {"choices": "A\nB"})], slug="optional-ranking")
    assert _step(client, survey, 1, {}).status_code == 302


def test_a_required_grid_needs_every_statement(client, kinds):
    html = _error_page(client, kinds, **{"How safe do you feel__1": ""})
    assert "Choose an answer for “After dark”" in html
    assert f'href="#id_{_q(kinds, "How safe do you feel").field_name}_1_0"' in html


def test_a_grid_answer_off_the_scale_is_refused(client, kinds):
    assert "Choose one of the answers given" in _error_page(client, kinds, **{"How safe do you feel__0": "9"})


def test_a_rating_with_labels_offers_them_and_keeps_old_answers_valid(client, kinds):
    html = client.get(f"{kinds.url}answer/1/").content.decode()
    assert ">Poor</label>" in html and ">Great</label>" in html
    assert ">1 (lowest)</label>" in html and ">5 (highest)</label>" in html


def test_typed_values_come_back_after_an_error(client, kinds):
    html = _error_page(client, kinds, **{"How many?": "abc"})
    assert 'value="abc"' in html and 'value="2007"' in html
    assert re.search(r'<option value="2" selected>2</option>', html)


def test_back_from_the_check_shows_the_saved_answers_of_each_kind(client, kinds):
    _step(client, kinds, 1, _kind_data(kinds))
    html = client.get(f"{kinds.url}answer/1/?change=1").content.decode()
    assert 'value="27"' in html and 'value="2007"' in html
    assert re.search(r'<option value="1" selected>1</option>', html)


def test_results_and_csv_of_each_kind(kinds):
    names = {q.label: q for q in kinds.questions.all()}
    for token, number, date, ranking, grid, rating in [
        ("k1", 10, "2026-03-01", ["Parks", "Buses", "Centre"], ["1", "3"], "4"),
        ("k2", 20, "2026-04-15", ["Parks", "Centre", "Buses"], ["2", "3"], "2"),
        ("k3", 60, "2026-04-20", ["Centre", "Parks", "Buses"], ["1", ""], "3"),
    ] * 2:  # twice each: the report shows figures from 5 answers
        services.response_submit(
            survey=kinds,
            token=f"{token}-{len(Response.objects.all())}",
            answers={
                names["How many?"].pk: {"value": number},
                names["When?"].pk: {"value": date},
                names["Rank these"].pk: {"value": ranking},
                names["How safe do you feel"].pk: {"value": grid},
                names["Labelled rating"].pk: {"value": rating},
            },
        )
    report = report_build(survey=kinds)
    sections = {section.title: section for section in report.sections}

    def rows(title, table=0):
        return {row[0]: row[1:] for row in sections[title].tables[table].rows}

    numbers = rows("How many?")
    assert numbers["Smallest"] == ["10"] and numbers["Largest"] == ["60"]
    assert numbers["Median"] == ["20"] and numbers["Mean"] == ["30.0"]
    assert numbers["People who answered"][0].count == 6
    months = rows("When?")
    assert months["2026-03"][0].count == 2 and months["2026-04"][0].count == 4
    ranks = rows("Rank these")
    assert [row[0] for row in sections["Rank these"].tables[0].rows[:3]] == ["Parks", "Centre", "Buses"]
    assert ranks["Parks"][0] == "1.3" and ranks["Centre"][0] == "2.0" and ranks["Buses"][0] == "2.7"
    day, dark = (rows("How safe do you feel", n) for n in (0, 1))
    assert (day["Very safe"][0].count, day["Safe"][0].count, day["Unsafe"][0].count) == (4, 2, 0)
    assert dark["Unsafe"][0].count == 4 and dark["People who answered"][0].count == 4
    rating = rows("Labelled rating")
    assert [rating[label][0].count for label in ("Poor", "Fair", "Good", "Great")] == [0, 2, 2, 2]
    header, rows = survey_response_rows(survey=kinds)
    assert "How safe do you feel: In the day" in header and "How safe do you feel: After dark" in header
    first = next(iter(rows))
    assert first[header.index("When?")] == "2026-03-01"
    assert first[header.index("Rank these")] == "1. Parks; 2. Buses; 3. Centre"
    assert first[header.index("How safe do you feel: After dark")] == "Unsafe"
    assert first[header.index("Labelled rating")] == "Great"


def test_the_admin_results_page_shows_each_kind(login, kinds):
    names = {q.label: q for q in kinds.questions.all()}
    services.response_submit(
        survey=kinds,
        token="k1",
        answers={
            names["How many?"].pk: {"value": 7},
            names["Rank these"].pk: {"value": ["Buses", "Parks", "Centre"]},
            names["How safe do you feel"].pk: {"value": ["2", "3"]},
        },
    )
    html = login("officer").get(f"/admin/survey-results/{kinds.pk}/").content.decode()
    assert "Mean rank" in html and "How safe do you feel: After dark" in html
    assert "Fewer than 5 people answered, so no figures are shown." in html  # the number, answered once


# --- What the editor can set ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kind": "grid", "scale": "A\nB"}, "statements", "Give 1 to 10 statements"),
        ({"kind": "grid", "statements": "One"}, "scale", "Give the scale"),
        ({"kind": "ranking", "choices": "A"}, "choices", "Give 2 to 7 choices"),
        ({"kind": "ranking", "choices": "\n".join("ABCDEFGH")}, "choices", "Give 2 to 7 choices"),
        ({"kind": "number", "min_value": 5, "max_value": 5}, "max_value", "must be more than the smallest"),
        ({"kind": "number", "min_value": 10**13}, "min_value", "Give a number between"),
        ({"kind": "rating", "scale": "Only one"}, "scale", "Give 2 to 11 labels"),
    ],
)
def test_the_editor_is_told_what_a_kind_needs(fields, field, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        SurveyQuestion(label="Q", **fields).clean()
    assert message in " ".join(error.value.message_dict[field])


def _question_data(question: SurveyQuestion, **changes) -> dict:
    data = {
        "id": question.pk,
        "kind": question.kind,
        "label": question.label,
        "hint": question.hint,
        "required": "on" if question.required else "",
        "choices": question.choices,
        "allow_other": "on" if question.allow_other else "",
        "scale": question.scale,
        "statements": question.statements,
        "min_value": "" if question.min_value is None else question.min_value,
        "max_value": "" if question.max_value is None else question.max_value,
        "show_if": [],
    }
    data.update(changes)
    return data


def _edit(client, survey, questions: list[dict]):
    data = nested_form_data(
        {
            "title": survey.title,
            "slug": survey.slug,
            "intro": survey.intro,
            "privacy_notice": rich_text(survey.privacy_notice),
            "accepting_responses": "on",
            "questions": inline_formset(questions, initial=survey.questions.count()),
            "thank_you_text": rich_text(""),
            "we_asked": rich_text(""),
            "you_said": rich_text(""),
            "we_did": rich_text(""),
            "action-publish": "publish",
        }
    )
    # nested_form_data turns the list of ticked rule answers into a string: post them as a list.
    for key, value in list(data.items()):
        if key.endswith("-show_if") and isinstance(value, str):
            data[key] = [item for item in value.split("|") if item]
    return client.post(f"/admin/pages/{survey.pk}/edit/", data)


def _rule_value(question, value):
    return f"{question.key}:{value}"


def _editor_rows(survey, **rules):
    """Every question's form data; `rules` maps a question's position to its ticked answers."""
    rows = [_question_data(question) for question in survey.questions.all()]
    for position, values in rules.items():
        rows[int(position.lstrip("q"))]["show_if"] = "|".join(values)
    return rows


def test_the_editor_offers_only_earlier_questions_answers(login, branching):
    html = login("editor").get(f"/admin/pages/{branching.pk}/edit/").content.decode()
    carried = _q(branching, "Have you carried a knife?")
    age = _q(branching, "How old are you?")
    assert f'value="{_rule_value(carried, "yes")}"' in html
    assert f'value="{_rule_value(age, "11-15")}"' in html
    assert "Show only if" in html and "after you save the page once" in html
    # The first question is offered nothing (only the empty form for a new question offers all).
    first_form = html.split('id="inline_child_questions-1"')[0]
    assert _rule_value(carried, "yes") not in first_form.split('id="inline_child_questions-0"')[-1]


def test_the_editor_saves_a_rule_chosen_from_earlier_answers(login, branching):
    client = login("editor")
    carried = _q(branching, "Have you carried a knife?")
    rows = _editor_rows(branching, q7=[_rule_value(carried, "yes")])  # "Which school" shown if Yes
    response = _edit(client, branching, rows)
    assert response.status_code == 302, response.content.decode()[:3000]
    school = _q(SurveyPage.objects.get(pk=branching.pk), "Which school do you go to?")
    assert (school.show_if_key, school.show_if_values) == (carried.key, ["yes"])


def _refused(client, survey, rows, message):
    response = _edit(client, survey, rows)
    html = response.content.decode()
    assert response.status_code == 200, "the editor should refuse the rule"
    assert message in html, html[:200]
    return html


def test_the_editor_refuses_a_rule_on_a_question_moved_after_it(login, branching):
    age = _q(branching, "How old are you?")
    rows = _editor_rows(branching, q7=[_rule_value(age, "11-15")])  # "Which school" shown to 11 to 15s
    rows[5]["ORDER"] = 99  # ...and the age question moved to the end
    _refused(login("editor"), branching, rows, "Choose a question that comes before this one")


def test_the_editor_offers_no_later_question(login, branching):
    age = _q(branching, "How old are you?")
    rows = _editor_rows(branching, q1=[_rule_value(age, "11-15")])  # posted by hand: never offered
    _refused(login("editor"), branching, rows, "That answer is no longer offered")


def test_the_editor_refuses_a_rule_on_a_question_in_the_same_step(login):
    survey = _survey([("yes_no", "Do you walk?", {}), ("short_text", "Where?", {})], slug="same-step")
    rows = [_question_data(question) for question in survey.questions.all()]
    rows[1]["show_if"] = _rule_value(_q(survey, "Do you walk?"), "yes")
    _refused(login("editor"), survey, rows, "Choose a question from an earlier section")


def test_the_editor_refuses_a_rule_on_itself(login, branching):
    carried = _q(branching, "Have you carried a knife?")
    rows = _editor_rows(branching)
    rows[1]["show_if"] = _rule_value(carried, "yes")
    _refused(login("editor"), branching, rows, "That answer is no longer offered")


def test_the_editor_refuses_a_rule_on_a_question_being_deleted(login, branching):
    rows = _editor_rows(branching)
    rows[2]["show_if"] = _rule_value(_q(branching, "Have you carried a knife?"), "yes")
    rows[1]["DELETE"] = "1"
    _refused(login("editor"), branching, rows, "The question this depends on is being deleted")


def test_the_editor_refuses_a_rule_on_a_question_no_longer_on_the_survey(login, branching):
    school = _q(branching, "Which school do you go to?")
    school.show_if_key = "0" * 32
    school.show_if_values = ["yes"]
    school.save()
    client = login("editor")
    html = client.get(f"/admin/pages/{branching.pk}/edit/").content.decode()
    assert "A question that is not before this one any more" in html
    rows = _editor_rows(branching)
    rows[7]["show_if"] = "0" * 32 + ":yes"
    _refused(client, branching, rows, "no longer on this survey")


def test_the_editor_refuses_answers_of_two_questions(login, branching):
    carried, age = _q(branching, "Have you carried a knife?"), _q(branching, "How old are you?")
    rows = _editor_rows(branching, q7=[_rule_value(carried, "yes"), _rule_value(age, "11-15")])
    _refused(login("editor"), branching, rows, "Tick answers of one question only")


def test_the_editor_refuses_an_answer_the_question_no_longer_has(login):
    survey = _survey(
        [("single_choice", "Pick", {"choices": "Red\nBlue"}), ("section", "Next", {}), ("short_text", "Why", {})],
        slug="choices-edited",
    )
    pick = _q(survey, "Pick")
    rows = [_question_data(question) for question in survey.questions.all()]
    rows[0]["choices"] = "Red\nGreen"
    rows[2]["show_if"] = _rule_value(pick, "Blue")
    _refused(login("editor"), survey, rows, "“Blue” is no longer an answer")


# --- Demo content ----------------------------------------------------------------------------------


def test_the_demo_survey_has_a_grid_and_a_rule(survey):
    kinds = {question.kind for question in survey.questions.all()}
    assert {"grid", "number", "date", "ranking", "rating"} <= kinds
    ruled = [question for question in survey.questions.all() if question.show_if_key]
    assert [question.show_if_values for question in ruled] == [["Near schools and colleges"]]


def test_an_older_demo_site_gains_the_new_questions_on_reseeding(survey):
    from consultation.seeding import demo_seed

    page = survey.get_latest_revision_as_object()
    page.questions = [q for q in page.questions.all() if q.kind not in ("grid", "ranking") and not q.show_if_key]
    page.save_revision().publish()
    home = Page.objects.get(depth=2)
    demo_seed(home=home)
    survey = SurveyPage.objects.get(pk=survey.pk)
    assert {"grid", "ranking"} <= {question.kind for question in survey.questions.all()}
    revisions = survey.revisions.count()
    demo_seed(home=home)
    assert SurveyPage.objects.get(pk=survey.pk).revisions.count() == revisions  # nothing changes twice
