"""Who can open what in the admin: every staff group against every admin area.

EXPECTED is the table in README's "Roles" section, row for row: a test parses README and
compares, so the promise and the behaviour cannot drift apart. Each cell is checked as the demo
account of that group (seed_demo's editor, officer, moderator, safeguarding, dataprotection and
admin) through the real admin URLs: "yes" means the page opens (or the POST does what it says),
"no" means the admin refuses (403, or a redirect to the dashboard or the sign-in page) and
nothing changes. The Data protection areas refuse with 403 only
(tests/core/test_data_protection_admin.py).

Snippets and their choosers come from Wagtail's snippet registry, so a new snippet fails here
until it has a row, and a snippet with no "Chooser" row must have no chooser at all.
"""

import io
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import NoReverseMatch, reverse
from django.utils.text import capfirst
from wagtail.models import GroupApprovalTask, GroupCollectionPermission, GroupPagePermission, Locale, Page, Site
from wagtail.snippets.models import get_snippet_models
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation

from consultation.models import Feedback, SurveyPage
from core.models import DataRetentionSettings, LanguageSettings
from core.staff_groups import GROUP_NAMES
from events.models import Booking, EventPage
from home.models import HomePage, PrivacyNoticePage
from subscriptions.models import Subscriber

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[2] / "README.md"

# The README table's columns, and the demo account that stands for each.
COLUMNS = ("Editors", "Officers", "Forum moderators", "Safeguarding", "Data protection", "Administrators")
ACCOUNTS = dict(
    zip(COLUMNS, ("editor", "officer", "moderator", "safeguarding", "dataprotection", "admin"), strict=True)
)

Y, N = "yes", "no"

# fmt: off
EXPECTED = {
    # area                                    Editors, Officers, Forum moderators, Safeguarding, Data protection, Admins
    "Pages: explore":                           (Y, N, N, N, N, Y),
    "Pages: edit":                              (Y, N, N, N, N, Y),
    "Pages: publish":                           (Y, N, N, N, N, Y),
    "Pages: unpublish":                         (Y, N, N, N, N, Y),
    "Pages: translate":                         (Y, N, N, N, N, Y),
    "Pages: translation PO file download and upload": (Y, N, N, N, N, Y),
    "Images":                                   (Y, N, N, N, N, Y),
    "Documents":                                (Y, N, N, N, N, Y),
    "Snippet: Bleed-control kits":              (Y, N, N, N, N, Y),
    "Snippet: Feedback":                        (N, Y, N, N, N, Y),
    "Snippet: Figures the police share":        (Y, Y, N, N, N, Y),
    "Snippet: Safeguarding phrases":            (N, N, N, Y, N, Y),
    "Snippet: Theme keywords":                  (N, Y, N, N, N, Y),
    "Snippet: Themes":                          (Y, Y, N, N, N, Y),
    "Snippet: Wards":                           (Y, Y, N, N, N, Y),
    "Snippet: You said, we did summaries":      (N, Y, N, N, N, Y),
    "Chooser: Themes":                          (Y, Y, N, N, N, Y),
    "Chooser: Wards":                           (Y, Y, N, N, N, Y),
    "Feedback dashboard":                       (N, Y, N, N, N, Y),
    "Feedback dashboard: retrain the suggester": (N, Y, N, N, N, Y),
    "Offline feedback":                         (N, Y, N, N, N, Y),
    "Feedback exports":                         (N, Y, N, N, N, Y),
    "Export log":                               (N, N, N, N, N, Y),
    "Survey results":                           (Y, Y, N, N, N, Y),
    "Survey results: enter a paper response":   (N, Y, N, N, N, Y),
    "Survey results: equality answers in the responses CSV": (N, N, N, N, N, Y),
    "Event attendees: names and places":        (Y, Y, N, N, N, Y),
    "Event attendees: emails and access needs": (N, Y, N, N, N, Y),
    "Event attendees: CSV download":            (N, Y, N, N, N, Y),
    "Forum moderation":                         (N, N, Y, Y, N, Y),
    "Safeguarding alerts":                      (N, N, N, Y, N, Y),
    "Local picture: police data imports":       (N, Y, N, N, N, Y),
    "Local picture: ward lookup":               (N, Y, N, N, N, Y),
    "Local picture settings":                   (N, Y, N, N, N, Y),
    "Site settings":                            (Y, N, N, N, N, Y),
    "Users and groups":                         (N, N, N, N, N, Y),
    "Feedback: remove personal details":        (N, Y, N, N, N, Y),
    "Feedback: pin quotes for a report":        (N, Y, N, N, N, Y),
    "Data protection: find a person":           (N, N, N, N, Y, Y),
    "Data protection: download":                (N, N, N, N, Y, Y),
    "Data protection: erase":                   (N, N, N, N, Y, Y),
    "Data protection: erasure log":             (N, N, N, N, Y, Y),
    "Data protection: retention runs":          (N, N, N, N, N, Y),
    "Data retention settings":                  (N, N, N, N, N, Y),
    "Language settings":                        (Y, N, N, N, N, Y),
    "Email updates: subscriber counts":         (Y, N, N, N, N, Y),
    "Email updates: send a message":            (Y, N, N, N, N, Y),
    "Email updates: export addresses":          (N, N, N, N, Y, Y),
}
# fmt: on


# --- How each area is tried ------------------------------------------------------------------


def _opens(response) -> bool:
    """True for a page that opened, False for the admin's refusal; anything else is a bug."""
    if response.status_code == 200:
        return True
    if response.status_code == 403:
        return False
    if response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/", "/admin/login/"):
        return False
    raise AssertionError(f"unexpected answer {response.status_code} {response.get('Location', '')}")


def _get(url_for):
    return lambda client, ctx: _opens(client.get(url_for(ctx)))


def _publish(client, ctx) -> bool:
    page = ctx["privacy"]
    data = nested_form_data(
        {
            "title": "Privacy notice, revised",
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    page.refresh_from_db()
    if page.title == "Privacy notice, revised" and page.live:
        return True
    assert page.live, "a refused publish took the page offline"
    assert _opens(response) is False, "the edit form answered but did not publish"
    return False


def _unpublish(client, ctx) -> bool:
    page = ctx["privacy"]
    response = client.post(f"/admin/pages/{page.pk}/unpublish/", {})
    page.refresh_from_db()
    if not page.live:
        assert response.status_code == 302
        return True
    assert _opens(response) is False, "unpublish answered but left the page live"
    return False


def _translate(client, ctx) -> bool:
    """ "Translate this page" into Urdu: "yes" when the page's Urdu translation was made."""
    page = ctx["privacy"]
    urdu = Locale.objects.get(language_code="ur")
    response = client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [urdu.pk]})
    made = Page.objects.filter(translation_key=page.translation_key, locale=urdu).exists()
    if made:
        assert response.status_code == 302
        return True
    assert _opens(response) is False, "the translate form answered but made nothing"
    return False


def _translation_po(client, ctx) -> bool:
    """Download a page's PO file for Urdu and upload it back (the translation made first, by an
    administrator): "yes" when both work."""
    from core.translations import page_translation_po

    page = ctx["privacy"]
    po = page_translation_po(page, language_code="ur")
    job = Translation.objects.get(source__object_id=page.translation_key, target_locale__language_code="ur")
    job.save_target(publish=False)
    download = client.get(f"/admin/localize/translate/{job.pk}/pofile/download/")
    if download.status_code != 200:
        assert _opens(download) is False
        return False
    upload = io.BytesIO(str(po).encode())
    upload.name = "privacy-ur.po"
    response = client.post(f"/admin/localize/translate/{job.pk}/pofile/upload/", {"file": upload, "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/", "the PO upload was refused"
    return True


def _retrain(client, ctx) -> bool:
    """Ask the theme suggester to learn, with one new confirmation and one needed: "yes" when a
    model version was trained."""
    from django.test import TestCase, override_settings
    from django.utils import timezone

    from consultation.models import ThemeModel
    from core.models import Theme

    feedback = Feedback.objects.create(
        source=Feedback.Source.OTHER, text="More youth clubs", reviewed=True, reviewed_at=timezone.now()
    )
    feedback.themes.add(Theme.objects.get(slug="young-people"))
    with override_settings(THEME_MODEL_MIN_NEW_CONFIRMATIONS=1), TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("consultation_theme_model:retrain"))
    if ThemeModel.objects.exists():
        assert response.status_code == 302
        return True
    assert _opens(response) is False, "the retrain button answered but trained nothing"
    return False


def _attendee_contact(client, ctx) -> bool:
    response = client.get(f"/admin/event-attendees/{ctx['event'].pk}/")
    if not _opens(response):
        return False
    content = response.content.decode()
    shown = [ctx["booking"].email in content, ctx["booking"].access_needs in content]
    assert shown[0] == shown[1], "emails and access needs are shown together or not at all"
    return shown[0]


def _attendee_csv(client, ctx) -> bool:
    # Downloading is a POST (a GET only shows the button that posts).
    response = client.post(f"/admin/event-attendees/{ctx['event'].pk}/attendees.csv")
    if response.status_code == 200:
        body = response.streaming_content if response.streaming else [response.content]
        assert ctx["booking"].email in b"".join(body).decode("utf-8-sig")
        return True
    return _opens(response)


def _equality_export(client, ctx) -> bool:
    """Download the demo survey's responses asking for the equality answers: "yes" when they are
    in the file (the survey has one response with them)."""
    response = client.post(f"/admin/survey-results/{ctx['survey'].pk}/responses.csv", {"personal": "1"})
    if response.status_code != 200:
        return _opens(response)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return "About you: What is your religion?" in body and "Sikh" in body


def _pin_quote(client, ctx) -> bool:
    from consultation.models import PinnedQuote

    feedback = ctx["quotable"]
    response = client.post(f"/admin/feedback-quotes/{feedback.pk}/pin/", {"theme": ctx["theme"].pk})
    if PinnedQuote.objects.filter(feedback=feedback).exists():
        assert response.status_code == 302
        return True
    assert _opens(response) is False, "the pin form answered but pinned nothing"
    return False


def _data_protection_person(ctx) -> dict:
    return {"email": ctx["booking"].email, "phone": "", "name": ""}


def _data_protection_download(client, ctx) -> bool:
    response = client.post(reverse("data_protection:export"), _data_protection_person(ctx))
    if response.status_code == 200:
        assert response["Content-Type"] == "application/zip"
        return True
    return _opens(response)


def _data_protection_erase(client, ctx) -> bool:
    from core.personal_data import person_build, personal_data_find, personal_data_fingerprint

    fields = _data_protection_person(ctx)
    expected = personal_data_fingerprint(personal_data_find(person=person_build(**fields)))
    response = client.post(reverse("data_protection:erase"), {**fields, "confirm": "yes", "expected": expected})
    ctx["booking"].refresh_from_db()
    if ctx["booking"].email == "":
        assert response.status_code == 302
        return True
    assert _opens(response) is False, "erase answered but erased nothing"
    return False


def _announce(client, ctx) -> bool:
    from subscriptions.models import Item

    fields = {"topic": "events", "title": "Matrix message", "summary": "One line.", "message": "", "link": ""}
    preview = client.post(reverse("subscriptions_announce:index"), fields)
    if not _opens(preview):
        return False
    assert "This goes to 1 person" in preview.content.decode()
    client.post(reverse("subscriptions_announce:index"), {**fields, "confirm": "1"})
    return Item.objects.filter(title="Matrix message", created_by__isnull=False).exists()


def _subscriber_export(client, ctx) -> bool:
    response = client.post(reverse("subscriptions_export:index"))
    if response.status_code == 200:
        assert ctx["subscriber"].email in b"".join(response.streaming_content).decode("utf-8-sig")
        return True
    return _opens(response)


def _snippet_rows() -> dict:
    """'Snippet: <name>' and 'Chooser: <name>' for every registered snippet (choosers only where
    the model has one)."""
    rows = {}
    for model in get_snippet_models():
        name = capfirst(model._meta.verbose_name_plural)
        viewset = model.snippet_viewset
        rows[f"Snippet: {name}"] = _get(lambda ctx, viewset=viewset: reverse(viewset.get_url_name("list")))
        try:
            url = reverse(f"{viewset.get_chooser_admin_url_namespace()}:choose_results")
        except NoReverseMatch:
            continue
        rows[f"Chooser: {name}"] = _get(lambda ctx, url=url: url)
    return rows


CHECKS = {
    "Pages: explore": _get(lambda ctx: f"/admin/pages/{ctx['home'].pk}/"),
    "Pages: edit": _get(lambda ctx: f"/admin/pages/{ctx['privacy'].pk}/edit/"),
    "Pages: publish": _publish,
    "Pages: unpublish": _unpublish,
    "Pages: translate": _translate,
    "Pages: translation PO file download and upload": _translation_po,
    "Images": _get(lambda ctx: "/admin/images/"),
    "Documents": _get(lambda ctx: "/admin/documents/"),
    **_snippet_rows(),
    "Feedback dashboard": _get(lambda ctx: reverse("consultation_dashboard:index")),
    "Feedback dashboard: retrain the suggester": _retrain,
    "Offline feedback": _get(lambda ctx: reverse("consultation_offline:add")),
    "Feedback exports": _get(lambda ctx: reverse("consultation_exports:index")),
    "Export log": _get(lambda ctx: reverse("consultation_export_log:index")),
    "Survey results": _get(lambda ctx: f"/admin/survey-results/{ctx['survey'].pk}/"),
    "Survey results: enter a paper response": _get(lambda ctx: f"/admin/survey-results/{ctx['survey'].pk}/paper/"),
    "Survey results: equality answers in the responses CSV": _equality_export,
    "Event attendees: names and places": _get(lambda ctx: f"/admin/event-attendees/{ctx['event'].pk}/sign-in-sheet/"),
    "Event attendees: emails and access needs": _attendee_contact,
    "Event attendees: CSV download": _attendee_csv,
    "Forum moderation": _get(lambda ctx: reverse("forum_admin:queue")),
    "Safeguarding alerts": _get(lambda ctx: reverse("consultation_safeguarding:index")),
    "Local picture: police data imports": _get(lambda ctx: reverse("localpicture_imports:index")),
    "Local picture: ward lookup": _get(lambda ctx: reverse("localpicture_wards:index")),
    "Local picture settings": _get(lambda ctx: f"/admin/settings/localpicture/localpicturesettings/{ctx['site'].pk}/"),
    "Site settings": _get(lambda ctx: f"/admin/settings/core/sitesettings/{ctx['site'].pk}/"),
    "Users and groups": _get(lambda ctx: "/admin/users/"),
    "Feedback: remove personal details": _get(lambda ctx: f"/admin/feedback-redact/{ctx['feedback'].pk}/"),
    "Feedback: pin quotes for a report": _pin_quote,
    "Data protection: find a person": _get(lambda ctx: reverse("data_protection:find")),
    "Data protection: download": _data_protection_download,
    "Data protection: erase": _data_protection_erase,
    "Data protection: erasure log": _get(lambda ctx: reverse("data_protection_log:index")),
    "Data protection: retention runs": _get(lambda ctx: reverse("data_protection_retention:index")),
    "Language settings": _get(lambda ctx: f"/admin/settings/core/languagesettings/{LanguageSettings.load().pk}/"),
    "Data retention settings": _get(
        lambda ctx: f"/admin/settings/core/dataretentionsettings/{DataRetentionSettings.load().pk}/"
    ),
    "Email updates: subscriber counts": _get(lambda ctx: reverse("subscriptions_counts:index")),
    "Email updates: send a message": _announce,
    "Email updates: export addresses": _subscriber_export,
}


@pytest.fixture
def ctx():
    from consultation.services import response_submit
    from core.models import Theme

    survey = SurveyPage.objects.get(slug="feeling-safe-where-you-live")
    response_submit(survey=survey, token="matrix", answers={}, equality={"religion": "sikh"})
    theme = Theme.objects.get(slug="young-people")
    quotable = Feedback.objects.create(source=Feedback.Source.SURVEY, survey=survey, text="More youth clubs")
    quotable.themes.add(theme)
    event = EventPage.objects.live().first()
    booking = Booking.objects.create(
        event=event,
        status=Booking.Status.CONFIRMED,
        name="Matrix Attendee",
        email="matrix-attendee@example.com",
        access_needs="Hearing loop please",
    )
    return {
        "home": HomePage.objects.get(),
        "privacy": PrivacyNoticePage.objects.get(slug="privacy"),
        "survey": survey,
        "theme": theme,
        "quotable": quotable,
        "event": event,
        "booking": booking,
        "site": Site.objects.get(is_default_site=True),
        "feedback": Feedback.objects.create(source=Feedback.Source.OTHER, text="Matrix feedback"),
        "subscriber": Subscriber.objects.create(
            email="matrix-subscriber@example.com", status=Subscriber.Status.CONFIRMED, events=True
        ),
    }


# --- The matrix ------------------------------------------------------------------------------


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("area", list(EXPECTED))
def test_staff_access_matches_the_roles_table(client, ctx, area, column):
    client.force_login(get_user_model().objects.get(username=ACCOUNTS[column]))
    expected = EXPECTED[area][COLUMNS.index(column)]
    assert (Y if CHECKS[area](client, ctx) else N) == expected, f"{column}, {area}: README says {expected}"


def test_the_table_covers_every_snippet_and_chooser():
    snippet_areas = {area for area in EXPECTED if area.startswith(("Snippet: ", "Chooser: "))}
    assert snippet_areas == set(_snippet_rows())
    assert set(EXPECTED) == set(CHECKS)


def test_snippets_without_a_chooser_row_have_no_chooser_at_all(admin_client):
    for model in get_snippet_models():
        if f"Chooser: {capfirst(model._meta.verbose_name_plural)}" in EXPECTED:
            continue
        label = model._meta
        response = admin_client.get(f"/admin/snippets/choose/{label.app_label}/{label.model_name}/results/")
        assert response.status_code == 404, model


@pytest.mark.parametrize("username", ["editor", "officer", "moderator"])
@pytest.mark.parametrize("model", ["safeguardingphrase", "feedback"])
def test_no_chooser_lists_safeguarding_phrases_or_feedback(client, username, model):
    from core.models import SafeguardingPhrase

    client.force_login(get_user_model().objects.get(username=username))
    response = client.get(f"/admin/snippets/choose/consultation/{model}/results/")
    assert response.status_code == 404
    assert SafeguardingPhrase.objects.first().phrase not in response.content.decode()


def test_readme_roles_table_is_this_table():
    lines = README.read_text().splitlines()
    header = next(i for i, line in enumerate(lines) if re.match(r"\|\s*area\s*\|", line))
    columns = tuple(cell.strip() for cell in lines[header].strip("|").split("|"))[1:]
    assert columns == COLUMNS
    table = {}
    for line in lines[header + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip().strip("*") for cell in line.strip("|").split("|")]
        table[cells[0]] = tuple(cells[1:])
    assert table == EXPECTED


# --- The groups themselves -------------------------------------------------------------------


def test_the_staff_groups_are_the_five_in_the_table_and_wagtail_moderators_is_gone():
    assert set(GROUP_NAMES) == set(COLUMNS) - {"Administrators"}
    assert set(Group.objects.values_list("name", flat=True)) == set(GROUP_NAMES)
    demo = {user.username: [g.name for g in user.groups.all()] for user in get_user_model().objects.all()}
    assert demo["moderator"] == ["Forum moderators"]


def test_only_editors_hold_page_image_and_document_permissions():
    assert set(GroupPagePermission.objects.values_list("group__name", flat=True)) == {"Editors"}
    assert set(GroupCollectionPermission.objects.values_list("group__name", flat=True)) == {"Editors"}
    for name in GROUP_NAMES:
        held = set(Group.objects.get(name=name).permissions.values_list("content_type__app_label", flat=True))
        assert not held & {"wagtailcore", "wagtailimages", "wagtaildocs"}, name


def test_only_editors_approve_pages_in_workflows():
    approvers = set(GroupApprovalTask.objects.filter(active=True).values_list("groups__name", flat=True))
    assert approvers == {"Editors"}
