"""Staff pages of the events app: the list of events with their bookings, each event's attendee
list, its CSV export and the sign-in sheet.

Permissions are checked here, one place: AttendeesViewSet, the admin area these pages make,
lets in only those who hold the first, and the CSV asks for the second:
- `events.view_booking` (Editors, who run events, and Officers) sees the attendee list, with
  names and places, and prints the sign-in sheet, which has names and places only;
- `events.export_booking` (Officers only) also sees emails and access needs on the list and
  downloads the CSV with them, by a POST (a GET only shows the button); every download is
  logged in the export log (core/exports.py).
"""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from wagtail.admin.ui.tables import Column

from core.admin_views import export_confirm, require_permission
from core.exports import export_log_record
from core.spreadsheets import csv_stream_response
from core.viewsets import PermissionViewSet

from .models import Booking, EventPage
from .selectors import event_attendee_summary, event_attendees, events_for_staff

VIEW_PERMISSION = "events.view_booking"
EXPORT_PERMISSION = "events.export_booking"
# Whoever may download the contact details may also read them on screen; nobody else sees them.
CONTACT_PERMISSION = EXPORT_PERMISSION

# Past events on the list of events: enough to print a late sign-in sheet or check who came.
PAST_EVENTS_LISTED = 20

CSV_HEADER = ["Status", "Name", "Email", "Places", "Access needs", "Booked at", "Moved from waiting list at"]


def _local(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def events_index(request):
    """Events with their places taken and waiting list, each linking to its attendees: the way in
    for officers, who may see bookings but not the page listing, which is for page editors."""
    return TemplateResponse(
        request,
        "events/admin/event_list.html",
        {
            "upcoming": events_for_staff(),
            "past": events_for_staff(when="past")[:PAST_EVENTS_LISTED],
            "past_limit": PAST_EVENTS_LISTED,
            "page_title": "Event attendees",
            "header_icon": "group",
        },
    )


def attendees_view(request, pk: int):
    """Who is booked and who is waiting; emails and access needs only for those who may see them."""
    event = get_object_or_404(EventPage, pk=pk)
    return TemplateResponse(
        request,
        "events/admin/attendees.html",
        {
            "event": event,
            "bookings": event_attendees(event=event),
            "summary": event_attendee_summary(event=event),
            "can_export": request.user.has_perm(EXPORT_PERMISSION),
            "show_contact": request.user.has_perm(CONTACT_PERMISSION),
            "csv_url": reverse("events_attendees:csv", args=[event.pk]),
            "sheet_url": reverse("events_attendees:sheet", args=[event.pk]),
            "page_title": f"Attendees: {event.title}",
            "header_icon": "group",
        },
    )


def attendees_csv(request, pk: int):
    """The attendee list as CSV, with names and emails. Officers only; logged. A POST makes it;
    a GET only offers the button (export_confirm)."""
    require_permission(request, EXPORT_PERMISSION)
    event = get_object_or_404(EventPage, pk=pk)
    bookings = event_attendees(event=event)
    if request.method != "POST":
        count = bookings.count()
        return export_confirm(
            request,
            title=f"Download attendees: {event.title}",
            summary=f"{count:,} booking{'s' if count != 1 else ''} as CSV, with names, emails and access needs.",
            button="Download attendees (CSV)",
            back_url=reverse("events_attendees:index", args=[event.pk]),
        )
    export_log_record(
        user=request.user,
        kind="event attendees",
        filters={"event": event.pk, "event_title": event.title},
        row_count=bookings.count(),
        included_personal_data=True,
    )
    rows = (
        (
            booking.get_status_display(),
            booking.name,
            booking.email,
            booking.places,
            booking.access_needs,
            _local(booking.created_at),
            _local(booking.promoted_at),
        )
        for booking in bookings.iterator(chunk_size=500)
    )
    return csv_stream_response(filename=f"attendees-{event.slug}.csv", header=CSV_HEADER, rows=rows)


def sign_in_sheet(request, pk: int):
    """A printable sheet of the confirmed attendees, to sign on arrival: names and places only,
    since a sheet on a table at the door can be read by anyone passing."""
    event = get_object_or_404(EventPage, pk=pk)
    bookings = event_attendees(event=event).filter(status=Booking.Status.CONFIRMED).order_by("name", "pk")
    return TemplateResponse(
        request,
        "events/admin/sign_in_sheet.html",
        {"event": event, "bookings": bookings, "summary": event_attendee_summary(event=event)},
    )


class PlacesTakenColumn(Column):
    """Places taken of the capacity (and the waiting list), from the listing's annotations; a link
    to the attendee list for those who may open it."""

    cell_template_name = "events/admin/includes/places_taken_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if instance.capacity and request is not None and request.user.has_perm(VIEW_PERMISSION):
            context["attendees_url"] = reverse("events_attendees:index", args=[instance.pk])
        return context

    def get_value(self, instance):
        if not instance.capacity:
            return "No booking"
        text = f"{instance.places_taken} of {instance.capacity}"
        if instance.waiting_count:
            text += f" ({instance.waiting_count} waiting)"
        return text


class AttendeesViewSet(PermissionViewSet):
    """The events with their bookings, each event's attendees, their CSV and the sign-in sheet,
    for whoever may see bookings."""

    name = "events_attendees"
    url_prefix = "event-attendees"
    permission = VIEW_PERMISSION
    add_to_admin_menu = True
    menu_label = "Event attendees"
    icon = "group"
    menu_order = 121

    def get_routes(self):
        return [
            path("", events_index, name="events"),
            path("<int:pk>/", attendees_view, name="index"),
            path("<int:pk>/attendees.csv", attendees_csv, name="csv"),
            path("<int:pk>/sign-in-sheet/", sign_in_sheet, name="sheet"),
        ]
