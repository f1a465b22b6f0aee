"""Reads for the open data exports: one generator of plain rows per table, public data only.

Public means published summaries and agreements past the draft stage (agreements.selectors.PUBLIC_STATUSES);
drafts, activity logs, reports, reviews, users and tokens never leave through here.
"""
import hashlib
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count, Max, Q, QuerySet
from django.urls import reverse

from deleg.agreements.models import Agreement, BudgetLine, HistoryEntry, Indicator, Objective
from deleg.agreements.selectors import PUBLIC_STATUSES, agreement_public_list
from deleg.organizations.models import Organization
from deleg.summaries.models import SummaryVersion
from deleg.summaries.selectors import summary_latest_versions


def _url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + path


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _money(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _total(funding: list[dict], role: str) -> Decimal | None:
    """The sum of the yearly figures of one role; None when no year states one (unknown is not zero)."""
    figures = [Decimal(row[role]) for row in funding if row.get(role) is not None]
    return sum(figures, Decimal("0.00")) if figures else None


def public_agreement_ids() -> set[int]:
    return set(Agreement.objects.filter(status__in=PUBLIC_STATUSES).values_list("pk", flat=True))


def opendata_summary_versions() -> QuerySet[SummaryVersion]:
    """The latest version of every published summary, in a stable order (by summary id)."""
    return summary_latest_versions().select_related("summary").order_by("summary_id")


def summary_rows(*, base_url: str = "") -> Iterator[dict]:
    public = public_agreement_ids()
    for version in opendata_summary_versions():
        content = version.content
        performer = content["performer"]
        funding = content["funding"]
        agreement_id = version.summary.agreement_id
        yield {
            "id": version.summary_id,
            "version": version.number,
            # A summary's agreement is linked only while that agreement is public.
            "agreement_id": agreement_id if agreement_id in public else None,
            "title": content["title"],
            "region": content.get("region"),
            "performer": performer["name"],
            "performer_legal_form": performer.get("legal_form"),
            "performer_register_number": performer.get("registration_number"),
            "delegator": content.get("delegator"),
            "period_start": _date(content["period"]["start"]),
            "period_end": _date(content["period"]["end"]),
            "task": content["task"],
            "total_planned": _total(funding, "planned"),
            "total_actual": _total(funding, "actual"),
            "total_amount": _total(funding, "amount"),
            "non_compliant_amount": _money(content["non_compliant_expenditure"]["amount"]),
            "unrecovered_amount": _money(content["unrecovered_amount"]["amount"]),
            "other_information": content.get("other_information"),
            "published": version.published_at,
            "source_file": version.source_file or None,
            "url": _url(base_url, reverse("summaries:detail", args=[version.summary_id])),
        }


def summary_version_rows(*, base_url: str = "") -> Iterator[dict]:
    versions = SummaryVersion.objects.order_by("summary_id", "number").only(
        "summary_id", "number", "title", "published_at", "change_note", "source_file", "content_sha256"
    )
    for version in versions:
        yield {
            "summary_id": version.summary_id,
            "version": version.number,
            "title": version.title,
            "published": version.published_at,
            "change_note": version.change_note or None,
            "source_file": version.source_file or None,
            "content_sha256": version.content_sha256,
            "url": _url(base_url, reverse("summaries:version", args=[version.summary_id, version.number])),
        }


def summary_funding_rows(**_kwargs) -> Iterator[dict]:
    for version in opendata_summary_versions():
        for row in version.content["funding"]:
            yield {
                "summary_id": version.summary_id,
                "version": version.number,
                "year": row["year"],
                "planned": _money(row["planned"]),
                "actual": _money(row["actual"]),
                "amount": _money(row["amount"]),
            }


def summary_objective_rows(**_kwargs) -> Iterator[dict]:
    for version in opendata_summary_versions():
        for n, text in enumerate(version.content["objectives"], start=1):
            yield {"summary_id": version.summary_id, "n": n, "text": text}


def summary_result_rows(**_kwargs) -> Iterator[dict]:
    for version in opendata_summary_versions():
        for result in version.content["results"]:
            yield {"summary_id": version.summary_id, "n": result["n"], "text": result["text"]}


def summary_quantity_rows(**_kwargs) -> Iterator[dict]:
    for version in opendata_summary_versions():
        for result in version.content["results"]:
            for position, quantity in enumerate(result["quantities"], start=1):
                yield {
                    "summary_id": version.summary_id,
                    "result_n": result["n"],
                    "position": position,
                    "value": quantity["value"],
                    "kind": quantity["kind"],
                    "noun": quantity.get("noun"),
                }


def agreement_rows(*, base_url: str = "") -> Iterator[dict]:
    for agreement in agreement_public_list().order_by("pk"):
        yield {
            "id": agreement.pk,
            "kind": agreement.kind,
            "number": agreement.number or None,
            "title": agreement.title,
            "task": agreement.task,
            "field": agreement.field or None,
            "region": agreement.region or None,
            "delegator_id": agreement.delegator_id,
            "performer_id": agreement.performer_id,
            "legal_basis": agreement.legal_basis or None,
            "start": agreement.start,
            "end": agreement.end,
            "status": agreement.status,
            "planned_total": agreement.planned_total,
            "url": _url(base_url, agreement.get_absolute_url()),
        }


def objective_rows(**_kwargs) -> Iterator[dict]:
    for objective in Objective.objects.filter(agreement__status__in=PUBLIC_STATUSES).order_by("pk"):
        yield {"id": objective.pk, "agreement_id": objective.agreement_id, "position": objective.position,
               "text": objective.text}


def indicator_rows(**_kwargs) -> Iterator[dict]:
    indicators = (Indicator.objects.filter(objective__agreement__status__in=PUBLIC_STATUSES)
                  .select_related("objective").order_by("pk"))
    for indicator in indicators:
        yield {
            "id": indicator.pk,
            "objective_id": indicator.objective_id,
            "agreement_id": indicator.objective.agreement_id,
            "position": indicator.position,
            "name": indicator.name,
            "kind": indicator.kind,
            "unit": indicator.unit or None,
            "target": indicator.target,
            "baseline": indicator.baseline,
            "rule": indicator.rule,
        }


def budget_line_rows(**_kwargs) -> Iterator[dict]:
    for line in BudgetLine.objects.filter(agreement__status__in=PUBLIC_STATUSES).order_by("pk"):
        yield {"id": line.pk, "agreement_id": line.agreement_id, "year": line.year, "planned": line.planned}


def public_organizations() -> QuerySet[Organization]:
    """Organisations that delegate or perform a public agreement; no others, and no people."""
    return (
        Organization.objects.filter(
            Q(delegated_agreements__status__in=PUBLIC_STATUSES) | Q(performed_agreements__status__in=PUBLIC_STATUSES)
        )
        .distinct()
        .order_by("pk")
    )


def organization_rows(**_kwargs) -> Iterator[dict]:
    for organization in public_organizations():
        yield {
            "id": organization.pk,
            "name": organization.name,
            "legal_form": organization.legal_form or None,
            "registration_number": organization.registration_number or None,
            "region": organization.region or None,
            "role": organization.role,
        }


def opendata_last_modified() -> datetime | None:
    """When the public data last changed: a publication, or a change to a public agreement."""
    public = Agreement.objects.filter(status__in=PUBLIC_STATUSES)
    times = [
        SummaryVersion.objects.aggregate(at=Max("published_at"))["at"],
        public.aggregate(at=Max("updated_at"))["at"],
        HistoryEntry.objects.filter(agreement__status__in=PUBLIC_STATUSES).aggregate(at=Max("at"))["at"],
    ]
    known = [t for t in times if t is not None]
    return max(known) if known else None


def opendata_fingerprint() -> str:
    """A short hash that changes whenever the exported data may have changed (for ETags).

    Counts are part of it because a deletion leaves no newer timestamp behind.
    """
    public = Agreement.objects.filter(status__in=PUBLIC_STATUSES)
    counts = public.aggregate(
        agreements=Count("pk", distinct=True),
        objectives=Count("objectives", distinct=True),
        budget_lines=Count("budget_lines", distinct=True),
    )
    counts["versions"] = SummaryVersion.objects.count()
    counts["indicators"] = Indicator.objects.filter(objective__agreement__status__in=PUBLIC_STATUSES).count()
    last = opendata_last_modified()
    key = f"{last.isoformat() if last else '-'}|{sorted(counts.items())}"
    return hashlib.sha256(key.encode()).hexdigest()[:20]
