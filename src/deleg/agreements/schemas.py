"""API shapes of agreements, their objectives, indicators and budget lines."""
import datetime

from ninja import Field, Schema

from deleg.agreements.selectors import agreement_public_indicators, indicator_progress
from deleg.api.schemas import Money, MoneyIn
from deleg.organizations.schemas import OrganizationOut


class AgreementOut(Schema):
    id: int
    kind: str
    number: str
    title: str
    field: str
    region: str
    status: str
    delegator: OrganizationOut | None
    performer: OrganizationOut
    start: datetime.date | None
    end: datetime.date | None


class AgreementPublicOut(AgreementOut):
    planned_total: Money | None


class IndicatorOut(Schema):
    id: int
    position: int
    name: str
    kind: str
    unit: str
    target: int | None
    baseline: int
    rule: str
    activity_types: list[str]


class IndicatorProgressOut(Schema):
    indicator: IndicatorOut
    achieved: int | None = Field(description="Computed from the activity log; null for a manual indicator.")
    percent: int | None = Field(description="Achieved against target, capped at 100.")


class ObjectiveOut(Schema):
    id: int
    position: int
    text: str


class ObjectiveProgressOut(Schema):
    objective: ObjectiveOut
    percent: int | None
    indicators: list[IndicatorProgressOut]


class BudgetLineOut(Schema):
    year: int
    planned: Money


class AgreementDetailOut(AgreementOut):
    task: str
    legal_basis: str
    objectives: list[ObjectiveProgressOut]
    budget_lines: list[BudgetLineOut]

    @staticmethod
    def resolve_objectives(agreement):
        return indicator_progress(agreement)


class AgreementPublicDetailOut(AgreementPublicOut):
    task: str
    legal_basis: str
    objectives: list[ObjectiveProgressOut] = Field(
        description="Targets, with achieved values as published in the agreement's latest summary (else null).")
    budget_lines: list[BudgetLineOut]

    @staticmethod
    def resolve_objectives(agreement):
        return agreement_public_indicators(agreement)


class IndicatorIn(Schema):
    name: str
    kind: str
    unit: str = ""
    target: int | None = Field(None, ge=0)
    baseline: int = Field(0, ge=0)
    rule: str = ""
    activity_types: list[str] = []


class ObjectiveIn(Schema):
    text: str
    indicators: list[IndicatorIn] = []


class BudgetLineIn(Schema):
    year: int
    planned: MoneyIn


class AgreementIn(Schema):
    """A new agreement with its objectives, indicators and yearly budget, created together or not at all."""

    title: str
    task: str
    delegator: int = Field(description="Id of the delegating ministry; you must be its administrator.")
    performer: int = Field(description="Id of the performing organisation.")
    kind: str = ""
    number: str = ""
    field: str = ""
    region: str = ""
    legal_basis: str = ""
    start: datetime.date | None = None
    end: datetime.date | None = None
    status: str = ""
    objectives: list[ObjectiveIn] = []
    budget_lines: list[BudgetLineIn] = []
