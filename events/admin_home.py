"""The events panel of the Wagtail admin home: the next events with their places taken, each
linking to its attendees, for those who may see bookings (Editors and Officers).
https://docs.wagtail.org/en/stable/reference/hooks.html#construct-homepage-panels"""

from wagtail.admin.ui.components import Component

from .selectors import events_for_staff

EVENTS_SHOWN = 5


class UpcomingEventsPanel(Component):
    name = "upcoming_events"
    template_name = "events/admin/home/upcoming_events.html"
    order = 40

    def get_context_data(self, parent_context):
        upcoming = events_for_staff()
        return {"events": upcoming[:EVENTS_SHOWN], "more": max(upcoming.count() - EVENTS_SHOWN, 0)}
