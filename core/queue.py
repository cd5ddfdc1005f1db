"""Queueing Celery tasks, now or once the database transaction that needs them has committed.

Tasks are imported and passed in, never named by a string, so a reader (and import-linter) can
follow the edge from the code that queues a task to the task. With CELERY_TASK_ALWAYS_EAGER
(no Redis, in development and tests) `delay` runs the task in this process.

Queueing never fails the caller: if the queue is down it is logged, and the state on the row
(a timestamp still empty, a job still pending) lets a periodic task or the officer pick the work
up later.
"""

import logging

from celery import Task
from django.db import transaction

logger = logging.getLogger(__name__)


def queue_now(task: Task, *args) -> None:
    """Send a Celery task now, for callers outside any transaction (a periodic task queueing
    others). If the queue is down, log it and carry on."""
    try:
        task.delay(*args)
    except Exception:
        logger.exception("Could not queue %s%s", task.name, args)


def queue_after_commit(task: Task, *args) -> None:
    """Send a Celery task once the transaction commits (at once outside a transaction), so the
    worker finds the rows it was queued for, and nothing is queued for a change rolled back.
    If the queue is down, log it and carry on."""
    transaction.on_commit(lambda: queue_now(task, *args))
