"""Reads of published summaries."""
from django.db.models import OuterRef, QuerySet, Subquery

from deleg.summaries.models import SummaryVersion


def summary_latest_versions() -> QuerySet[SummaryVersion]:
    """The latest version of every published summary, newest period first."""
    latest = SummaryVersion.objects.filter(summary=OuterRef("summary")).order_by("-number").values("number")[:1]
    return (
        SummaryVersion.objects.filter(number=Subquery(latest))
        .order_by("-period_start", "title", "summary_id")
    )
