"""What the figures pages show: each chart from its selector, and the tables beside the charts."""
from dataclasses import replace
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from deleg.analytics import selectors
from deleg.analytics.charts import Chart, Series, horizontal, vertical
from deleg.analytics.models import Source
from deleg.analytics.selectors import Filters, Scope
from deleg.core.choices import Region

PLANNED, SPENT, UNSTATED = "#1d4f91", "#00703c", "#6f4e00"
PARTICIPANTS, EVENTS, RATE = "#1d4f91", "#9e3039", "#00703c"


def source_name(source: str) -> str:
    return _("activity log") if source == Source.REGISTER else _("published summaries")


def chart_funding(rows: list[dict]) -> Chart:
    chart = Chart(
        name="funding", title=_("Funding by year: planned and spent"), unit=_("euro"),
        description=_("Bars per year: planned funding, spent funding, and amounts whose role (planned or spent) "
                      "the source does not state, drawn apart. The table gives the same figures."),
        categories=[r["label"] for r in rows], category_heading=_("Year"),
        series=[Series(_("planned"), PLANNED, [r["planned"] for r in rows], money=True),
                Series(_("spent"), SPENT, [r["spent"] for r in rows], money=True),
                Series(_("role not stated"), UNSTATED, [r["unstated"] for r in rows], money=True)])
    return vertical(chart)


def chart_execution(rows: list[dict]) -> Chart:
    chart = Chart(
        name="execution", title=_("Execution rate by performer"), unit="%",
        description=_("Spent as a percentage of planned funding for the performers with the most planned funding, "
                      "over the years that state both figures; the line marks 100 %."),
        categories=[r["label"] for r in rows], category_heading=_("Performer"),
        series=[Series(_("execution rate"), RATE, [r["rate"] for r in rows], percent=True)],
        note=ngettext("The %(n)s performer with the most planned funding.",
                      "The %(n)s performers with the most planned funding.", len(rows)) % {"n": len(rows)} if rows else "")
    return horizontal(chart, reference=Decimal(100))


def chart_counts(rows: list[dict], source: str) -> Chart:
    rows = {r["key"]["region"]: r for r in rows}
    regions = [(value, label) for value, label in Region.choices if value in rows]
    if "" in rows:
        regions.append(("", _("not stated")))
    chart = Chart(
        name="counts" if source == Source.REGISTER else "counts-published",
        title=_("Participants and events by region (%(source)s)") % {"source": source_name(source)}, unit=_("count"),
        description=_("Two bar panels, each on its own scale: the number of participants and the number of events "
                      "per planning region, from the %(source)s only.") % {"source": source_name(source)},
        categories=[str(label) for _value, label in regions], category_heading=_("Region"),
        series=[Series(_("participants"), PARTICIPANTS, [rows[v]["participants"] for v, _l in regions]),
                Series(_("events"), EVENTS, [rows[v]["events"] for v, _l in regions])])
    return horizontal(chart, panel_series=True)


def chart_achievement(rows: list[dict]) -> Chart:
    chart = Chart(
        name="achievement", title=_("Indicator achievement against target, furthest behind first"), unit="%",
        description=_("For each agreement, the mean achievement of its indicators with a target, each capped at "
                      "100 %; the line marks the target (100 %)."),
        categories=[r["title"] for r in rows], category_heading=_("Agreement"),
        series=[Series(_("achievement"), RATE, [r["achievement"] for r in rows], percent=True)],
        note=ngettext("The %(n)s agreement furthest behind.", "The %(n)s agreements furthest behind.",
                      len(rows)) % {"n": len(rows)} if rows else "")
    return horizontal(chart, reference=Decimal(100))


def chart_regions(rows: list[dict]) -> Chart:
    rows = {r["key"]["region"]: r for r in rows}
    regions = [(value, label) for value, label in Region.choices if value in rows]
    if "" in rows:
        regions.append(("", _("not stated")))
    chart = Chart(
        name="regions", title=_("Regions compared: planned and spent funding"), unit=_("euro"),
        description=_("Planned and spent funding per planning region, side by side, in place of a map."),
        categories=[str(label) for _value, label in regions], category_heading=_("Region"),
        series=[Series(_("planned"), PLANNED, [rows[v]["planned"] for v, _l in regions], money=True),
                Series(_("spent"), SPENT, [rows[v]["spent"] for v, _l in regions], money=True)])
    return horizontal(chart)


def chart_for(name: str, scope: Scope, filters: Filters) -> Chart | None:
    """One chart by its name in ?chart=…; counts-published is the counts chart of the published summaries."""
    if name == "funding":
        return chart_funding(selectors.figures_funding(scope=scope, filters=filters))
    if name == "execution":
        return chart_execution(selectors.figures_execution_by_performer(scope=scope, filters=filters))
    if name == "counts" and scope.source == Source.REGISTER:
        return chart_counts(selectors.figures_counts(scope=scope, filters=filters), scope.source)
    if name == "counts-published":
        published = scope.published()
        return chart_counts(selectors.figures_counts(scope=published, filters=filters), published.source)
    if name == "achievement":
        return chart_achievement(selectors.figures_achievement(scope=scope, filters=filters))
    if name == "regions":
        return chart_regions(selectors.figures_funding(scope=scope, filters=filters, by=("region",)))
    return None


def page_figures(scope: Scope, filters: Filters) -> dict:
    """Everything a figures page shows, for the public (published) or a ministry (register) scope.

    Few queries: one by region and year (funding, counts, regions, change by region), one by performer
    (execution, and which performers' change to show), one by region over whole periods (compliance, costs).
    """
    every_year = replace(filters, year=None)
    by_region = selectors.figures_grouped(scope=scope, filters=every_year, by=("region", "year"))
    this_year = [r for r in by_region if filters.year is None or r["key"]["year"] == filters.year]
    performers = selectors.figures_grouped(scope=scope, filters=filters, by=("performer",))
    periods = selectors.figures_agreements_grouped(scope=scope, filters=filters, by=("region",))
    achievement = selectors.figures_achievement(scope=scope, filters=filters)
    totals = (selectors.funding_rows(selectors.rollup(this_year, ())) or [{"planned": None, "spent": None,
                                                                              "unstated": None, "rate": None}])[0]
    compliance = selectors.compliance_totals(periods)
    counts = [(scope.source, selectors.count_rows(selectors.rollup(this_year, ("region",)), scope.source))]
    if scope.source == Source.REGISTER:
        published = scope.published()
        rows = selectors.figures_grouped(scope=published, filters=filters, by=("region",))
        counts.append((published.source, selectors.count_rows(rows, published.source)))
    charts = [chart_funding(selectors.funding_rows(selectors.rollup(this_year, ("year",)))),
              chart_execution(selectors.execution_rows(performers))]
    charts += [chart_counts(rows, source) for source, rows in counts]
    charts += [chart_achievement(achievement),
               chart_regions(selectors.funding_rows(selectors.rollup(this_year, ("region",))))]
    return {
        "headline": [
            (_("Planned funding"), totals["planned"], True),
            (_("Spent funding"), totals["spent"], True),
            (_("Execution rate"), totals["rate"], False),
            (_("Amounts of unstated role"), totals["unstated"], True),
            (_("Non-compliant expenditure"), compliance["non_compliant"], True),
            (_("Recovered"), compliance["recovered"], True),
            (_("Unrecovered"), compliance["unrecovered"], True),
        ],
        "charts": charts,
        "counts": [_count_totals(source, rows) for source, rows in counts],
        "achievement": achievement,
        "costs": selectors.cost_rows(periods),
        "change_regions": selectors.change_rows(by_region, "region", year=filters.year),
        "change_performers": selectors.figures_change(scope=scope, filters=filters, by="performer", limit=10,
                                                      totals=performers),
    }


def _count_totals(source: str, rows: list[dict]) -> dict:
    totals = {kind: None for kind in selectors.COUNT_KINDS}
    for row in rows:
        for kind in totals:
            if row[kind] is not None:
                totals[kind] = (totals[kind] or 0) + row[kind]
    return {"source": source_name(source), "values": list(totals.values())}
