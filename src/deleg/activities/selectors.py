"""Reads of the activity log, scoped to the agreements the person may see."""
from deleg.activities.models import Activity
from deleg.agreements.selectors import agreement_list


def activity_get(*, actor, pk: int) -> Activity:
    """One activity of an agreement this person may see; Activity.DoesNotExist otherwise (404, not 403)."""
    return Activity.objects.select_related("agreement").get(pk=pk, agreement__in=agreement_list(actor=actor))
