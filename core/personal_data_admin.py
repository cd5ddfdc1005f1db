"""The admin's Data protection area: access and erasure requests, and the logs behind them.

- Find a person (Data protection group, `core.handle_personal_data`): search by email address,
  phone number or name; every record found, kind by kind (core/personal_data.py). From there,
  download everything as a ZIP (logged in the export log), or go on to erase it: a confirmation
  page says exactly what will be removed and what will be kept and why, and erasing needs a
  tick that the records are the person's.
- Erasure log (the same group): who erased, when, by what and how many records of each kind.
- Retention runs (administrators): each daily run of the retention schedule with its counts,
  and the schedule as it stands (core/retention.py).
- A panel on the admin home with the way in, recent erasures and the last run.

What staff type about a person is only ever POSTed, never put in a URL, so it stays out of
server logs and browser history; pages that show personal data are never cached. Each area is a
core.viewsets.PermissionViewSet whose every view checks its permission first and refuses with
a 403 page (`refuse_with_403`), so staff outside the group get 403 on every part, before
anything is read or written. Registered in core/wagtail_hooks.py:
https://docs.wagtail.org/en/stable/extending/admin_views.html#using-viewset-to-group-custom-admin-views
"""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup

from .models import ErasureLog, RetentionRun
from .personal_data import (
    PERMISSION,
    RecordsChanged,
    person_build,
    personal_data_erase,
    personal_data_export_zip,
    personal_data_find,
    personal_data_fingerprint,
    personal_data_sources,
    personal_data_total,
)
from .retention import retention_rules, retention_step_labels
from .viewsets import PermissionViewSet

ADMINISTRATORS = "is_superuser"


class PersonForm(forms.Form):
    """Who the request is about. Any one is enough; a record matching any of them is found."""

    email = forms.CharField(
        label="Email address",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        help_text="Matched in any case.",
    )
    phone = forms.CharField(
        label="Phone number",
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
        help_text="Spaces, dashes and +44 do not matter.",
    )
    name = forms.CharField(
        label="Name",
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text="Their full name, or their forum display name: matched whole, in any case. Someone else with "
        "the same name is found too, so check each record.",
    )

    def clean(self):
        cleaned = super().clean()
        try:
            self.person = person_build(
                email=cleaned.get("email", ""), phone=cleaned.get("phone", ""), name=cleaned.get("name", "")
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field_name, errors in error.error_dict.items():
                    self.add_error(field_name, errors)
            else:
                raise
        return cleaned


def _page(request, template: str, context: dict, *, title: str, icon: str = "lock", status: int = 200):
    return TemplateResponse(request, template, {"page_title": title, "header_icon": icon, **context}, status=status)


def _findings_context(form: PersonForm) -> dict:
    findings = personal_data_find(person=form.person)
    return {
        "form": form,
        "person": form.person,
        "found": [finding for finding in findings if finding.rows],
        "not_found": [finding.source.label for finding in findings if not finding.rows],
        "total": personal_data_total(findings),
        "fingerprint": personal_data_fingerprint(findings),
    }


# --- Find, export, erase ------------------------------------------------------------------------


@never_cache
def find_view(request):
    """The search form; POSTed, every record found for the person, kind by kind."""
    form = PersonForm(request.POST if request.method == "POST" else None)
    context = {"form": form, "sources": personal_data_sources()}
    if form.is_bound and form.is_valid():
        context.update(_findings_context(form))
    return _page(request, "core/admin/data_protection/find.html", context, title="Find a person's data")


@never_cache
def export_view(request):
    """Everything found for the person as a ZIP download (POST). Logged in the export log."""
    if request.method != "POST":
        return redirect("data_protection:find")
    form = PersonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Search again: the details to export by were not right.")
        return redirect("data_protection:find")
    name, content = personal_data_export_zip(person=form.person, user=request.user)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _confirm_page(request, form: PersonForm, *, error: str = "", status: int = 200):
    context = _findings_context(form)
    context["error"] = error
    return _page(
        request,
        "core/admin/data_protection/erase_confirm.html",
        context,
        title="Erase this person's data",
        icon="bin",
        status=status,
    )


@never_cache
def erase_confirm_view(request):
    """What erasing would remove and what it would keep, and why (POST from the results)."""
    if request.method != "POST":
        return redirect("data_protection:find")
    form = PersonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Search again: the details to erase by were not right.")
        return redirect("data_protection:find")
    return _confirm_page(request, form)


@never_cache
@require_POST
def erase_view(request):
    """Erase what the confirmation page listed, if it is still exactly that, and log it."""
    form = PersonForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Search again: the details to erase by were not right.")
        return redirect("data_protection:find")
    if request.POST.get("confirm") != "yes":
        return _confirm_page(
            request, form, error="Tick the box to say you have checked these records are the person's.", status=400
        )
    try:
        log = personal_data_erase(
            person=form.person, user=request.user, via=ErasureLog.Via.ADMIN, expected=request.POST.get("expected", "")
        )
    except RecordsChanged:
        return _confirm_page(
            request,
            form,
            error="The records found have changed since you checked them. Nothing was erased: check them again.",
            status=409,
        )
    records = "1 record" if log.total == 1 else f"{log.total} records"
    messages.success(request, f"Erased: {records} removed or anonymised. The erasure is in the log below.")
    return redirect("data_protection_log:index")


# --- Logs -----------------------------------------------------------------------------------------


def _labelled(counts: dict, labels: dict) -> list[tuple[str, int]]:
    return [(labels.get(key, key), count) for key, count in counts.items() if count]


def erasure_log_view(request):
    """Every erasure: who, when, how, searched by what, and how many records of each kind."""
    labels = {source.key: source.label for source in personal_data_sources()}
    page = Paginator(ErasureLog.objects.select_related("user"), 50).get_page(request.GET.get("p"))
    entries = [(entry, _labelled(entry.counts, labels)) for entry in page.object_list]
    return _page(
        request,
        "core/admin/data_protection/erasure_log.html",
        {"entries": entries, "page_obj": page},
        title="Erasure log",
        icon="history",
    )


def retention_runs_view(request):
    """The schedule as it stands, and every run with what each step removed."""
    labels = retention_step_labels()
    page = Paginator(RetentionRun.objects.all(), 50).get_page(request.GET.get("p"))
    runs = [(run, _labelled(run.counts, labels)) for run in page.object_list]
    return _page(
        request,
        "core/admin/data_protection/retention_runs.html",
        {"rules": retention_rules(), "runs": runs, "page_obj": page},
        title="Retention runs",
        icon="history",
    )


# --- The ViewSets -------------------------------------------------------------------------------


class DataRequestViewSet(PermissionViewSet):
    """Find, export and erase one person's data: /admin/data-protection/."""

    name = "data_protection"
    url_prefix = "data-protection"
    permission = PERMISSION
    refuse_with_403 = True
    icon = "lock"
    menu_label = "Find a person"

    def get_routes(self):
        return [
            path("", find_view, name="find"),
            path("export/", export_view, name="export"),
            path("erase/confirm/", erase_confirm_view, name="erase_confirm"),
            path("erase/", erase_view, name="erase"),
        ]


class ErasureLogViewSet(PermissionViewSet):
    """The log of erasures: /admin/data-protection/erasures/."""

    name = "data_protection_log"
    url_prefix = "data-protection/erasures"
    permission = PERMISSION
    refuse_with_403 = True
    icon = "history"
    menu_label = "Erasure log"

    def get_routes(self):
        return [path("", erasure_log_view, name="index")]


class RetentionRunViewSet(PermissionViewSet):
    """The retention schedule's runs, for administrators: /admin/data-protection/retention-runs/."""

    name = "data_protection_retention"
    url_prefix = "data-protection/retention-runs"
    permission = ADMINISTRATORS
    refuse_with_403 = True
    icon = "history"
    menu_label = "Retention runs"

    def get_routes(self):
        return [path("", retention_runs_view, name="index")]


class DataProtectionViewSetGroup(ViewSetGroup):
    """ "Data protection" in the admin menu, shown to whoever may open one of its pages."""

    menu_label = "Data protection"
    menu_icon = "lock"
    menu_order = 890
    items = (DataRequestViewSet, ErasureLogViewSet, RetentionRunViewSet)


# --- The admin home -----------------------------------------------------------------------------


class DataProtectionPanel(Component):
    """The Data protection group's start on the admin home: the way to a request, recent
    erasures, and for administrators how the last retention run went (a stopped run shows)."""

    name = "data_protection"
    template_name = "core/admin/data_protection/home_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        since = timezone.now() - timedelta(days=30)
        return {
            "erasures": ErasureLog.objects.filter(created_at__gte=since).count(),
            "last_run": RetentionRun.objects.first() if user.is_superuser else None,
        }
