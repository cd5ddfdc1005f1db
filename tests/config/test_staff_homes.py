"""Each staff group's way into the admin: every menu item and every link on the admin home opens.

Signed in as each demo account (editor, officer, moderator, safeguarding, admin), the admin menu
is read from the sidebar Wagtail renders (its props JSON, submenus included), and the links
from the admin home's HTML; each is followed and must answer 200, so no one is offered a page
that then says "Sorry, you do not have permission to access this area". Then each group's home
is checked for the work it is there for.
"""

import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from consultation.models import ExportJob, Feedback, SurveyPage
from events.models import EventPage
from forum.models import Member, Post
from home.models import PrivacyNoticePage
from tests.forum.factories import MemberFactory, PostFactory

pytestmark = pytest.mark.django_db

ACCOUNTS = ("editor", "officer", "moderator", "safeguarding", "admin")
SIDEBAR_PROPS = re.compile(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S)
NO_PERMISSION = "Sorry, you do not have permission to access this area."


# --- Reading what the admin offers ------------------------------------------------------------


def menu_urls(html: str) -> dict[str, str]:
    """Label -> URL of every link in the rendered admin menu, submenus included. "Log out" is a
    POST (an action item, not a link) and the help links go to another site: both are left out."""
    props = json.loads(SIDEBAR_PROPS.search(html).group(1))
    found = {}

    def walk(node):
        if isinstance(node, dict):
            kind = node.get("_type", "")
            if kind in ("wagtail.sidebar.LinkMenuItem", "wagtail.sidebar.PageExplorerMenuItem"):
                item = node["_args"][0]
                if item["url"].startswith("/"):
                    found[item["label"]] = item["url"]
            if kind == "wagtail.sidebar.SearchModule":
                found["Search"] = node["_args"][0]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href = None
        self._text = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._text = []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((" ".join("".join(self._text).split()), self._href))
            self._href = None


def page_links(html: str) -> list[tuple[str, str]]:
    """(text, href) of every link on the page to this site (not "#main", not other sites)."""
    parser = _Links()
    parser.feed(html)
    return [(text, href) for text, href in parser.links if href.startswith("/")]


def sign_in(client, username: str):
    client.force_login(get_user_model().objects.get(username=username))
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


# --- Something for every panel to link to -------------------------------------------------------


@pytest.fixture
def work_waiting(settings, tmp_path):
    """Feedback waiting for review (one flagged for safeguarding), a join request, a held post,
    a finished background export of the officer's, and a page the editor has edited."""
    settings.EXPORT_ROOT = str(tmp_path / "exports")
    now = timezone.now()
    oldest = Feedback.objects.create(
        source=Feedback.Source.OTHER, text="The park needs lights.", created_at=now - timedelta(days=9)
    )
    Feedback.objects.create(source=Feedback.Source.OTHER, text="More youth clubs.", created_at=now - timedelta(days=2))
    alert = Feedback.objects.create(
        source=Feedback.Source.YOUTH_VOICE, text="(flagged)", safeguarding_flag=True, reviewed=True
    )
    MemberFactory(status=Member.Status.PENDING, requested_at=now)
    PostFactory(status=Post.Status.HELD, held_reason="first posts", safeguarding_flag=True)

    officer = get_user_model().objects.get(username="officer")
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / "home-test.csv").write_text("source\n")
    job = ExportJob.objects.create(
        user=officer,
        format="csv",
        status=ExportJob.Status.DONE,
        rows_total=12_000,
        rows_done=12_000,
        file_name="home-test.csv",
        finished_at=now,
        expires_at=now + timedelta(days=7),
    )

    editor = get_user_model().objects.get(username="editor")
    page = PrivacyNoticePage.objects.live().first()
    page.title = "Privacy notice (edited)"
    page.save_revision(user=editor, log_action=True)
    return {"oldest": oldest, "alert": alert, "job": job, "page": page}


# --- Every menu item and every home link opens -------------------------------------------------


@pytest.mark.parametrize("username", ACCOUNTS)
def test_every_admin_menu_item_and_home_link_opens(client, username, work_waiting):
    html = sign_in(client, username)
    targets = {f"menu: {label}": url for label, url in menu_urls(html).items()}
    targets.update({f"home link: {text or '(no text)'}": href for text, href in page_links(html)})
    assert len(targets) > 3, targets

    refused = {}
    for name, url in targets.items():
        # Redirects are followed (Settings items redirect to the site's own settings); the admin's
        # refusals are a 403, or a redirect to the dashboard or the sign-in page with the message.
        response = client.get(url, follow=True)
        landed = response.redirect_chain[-1][0].split("?")[0] if response.redirect_chain else url
        if response.status_code != 200:
            refused[name] = f"{url} answered {response.status_code}"
        elif not response.streaming and NO_PERMISSION in response.content.decode(errors="replace"):
            refused[name] = f"{url} says {NO_PERMISSION!r}"
        elif landed in ("/admin/", "/admin/login/") and url.split("?")[0] != landed:
            refused[name] = f"{url} was sent back to {landed}"
    assert not refused, f"{username} is offered what they cannot open: {refused}"


def test_the_events_page_listing_is_offered_only_to_page_editors_and_attendees_to_those_who_see_bookings(client):
    offered = {username: menu_urls(sign_in(client, username)) for username in ACCOUNTS}
    has_listing = {username for username, menu in offered.items() if "/admin/events/" in menu.values()}
    has_attendees = {username for username, menu in offered.items() if "/admin/event-attendees/" in menu.values()}
    has_results = {username for username, menu in offered.items() if "/admin/survey-results/" in menu.values()}
    assert has_listing == {"editor", "admin"}
    assert has_attendees == {"editor", "officer", "admin"}
    assert has_results == {"editor", "officer", "admin"}


# --- Each group's home ---------------------------------------------------------------------------


def test_officers_home_leads_to_their_work(client, work_waiting):
    html = sign_in(client, "officer")
    links = {href: text for text, href in page_links(html)}

    assert "2 pieces of feedback waiting for review" in " ".join(text for text, _ in page_links(html))
    assert "/admin/snippets/consultation/feedback/?reviewed=false" in links
    oldest = work_waiting["oldest"]
    assert f"/admin/snippets/consultation/feedback/inspect/{oldest.pk}/" in links
    assert timezone.localtime(oldest.created_at).strftime("%-d %b %Y") in html

    open_surveys = [survey for survey in SurveyPage.objects.live() if survey.is_open]
    assert open_surveys, "the demo has an open survey"
    for survey in open_surveys:
        assert f"/admin/survey-results/{survey.pk}/" in links

    upcoming = EventPage.objects.live().filter(end_at__gt=timezone.now(), capacity__gt=0).order_by("start_at")[:5]
    assert upcoming
    for event in upcoming:
        assert f"/admin/event-attendees/{event.pk}/" in links
    assert "/admin/event-attendees/" in links

    assert f"/admin/feedback-exports/download/{work_waiting['job'].pk}/" in links
    assert "/admin/feedback-exports/" in links
    # Nothing they cannot use: no page search, no alerts, no moderation queue.
    assert 'role="search"' not in html
    assert "/admin/safeguarding/" not in links and "/admin/forum/" not in links


def test_safeguarding_home_lists_the_alerts_not_handled_yet(client, work_waiting):
    html = sign_in(client, "safeguarding")
    links = {href: text for text, href in page_links(html)}
    assert "Safeguarding alerts not handled yet" in html
    assert "<strong>1</strong> alert not handled yet" in html
    assert f"/admin/safeguarding/{work_waiting['alert'].pk}/" in links
    assert "/admin/safeguarding/" in links
    assert 'role="search"' not in html

    alert = work_waiting["alert"]
    alert.safeguarding_handled_at = timezone.now()
    alert.save()
    html = sign_in(client, "safeguarding")
    assert f"/admin/safeguarding/{alert.pk}/" not in html
    assert "Every alert has been handled." in html


def test_moderators_home_counts_the_moderation_queue(client, work_waiting):
    html = sign_in(client, "moderator")
    texts = dict(page_links(html))
    for text in (
        "1 request to join",
        "1 held post",
        "0 reported posts",
        "0 reply emails that could not be sent",
    ):
        assert texts.get(text) == "/admin/forum/", (text, texts)
    assert "1 flagged for safeguarding" in html
    assert 'role="search"' not in html
    assert "Feedback waiting for review" not in html


def test_editors_home_shows_their_pages_and_the_page_search(client, work_waiting):
    html = sign_in(client, "editor")
    page = work_waiting["page"]
    assert "Your pages" in html
    assert f'href="/admin/pages/{page.pk}/edit/"' in html
    assert "Privacy notice (edited)" in html
    assert 'role="search"' in html


def test_editors_home_says_what_your_pages_is_for_before_they_edit_anything(client):
    html = sign_in(client, "editor")
    assert "Your pages" in html
    assert "Pages you create, edit or publish will be listed here." in html


@pytest.mark.parametrize("username", ["moderator", "safeguarding"])
def test_the_lists_of_events_and_surveys_refuse_those_who_may_not_see_bookings_or_results(client, username):
    sign_in(client, username)
    for url in ("/admin/event-attendees/", "/admin/survey-results/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"].split("?")[0] in ("/admin/", "/admin/login/"), url


def test_the_list_of_events_links_each_to_its_attendees(client):
    html = sign_in(client, "officer")
    assert "/admin/event-attendees/" in menu_urls(html).values()
    listing = client.get("/admin/event-attendees/").content.decode()
    links = {href for _, href in page_links(listing)}
    booked = EventPage.objects.filter(end_at__gt=timezone.now(), capacity__gt=0)
    assert booked
    for event in booked:
        assert f"/admin/event-attendees/{event.pk}/" in links, event.title


def test_the_list_of_surveys_links_each_to_its_results(client):
    sign_in(client, "officer")
    listing = client.get("/admin/survey-results/").content.decode()
    links = {href for _, href in page_links(listing)}
    for survey in SurveyPage.objects.all():
        assert f"/admin/survey-results/{survey.pk}/" in links, survey.title


def test_the_events_page_listing_links_places_taken_to_the_attendees(client):
    # Not only from the row's "More" menu: the places taken themselves are the link.
    sign_in(client, "editor")
    listing = client.get("/admin/events/").content.decode()
    links = set(page_links(listing))
    booked = EventPage.objects.filter(end_at__gt=timezone.now(), capacity__gt=0)
    assert booked
    for event in booked:
        assert any(
            href == f"/admin/event-attendees/{event.pk}/" and re.match(rf"\d+ of {event.capacity}\b", text)
            for text, href in links
        ), event.title
