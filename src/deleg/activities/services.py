"""Writes to the activity log: every one checks the person's role, validates, and is recorded in the history."""
from django.db import transaction

from deleg.activities.models import Activity
from deleg.agreements.history import history_record, snapshot
from deleg.agreements.models import Agreement
from deleg.organizations.permissions import require

ACTIVITY_FIELDS = ("type", "date", "municipality", "title", "participants", "organizations", "minority_focus", "notes")


@transaction.atomic
def activity_log(*, actor, agreement: Agreement, **fields) -> Activity:
    require(actor, "activity.edit", agreement)
    activity = Activity(agreement=agreement, created_by=actor if actor.pk else None,
                        **{name: fields[name] for name in ACTIVITY_FIELDS if name in fields})
    activity.full_clean()
    activity.save()
    history_record(agreement=agreement, actor=actor, action="created", instance=activity)
    return activity


@transaction.atomic
def activity_update(*, actor, activity: Activity, **fields) -> Activity:
    require(actor, "activity.edit", activity.agreement)
    before = snapshot(activity)
    for name in ACTIVITY_FIELDS:
        if name in fields:
            setattr(activity, name, fields[name])
    activity.full_clean()
    activity.save()
    history_record(agreement=activity.agreement, actor=actor, action="changed", instance=activity, before=before)
    return activity


@transaction.atomic
def activity_delete(*, actor, activity: Activity) -> None:
    require(actor, "activity.edit", activity.agreement)
    history_record(agreement=activity.agreement, actor=actor, action="deleted", instance=activity)
    activity.delete()


def activities_import(*, actor, agreement: Agreement, data: bytes, filename: str,
                      store_good_rows: bool = False):
    """Check a spreadsheet of activities; store it only if every row is good, or the good rows on request.

    Returns the SpreadsheetResult with the errors by row; nothing is stored when a file with errors
    was not confirmed, and the stored rows go in together or not at all.
    """
    from deleg.activities.spreadsheet import activities_from_rows, read_rows

    require(actor, "activity.edit", agreement)
    result = activities_from_rows(read_rows(data, filename), agreement=agreement)
    if result.errors and not store_good_rows:
        return result
    with transaction.atomic():
        for activity in result.good:
            activity.created_by = actor if actor.pk else None
            activity.save()
            history_record(agreement=agreement, actor=actor, action="imported", instance=activity)
    result.stored = len(result.good)
    return result
