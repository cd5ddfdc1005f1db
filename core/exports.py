"""The log of every export of people's words or details, whichever app made it.

Administrators read it at the export log page; it says who exported what, when, with which
filters, how many rows, and whether contact details were included.
"""

from .models import ExportLog


def export_log_record(*, user, kind: str, filters: dict, row_count: int, included_personal_data: bool) -> ExportLog:
    """Record one export. `kind` says what was exported ("survey responses", "event
    attendees"); `filters` what was chosen, with enough to recognise it later (a title as well
    as an id, since the page may be deleted)."""
    return ExportLog.objects.create(
        user=user,
        kind=kind,
        filters=filters,
        row_count=row_count,
        included_personal_data=included_personal_data,
    )
