from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from deleg.core.tests.factories import make_agreement
from deleg.reports.models import IndicatorValue, Report, ReportKind, ReportSpending, Review

pytestmark = pytest.mark.django_db


def make_report(**overrides) -> Report:
    fields = {"kind": ReportKind.FINAL, "period_start": date(2019, 8, 12), "period_end": date(2020, 10, 31)}
    fields |= overrides
    fields.setdefault("agreement", make_agreement())
    return Report.objects.create(**fields)


def test_report_period_must_not_end_before_it_starts():
    report = Report(agreement=make_agreement(), kind=ReportKind.INTERIM,
                    period_start=date(2020, 1, 1), period_end=date(2019, 12, 31))

    with pytest.raises(ValidationError) as error:
        report.full_clean()

    assert [e.code for e in error.value.error_dict["period_end"]] == ["period_invalid"]


def test_negative_spending_is_refused():
    spending = ReportSpending(report=make_report(), year=2019, spent=Decimal("-1.00"))

    with pytest.raises(ValidationError) as error:
        spending.full_clean()

    assert [e.code for e in error.value.error_dict["spent"]] == ["min_value"]


def test_unrecovered_is_non_compliant_minus_recovered():
    review = Review(report=make_report(), non_compliant_amount=Decimal("120.00"), recovered_amount=Decimal("20.00"))
    review.full_clean()
    review.save()

    assert Review.objects.get().unrecovered == Decimal("100.00")


def test_recovered_cannot_exceed_non_compliant():
    review = Review(report=make_report(), non_compliant_amount=Decimal("20.00"), recovered_amount=Decimal("20.01"))

    with translation.override("lv"), pytest.raises(ValidationError) as error:
        review.full_clean()

    assert error.value.message_dict["recovered_amount"] == [
        "Atgūtā summa nevar pārsniegt neatbilstoši veiktos izdevumus."
    ]


def test_database_refuses_recovered_above_non_compliant():
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(report=make_report(), non_compliant_amount=Decimal("1.00"), recovered_amount=Decimal("2.00"))

    assert not Review.objects.exists()


def test_negative_non_compliant_amount_is_refused():
    review = Review(report=make_report(), non_compliant_amount=Decimal("-3.00"))

    with pytest.raises(ValidationError) as error:
        review.full_clean()

    assert [e.code for e in error.value.error_dict["non_compliant_amount"]] == ["min_value"]


def test_override_needs_a_reason_and_then_wins_over_computed():
    report = make_report()
    objective = report.agreement.objectives.create(position=1, text="Mērķis")
    indicator = objective.indicators.create(position=1, name="Semināri", kind="events")
    value = IndicatorValue(report=report, indicator=indicator, computed=3, override=4)

    with pytest.raises(ValidationError) as error:
        value.full_clean()
    assert [e.code for e in error.value.error_dict["override_reason"]] == ["override_without_reason"]

    value.override_reason = "Viens seminārs notika tiešsaistē un netika reģistrēts."
    value.full_clean()
    assert value.value == 4
