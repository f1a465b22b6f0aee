"""Reads of published summaries: the public register's search, filters, facets and sorting."""
from dataclasses import dataclass
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, QuerySet, TextField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

from deleg.summaries.models import SummaryVersion, SummaryYear
from deleg.summaries.search import matching_ids_sql, query_words

SORTS = {
    "newest": ("-period_start", "title", "id"),
    "oldest": ("period_start", "title", "id"),
    "title": ("title", "id"),
    "performer": ("performer_name", "title", "id"),
}


def summary_latest_versions() -> QuerySet[SummaryVersion]:
    """The latest version of every published summary, newest period first."""
    return SummaryVersion.objects.filter(latest_of__isnull=False).order_by("-period_start", "title", "summary_id")


@dataclass(frozen=True)
class RegisterFilters:
    q: str = ""
    region: str = ""
    year: int | None = None
    delegator: int | None = None
    performer: int | None = None
    field: str = ""
    status: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, params) -> "RegisterFilters":
        """Filters from a URL's query string; values that are not numbers where numbers belong are ignored."""
        def number(name):
            value = params.get(name, "")
            return int(value) if value.isdigit() else None

        sort = params.get("sort", "newest")
        return cls(q=params.get("q", "").strip()[:200], region=params.get("region", ""), year=number("year"),
                   delegator=number("delegator"), performer=number("performer"), field=params.get("field", ""),
                   status=params.get("status", ""), sort=sort if sort in SORTS else "newest")


def register_versions(filters: RegisterFilters) -> QuerySet[SummaryVersion]:
    """The latest version of each published summary that passes the filters, in the chosen order."""
    versions = summary_latest_versions()
    words = query_words(filters.q)
    if words:
        sql, params = matching_ids_sql(words)
        versions = versions.filter(pk__in=RawSQL(sql, params))
    if filters.region:
        versions = versions.filter(region=filters.region)
    if filters.year:
        versions = versions.filter(years__year=filters.year)
    if filters.delegator:
        versions = versions.filter(summary__agreement__delegator_id=filters.delegator)
    if filters.performer:
        versions = versions.filter(summary__agreement__performer_id=filters.performer)
    if filters.field:
        versions = versions.filter(summary__agreement__field=filters.field)
    if filters.status:
        versions = versions.filter(summary__agreement__status=filters.status)
    return versions.order_by(*SORTS[filters.sort])


def register_facets(versions: QuerySet[SummaryVersion]) -> dict[str, list[dict]]:
    """Counts of the filtered summaries by region, year, delegator, performer, field and status."""
    unordered = versions.order_by()
    agreement = "summary__agreement__"

    def counted(value: str, label: str | None = None) -> list[dict]:
        rows = unordered.values(value, *([label] if label else [])).annotate(count=Count("id")).order_by("-count", value)
        return [{"value": row[value], "label": row[label] if label else row[value], "count": row["count"]}
                for row in rows if row[value] not in (None, "")]

    years = (SummaryYear.objects.filter(version__in=unordered.values("pk")).values("year")
             .annotate(count=Count("version")).order_by("-year"))
    return {
        "region": counted("region"),
        "year": [{"value": row["year"], "label": row["year"], "count": row["count"]} for row in years],
        "delegator": counted(f"{agreement}delegator_id", f"{agreement}delegator__name"),
        "performer": counted(f"{agreement}performer_id", f"{agreement}performer__name")[:30],
        "field": counted(f"{agreement}field"),
        "status": counted(f"{agreement}status"),
    }


def summary_detail_json(summary_id: int) -> tuple[str, datetime] | None:
    """The API's answer for one summary, built around the stored canonical JSON without decoding it,
    with the time of its newest publication.

    A published version never changes, so its content goes out exactly as stored; only the small
    envelope (ids, dates, the list of versions) is encoded here. None when there is no such summary.
    """
    latest = (
        SummaryVersion.objects.filter(latest_of__pk=summary_id)
        .annotate(content_text=Cast("content", TextField()))
        .values_list("summary_id", "summary__agreement_id", "number", "published_at", "change_note", "content_text",
                     "content_sha256", "source_file", "source_sha256")
        .first()
    )
    if latest is None:
        return None
    summary, agreement, number, published_at, change_note, content, content_hash, source_file, source_hash = latest
    versions = list(SummaryVersion.objects.filter(summary_id=summary).order_by("-number").values(
        "number", "published_at", "change_note"))
    envelope = {"number": number, "published_at": published_at, "change_note": change_note, "summary": summary,
                "content_sha256": content_hash, "source_file": source_file, "source_sha256": source_hash}
    encode = DjangoJSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    latest_json = encode(envelope)[:-1] + ',"content":' + content + "}"
    body = f'{{"id":{summary},"agreement":{encode(agreement)},"latest":{latest_json},"versions":{encode(versions)}}}'
    return body, max(version["published_at"] for version in versions)
