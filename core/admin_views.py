"""The admin's shared parts: one way to check a permission, a menu item shown only to those
who hold it, and the confirmation page every export starts from. Admin areas put the first two
together in core.viewsets.PermissionViewSet."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from wagtail.admin.menu import MenuItem


def user_has_permission(user, permission: str) -> bool:
    """Whether the user holds `permission` ("app_label.codename"); "is_superuser" stands for
    administrators only, who hold every permission but are the only ones who hold that one."""
    if permission == "is_superuser":
        return user.is_superuser
    return user.has_perm(permission)


def require_permission(request, permission: str) -> None:
    """Refuse the request unless the user holds the permission (the admin shows its message).
    Whole areas check theirs in core.viewsets.PermissionViewSet; this is for a view that asks
    more than its area does."""
    if not user_has_permission(request.user, permission):
        raise PermissionDenied


def forbidden_unless(permission: str):
    """A view decorator that answers 403, with a page saying so, unless the user holds
    `permission` ("is_superuser": only administrators). Wagtail turns a PermissionDenied raised
    in an admin view into a redirect to the dashboard; areas that must refuse plainly (personal
    data) use this instead, so a refusal is a refusal to the browser, the logs and the tests."""

    def decorator(view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            if not user_has_permission(request.user, permission):
                return TemplateResponse(
                    request,
                    "core/admin/forbidden.html",
                    {"page_title": "You cannot open this page", "header_icon": "lock"},
                    status=403,
                )
            return view(request, *args, **kwargs)

        return checked

    return decorator


def export_confirm(
    request,
    *,
    title: str,
    summary: str,
    button: str,
    back_url: str,
    offer_personal: bool = False,
    personal_label: str = "Include the contact details of people who asked to be contacted",
):
    """The page a GET on an export's URL shows: what would be exported and a button that POSTs
    (with the CSRF token) to the same URL. Starting an export writes the export log, and may
    start a background job and send an email, so a link from another site must not do it.
    `offer_personal` adds a checkbox named "personal" with `personal_label`."""
    return TemplateResponse(
        request,
        "core/admin/export_confirm.html",
        {
            "page_title": title,
            "header_icon": "download",
            "summary": summary,
            "button": button,
            "back_url": back_url,
            "action": request.get_full_path(),
            "offer_personal": offer_personal,
            "personal_label": personal_label,
            "personal_checked": request.GET.get("personal") == "1",
        },
    )


class PermissionMenuItem(MenuItem):
    """An admin menu item shown only to users who hold `permission` ("is_superuser": only
    to administrators), so the menu offers nothing that require_permission would refuse."""

    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return user_has_permission(request.user, self.permission)
