"""Queueing Celery tasks once the database transaction that needs them has committed."""

import logging

from django.db import transaction

from config.celery import app

logger = logging.getLogger(__name__)


def queue_after_commit(task_name: str, *args) -> None:
    """Send a Celery task once the transaction commits; if the queue is down, log it (the row's
    own state lets a periodic task or the officer pick it up)."""

    def enqueue():
        try:
            if app.conf.task_always_eager:
                app.tasks[task_name].apply(args=args)
            else:
                app.send_task(task_name, args=args)
        except Exception:
            logger.exception("Could not queue %s%s", task_name, args)

    transaction.on_commit(enqueue)
