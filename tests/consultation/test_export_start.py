"""Starting an export is a POST with the CSRF token: a link from another site cannot start a
background job, write the export log or send an email. Every place an export starts is here:
the feedback list's CSV and Excel (at once, or as a background job), a survey's responses and
an event's attendees. Downloading a finished background file stays a GET."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from consultation.models import ExportJob, Feedback, SurveyPage
from core.models import ExportLog
from events.models import EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def start_urls():
    Feedback.objects.create(source="event", text="Better street lighting")
    survey = SurveyPage.objects.get(slug="feeling-safe-where-you-live")
    event = EventPage.objects.live().first()
    return {
        "feedback csv": "/admin/feedback-exports/csv/?source=event",
        "feedback xlsx": "/admin/feedback-exports/xlsx/",
        "survey responses": f"/admin/survey-results/{survey.pk}/responses.csv",
        "event attendees": f"/admin/event-attendees/{event.pk}/attendees.csv",
    }


EXPORTS = ["feedback csv", "feedback xlsx", "survey responses", "event attendees"]


@pytest.fixture(params=[False, True], ids=["at once", "in the background"])
def background(request, settings):
    """The feedback export runs as a job above EXPORT_SYNC_LIMIT rows: check both ways."""
    if request.param:
        settings.EXPORT_SYNC_LIMIT = 0
    return request.param


def _officer_client() -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="officer"))
    return client


def _nothing_started():
    return not ExportLog.objects.exists() and not ExportJob.objects.exists() and not mail.outbox


@pytest.mark.parametrize("export", EXPORTS)
def test_a_get_only_shows_a_button_that_posts(export, start_urls, background, django_capture_on_commit_callbacks):
    client = _officer_client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(start_urls[export])
    html = response.content.decode()
    assert response.status_code == 200
    assert not response.has_header("Content-Disposition")
    assert re.search(r'<form method="post" action="[^"]+"', html)
    assert 'name="csrfmiddlewaretoken"' in html
    assert _nothing_started()


@pytest.mark.parametrize("export", EXPORTS)
def test_a_post_without_the_csrf_token_is_refused(export, start_urls, background, django_capture_on_commit_callbacks):
    client = _officer_client()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(start_urls[export])
    assert response.status_code == 403
    assert _nothing_started()


@pytest.mark.parametrize("export", EXPORTS)
def test_the_confirm_pages_button_exports(export, start_urls, background, django_capture_on_commit_callbacks):
    client = _officer_client()
    html = client.get(start_urls[export]).content.decode()
    action = re.search(r'<form method="post" action="([^"]+)"', html)[1].replace("&amp;", "&")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action, {"csrfmiddlewaretoken": token})
    if background and export.startswith("feedback"):
        assert response.status_code == 302
        job = ExportJob.objects.get()
        assert job.status == ExportJob.Status.DONE and job.filters == ({"source": "event"} if "csv" in export else {})
        assert len(mail.outbox) == 1
        assert client.get(f"/admin/feedback-exports/download/{job.pk}/").status_code == 200
    else:
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert ExportLog.objects.count() == 1


def test_the_admin_pages_start_exports_with_forms_not_links(start_urls):
    client = _officer_client()
    survey = SurveyPage.objects.get(slug="feeling-safe-where-you-live")
    event = EventPage.objects.live().first()
    for page, url in (
        (f"/admin/survey-results/{survey.pk}/", start_urls["survey responses"]),
        (f"/admin/event-attendees/{event.pk}/", start_urls["event attendees"]),
    ):
        html = client.get(page).content.decode()
        assert f'<form method="post" action="{url}">' in html
        assert f'href="{url}"' not in html
