"""The Atom feeds parse with an independent parser (feedparser), hold what was published, link
on SITE_URL, and are offered with <link rel="alternate"> on the pages they are about; the
pages link to the sign-up form."""

import re

import feedparser
import pytest
from django.utils import timezone

from core.translations import page_translated_with
from strategy.models import RecommendationPage

pytestmark = pytest.mark.django_db


def _parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_events_feed_lists_a_new_event(client, publish_event, settings):
    event = publish_event(title="Knife amnesty drop-in")
    feed = _parsed(client, "/events/feed.atom")
    entry = feed.entries[0]
    assert entry.title.startswith("Knife amnesty drop-in (")
    assert entry.link == settings.SITE_URL + event.url
    assert entry.summary == event.summary
    assert all(e.link.startswith(settings.SITE_URL + "/") for e in feed.entries)
    assert feed.feed.links[0].href.startswith(settings.SITE_URL)


def test_the_consultations_feed_lists_a_new_survey(client, publish_survey):
    survey = publish_survey(title="Lighting in parks", intro="Where should lights go?")
    feed = _parsed(client, "/consultations/feed.atom")
    assert [(e.title, e.summary) for e in feed.entries[:1]] == [(survey.title, "Where should lights go?")]


def test_the_progress_feed_lists_the_newest_update_with_a_link_to_it(client, add_progress, settings):
    recommendation = RecommendationPage.objects.live().first()
    add_progress(recommendation, text="Forty mentors trained.", on=timezone.localdate())
    feed = _parsed(client, "/strategy/progress.atom")
    entry = feed.entries[0]
    assert entry.summary == "Forty mentors trained." and entry.title == recommendation.heading
    update = recommendation.updates.get(text="Forty mentors trained.")
    assert entry.link == f"{settings.SITE_URL}{recommendation.url}#update-{update.date:%Y-%m-%d}"
    assert f'id="update-{update.date:%Y-%m-%d}"' in client.get(recommendation.url).content.decode()


def test_feeds_escape_what_editors_typed(client, publish_event):
    publish_event(title="Fish & chips <night>", summary='Bring "friends" & <family>')
    feed = _parsed(client, "/events/feed.atom")
    assert feed.entries[0].title.startswith("Fish & chips <night>")
    assert "&amp; &lt;family&gt;" in feed.entries[0].summary  # HTML that shows the text as typed


@pytest.mark.parametrize(
    ("url", "feeds", "topic"),
    [
        ("/events/", ["/events/feed.atom"], "events"),
        ("/consultations/", ["/consultations/feed.atom"], "consultations"),
        ("/strategy/", ["/strategy/progress.atom"], "progress"),
        ("/", ["/consultations/feed.atom", "/events/feed.atom", "/strategy/progress.atom"], None),
    ],
)
def test_pages_offer_their_feeds_and_the_sign_up(client, url, feeds, topic):
    content = client.get(url).content.decode()
    for feed in feeds:
        assert '<link rel="alternate" type="application/atom+xml" title="' in content
        assert f'href="{feed}"' in content
    if topic:
        assert f'href="/subscribe/?topic={topic}"' in content
    assert '<a href="/subscribe/">Email updates</a>' in content  # the footer


def test_the_sign_up_link_from_a_page_ticks_its_topic(client):
    content = client.get("/subscribe/?topic=events").content.decode()
    assert 'name="events" id="id_events" checked' in content
    assert 'name="consultations" id="id_consultations" checked' not in content
    assert client.get("/subscribe/?topic=%00nonsense").status_code in (200, 400)


def test_a_feed_under_a_language_is_in_it_and_marks_editors_words_english(client, publish_event, settings):
    publish_event(title="Knife amnesty drop-in")
    feed = _parsed(client, "/ur/events/feed.atom")
    assert feed.feed.title == f"{settings.SITE_NAME}: کمیونٹی تقریبات"
    assert feed.feed.language == "ur"
    entry = feed.entries[0]
    assert entry.title.startswith("Knife amnesty drop-in (")
    assert client.get("/ur/events/feed.atom").content.decode().count('<entry xml:lang="en-GB">') == len(feed.entries)
    # In English the entries need no language of their own.
    assert 'xml:lang="en-GB"' not in client.get("/events/feed.atom").content.decode()


@pytest.mark.parametrize("feed_path", ["/consultations/feed.atom", "/events/feed.atom", "/strategy/progress.atom"])
def test_a_feed_under_a_language_links_to_the_site_and_its_entries_in_that_language(
    client, translated_demo, settings, feed_path
):
    feed = _parsed(client, f"/ur{feed_path}")
    links = {link.rel: link.href for link in feed.feed.links}
    assert links == {"alternate": f"{settings.SITE_URL}/ur/", "self": f"{settings.SITE_URL}/ur{feed_path}"}
    assert feed.entries
    for entry in feed.entries:
        assert entry.link.startswith(f"{settings.SITE_URL}/ur/"), entry.link
    # Each entry opens, in Urdu, and a progress update's link finds it on the page.
    entry = feed.entries[0]
    path, _, anchor = entry.link.removeprefix(settings.SITE_URL).partition("#")
    page = client.get(path)
    assert page.status_code == 200
    assert '<html lang="ur"' in page.content.decode()
    if anchor:
        assert f'id="{anchor}"' in page.content.decode()


def test_a_translated_recommendations_update_is_in_the_feed_in_that_language(client, translated_demo, settings):
    recommendation = RecommendationPage.objects.live().filter(locale=translated_demo.locale).first()
    update = recommendation.updates.create(date=timezone.localdate(), text="Forty mentors trained.")
    recommendation.save_revision().publish()
    page_translated_with(recommendation, language_code="ur", strings={recommendation.title: "اردو عنوان"})
    feed = _parsed(client, "/ur/strategy/progress.atom")
    entry = feed.entries[0]
    # The title is the translation's, in Urdu; the update's words are not translated (they are
    # the English page's on every copy), and say so.
    assert entry.title == f"سفارش {recommendation.label}: اردو عنوان"
    assert entry.summary == "Forty mentors trained."
    xml = client.get("/ur/strategy/progress.atom").content.decode()
    first = xml.split("<entry", 2)[1]
    assert first.startswith(">")  # the entry is in the feed's language
    assert '<summary type="html" xml:lang="en-GB">Forty mentors trained.</summary>' in first
    # Its link is the update on the Urdu page, which marks the update's words as English.
    path, _, anchor = entry.link.removeprefix(settings.SITE_URL).partition("#")
    assert path.startswith("/ur/") and anchor == f"update-{update.date:%Y-%m-%d}"
    html = client.get(path).content.decode()
    assert re.search(rf'id="{anchor}">.*?<p lang="en-GB" dir="ltr">Forty mentors trained.</p>', html, re.S)
    # In English, the English words, unmarked.
    english = _parsed(client, "/strategy/progress.atom").entries[0]
    assert english.title == recommendation.heading and english.summary == "Forty mentors trained."
    xml = client.get("/strategy/progress.atom").content.decode()
    assert "<entry xml:lang" not in xml and '<summary type="html" xml:lang' not in xml
