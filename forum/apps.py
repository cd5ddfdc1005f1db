from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = "Parent forum"

    def ready(self):
        # Register the tasks with Celery now: services queue them by name.
        from . import tasks  # noqa: F401
