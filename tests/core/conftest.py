from dataclasses import dataclass

import pytest

from consultation.models import ContactRequest, Feedback
from consultation.services import ContactDetails, youth_voice_record
from events.models import Booking, EventPage
from events.services import event_feedback_record
from forum.models import Category, Follow, Report
from tests.forum.factories import MemberFactory, PostFactory, ThreadFactory, UserFactory

EMAIL = "sam.person@example.org"
NAME = "Sam Person"
PHONE = "0116 496 0123"


@dataclass
class Sam:
    """One person with something in every app: a contact request left with a youth voice, two
    bookings (one with feedback given after the event), and a forum account with posts, a
    report, a join request and email settings."""

    contact: ContactRequest
    youth_voice: Feedback
    bookings: list
    event_feedback: Feedback
    member: object
    posts: list
    report: Report
    thread: object
    other_post: object


@pytest.fixture
def sam(db):
    youth = youth_voice_record(
        age_band="16-18",
        ward=None,
        safer_text="More youth clubs open in the evening.",
        contact=ContactDetails(name=NAME, email=EMAIL, phone=PHONE),
    )
    contact = ContactRequest.objects.get(feedback=youth[0])

    first, second = EventPage.objects.live().order_by("pk")[:2]
    bookings = [
        Booking.objects.create(event=event, status=Booking.Status.CONFIRMED, name=NAME, email=EMAIL.upper())
        for event in (first, second)
    ]
    feedback = event_feedback_record(booking=bookings[0], text="The talk was useful.")
    bookings[0].refresh_from_db()

    member = MemberFactory(user=UserFactory(email=EMAIL), display_name="Sam P", join_reason="My son was stabbed.")
    other = MemberFactory(display_name="Chris")
    thread = ThreadFactory(category=Category.objects.get(slug="getting-support"), author=other, title="Coping")
    other_post = PostFactory(thread=thread, author=other, body="How do you cope?")
    posts = [
        PostFactory(thread=thread, author=member, body="One day at a time."),
        PostFactory(thread=thread, author=member, body="And talking helps."),
    ]
    Follow.objects.create(member=member, thread=thread)
    report = Report.objects.create(post=other_post, reporter=member, reason="Sam thinks this names a child.")
    return Sam(
        contact=contact,
        youth_voice=youth[0],
        bookings=bookings,
        event_feedback=feedback,
        member=member,
        posts=posts,
        report=report,
        thread=thread,
        other_post=other_post,
    )
