"""What the privacy notice and the accessibility statement say, gathered from the rest of the
site: the purposes each app registers (core/privacy.py), the retention schedule
(core/retention.py), the site settings, and the record of the automated accessibility checks
that last passed at release.

The record (`home/accessibility_checks.json`) is written by the test suite itself when it is run
for a release with ACCESSIBILITY_RECORD=1 and everything passes (tests/conftest.py): the date,
the commit, and every page axe-core checked in Chromium, with the keyboard-only and
no-JavaScript journeys. It is committed with the release, so the statement says when the checks
last passed and on which pages, never more than they did.
"""

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.utils.translation import gettext
from wagtail.models import Site

from core.models import SiteSettings
from core.privacy import LawfulBasis, PrivacyPurpose, privacy_purposes, purpose_seen_by
from core.retention import retention_rule

ACCESSIBILITY_CHECKS_FILE = Path(__file__).resolve().parent / "accessibility_checks.json"


@dataclass(frozen=True)
class PurposeSection:
    """One purpose as the notice prints it."""

    purpose: PrivacyPurpose
    seen_by: list[str]
    kept: list[str]

    @property
    def anchor(self) -> str:
        """The section's id in the page: "consultation.contact_requests" -> "consultation-contact-requests"."""
        return self.purpose.key.replace(".", "-").replace("_", "-")

    @property
    def bases(self) -> tuple[LawfulBasis, ...]:
        return self.purpose.bases


@dataclass(frozen=True)
class PrivacyNotice:
    council_name: str
    dpo_email: str
    dpo_phone: str
    dpo_address: str
    ico_registration_number: str
    sections: list[PurposeSection]


def _kept(purpose: PrivacyPurpose) -> list[str]:
    """How long it is kept, in the active language: each retention rule, then the words."""
    lines = []
    for key in purpose.retention_keys:
        rule = retention_rule(key)
        lines.append(gettext("%(what)s: %(how_long)s") % {"what": rule.label, "how_long": rule.period})
    return [*lines, *(str(words) for words in purpose.retention_words)]


def privacy_notice(*, site: Site | None) -> PrivacyNotice:
    """Everything the privacy notice prints, read now."""
    settings = SiteSettings.for_site(site)
    return PrivacyNotice(
        council_name=settings.council_name,
        dpo_email=settings.dpo_email,
        dpo_phone=settings.dpo_phone,
        dpo_address=settings.dpo_address,
        ico_registration_number=settings.ico_registration_number,
        sections=[
            PurposeSection(purpose=purpose, seen_by=purpose_seen_by(purpose), kept=_kept(purpose))
            for purpose in privacy_purposes()
        ],
    )


@dataclass(frozen=True)
class AccessibilityChecks:
    """The automated checks that last passed at release."""

    passed_on: date
    commit: str
    public_pages: list[str]
    staff_pages: list[str]
    keyboard_journeys: list[str]
    no_javascript_journeys: list[str]
    axe_version: str
    rulesets: list[str]


def accessibility_checks(path: Path = ACCESSIBILITY_CHECKS_FILE) -> AccessibilityChecks | None:
    """The record of the last release's checks, or None if this copy of the site has none (a
    development copy that was never released)."""
    try:
        data = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return None
    pages = data.get("pages", [])
    return AccessibilityChecks(
        passed_on=date.fromisoformat(data["passed_on"]),
        commit=data.get("commit", ""),
        public_pages=[page for page in pages if not page.startswith("/admin")],
        staff_pages=[page for page in pages if page.startswith("/admin")],
        keyboard_journeys=data.get("keyboard_journeys", []),
        no_javascript_journeys=data.get("no_javascript_journeys", []),
        axe_version=data.get("axe_version", ""),
        rulesets=data.get("rulesets", []),
    )
