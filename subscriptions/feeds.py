"""Atom feeds of new consultations, events and progress updates (RFC 4287), with Django's
syndication framework. Every link is on SITE_URL, as in emails.
https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from consultation.selectors import surveys_newest
from core.links import site_url
from events.selectors import events_newest
from strategy.selectors import progress_updates_newest

ENTRIES = 50


class _AtomFeed(Feed):
    """Entries' summaries are Atom's type="html": what editors typed is plain text, so it is
    escaped, and a reader shows "<" as a "<" rather than dropping it as a tag."""

    feed_type = Atom1Feed
    url_name = ""

    def link(self):
        return site_url("/")

    def feed_url(self):
        return site_url(reverse(self.url_name))

    def feed_guid(self):
        return self.feed_url()

    def author_name(self):
        return settings.SITE_NAME

    def item_author_name(self, item):
        return settings.SITE_NAME

    def item_link(self, item):
        return site_url(item.url or "/")

    def item_title(self, item):
        return item.title

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response


class ConsultationsFeed(_AtomFeed):
    url_name = "subscriptions:feed_consultations"

    def title(self):
        return f"{settings.SITE_NAME}: consultations"

    def subtitle(self):
        return "Surveys the council publishes for people to answer."

    def items(self):
        return surveys_newest(limit=ENTRIES)

    def item_description(self, item):
        return escape(item.intro)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


class EventsFeed(_AtomFeed):
    url_name = "subscriptions:feed_events"

    def title(self):
        return f"{settings.SITE_NAME}: community events"

    def subtitle(self):
        return "Community events, newest first. The calendar feed (.ics) has the same events for a calendar."

    def items(self):
        return events_newest(limit=ENTRIES)

    def item_title(self, item):
        when = timezone.localtime(item.start_at).strftime("%-d %B %Y")
        return f"{item.title} ({when})"

    def item_description(self, item):
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at or item.first_published_at


class ProgressFeed(_AtomFeed):
    url_name = "subscriptions:feed_progress"

    def title(self):
        return f"{settings.SITE_NAME}: progress on the strategy"

    def subtitle(self):
        return "Dated progress updates on the strategy's recommendations."

    def items(self):
        return progress_updates_newest(limit=ENTRIES)

    def item_title(self, item):
        return item.page.heading

    def item_description(self, item):
        return escape(item.text)

    def item_link(self, item):
        return site_url(f"{item.page.url or '/'}#update-{item.pk}")

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))
