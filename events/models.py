"""Community events, their bookings, and the bleed-control kit locations.

The pages are shown by views (events/views.py), which events/routes.py lists as their routes:
the views book through the services, which write these models.

Page tree (see DESIGN.md for the URL map):

    HomePage  /
      EventIndexPage  /events/              (also /events/feed.ics, served by events/urls.py)
        EventPage  /events/<slug>/          (booking form; /events/<slug>/event.ics)
      BleedKitIndexPage  /bleed-kits/

The number of places taken lives in `EventPlaces`, a row per event that the booking service
locks, with a database check that it never exceeds the capacity. It is not a page field:
publishing a revision copies every page field from the revision, which would write back an
old count.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from core.models import Theme, Ward
from core.routing import CachedViewRestrictionsMixin, LanguageTreeUrlMixin, RegisteredRoutesMixin

# Without a limit one person could book every place of an event.
DEFAULT_MAX_PLACES_PER_BOOKING = 4


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")
    YOUNG_PEOPLE = "young_people", _("Young people")
    PARENTS = "parents", _("Parents and carers")


class ThemedEvent(TaggedItemBase):
    """Links an event to its theme(s)."""

    tag = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="tagged_events")
    content_object = ParentalKey("EventPage", on_delete=models.CASCADE, related_name="themed_items")


# --- Pages --------------------------------------------------------------------------------


class EventIndexPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """The list of events: upcoming (soonest first) or past (latest first), filtered by theme,
    ward and audience with a plain GET form, ten to a page.

    It shows no places left: the list is served from the page cache, and a count there would
    go stale with every booking. The event page, which carries the booking form and is never
    cached, shows it.
    """

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1


class EventPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """One event: what, when, where, for whom, and the booking form (or the waiting list).

    Routes: the page itself (GET shows it, POST books), `booked/` (after booking),
    `cancel/` and `feedback/` (from the signed links in attendees' emails).
    Never page-cached: it carries a form and the live number of places left.
    """

    # What it is
    summary = models.TextField(help_text="One or two sentences for the list of events.")
    body = StreamField(BaseStreamBlock(), blank=True)
    themes = ClusterTaggableManager(through=ThemedEvent, blank=True, verbose_name="themes")
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.EVERYONE)
    organiser = models.CharField(max_length=200, help_text="Who runs it, such as the council or a community group.")
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    image_alt = models.CharField(
        max_length=250,
        blank=True,
        verbose_name="image description",
        help_text="Describe the image for people who cannot see it. Leave empty only if it is decorative.",
    )
    # When (entered and shown in UK time)
    start_at = models.DateTimeField(verbose_name="starts", db_index=True)
    end_at = models.DateTimeField(verbose_name="ends", db_index=True)
    # Where
    venue_name = models.CharField(max_length=200)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    ward = models.ForeignKey(Ward, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    accessibility = models.TextField(
        blank=True, verbose_name="accessibility information", help_text="Step-free access, hearing loop, toilets..."
    )
    online_url = models.URLField(blank=True, verbose_name="online link", help_text="If people can join online.")
    # Booking
    capacity = models.PositiveIntegerField(
        default=0, help_text="Places available. 0 means no booking is needed: people just come along."
    )
    max_places_per_booking = models.PositiveSmallIntegerField(
        default=DEFAULT_MAX_PLACES_PER_BOOKING,
        validators=[MinValueValidator(1)],
        verbose_name="most places in one booking",
        help_text="So that one person cannot book every place. The waiting list keeps to it too.",
    )
    booking_opens_at = models.DateTimeField(null=True, blank=True, help_text="Empty: open from publication.")
    booking_closes_at = models.DateTimeField(null=True, blank=True, help_text="Empty: open until the event starts.")
    cancelled = models.BooleanField(
        default=False, help_text="Publish with this ticked to cancel: everyone booked is emailed once."
    )
    cancellation_note = models.TextField(blank=True, help_text="Why, and what happens instead.")
    # Demo content
    is_sample = models.BooleanField(
        default=False,
        verbose_name="sample event",
        help_text="Not a real event: shown to the public as a sample.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("themes"),
        FieldPanel("audience"),
        FieldPanel("organiser"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading="Image"),
        MultiFieldPanel([FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at")])], heading="When (UK time)"),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("ward"),
                FieldPanel("accessibility"),
                FieldPanel("online_url"),
            ],
            heading="Where",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_places_per_booking")]),
                FieldRowPanel([FieldPanel("booking_opens_at"), FieldPanel("booking_closes_at")]),
            ],
            heading="Booking",
        ),
        MultiFieldPanel(
            [
                HelpPanel("Attendees are emailed once when the cancelled event is published."),
                FieldPanel("cancelled"),
                FieldPanel("cancellation_note"),
            ],
            heading="Cancelling",
        ),
        FieldPanel("is_sample"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("venue_name"),
        index.FilterField("start_at"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        permissions = [("export_booking", "Can export event attendee lists with names and emails")]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_at and self.end_at and self.end_at <= self.start_at:
            errors["end_at"] = "The event must end after it starts."
        if self.booking_opens_at and self.booking_closes_at and self.booking_closes_at <= self.booking_opens_at:
            errors["booking_closes_at"] = "Booking must close after it opens."
        if self.image_id and not self.image_alt:
            errors["image_alt"] = "Describe the image, for people who cannot see it."
        if errors:
            raise ValidationError(errors)

    # --- Booking state (the clock and the editor's settings; places live in EventPlaces)

    @property
    def where_one_line(self) -> str:
        """The venue, address and postcode on one line, for plain-text emails and calendars."""
        address = [line.strip(" ,") for line in self.address.splitlines()]
        parts = [self.venue_name, *address, self.postcode]
        return ", ".join(part for part in parts if part)

    def places_limit(self, *, left: int | None = None) -> int:
        """The most places one booking may ask for now: the event's maximum per booking, and
        no more than the places left (when there are some; a waiting list request is held to
        the maximum and the capacity)."""
        limit = min(self.max_places_per_booking, self.capacity) if self.capacity else self.max_places_per_booking
        return min(limit, left) if left else limit

    @property
    def needs_booking(self) -> bool:
        return self.capacity > 0

    @property
    def is_past(self) -> bool:
        return self.end_at <= timezone.now()

    @property
    def booking_closes(self):
        return self.booking_closes_at or self.start_at

    def booking_state(self, now=None) -> str:
        """Why booking is or is not possible now: "open", "not_needed", "cancelled", "past",
        "not_open_yet" or "closed"."""
        now = now or timezone.now()
        if self.cancelled:
            return "cancelled"
        if self.start_at <= now:
            return "past"
        if not self.needs_booking:
            return "not_needed"
        if self.booking_opens_at and now < self.booking_opens_at:
            return "not_open_yet"
        if now >= self.booking_closes:
            return "closed"
        return "open"

    @property
    def theme_list(self) -> list[Theme]:
        """The event's themes, from the prefetched through rows when there are some."""
        return [item.tag for item in self.themed_items.all()]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        add_never_cache_headers(response)
        return response


class BleedKitIndexPage(LanguageTreeUrlMixin, CachedViewRestrictionsMixin, RegisteredRoutesMixin, Page):
    """Where the emergency bleed-control kits are, by ward, and what to do in an emergency."""

    intro = models.TextField(blank=True)
    emergency_instructions = RichTextField(
        features=RICH_TEXT_FEATURES,
        help_text="What to do in an emergency: call 999 first; the call handler directs people to the kit.",
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("emergency_instructions"),
        FieldPanel("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1


# --- Bookings -----------------------------------------------------------------------------


class EventPlaces(models.Model):
    """How many places of an event are taken. The booking service locks this row; the check
    constraint means the database itself refuses a booking past the capacity."""

    event = models.OneToOneField(EventPage, on_delete=models.CASCADE, primary_key=True, related_name="places")
    capacity = models.PositiveIntegerField(default=0)
    taken = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = "event places"
        constraints = [
            models.CheckConstraint(condition=models.Q(taken__lte=models.F("capacity")), name="places_within_capacity")
        ]

    def __str__(self):
        return f"{self.taken} of {self.capacity} places"


class Booking(models.Model):
    """One person's booking of one or more places, or their place on the waiting list.

    Personal data (name, email, access needs) is kept only to run the event: it is removed the
    bookings' period (Settings > Data retention) after the event ends, by the retention schedule
    (`booking_personal_data_purge`), or on an erasure request (events/personal_data.py). Each email
    has a timestamp, so the periodic tasks send what was never sent and nothing twice.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Booked"
        WAITING = "waiting", "Waiting list"
        CANCELLED = "cancelled", "Cancelled"

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="bookings")
    status = models.CharField(max_length=10, choices=Status.choices, db_index=True)
    places = models.PositiveSmallIntegerField(default=1)
    # Personal data, removed after the event (see above)
    name = models.CharField(max_length=120)
    email = models.EmailField(blank=True)
    access_needs = models.TextField(blank=True)
    # The site language the person booked in: their emails are written in it.
    language = models.CharField(max_length=10, default=settings.LANGUAGE_CODE, editable=False)
    consent_at = models.DateTimeField(default=timezone.now)
    # What happened when
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    promoted_at = models.DateTimeField(null=True, blank=True, help_text="Moved from the waiting list.")
    cancelled_at = models.DateTimeField(null=True, blank=True)
    feedback_given_at = models.DateTimeField(null=True, blank=True)
    purged_at = models.DateTimeField(null=True, blank=True)
    # Emails sent
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    promotion_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    event_cancelled_sent_at = models.DateTimeField(null=True, blank=True)
    feedback_request_sent_at = models.DateTimeField(null=True, blank=True)
    cancellation_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="The person's own cancellation, confirmed."
    )

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(places__gte=1), name="booking_at_least_one_place")]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="booking_event_status")]

    def __str__(self):
        return f"Booking {self.pk} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


# --- Bleed-control kits (snippet) ---------------------------------------------------------


class BleedKit(TranslatableMixin, models.Model):
    """An emergency bleed-control kit in a public place: where it is and when it can be reached.

    Kits whose real location is not known (the demo's) are marked as sample locations, and
    the public page says so on each.

    Translated with wagtail-localize ("Translate" in the admin): only its name and opening
    hours are words to translate. Where it is (address, postcode, map position, ward), its
    dates and whether it is a sample are the English kit's, copied to its translations and
    not open to translators: a postal address is written as the post delivers it. The public
    page and every count read the English kits (each kit once) and take only the translated
    words from a kit's translation (events.selectors.bleed_kits_by_ward).
    """

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("access_hours"),
        SynchronizedField("address", overridable=False),
        SynchronizedField("postcode", overridable=False),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("ward", overridable=False),
        SynchronizedField("installed_on", overridable=False),
        SynchronizedField("last_checked_on", overridable=False),
        SynchronizedField("is_sample", overridable=False),
    ]

    name = models.CharField(max_length=200, help_text="Such as the building or shop it is on.")
    address = models.TextField()
    postcode = models.CharField(max_length=10)
    latitude = models.DecimalField(max_digits=8, decimal_places=5)
    longitude = models.DecimalField(max_digits=8, decimal_places=5)
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="bleed_kits")
    access_hours = models.CharField(max_length=200, help_text='Such as "24 hours" or "Shop opening hours".')
    installed_on = models.DateField(null=True, blank=True)
    last_checked_on = models.DateField(null=True, blank=True)
    is_sample = models.BooleanField(
        default=False,
        verbose_name="sample location",
        help_text="Not a real kit location: shown to the public as a sample.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldPanel("postcode"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("ward"),
        FieldPanel("access_hours"),
        FieldRowPanel([FieldPanel("installed_on"), FieldPanel("last_checked_on")]),
        FieldPanel("is_sample"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["ward__name", "name"]
        verbose_name = "bleed-control kit"

    def __str__(self):
        return self.name

    @property
    def map_url(self) -> str:
        """The kit on OpenStreetMap: a plain link, so the page itself loads nothing from there."""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )
