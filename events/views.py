"""Public views of the events app. Thin: forms validate, services write.

The pages' views are their routes (events/routes.py): Wagtail calls each with the page first,
then the request. Every form posts and redirects, so it works without JavaScript and Back never
books twice. Links in emails carry a signed booking id (django.core.signing): a changed link is
refused.
"""

from django.core import signing
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from core.forms import validation_error_list
from core.languages import language_code_current
from core.pagecache import kept_for_generation
from core.ratelimit import submission_limited
from core.translations import page_of_record, pages_for_visitors

from . import links, services
from .calendar import calendar_build, calendar_bytes_response, calendar_response
from .forms import BookingForm, EventFeedbackForm
from .models import BleedKitIndexPage, EventIndexPage, EventPage
from .selectors import (
    bleed_kits_by_ward,
    event_availability,
    event_list_page,
    events_for_feed,
    seconds_until_events_change,
)

BOOKED_MAX_AGE = 60 * 60


def _render(request, template, context, status=200):
    response = TemplateResponse(request, template, context, status=status)
    add_never_cache_headers(response)
    return response


def _event_context(event: EventPage, **extra) -> dict:
    return {"page": event, "self": event, **extra}


def event_index(index: EventIndexPage, request):
    """The list of events, filtered, ten to a page (cached: see EventIndexPage)."""
    response = index.render(request, context_overrides=event_list_page(index=index, params=request.GET))
    # An event moves from "upcoming" to "past" when it ends: cache no longer than that.
    seconds = seconds_until_events_change()
    if seconds is not None:
        patch_cache_control(response, max_age=max(seconds, 0))
    return response


def bleed_kits(page: BleedKitIndexPage, request):
    """The bleed-control kits by ward."""
    return page.render(request, context_overrides={"wards": bleed_kits_by_ward()})


def event_serve(event: EventPage, request):
    """The event page. GET shows it with the booking form when booking is open; POST books.

    Shown in the visitor's language tree (its translation, or its alias), but booked on the
    English event: every language's bookings count against the same places."""
    record = page_of_record(event)
    state = record.booking_state()
    availability = event_availability(event=record) if record.needs_booking else None
    places_left = availability.left if availability else 0
    limits = {"places_left": places_left or None, "limit": record.places_limit(left=places_left)}
    form = None
    closed_message = ""
    status = 200

    if request.method == "POST":
        form = BookingForm(request.POST, **limits)
        if form.is_spam():
            return HttpResponseRedirect(event.url)
        if state != "open":
            # Booking closed while they were filling the form in: say why, keep what they typed.
            closed_message = services.CLOSED_MESSAGES[state]
            form.is_valid()
            status = 409
        elif form.is_valid():
            if submission_limited(request, group="event_booking"):
                return _render(request, "429.html", {"page": event, "place": "event_booking"}, status=429)
            data = form.cleaned_data
            try:
                booking = services.booking_create(
                    event=record,
                    name=data["name"],
                    email=data["email"],
                    places=data["places"],
                    access_needs=data.get("access_needs") or "",
                    language=translation.get_language(),
                )
            except services.BookingClosed as error:
                closed_message = error.message
                status = 409
            except services.BookingError as error:
                form.add_error(error.field or None, error.message)
                availability = event_availability(event=record)
            else:
                token = signing.dumps(booking.pk, salt=links.BOOKED_SALT)
                return HttpResponseRedirect(f"{event.url}{event.reverse_subpage('booked_view')}?t={token}")
    elif state == "open":
        form = BookingForm(**limits)

    error_list = validation_error_list(form) if form is not None and form.is_bound else []
    if closed_message:
        error_list = [("", closed_message), *error_list]
    return _render(
        request,
        "events/event_page.html",
        _event_context(
            event,
            state=state,
            closed_message=closed_message or services.CLOSED_MESSAGES.get(state, ""),
            availability=availability,
            form=form,
            error_list=error_list,
        ),
        status=status,
    )


def event_booked(event: EventPage, request):
    """After booking: booked, or on the waiting list. The link is signed and short-lived."""
    booking = links.booking_from_token(token=request.GET.get("t", ""), salt=links.BOOKED_SALT, max_age=BOOKED_MAX_AGE)
    if booking is None or booking.event_id != page_of_record(event).pk:
        return HttpResponseRedirect(event.url)
    return _render(request, "events/booked.html", _event_context(event, booking=booking))


def booking_cancel_view(event: EventPage, request):
    """From the link in the confirmation email: GET asks "are you sure?", POST cancels."""
    token = request.POST.get("t") or request.GET.get("t", "")
    booking = links.booking_from_token(token=token, salt=links.CANCEL_SALT)
    if booking is None or booking.event_id != page_of_record(event).pk or booking.purged_at:
        return _render(request, "events/link_invalid.html", _event_context(event), status=400)
    done = False
    if request.method == "POST" and booking.is_active and not booking.event.is_past:
        services.booking_cancel(booking=booking)
        booking.refresh_from_db()
        done = True
    return _render(request, "events/cancel.html", _event_context(event, booking=booking, token=token, done=done))


def event_feedback_view(event: EventPage, request):
    """From the link sent after the event: one short comment, which becomes Feedback."""
    token = request.POST.get("t") or request.GET.get("t", "")
    booking = links.booking_from_token(
        token=token, salt=links.FEEDBACK_SALT, max_age=links.FEEDBACK_LINK_DAYS * 24 * 60 * 60
    )
    if booking is None or booking.event_id != page_of_record(event).pk:
        return _render(request, "events/link_invalid.html", _event_context(event), status=400)
    context = _event_context(event, token=token)
    if booking.feedback_given_at:
        return _render(request, "events/feedback_thanks.html", {**context, "already": True})
    if request.method == "POST":
        form = EventFeedbackForm(request.POST)
        if form.is_spam():
            return _render(request, "events/feedback_thanks.html", context)
        if form.is_valid():
            if submission_limited(request, group="event_feedback"):
                return _render(request, "429.html", {"page": event, "place": "event_feedback"}, status=429)
            try:
                feedback = services.event_feedback_record(
                    booking=booking, text=form.cleaned_data["comment"], language=language_code_current()
                )
            except services.FeedbackAlreadyGiven:
                return _render(request, "events/feedback_thanks.html", {**context, "already": True})
            return _render(request, "events/feedback_thanks.html", {**context, "flagged": feedback.safeguarding_flag})
    else:
        form = EventFeedbackForm()
    return _render(
        request,
        "events/feedback.html",
        {**context, "form": form, "error_list": validation_error_list(form) if form.is_bound else []},
    )


# --- Calendar files (cacheable: they carry no personal data and no form) -----------------


def event_ics(request, slug: str):
    """One event as an .ics file."""
    event = get_object_or_404(pages_for_visitors(EventPage.objects.live().public()), slug=slug)
    calendar = calendar_build([event], name=event.title, request=request)
    return calendar_response(calendar, filename=f"{event.slug}.ics")


def feed_ics(request):
    """Every upcoming event, and those of the last weeks, to subscribe to in a calendar app."""
    # Building the feed takes about a millisecond an event; it changes only when an editor
    # publishes something, which starts a new page cache generation, so it is kept for that.

    def build() -> bytes:
        index = pages_for_visitors(EventIndexPage.objects.live()).first()
        if index is None:
            raise Http404("No events")
        return calendar_build(events_for_feed(), name=index.title, request=request).to_ical()

    body = kept_for_generation(f"events:feed:{request.get_host()}", build)
    return calendar_bytes_response(body, filename="events.ics")
