"""Load the demo consultations (consultation/demo_content.py). Creates what is missing and
leaves what exists alone, so running it again changes nothing."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Page

from core.seeding import child_by_slug, publish_child

from . import demo_content as demo
from .models import SurveyIndexPage, SurveyPage, SurveyQuestion, YouthVoicePage


def _questions(rows, existing: dict[str, SurveyQuestion] | None = None) -> list[SurveyQuestion]:
    """The demo's questions, in order: those already on the page (by label) as they are, the
    others made new, each "show_if" rule pointing at its earlier question's key."""
    existing = existing or {}
    questions, by_label = [], {}
    for kind, label, hint, required, choices, allow_other, *more in rows:
        extra = dict(more[0]) if more else {}
        rule = extra.pop("show_if", None)
        question = existing.get(label) or SurveyQuestion(
            kind=kind, label=label, hint=hint, required=required, choices=choices, allow_other=allow_other, **extra
        )
        if rule is not None and not question.show_if_key:
            target_label, values = rule
            question.show_if_key, question.show_if_values = by_label[target_label].key, list(values)
        questions.append(question)
        by_label[label] = question
    return questions


def _survey_upgrade(survey: SurveyPage, rows) -> None:
    """A demo survey seeded by an earlier version gains the questions added to the demo since
    (a grid, a question with a "Show if" rule), in their places, as a new published revision.
    Questions an editor added stay, after the demo's. Nothing happens when none is missing."""
    page = survey.get_latest_revision_as_object()
    current = list(page.questions.all())
    by_label = {question.label: question for question in current}
    if all(row[1] in by_label for row in rows):
        return
    questions = _questions(rows, existing=by_label)
    demo_labels = {row[1] for row in rows}
    questions += [question for question in current if question.label not in demo_labels]
    for order, question in enumerate(questions):
        question.sort_order = order
    page.questions = questions
    page.save_revision().publish()


def demo_seed(*, home: Page) -> None:
    index = child_by_slug(home, demo.SURVEY_INDEX["slug"])
    if index is None:
        index = publish_child(home, SurveyIndexPage(show_in_menus=True, **demo.SURVEY_INDEX))

    existing = child_by_slug(index, demo.OPEN_SURVEY["slug"])
    if existing is not None:
        _survey_upgrade(existing, demo.OPEN_SURVEY["questions"])
    else:
        content = demo.OPEN_SURVEY
        survey = SurveyPage(
            title=content["title"],
            slug=content["slug"],
            intro=content["intro"],
            privacy_notice=demo.PRIVACY_NOTICE,
            thank_you_text=content["thank_you_text"],
            ask_for_contact=content["ask_for_contact"],
            equality_monitoring=content["equality_monitoring"],
            # A time a person would choose: 5pm UK time on the closing day.
            closes_at=datetime.combine(
                timezone.localdate() + timedelta(days=content["open_days"]), time(17), tzinfo=ZoneInfo("Europe/London")
            ),
        )
        survey.questions = _questions(content["questions"])
        publish_child(index, survey)

    if child_by_slug(index, demo.CLOSED_SURVEY["slug"]) is None:
        content = demo.CLOSED_SURVEY
        survey = SurveyPage(
            title=content["title"],
            slug=content["slug"],
            intro=content["intro"],
            privacy_notice=content["privacy_notice"],
            accepting_responses=False,
            we_asked=content["we_asked"],
            you_said=content["you_said"],
            we_did=content["we_did"],
        )
        survey.questions = _questions(content["questions"])
        publish_child(index, survey)

    if child_by_slug(home, demo.YOUTH_VOICE["slug"]) is None:
        publish_child(home, YouthVoicePage(show_in_menus=True, **demo.YOUTH_VOICE))
