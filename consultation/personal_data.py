"""What the consultation app holds about people, for access and erasure requests and the
retention schedule (core/personal_data.py, core/retention.py); registered in
ConsultationConfig.ready().

Feedback and survey responses are anonymous: they hold no name, email or phone number. The one
kind of personal data is a contact request, left by someone who asked to be contacted about
what they said. While it exists, what they said is theirs too, so an export includes it; once the
request is erased or past its period, nothing links the feedback to them.

The schedule also removes what the Safeguarding group recorded about an alert after the alerts'
period, old export files, and the detail of old background exports.
"""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, PersonalDataSource, phone_matches
from core.privacy import (
    CONSENT,
    PUBLIC_TASK,
    SPECIAL_CATEGORY_EQUALITY,
    SPECIAL_CATEGORY_SAFEGUARDING,
    VITAL_INTERESTS,
    PrivacyPurpose,
)
from core.retention import RetentionRule, RetentionStep

from .equality import QUESTIONS
from .exports import export_files_expire
from .models import DRAFT_SECONDS, ContactRequest, EqualityMonitoring, ExportJob, Feedback


def _contacts(person: Person):
    query = Q()
    if person.email:
        query |= Q(email__iexact=person.email)
    if person.phone_digits:
        query |= phone_matches("phone", person.phone_digits)
    if person.name:
        query |= Q(name__iexact=person.name)
    if not query:
        return ContactRequest.objects.none()
    return (
        ContactRequest.objects.filter(query)
        .select_related("feedback", "response")
        .prefetch_related("response__feedback")
        .order_by("created_at", "pk")
    )


def _given_with(contact: ContactRequest) -> str:
    if contact.response_id:
        return f"Survey: {contact.response.survey_title}"
    if contact.feedback_id:
        return contact.feedback.get_source_display()
    return "Not known"


def _what_they_said(contact: ContactRequest) -> list[str]:
    if contact.response_id:
        return [feedback.text for feedback in contact.response.feedback.all()]
    if contact.feedback_id:
        # Youth voice: the request is attached to the first answer given with it.
        return [contact.feedback.text]
    return []


def _contact_export(contact: ContactRequest) -> dict:
    return {
        "name": contact.name,
        "email": contact.email,
        "phone": contact.phone,
        "consent_to_contact": contact.consent,
        "given_at": contact.created_at,
        "given_with": _given_with(contact),
        "what_they_said": _what_they_said(contact),
        "handled_at": contact.handled_at,
    }


def _contact_line(contact: ContactRequest) -> str:
    when = date_format(timezone.localtime(contact.created_at), "j F Y")
    return f"Asked to be contacted ({_given_with(contact)}) on {when}"


def _contacts_delete(rows: list[ContactRequest]) -> int:
    count, _ = ContactRequest.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return count


contact_requests_source = PersonalDataSource(
    key="consultation.contact_requests",
    label="Contact details left with a survey or youth voice answer",
    models=("consultation.ContactRequest",),
    find=_contacts,
    describe=_contact_line,
    export=_contact_export,
    erase=_contacts_delete,
    removed="Each contact request (name, email address, phone number) is deleted.",
    kept="What they said stays in the feedback store, anonymous: it never held their name, and once the "
    "contact request is gone nothing links it to them.",
)


# --- Equality monitoring answers --------------------------------------------------------------
# They hold no name, email or phone number, so they cannot be found by one. What can be found is
# the person's own: the answers given with a survey response that also left contact details
# matching the email address, phone number or name searched for. Those are exported and erased
# with the contact request. Anyone else's are anonymous: nothing links them to a person.


def _equality_answers(person: Person):
    response_ids = [contact.response_id for contact in _contacts(person) if contact.response_id]
    if not response_ids:
        return EqualityMonitoring.objects.none()
    return EqualityMonitoring.objects.filter(response_id__in=response_ids).order_by("created_at", "pk")


def _equality_export(row: EqualityMonitoring) -> dict:
    answers = {
        str(question.label): question.label_for(getattr(row, question.field)) or "Not answered"
        for question in QUESTIONS
    }
    return {"given_at": row.created_at, "survey_response": row.response_id, "answers": answers}


def _equality_line(row: EqualityMonitoring) -> str:
    when = date_format(timezone.localtime(row.created_at), "j F Y")
    return f"Answers to the equality monitoring questions, given with a survey on {when}"


def _equality_delete(rows: list[EqualityMonitoring]) -> int:
    count, _ = EqualityMonitoring.objects.filter(pk__in=[row.pk for row in rows]).delete()
    return count


equality_answers_source = PersonalDataSource(
    key="consultation.equality_monitoring",
    label="Answers to a survey's equality monitoring questions",
    models=("consultation.EqualityMonitoring",),
    find=_equality_answers,
    describe=_equality_line,
    export=_equality_export,
    erase=_equality_delete,
    removed="The equality monitoring answers given with the survey response are deleted.",
    kept="The survey's other answers stay, anonymous. Reports already made keep their counts, which name nobody.",
)

SOURCES = (contact_requests_source, equality_answers_source)


# --- The retention schedule's steps ---------------------------------------------------------------


def _first(queryset, limit: int) -> list[int]:
    return list(queryset.order_by("pk").values_list("pk", flat=True)[:limit])


def contact_requests_expire(*, rule: RetentionRule, now, limit: int) -> int:
    """Delete contact requests the Safeguarding group has handled, and those older than the
    period after their survey closed (youth voice, and surveys with no closing date: after
    they were given)."""
    cutoff = now - timedelta(days=rule.days)
    due = ContactRequest.objects.filter(
        Q(handled_at__isnull=False)
        | Q(response__survey__closes_at__lt=cutoff)
        | Q(response__survey__closes_at__isnull=True, created_at__lt=cutoff)
    )
    count, _ = ContactRequest.objects.filter(pk__in=_first(due, limit)).delete()
    return count


def equality_answers_expire(*, rule: RetentionRule, now, limit: int) -> int:
    """Delete equality monitoring answers older than the period after their survey closed
    (surveys with no closing date, and responses whose survey was deleted: after they were given)."""
    cutoff = now - timedelta(days=rule.days)
    due = EqualityMonitoring.objects.filter(
        Q(response__survey__closes_at__lt=cutoff)
        | (Q(response__survey__isnull=True) | Q(response__survey__closes_at__isnull=True)) & Q(created_at__lt=cutoff)
    )
    count, _ = EqualityMonitoring.objects.filter(pk__in=_first(due, limit)).delete()
    return count


def safeguarding_records_expire(*, rule: RetentionRule, now, limit: int) -> int:
    """Remove the note and the staff name from safeguarding alerts handled longer ago than the
    period. The feedback stays, anonymous, still marked as flagged and handled."""
    cutoff = now - timedelta(days=rule.days)
    due = Feedback.objects.filter(safeguarding_flag=True, safeguarding_handled_at__lt=cutoff).filter(
        Q(safeguarding_handled_by__isnull=False) | ~Q(safeguarding_note="")
    )
    return Feedback.objects.filter(pk__in=_first(due, limit)).update(safeguarding_note="", safeguarding_handled_by=None)


def export_job_details_drop(*, rule: RetentionRule, now, limit: int) -> int:
    """Background exports older than the logs' period keep who, when, the format and the row
    count; their filters (which can hold an officer's search) and any error go."""
    cutoff = now - timedelta(days=rule.days)
    due = ExportJob.objects.filter(created_at__lt=cutoff).filter(~Q(filters={}) | ~Q(error=""))
    return ExportJob.objects.filter(pk__in=_first(due, limit)).update(filters={}, error="")


RETENTION_STEPS = (
    RetentionStep(
        key="consultation.contact_requests",
        rule="contact_requests",
        label="Contact requests deleted",
        apply=contact_requests_expire,
    ),
    RetentionStep(
        key="consultation.equality_monitoring",
        rule="equality_monitoring",
        label="Equality monitoring answers deleted",
        apply=equality_answers_expire,
    ),
    RetentionStep(
        key="consultation.safeguarding_records",
        rule="safeguarding_alerts",
        label="Safeguarding alerts: notes and who handled them removed",
        apply=safeguarding_records_expire,
    ),
    RetentionStep(
        key="consultation.export_files",
        rule="export_files",
        label="Export files deleted",
        apply=lambda *, rule, now, limit: export_files_expire(now=now, limit=limit),
        # Files are not in the database's transaction: each job is saved as expired on its own,
        # before its file is deleted.
        atomic=False,
    ),
    RetentionStep(
        key="consultation.export_job_details",
        rule="logs",
        label="Background exports: filters removed",
        apply=export_job_details_drop,
    ),
)


# --- The privacy notice's purposes (core/privacy.py) ---------------------------------------------


def _unsent_answers_kept() -> str:
    return gettext(
        "Answers you have not sent yet: up to %(hours)s hours in your browser session, then they are deleted"
    ) % {"hours": DRAFT_SECONDS // 3600}


_ANSWERS_KEPT = (
    lazy(_unsent_answers_kept, str)(),
    _(
        "Sent answers: kept for the strategy's reports. They carry no name, email address or IP "
        "address. If you typed something that identifies you into an answer, ask us and an officer "
        "will remove that text."
    ),
)


PURPOSES = (
    PrivacyPurpose(
        key="consultation.responses",
        order=10,
        title=_("Answering a consultation"),
        collected=(
            _("Your answers to the survey's questions"),
            _("Your age band and the ward you live in, if you choose to give them"),
            _("We do not ask for your name, and we do not store your IP address with your answers"),
        ),
        bases=(PUBLIC_TASK, SPECIAL_CATEGORY_SAFEGUARDING),
        seen_by_permissions=("consultation.view_feedback", "consultation.view_response"),
        seen_by_also=(
            _(
                "The public, only as totals and themes: counts under 5 are shown as “fewer than 5”, "
                "and no answer is published with a name"
            ),
        ),
        retention_words=_ANSWERS_KEPT,
    ),
    PrivacyPurpose(
        key="consultation.equality_monitoring",
        order=15,
        title=_("Answering a survey's equality monitoring questions (About you)"),
        collected=(
            _(
                "If you choose to answer them: your age band, sex, whether your gender is the same as your sex "
                "registered at birth, ethnic group, religion, any long-term health condition or disability and "
                "how it affects you, sexual orientation, and whether you care for someone"
            ),
            _("Every question is optional and has “Prefer not to say”. We do not ask your name"),
            _(
                "They are kept apart from your other answers and linked to them only by a number, so that "
                "reports can say, for example, how people of different ages answered a question"
            ),
        ),
        bases=(PUBLIC_TASK, SPECIAL_CATEGORY_EQUALITY),
        seen_by_permissions=("consultation.export_equality_data",),
        seen_by_also=(
            _(
                "Officers and the public, only as counts for the whole survey or a group of at least 5 people, "
                "never one person's answers"
            ),
        ),
        retention_keys=("equality_monitoring",),
        source_keys=("consultation.equality_monitoring",),
    ),
    PrivacyPurpose(
        key="consultation.youth_voice",
        order=20,
        title=_("Telling us what would make you feel safer (youth voice)"),
        collected=(
            _("What you write"),
            _("Your age band and ward, if you choose to give them"),
            _("No name and no account. On a shared screen, the next person cannot see what you wrote"),
        ),
        bases=(PUBLIC_TASK, SPECIAL_CATEGORY_SAFEGUARDING),
        seen_by_permissions=("consultation.view_feedback",),
        retention_words=_ANSWERS_KEPT[1:],
    ),
    PrivacyPurpose(
        key="consultation.contact_requests",
        order=30,
        title=_("Asking us to contact you about what you said"),
        collected=(
            _("Your name, and the email address or phone number you give"),
            _("What you said when you asked, which is linked to you while we hold your details"),
        ),
        bases=(CONSENT, SPECIAL_CATEGORY_SAFEGUARDING),
        seen_by_permissions=("consultation.view_safeguarding",),
        retention_keys=("contact_requests",),
        source_keys=("consultation.contact_requests",),
    ),
    PrivacyPurpose(
        key="consultation.safeguarding",
        order=40,
        title=_("Keeping people safe (safeguarding)"),
        collected=(
            _("What was written, when it suggests that someone may be at risk of harm"),
            _("What the safeguarding team did about it, and who handled it"),
        ),
        bases=(VITAL_INTERESTS, PUBLIC_TASK, SPECIAL_CATEGORY_SAFEGUARDING),
        seen_by_permissions=("consultation.view_safeguarding",),
        retention_keys=("safeguarding_alerts",),
        sent=(
            _(
                "The safeguarding team is emailed a link to the alert. The email never contains what "
                "was written. If someone is in immediate danger, the team may share what they need to "
                "with the police or children's social care."
            )
        ),
    ),
)
