"""Dates and times as GOV.UK writes them ("6pm", "4:55am", "midday"), and as HTML's
`datetime` attribute wants them (no microseconds, which the HTML checker rejects).

Django's `date` filter writes "6:00 p.m." for "g:i A"-style formats and has no "midday"; the
GOV.UK style guide asks for "5:30pm", "6pm", "midday" and "midnight".
https://www.gov.uk/guidance/style-guide/a-to-z#times
"""

from datetime import date, datetime, time

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date

register = template.Library()


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def govuk_time(value) -> str:
    """A time of day in GOV.UK style: "6pm", "4:55am", "midday", "midnight"."""
    if not isinstance(value, datetime | time):
        return ""
    value = _local(value)
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


@register.filter
def govuk_datetime(value, date_format: str = "l j F Y") -> str:
    """A date in the given `date` format, then its time in GOV.UK style: "Friday 4 December 2026, 6pm"."""
    if not isinstance(value, datetime):
        return ""
    value = _local(value)
    return f"{format_date(value, date_format)}, {govuk_time(value)}"


@register.filter
def machine_datetime(value) -> str:
    """A `datetime` attribute: ISO 8601 to the second, with the UTC offset."""
    if isinstance(value, datetime):
        return _local(value).replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return ""
