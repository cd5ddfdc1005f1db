"""Safeguarding on every floor: the phrases that suggest someone may be at risk, who is told,
and how.

Every app that takes free text (survey answers, youth voice, event comments, forum posts)
checks it with `safeguarding_matches` and, on a match, alerts the Safeguarding group with a
link to the text, never the text itself.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from . import matching
from .models import SafeguardingPhrase
from .staff_groups import SAFEGUARDING

SAFEGUARDING_GROUP = SAFEGUARDING


def safeguarding_matcher() -> matching.Matcher:
    """The active safeguarding phrases as a matcher, rebuilt when staff edit the list."""
    return matching.matcher_cached(
        "safeguarding",
        lambda: [
            matching.Entry(phrase=phrase, key=category)
            for phrase, category in SafeguardingPhrase.objects.filter(active=True).values_list("phrase", "category")
        ],
    )


def safeguarding_matches(*, text: str) -> list[str]:
    """The safeguarding phrases found in a text (empty if none)."""
    return sorted({hit.text for hit in safeguarding_matcher().hits(text)})


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
