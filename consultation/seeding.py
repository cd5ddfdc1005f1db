"""Load the demo consultations (consultation/demo_content.py). Creates what is missing and
leaves what exists alone, so running it again changes nothing."""

import random
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from core.models import Ward
from core.seeding import child_by_slug, publish_child
from core.translations import page_translated_with, pages_of_record

from . import demo_content as demo
from . import demo_translations
from .models import OTHER, AgeBand, Answer, Response, SurveyIndexPage, SurveyPage, SurveyQuestion, YouthVoicePage
from .services import answer_counts_add

# The demo survey's made-up responses: how many, from a fixed seed, so every demo site shows the
# same report.
DEMO_RESPONSES = 400
DEMO_RESPONSES_SEED = 2022
DEMO_SUBMISSION_PREFIX = "demo-response-"


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


def translations_seed(*, home: Page) -> None:
    """The drafted translations of the "Have your say" page and of the open demo survey in the
    six other languages (consultation/demo_translations.py), published through PO files as the
    council's supplier's would be. A language a page is translated into already is left alone.
    Run after every language's tree has its aliases (core.translations.trees_sync)."""
    pages = [(child_by_slug(home, demo.YOUTH_VOICE["slug"]), demo_translations.YOUTH_VOICE)]
    index = child_by_slug(home, demo.SURVEY_INDEX["slug"])
    if index is not None:
        pages.append((child_by_slug(index, demo.OPEN_SURVEY["slug"]), demo_translations.SURVEY))
    for page, languages in pages:
        if page is None:
            continue
        for code, strings in languages.items():
            page_translated_with(page, language_code=code, strings=strings)


def _answer_value(question: SurveyQuestion, rng: random.Random, ward_ids: list[int]):
    """A made-up answer to a closed question, as the survey's forms store it; "" for no answer."""
    kind = SurveyQuestion.Kind
    if not question.required and rng.random() < 0.12:
        return ""
    if question.kind == kind.RATING:
        points = len(question.scale_points)
        return str(rng.choices(range(1, points + 1), weights=[1 + min(i, points - i) for i in range(points)])[0])
    if question.kind == kind.NUMBER:
        low = question.min_value if question.min_value is not None else 0
        high = question.max_value if question.max_value is not None else low + 100
        return rng.randint(low, min(high, low + 100))
    if question.kind == kind.DATE:
        return (timezone.localdate() - timedelta(days=rng.randint(1, 365))).isoformat()
    if question.kind == kind.RANKING:
        return rng.sample(question.choice_list, len(question.choice_list))
    if question.kind == kind.GRID:
        points = [value for value, _label in question.scale_points]
        return [rng.choice(points) for _ in question.statement_list]
    if question.kind == kind.SINGLE_CHOICE:
        choices = question.choice_list + ([OTHER] if question.allow_other else [])
        return rng.choices(choices, weights=range(len(choices), 0, -1))[0]
    if question.kind == kind.MULTIPLE_CHOICE:
        choices = question.choice_list + ([OTHER] if question.allow_other else [])
        picked = [choice for i, choice in enumerate(choices) if rng.random() < 0.6 / (1 + i * 0.3)]
        return picked or [choices[0]]
    if question.kind == kind.YES_NO:
        return rng.choices(["yes", "no"], weights=[2, 3])[0]
    if question.kind == kind.AGE_BAND:
        return rng.choice([band.value for band in AgeBand])
    if question.kind == kind.WARD:
        return str(rng.choice(ward_ids)) if ward_ids else ""
    return ""


def responses_generate(
    *,
    survey: SurveyPage,
    count: int,
    seed: int,
    submission_prefix: str,
    is_demo: bool,
    weeks: int = 6,
    batch: int = 2000,
) -> int:
    """Make `count` responses to `survey`'s closed questions with random answers from `seed`,
    submitted over the last `weeks` weeks, in batches. Free-text questions are left
    unanswered: made-up text would land in the Feedback store and be read as real. Returns the
    number made. For the demo site and the benchmark (bench/report.py)."""
    rng = random.Random(seed)  # noqa: S311 - made-up answers, repeatable, nothing secret
    survey = SurveyPage.objects.prefetch_related("questions").get(pk=survey.pk)  # steps() reads them per response
    questions = [q for q in survey.questions.all() if q.kind not in (SurveyQuestion.Kind.SECTION,)]
    closed = [q for q in questions if q.kind not in SurveyQuestion.FREE_TEXT_KINDS]
    ward_ids = list(Ward.objects.order_by("pk").values_list("pk", flat=True))
    now = timezone.now()
    channels = [Response.Channel.ONLINE, Response.Channel.KIOSK, Response.Channel.PAPER]
    made = 0
    while made < count:
        size = min(batch, count - made)
        responses, answers = [], []
        for number in range(made, made + size):
            values = {q.pk: _answer_value(q, rng, ward_ids) for q in closed}
            # Skip logic: only the questions the answers lead to are asked, and only they are kept.
            asked = [q.pk for q in survey.questions_asked({str(pk): {"value": v} for pk, v in values.items()})]
            values = {pk: value for pk, value in values.items() if pk in asked}
            age_band = next((v for q in closed if q.kind == "age_band" for v in [values.get(q.pk, "")]), "")
            ward = next((v for q in closed if q.kind == "ward" for v in [values.get(q.pk, "")]), "")
            responses.append(
                Response(
                    survey=survey,
                    survey_title=survey.title,
                    submission_token=f"{submission_prefix}{number}",
                    submitted_at=now - timedelta(minutes=rng.randint(10, weeks * 7 * 24 * 60)),
                    age_band=age_band or "",
                    ward_id=int(ward) if ward else None,
                    channel=rng.choices(channels, weights=[80, 12, 8])[0],
                    is_demo=is_demo,
                    asked=asked,
                )
            )
            answers.append(values)
        with transaction.atomic():
            Response.objects.bulk_create(responses)
            saved = dict(
                Response.objects.filter(submission_token__in=[r.submission_token for r in responses]).values_list(
                    "submission_token", "pk"
                )
            )
            Answer.objects.bulk_create(
                [
                    Answer(
                        response_id=saved[response.submission_token],
                        question=question,
                        question_text=question.label,
                        value=values[question.pk],
                    )
                    for response, values in zip(responses, answers, strict=True)
                    for question in closed
                    if question.pk in values
                ],
                batch_size=5000,
            )
            answer_counts_add(
                (question, values[question.pk]) for values in answers for question in closed if question.pk in values
            )
        made += size
    return made


def demo_responses_seed() -> int:
    """Made-up responses to the open demo survey, marked `is_demo` (the report says how many of
    its responses are demo data) and made from a fixed seed, so the results report shows
    something. Only `seed_demo` on a developer's machine calls it, never on a live site. Once
    made they are left alone: running it again makes none. Returns the number made."""
    survey = pages_of_record(SurveyPage.objects.filter(slug=demo.OPEN_SURVEY["slug"])).first()
    if survey is None or Response.objects.filter(survey=survey, is_demo=True).exists():
        return 0
    return responses_generate(
        survey=survey,
        count=DEMO_RESPONSES,
        seed=DEMO_RESPONSES_SEED,
        submission_prefix=DEMO_SUBMISSION_PREFIX,
        is_demo=True,
    )
