"""Demo events and bleed-control kits. Creates what is missing and leaves what exists alone,
so running it again changes nothing. Event dates are relative to the day the demo is seeded,
so a fresh demo always has upcoming events and one past event.

Every demo event is a sample (`is_sample`): the venues are real places, but the events are
made up, and the event page, the lists and the calendar files say so. Their text describes
what an event is for, never what anyone said at one.

The briefing says 8 kits were installed but not where: the kits here are sample locations
(real wards, made-up places), marked so on the public page.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Page

from core.models import Theme, Ward
from core.seeding import child_by_slug, publish_child
from core.translations import records_of_record

from .models import Audience, BleedKit, BleedKitIndexPage, EventIndexPage, EventPage

LONDON = ZoneInfo("Europe/London")

EVENT_INDEX = {
    "title": "Events",
    "slug": "events",
    "intro": "Public conversations, workshops and community meet-ups about keeping young people safe. "
    "Most are free; book a place so we know how many are coming.",
}

# (slug, days from today, start hour, hours long, fields)
EVENTS = [
    (
        "public-conversation-knife-crime",
        14,
        18,
        2,
        {
            "title": "Public conversation: knife crime in our city",
            "summary": "Hear what the strategy is doing and tell the partnership what would make your "
            "area safer. Open to everyone.",
            "venue_name": "Highfields Community Centre",
            "address": "96 Melbourne Road\nLeicester",
            "postcode": "LE2 0DS",
            "ward": "stoneygate",
            "audience": Audience.EVERYONE,
            "organiser": "Leicester City Council and the Violence Reduction Network",
            "capacity": 60,
            "accessibility": "Step-free access, hearing loop, accessible toilets.",
            "themes": ["communities", "partnership-working"],
        },
    ),
    (
        "knife-crime-awareness-workshop",
        21,
        16,
        2,
        {
            "title": "Knife crime awareness workshop for young people",
            "summary": "A practical, judgement-free workshop for 11 to 18 year olds: the real risks of "
            "carrying a knife, and where to get help.",
            "venue_name": "Braunstone Youth Centre",
            "address": "Cantrell Road\nLeicester",
            "postcode": "LE3 1SD",
            "ward": "braunstone-park-rowley-fields",
            "audience": Audience.YOUNG_PEOPLE,
            "organiser": "Leicester City Council youth service",
            "capacity": 25,
            "accessibility": "Ground floor, step-free. Tell us about any other needs when you book.",
            "themes": ["young-people", "education"],
        },
    ),
    (
        "community-parent-forum-meet-up",
        28,
        10,
        2,
        {
            "title": "Community Parent Forum meet-up",
            "summary": "Parents and carers meet to share worries and what works, with youth workers "
            "on hand. Tea and coffee provided.",
            "venue_name": "New Parks Library",
            "address": "Aikman Avenue\nLeicester",
            "postcode": "LE3 9PW",
            "ward": "western",
            "audience": Audience.PARENTS,
            "organiser": "Community Parent Forum",
            "capacity": 30,
            "accessibility": "Step-free access and accessible toilet. Children welcome.",
            "themes": ["communities"],
        },
    ),
    (
        "public-conversation-young-peoples-safety",
        -21,
        18,
        2,
        {
            "title": "Public conversation: young people's safety",
            "summary": "A public conversation about what keeps young people safe after school. Open to everyone.",
            "venue_name": "Belgrave Neighbourhood Centre",
            "address": "Rothley Street\nLeicester",
            "postcode": "LE4 6LF",
            "ward": "belgrave",
            "audience": Audience.EVERYONE,
            "organiser": "Leicester City Council",
            "capacity": 50,
            "accessibility": "Step-free access, hearing loop.",
            "themes": ["young-people", "communities"],
        },
    ),
]

BLEED_KIT_INDEX = {
    "title": "Bleed-control kits",
    "slug": "bleed-kits",
    "intro": "Emergency bleed-control kits are installed in public places across the city, with "
    "the ambulance service. They hold what you need to stop serious bleeding until help arrives.",
    "emergency_instructions": (
        "<p><b>Call 999 first.</b> Tell the call handler where you are and that someone is bleeding "
        "heavily.</p><p>The call handler will tell you where the nearest kit is, give you the code "
        "to open it if it is locked, and talk you through using it until the ambulance arrives.</p>"
        "<p>Press firmly on the wound. Do not remove anything stuck in it.</p>"
    ),
}

# Sample locations: real wards, places chosen for the demonstration only.
BLEED_KITS = [
    ("Sample kit: Clock Tower", "Clock Tower, Haymarket", "LE1 1AA", "52.63570", "-1.13340", "castle"),
    ("Sample kit: Belgrave Road shops", "Belgrave Road", "LE4 5AS", "52.65140", "-1.12810", "belgrave"),
    ("Sample kit: Braunstone Gate", "Braunstone Gate", "LE3 5LH", "52.63210", "-1.14900", "westcotes"),
    ("Sample kit: Narborough Road", "Narborough Road", "LE3 0BQ", "52.62480", "-1.15420", "westcotes"),
    ("Sample kit: Highfields", "Melbourne Road", "LE2 0DS", "52.63250", "-1.11460", "stoneygate"),
    ("Sample kit: Beaumont Leys centre", "Beaumont Way", "LE4 1DS", "52.67480", "-1.16320", "beaumont-leys"),
    ("Sample kit: Saffron Lane", "Saffron Lane", "LE2 6UH", "52.60770", "-1.13700", "saffron"),
    ("Sample kit: Uppingham Road", "Uppingham Road", "LE5 4DH", "52.64300", "-1.09160", "humberstone-hamilton"),
]


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour), tzinfo=LONDON)


def events_seed(*, home: Page) -> EventIndexPage:
    index = child_by_slug(home, EVENT_INDEX["slug"])
    if index is None:
        index = publish_child(home, EventIndexPage(show_in_menus=True, **EVENT_INDEX))
    for slug, days, hour, hours, fields in EVENTS:
        existing = child_by_slug(index, slug)
        if existing is not None:
            # Demo events seeded before they were marked as samples, still as seeded.
            if not existing.is_sample and existing.venue_name == fields["venue_name"]:
                existing.is_sample = True
                existing.save_revision().publish()
            continue
        fields = dict(fields)
        themes = list(Theme.objects.filter(slug__in=fields.pop("themes")))
        ward = Ward.objects.filter(slug=fields.pop("ward")).first()
        start = _at(days, hour)
        event = EventPage(
            slug=slug, ward=ward, start_at=start, end_at=start + timedelta(hours=hours), is_sample=True, **fields
        )
        event.themes.add(*themes)
        publish_child(index, event)
    return index


def bleed_kits_seed(*, home: Page) -> None:
    if child_by_slug(home, BLEED_KIT_INDEX["slug"]) is None:
        publish_child(home, BleedKitIndexPage(show_in_menus=True, **BLEED_KIT_INDEX))
    for name, address, postcode, latitude, longitude, ward_slug in BLEED_KITS:
        ward = Ward.objects.filter(slug=ward_slug).first()
        if ward is None or records_of_record(BleedKit.objects.filter(name=name)).exists():
            continue
        BleedKit.objects.create(
            name=name,
            address=f"{address}\nLeicester",
            postcode=postcode,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
            ward=ward,
            access_hours="24 hours",
            is_sample=True,
        )


def demo_seed(*, home: Page) -> None:
    events_seed(home=home)
    bleed_kits_seed(home=home)
