"""The moderation panel of the Wagtail admin home: what waits in the forum's moderation queue,
counted, for moderators (the Forum moderators and Safeguarding groups).
https://docs.wagtail.org/en/stable/reference/hooks.html#construct-homepage-panels"""

from wagtail.admin.ui.components import Component

from .selectors import moderation_counts


class ModerationQueuePanel(Component):
    name = "forum_moderation"
    template_name = "forum/admin/home/moderation_queue.html"
    order = 20

    def get_context_data(self, parent_context):
        counts = moderation_counts()
        return {"counts": counts, "nothing_waiting": not any(counts.values())}
