"""Atom feeds of new consultations, events and progress updates (RFC 4287), with Django's
syndication framework. Every link is on SITE_URL, as in emails. A feed's own words (its title
and subtitle, an event's date) are in the language of its address (/ur/events/feed.atom); what
editors wrote is in its own language, said by `xml:lang` on each entry when that differs.
https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _

from consultation.selectors import surveys_newest
from core.links import site_url
from core.templatetags.site_tags import content_language
from events.selectors import events_newest
from strategy.selectors import progress_updates_newest

ENTRIES = 50


class _Atom1FeedWithLanguages(Atom1Feed):
    """Atom 1.0 whose entries say their language (`xml:lang`, RFC 4287 section 2) when it is not
    the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("content_language"):
            attributes["xml:lang"] = item["content_language"]
        return attributes


class _AtomFeed(Feed):
    """Entries' summaries are Atom's type="html": what editors typed is plain text, so it is
    escaped, and a reader shows "<" as a "<" rather than dropping it as a tag."""

    feed_type = _Atom1FeedWithLanguages
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

    def item_extra_kwargs(self, item):
        language = content_language(self.content_item(item))
        return {"content_language": language.tag if language else ""}

    def content_item(self, item):
        """The page or snippet whose words the entry shows."""
        return item

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/atom+xml; charset=utf-8"
        return response


class ConsultationsFeed(_AtomFeed):
    url_name = "subscriptions:feed_consultations"

    def title(self):
        return _("%(site)s: consultations") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("Surveys the council publishes for people to answer.")

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
        return _("%(site)s: community events") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("Community events, newest first. The calendar feed (.ics) has the same events for a calendar.")

    def items(self):
        return events_newest(limit=ENTRIES)

    def item_title(self, item):
        when = date_format(timezone.localtime(item.start_at), "j F Y")
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
        return _("%(site)s: progress on the strategy") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("Dated progress updates on the strategy's recommendations.")

    def items(self):
        return progress_updates_newest(limit=ENTRIES)

    def item_title(self, item):
        return item.page.heading

    def content_item(self, item):
        return item.page

    def item_description(self, item):
        return escape(item.text)

    def item_link(self, item):
        return site_url(f"{item.page.url or '/'}#update-{item.pk}")

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time(9, 0)))
