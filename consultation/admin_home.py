"""The consultation panels of the Wagtail admin home, each for those who may use what it links to:

- Safeguarding: alerts nobody has handled yet;
- Officers: feedback waiting for review and the one waiting longest, open surveys with their
  results, and their own recent exports.

https://docs.wagtail.org/en/stable/reference/hooks.html#construct-homepage-panels
"""

from django.conf import settings
from django.urls import reverse
from wagtail.admin.ui.components import Component

from .selectors import export_jobs_recent, feedback_awaiting_review, safeguarding_unhandled, surveys_open

ALERTS_SHOWN = 10
EXPORTS_SHOWN = 5


class SafeguardingAlertsPanel(Component):
    name = "safeguarding_alerts"
    template_name = "consultation/admin/home/safeguarding_alerts.html"
    order = 5

    def get_context_data(self, parent_context):
        alerts = safeguarding_unhandled()
        return {"alerts": alerts[:ALERTS_SHOWN], "count": alerts.count()}


class FeedbackReviewPanel(Component):
    name = "feedback_review"
    template_name = "consultation/admin/home/feedback_review.html"
    order = 10

    def get_context_data(self, parent_context):
        waiting = feedback_awaiting_review()
        return {
            **waiting,
            "list_url": reverse("wagtailsnippets_consultation_feedback:list") + "?reviewed=false",
        }


class OpenSurveysPanel(Component):
    name = "open_surveys"
    template_name = "consultation/admin/home/open_surveys.html"
    order = 30

    def get_context_data(self, parent_context):
        return {"surveys": surveys_open()}


class RecentExportsPanel(Component):
    name = "recent_exports"
    template_name = "consultation/admin/home/recent_exports.html"
    order = 50

    def get_context_data(self, parent_context):
        return {
            "jobs": export_jobs_recent(user=parent_context["request"].user, limit=EXPORTS_SHOWN),
            "sync_limit": f"{settings.EXPORT_SYNC_LIMIT:,}",
        }
