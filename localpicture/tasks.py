"""Background tasks of the local picture. Thin: load by id, call a service, safe to run twice."""

from celery import shared_task

from . import services
from .models import PoliceImport


@shared_task(name="localpicture.police_import_run", soft_time_limit=25 * 60, time_limit=30 * 60)
def police_import_run(import_id: int) -> None:
    """Import uploaded police files. An import that has already run is left alone."""
    job = PoliceImport.objects.filter(pk=import_id).first()
    if job is not None:
        services.police_import_run(police_import=job)


@shared_task(name="localpicture.police_imports_resume")
def police_imports_resume() -> int:
    """Run imports that were uploaded while the queue was down. Run by beat."""
    return services.police_imports_resume()
