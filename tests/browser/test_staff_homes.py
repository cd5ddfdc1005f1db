"""Each staff group's admin home in Chromium: the panels of its own work, nothing it cannot
use, and no serious or critical axe-core violation (with the project's axe-core, as
test_officers.py's admin_axe runs it)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_officers import admin_axe, project_axe_version  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

# The panel headings each demo account's home must show, and those it must not.
HOMES = {
    "editor": (["Your pages", "Upcoming events", "Open surveys"], ["Feedback waiting for review"]),
    "officer": (
        ["Feedback waiting for review", "Open surveys", "Upcoming events", "Your recent exports"],
        ["Your pages", "Safeguarding alerts not handled yet", "Parent forum: waiting for a moderator"],
    ),
    "moderator": (["Parent forum: waiting for a moderator"], ["Feedback waiting for review", "Upcoming events"]),
    "safeguarding": (
        ["Safeguarding alerts not handled yet", "Parent forum: waiting for a moderator"],
        ["Feedback waiting for review", "Your pages"],
    ),
    "admin": (
        [
            "Safeguarding alerts not handled yet",
            "Feedback waiting for review",
            "Parent forum: waiting for a moderator",
            "Open surveys",
            "Upcoming events",
            "Your recent exports",
            "Your pages",
        ],
        [],
    ),
}


@pytest.mark.parametrize("username", list(HOMES))
def test_each_groups_admin_home_shows_its_work_and_passes_axe(new_context, login, admin_axe, username):  # noqa: F811
    page = login(new_context().new_page(), username)
    page.goto("/admin/")
    shown, hidden = HOMES[username]
    for heading in shown:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    for heading in hidden:
        expect(page.get_by_role("heading", name=heading, exact=True)).to_have_count(0)
    may_search_pages = username in ("editor", "admin")
    # The page search of the home (the sidebar has its own, for page editors only too).
    expect(page.locator("#main").get_by_role("search")).to_have_count(1 if may_search_pages else 0)
    admin_axe(page)
