"""The safeguarding phrases in Chromium: the demo safeguarding account filters the list by
language and by drafts, opens a draft Polish phrase and marks it reviewed. axe-core on the list
and the editor (with the project's axe-core, as for the other admin pages)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_officers import (
    WAGTAIL_FILTER_TOGGLE,
    admin_axe,  # noqa: F401 (a fixture)
    project_axe_version,  # noqa: F401 (a fixture admin_axe uses)
)

pytestmark = pytest.mark.browser

PHRASES = "/admin/snippets/core/safeguardingphrase/"


def test_the_safeguarding_group_reviews_a_draft_phrase_in_another_language(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    page = login(new_context().new_page(), "safeguarding")

    page.goto(f"{PHRASES}?language=pl&reviewed=false&category=exploitation")
    row = page.get_by_role("row").filter(has_text="sprzedawać narkotyki")
    expect(row).to_contain_text("Polish (Polski)")
    expect(row).to_contain_text("Draft, to review")
    admin_axe(page, WAGTAIL_FILTER_TOGGLE)  # Wagtail's own filter button, as on the feedback list

    row.get_by_role("link", name="sprzedawać narkotyki").click()
    expect(page.get_by_role("combobox", name="Language")).to_have_value("pl")
    admin_axe(page)
    page.get_by_role("checkbox", name="Reviewed").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("updated")).to_be_visible()

    page.goto(f"{PHRASES}?language=pl&reviewed=true")
    row = page.get_by_role("row").filter(has_text="sprzedawać narkotyki")
    expect(row).to_contain_text("Reviewed")
