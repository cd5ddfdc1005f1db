"""Staff: the events listing with places taken, attendee list, CSV export and sign-in sheet."""

import pytest
from django.contrib.auth.models import Group

from core.models import ExportLog
from events import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    def make(group: str):
        user = django_user_model.objects.create_user(username=f"{group.lower()}-x", password="x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def booked_event(event):
    services.booking_create(event=event, name="=HYPERLINK(evil)", email="a@example.com", places=2, access_needs="Ramp")
    services.booking_create(event=event, name="Bea", email="b@example.com", places=1)
    services.booking_create(event=event, name="Cal", email="c@example.com", places=1)  # waiting
    return event


def test_the_events_listing_shows_places_taken(admin_client, booked_event):
    response = admin_client.get("/admin/events/")
    content = response.content.decode()
    assert response.status_code == 200
    assert booked_event.title in content
    assert "3 of 3 (1 waiting)" in content


def test_editors_see_the_attendee_list_and_sign_in_sheet_but_cannot_export(client, staff, booked_event):
    client.force_login(staff("Editors"))
    listing = client.get(f"/admin/event-attendees/{booked_event.pk}/").content.decode()
    assert "Bea" in listing and "Waiting list" in listing
    assert "Download attendees (CSV)" not in listing
    sheet = client.get(f"/admin/event-attendees/{booked_event.pk}/sign-in-sheet/").content.decode()
    assert "Bea" in sheet and "Cal" not in sheet
    assert client.get(f"/admin/event-attendees/{booked_event.pk}/attendees.csv").status_code in (302, 403)
    assert client.post(f"/admin/event-attendees/{booked_event.pk}/attendees.csv").status_code in (302, 403)
    assert not ExportLog.objects.filter(kind="event attendees").exists()


def test_editors_see_names_and_places_but_no_emails_or_access_needs(client, staff, booked_event):
    client.force_login(staff("Editors"))
    listing = client.get(f"/admin/event-attendees/{booked_event.pk}/").content.decode()
    assert "Bea" in listing and "Cal" in listing
    for private in ("a@example.com", "b@example.com", "c@example.com", "Ramp", ">Email<", ">Access needs<"):
        assert private not in listing, private


def test_officers_see_emails_and_access_needs_on_the_attendee_list(client, staff, booked_event):
    client.force_login(staff("Officers"))
    listing = client.get(f"/admin/event-attendees/{booked_event.pk}/").content.decode()
    assert "Bea" in listing and "b@example.com" in listing and "Ramp" in listing
    assert "Download attendees (CSV)" in listing


@pytest.mark.parametrize("group", ["Editors", "Officers"])
def test_the_sign_in_sheet_has_names_and_places_only(client, staff, booked_event, group):
    client.force_login(staff(group))
    sheet = client.get(f"/admin/event-attendees/{booked_event.pk}/sign-in-sheet/").content.decode()
    assert "Bea" in sheet and "=HYPERLINK(evil)" in sheet
    for private in ("a@example.com", "b@example.com", "Ramp", "Access needs"):
        assert private not in sheet, private


def test_officers_export_attendees_as_safe_csv_and_it_is_logged(client, staff, booked_event):
    officer = staff("Officers")
    client.force_login(officer)
    response = client.post(f"/admin/event-attendees/{booked_event.pk}/attendees.csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(evil)" in body
    assert "b@example.com" in body
    log = ExportLog.objects.get(kind="event attendees")
    assert (log.user, log.row_count, log.included_personal_data) == (officer, 3, True)


def test_moderators_cannot_see_attendees(client, staff, booked_event):
    client.force_login(staff("Forum moderators"))
    assert client.get(f"/admin/event-attendees/{booked_event.pk}/").status_code in (302, 403)
