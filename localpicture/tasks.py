"""Background tasks of the local picture. Thin: load by id, call the import runner, safe to run
twice. Services queue them (core.queue.queue_after_commit); localpicture/imports.py queues
nothing, so the imports run one way."""

from celery import shared_task

from . import imports
from .models import PoliceImport


@shared_task(name="localpicture.police_import_run", soft_time_limit=25 * 60, time_limit=30 * 60)
def police_import_run(import_id: int) -> None:
    """Import uploaded police files. An import that has already run is left alone."""
    job = PoliceImport.objects.filter(pk=import_id).first()
    if job is not None:
        imports.police_import_run(police_import=job)


@shared_task(name="localpicture.police_imports_resume")
def police_imports_resume() -> int:
    """Run imports that were uploaded while the queue was down. Run by beat."""
    return imports.police_imports_resume()
