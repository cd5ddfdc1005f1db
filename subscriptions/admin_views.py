"""Staff pages for subscriptions, each an admin area on core.viewsets.PermissionViewSet:

- Subscribers (Editors: `subscriptions.view_subscriber_counts`): how many people hear about
  each topic, ward and theme. Counts only: no page shows an address.
- Send a message to subscribers (Editors: `subscriptions.send_announcement`): write, preview
  the email and the number it goes to, confirm. Each message is logged (who, when, what, how
  many) and listed on the page.
- Export subscribers (Data protection: `subscriptions.export_subscriber`): a CSV of addresses
  and choices, started by a POST and written to the export log.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from core.admin_views import export_confirm
from core.exports import export_log_record
from core.spreadsheets import csv_stream_response
from core.textguard import no_links, one_line_text
from core.viewsets import PermissionViewSet

from . import services
from .models import Topic
from .selectors import announcements_recent, subscriber_count_for_topic, subscriber_counts, subscribers_for_export
from .sending import topic_label

COUNTS_PERMISSION = "subscriptions.view_subscriber_counts"
SEND_PERMISSION = "subscriptions.send_announcement"
EXPORT_PERMISSION = "subscriptions.export_subscriber"
EXPORT_KIND = "Subscribers' email addresses"


def counts(request):
    """How many people subscribe, by topic, ward and theme."""
    return TemplateResponse(
        request,
        "subscriptions/admin/counts.html",
        {
            "page_title": "Subscribers",
            "header_icon": "mail",
            "counts": subscriber_counts(),
            "can_send": request.user.has_perm(SEND_PERMISSION),
        },
    )


class AnnouncementForm(forms.Form):
    """A one-off message: a topic, a title (the subject), one line and a short text."""

    topic = forms.ChoiceField(
        choices=Topic.choices,
        label="Who gets it",
        help_text="Everyone subscribed to this topic, however they chose to filter it.",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who gets the message"},
    )
    title = forms.CharField(
        max_length=150,
        label="Title",
        help_text="The email's subject.",
        validators=[one_line_text],
        error_messages={"required": "Enter a title", "max_length": "The title must be 150 characters or fewer"},
    )
    summary = forms.CharField(
        max_length=300,
        label="One line",
        help_text="What it is about, in one sentence.",
        validators=[one_line_text, no_links],
        error_messages={"required": "Enter one line about it", "max_length": "Keep it to 300 characters or fewer"},
    )
    message = forms.CharField(
        max_length=2000,
        required=False,
        label="More (optional)",
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[no_links],
        error_messages={"max_length": "Keep it to 2,000 characters or fewer"},
    )
    link = forms.CharField(
        max_length=300,
        required=False,
        label="A page on this site to link to (optional)",
        help_text="Its path, such as /events/ or /strategy/education/.",
        error_messages={"max_length": "Keep the path to 300 characters or fewer"},
    )

    def clean_link(self):
        link = self.cleaned_data["link"].strip()
        if link and (not link.startswith("/") or link.startswith("//") or any(c.isspace() for c in link)):
            raise forms.ValidationError("Give a path on this site that starts with /, such as /events/")
        return link


def announce(request):
    """Write a message, then preview it with the number of recipients, then send."""
    form = AnnouncementForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        recipients = subscriber_count_for_topic(topic=data["topic"])
        if request.POST.get("confirm") == str(recipients) and recipients:
            item = services.announcement_send(
                user=request.user,
                topic=data["topic"],
                title=data["title"],
                summary=data["summary"],
                message=data["message"],
                link=data["link"],
            )
            messages.success(request, f"Your message is being sent to {item.recipient_count} people.")
            return redirect("subscriptions_announce:index")
        preview = {"recipients": recipients, "topic": topic_label(data["topic"]), **data}
    return TemplateResponse(
        request,
        "subscriptions/admin/announce.html",
        {
            "page_title": "Send a message to subscribers",
            "header_icon": "mail",
            "form": form,
            "preview": preview,
            "sent": announcements_recent(),
            "counts": [(label, subscriber_count_for_topic(topic=value)) for value, label in Topic.choices],
        },
    )


def _wards(subscriber) -> str:
    return "; ".join(ward.name for ward in subscriber.event_wards.all())


def _themes(subscriber) -> str:
    return "; ".join(theme.name for theme in subscriber.progress_themes.all())


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


CSV_HEADER = [
    "Email",
    "New consultations",
    "Events",
    "Events only in wards",
    "Events for",
    "Progress",
    "Progress only on themes",
    "How often",
    "Confirmed at",
]


def export(request):
    """GET: the count and a button. POST: the CSV, logged."""
    subscribers = subscribers_for_export()
    if request.method != "POST":
        return export_confirm(
            request,
            title="Export subscribers",
            summary=f"A CSV of the {subscribers.count()} confirmed subscribers' email addresses and choices.",
            button="Download CSV",
            back_url=reverse("wagtailadmin_home"),
        )
    export_log_record(
        user=request.user,
        kind=EXPORT_KIND,
        filters={"status": "confirmed"},
        row_count=subscribers.count(),
        included_personal_data=True,
    )
    rows = (
        (
            subscriber.email,
            "yes" if subscriber.consultations else "no",
            "yes" if subscriber.events else "no",
            _wards(subscriber),
            subscriber.get_event_audience_display(),
            "yes" if subscriber.progress else "no",
            _themes(subscriber),
            subscriber.get_frequency_display(),
            _when(subscriber.confirmed_at),
        )
        for subscriber in subscribers.iterator(chunk_size=500)
    )
    return csv_stream_response(
        filename=f"subscribers-{timezone.localdate():%Y-%m-%d}.csv", header=CSV_HEADER, rows=rows
    )


class SubscriberCountsViewSet(PermissionViewSet):
    name = "subscriptions_counts"
    url_prefix = "subscribers"
    permission = COUNTS_PERMISSION
    menu_label = "Subscribers"
    icon = "mail"
    menu_order = 10

    def get_routes(self):
        return [path("", counts, name="index")]


class AnnouncementViewSet(PermissionViewSet):
    name = "subscriptions_announce"
    url_prefix = "subscribers/message"
    permission = SEND_PERMISSION
    menu_label = "Send a message to subscribers"
    icon = "mail"
    menu_order = 20

    def get_routes(self):
        return [path("", announce, name="index")]


class SubscriberExportViewSet(PermissionViewSet):
    name = "subscriptions_export"
    url_prefix = "subscribers/export"
    permission = EXPORT_PERMISSION
    refuse_with_403 = True
    menu_label = "Export subscribers"
    icon = "download"
    menu_order = 30

    def get_routes(self):
        return [path("", export, name="index")]
