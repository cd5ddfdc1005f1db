"""The parent forum in Chromium: a parent signs up, confirms the email from the outbox, asks to
join; a moderator approves them and their held first post in the Wagtail admin; a second parent
replies and the first gets exactly one email. Every forum and account page gets axe-core, and
visitors who are not members see none of the content.
"""

import re
import secrets
import string
import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_officers import admin_axe, project_axe_version  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

SECOND_PARENT = "parent2@example.com"
PASSWORD = "Correct-Horse-Battery-9"


def word() -> str:
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))


def mails_to(mail_dir, address: str) -> list[str]:
    """The messages the server sent to an address (the file backend writes one file per connection)."""
    found = []
    for path in sorted(mail_dir.iterdir()):
        for message in path.read_text().split("-" * 79):
            if re.search(rf"^To: .*{re.escape(address)}", message, re.MULTILINE):
                found.append(message)
    return found


def wait_for_mail(mail_dir, address: str, subject: str, count: int = 1) -> list[str]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = [m for m in mails_to(mail_dir, address) if f"Subject: {subject}" in m]
        if len(found) >= count:
            return found
        time.sleep(0.2)
    return [m for m in mails_to(mail_dir, address) if f"Subject: {subject}" in m]


def sign_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/forum/")


def test_a_parent_joins_posts_and_hears_of_one_reply(
    new_context,
    login,
    mail_dir,
    demo_site,
    axe_check,
    admin_axe,  # noqa: F811
):
    name = "Parent " + word()
    email = f"{word()}@example.org"
    title = f"First time here {word()}"
    parent = new_context().new_page()

    # Sign up with a pseudonym.
    parent.goto("/forum/")
    axe_check(parent)
    parent.get_by_role("link", name="Create an account").click()
    axe_check(parent)
    expect(parent.get_by_role("heading", level=1)).to_have_text("Create an account")
    parent.get_by_label("Create a password").fill("short")
    parent.get_by_role("button", name="Create account").click()  # errors, with a summary
    expect(parent.locator(".error-summary")).to_be_visible()
    expect(parent).to_have_title(re.compile("^Error: Create an account"))
    # The password rules are read out with the password box, and nothing is a placeholder.
    expect(parent.get_by_label("Create a password")).to_have_accessible_description(re.compile("at least 8 characters"))
    assert parent.locator("[placeholder]").count() == 0
    axe_check(parent)
    parent.get_by_label("Email address").fill(email)
    parent.get_by_label("Create a password").fill(PASSWORD)
    parent.get_by_label("Confirm your password").fill(PASSWORD)
    parent.get_by_label("Display name").fill(name)
    parent.get_by_label(re.compile("^I agree that the council keeps my email")).check()
    parent.get_by_role("button", name="Create account").click()
    expect(parent.get_by_role("heading", level=1)).to_have_text("Check your email")
    axe_check(parent)

    # Confirm the email from the outbox.
    confirmation = wait_for_mail(mail_dir, email, "")[0]
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", confirmation).group(0)
    parent.goto(link)
    axe_check(parent)
    parent.get_by_role("button", name="Confirm").click()
    if "/accounts/login/" in parent.url:
        sign_in(parent, email, PASSWORD)
    parent.goto("/forum/")

    # Ask to join.
    parent.get_by_role("link", name="Ask to join").click()
    axe_check(parent)
    parent.get_by_label("Why would you like to join?").fill("My son was hurt last year.")
    parent.get_by_role("button", name="Send my request").click()
    expect(parent.locator("main")).to_contain_text("A moderator will read your request")

    # A moderator approves the request in the Wagtail admin.
    moderator = login(new_context().new_page(), "moderator")
    moderator.goto("/admin/forum/")
    admin_axe(moderator)
    moderator.get_by_role("link", name=name).click()
    admin_axe(moderator)
    moderator.get_by_role("button", name="Approve").click()
    expect(moderator.locator(".messages")).to_contain_text("is now a member")
    assert wait_for_mail(mail_dir, email, "Welcome to the parent forum")

    # The parent starts a thread: held, as a new member's first posts are.
    parent.goto("/forum/")
    axe_check(parent)
    parent.get_by_role("link", name="Getting support").click()
    axe_check(parent)
    parent.get_by_role("link", name="Start a thread").click()
    axe_check(parent)
    parent.get_by_label("Title").fill(title)
    parent.get_by_label("Your message").fill("Does it get *easier*?\n\n<script>alert('x')</script>")
    parent.get_by_role("button", name="Post").click()
    expect(parent.locator("main")).to_contain_text("A moderator will read your post")
    expect(parent.locator("main")).to_contain_text("<script>alert('x')</script>")  # shown as text
    axe_check(parent)
    thread_path = re.sub(r"^https?://[^/]+", "", parent.url).split("?")[0].split("#")[0]

    # The moderator reads the start of the held post in the queue and approves it from there.
    moderator.goto("/admin/forum/")
    row = moderator.get_by_role("row", name=re.compile(re.escape(name)))
    expect(row).to_contain_text("Does it get *easier*?")
    admin_axe(moderator)
    row.get_by_role("button", name=re.compile("^Approve post")).click()
    expect(moderator).to_have_url(re.compile("/admin/forum/$"))
    expect(moderator.locator(".messages")).to_contain_text("is approved and visible")
    expect(moderator.get_by_role("row", name=re.compile(re.escape(name)))).to_have_count(0)
    admin_axe(moderator)

    # A second parent (a demo member) replies.
    second = new_context().new_page()
    sign_in(second, SECOND_PARENT, demo_site.admin_password)
    second.goto(thread_path)
    expect(second.get_by_role("heading", level=1)).to_have_text(title)
    axe_check(second)
    second.get_by_label("Your reply").fill("It does, slowly. You're not alone.")
    second.get_by_role("button", name="Post reply").click()
    expect(second.locator("main")).to_contain_text("Your post is up")

    # The first parent gets exactly one email about it: the title and a link, not the text.
    replies = wait_for_mail(mail_dir, email, "New reply")
    time.sleep(1)
    replies = wait_for_mail(mail_dir, email, "New reply")
    assert len(replies) == 1
    assert title in replies[0]
    assert "You're not alone" not in replies[0]

    # The rest of the member's pages pass axe too: quote, report, edit, delete, profile.
    parent.goto(thread_path)
    expect(parent.locator("main")).to_contain_text("New")
    parent.get_by_role("link", name=re.compile("^Quote")).last.click()
    parent.wait_for_url(lambda url: not url.endswith(thread_path))
    axe_check(parent)
    parent.goto(thread_path)
    parent.get_by_role("link", name=re.compile("^Report")).first.click()
    parent.wait_for_url(lambda url: not url.endswith(thread_path))
    axe_check(parent)
    parent.goto(thread_path)
    parent.get_by_role("link", name=re.compile("^Change")).first.click()
    parent.wait_for_url(lambda url: not url.endswith(thread_path))
    axe_check(parent)
    parent.goto(thread_path)
    parent.get_by_role("link", name=re.compile("^Delete")).first.click()
    parent.wait_for_url(lambda url: not url.endswith(thread_path))
    axe_check(parent)
    parent.goto("/accounts/profile/")
    axe_check(parent)
    parent.goto("/accounts/delete/")
    axe_check(parent)


def test_visitors_and_non_members_see_no_forum_content(new_context, demo_site, axe_check):
    member = new_context().new_page()
    sign_in(member, SECOND_PARENT, demo_site.admin_password)
    member.get_by_role("link", name="Schools and education").click()
    category_path = re.sub(r"^https?://[^/]+", "", member.url)
    member.get_by_role("link", name="Managed moves: what to ask the school").click()
    thread_path = re.sub(r"^https?://[^/]+", "", member.url)

    visitor = new_context().new_page()
    for path in (category_path, thread_path, thread_path + "reply/"):
        response = visitor.goto(path)
        assert response.status == 403
        assert response.headers["x-robots-tag"] == "noindex, nofollow"
        expect(visitor.locator("main")).not_to_contain_text("Managed moves")
    axe_check(visitor)

    # Account pages for visitors.
    for path in ("/accounts/login/", "/accounts/password/reset/"):
        visitor.goto(path)
        axe_check(visitor)
    visitor.goto("/accounts/login/")
    visitor.get_by_role("button", name="Sign in", exact=True).click()
    expect(visitor.locator(".error-summary")).to_be_visible()
    expect(visitor).to_have_title(re.compile("^Error: Sign in"))
    axe_check(visitor)


def test_bereavement_space_is_only_for_members_given_access(new_context, demo_site, axe_check):
    without = new_context().new_page()
    sign_in(without, SECOND_PARENT, demo_site.admin_password)
    expect(without.locator("main")).not_to_contain_text("Bereavement")
    assert without.goto("/forum/c/bereavement/").status == 404

    bereaved = new_context().new_page()
    sign_in(bereaved, "parent1@example.com", demo_site.admin_password)
    bereaved.get_by_role("link", name="Bereavement").click()
    expect(bereaved.get_by_role("heading", level=1)).to_have_text("Bereavement")
    axe_check(bereaved)
    bereaved.goto("/accounts/password/change/")
    axe_check(bereaved)
    bereaved.goto("/accounts/email/")
    axe_check(bereaved)


def test_post_actions_sit_in_a_row_and_quotes_look_quoted(new_context, demo_site, axe_check):
    page = new_context().new_page()
    sign_in(page, SECOND_PARENT, demo_site.admin_password)
    page.get_by_role("link", name="Schools and education").click()
    page.get_by_role("link", name="Managed moves: what to ask the school").click()

    actions = page.locator(".forum-post__actions").first
    style = actions.evaluate("el => [getComputedStyle(el).listStyleType, getComputedStyle(el).display]")
    assert style == ["none", "flex"], "Quote, Change, Delete and Report read as a row of links, not bullets"
    quote = page.locator(".forum-post blockquote").first
    expect(quote).to_contain_text("who decides?")
    border = quote.evaluate("el => parseFloat(getComputedStyle(el).borderInlineStartWidth)")
    assert border >= 4, "quoted words are set off by a rule, as quotes are"
    axe_check(page)
