"""A NUL character anywhere a request carries text is never a 500 and never reaches the database.

The tests run on SQLite, which stores NUL without a murmur; PostgreSQL refuses it ("A string
literal cannot contain NUL (0x00) characters"), which in production is a 500. So every test
here runs with `nul_refusing_database`: any query or save that carries a NUL fails as it
would on PostgreSQL.
"""

import copy
import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError, connection, transaction
from django.db.models import Model
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

pytestmark = pytest.mark.django_db

NUL = "\x00"
ROOT = Path(__file__).resolve().parents[2]
PROJECT_APPS = ("config", "consultation", "events", "forum", "localpicture", "strategy", "subscriptions")


def _carries_nul(value) -> bool:
    if isinstance(value, str):
        return NUL in value
    if isinstance(value, list | tuple | set):
        return any(_carries_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_carries_nul(item) for item in [*value.keys(), *value.values()])
    return False


@pytest.fixture
def nul_refusing_database():
    """Make the test database refuse NUL the way PostgreSQL does. Yields the refused queries."""
    refused = []

    def refuse_nul(execute, sql, params, many, context):
        if _carries_nul(sql) or _carries_nul(params):
            refused.append(sql)
            raise DataError("A string literal cannot contain NUL (0x00) characters.")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_nul):
        yield refused


# --- Walking the URL map -------------------------------------------------------------------------


def _names_read_from_requests() -> set[str]:
    """Every parameter a view of ours reads straight from request.GET or request.POST."""
    names = set()
    for app in PROJECT_APPS:
        for file in (ROOT / app).rglob("*.py"):
            names.update(re.findall(r"request\.(?:GET|POST)\.get(?:list)?\(\s*\"([^\"]+)\"", file.read_text()))
    return names | {"q", "p", "page"}


def _url_patterns(resolver=None, prefix="", namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                ":".join(part for part in (namespace, pattern.namespace) if part) if pattern.namespace else namespace
            )
            yield from _url_patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace, pattern


class _Forms(HTMLParser):
    """The forms of a page: action, method and every named field with its value."""

    def __init__(self):
        super().__init__()
        self.forms, self._current, self._select = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._current = {"action": attrs.get("action") or "", "method": (attrs.get("method") or "get").lower()}
            self._current["fields"], self._current["files"] = {}, []
            self.forms.append(self._current)
        elif self._current is None or not attrs.get("name"):
            return
        elif tag == "input" and attrs.get("type") == "file":
            self._current["files"].append(attrs["name"])
        elif tag in ("input", "textarea", "button"):
            self._current["fields"].setdefault(attrs["name"], attrs.get("value") or "")
        elif tag == "select":
            self._select = attrs["name"]
            self._current["fields"].setdefault(attrs["name"], "")
        if tag == "option" and self._current is not None and self._select and attrs.get("value"):
            self._current["fields"][self._select] = self._current["fields"][self._select] or attrs["value"]

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


def _html_of(response) -> str:
    """The HTML of a page, or of an admin modal (JSON with the HTML in it)."""
    content_type = response.get("Content-Type", "")
    if "html" in content_type:
        return response.content.decode()
    if "json" in content_type:
        found = json.loads(response.content)
        return found.get("html") or "" if isinstance(found, dict) else ""
    return ""


def _first_pk(model_or_queryset):
    queryset = getattr(model_or_queryset, "_default_manager", model_or_queryset)
    return queryset.order_by("pk").values_list("pk", flat=True).first()


def _arg_values(route: str, namespace: str, pattern: URLPattern) -> list[dict] | None:
    """Path arguments for a route, taken from the demo content; None when they cannot be filled."""
    from consultation.models import ExportJob, Feedback, PinnedQuote, SurveyPage
    from events.models import EventPage
    from forum.models import Category, Member, Post
    from localpicture.models import PoliceImport

    page = SurveyPage.objects.live().first()
    post = Post.objects.filter(author__user__username="parent1").order_by("pk").first()
    view_model = getattr(getattr(pattern.callback, "view_class", None), "model", None)
    if not (isinstance(view_model, type) and issubclass(view_model, Model)):
        view_model = None
    by_name = {
        "page_id": page.pk,
        "parent_page_id": page.get_parent().pk,
        "page_pk": page.pk,
        "destination_id": page.get_parent().pk,
        "page_to_move_id": page.pk,
        "revision_id": page.revisions.order_by("pk").values_list("pk", flat=True).last(),
        "app_label": "consultation",
        "app_name": "consultation",
        "content_type_app_name": "consultation",
        "model_name": "feedback",
        "content_type_model_name": "feedback",
        "file_format": "csv",
        "token": "not-a-token",
        "slug": Category.objects.order_by("pk").first().slug,
    }
    per_namespace = {
        "consultation_safeguarding": _first_pk(Feedback.objects.filter(safeguarding_flag=True)),
        "consultation_exports": _first_pk(ExportJob.objects),
        "consultation_results": page.pk,
        "consultation_feedback_actions": _first_pk(Feedback),
        "consultation_feedback_redact": _first_pk(Feedback),
        "events_attendees": EventPage.objects.live().values_list("pk", flat=True).first(),
        "localpicture_imports": _first_pk(PoliceImport),
        "wagtailadmin_pages": page.pk,
    }
    pk_by_route = {
        "admin/feedback-quotes/unpin/": _first_pk(PinnedQuote),
        "admin/feedback-quotes/": _first_pk(Feedback.objects.filter(survey__isnull=False, safeguarding_flag=False)),
        "admin/forum/members/": _first_pk(Member),
        "admin/forum/posts/": post.pk,
        "forum/t/": post.thread_id,
        "forum/p/": post.pk,
    }
    actions = {
        "admin/forum/members/": ["approve", "decline", "suspend", "reinstate", "access"],
        "admin/forum/posts/": ["approve", "hide", "restore", "close_reports", "lock", "pin"],
        "admin/feedback-actions/": ["accept", "reviewed"],
    }
    kwargs, choices = {}, {}
    for _converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        value = by_name.get(name)
        if name in ("pk", "object_id", "id"):
            value = next((pk for start, pk in pk_by_route.items() if route.startswith(start)), None)
            value = value or per_namespace.get(namespace)
            if value is None and namespace.startswith("wagtailsnippets_"):
                app_label, model_name = namespace.removeprefix("wagtailsnippets_").split("_", 1)
                value = _first_pk(apps.get_model(app_label, model_name))
            if value is None and view_model is not None:
                value = _first_pk(view_model)
        elif name in ("action", "action_name"):
            choices[name] = next((values for start, values in actions.items() if route.startswith(start)), None)
            if choices[name] is None:
                return None
            continue
        if value is None:
            return None
        kwargs[name] = value
    if not choices:
        return [kwargs]
    (name, values), *_ = choices.items()
    return [{**kwargs, name: value} for value in values]


def _concrete_urls() -> tuple[list[str], list[str]]:
    """Every URL pattern made concrete with demo content, and the patterns that could not be."""
    urls, unfilled = [], []
    for route, namespace, pattern in _url_patterns():
        if pattern.name == "wagtail_serve" or route == "admin/failwhale/":
            continue  # the pages are below; the "failwhale" is Wagtail's deliberate 500 page
        if re.search(r"[\^$\\(]", route):
            unfilled.append(route)
            continue
        filled = _arg_values(route, namespace, pattern)
        if filled is None:
            unfilled.append(route)
            continue
        for kwargs in filled:
            url = "/" + route
            for name, value in kwargs.items():
                url = re.sub(rf"<(?:\w+:)?{name}>", str(value), url)
            urls.append(url)
    # Aliases in the other languages' trees are the English pages again (core/translations.py).
    for page in Page.objects.live().filter(alias_of__isnull=True).specific():
        url = page.url
        if url is None:
            continue
        urls.append(url)
        if isinstance(page, RoutablePageMixin):
            for route in page.get_resolver().url_patterns:
                kwargs = dict.fromkeys(route.pattern.converters, 1)
                try:
                    urls.append(url.rstrip("/") + "/" + page.reverse_subpage(route.name, kwargs=kwargs).lstrip("/"))
                except NoReverseMatch:
                    unfilled.append(f"{url} {route.name}")
    return sorted(set(urls)), unfilled


def _client_for(url, clients):
    if url.startswith("/admin/"):
        return clients["admin"]
    if url.startswith(("/forum/", "/accounts/")):
        return clients["member"]
    return clients["anonymous"]


def _nul_post(client, url, fields: dict, files: list[str]):
    data = {name: f"{value}{NUL}" for name, value in fields.items()}
    data[f"extra{NUL}"] = NUL
    for name in files:
        data[name] = SimpleUploadedFile(f"upload{NUL}.csv", b"source,date,ward,age_band,text\r\nx,y,,,\x00\r\n")
    cache.clear()  # so rate limits never stand in for the form's own checks
    cookies = copy.deepcopy(client.cookies)
    with transaction.atomic():
        response = client.post(url, data)
        transaction.set_rollback(True)
    client.cookies = cookies  # whatever the post did (deleting an account, say) is undone
    return response


def test_nul_in_every_query_parameter_and_form_field_is_never_a_500(django_user_model, nul_refusing_database):
    """Walk the URL map: every pattern (filled from the demo content) and every live page with
    its sub-routes. GET each with a NUL in every parameter our views read, and POST a NUL into
    every field of every form on it (and into every parameter our views read from a POST)."""
    from django.test import Client

    from consultation.models import ExportJob, SurveyPage
    from consultation.services import quote_pin
    from core.models import Theme
    from localpicture.models import PoliceImport
    from tests.consultation.factories import FeedbackFactory

    # So that the pages for one safeguarding alert and one police import have something to show.
    FeedbackFactory(safeguarding_flag=True)
    # And a piece of survey feedback with a theme, to pin a quote from, and a pinned quote.
    theme = Theme.objects.get(slug="communities")
    for text in ("Neighbours look out for each other", "More lights on the towpath"):
        quotable = FeedbackFactory(source="survey", survey=SurveyPage.objects.live().first(), text=text)
        quotable.themes.add(theme)
    quote_pin(feedback=quotable, theme=theme, user=django_user_model.objects.get(username="admin"))
    PoliceImport.objects.create(status=PoliceImport.Status.DONE)
    ExportJob.objects.create(user=django_user_model.objects.get(username="admin"), format="csv")
    clients = {"admin": Client(), "member": Client(), "anonymous": Client()}
    clients["admin"].force_login(django_user_model.objects.get(username="admin"))
    clients["member"].force_login(django_user_model.objects.get(username="parent1"))
    for client in clients.values():
        client.raise_request_exception = False
    names = _names_read_from_requests()
    urls, unfilled = _concrete_urls()

    ours = [route for route in unfilled if not route.startswith(("admin/", "accounts/", "documents/", "_util/"))]
    ours += [
        route
        for route in unfilled
        # "loc": the local picture's; wagtail-localize's own (localize/, locales/) are not ours.
        if re.match(r"admin/(safeguarding|survey-results|feedback|event-|forum|loc(?!alize/|ales/))", route)
    ]
    assert not ours, f"these routes of ours were not walked: {ours}"
    assert len(urls) > 200, urls

    failures = []
    for url in urls:
        client = _client_for(url, clients)
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"GET {url} (without a NUL): {response.status_code}")
        forms = _Forms()
        if response.status_code == 200:
            forms.feed(_html_of(response))
        query_names = names.union(*(form["fields"] for form in forms.forms if form["method"] == "get"))
        response = client.get(f"{url}?{urlencode(dict.fromkeys(query_names, NUL) | {NUL: 'x'})}")
        if response.status_code >= 500:
            failures.append(f"GET {url} with NUL parameters: {response.status_code}")
        targets = [form for form in forms.forms if form["method"] == "post"] or [
            {"action": url, "fields": {}, "files": []}
        ]
        for form in targets:
            action = urlsplit(form["action"]).path or url
            if not action.startswith("/") or "logout" in action:
                continue
            fields = dict.fromkeys(names, "") | form["fields"]
            response = _nul_post(client, action, fields, form["files"])
            if response.status_code >= 500:
                failures.append(f"POST {action} (a form on {url}): {response.status_code}")
    assert not failures, "\n".join(failures)
    assert not nul_refusing_database


# --- The places the attack found -----------------------------------------------------------------


def test_search_refuses_a_nul_with_a_message(client, nul_refusing_database):
    response = client.get("/search/?q=%00")

    assert response.status_code == 400
    assert "a character in it that we cannot read" in response.content.decode()


def test_feedback_export_filter_with_a_nul_is_refused(admin_client, nul_refusing_database):
    response = admin_client.get("/admin/feedback-exports/csv/?q=%00")

    assert response.status_code == 400


def test_survey_final_post_with_a_nul_token_is_not_a_500(client, nul_refusing_database):
    from consultation.models import SurveyPage

    survey = SurveyPage.objects.live().first()
    url = survey.url.rstrip("/") + "/" + survey.reverse_subpage("check_route").lstrip("/")

    response = client.post(url, {"token": NUL})

    assert response.status_code == 302
    assert not nul_refusing_database


def test_safeguarding_note_with_a_nul_is_saved_without_it(admin_client, nul_refusing_database):
    from tests.consultation.factories import FeedbackFactory

    feedback = FeedbackFactory(safeguarding_flag=True)

    response = admin_client.post(f"/admin/safeguarding/{feedback.pk}/", {"note": f"Called the school{NUL}."})

    assert response.status_code == 302
    feedback.refresh_from_db()
    assert feedback.safeguarding_note == "Called the school."


@pytest.mark.parametrize("action", ["suspend", "hide"])
def test_moderator_reason_with_a_nul_is_kept_without_it(admin_client, nul_refusing_database, action):
    from forum.models import ModerationAction, Post

    post = Post.objects.filter(author__user__username="parent1").order_by("pk").first()
    url = (
        f"/admin/forum/members/{post.author_id}/suspend/"
        if action == "suspend"
        else f"/admin/forum/posts/{post.pk}/hide/"
    )

    response = admin_client.post(url, {"reason": f"Broke the house rules{NUL}"})

    assert response.status_code == 302
    assert ModerationAction.objects.filter(reason="Broke the house rules").exists()


def test_uploaded_file_name_with_a_nul_is_cleaned(admin_client, nul_refusing_database):
    upload = SimpleUploadedFile(f"feedback{NUL}.csv", b"source,date,ward,age_band,text\r\n")

    response = admin_client.post("/admin/feedback-offline/upload/", {"file": upload})

    assert response.status_code == 400


def _csv_upload(rows: list[list[str]]) -> SimpleUploadedFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["source", "date", "ward", "age_band", "text"])
    writer.writerows(rows)
    return SimpleUploadedFile("feedback.csv", out.getvalue().encode())


def test_offline_csv_with_a_nul_is_refused_with_its_line(admin_client, nul_refusing_database):
    from consultation.models import Feedback

    before = Feedback.objects.count()
    upload = _csv_upload([["event", "2024-05-01", "", "", "Fine"], ["event", "2024-05-01", "", "", f"More{NUL}lights"]])

    response = admin_client.post("/admin/feedback-offline/upload/", {"file": upload})

    assert response.status_code == 400
    assert "Line 3: the file has a null character in it" in response.content.decode()
    assert Feedback.objects.count() == before


def test_offline_csv_with_an_overlong_value_is_refused_with_its_line(admin_client, nul_refusing_database):
    from consultation.models import Feedback

    before = Feedback.objects.count()
    upload = _csv_upload([["event", "2024-05-01", "", "", "x" * 131_073]])

    response = admin_client.post("/admin/feedback-offline/upload/", {"file": upload})

    assert response.status_code == 400
    assert "Line 2: a value is far longer than the 5,000 characters" in response.content.decode()
    assert Feedback.objects.count() == before


def test_a_cookie_with_a_nul_is_ignored(client, nul_refusing_database):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"

    response = client.get(reverse("search"))

    assert response.status_code == 200
