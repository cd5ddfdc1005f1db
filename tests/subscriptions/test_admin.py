"""Staff: editors see counts and never addresses, send a message after a preview that states
how many it goes to (logged); only the Data protection group exports addresses (logged)."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from core.models import ExportLog
from subscriptions.models import Item, Subscriber

pytestmark = pytest.mark.django_db

ANNOUNCE = "/admin/subscribers/message/"


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


@pytest.fixture
def people(subscriber, wards, themes):
    return [
        subscriber("ward-one@example.org", events=True, wards=[wards[0]]),
        subscriber("any-ward@example.org", events=True, consultations=True),
        subscriber("theme@example.org", progress=True, themes=[themes[0]]),
        subscriber("=HYPERLINK(1)@example.org", consultations=True),
    ]


def test_editors_see_counts_by_topic_ward_and_theme_never_addresses(editor_client, people, wards, themes):
    Subscriber.objects.create(email="pending@example.org", events=True)
    response = editor_client.get(reverse("subscriptions_counts:index"))
    content = response.content.decode()
    assert response.status_code == 200
    assert '<th scope="row">New consultations</th><td>2</td>' in content
    assert '<th scope="row">Events</th><td>2</td>' in content
    assert '<th scope="row">Progress on the strategy</th><td>1</td>' in content
    assert '<th scope="row">Signed up, not confirmed yet</th><td>1</td>' in content
    assert f'<th scope="row">{wards[0].name}</th><td>1</td>' in content
    assert f'<th scope="row">{themes[0].name}</th><td>1</td>' in content
    assert "@example.org" not in content


def test_a_message_is_previewed_with_its_number_of_recipients_then_sent_once_and_logged(
    editor_client, people, django_capture_on_commit_callbacks, settings
):
    settings.SUBSCRIPTION_SEND_RATE = 0
    fields = {
        "topic": "consultations",
        "title": "Have your say week",
        "summary": "Five surveys open.",
        "link": "/consultations/",
    }
    preview = editor_client.post(ANNOUNCE, fields)
    content = preview.content.decode()
    assert "This goes to 2 people" in content and "Send to 2 people" in content
    assert not Item.objects.filter(kind=Item.Kind.ANNOUNCEMENT).exists() and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        sent = editor_client.post(ANNOUNCE, {**fields, "confirm": "2"})
    assert sent.status_code == 302
    assert sorted(message.to[0] for message in mail.outbox) == ["=HYPERLINK(1)@example.org", "any-ward@example.org"]
    assert mail.outbox[0].subject == "Have your say week"
    assert "Five surveys open." in mail.outbox[0].body and mail.outbox[0].extra_headers["List-Unsubscribe-Post"]
    item = Item.objects.get(kind=Item.Kind.ANNOUNCEMENT)
    assert (item.created_by.username, item.recipient_count, item.topic) == ("editor", 2, "consultations")
    log = editor_client.get(ANNOUNCE).content.decode()
    assert "Have your say week" in log and "Messages sent" in log


def test_a_confirmation_for_another_number_only_previews_again(editor_client, people):
    """If the number changed since the preview (someone joined or left), nothing is sent until
    the editor has seen the new number."""
    fields = {"topic": "consultations", "title": "T", "summary": "S", "link": ""}
    response = editor_client.post(ANNOUNCE, {**fields, "confirm": "5"})
    assert "This goes to 2 people" in response.content.decode()
    assert not Item.objects.filter(kind=Item.Kind.ANNOUNCEMENT).exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"topic": ""}, "Choose who gets the message"),
        ({"title": ""}, "Enter a title"),
        ({"title": "Two\nlines"}, "one line"),
        ({"summary": "See https://spam.example"}, "link"),
        ({"link": "https://elsewhere.example/"}, "Give a path on this site"),
        ({"title": "x" * 5000}, "150 characters or fewer"),
    ],
)
def test_a_bad_message_is_refused_with_a_reason_and_nothing_is_sent(editor_client, people, fields, message):
    data = {"topic": "events", "title": "T", "summary": "S", "link": "", **fields}
    response = editor_client.post(ANNOUNCE, {**data, "confirm": "2"})
    content = response.content.decode()
    assert response.status_code == 200 and "Nothing was sent" in content and message in content
    assert not Item.objects.filter(kind=Item.Kind.ANNOUNCEMENT).exists()


def test_data_protection_exports_addresses_logged_and_neutralised(client, people):
    client.force_login(get_user_model().objects.get(username="dataprotection"))
    confirm = client.get(reverse("subscriptions_export:index"))
    assert "A CSV of the 4 confirmed subscribers" in confirm.content.decode()
    assert not ExportLog.objects.filter(kind="Subscribers' email addresses").exists()
    response = client.post(reverse("subscriptions_export:index"))
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "any-ward@example.org" in body and "'=HYPERLINK(1)@example.org" in body
    log = ExportLog.objects.get(kind="Subscribers' email addresses")
    assert log.user.username == "dataprotection" and log.row_count == 4 and log.included_personal_data


def test_editors_cannot_export_addresses(editor_client, people):
    assert editor_client.post(reverse("subscriptions_export:index")).status_code == 403
    assert not ExportLog.objects.filter(kind="Subscribers' email addresses").exists()
