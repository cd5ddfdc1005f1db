"""Load the demo consultations (consultation/demo_content.py). Creates what is missing and
leaves what exists alone, so running it again changes nothing."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Page

from core.seeding import child_by_slug, publish_child

from . import demo_content as demo
from .models import SurveyIndexPage, SurveyPage, SurveyQuestion, YouthVoicePage


def _questions(rows) -> list[SurveyQuestion]:
    return [
        SurveyQuestion(kind=kind, label=label, hint=hint, required=required, choices=choices, allow_other=allow_other)
        for kind, label, hint, required, choices, allow_other in rows
    ]


def demo_seed(*, home: Page) -> None:
    index = child_by_slug(home, demo.SURVEY_INDEX["slug"])
    if index is None:
        index = publish_child(home, SurveyIndexPage(show_in_menus=True, **demo.SURVEY_INDEX))

    if child_by_slug(index, demo.OPEN_SURVEY["slug"]) is None:
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
