"""Atom feeds of new consultations, events and progress updates (RFC 4287), with Django's
syndication framework. Every link is on SITE_URL, as in emails. A feed is in the language of its
address (/ur/events/feed.atom): its own words (its title and subtitle, an event's date), its
link to the site, and its entries, which are the pages of that language's tree (translated where
they are) and link to them there; what editors wrote is in its own language, said by `xml:lang`
on each entry when that differs from the feed's.
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
from core.languages import language_current, languages, path_in_language
from core.links import site_url
from core.templatetags.site_tags import content_language
from events.selectors import events_newest
from strategy.selectors import progress_entries_newest

ENTRIES = 50


class _Atom1FeedWithLanguages(Atom1Feed):
    """Atom 1.0 whose entries say their language (`xml:lang`, RFC 4287 section 2) when it is not
    the feed's."""

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("content_language"):
            attributes["xml:lang"] = item["content_language"]
        return attributes

    def add_item_elements(self, handler, item):
        """The summary says its own language when it is not the entry's (a progress update's
        words, English on a translated recommendation)."""
        if not item.get("summary_language") or not item.get("description"):
            super().add_item_elements(handler, item)
            return
        super().add_item_elements(handler, {**item, "description": None})
        handler.addQuickElement("summary", item["description"], {"type": "html", "xml:lang": item["summary_language"]})


class _AtomFeed(Feed):
    """Entries' summaries are Atom's type="html": what editors typed is plain text, so it is
    escaped, and a reader shows "<" as a "<" rather than dropping it as a tag."""

    feed_type = _Atom1FeedWithLanguages
    url_name = ""

    def link(self):
        """The site's home page (the feed's alternate), in the feed's language."""
        return site_url(path_in_language("/", language_current().code))

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
        return {"content_language": language.tag if language else "", "summary_language": ""}

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
    """Each entry is the update as the recommendation's copy in the feed's language shows it:
    its title, its words and its place on that page (strategy.selectors.progress_entries_newest)."""

    url_name = "subscriptions:feed_progress"

    def title(self):
        return _("%(site)s: progress on the strategy") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("Dated progress updates on the strategy's recommendations.")

    def items(self):
        return progress_entries_newest(limit=ENTRIES)

    def item_title(self, item):
        if content_language(item.page) is not None:
            return item.page.heading  # in English, as the entry says (xml:lang)
        return f"{_('Recommendation %(label)s:') % {'label': item.page.label}} {item.page.title}"

    def content_item(self, item):
        return item.page

    def item_extra_kwargs(self, item):
        kwargs = super().item_extra_kwargs(item)
        # The update's words are English on every copy: said so where the entry is not.
        if not kwargs["content_language"] and not language_current().is_default:
            kwargs["summary_language"] = languages()[0].tag
        return kwargs

    def item_description(self, item):
        return escape(item.update.text)

    def item_link(self, item):
        return site_url(item.link)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.update.date, time(9, 0)))
