"""A person who cancels their own booking is emailed a confirmation, once (the timestamp is the
claim). Bookings cancelled before this change are marked as already confirmed, so nobody gets
a late email about a cancellation long past."""

from django.db import migrations, models
from django.db.models import F


def mark_past_cancellations(apps, schema_editor):
    Booking = apps.get_model("events", "Booking")
    Booking.objects.filter(status="cancelled").update(cancellation_sent_at=F("cancelled_at"))


class Migration(migrations.Migration):
    dependencies = [("events", "0003_eventpage_max_places_per_booking_and_sample")]

    operations = [
        migrations.AddField(
            model_name="booking",
            name="cancellation_sent_at",
            field=models.DateTimeField(blank=True, null=True, help_text="The person's own cancellation, confirmed."),
        ),
        migrations.RunPython(mark_past_cancellations, migrations.RunPython.noop),
    ]
