"""An editor's change in the Wagtail admin reaches residents at once."""

import uuid

import pytest

pytestmark = pytest.mark.browser

THEME_PATH = "/strategy/education/"


def _anonymous_theme_intro(new_context) -> tuple[str, str | None]:
    """The Education page's intro as a visitor without a session sees it, and the page cache's
    verdict on that request."""
    page = new_context().new_page()
    response = page.goto(THEME_PATH)
    assert response is not None
    assert response.status == 200
    intro = page.locator("main p.lead").inner_text()
    page.context.close()
    return intro, response.headers.get("x-page-cache")


def _log_in(page, demo_site) -> None:
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(demo_site.admin_username)
    page.get_by_label("Password").fill(demo_site.admin_password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_published_edit_shows_at_once_despite_the_page_cache(new_context, demo_site):
    old_intro, _ = _anonymous_theme_intro(new_context)
    cached_intro, cache_verdict = _anonymous_theme_intro(new_context)
    assert cached_intro == old_intro
    assert cache_verdict == "hit", "the second anonymous visit was not answered from the page cache"

    editor = new_context().new_page()
    _log_in(editor, demo_site)
    editor.goto(THEME_PATH)
    editor.locator("wagtail-userbar #wagtail-userbar-trigger").click()
    editor.get_by_role("menuitem", name="Edit this page").click()
    editor.wait_for_url("**/admin/pages/*/edit/")
    assert editor.locator("input[name=title]").input_value() == "Education"

    new_intro = f"Updated by an editor ({uuid.uuid4().hex[:8]}): schools, alternative provision and families."
    editor.locator("textarea[name=intro]").fill(new_intro)
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish", exact=True).click()
    editor.wait_for_url("**/admin/pages/*/")
    assert "has been published" in editor.locator(".messages").inner_text()

    fresh_intro, _ = _anonymous_theme_intro(new_context)
    assert fresh_intro == new_intro
