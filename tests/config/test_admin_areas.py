"""The admin areas built on core.viewsets.PermissionViewSet: every route of every area refuses
each demo account without the area's permission, whatever the view itself checks (home to the
dashboard, or a 403 page where the area says so), and the area's menu item shows exactly to
those who hold it."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.viewsets import viewsets

from core.admin_views import user_has_permission
from core.viewsets import PermissionViewSet

pytestmark = pytest.mark.django_db

ACCOUNTS = ("editor", "officer", "moderator", "safeguarding", "dataprotection", "admin")
# A value for each path converter: the permission is checked before the view looks anything up.
SAMPLE_VALUES = {"IntConverter": 1, "StringConverter": "csv", "SlugConverter": "approve"}


def _areas() -> list[PermissionViewSet]:
    reverse("wagtailadmin_home")  # loading the admin's URLs registers the viewsets
    return [viewset for viewset in viewsets.viewsets if isinstance(viewset, PermissionViewSet)]


def _route_urls(area: PermissionViewSet) -> list[str]:
    urls = []
    for route in area.get_urlpatterns():
        kwargs = {name: SAMPLE_VALUES[type(c).__name__] for name, c in route.pattern.converters.items()}
        urls.append(reverse(area.get_url_name(route.name), kwargs=kwargs))
    return urls


def test_every_admin_area_is_found():
    names = {area.name for area in _areas()}
    assert {"consultation_safeguarding", "forum_admin", "events_attendees", "localpicture_wards"} <= names


@pytest.mark.parametrize("username", ACCOUNTS)
def test_every_route_refuses_whoever_lacks_the_areas_permission(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    checked = 0
    for area in _areas():
        if user_has_permission(user, area.permission):
            continue
        for url in _route_urls(area):
            for response in (client.get(url), client.post(url)):
                if area.refuse_with_403:
                    assert response.status_code == 403, (username, url)
                else:
                    assert response.status_code == 302 and response["Location"] == "/admin/", (username, url)
            checked += 1
    assert checked or username == "admin"


@pytest.mark.parametrize("username", ACCOUNTS)
def test_the_menu_item_shows_to_those_who_hold_the_permission(username):
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username=username)
    for area in _areas():
        if area.get_routes()[0].pattern.converters:
            continue  # an area entered only from other pages, with no page of its own to list
        expected = user_has_permission(request.user, area.permission)
        assert area.get_menu_item().is_shown(request) == expected, (username, area.name)
