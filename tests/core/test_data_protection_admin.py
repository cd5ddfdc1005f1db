"""The admin's Data protection area (core/personal_data_admin.py): the Data protection group
finds, exports and erases one person's data; every other staff group gets 403 on every part;
the retention runs and settings are for administrators."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from consultation.models import ContactRequest
from core.models import ErasureLog, ExportLog, RetentionRun
from core.retention import retention_apply
from forum.models import Member

from .conftest import EMAIL, NAME, PHONE

pytestmark = pytest.mark.django_db

OTHER_STAFF = ["editor", "officer", "moderator", "safeguarding"]
PERSON = {"email": EMAIL, "phone": "", "name": ""}


@pytest.fixture
def login(client):
    def sign_in(username):
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return sign_in


def _every_part(client, expected=None):
    """Each part of the tool, as the person using it would reach it: (name, response)."""
    yield "find page", client.get(reverse("data_protection:find"))
    yield "find", client.post(reverse("data_protection:find"), PERSON)
    yield "export", client.post(reverse("data_protection:export"), PERSON)
    yield "export by GET", client.get(reverse("data_protection:export"))
    yield "erase confirmation", client.post(reverse("data_protection:erase_confirm"), PERSON)
    yield (
        "erase",
        client.post(reverse("data_protection:erase"), {**PERSON, "confirm": "yes", "expected": expected or ""}),
    )
    yield "erasure log", client.get(reverse("data_protection_log:index"))


@pytest.mark.parametrize("username", OTHER_STAFF)
def test_staff_outside_the_group_get_403_on_every_part(login, username, sam):
    client = login(username)
    for part, response in _every_part(client):
        assert response.status_code == 403, f"{username}: {part} answered {response.status_code}"
    assert ContactRequest.objects.filter(pk=sam.contact.pk).exists()
    assert Member.objects.get(pk=sam.member.pk).user_id is not None
    assert not ErasureLog.objects.exists()
    assert not ExportLog.objects.filter(kind__startswith="Personal data").exists()


@pytest.mark.parametrize("username", [*OTHER_STAFF, "dataprotection"])
def test_retention_runs_and_settings_are_for_administrators_only(login, username):
    client = login(username)
    assert client.get(reverse("data_protection_retention:index")).status_code == 403
    settings_page = client.get("/admin/settings/core/dataretentionsettings/", follow=True)
    assert settings_page.redirect_chain[-1][0].split("?")[0] in ("/admin/", "/admin/login/") or (
        settings_page.status_code == 403
    )


@pytest.mark.parametrize("username", OTHER_STAFF)
def test_the_menu_offers_data_protection_only_to_those_it_lets_in(login, username):
    assert "Find a person" not in login(username).get("/admin/").content.decode()
    menu = login("dataprotection").get("/admin/").content.decode()
    assert "Find a person" in menu and "Erasure log" in menu and "Retention runs" not in menu


def test_the_group_finds_everything_about_the_person(login, sam):
    html = login("dataprotection").post(reverse("data_protection:find"), {"email": EMAIL, "phone": PHONE, "name": NAME})
    content = html.content.decode()
    assert html.status_code == 200 and html["Cache-Control"].startswith("max-age=0")
    for label in (
        "Contact details left with a survey or youth voice answer (1)",
        "Event bookings (2)",
        "Feedback after an event (1)",
        "Parent forum account (1)",
        "Request to join the parent forum (1)",
        "Parent forum email settings (1)",
        "Parent forum posts (2)",
        "Posts they reported to the moderators (1)",
    ):
        assert label in content
    assert f'value="{EMAIL}"' in content, "what was typed is kept in the form"


def test_a_bad_email_comes_back_with_a_message(login):
    response = login("dataprotection").post(reverse("data_protection:find"), {"email": "sam at example"})
    assert response.status_code == 200 and "is not an email address" in response.content.decode()
    empty = login("dataprotection").post(reverse("data_protection:find"), {"email": "", "phone": "", "name": ""})
    assert "Give an email address, a phone number or a name." in empty.content.decode()


def test_the_group_downloads_a_zip_and_the_export_is_logged(login, sam):
    response = login("dataprotection").post(reverse("data_protection:export"), PERSON)
    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"] and EMAIL not in response["Content-Disposition"]
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "summary.html" in names and "forum.posts.json" in names
    entry = ExportLog.objects.latest("created_at")
    assert entry.user.username == "dataprotection" and entry.included_personal_data


def test_the_confirmation_says_what_goes_and_what_stays_and_changes_nothing(login, sam):
    content = login("dataprotection").post(reverse("data_protection:erase_confirm"), PERSON).content.decode()
    assert "Removed:" in content and "Kept:" in content
    assert "attendance figures" in content and "Former member" in content
    assert ContactRequest.objects.filter(pk=sam.contact.pk).exists()


def test_erasing_needs_the_tick_and_the_list_that_was_confirmed(login, sam):
    client = login("dataprotection")
    confirm = client.post(reverse("data_protection:erase_confirm"), PERSON)
    fingerprint = confirm.context["fingerprint"]
    unticked = client.post(reverse("data_protection:erase"), {**PERSON, "expected": fingerprint})
    assert unticked.status_code == 400 and "Tick the box" in unticked.content.decode()
    stale = client.post(reverse("data_protection:erase"), {**PERSON, "confirm": "yes", "expected": "stale"})
    assert stale.status_code == 409 and "Nothing was erased" in stale.content.decode()
    assert ContactRequest.objects.filter(pk=sam.contact.pk).exists()

    done = client.post(reverse("data_protection:erase"), {**PERSON, "confirm": "yes", "expected": fingerprint})
    assert done.status_code == 302 and done["Location"] == reverse("data_protection_log:index")
    assert not ContactRequest.objects.filter(pk=sam.contact.pk).exists()
    log = ErasureLog.objects.get()
    assert log.user.username == "dataprotection" and log.total > 0
    page = client.get(reverse("data_protection_log:index")).content.decode()
    assert "dataprotection" in page and "Event bookings: 2" in page and EMAIL not in page
    after = client.post(reverse("data_protection:find"), PERSON).content.decode()
    assert "Nothing found" in after


def test_administrators_see_the_schedule_and_its_runs(admin_client, sam):
    retention_apply()
    page = admin_client.get(reverse("data_protection_retention:index")).content.decode()
    assert "Names, emails and access needs given when booking" in page and "90 days after the event ends" in page
    assert "Event bookings: names, emails and access needs removed" in page or "Nothing was due" in page
    assert RetentionRun.objects.exists()
    assert admin_client.get("/admin/settings/core/dataretentionsettings/", follow=True).status_code == 200


def test_administrators_change_a_period_in_the_settings(admin_client):
    from core.models import DataRetentionSettings

    current = DataRetentionSettings.load()
    data = {
        field: getattr(current, field)
        for field in (
            "contact_request_days",
            "equality_monitoring_days",
            "forum_account_days",
            "forum_warning_days",
            "booking_days",
            "safeguarding_alert_days",
            "export_file_days",
            "log_days",
        )
    }
    url = f"/admin/settings/core/dataretentionsettings/{current.pk}/"
    refused = admin_client.post(url, {**data, "forum_warning_days": 800})
    assert refused.status_code == 200 and "The warning must come before" in refused.content.decode()
    admin_client.post(url, {**data, "booking_days": 60})
    assert DataRetentionSettings.load().booking_days == 60
