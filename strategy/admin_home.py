"""The Wagtail admin home for each staff group (https://docs.wagtail.org/en/stable/reference/hooks.html#construct-homepage-panels).

Each app adds the panels of its own work, for those who may use them: consultation (feedback
waiting for review, open surveys, recent exports, safeguarding alerts), events (upcoming events
and their attendees) and forum (the moderation queue). Here, the pages: "Your pages" for those
who may edit pages, in place of Wagtail's "Your most recent edits", which shows nothing at all
to an editor who has not edited yet; and, for everyone else, none of Wagtail's page panels,
which would only ever be empty for them (the page search goes too: templates/wagtailadmin/home.html).
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .selectors import pages_of_user

# Wagtail's own home panels, all about pages and their workflows.
WAGTAIL_PAGE_PANELS = {
    "workflow_objects_to_moderate",
    "user_objects_in_workflow_moderation",
    "recent_edits",
    "locked_pages",
}
PAGES_SHOWN = 10


class YourPagesPanel(Component):
    name = "your_pages"
    template_name = "strategy/admin/home/your_pages.html"
    order = 250  # where Wagtail's "Your most recent edits" was

    def get_context_data(self, parent_context):
        return {
            "pages": pages_of_user(user=parent_context["request"].user, limit=PAGES_SHOWN),
            "explore_url": reverse("wagtailadmin_explore_root"),
        }
