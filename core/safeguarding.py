"""Safeguarding on every floor: the phrases that suggest someone may be at risk, who is told,
and how.

Every app that takes free text (survey answers, youth voice, event comments, forum posts)
checks it with `safeguarding_matches` and, on a match, alerts the Safeguarding group with
`safeguarding_alert_send`: a link to the text, never the text itself.
"""

from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string

from . import matching
from .models import SafeguardingPhrase, site_language_name, site_languages_enabled
from .outbox import NobodyToSend, send_once
from .staff_groups import SAFEGUARDING

SAFEGUARDING_GROUP = SAFEGUARDING


def safeguarding_matcher() -> matching.Matcher:
    """The active safeguarding phrases of every enabled language as one matcher, rebuilt when
    staff edit the list. Drafts are matched too: an unreviewed phrase that finds someone at
    risk is better than a reviewed list that misses them."""
    return matching.matcher_cached(
        "safeguarding",
        lambda: [
            matching.Entry(phrase=phrase, key=category, language=language)
            for phrase, category, language in SafeguardingPhrase.objects.filter(
                active=True, language__in=site_languages_enabled()
            ).values_list("phrase", "category", "language")
        ],
    )


def safeguarding_matches(*, text: str) -> list[str]:
    """The safeguarding phrases found in a text (empty if none), as the words that matched."""
    return sorted({hit.text for hit in safeguarding_matcher().hits(text)})


def safeguarding_languages(*, texts: Iterable[str]) -> list[str]:
    """The names of the languages ("English", "Urdu") whose phrases match the texts, for an
    alert: give it the matches stored with flagged feedback, or the flagged text."""
    matcher = safeguarding_matcher()
    codes = {hit.entry.language for text in texts for hit in matcher.hits(text)}
    order = {code: index for index, code in enumerate(site_languages_enabled())}
    return [site_language_name(code) for code in sorted(codes, key=lambda code: order.get(code, len(order)))]


def safeguarding_recipients() -> list[str]:
    """Active members of the Safeguarding group with an email address; if there are none,
    the fallback addresses from the SAFEGUARDING_EMAILS setting."""
    User = get_user_model()
    members = list(
        User.objects.filter(groups__name=SAFEGUARDING_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return members or list(settings.SAFEGUARDING_EMAILS)


def safeguarding_alert_send(
    *,
    rows: QuerySet,
    stamp_field: str,
    link: str,
    item: str,
    what: str,
    who: str = "someone",
    note: str = "",
    languages: Sequence[str] = (),
) -> bool:
    """Email the Safeguarding group (or the fallback addresses) that something flagged needs
    checking: a link to it, never what the person wrote. Sent once through the outbox
    (core/outbox.py): `rows` is the flagged row, claimed by setting `stamp_field`; a row whose
    `safeguarding_flag` was cleared meanwhile is not sent. With nobody to tell, the alert stays
    owed and is logged, so it goes once someone joins the group. Returns whether this call
    sent it.

    The wording names what was flagged: `item` in the subject ("Safeguarding alert: <item>
    needs checking"), `what` and `who` in "<what> matched the safeguarding word list and may
    mean <who> is at risk.", then the `languages` of the phrases it matched
    (`safeguarding_languages`) and `note` if there is more to say."""

    def send(claimed) -> None:
        recipients = safeguarding_recipients()
        if not recipients:
            raise NobodyToSend(f"a safeguarding alert ({link}) has no recipients: add people to the Safeguarding group")
        context = {"what": what, "who": who, "note": note, "link": link, "languages": _names_joined(languages)}
        send_mail(
            subject=f"Safeguarding alert: {item} needs checking",
            message=render_to_string("core/emails/safeguarding_alert.txt", context),
            from_email=None,
            recipient_list=recipients,
        )

    return send_once(rows=rows, stamp_field=stamp_field, when=Q(safeguarding_flag=True), send=send)


def _names_joined(names: Sequence[str]) -> str:
    """ "Urdu", "English and Urdu", "English, Polish and Urdu"."""
    names = list(names)
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
