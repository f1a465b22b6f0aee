"""A small fixed dataset whose figures are computed by hand in the tests.

Ministry A delegates A1 (Latgale, 2019–2020, reported, reviewed, with activities and indicators) and
A2 (Zemgale, 2020, a draft with a budget and nothing else: no counts). Ministry B delegates A3
(Latgale, 2020). Two summaries are published: S1 for A1 (2019 planned and spent; 2020 only an amount
whose role is not stated) and S2 for A3 (Kurzeme, 2021).
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from deleg.activities.models import Activity
from deleg.agreements.models import AgreementKind, BudgetLine, IndicatorRule
from deleg.analytics.services import figures_refresh
from deleg.core.tests.factories import make_agreement, make_delegator, make_member, make_performer
from deleg.organizations.models import MemberRole
from deleg.reports.models import Report, ReportKind, ReportSpending, ReportStatus, Review
from deleg.summaries.models import Summary
from deleg.summaries.services import summary_version_create
from tests.data_summary import seed_content

PASSWORD = "parole-123456"


@dataclass
class Dataset:
    ministry_a: object
    ministry_b: object
    latgale_ngo: object
    zemgale_ngo: object
    a1: object
    a2: object
    a3: object
    s1: object
    s2: object


def published(agreement, **changes) -> Summary:
    content = seed_content() | changes
    summary = Summary.objects.create(agreement=agreement)
    summary_version_create(summary=summary, content=content)
    return summary


def activity(agreement, day, type_, participants=0, organizations=0):
    return Activity.objects.create(agreement=agreement, date=day, type=type_, title=f"{type_} {day}",
                                   participants=participants, organizations=organizations)


@pytest.fixture
def dataset(db) -> Dataset:
    ministry_a = make_delegator(name="A ministrija")
    ministry_b = make_delegator(name="B ministrija")
    latgale_ngo = make_performer(name="Latgales biedrība")
    zemgale_ngo = make_performer(name="Zemgales fonds")

    a1 = make_agreement(title="A1 Latgale", delegator=ministry_a, performer=latgale_ngo, region="Latgale",
                        field="kultūra", start=date(2019, 1, 1), end=date(2020, 12, 31), status="active")
    BudgetLine.objects.create(agreement=a1, year=2019, planned=Decimal("10000.00"))
    BudgetLine.objects.create(agreement=a1, year=2020, planned=Decimal("20000.00"))
    report = Report.objects.create(agreement=a1, kind=ReportKind.FINAL, period_start=a1.start, period_end=a1.end,
                                   status=ReportStatus.ACCEPTED)
    ReportSpending.objects.create(report=report, year=2019, spent=Decimal("8000.00"))
    ReportSpending.objects.create(report=report, year=2020, spent=Decimal("15000.00"))
    Review.objects.create(report=report, non_compliant_amount=Decimal("1000.00"), recovered_amount=Decimal("400.00"))
    # A draft report's spending is not a claim yet and must not count.
    draft = Report.objects.create(agreement=a1, kind=ReportKind.INTERIM, period_start=a1.start,
                                  period_end=date(2019, 6, 30), status=ReportStatus.DRAFT)
    ReportSpending.objects.create(report=draft, year=2019, spent=Decimal("99999.00"))
    activity(a1, date(2019, 3, 1), "seminar", 30, 5)
    activity(a1, date(2019, 4, 1), "consultation", 1)
    activity(a1, date(2020, 5, 1), "forum", 50, 10)
    activity(a1, date(2020, 6, 1), "publication")
    objective = a1.objectives.create(position=1, text="Stiprināt NVO.")
    objective.indicators.create(position=1, name="Semināri", kind="events", target=4,
                                rule=IndicatorRule.COUNT_ACTIVITIES, activity_types=["seminar"])
    objective.indicators.create(position=2, name="Dalībnieki", kind="participants", target=40,
                                rule=IndicatorRule.SUM_PARTICIPANTS)

    a2 = make_agreement(title="A2 Zemgale", delegator=ministry_a, performer=zemgale_ngo, region="Zemgale",
                        field="sociālā joma", kind=AgreementKind.PARTICIPATION, status="draft",
                        start=date(2020, 1, 1), end=date(2020, 12, 31))
    BudgetLine.objects.create(agreement=a2, year=2020, planned=Decimal("5000.00"))
    a2.objectives.create(position=1, text="Palīdzēt.").indicators.create(
        position=1, name="Konsultācijas", kind="consultations", target=10, rule=IndicatorRule.MANUAL)

    a3 = make_agreement(title="A3 Latgale", delegator=ministry_b, performer=latgale_ngo, region="Latgale",
                        start=date(2020, 1, 1), end=date(2020, 12, 31))
    BudgetLine.objects.create(agreement=a3, year=2020, planned=Decimal("7000.00"))
    activity(a3, date(2020, 2, 1), "seminar", 20)

    s1 = published(
        a1, region="Latgale", delegator="A ministrija", period={"start": "2019-01-01", "end": "2020-12-31"},
        performer={"name": "Latgales biedrība", "legal_form": "biedrība", "registration_number": None},
        funding=[{"year": 2019, "planned": "10000.00", "actual": "8000.00", "amount": None},
                 {"year": 2020, "planned": None, "actual": None, "amount": "20000.00"}],
        results=[{"n": 1, "text": "3 semināri, 120 dalībnieki.", "quantities": [
                     {"value": 3, "kind": "events", "noun": "semināri"},
                     {"value": 120, "kind": "participants", "noun": "dalībnieki"}]},
                 {"n": 2, "text": "5 publikācijas.", "quantities": [
                     {"value": 5, "kind": "publications", "noun": "publikācijas"}]}],
        non_compliant_expenditure={"amount": "500.00", "text": "500,00 euro"},
        unrecovered_amount={"amount": "100.00", "text": "100,00 euro"},
    )
    s2 = published(
        a3, region="Kurzeme", delegator="B ministrija", period={"start": "2021-01-01", "end": "2021-06-30"},
        performer={"name": "Latgales biedrība", "legal_form": "biedrība", "registration_number": None},
        funding=[{"year": 2021, "planned": "3000.00", "actual": "3000.00", "amount": None}],
        results=[{"n": 1, "text": "10 dalībnieki.", "quantities": [
            {"value": 10, "kind": "participants", "noun": "dalībnieki"}]}],
        non_compliant_expenditure={"amount": "0.00", "text": "Nav"},
        unrecovered_amount={"amount": "0.00", "text": "Nav"},
    )
    figures_refresh()
    return Dataset(ministry_a, ministry_b, latgale_ngo, zemgale_ngo, a1, a2, a3, s1, s2)


@pytest.fixture
def ministry_user(dataset):
    return make_member(dataset.ministry_a, MemberRole.MINISTRY_REVIEWER, "ministrija-a")


@pytest.fixture
def other_ministry_user(dataset):
    return make_member(dataset.ministry_b, MemberRole.MINISTRY_ADMIN, "ministrija-b")


@pytest.fixture
def performer_user(dataset):
    return make_member(dataset.latgale_ngo, MemberRole.PERFORMER_EDITOR, "nvo")
