"""Email updates in Chromium: sign up (after a mistake), confirm from the email, an editor
publishes an event in the chosen ward, its email arrives, change the choices and unsubscribe
from the email's links; the other new pages; the staff pages. axe on every page visited."""

import re
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ADDRESS = "river@example.org"
WARD = "Castle"


def _goto(page, path: str, status: int = 200):
    response = page.goto(path)
    assert response.status == status, f"{path} answered {response.status}, expected {status}"
    return response


def _emails_to(mail_dir, address: str) -> list:
    """The server's emails to `address`, oldest first, as parsed messages."""
    found = []
    for file in sorted(mail_dir.iterdir(), key=lambda path: path.stat().st_mtime):
        for chunk in file.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not chunk.strip():
                continue
            message = message_from_bytes(chunk.strip() + b"\n", policy=default_policy)
            if message["To"] == address:
                found.append(message)
    return found


def _text(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def _link(message, kind: str) -> str:
    return _path_of(re.search(rf"https?://\S+/subscribe/{kind}/\S+/", _text(message)).group(0))


def test_subscribe_confirm_get_an_event_in_the_ward_and_unsubscribe(page, new_context, login, axe_check, mail_dir):
    # From the events page to the form, with Events already ticked.
    _goto(page, "/events/")
    page.get_by_role("link", name="Get an email when an event is published").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Keep me posted")
    expect(page.get_by_label("Community events, when one is published")).to_be_checked()
    axe_check(page)

    # A mistake: the message is shown and what was chosen is kept.
    page.get_by_label("Email address").fill("river-at-example")
    page.get_by_label(WARD, exact=True).check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page.get_by_label(WARD, exact=True)).to_be_checked()
    axe_check(page)

    page.get_by_label("Email address").fill(ADDRESS)
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    axe_check(page)

    # Confirm from the email.
    confirmation = _emails_to(mail_dir, ADDRESS)[-1]
    _goto(page, _link(confirmation, "confirm"))
    axe_check(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You're signed up")
    axe_check(page)

    # An editor publishes an event in that ward.
    editor = login(new_context().new_page(), "editor")
    editor.goto("/events/")
    editor.locator("wagtail-userbar #wagtail-userbar-trigger").click()
    editor.get_by_role("menuitem", name="Add a child page").click()
    if "/add_subpage/" in editor.url:
        editor.get_by_role("link", name=re.compile("^Event page")).first.click()
    editor.wait_for_url("**/admin/pages/add/events/eventpage/**", timeout=30_000)
    editor.locator("#id_title").fill("Castle ward safety walk")
    editor.locator("#id_summary").fill("A walk around the ward with the neighbourhood team.")
    editor.locator("#id_organiser").fill("The neighbourhood team")
    editor.locator("#id_start_at").fill("2030-03-01 18:00")
    editor.locator("#id_end_at").fill("2030-03-01 19:30")
    editor.locator("#id_venue_name").fill("Castle Gardens")
    # The chooser's button works once the admin's scripts have started, and its list loads
    # after the dialog opens: try the button again if no dialog came.
    choose = editor.locator("#id_ward-chooser").get_by_role("button", name=re.compile("Choose"))
    ward_link = editor.locator(".modal").get_by_role("link", name=WARD, exact=True)
    for _ in range(3):
        choose.click()
        try:
            ward_link.wait_for(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            editor.keyboard.press("Escape")
    ward_link.click()
    editor.locator(".modal").wait_for(state="hidden")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish", exact=True).click()
    # Publishing also tells the subscribers, in the same request here (tasks run in process).
    editor.wait_for_url("**/admin/pages/*/", timeout=60_000)
    expect(editor.locator(".messages")).to_contain_text("created and published")

    # The email arrives, once, with the event and the links to manage and leave.
    emails = [m for m in _emails_to(mail_dir, ADDRESS) if "Castle ward safety walk" in m["Subject"]]
    assert len(emails) == 1
    email = emails[0]
    assert email["Subject"] == "New event: Castle ward safety walk"
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "A walk around the ward" in _text(email)

    # Change the choices from the email's link.
    _goto(page, _link(email, "manage"))
    expect(page.get_by_label(WARD, exact=True)).to_be_checked()
    axe_check(page)
    page.get_by_label("A weekly summary").check()
    page.get_by_role("button", name="Save my choices").click()
    page.get_by_text("Your choices are saved.").wait_for()
    expect(page.get_by_label("A weekly summary")).to_be_checked()
    axe_check(page)

    # Unsubscribe from the email's link: a page with a button, then gone.
    _goto(page, _link(email, "unsubscribe"))
    axe_check(page)
    page.get_by_role("button", name="Unsubscribe").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You're unsubscribed")
    axe_check(page)
    # The manage link no longer leads anywhere.
    _goto(page, _link(email, "manage"), status=410)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has been used")
    axe_check(page)


def test_the_other_public_pages(page, axe_check):
    _goto(page, "/subscribe/manage/")
    page.get_by_role("button", name="Email me a link").click()
    expect(page.get_by_role("alert")).to_be_visible()
    axe_check(page)
    page.get_by_label("Email address").fill("someone@example.org")
    page.get_by_role("button", name="Email me a link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")

    _goto(page, "/subscribe/confirm/not-a-real-link/", status=404)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link does not work")
    axe_check(page)

    # Nothing chosen: the message, linked from the summary to the first topic.
    _goto(page, "/subscribe/")
    page.get_by_label("Email address").fill("someone@example.org")
    page.get_by_role("button", name="Sign up").click()
    summary = page.get_by_role("alert")
    summary.get_by_role("link", name="Choose at least one thing to hear about").click()
    assert page.evaluate("document.activeElement.id") == "id_consultations"
    axe_check(page)


def test_staff_pages(new_context, login, axe_check):
    editor = login(new_context().new_page(), "editor")
    _goto(editor, "/admin/subscribers/")
    expect(editor.get_by_role("heading", name="Subscribers").first).to_be_visible()
    axe_check(editor)
    _goto(editor, "/admin/subscribers/message/")
    axe_check(editor)
    editor.get_by_label("Events").check()
    editor.get_by_label("Title").fill("Walks this spring")
    editor.get_by_label("One line").fill("Three ward walks are planned.")
    editor.get_by_role("button", name="Preview").click()
    editor.get_by_text(re.compile(r"This goes to \d+ (person|people)")).wait_for()
    axe_check(editor)

    officer_of_data = login(new_context().new_page(), "dataprotection")
    _goto(officer_of_data, "/admin/subscribers/export/")
    expect(officer_of_data.get_by_role("button", name="Download CSV")).to_be_visible()
    axe_check(officer_of_data)
