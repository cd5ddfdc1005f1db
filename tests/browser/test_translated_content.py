"""Translated content in Chromium with axe-core: a page not yet translated is English, marked
as such, with the notice in the visitor's language; a page whose Urdu translation came back
from the supplier as a PO file and was published is served in Urdu, right to left, with no
English notice (the PO round trip itself, by an editor in the admin, is tested in
tests/home/test_translated_content.py)."""

import pytest

from tests.browser.conftest import _manage

pytestmark = pytest.mark.browser

# The Urdu notice over English content on a translated template ("What the council wrote on
# this page is not yet available in Urdu, so it is shown in English."), as locale/ur has it.
URDU_TITLE = "تقریبات"

PUBLISH_URDU_FROM_PO = f"""
from events.models import EventIndexPage
from core.translations import page_translation_from_po, page_translation_po

index = EventIndexPage.objects.get(locale__language_code="en-gb")
po = page_translation_po(index, language_code="ur")
for entry in po:
    if entry.msgid == index.title:
        entry.msgstr = "{URDU_TITLE}"
    elif entry.msgid == index.intro:
        entry.msgstr = "لیسٹر میں آنے والی تقریبات۔ سب خوش آمدید ہیں۔"
page_translation_from_po(index, language_code="ur", po=po)
"""


def test_a_page_not_yet_translated_is_english_with_the_notice(new_context, axe_check):
    page = new_context().new_page()
    response = page.goto("/ur/bleed-kits/?untranslated")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    heading = page.locator("main h1")
    assert heading.get_attribute("lang") == "en-GB" and heading.get_attribute("dir") == "ltr"
    notice = page.locator("main .notice--language").filter(has_text="انگریزی")
    assert notice.count() == 1 and notice.first.is_visible()
    axe_check(page)


def test_a_translation_imported_from_a_po_file_is_served_in_urdu(new_context, axe_check, demo_site):
    _manage(["shell", "-c", PUBLISH_URDU_FROM_PO], demo_site.env)
    page = new_context().new_page()
    response = page.goto("/ur/events/?translated")
    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == "ur"
    assert page.locator("html").get_attribute("dir") == "rtl"
    heading = page.locator("main h1")
    assert heading.inner_text().strip() == URDU_TITLE
    assert heading.get_attribute("lang") is None
    # Only the "being checked" notice: nothing says the page is in English.
    assert page.locator("main .notice--language").filter(has_text="انگریزی").count() == 0
    assert page.locator("main [lang='en-GB']").filter(has_text=URDU_TITLE).count() == 0
    axe_check(page)
    # English is unchanged.
    page.goto("/events/?translated")
    assert page.locator("main h1").inner_text().strip() != URDU_TITLE
