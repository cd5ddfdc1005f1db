"""Security headers that Django and django-csp do not send as we need them.

- `PermissionsPolicyMiddleware`: a `Permissions-Policy` header on every response, turning off
  browser features the site never uses (camera, microphone, location, payment, USB, ad topics
  and the like), so that a script that got in, or a page that frames ours, cannot ask for them.
  Django has no setting for this header and django-permissions-policy is not a dependency: the
  header is one fixed string, which a few lines send without another library to keep up to date.
- `ContentSecurityPolicyMiddleware`: django-csp's middleware, with a policy of its own for the
  Wagtail admin (settings.ADMIN_CONTENT_SECURITY_POLICY). The public site's policy allows no
  inline script or style; Wagtail 8's admin still writes some inline scripts (inline panels,
  date pickers) and style attributes, so its policy allows those and nothing from another host.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def permissions_policy_value(features: list[str]) -> str:
    """ "camera=(), microphone=()": each feature allowed to no origin at all."""
    return ", ".join(f"{feature}=()" for feature in features)


class PermissionsPolicyMiddleware:
    """Add the Permissions-Policy header (settings.PERMISSIONS_POLICY_DENY) to every response
    that has none. Placed inside the page cache, so cached pages carry it too."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = permissions_policy_value(settings.PERMISSIONS_POLICY_DENY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.value and PERMISSIONS_POLICY_HEADER not in response:
            response[PERMISSIONS_POLICY_HEADER] = self.value
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; under the admin's URL prefixes, the admin's policy instead of
    the public one (unless a view chose its own with django-csp's decorators)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request=request, response=response, report_only=report_only)
        admin = settings.ADMIN_CONTENT_SECURITY_POLICY
        if not report_only and parts.config is None and request.path_info.startswith(tuple(admin["URL_PREFIXES"])):
            parts.config = default_config(admin["DIRECTIVES"])
        return parts
