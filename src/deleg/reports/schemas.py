"""API shapes of reports, their spending and indicator values, and the ministry's review."""
import datetime
from decimal import Decimal

from ninja import Field, Schema

from deleg.api.schemas import Money, MoneyIn, RevisionIn


class SpendingOut(Schema):
    year: int
    spent: Money


class IndicatorValueOut(Schema):
    indicator: int
    name: str
    computed: int
    override: int | None
    override_reason: str
    value: int

    @staticmethod
    def resolve_indicator(value):
        return value.indicator_id

    @staticmethod
    def resolve_name(value):
        return value.indicator.name


class ReviewOut(Schema):
    evaluation: str
    comments: str
    non_compliant_amount: Money
    non_compliant_description: str
    recovered_amount: Money
    unrecovered: Money = Field(description="Non-compliant minus recovered; computed, never typed.")
    revision: int
    updated_at: datetime.datetime


class ReportListOut(Schema):
    id: int
    agreement: int
    kind: str
    status: str
    period_start: datetime.date
    period_end: datetime.date
    submitted_at: datetime.datetime | None
    revision: int

    @staticmethod
    def resolve_agreement(report):
        return report.agreement_id


class ReportOut(ReportListOut):
    narrative: str
    other_information: str
    spending: list[SpendingOut]
    indicator_values: list[IndicatorValueOut]
    review: ReviewOut | None

    @staticmethod
    def resolve_indicator_values(report):
        return report.indicator_values.select_related("indicator").order_by(
            "indicator__objective__position", "indicator__position")

    @staticmethod
    def resolve_review(report):
        return getattr(report, "review", None)


class ReportIn(Schema):
    kind: str = Field(description="interim or final")
    period_start: datetime.date
    period_end: datetime.date
    narrative: str = ""
    other_information: str = ""


class SpendingIn(Schema):
    year: int
    spent: MoneyIn


class OverrideIn(Schema):
    indicator: int
    value: int | None = Field(ge=0, description="null removes the override")
    reason: str = ""


class ReportUpdateIn(RevisionIn):
    """Only the fields sent are changed; spending and overrides are merged by year and indicator."""

    kind: str | None = None
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    narrative: str | None = None
    other_information: str | None = None
    spending: list[SpendingIn] = []
    overrides: list[OverrideIn] = []


class ReturnIn(RevisionIn):
    comments: str
    review_revision: int | None = None


class ReviewIn(RevisionIn):
    evaluation: str = ""
    non_compliant_amount: MoneyIn = Decimal("0.00")
    non_compliant_description: str = ""
    recovered_amount: MoneyIn = Decimal("0.00")
    review_revision: int | None = None


class PublishIn(Schema):
    change_note: str = Field("", description="Required for every version after the first: what it corrects.")
