"""The Wagtail admin under its own Content-Security-Policy: staff can sign in and work on the
dashboard, a page's editor (inline panels, date pickers, rich text), snippets, images and
documents without the browser refusing anything, and the header is there on every page."""

import re

import pytest

pytestmark = pytest.mark.browser

# Collects every violation the page reports, including those Chromium does not log.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${where}`);
});
"""
ADMIN_PATHS = [
    "/admin/",
    "/admin/pages/",
    "/admin/snippets/",
    "/admin/snippets/core/theme/",
    "/admin/images/",
    "/admin/images/multiple/add/",
    "/admin/documents/",
    "/admin/feedback-dashboard/",
]


def test_admin_pages_work_under_the_admin_policy(new_context, login):
    context = new_context(bypass_csp=False)
    context.add_init_script(RECORD_VIOLATIONS)
    page = login(context.new_page(), "admin")
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: console.append(str(error)))

    paths = list(ADMIN_PATHS)
    # A page editor with inline panels and date and time pickers (an event), one with rich
    # text (the home page's first child), and a snippet's editor.
    page.goto("/admin/pages/search/?q=event")
    event_edit = page.eval_on_selector_all("a[href$='/edit/']", "links => links.map(link => link.getAttribute('href'))")
    page_edits = [href for href in event_edit if re.fullmatch(r"/admin/pages/\d+/edit/", href)]
    assert page_edits, "no page to edit was found"
    paths += page_edits[:2]
    page.goto("/admin/snippets/core/theme/")
    snippet_edits = page.eval_on_selector_all(
        "a[href*='/edit/']", "links => links.map(link => link.getAttribute('href'))"
    )
    snippet_edits = [href for href in snippet_edits if re.fullmatch(r"/admin/snippets/core/theme/edit/\d+/", href)]
    assert snippet_edits, "no theme to edit was found"
    paths.append(snippet_edits[0])

    for path in paths:
        response = page.goto(path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        policy = response.headers.get("content-security-policy", "")
        assert "default-src 'self'" in policy and "object-src 'none'" in policy, f"{path}: no admin policy"
        assert "camera=()" in response.headers.get("permissions-policy", ""), f"{path}: no Permissions-Policy"
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("() => window.__cspViolations")
        assert not violations, f"{path} broke the admin's Content-Security-Policy: {violations}"

    refused = [text for text in console if "Content Security Policy" in text or "Permissions-Policy" in text]
    assert not refused, f"console errors about the security headers: {refused}"


def test_the_public_site_logs_no_permissions_policy_errors(new_context):
    context = new_context(bypass_csp=False)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    for path in ["/", "/events/", "/strategy/"]:
        response = page.goto(path)
        assert response is not None and "geolocation=()" in response.headers["permissions-policy"]
    assert not [text for text in console if "Permissions-Policy" in text or "Unrecognized feature" in text]
