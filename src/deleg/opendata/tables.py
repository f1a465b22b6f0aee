"""The exported tables, defined once: CSV, XLSX and the Data Package all read them, so they cannot drift.

Field names and descriptions are English (as the API's are); a table's title and description are also
shown on the /data/ page, so they are translated there.
"""
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from deleg.opendata import selectors

# Table Schema types used here: string, integer, number (money: a decimal string with two places), date, datetime.
STRING, INTEGER, NUMBER, DATE, DATETIME = "string", "integer", "number", "date", "datetime"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    table_fields: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    rows: Callable[..., Iterator[dict]]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()

    @property
    def field_names(self) -> list[str]:
        return [field.name for field in self.fields]


def _summary_key(*names: str) -> ForeignKey:
    return ForeignKey(names or ("summary_id",), "summaries", ("id",))


SUMMARIES = Table(
    "summaries", _("Summaries"),
    _("The latest version of every published summary (Kopsavilkums), with its funding totals and compliance findings."),
    (
        Field("id", INTEGER, "Summary id; its page is /s/<id>/."),
        Field("version", INTEGER, "Number of the latest published version."),
        Field("agreement_id", INTEGER, "The public agreement the summary reports on, if known."),
        Field("title", STRING, "The summary's heading."),
        Field("region", STRING, "Planning region (Rīga, Vidzeme, Kurzeme, Zemgale, Latgale), if named."),
        Field("performer", STRING, "Name of the performer, without legal form or quotes."),
        Field("performer_legal_form", STRING, "The performer's legal form (biedrība, nodibinājums, SIA, …), if stated."),
        Field("performer_register_number", STRING, "The performer's 11-digit register number, if stated."),
        Field("delegator", STRING, "The institution that delegated the task, if stated."),
        Field("period_start", DATE, "First day of the period the task was performed in."),
        Field("period_end", DATE, "Last day of the period."),
        Field("task", STRING, "The delegated state administration task as stated."),
        Field("total_planned", NUMBER, "Sum of the yearly planned funding, EUR; empty when no year states it."),
        Field("total_actual", NUMBER, "Sum of the yearly funding actually spent, EUR; empty when no year states it."),
        Field("total_amount", NUMBER,
              "Sum of the yearly figures whose role (planned or spent) the source does not state, EUR."),
        Field("non_compliant_amount", NUMBER, "Non-compliant expenditure, EUR; 0.00 where the summary says none."),
        Field("unrecovered_amount", NUMBER, "Non-compliant expenditure not recovered, EUR."),
        Field("other_information", STRING, "Other information (Cita informācija), if any."),
        Field("published", DATETIME, "When the latest version was published (UTC)."),
        Field("source_file", STRING, "The file an imported summary was read from, if imported."),
        Field("url", STRING, "The summary's page."),
    ),
    selectors.summary_rows,
    primary_key=("id",),
    foreign_keys=(ForeignKey(("agreement_id",), "agreements", ("id",)),),
)

SUMMARY_VERSIONS = Table(
    "summary_versions", _("Summary versions"),
    _("Every published version of every summary: a correction is a new version, and earlier ones stay readable."),
    (
        Field("summary_id", INTEGER, "The summary."),
        Field("version", INTEGER, "Version number, from 1."),
        Field("title", STRING, "The version's heading."),
        Field("published", DATETIME, "When the version was published (UTC)."),
        Field("change_note", STRING, "What the version corrects."),
        Field("source_file", STRING, "The file the version was imported from, if imported."),
        Field("content_sha256", STRING, "SHA-256 of the version's canonical JSON."),
        Field("url", STRING, "The version's page."),
    ),
    selectors.summary_version_rows,
    primary_key=("summary_id", "version"),
    foreign_keys=(_summary_key(),),
)

SUMMARY_FUNDING = Table(
    "summary_funding", _("Summary funding by year"),
    _("State budget funding per year as each summary states it: planned, actually spent, or a figure of unstated role."),
    (
        Field("summary_id", INTEGER, "The summary."),
        Field("version", INTEGER, "The summary version the row comes from (the latest)."),
        Field("year", INTEGER, "Budget year."),
        Field("planned", NUMBER, "Planned (allocated) funding, EUR, where the source labels it so."),
        Field("actual", NUMBER, "Funding actually spent, EUR, where the source labels it so."),
        Field("amount", NUMBER, "A single figure whose role the source does not state, EUR."),
    ),
    selectors.summary_funding_rows,
    foreign_keys=(_summary_key(),),
)

SUMMARY_OBJECTIVES = Table(
    "summary_objectives", _("Summary objectives"),
    _("The objectives of the delegated task as each summary lists them."),
    (
        Field("summary_id", INTEGER, "The summary."),
        Field("n", INTEGER, "Position in the list, from 1."),
        Field("text", STRING, "The objective."),
    ),
    selectors.summary_objective_rows,
    primary_key=("summary_id", "n"),
    foreign_keys=(_summary_key(),),
)

SUMMARY_RESULTS = Table(
    "summary_results", _("Summary results"),
    _("Achieved performance indicators (rezultatīvie rādītāji) as each summary states them."),
    (
        Field("summary_id", INTEGER, "The summary."),
        Field("n", INTEGER, "Position in the list, from 1."),
        Field("text", STRING, "The result as written."),
    ),
    selectors.summary_result_rows,
    primary_key=("summary_id", "n"),
    foreign_keys=(_summary_key(),),
)

SUMMARY_QUANTITIES = Table(
    "summary_quantities", _("Summary result quantities"),
    _("Every count a result states (events, participants, organisations, consultations, publications, groups)."),
    (
        Field("summary_id", INTEGER, "The summary."),
        Field("result_n", INTEGER, "The result the count belongs to (summary_results.n)."),
        Field("position", INTEGER, "Position of the count within the result, from 1."),
        Field("value", INTEGER, "The count."),
        Field("kind", STRING,
              "What is counted: events, participants, organizations, consultations, publications, groups or other."),
        Field("noun", STRING, "The counted noun as written, e.g. 'dalībnieki'."),
    ),
    selectors.summary_quantity_rows,
    primary_key=("summary_id", "result_n", "position"),
    foreign_keys=(ForeignKey(("summary_id", "result_n"), "summary_results", ("summary_id", "n")),),
)

AGREEMENTS = Table(
    "agreements", _("Agreements"),
    _("Delegation and participation agreements past the draft stage: task, parties, period, status and planned funding."),
    (
        Field("id", INTEGER, "Agreement id; its page is /agreements/<id>/."),
        Field("kind", STRING, "delegation or participation."),
        Field("number", STRING, "The agreement's number, if known."),
        Field("title", STRING, "Title."),
        Field("task", STRING, "The delegated task."),
        Field("field", STRING, "Field of state administration, if given."),
        Field("region", STRING, "Planning region, if any."),
        Field("delegator_id", INTEGER, "The delegating institution (organizations.id), if known."),
        Field("performer_id", INTEGER, "The performer (organizations.id)."),
        Field("legal_basis", STRING, "Legal basis, if given."),
        Field("start", DATE, "Start of the agreement's period."),
        Field("end", DATE, "End of the agreement's period."),
        Field("status", STRING, "public_notice, active, closed or terminated."),
        Field("planned_total", NUMBER, "Sum of the yearly budget lines, EUR."),
        Field("url", STRING, "The agreement's page."),
    ),
    selectors.agreement_rows,
    primary_key=("id",),
    foreign_keys=(
        ForeignKey(("delegator_id",), "organizations", ("id",)),
        ForeignKey(("performer_id",), "organizations", ("id",)),
    ),
)

OBJECTIVES = Table(
    "objectives", _("Objectives"),
    _("The objectives of each public agreement, in order."),
    (
        Field("id", INTEGER, "Objective id."),
        Field("agreement_id", INTEGER, "The agreement."),
        Field("position", INTEGER, "Position within the agreement, from 1."),
        Field("text", STRING, "The objective."),
    ),
    selectors.objective_rows,
    primary_key=("id",),
    foreign_keys=(ForeignKey(("agreement_id",), "agreements", ("id",)),),
)

INDICATORS = Table(
    "indicators", _("Indicators"),
    _("Performance indicators of each objective with their targets and baselines."),
    (
        Field("id", INTEGER, "Indicator id."),
        Field("objective_id", INTEGER, "The objective."),
        Field("agreement_id", INTEGER, "The agreement (the objective's)."),
        Field("position", INTEGER, "Position within the objective, from 1."),
        Field("name", STRING, "The indicator."),
        Field("kind", STRING, "What it counts (the same kinds as summary_quantities.kind)."),
        Field("unit", STRING, "Unit, if given."),
        Field("target", INTEGER, "Target value, if set."),
        Field("baseline", INTEGER, "Baseline value."),
        Field("rule", STRING,
              "How the achieved value is computed: manual, count_activities, sum_participants or sum_organizations."),
    ),
    selectors.indicator_rows,
    primary_key=("id",),
    foreign_keys=(
        ForeignKey(("objective_id",), "objectives", ("id",)),
        ForeignKey(("agreement_id",), "agreements", ("id",)),
    ),
)

BUDGET_LINES = Table(
    "budget_lines", _("Budget lines"),
    _("Planned state budget funding of each public agreement by year."),
    (
        Field("id", INTEGER, "Budget line id."),
        Field("agreement_id", INTEGER, "The agreement."),
        Field("year", INTEGER, "Budget year."),
        Field("planned", NUMBER, "Planned amount, EUR."),
    ),
    selectors.budget_line_rows,
    primary_key=("id",),
    foreign_keys=(ForeignKey(("agreement_id",), "agreements", ("id",)),),
)

ORGANIZATIONS = Table(
    "organizations", _("Organisations"),
    _("The delegating institutions and performers of the public agreements."),
    (
        Field("id", INTEGER, "Organisation id."),
        Field("name", STRING, "Name."),
        Field("legal_form", STRING, "Legal form (biedrība, nodibinājums, ministrija, …), if known."),
        Field("registration_number", STRING, "11-digit register number, if known."),
        Field("region", STRING, "Planning region, if known."),
        Field("role", STRING, "delegator or performer."),
    ),
    selectors.organization_rows,
    primary_key=("id",),
)

TABLES: tuple[Table, ...] = (
    SUMMARIES, SUMMARY_VERSIONS, SUMMARY_FUNDING, SUMMARY_OBJECTIVES, SUMMARY_RESULTS, SUMMARY_QUANTITIES,
    AGREEMENTS, OBJECTIVES, INDICATORS, BUDGET_LINES, ORGANIZATIONS,
)
