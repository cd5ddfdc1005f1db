"""Every link in every email and export is on SITE_URL, whatever host the request came in on
and whatever host a Wagtail Site record holds. (tests/conftest.py also checks every email any
test sends; this test makes sure each kind of email is actually sent and looked at.)"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site

from consultation import exports
from consultation.models import Feedback
from consultation.processing import safeguarding_alert_send
from consultation.tasks import export_run
from events import services as event_services
from events.models import EventIndexPage
from forum import services as forum_services
from forum.models import Category, Follow, Member, Post
from tests.events.factories import EventPageFactory
from tests.forum.factories import MemberFactory, PostFactory, ThreadFactory

pytestmark = pytest.mark.django_db

SITE_URL = "https://consult.example.gov.uk"
LINK = re.compile(r"https?://[^\s<>\"')]+")


def _links(text: str) -> list[str]:
    return LINK.findall(text)


@pytest.fixture
def odd_hosts(settings, tmp_path):
    """SITE_URL somewhere unusual; requests arrive as "testserver"; and a second Wagtail site,
    so Wagtail gives pages full URLs on the host its Site record holds."""
    settings.SITE_URL = SITE_URL
    settings.EXPORT_ROOT = tmp_path / "exports"
    Site.objects.create(hostname="internal.example", port=8101, root_page=Page.objects.get(depth=1))


def _member(**fields) -> Member:
    member = MemberFactory(**fields)
    PostFactory.create_batch(3, author=member)  # past the new-member hold
    return member


def test_every_kind_of_email_and_export_links_only_to_site_url(client, odd_hosts, django_capture_on_commit_callbacks):
    users = get_user_model().objects
    moderator, officer = users.get(username="moderator"), users.get(username="officer")
    client.defaults["HTTP_HOST"] = "testserver"
    run = django_capture_on_commit_callbacks

    # Events: a booking confirmation, then the person cancels it.
    event = EventPageFactory.build()
    EventIndexPage.objects.get(slug="events").add_child(instance=event)
    event.save_revision().publish()
    with run(execute=True):
        booking = event_services.booking_create(event=event, name="Sam", email="sam@example.org", places=1)
    with run(execute=True):
        event_services.booking_cancel(booking=booking)

    # Forum: join approved and declined, a post hidden, a safeguarding alert, a reply email, a
    # daily digest, and the moderators' held-posts digest.
    Post.objects.filter(status=Post.Status.HELD).update(status=Post.Status.VISIBLE)
    client.force_login(moderator)
    for action, reason in (("approve", ""), ("decline", "Not a parent")):
        applicant = MemberFactory(status=Member.Status.PENDING, join_reason="Please")
        with run(execute=True):
            client.post(reverse("forum_admin:member_action", args=[applicant.pk, action]), {"reason": reason})
    author, follower, digest_reader = _member(), _member(), _member(notify=Member.Notify.DIGEST)
    thread = ThreadFactory(category=Category.objects.get(slug="getting-support"), author=author)
    Follow.objects.create(member=follower, thread=thread)
    Follow.objects.create(member=digest_reader, thread=thread)
    with run(execute=True):
        reply = forum_services.post_reply(member=author, thread=thread, body="A reply")
    with run(execute=True):
        client.post(reverse("forum_admin:post_action", args=[reply.pk, "hide"]), {"reason": "Off topic"})
    with run(execute=True):
        forum_services.post_reply(member=author, thread=thread, body="I want to kill myself tonight")
    forum_services.digests_send()
    forum_services.held_posts_digest_send()

    # Consultation: a safeguarding alert, and a background export ready to download.
    flagged = Feedback.objects.create(source="youth_voice", text="x", safeguarding_flag=True, created_at=timezone.now())
    safeguarding_alert_send(feedback=flagged)
    job = exports.export_job_create(
        user=officer, params={}, file_format="csv", include_personal_data=False, rows_total=1
    )
    export_run(job.pk)

    # Passwords: a staff reset from the admin; a parent's sign-up confirmation and reset.
    client.logout()
    client.post(reverse("wagtailadmin_password_reset"), {"email": officer.email})
    password = "Correct-Horse-Battery-9"
    client.post(
        reverse("account_signup"),
        {
            "email": "new.parent@example.org",
            "password1": password,
            "password2": password,
            "display_name": "Jo New",
            "consent": "on",
        },
    )
    client.logout()
    EmailAddress.objects.create(user=author.user, email=author.user.email, verified=True, primary=True)
    client.post(reverse("account_reset_password"), {"email": author.user.email})

    subjects = {message.subject for message in mail.outbox}
    for expected in [
        f"You're booked: {event.title}",
        f"Booking cancelled: {event.title}",
        "Welcome to the parent forum",
        "Your request to join the parent forum",
        "A moderator has hidden one of your forum posts",
        "Safeguarding alert: a parent forum post needs checking",
        f"New reply: {thread.title}",
        "Parent forum: new replies today",
        "Parent forum: posts waiting for a moderator",
        "Safeguarding alert: feedback needs checking",
        "Your feedback export is ready",
        "Confirm your email address for Safer Leicester",
        "Reset your Safer Leicester password",
    ]:
        assert expected in subjects, expected
    assert any("password" in subject.lower() and "staff" not in subject for subject in subjects)
    for message in mail.outbox:
        links = _links(message.body)
        assert links, message.subject
        wrong = [link for link in links if not link.startswith(SITE_URL + "/")]
        assert not wrong, (message.subject, wrong)

    # Exports with links: the progress report's CSV and the events calendar feed.
    report = client.get("/strategy/progress-report/csv/")
    assert report.status_code == 200
    report_links = _links(report.content.decode("utf-8-sig"))
    assert report_links and all(link.startswith(SITE_URL + "/strategy/") for link in report_links)
    feed = b"".join(client.get("/events/feed.ics")).decode()
    feed_urls = re.findall(r"^URL:(\S+)", feed.replace("\r\n ", ""), re.M)
    assert feed_urls and all(url.startswith(SITE_URL + "/events/") for url in feed_urls)
