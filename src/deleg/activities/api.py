"""The activity log over the API: list, log, change, delete, and import from a spreadsheet."""
from django.core.exceptions import ValidationError
from ninja import File, Form, Router, Status, UploadedFile
from ninja.pagination import paginate

from deleg.activities.schemas import ActivityImportOut, ActivityIn, ActivityOut
from deleg.activities.selectors import activity_get
from deleg.activities.services import activities_import, activity_delete, activity_log, activity_update
from deleg.activities.spreadsheet import SpreadsheetUnreadable
from deleg.agreements.selectors import agreement_get
from deleg.api.pagination import Pagination
from deleg.api.schemas import AUTH_READ_ERRORS, WRITE_ERRORS

router = Router(tags=["activities"])


@router.get("/agreements/{int:id}/activities", response={200: list[ActivityOut], **AUTH_READ_ERRORS})
@paginate(Pagination)
def activity_list(request, id: int):
    return agreement_get(actor=request.auth, pk=id).activities.all()


@router.post("/agreements/{int:id}/activities", response={201: ActivityOut, **WRITE_ERRORS})
def activity_new(request, id: int, payload: ActivityIn):
    agreement = agreement_get(actor=request.auth, pk=id)
    return Status(201, activity_log(actor=request.auth, agreement=agreement, **payload.dict()))


@router.put("/activities/{int:id}", response={200: ActivityOut, **WRITE_ERRORS})
def activity_change(request, id: int, payload: ActivityIn):
    return activity_update(actor=request.auth, activity=activity_get(actor=request.auth, pk=id), **payload.dict())


@router.delete("/activities/{int:id}", response={204: None, **WRITE_ERRORS})
def activity_remove(request, id: int):
    activity_delete(actor=request.auth, activity=activity_get(actor=request.auth, pk=id))
    return Status(204, None)


@router.post("/agreements/{int:id}/activities/import", response={200: ActivityImportOut, **WRITE_ERRORS})
def activity_import(request, id: int, file: File[UploadedFile], store_good_rows: Form[bool] = False):
    """Import an XLSX or CSV activity log: all rows or none, or only the good rows with `store_good_rows`.

    Every bad row is returned with its row number, field and message.
    """
    agreement = agreement_get(actor=request.auth, pk=id)
    try:
        return activities_import(actor=request.auth, agreement=agreement, data=file.read(), filename=file.name,
                                 store_good_rows=store_good_rows)
    except SpreadsheetUnreadable as error:
        raise ValidationError({"file": ValidationError(str(error), code="unreadable")}) from error
