"""The Data protection area in Chromium: the demo dataprotection account finds a person who
booked an event, reads what erasing would do, erases it and reads the log; another group's
account is refused; an administrator reads the retention runs and the retention settings; an
officer removes personal details someone typed into feedback. axe-core on every new page
(with the project's axe-core, as for the other admin pages)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_officers import (
    add_feedback,
    admin_axe,  # noqa: F401 (a fixture)
    feedback_id,
    marker,
    project_axe_version,  # noqa: F401 (a fixture admin_axe uses)
)

pytestmark = pytest.mark.browser

FIND = "/admin/data-protection/"
PERSON = "erin.erase@example.org"
EVENT = "/events/public-conversation-knife-crime/"


def _book(page, email: str) -> None:
    page.goto(EVENT)
    page.get_by_label("Your name").fill("Erin Erase")
    page.get_by_label("Email address", exact=True).fill(email)
    page.get_by_label("Number of places").fill("1")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Book").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("You're booked|waiting list", re.I))


def _find(page, email: str) -> None:
    page.goto(FIND)
    page.get_by_label("Email address").fill(email)
    page.get_by_role("button", name="Find").click()


def test_a_data_protection_officer_finds_and_erases_one_person(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    _book(new_context().new_page(), PERSON)
    page = login(new_context().new_page(), "dataprotection")

    page.goto("/admin/")
    expect(page.get_by_role("link", name="Find everything held about one person")).to_be_visible()
    admin_axe(page)
    page.goto(FIND)
    expect(page.get_by_role("heading", name="Where it looks")).to_be_visible()
    admin_axe(page)

    page.get_by_label("Email address").fill("erin at example")
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_text("is not an email address")).to_be_visible()
    admin_axe(page)

    _find(page, PERSON)
    expect(page.get_by_role("heading", name=re.compile(r"Event (bookings|waiting lists) \(1\)"))).to_be_visible()
    admin_axe(page)

    page.get_by_role("button", name=re.compile("Erase this person's data")).click()
    expect(page.get_by_text("Removed:").first).to_be_visible()
    expect(page.get_by_text("Kept:").first).to_be_visible()
    admin_axe(page)

    page.get_by_role("button", name="Erase 1 record").click()
    expect(page.get_by_text("Tick the box")).to_be_visible()
    page.get_by_label("I have checked that these records are about the person who asked").check()
    page.get_by_role("button", name="Erase 1 record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erasure log")
    expect(page.get_by_text(re.compile("Erased: 1 record"))).to_be_visible()
    admin_axe(page)

    _find(page, PERSON)
    expect(page.get_by_role("heading", name="Nothing found")).to_be_visible()


def test_other_staff_are_refused_with_a_page_that_says_so(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    page = login(new_context().new_page(), "officer")
    response = page.goto(FIND)
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("You cannot open this page")
    admin_axe(page)


def test_an_administrator_reads_the_retention_runs_and_settings(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    page = login(new_context().new_page(), "admin")
    page.goto("/admin/data-protection/retention-runs/")
    expect(page.get_by_role("heading", name="The schedule")).to_be_visible()
    admin_axe(page)
    page.get_by_role("link", name="Settings > Data retention").click()
    expect(page.get_by_label(re.compile("event bookings \\(days\\)", re.I))).to_be_visible()
    admin_axe(page)


def test_an_officer_removes_personal_details_typed_into_feedback(
    new_context,
    login,
    admin_axe,  # noqa: F811
):
    page = login(new_context().new_page(), "officer")
    word = marker()
    add_feedback(page, ("other", f"{word} ring Jo Bloggs on 07700 900123"))
    pk = feedback_id(page, word)
    page.goto(f"/admin/snippets/consultation/feedback/inspect/{pk}/")
    page.get_by_role("link", name="Remove personal details someone typed into it").click()
    admin_axe(page)

    page.get_by_label("Words to remove").fill("Jo Bloggs")
    page.get_by_role("button", name="Remove").click()
    expect(page.get_by_text("This field is required.")).to_be_visible()
    admin_axe(page)

    page.get_by_label("Words to remove").fill("Jo Bloggs")
    page.get_by_label("Why they are being removed").fill("A young person's name")
    page.get_by_role("button", name="Remove").click()
    expect(page.get_by_text(f"{word} ring [removed] on 07700 900123")).to_be_visible()
    expect(page.get_by_text("Personal details removed (some words): A young person's name")).to_be_visible()
