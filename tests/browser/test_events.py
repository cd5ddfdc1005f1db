"""Events and bleed-control kits in Chromium: find an event, book it (after a mistake), get the
email, cancel with its link; a changed link is refused; staff see the attendees. axe on every
page visited."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

EVENT_TITLE = "Knife crime awareness workshop for young people"


def _goto(page, path: str, status: int = 200):
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}, expected {status}"
    return response


def _cancel_link(mail_dir, address: str) -> str:
    for message in sorted(mail_dir.iterdir()):
        text = message.read_text()
        if f"To: {address}" in text and "cancel/?t=" in text:
            return re.search(r"https?://\S+/cancel/\?t=\S+", text).group(0)
    raise AssertionError(f"No email with a cancel link to {address}")


def test_a_resident_finds_books_and_cancels_an_event(page, axe_check, mail_dir):
    _goto(page, "/events/")
    assert page.get_by_role("heading", level=1).inner_text() == "Events"
    axe_check(page)

    # The filters are a plain form: choose an audience, submit, the matching event remains.
    page.get_by_label("Who it is for").select_option("young_people")
    page.get_by_role("button", name="Show events").click()
    assert "audience=young_people" in page.url
    page.get_by_role("link", name=EVENT_TITLE).click()
    expect(page.get_by_text(re.compile(r"\d+ places left"))).to_be_visible()
    axe_check(page)

    # A mistake: the message is shown and what was typed is kept.
    page.get_by_label("Your name").fill("Jordan Test")
    page.get_by_label("Email address", exact=True).fill("jordan-at-example")
    page.get_by_label("Access needs").fill("Step-free entrance")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Book").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert page.get_by_label("Your name").input_value() == "Jordan Test"
    assert page.get_by_label("Access needs").input_value() == "Step-free entrance"
    axe_check(page)

    page.get_by_label("Email address", exact=True).fill("jordan@example.com")
    page.get_by_label("Number of places").fill("2")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Book").click()
    assert page.get_by_role("heading", level=1).inner_text() == "You're booked"
    axe_check(page)

    link = _cancel_link(mail_dir, "jordan@example.com")
    path = re.sub(r"^https?://[^/]+", "", link)
    _goto(page, path.replace("?t=", "?t=x"), status=400)
    assert page.get_by_role("heading", level=1).inner_text() == "This link does not work"
    axe_check(page)

    _goto(page, path)
    axe_check(page)
    page.get_by_role("button", name="Yes, cancel it").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Your booking is cancelled"


def test_bleed_kits_and_the_calendar_feed(page, axe_check):
    _goto(page, "/bleed-kits/")
    expect(page.get_by_text("Sample location").first).to_be_visible()
    assert (
        page.get_by_role("link", name=re.compile("on OpenStreetMap"))
        .first.get_attribute("href")
        .startswith("https://www.openstreetmap.org/")
    )
    axe_check(page)
    feed = page.request.get("/events/feed.ics")
    assert feed.ok and b"BEGIN:VTIMEZONE" in feed.body()


def test_staff_see_the_events_listing_and_attendees(page, login, axe_check):
    login(page, "admin")
    _goto(page, "/admin/events/")
    expect(page.get_by_role("columnheader", name="Places taken")).to_be_visible()
    axe_check(page)
    # Each event's places taken link to its attendees.
    row = page.locator("#listing-results tbody tr", has_text=EVENT_TITLE).first
    row.get_by_role("link", name=re.compile(rf"attendees of {re.escape(EVENT_TITLE)}")).click()
    page.wait_for_url(re.compile(r"/admin/event-attendees/\d+/$"))
    expect(page.get_by_role("button", name="Download attendees (CSV)")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Printable sign-in sheet").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Sign-in sheet")
    axe_check(page)
