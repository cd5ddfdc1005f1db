"""The public pages on a small screen, with the keyboard, without JavaScript, and without
anything loaded from another host."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SMALL_SCREEN = {"width": 320, "height": 640}
RESIDENT_PATHS = [
    "/",
    "/strategy/",
    "/strategy/education/",
    "/strategy/education/minimise-school-suspensions/",
    "/strategy/progress-report/",
]


def test_strategy_page_has_no_horizontal_scroll_on_a_320px_screen(new_context):
    page = new_context(viewport=SMALL_SCREEN).new_page()
    page.goto("/strategy/")

    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= SMALL_SCREEN["width"], f"the page is {scroll_width}px wide on a 320px screen"


def test_skip_link_is_the_first_focus_and_moves_focus_to_main(new_context):
    page = new_context(viewport=SMALL_SCREEN).new_page()
    page.goto("/strategy/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("link => link === document.activeElement"), "the first Tab did not reach the skip link"
    expect(skip_link).to_be_visible()
    box = skip_link.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["y"] >= 0
    assert box["x"] + box["width"] <= SMALL_SCREEN["width"]

    page.keyboard.press("Enter")
    page.wait_for_url("**/strategy/#main-content")
    assert page.evaluate("() => document.activeElement.id") == "main-content"


def test_resident_can_follow_links_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/")

    page.get_by_role("link", name="Read the strategy and its progress").click()
    page.wait_for_url("**/strategy/")
    page.get_by_role("table", name="Recommendations by theme and status").get_by_role(
        "link", name="Education", exact=True
    ).click()
    page.wait_for_url("**/strategy/education/")
    page.get_by_role("link", name="Recommendation 1: Minimise school suspensions").click()
    page.wait_for_url("**/strategy/education/minimise-school-suspensions/")

    assert page.get_by_role("heading", level=1).inner_text() == "Minimise school suspensions"
    assert page.locator("main dl.facts .status-tag").inner_text() == "In progress"


def test_public_pages_make_no_third_party_requests(new_context, demo_site):
    context = new_context(bypass_csp=False)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()

    for path in RESIDENT_PATHS:
        response = page.goto(path)
        assert response is not None
        assert response.ok, f"{path} answered {response.status}"

    assert requested, "no requests were recorded"
    elsewhere = [url for url in requested if not url.startswith(demo_site.url + "/")]
    assert not elsewhere, f"requests to other hosts: {elsewhere}"


def test_public_pages_break_no_content_security_policy_rule(new_context):
    context = new_context(bypass_csp=False)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    for path in RESIDENT_PATHS:
        page.goto(path)

    assert not errors, f"console errors on the public pages: {errors}"


ADMIN_PATHS = [
    "/admin/",
    "/admin/snippets/consultation/feedback/",
    "/admin/feedback-dashboard/",
    "/admin/account/",
]


def test_admin_pages_make_no_third_party_requests(new_context, demo_site, login):
    """Wagtail would show staff avatars from Gravatar; the admin loads nothing from another host."""
    context = new_context(bypass_csp=False)
    page = login(context.new_page(), "officer")
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))

    for path in ADMIN_PATHS:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        page.wait_for_load_state("networkidle")

    assert any("/admin/" in url for url in requested), "no admin requests were recorded"
    elsewhere = [url for url in requested if not url.startswith(demo_site.url + "/")]
    assert not elsewhere, f"requests to other hosts: {elsewhere}"
