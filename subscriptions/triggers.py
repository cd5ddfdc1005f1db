"""What subscriptions listen to: Wagtail's `page_published`, connected in
SubscriptionsConfig.ready(). The apps that publish know nothing of subscriptions; this floor
asks their selectors whether what was published is news (an event, an open consultation, a
recommendation with a new progress update)."""


def page_published_received(sender, instance, **kwargs) -> None:
    from .services import page_published_record

    page_published_record(page_id=instance.pk)
