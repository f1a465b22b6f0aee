"""Reads of reports, scoped to what the person may see."""
from django.db.models import Q, QuerySet

from deleg.organizations.models import MINISTRY_ROLES, MemberRole
from deleg.organizations.permissions import can, member_roles
from deleg.reports.models import Report, ReportStatus


def report_inbox(*, actor) -> QuerySet[Report]:
    """What waits for this person: submitted reports for ministry reviewers, returned ones for performer editors."""
    roles = member_roles(actor)
    ministries = [org for org, held in roles.items() if held & MINISTRY_ROLES]
    editors = [org for org, held in roles.items() if MemberRole.PERFORMER_EDITOR in held]
    return (
        Report.objects.filter(
            Q(status=ReportStatus.SUBMITTED, agreement__delegator_id__in=ministries)
            | Q(status=ReportStatus.RETURNED, agreement__performer_id__in=editors)
        )
        .select_related("agreement", "agreement__performer")
        .order_by("submitted_at")
    )


def report_get(*, actor, pk: int) -> Report:
    """One report this person may see; a ministry sees a performer's drafts only once they are submitted."""
    report = Report.objects.select_related("agreement", "agreement__performer", "agreement__delegator").get(pk=pk)
    if not can(actor, "report.view", report.agreement):
        raise Report.DoesNotExist
    if report.status == ReportStatus.DRAFT and not (
        can(actor, "report.edit", report.agreement) or member_roles(actor).get(report.agreement.performer_id)
        or getattr(actor, "is_superuser", False)
    ):
        raise Report.DoesNotExist
    return report


def report_list_for_agreement(*, actor, agreement) -> QuerySet[Report]:
    reports = agreement.reports.select_related("review").order_by("-period_start")
    if member_roles(actor).get(agreement.performer_id) or getattr(actor, "is_superuser", False):
        return reports
    return reports.exclude(status=ReportStatus.DRAFT)
