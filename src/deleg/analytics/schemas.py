"""API shapes of the figures: the filters every endpoint takes, and its rows. Money and percentages are strings."""
from decimal import Decimal
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import PlainSerializer

from deleg.api.schemas import Money

# A percentage with one decimal, as a string ("76.7"), never a float.
Percent = Annotated[Decimal, PlainSerializer(lambda value: f"{value:.1f}", return_type=str)]


class FiguresFilter(Schema):
    """The same filters as the /figures/ page's GET parameters; an empty one is not applied."""

    region: Literal["", "Rīga", "Vidzeme", "Kurzeme", "Zemgale", "Latgale"] = Field("", description="Planning region.")
    year: int | None = Field(None, ge=1900, le=2100, description="A calendar year.")
    delegator: int | None = Field(None, ge=0, description="The delegating organisation's id.")
    performer: int | None = Field(None, ge=0, description="The performing organisation's id.")
    field: str = Field("", description="The agreement's field, as written.")
    kind: Literal["", "delegation", "participation"] = Field("", description="The agreement's kind.")
    status: Literal["", "draft", "public_notice", "active", "closed", "terminated"] = Field(
        "", description="The agreement's status (published summaries are never drafts).")


class Group(Schema):
    group: dict[str, str | int | None] = Field(description="The group's values, e.g. {\"year\": 2020}.")
    label: str


class FundingRow(Group):
    planned: Money | None
    spent: Money | None
    unstated: Money | None = Field(description="Amounts whose role (planned or spent) is not stated; never in planned or spent.")
    rate: Percent | None = Field(description="Spent / planned in percent, over the years that state both.")


class ComplianceOut(Schema):
    non_compliant: Money | None
    recovered: Money | None
    unrecovered: Money | None


class FundingOut(Schema):
    source: str
    rows: list[FundingRow]
    total: FundingRow
    compliance: ComplianceOut


class CountRow(Group):
    events: int | None
    participants: int | None
    organizations: int | None
    consultations: int | None
    publications: int | None
    groups: int | None


class CountsOut(Schema):
    source: str
    rows: list[CountRow]
    total: CountRow


class IndicatorOut(Schema):
    position: int
    name: str
    unit: str
    target: int | None
    achieved: int | None
    percent: Percent | None


class ObjectiveOut(Schema):
    position: int
    text: str
    percent: Percent | None
    indicators: list[IndicatorOut]


class AchievementOut(Schema):
    summary_id: int | None
    agreement_id: int | None
    title: str
    performer: str
    region: str
    achievement: Percent = Field(description="Mean achievement of the indicators with a target, each capped at 100.")
    objectives: list[ObjectiveOut]


class CostRow(Group):
    per_participant: Money | None
    per_event: Money | None
    spent_participants: Money | None = Field(description="Spent by the agreements that also count participants.")
    participants: int | None
    spent_events: Money | None = Field(description="Spent by the agreements that also count events.")
    events: int | None


class ChangeRow(Group):
    year: int
    planned: Money | None
    planned_change: Money | None
    planned_change_percent: Percent | None
    spent: Money | None
    spent_change: Money | None
    spent_change_percent: Percent | None
    participants: int | None
    participants_change: int | None
    participants_change_percent: Percent | None
    events: int | None
    events_change: int | None
    events_change_percent: Percent | None
