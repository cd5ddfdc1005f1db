"""Every response says which browser features no page may use (Permissions-Policy), and the
Wagtail admin has a Content-Security-Policy of its own that loads nothing from another host."""

import pytest

pytestmark = pytest.mark.django_db

DENIED = ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"]


def _policy(response) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().split(" ", 1)[1] if " " in part.strip() else ""
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    }


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/strategy/",
        "/no-such-page/",
        "/open-data/feedback-summary.json",
        "/admin/login/",
        "/accounts/login/",
        "/static/css/site.css",
    ],
)
def test_every_response_denies_features_the_site_never_uses(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    header = response["Permissions-Policy"]
    for feature in DENIED:
        assert f"{feature}=()" in header
    # Nothing the site uses is turned off.
    assert "fullscreen" not in header and "clipboard" not in header


def test_a_page_from_the_page_cache_keeps_the_header(client):
    client.get("/strategy/")
    hit = client.get("/strategy/")
    assert hit["X-Page-Cache"] == "hit"
    assert "camera=()" in hit["Permissions-Policy"]


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/pages/", "/admin/images/"])
def test_the_admin_has_a_content_security_policy(client, admin_user, path):
    if path != "/admin/login/":
        client.force_login(admin_user)
    response = client.get(path)
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert policy["frame-ancestors"] == "'self'"
    # Wagtail's own inline scripts and styles, but nothing from another host.
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert "http" not in response["Content-Security-Policy"]


def test_the_public_site_keeps_its_strict_policy(client):
    policy = _policy(client.get("/strategy/"))
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
