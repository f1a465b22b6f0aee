"""Reads of agreements: public lists, details and data-quality findings."""
from django.db.models import Prefetch, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from deleg.agreements.models import Agreement, AgreementStatus, Indicator, IndicatorRule, Objective
from deleg.core import findings
from deleg.core.findings import Finding
from deleg.organizations.models import MINISTRY_ROLES
from deleg.organizations.permissions import member_roles

# A draft is the ministry's own work; everything after it is public (State Administration Structure Law).
PUBLIC_STATUSES = [s for s in AgreementStatus.values if s != AgreementStatus.DRAFT]


def agreement_public_list() -> QuerySet[Agreement]:
    """Agreements the public may see, newest period first, with their planned total."""
    return (
        Agreement.objects.filter(status__in=PUBLIC_STATUSES)
        .select_related("delegator", "performer")
        .annotate(planned_total=Sum("budget_lines__planned"))
        .order_by("-start", "title")
    )


def agreement_public_detail(*, pk: int) -> Agreement:
    objectives = Objective.objects.prefetch_related(Prefetch("indicators", queryset=Indicator.objects.order_by("position")))
    return (
        agreement_public_list()
        .prefetch_related(Prefetch("objectives", queryset=objectives), "budget_lines")
        .get(pk=pk)
    )


def agreement_findings(agreement: Agreement) -> list[Finding]:
    """Data-quality findings of an agreement, with the same codes the parser gives imported summaries."""
    result = []
    if agreement.start and agreement.end and agreement.end < agreement.start:
        result.append(Finding(findings.PERIOD_INVALID, "period", _("The period ends before it starts.")))
        return result
    years = agreement.years()
    for line in agreement.budget_lines.all():
        if years and line.year not in years:
            result.append(Finding(
                findings.FUNDING_YEAR_OUTSIDE_PERIOD, f"funding[{line.year}]",
                _("The budget year %(year)s lies outside the agreement's period.") % {"year": line.year},
            ))
    return result


def agreement_list(*, actor) -> QuerySet[Agreement]:
    """Agreements this person works on: a ministry's own (drafts too) or a performer's own; all for superusers."""
    agreements = Agreement.objects.select_related("delegator", "performer").order_by("-start", "title")
    if getattr(actor, "is_superuser", False):
        return agreements
    roles = member_roles(actor)
    ministries = [org for org, held in roles.items() if held & MINISTRY_ROLES]
    performers = [org for org, held in roles.items() if held - MINISTRY_ROLES]
    return agreements.filter(Q(delegator_id__in=ministries) | Q(performer_id__in=performers))


def agreement_get(*, actor, pk: int) -> Agreement:
    """One agreement this person may see; Agreement.DoesNotExist otherwise, so others' work stays unseen (404)."""
    return agreement_list(actor=actor).get(pk=pk)


ACTIVITY_FIGURES = ("type", "participants", "organizations")


def indicator_achieved(indicator: Indicator, activities: list[dict]) -> int | None:
    """The indicator's value by its rule over activities (dicts of ACTIVITY_FIGURES); None when kept by hand."""
    matching = [a for a in activities if not indicator.activity_types or a["type"] in indicator.activity_types]
    return {
        IndicatorRule.COUNT_ACTIVITIES: len(matching),
        IndicatorRule.SUM_PARTICIPANTS: sum(a["participants"] for a in matching),
        IndicatorRule.SUM_ORGANIZATIONS: sum(a["organizations"] for a in matching),
    }.get(indicator.rule)


def indicator_progress(agreement: Agreement) -> list[dict]:
    """Each objective with its indicators' achieved values (computed from the activity log) against targets."""
    activities = list(agreement.activities.values(*ACTIVITY_FIGURES))
    objectives = []
    for objective in agreement.objectives.prefetch_related("indicators"):
        rows = []
        for indicator in objective.indicators.all():
            achieved = indicator_achieved(indicator, activities)
            rows.append({"indicator": indicator, "achieved": achieved, "percent": _percent(achieved, indicator.target)})
        objectives.append({"objective": objective, "indicators": rows, "percent": _mean_percent(rows)})
    return objectives


def _mean_percent(rows: list[dict]) -> int | None:
    """An objective's or agreement's progress: the mean of the percentages that can be known."""
    known = [row["percent"] for row in rows if row["percent"] is not None]
    return round(sum(known) / len(known)) if known else None


def _percent(achieved: int | None, target: int | None) -> int | None:
    """Achievement as a whole percentage, capped at 100 for the bar; None where there is nothing to compare."""
    if achieved is None or not target:
        return None
    return min(100, round(100 * achieved / target))


def agreement_work_list(*, actor) -> list[dict]:
    """The person's agreements, each with its overall indicator progress, for the work area's first page."""
    rows = []
    for agreement in agreement_list(actor=actor):
        rows.append({"agreement": agreement, "percent": _mean_percent(indicator_progress(agreement))})
    return rows


def agreement_public_indicators(agreement: Agreement) -> list[dict]:
    """Objectives and indicator targets with the achieved values of the agreement's published summary.

    The public sees only what was published: values come from the report behind the latest published
    summary version, never from the performer's running activity log; null where none is published.
    """
    from deleg.summaries.models import SummaryVersion

    version = (SummaryVersion.objects.filter(summary__agreement=agreement, source_report__isnull=False)
               .select_related("source_report").order_by("-published_at").first())
    achieved = {}
    if version:
        achieved = {value.indicator_id: value.value for value in version.source_report.indicator_values.all()}
    objectives = []
    for objective in agreement.objectives.prefetch_related("indicators"):
        rows = [{"indicator": indicator, "achieved": achieved.get(indicator.pk),
                 "percent": _percent(achieved.get(indicator.pk), indicator.target)}
                for indicator in objective.indicators.all()]
        objectives.append({"objective": objective, "indicators": rows, "percent": _mean_percent(rows)})
    return objectives
