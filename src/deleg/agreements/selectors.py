"""Reads of agreements: public lists, details and data-quality findings."""
from django.db.models import Prefetch, QuerySet, Sum
from django.utils.translation import gettext as _

from deleg.agreements.models import Agreement, AgreementStatus, Indicator, Objective
from deleg.core import findings
from deleg.core.findings import Finding

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
