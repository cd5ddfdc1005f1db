"""factory_boy factories for the events models."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from core import models as core_models
from events import models


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    intro = "Events made by a test."

    class Meta:
        model = models.EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Test event {n}")
    slug = factory.Sequence(lambda n: f"test-event-{n}")
    summary = "An event made by a test."
    organiser = "The test team"
    venue_name = "Test hall"
    address = "1 Test Street\nLeicester"
    postcode = "LE1 1AA"
    capacity = 10
    start_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    end_at = factory.LazyAttribute(lambda o: o.start_at + timedelta(hours=2))

    class Meta:
        model = models.EventPage


class BleedKitIndexPageFactory(wagtail_factories.PageFactory):
    title = "Bleed-control kits"
    emergency_instructions = "<p>Call 999.</p>"

    class Meta:
        model = models.BleedKitIndexPage


class BleedKitFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kit {n}")
    address = "1 Test Street"
    postcode = "LE1 1AA"
    latitude = "52.63570"
    longitude = "-1.13340"
    ward = factory.LazyFunction(lambda: core_models.Ward.objects.order_by("pk").first())
    access_hours = "24 hours"

    class Meta:
        model = models.BleedKit


class BookingFactory(DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    status = models.Booking.Status.CONFIRMED
    places = 1
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.com")

    class Meta:
        model = models.Booking
