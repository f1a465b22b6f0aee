"""The figures across agreements: funding, execution, compliance, counts, achievement, costs and change.

Every page, the API and the CLI read figures here, over a `Scope` (published summaries for everyone,
or a ministry's own agreements from the register) and `Filters` (region, year, delegator, performer,
field, agreement kind and status). Money is Decimal; so are percentages.
"""
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext as _

from deleg.agreements.models import AgreementKind, AgreementStatus
from deleg.analytics.models import AgreementFigure, Source, YearFigure
from deleg.core.choices import Region
from deleg.organizations.models import MINISTRY_ROLES
from deleg.organizations.permissions import DENIED, organizations_with

COUNT_KINDS = ("events", "participants", "organizations", "consultations", "publications", "groups")
# What figures can be grouped by, and the columns that say it (an organisation by its id and its name).
GROUPS = {
    "region": ("region",), "year": ("year",), "delegator": ("delegator_id", "delegator_name"),
    "performer": ("performer_id", "performer_name"), "field": ("field",), "kind": ("kind",), "status": ("status",),
}
PERCENT = Decimal("0.1")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Scope:
    """Whose figures: one source, and the delegators whose agreements count (None: all of them)."""

    source: str
    delegators: tuple[int, ...] | None = None

    def published(self) -> "Scope":
        """The published summaries of the same agreements, for counts kept apart by source."""
        return Scope(Source.PUBLISHED, self.delegators)


@dataclass(frozen=True)
class Filters:
    region: str = ""
    year: int | None = None
    delegator: int | None = None
    performer: int | None = None
    field: str = ""
    kind: str = ""
    status: str = ""

    def as_query(self) -> dict[str, str]:
        """The filters that are set, as GET parameters for a shareable link."""
        return {name: str(value) for name, value in asdict(self).items() if value not in ("", None)}


FILTER_NAMES = tuple(f.name for f in fields(Filters))
PUBLIC_SCOPE = Scope(Source.PUBLISHED)


def figures_scope(*, actor) -> Scope:
    """The dashboard's scope: the register's agreements of the person's ministries (all for superusers)."""
    if getattr(actor, "is_superuser", False):
        return Scope(Source.REGISTER)
    ministries = organizations_with(actor, MINISTRY_ROLES)
    if not ministries:
        raise PermissionDenied(DENIED)
    return Scope(Source.REGISTER, tuple(sorted(ministries)))


def figures_filters(data: Mapping[str, str]) -> Filters:
    """Filters from GET parameters or `--filter name=value`; an unknown or malformed value is refused."""
    errors = {}
    values: dict = {}
    choices = {"region": Region.values, "kind": AgreementKind.values, "status": AgreementStatus.values}
    for name in FILTER_NAMES:
        raw = (data.get(name) or "").strip()
        if not raw:
            continue
        if name in ("year", "delegator", "performer"):
            if not raw.isdigit() or (name == "year" and not 1900 <= int(raw) <= 2100):
                errors[name] = ValidationError(_("Enter a whole number."), code="invalid")
                continue
            values[name] = int(raw)
        elif name in choices and raw not in choices[name]:
            errors[name] = ValidationError(_("Select a valid choice."), code="invalid_choice")
        else:
            values[name] = raw
    if errors:
        raise ValidationError(errors)
    return Filters(**values)


def _scoped(model, scope: Scope) -> QuerySet:
    rows = model.objects.filter(source=scope.source).order_by()
    if scope.delegators is not None:
        rows = rows.filter(delegator_id__in=scope.delegators)
    return rows


def _filtered(rows: QuerySet, filters: Filters, *, yearly: bool) -> QuerySet:
    conditions = {name: getattr(filters, name) for name in ("region", "field", "kind", "status")
                  if getattr(filters, name)}
    if filters.delegator is not None:
        conditions["delegator_id"] = filters.delegator
    if filters.performer is not None:
        conditions["performer_id"] = filters.performer
    rows = rows.filter(**conditions)
    if filters.year is not None:
        # A yearly figure belongs to its year; a whole-period figure to every year its period touches.
        rows = rows.filter(year=filters.year) if yearly else rows.filter(
            start_year__lte=filters.year, end_year__gte=filters.year)
    return rows


def year_rows(*, scope: Scope, filters: Filters) -> QuerySet[YearFigure]:
    return _filtered(_scoped(YearFigure, scope), filters, yearly=True)


def agreement_rows(*, scope: Scope, filters: Filters) -> QuerySet[AgreementFigure]:
    return _filtered(_scoped(AgreementFigure, scope), filters, yearly=False)


def _columns(by: tuple[str, ...], *, yearly: bool) -> list[str]:
    unknown = [name for name in by if name not in GROUPS]
    if unknown:
        raise ValidationError({"by": ValidationError(
            _("Figures cannot be grouped by %(names)s."), code="invalid_choice", params={"names": ", ".join(unknown)})})
    columns = [column for name in by for column in GROUPS[name]]
    return columns if yearly else ["end_year" if c == "year" else c for c in columns]


def _label(name: str, row: dict) -> str:
    """The group's name for people: a region's or a status's display name, an organisation's name."""
    value = row.get("end_year", row.get("year")) if name == "year" else row.get(GROUPS[name][-1])
    if value in (None, ""):
        return _("not stated")
    labels = {"region": Region, "kind": AgreementKind, "status": AgreementStatus}
    if name in labels:
        return str(dict(labels[name].choices).get(value, value))
    return str(value)


def _sums(rows: QuerySet, columns: list[str], sums: dict, order: list[str]) -> list[dict]:
    """Grouped sums; named with a suffix in SQL, since a sum may not share its column's name there."""
    named = {f"{name}__sum": aggregate for name, aggregate in sums.items()}
    result = list(rows.values(*columns).annotate(**named).order_by(*order)) if columns else [rows.aggregate(**named)]
    return [{name.removesuffix("__sum"): value for name, value in row.items()} for row in result]


def _grouped(rows: QuerySet, by: tuple[str, ...], *, yearly: bool = True, **sums) -> list[dict]:
    columns = _columns(by, yearly=yearly)
    result = _sums(rows, columns, sums, columns)
    for row in result:
        row["key"] = {name: row.get("end_year" if name == "year" and not yearly else GROUPS[name][0]) for name in by}
        row["label"] = " · ".join(_label(name, row) for name in by)
    return result


def rate(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part / whole as a percentage with one decimal; None where either is unknown or the whole is zero."""
    if part is None or not whole:
        return None
    return (Decimal(100) * Decimal(part) / Decimal(whole)).quantize(PERCENT)


def _divide(amount: Decimal | None, count: int | None) -> Decimal | None:
    if amount is None or not count:
        return None
    return (Decimal(amount) / count).quantize(CENT)


# --- funding -----------------------------------------------------------------------------------------

FUNDING_SUMS = {
    "planned": Sum("planned"),
    "spent": Sum("spent"),
    "unstated": Sum("unstated"),
    # The execution rate compares only years that state both figures, so a year without a report yet
    # does not look unspent.
    "matched_planned": Sum("planned", filter=Q(spent__isnull=False)),
    "matched_spent": Sum("spent", filter=Q(planned__isnull=False)),
}


COUNT_SUMS = {kind: Sum(kind) for kind in COUNT_KINDS}
SUMMED = (*FUNDING_SUMS, *COUNT_KINDS)


def figures_grouped(*, scope: Scope, filters: Filters, by: tuple[str, ...]) -> list[dict]:
    """Every yearly sum (funding, the rate's matched sums, counts) per group, in one query.

    A page asks once by (region, year) and rolls the rows up into its figures with `rollup`.
    """
    return _grouped(year_rows(scope=scope, filters=filters), by, **FUNDING_SUMS, **COUNT_SUMS)


def _add(total, value):
    if value is None:
        return total
    return value if total is None else total + value


def rollup(rows: list[dict], by: tuple[str, ...]) -> list[dict]:
    """Sum grouped rows into coarser groups (by a subset of their grouping); an unstated sum stays None."""
    groups: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row["key"][name] for name in by)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {"key": {name: row["key"][name] for name in by},
                                   "label": " · ".join(_label(name, row) for name in by),
                                   **{column: row.get(column) for name in by for column in GROUPS[name]}}
        for name in SUMMED:
            group[name] = _add(group.get(name), row.get(name))
    return [groups[key] for key in sorted(groups, key=lambda k: tuple((v is None, str(v)) for v in k))]


def funding_rows(rows: list[dict]) -> list[dict]:
    """The funding figures of grouped rows, with the execution rate; groups without any amount are left out."""
    result = []
    for row in rows:
        if row["planned"] is None and row["spent"] is None and row["unstated"] is None:
            continue
        result.append({"key": row["key"], "label": row["label"], "planned": row["planned"], "spent": row["spent"],
                       "unstated": row["unstated"], "rate": rate(row["matched_spent"], row["matched_planned"])})
    return result


def count_rows(rows: list[dict], source: str) -> list[dict]:
    """The counts of grouped rows, labelled by their source; groups without any count are left out."""
    return [{"key": row["key"], "label": row["label"], "source": source, **{kind: row[kind] for kind in COUNT_KINDS}}
            for row in rows if any(row[kind] is not None for kind in COUNT_KINDS)]


def figures_funding(*, scope: Scope, filters: Filters, by: tuple[str, ...] = ("year",)) -> list[dict]:
    """Planned, spent and unstated-role amounts with the execution rate, per group (one row when by is empty).

    An amount whose role a summary does not state is summed on its own, never into planned or spent.
    """
    rows = year_rows(scope=scope, filters=filters).filter(
        Q(planned__isnull=False) | Q(spent__isnull=False) | Q(unstated__isnull=False))
    result = funding_rows(_grouped(rows, by, **FUNDING_SUMS, **COUNT_SUMS))
    if by == () and not result:
        result = [{"key": {}, "label": "", "planned": None, "spent": None, "unstated": None, "rate": None}]
    return result


def execution_rows(rows: list[dict], limit: int = 15) -> list[dict]:
    """The performers with the most planned funding and their execution rate, from rows grouped by performer."""
    planned = [row for row in rollup(rows, ("performer",)) if row["planned"] is not None]
    planned.sort(key=lambda row: (-row["planned"], row["label"]))
    return funding_rows(planned[:limit])


def figures_execution_by_performer(*, scope: Scope, filters: Filters, limit: int = 15) -> list[dict]:
    """The execution rate of the performers with the most planned funding, largest first."""
    return execution_rows(figures_grouped(scope=scope, filters=filters, by=("performer",)), limit)


# --- counts ------------------------------------------------------------------------------------------

def figures_counts(*, scope: Scope, filters: Filters, by: tuple[str, ...] = ("region",)) -> list[dict]:
    """Events, participants, organisations, consultations, publications and groups per group, from one source.

    Published results and the activity log are never added together: ask once per source.
    """
    rows = count_rows(figures_grouped(scope=scope, filters=filters, by=by), scope.source)
    if by == () and not rows:
        rows = [{"key": {}, "label": "", "source": scope.source, **{kind: None for kind in COUNT_KINDS}}]
    return rows


# --- achievement -------------------------------------------------------------------------------------

def figures_achievement(*, scope: Scope, filters: Filters, limit: int | None = 10) -> list[dict]:
    """Agreements with indicator targets, furthest behind first, each with its objectives and indicators."""
    figures = (agreement_rows(scope=scope, filters=filters).filter(achievement__isnull=False)
               .order_by("achievement", "title", "pk").prefetch_related("indicator_rows"))
    if limit is not None:
        figures = figures[:limit]
    result = []
    for figure in figures:
        objectives: dict[int, dict] = {}
        for row in figure.indicator_rows.all():
            objective = objectives.setdefault(row.objective_position, {
                "position": row.objective_position, "text": row.objective_text, "indicators": []})
            objective["indicators"].append({
                "position": row.position, "name": row.name, "unit": row.unit, "target": row.target,
                "achieved": row.achieved, "percent": row.percent})
        for objective in objectives.values():
            known = [min(i["percent"], Decimal(100)) for i in objective["indicators"] if i["percent"] is not None]
            objective["percent"] = (sum(known) / len(known)).quantize(PERCENT) if known else None
        result.append({
            "agreement_id": figure.agreement_id, "summary_id": figure.summary_id, "title": figure.title,
            "performer": figure.performer_name, "region": figure.region, "achievement": figure.achievement,
            "indicators": figure.indicators, "objectives": list(objectives.values()),
        })
    return result


# --- costs -------------------------------------------------------------------------------------------

AGREEMENT_SUMS = {
    "non_compliant": Sum("non_compliant"), "recovered": Sum("recovered"), "unrecovered": Sum("unrecovered"),
    "spent_participants": Sum("spent", filter=Q(spent__isnull=False, participants__gt=0)),
    "participants": Sum("participants", filter=Q(spent__isnull=False, participants__gt=0)),
    "spent_events": Sum("spent", filter=Q(spent__isnull=False, events__gt=0)),
    "events": Sum("events", filter=Q(spent__isnull=False, events__gt=0)),
}


def figures_agreements_grouped(*, scope: Scope, filters: Filters, by: tuple[str, ...]) -> list[dict]:
    """Whole-period sums per group in one query: compliance, and the inputs of the costs."""
    return _grouped(agreement_rows(scope=scope, filters=filters), by, yearly=False, **AGREEMENT_SUMS)


def compliance_totals(rows: list[dict]) -> dict:
    totals = {"non_compliant": None, "recovered": None, "unrecovered": None}
    for row in rows:
        for name in totals:
            totals[name] = _add(totals[name], row[name])
    return totals


def figures_compliance(*, scope: Scope, filters: Filters) -> dict:
    """Non-compliant expenditure, and what was recovered and what was not, in total."""
    return compliance_totals(figures_agreements_grouped(scope=scope, filters=filters, by=()))


def cost_rows(rows: list[dict]) -> list[dict]:
    """Spent per participant and per event; a group where no agreement states both figures is left out."""
    result = []
    for row in rows:
        per_participant = _divide(row["spent_participants"], row["participants"])
        per_event = _divide(row["spent_events"], row["events"])
        if per_participant is not None or per_event is not None:
            result.append(row | {"per_participant": per_participant, "per_event": per_event})
    return result


def figures_costs(*, scope: Scope, filters: Filters, by: tuple[str, ...] = ("region",)) -> list[dict]:
    """Spent per participant and per event, over the agreements that state both the spending and the count.

    A group where no agreement states both has no cost (None), rather than a cost from half the figures.
    """
    return cost_rows(figures_agreements_grouped(scope=scope, filters=filters, by=by))


# --- change ------------------------------------------------------------------------------------------

CHANGE_MEASURES = ("planned", "spent", "participants", "events")


def change_rows(rows: list[dict], by: str, *, year: int | None = None) -> list[dict]:
    """Year-on-year change from rows grouped by (group, year)."""
    groups: dict[tuple, dict[int, dict]] = {}
    for row in rows:
        if row["key"]["year"] is not None:
            groups.setdefault((row["key"][by], _label(by, row)), {})[row["key"]["year"]] = row
    result = []
    for (value, label), years in sorted(groups.items(), key=lambda item: (item[0][1], str(item[0][0]))):
        for current, row in sorted(years.items()):
            if year is not None and current != year:
                continue
            before = years.get(current - 1)
            item = {"key": {by: value}, "label": label, "year": current}
            for measure in CHANGE_MEASURES:
                now, previous = row[measure], before[measure] if before else None
                item[measure] = now
                item[f"{measure}_change"] = now - previous if now is not None and previous is not None else None
                item[f"{measure}_change_percent"] = rate(item[f"{measure}_change"], previous)
            result.append(item)
    return result


def figures_change(*, scope: Scope, filters: Filters, by: str = "region", limit: int | None = None,
                   totals: list[dict] | None = None) -> list[dict]:
    """Each group's yearly planned, spent, participants and events, with the change from the year before.

    The change is against the previous calendar year of the same group; None where that year has no figure.
    With a limit, only the groups that spent most are kept (from `totals`, rows grouped by `by`, if given).
    """
    every_year = Filters(**{**asdict(filters), "year": None})
    rows = year_rows(scope=scope, filters=every_year)
    if limit is not None:
        totals = figures_grouped(scope=scope, filters=filters, by=(by,)) if totals is None else totals
        largest = sorted(totals, key=lambda row: -(row["spent"] or 0))[:limit]
        columns = GROUPS[by]
        chosen = Q(pk__in=[])
        for row in largest:
            chosen |= Q(**{column: row[column] for column in columns})
        rows = rows.filter(chosen)
    grouped = _grouped(rows, (by, "year"), **FUNDING_SUMS, **COUNT_SUMS)
    return change_rows(grouped, by, year=filters.year)


# --- everything at once, for the command line --------------------------------------------------------

def figures_table(*, scope: Scope, filters: Filters, by: tuple[str, ...]) -> list[dict]:
    """Funding and counts per group, one row each: what `deleg figures --by …` prints."""
    return [row | {"rate": rate(row["matched_spent"], row["matched_planned"])}
            for row in figures_grouped(scope=scope, filters=filters, by=by)]


def figures_filter_choices(*, scope: Scope) -> dict[str, list[tuple[str, str]]]:
    """The values each filter can take within the scope, for the filter form."""
    rows = _scoped(AgreementFigure, scope)
    years = _scoped(YearFigure, scope).exclude(year=None).values_list("year", flat=True).distinct().order_by("-year")
    delegators = rows.exclude(delegator_id=None).values_list("delegator_id", "delegator_name").distinct()
    performers = rows.exclude(performer_id=None).values_list("performer_id", "performer_name").distinct()
    fields_ = rows.exclude(field="").values_list("field", flat=True).distinct().order_by("field")
    return {
        "region": list(Region.choices),
        "year": [(str(year), str(year)) for year in years],
        "delegator": sorted(((str(pk), name) for pk, name in delegators), key=lambda c: c[1]),
        "performer": sorted(((str(pk), name) for pk, name in performers), key=lambda c: c[1]),
        "field": [(value, value) for value in fields_],
        "kind": list(AgreementKind.choices),
        "status": list(AgreementStatus.choices),
    }
