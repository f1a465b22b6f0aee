"""Rebuilding the figures' summary tables from the register, the activity log and the published summaries.

`figures_refresh()` replaces every row; `figures_refresh_if_stale()` does so only when the sources
changed since the last refresh, so pages, the API and the CLI may call it before every read.
"""
from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count, Max, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from deleg.activities.models import Activity, ActivityType
from deleg.agreements.models import Agreement, BudgetLine, Indicator, IndicatorRule, Objective
from deleg.analytics.models import AgreementFigure, IndicatorFigure, RefreshState, Source, YearFigure
from deleg.organizations.models import Organization
from deleg.reports.models import IndicatorValue, Report, ReportSpending, ReportStatus, Review
from deleg.summaries.models import Summary, SummaryVersion
from deleg.summaries.selectors import summary_latest_versions

COUNT_KINDS = ("events", "participants", "organizations", "consultations", "publications", "groups")
# Activity types that are events in the sense of the canonical JSON ("pasākumi"); consultations and
# publications are counted as their own kinds, and "other" is left uncounted rather than guessed.
EVENT_TYPES = {ActivityType.SEMINAR, ActivityType.TRAINING, ActivityType.INTERCULTURAL_EVENT,
               ActivityType.DISCUSSION, ActivityType.FORUM, ActivityType.FESTIVAL}
CONSULTATION_TYPES = {ActivityType.CONSULTATION, ActivityType.OUTREACH_CONSULTATION}
# Spending counts once a report is submitted or accepted; a draft or a returned report is not a claim yet.
SPENDING_STATUSES = [ReportStatus.SUBMITTED, ReportStatus.ACCEPTED]
CHUNK = 2000
# How long a page trusts the figures before comparing the sources' fingerprint again (seconds).
CHECK_SECONDS = 30


def source_stamp() -> str:
    """A fingerprint of everything the figures are computed from; it changes when any of it changes."""
    parts = []
    for model, extra in (
        (Organization, {"u": Max("updated_at")}),
        (Agreement, {"u": Max("updated_at")}),
        (BudgetLine, {"s": Sum("planned")}),
        (Objective, {}),
        (Indicator, {"s": Sum("target")}),
        (Report, {"u": Max("updated_at")}),
        (ReportSpending, {"s": Sum("spent")}),
        (Review, {"u": Max("updated_at")}),
        (IndicatorValue, {"s": Sum("override")}),
        (Activity, {}),
        (Summary, {}),
        (SummaryVersion, {}),
    ):
        values = model.objects.order_by().aggregate(n=Count("pk"), last=Max("pk"), **extra)
        parts.append(":".join(str(values[key]) for key in sorted(values)))
    return "|".join(parts)


def figures_refresh_if_stale(*, max_age: int = CHECK_SECONDS) -> bool:
    """Rebuild the figures when the sources changed since the last rebuild; True when it rebuilt.

    The sources are compared at most every `max_age` seconds, so a busy page pays one small query.
    """
    state = RefreshState.objects.filter(pk=1).first()
    now = timezone.now()
    if state and state.checked_at and (now - state.checked_at).total_seconds() < max_age:
        return False
    if state and state.stamp == source_stamp():
        RefreshState.objects.filter(pk=1).update(checked_at=now)
        return False
    figures_refresh()
    return True


@transaction.atomic
def figures_refresh() -> None:
    """Rebuild every figure; call after imports, publications and bulk changes (the pages also check)."""
    # One rebuild at a time: the lock row serialises concurrent refreshes on PostgreSQL and SQLite alike.
    RefreshState.objects.get_or_create(pk=1)
    RefreshState.objects.select_for_update().get(pk=1)
    stamp = source_stamp()
    IndicatorFigure.objects.all().delete()
    AgreementFigure.objects.all().delete()
    YearFigure.objects.all().delete()
    _store(*_register_figures())
    _store(*_published_figures())
    now = timezone.now()
    RefreshState.objects.filter(pk=1).update(stamp=stamp, refreshed_at=now, checked_at=now)


def _store(year_rows: list[YearFigure], agreement_rows: list[AgreementFigure],
           indicators: dict[int, list[IndicatorFigure]]) -> None:
    _insert(YearFigure, year_rows)
    # The tables were emptied, so agreement figures take the ids after the last one and indicators point at them.
    first = (AgreementFigure.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
    rows = []
    for index, figure in enumerate(agreement_rows):
        figure.pk = first + index
        for row in indicators.get(index, []):
            row.figure_id = figure.pk
            rows.append(row)
    _insert(AgreementFigure, agreement_rows, with_id=True)
    _insert(IndicatorFigure, rows)


def _insert(model, objects: list, *, with_id: bool = False) -> None:
    """Plain multi-row INSERTs: the rebuild writes hundreds of thousands of rows, bulk_create's per-row work shows."""
    fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
    quote = connection.ops.quote_name
    sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
           f"VALUES ({', '.join(['%s'] * len(fields))})")
    with connection.cursor() as cursor:
        for start in range(0, len(objects), CHUNK):
            cursor.executemany(sql, [[f.get_db_prep_save(getattr(o, f.attname), connection) for f in fields]
                                     for o in objects[start:start + CHUNK]])


def _years(start: date | None, end: date | None) -> tuple[int | None, int | None]:
    first, last = (start.year if start else None), (end.year if end else None)
    return first or last, last or first


def _add(total: Decimal | None, value) -> Decimal | None:
    """Add a stated amount; an amount that is not stated leaves the total as it is (None stays unknown)."""
    if value is None:
        return total
    return (total or Decimal("0.00")) + Decimal(str(value))


def _percent(achieved: int | None, target: int | None) -> Decimal | None:
    if achieved is None or not target:
        return None
    return (Decimal(100) * achieved / target).quantize(Decimal("0.1"))


def _achievement(rows: list[IndicatorFigure]) -> tuple[Decimal | None, int]:
    """Mean of the indicators' achievement, each capped at 100 % so that one overshoot hides no shortfall."""
    known = [min(row.percent, Decimal(100)) for row in rows if row.percent is not None]
    if not known:
        return None, 0
    return (sum(known) / len(known)).quantize(Decimal("0.1")), len(known)


# --- the register: agreements, budget lines, reports, reviews, the activity log -------------------------

def _register_figures():
    agreements = list(Agreement.objects.order_by("pk").values(
        "pk", "title", "region", "field", "kind", "status", "start", "end",
        "delegator_id", "delegator__name", "performer_id", "performer__name"))
    planned = {(row["agreement_id"], row["year"]): row["planned"]
               for row in BudgetLine.objects.order_by().values("agreement_id", "year", "planned")}
    spent = {}
    # The latest submitted or accepted report that states a year gives that year's spending.
    for row in (ReportSpending.objects.filter(report__status__in=SPENDING_STATUSES)
                .order_by("report__period_end", "report_id")
                .values("report__agreement_id", "year", "spent")):
        spent[(row["report__agreement_id"], row["year"])] = row["spent"]
    reviews = {row["report__agreement_id"]: row for row in (
        Review.objects.order_by().values("report__agreement_id")
        .annotate(non_compliant=Sum("non_compliant_amount"), recovered=Sum("recovered_amount")))}
    counts, by_type = _activity_counts()
    indicators = _register_indicators(by_type)

    year_rows, agreement_rows, indicator_rows = [], [], {}
    keys = defaultdict(set)
    for agreement_id, year in [*planned, *spent, *counts]:
        keys[agreement_id].add(year)
    logged = {}
    for (agreement_id, _year), row in counts.items():
        total = logged.setdefault(agreement_id, {"participants": 0, "events": 0})
        total["participants"] += row["participants"]
        total["events"] += row["events"]
    for agreement in agreements:
        pk = agreement["pk"]
        dims = _register_dims(agreement)
        for year in sorted(keys.get(pk, ())):
            year_counts = counts.get((pk, year), {})
            year_rows.append(YearFigure(**dims, year=year, planned=planned.get((pk, year)),
                                        spent=spent.get((pk, year)), **year_counts))
        own = logged.get(pk, {})
        total_spent = None
        for year in keys.get(pk, ()):
            total_spent = _add(total_spent, spent.get((pk, year)))
        review = reviews.get(pk)
        rows = indicators.get(pk, [])
        achievement, measured = _achievement(rows)
        first, last = _years(agreement["start"], agreement["end"])
        indicator_rows[len(agreement_rows)] = rows
        agreement_rows.append(AgreementFigure(
            **dims, start_year=first, end_year=last, spent=total_spent,
            participants=own.get("participants"), events=own.get("events"),
            non_compliant=review["non_compliant"] if review else None,
            recovered=review["recovered"] if review else None,
            unrecovered=review["non_compliant"] - review["recovered"] if review else None,
            achievement=achievement, indicators=measured,
        ))
    return year_rows, agreement_rows, indicator_rows


def _register_dims(agreement: dict) -> dict:
    return {"source": Source.REGISTER, "agreement_id": agreement["pk"], "summary_id": None,
            "title": agreement["title"][:500], "region": agreement["region"], "field": agreement["field"][:200],
            "kind": agreement["kind"], "status": agreement["status"],
            "delegator_id": agreement["delegator_id"], "delegator_name": agreement["delegator__name"] or "",
            "performer_id": agreement["performer_id"], "performer_name": agreement["performer__name"]}


def _activity_counts():
    """Counts per (agreement, year) from the activity log, and per (agreement, type) for the indicators."""
    counts: dict[tuple, dict] = {}
    by_type: dict[int, dict[str, dict]] = defaultdict(dict)
    rows = (Activity.objects.order_by().annotate(year=ExtractYear("date"))
            .values("agreement_id", "year", "type")
            .annotate(n=Count("pk"), participants=Sum("participants"), organizations=Sum("organizations")))
    for row in rows:
        key = (row["agreement_id"], row["year"])
        # The log does not count ensembles or groups, so that kind stays unknown rather than zero.
        year = counts.setdefault(key, {"events": 0, "participants": 0, "organizations": 0,
                                       "consultations": 0, "publications": 0, "groups": None})
        year["participants"] += row["participants"] or 0
        year["organizations"] += row["organizations"] or 0
        if row["type"] in EVENT_TYPES:
            year["events"] += row["n"]
        elif row["type"] in CONSULTATION_TYPES:
            year["consultations"] += row["n"]
        elif row["type"] == ActivityType.PUBLICATION:
            year["publications"] += row["n"]
        total = by_type[row["agreement_id"]].setdefault(row["type"], {"n": 0, "participants": 0, "organizations": 0})
        total["n"] += row["n"]
        total["participants"] += row["participants"] or 0
        total["organizations"] += row["organizations"] or 0
    return counts, by_type


def _register_indicators(by_type: dict[int, dict[str, dict]]) -> dict[int, list[IndicatorFigure]]:
    """Each indicator's achieved value by its rule, as `indicator_progress` computes it from the activity log.

    A value entered by hand (rule "manual") comes from the latest submitted or accepted report.
    """
    manual = {}
    for row in (IndicatorValue.objects.filter(report__status__in=SPENDING_STATUSES)
                .order_by("report__period_end", "report_id").values("indicator_id", "computed", "override")):
        manual[row["indicator_id"]] = row["computed"] if row["override"] is None else row["override"]
    result = defaultdict(list)
    for indicator in (Indicator.objects.order_by("objective__agreement_id", "objective__position", "position")
                      .values("pk", "objective__agreement_id", "objective__position", "objective__text",
                              "position", "name", "unit", "target", "rule", "activity_types")):
        agreement_id = indicator["objective__agreement_id"]
        types = by_type.get(agreement_id, {})
        wanted = indicator["activity_types"] or list(types)
        matching = [types[t] for t in wanted if t in types]
        achieved = {
            IndicatorRule.COUNT_ACTIVITIES: sum(m["n"] for m in matching),
            IndicatorRule.SUM_PARTICIPANTS: sum(m["participants"] for m in matching),
            IndicatorRule.SUM_ORGANIZATIONS: sum(m["organizations"] for m in matching),
        }.get(indicator["rule"], manual.get(indicator["pk"]))
        result[agreement_id].append(IndicatorFigure(
            objective_position=indicator["objective__position"], objective_text=indicator["objective__text"],
            position=indicator["position"], name=indicator["name"][:500], unit=indicator["unit"],
            target=indicator["target"], achieved=achieved, percent=_percent(achieved, indicator["target"])))
    return result


# --- published summaries: the canonical JSON of each summary's latest version --------------------------

def _published_figures():
    versions = (summary_latest_versions().order_by("summary_id").values(
        "summary_id", "content", "title", "region", "performer_name", "period_start", "period_end",
        "source_report_id", "summary__agreement_id", "summary__agreement__field", "summary__agreement__kind",
        "summary__agreement__status", "summary__agreement__delegator_id", "summary__agreement__delegator__name",
        "summary__agreement__performer_id"))
    year_rows, agreement_rows, indicator_rows = [], [], {}
    versions = list(versions)
    indicators = _published_indicators([v["source_report_id"] for v in versions if v["source_report_id"]])
    for version in versions:
        content = version["content"]
        dims = _published_dims(version)
        first, last = _years(version["period_start"], version["period_end"])
        years: dict[int | None, dict] = {}
        for row in content.get("funding") or []:
            year = years.setdefault(row["year"], {"planned": None, "spent": None, "unstated": None})
            year["planned"] = _add(year["planned"], row.get("planned"))
            year["spent"] = _add(year["spent"], row.get("actual"))
            year["unstated"] = _add(year["unstated"], row.get("amount"))
        counts = _published_counts(content)
        if counts:
            # A summary states its results for the whole period: they count in the year the period ends.
            years.setdefault(last, {}).update(counts)
        for year, values in sorted(years.items(), key=lambda item: (item[0] is None, item[0] or 0)):
            year_rows.append(YearFigure(**dims, year=year, **values))
        total_spent = None
        for values in years.values():
            total_spent = _add(total_spent, values.get("spent"))
        rows = indicators.get(version["source_report_id"], [])
        achievement, measured = _achievement(rows)
        non_compliant = (content.get("non_compliant_expenditure") or {}).get("amount")
        unrecovered = (content.get("unrecovered_amount") or {}).get("amount")
        indicator_rows[len(agreement_rows)] = rows
        agreement_rows.append(AgreementFigure(
            **dims, start_year=first, end_year=last, spent=total_spent,
            participants=counts.get("participants"), events=counts.get("events"),
            non_compliant=_add(None, non_compliant),
            # A summary states what stayed unrecovered, not what was recovered: that stays unknown.
            recovered=None, unrecovered=_add(None, unrecovered),
            achievement=achievement, indicators=measured,
        ))
    return year_rows, agreement_rows, indicator_rows


def _published_dims(version: dict) -> dict:
    content = version["content"]
    return {"source": Source.PUBLISHED, "agreement_id": version["summary__agreement_id"],
            "summary_id": version["summary_id"], "title": version["title"][:500], "region": version["region"],
            "field": (version["summary__agreement__field"] or "")[:200],
            "kind": version["summary__agreement__kind"] or "", "status": version["summary__agreement__status"] or "",
            "delegator_id": version["summary__agreement__delegator_id"],
            "delegator_name": (content.get("delegator") or version["summary__agreement__delegator__name"] or "")[:300],
            "performer_id": version["summary__agreement__performer_id"],
            "performer_name": version["performer_name"]}


def _published_counts(content: dict) -> dict:
    """Every stated count of the results, summed by kind; a kind no result states is left out (unknown)."""
    counts = {}
    for result in content.get("results") or []:
        for quantity in result.get("quantities") or []:
            if quantity.get("kind") in COUNT_KINDS:
                counts[quantity["kind"]] = counts.get(quantity["kind"], 0) + int(quantity["value"])
    return counts


def _published_indicators(report_ids: list[int]) -> dict[int, list[IndicatorFigure]]:
    """Achieved values as published: the values of the report each summary was built from, against targets."""
    result = defaultdict(list)
    for start in range(0, len(report_ids), CHUNK):
        values = (IndicatorValue.objects.filter(report_id__in=report_ids[start:start + CHUNK])
                  .order_by("report_id", "indicator__objective__position", "indicator__position")
                  .values("report_id", "computed", "override", "indicator__objective__position",
                          "indicator__objective__text", "indicator__position", "indicator__name",
                          "indicator__unit", "indicator__target"))
        for value in values:
            achieved = value["computed"] if value["override"] is None else value["override"]
            result[value["report_id"]].append(IndicatorFigure(
                objective_position=value["indicator__objective__position"],
                objective_text=value["indicator__objective__text"], position=value["indicator__position"],
                name=value["indicator__name"][:500], unit=value["indicator__unit"],
                target=value["indicator__target"], achieved=achieved,
                percent=_percent(achieved, value["indicator__target"])))
    return result
