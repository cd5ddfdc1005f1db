"""The survey journey and the youth voice page. Thin: forms validate, services write.

Each view is a route of its page (consultation/routes.py): Wagtail calls it with the page
first, then the request.

Survey answers in progress are kept in the visitor's session (not in the database tables)
until they submit on the "check your answers" step; the session copy is deleted then. Every
step is a plain form that posts and redirects, so the journey works without JavaScript and
the browser's Back button never resubmits.
"""

import secrets

from django import forms
from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

from core.forms import validation_error_list
from core.languages import language_code_current
from core.ratelimit import submission_limited
from core.templatetags.site_tags import content_language

from . import services
from .equality import AboutYouForm, equality_answer_rows, survey_asks_age
from .forms import ContactForm, SurveyStepForm, YouthVoiceForm
from .models import DRAFT_SECONDS, Response, SurveyPage, SurveyQuestion, YouthVoicePage
from .report import report_public
from .selectors import answer_text

# Keyed by the English survey: answers are kept by its questions' ids in every language
# (SurveyPage.questions_to_answer), so switching language on a step keeps them.
SESSION_PREFIX = "survey:"
DONE_PREFIX = "survey-done:"


def _no_store(response):
    """Nothing of a survey or youth voice journey is kept by a browser or a shared cache."""
    add_never_cache_headers(response)
    return response


def _render(request, template, context, status=200):
    return _no_store(TemplateResponse(request, template, context, status=status))


def _draft(request, survey: SurveyPage, *, create: bool = False) -> dict | None:
    """The answers in progress: {"token", "answers", "raw", "seen"}. "seen" lists the questions
    whose step they have sent, so a question an answer brings in is asked before the check."""
    key = f"{SESSION_PREFIX}{survey.survey_of_record().pk}"
    draft = request.session.get(key)
    if draft is None and create:
        draft = {"token": secrets.token_urlsafe(24), "answers": {}, "raw": {}, "seen": []}
        request.session[key] = draft
        request.session.set_expiry(DRAFT_SECONDS)
    if draft is not None:
        draft.setdefault("seen", [])
    return draft


def _step_key(step: dict) -> str:
    """What a step's unsent typing is kept under: its first question, as numbers shift when
    answers skip steps."""
    if step.get("contact"):
        return "contact"
    if step.get("about_you"):
        return "about_you"
    return str(step["questions"][0].pk)


def _drop_hidden_answers(survey: SurveyPage, draft: dict) -> None:
    """Answers to questions the answers now skip go: a changed answer that hides a later
    question drops what was said to it."""
    asked = {str(question.pk) for question in survey.questions_asked(draft["answers"])}
    draft["answers"] = {key: answer for key, answer in draft["answers"].items() if key in asked}
    draft["seen"] = [pk for pk in draft["seen"] if str(pk) in asked]


def _save_draft(request, survey: SurveyPage, draft: dict) -> None:
    request.session[f"{SESSION_PREFIX}{survey.survey_of_record().pk}"] = draft
    request.session.modified = True


def _url(survey: SurveyPage, request, route: str, *args) -> str:
    return survey.get_url(request) + survey.reverse_subpage(route, args=args)


def _steps_with_contact(survey: SurveyPage, draft: dict | None = None) -> list[dict]:
    """The steps the answers so far lead to (skip logic), then contact details if asked for.
    Without a draft (the front page), every step."""
    steps = survey.steps(draft["answers"] if draft is not None else None)
    if survey.equality_monitoring:
        # Optional, all of it: a step that asks nothing required, so Check your answers never
        # sends anyone back to it.
        steps.append({"title": gettext("About you"), "intro": "", "questions": [], "about_you": True})
    if survey.ask_for_contact:
        steps.append({"title": gettext("Contact details"), "intro": "", "questions": [], "contact": True})
    return steps


def _not_open(request, survey: SurveyPage):
    """A survey that is not open shows why, with its dates; a POST saves nothing."""
    status = 200 if request.method == "GET" else 403
    return _render(request, "consultation/survey_closed.html", {"page": survey, "self": survey}, status=status)


def survey_results_summary(survey: SurveyPage, request):
    """The public results summary, once the survey has closed and an editor has published it:
    how many responded and the counts per answer of each closed question, small counts
    suppressed (consultation/report.py). Never any written answers."""
    if not survey.results_public:
        raise Http404("No results summary is published for this survey.")
    report = report_public(survey=survey.survey_of_record())
    return TemplateResponse(
        request,
        "consultation/survey_results_summary.html",
        {"page": survey, "self": survey, "report": report, "headline": report.sections[0]},
    )


def survey_start(survey: SurveyPage, request):
    """The survey's front page: what it is about, privacy, dates, and Start."""
    steps = _steps_with_contact(survey)
    context = {
        "page": survey,
        "self": survey,
        "steps": steps,
        # A section shown only for some answers: the number of parts depends on the answers.
        "some_steps_skippable": any(step.get("section") and step["section"].show_if_key for step in steps),
    }
    if survey.is_open:
        context["start_url"] = _url(survey, request, "step_route", 1) + ("?kiosk=1" if _kiosk_asked(request) else "")
    return _render(request, "consultation/survey_page.html", context)


# At a kiosk (`?kiosk=1` on the survey's address: a tablet at an event, answered by one person
# after another) the answers are recorded as given at a kiosk, a draft left half-way is cleared
# after a quarter of an hour without a step, and the thank-you page's "Next person" ends the
# session, so the next person finds nothing of the last one's answers.
KIOSK_IDLE_SECONDS = 15 * 60


def _kiosk_asked(request) -> bool:
    return request.GET.get("kiosk") == "1"


def survey_step(survey: SurveyPage, request, step: int):
    if not survey.is_open:
        return _not_open(request, survey)
    draft = _draft(request, survey, create=True)
    if _kiosk_asked(request) and not draft.get("kiosk"):
        draft["kiosk"] = True
        _save_draft(request, survey, draft)
    if draft.get("kiosk"):
        request.session.set_expiry(KIOSK_IDLE_SECONDS)
    steps = _steps_with_contact(survey, draft)
    if step < 1:
        raise Http404("No such step")
    if step > len(steps):
        # Earlier answers now skip that step (or there never was one): the check shows what is left.
        if not draft["answers"]:
            raise Http404("No such step")
        return HttpResponseRedirect(_url(survey, request, "check_route"))
    current = steps[step - 1]
    step_key = _step_key(current)
    is_contact = current.get("contact", False)
    is_about_you = current.get("about_you", False)

    if request.method == "POST":
        if is_about_you:
            form = AboutYouForm(request.POST, ask_age=not survey_asks_age(survey))
        elif is_contact:
            form = ContactForm(request.POST)
        else:
            form = SurveyStepForm(
                request.POST, questions=current["questions"], words_language=_questions_language(survey)
            )
        if form.is_spam():
            return HttpResponseRedirect(_url(survey, request, "thank_you_route"))
        if "back" in request.POST:
            # Keep what they typed, even if it is not finished yet.
            draft["raw"][step_key] = {name: request.POST.getlist(name) for name in form.fields}
            _save_draft(request, survey, draft)
            return HttpResponseRedirect(_step_back_url(survey, request, step))
        if form.is_valid():
            if is_about_you:
                draft["about_you"] = form.answers()
            elif is_contact:
                draft["contact"] = {
                    k: form.cleaned_data.get(k) or "" for k in ("wants_contact", "name", "email", "phone")
                }
            else:
                for question in current["questions"]:
                    draft["answers"].pop(str(question.pk), None)
                for question_id, answer in form.answers().items():
                    draft["answers"][str(question_id)] = answer
                draft["seen"] = sorted({*draft["seen"], *(question.pk for question in current["questions"])})
                _drop_hidden_answers(survey, draft)
                steps = _steps_with_contact(survey, draft)
            draft["raw"].pop(step_key, None)
            _save_draft(request, survey, draft)
            if step < len(steps) and "check" not in request.POST:
                return HttpResponseRedirect(_url(survey, request, "step_route", step + 1))
            return HttpResponseRedirect(_url(survey, request, "check_route"))
    else:
        raw = draft["raw"].get(step_key)
        if is_about_you:
            form = AboutYouForm(initial=draft.get("about_you") or {}, ask_age=not survey_asks_age(survey))
        elif is_contact:
            form = ContactForm(initial=draft.get("contact") or {})
        else:
            form = SurveyStepForm(
                initial=SurveyStepForm.initial_from(draft["answers"], current["questions"]),
                questions=current["questions"],
                words_language=_questions_language(survey),
            )
        if raw:
            # Values typed before they pressed Back: show them again, without error messages.
            for name, values in raw.items():
                if name in form.fields:
                    multiple = isinstance(form.fields[name], forms.MultipleChoiceField)
                    form.initial[name] = values if multiple else (values[0] if values else "")

    context = {
        "page": survey,
        "self": survey,
        "form": form,
        "step": step,
        "step_count": len(steps),
        "current": current,
        "error_list": validation_error_list(form) if form.is_bound else [],
        "back_url": _step_back_url(survey, request, step),
        "returning_to_check": _returning_to_check(request),
        "questions_page": _questions_page(survey),
    }
    if is_about_you:
        # The ethnic group's radios sit under headings, so its first radio's id has two numbers.
        context["error_list"] = [
            ("id_ethnic_group_0_0" if target == "id_ethnic_group_0" else target, message)
            for target, message in context["error_list"]
        ]
        context["page_translated"] = True
        return _render(request, "consultation/survey_about_you.html", context)
    return _render(request, "consultation/survey_step.html", context)


def _questions_page(survey: SurveyPage) -> SurveyPage:
    """The page whose language the questions shown are in, for marking them: the translation
    itself, or the English survey when the translation is not ready and its questions are asked
    in English (SurveyPage.translation_ready)."""
    return survey if survey.translation_ready() else survey.survey_of_record()


def _questions_language(survey: SurveyPage):
    """The language the questions shown are in, where it is not the page's (English, on a
    survey not translated yet into the visitor's language); None where it is."""
    return content_language(_questions_page(survey))


def _returning_to_check(request) -> bool:
    """The person came to this step from Check your answers, to change an answer."""
    return request.GET.get("change") == "1"


def _step_back_url(survey, request, step: int) -> str:
    """Back from a step: to Check your answers when they came from there, else the step before."""
    if _returning_to_check(request):
        return _url(survey, request, "check_route")
    return _url(survey, request, "step_route", step - 1) if step > 1 else survey.get_url(request)


def _answer_display(question: SurveyQuestion, answer: dict | None) -> str:
    if not answer:
        return ""
    return answer_text(question, answer["value"], answer.get("other", ""))


def _first_incomplete_step(steps: list[dict], draft: dict) -> int | None:
    """The first step with a required question unanswered, or a question never put to them
    (an answer changed from Check your answers can bring a skipped step in)."""
    seen = set(draft.get("seen") or [])
    for number, step in enumerate(steps, start=1):
        if step.get("contact"):
            if not draft.get("contact"):
                return number
            continue
        for question in step["questions"]:
            if question.pk not in seen or (question.required and str(question.pk) not in draft["answers"]):
                return number
    return None


def survey_check(survey: SurveyPage, request):
    """Check your answers, then submit. Only this step saves anything."""
    if not survey.is_open:
        return _not_open(request, survey)
    draft = _draft(request, survey)

    if request.method == "POST":
        token = request.POST.get("token", "")
        if request.POST.get("website"):
            return HttpResponseRedirect(_url(survey, request, "thank_you_route"))
        if draft is None or token != draft.get("token"):
            # Already submitted (double click, refresh, Back and resubmit) or expired.
            existing = Response.objects.filter(submission_token=token).first() if token else None
            if existing is not None:
                return HttpResponseRedirect(_url(survey, request, "thank_you_route"))
            return HttpResponseRedirect(survey.get_url(request))
        if submission_limited(request, group="survey"):
            return _render(request, "429.html", {"page": survey, "place": "survey"}, status=429)
        _drop_hidden_answers(survey, draft)
        steps = _steps_with_contact(survey, draft)
        incomplete = _first_incomplete_step(steps, draft)
        if incomplete is not None:
            return HttpResponseRedirect(_url(survey, request, "step_route", incomplete))
        contact = None
        if (draft.get("contact") or {}).get("wants_contact") == "yes":
            details = draft["contact"]
            contact = services.ContactDetails(name=details["name"], email=details["email"], phone=details["phone"])
        answers = {int(question_id): answer for question_id, answer in draft["answers"].items()}
        try:
            # Recorded against the English survey and its questions, whatever the language
            # (SurveyPage.questions_to_answer): Response.language says which it was.
            response = services.response_submit(
                survey=survey.survey_of_record(),
                token=token,
                answers=answers,
                asked=[question.pk for step in steps for question in step.get("questions", [])],
                contact=contact,
                language=language_code_current(),
                equality=draft.get("about_you"),
                channel=Response.Channel.KIOSK if draft.get("kiosk") else Response.Channel.ONLINE,
            )
        except services.DuplicateSubmission as duplicate:
            response = duplicate.response
        flagged = response.feedback.filter(safeguarding_flag=True).exists()
        request.session.pop(f"{SESSION_PREFIX}{survey.survey_of_record().pk}", None)
        request.session[f"{DONE_PREFIX}{survey.survey_of_record().pk}"] = {
            "flagged": flagged,
            "kiosk": bool(draft.get("kiosk")),
        }
        return HttpResponseRedirect(_url(survey, request, "thank_you_route"))

    if draft is None:
        return HttpResponseRedirect(survey.get_url(request))
    _drop_hidden_answers(survey, draft)
    _save_draft(request, survey, draft)
    steps = _steps_with_contact(survey, draft)
    incomplete = _first_incomplete_step(steps, draft)
    if incomplete is not None:
        return HttpResponseRedirect(_url(survey, request, "step_route", incomplete))
    sections = []
    for number, step in enumerate(steps, start=1):
        change_url = _url(survey, request, "step_route", number) + "?change=1"
        if step.get("contact"):
            contact = draft.get("contact") or {}
            rows = [
                (
                    gettext("Contact me"),
                    gettext("Yes") if contact.get("wants_contact") == "yes" else gettext("No"),
                    change_url,
                )
            ]
            if contact.get("wants_contact") == "yes":
                rows += [
                    (label, contact.get(key), change_url)
                    for key, label in (
                        ("name", gettext("Name")),
                        ("email", gettext("Email")),
                        ("phone", gettext("Phone")),
                    )
                    if contact.get(key)
                ]
            sections.append({"title": step["title"], "rows": rows, "ours": True})
            continue
        if step.get("about_you"):
            answers = draft.get("about_you") or {}
            rows = [
                (question, answer, change_url)
                for question, answer in equality_answer_rows(answers, ask_age=not survey_asks_age(survey))
            ]
            sections.append({"title": step["title"], "rows": rows, "ours": True})
            continue
        rows = [
            (
                question.label,
                _answer_display(question, draft["answers"].get(str(question.pk))) or gettext("Not answered"),
                change_url,
            )
            for question in step["questions"]
        ]
        # The step's title, its questions and the answers' choices are what editors wrote.
        sections.append({"title": step["title"], "rows": rows, "ours": False})
    return _render(
        request,
        "consultation/survey_check.html",
        {
            "page": survey,
            "self": survey,
            "sections": sections,
            "token": draft["token"],
            "back_url": _url(survey, request, "step_route", len(steps)),
            "questions_page": _questions_page(survey),
        },
    )


def survey_thank_you(survey: SurveyPage, request):
    """Thank you, with help if they wrote something worrying. At a kiosk, "Next person" ends
    the session and goes back to the survey's front page for the next person."""
    done = request.session.get(f"{DONE_PREFIX}{survey.survey_of_record().pk}") or {}
    if request.method == "POST" and "next_person" in request.POST:
        request.session.flush()
        return _no_store(HttpResponseRedirect(survey.get_url(request) + "?kiosk=1"))
    return _render(
        request,
        "consultation/survey_thank_you.html",
        {
            "page": survey,
            "self": survey,
            "flagged": done.get("flagged", False),
            "kiosk": done.get("kiosk", False),
            "kiosk_action": _url(survey, request, "thank_you_route"),
        },
    )


# --- Youth voice -------------------------------------------------------------------------

_DONE_SALT = "youth-voice-done"
# At a kiosk, the thank-you screen belongs to the person who just sent their answers: its link
# works only while this session holds its key, and "Next person" ends the session, so the
# next person cannot reach it through Back, history or the address.
_KIOSK_OUTCOME_KEY = "youth-voice-kiosk-outcome"


def _youth_voice_done(request, page: YouthVoicePage, *, flagged: bool, kiosk: bool):
    """Redirect to the thank-you view, carrying whether help was shown in a signed value."""
    outcome = {"flagged": flagged}
    if kiosk:
        outcome["kiosk"] = request.session[_KIOSK_OUTCOME_KEY] = secrets.token_urlsafe(16)
    done = signing.dumps(outcome, salt=_DONE_SALT)
    return _no_store(HttpResponseRedirect(f"{page.get_url(request)}?done={done}" + ("&kiosk=1" if kiosk else "")))


def youth_voice_serve(page: YouthVoicePage, request):
    """GET: the form (or the thank-you view after a submission). POST: validate and record,
    or, at a kiosk, "Next person"."""
    kiosk = request.GET.get("kiosk") == "1"
    empty_form_url = page.get_url(request) + ("?kiosk=1" if kiosk else "")
    done = request.GET.get("done")
    if request.method == "GET" and done:
        try:
            outcome = signing.loads(done, salt=_DONE_SALT, max_age=60 * 60)
        except signing.BadSignature:
            return _no_store(HttpResponseRedirect(empty_form_url))
        if kiosk and (not outcome.get("kiosk") or outcome["kiosk"] != request.session.get(_KIOSK_OUTCOME_KEY)):
            return _no_store(HttpResponseRedirect(empty_form_url))
        return _render(
            request,
            "consultation/youth_voice_thank_you.html",
            {"page": page, "self": page, "flagged": outcome.get("flagged", False), "kiosk": kiosk},
        )

    if request.method == "POST" and kiosk and "next_person" in request.POST:
        # Everything of the last person's visit goes: their thank-you screen and its session.
        request.session.flush()
        return _no_store(HttpResponseRedirect(empty_form_url))

    if request.method == "POST":
        form = YouthVoiceForm(request.POST)
        if form.is_spam():
            return _youth_voice_done(request, page, flagged=False, kiosk=kiosk)
        if form.is_valid():
            if submission_limited(request, group="youth_voice"):
                return _render(request, "429.html", {"page": page, "place": "youth_voice"}, status=429)
            data = form.cleaned_data
            contact = None
            if data.get("wants_contact"):
                contact = services.ContactDetails(
                    name=data["name"], email=data.get("email") or "", phone=data.get("phone") or ""
                )
            rows = services.youth_voice_record(
                age_band=data["age_band"],
                ward=form.ward_object(),
                safer_text=data["safer"],
                anything_else=data.get("anything_else") or "",
                contact=contact,
                language=language_code_current(),
            )
            return _youth_voice_done(request, page, flagged=any(row.safeguarding_flag for row in rows), kiosk=kiosk)
    else:
        form = YouthVoiceForm()

    return _render(
        request,
        "consultation/youth_voice_page.html",
        {
            "page": page,
            "self": page,
            "form": form,
            "kiosk": kiosk,
            "error_list": validation_error_list(form) if form.is_bound else [],
        },
    )
