from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from deleg.agreements.models import Agreement, BudgetLine, Indicator
from deleg.agreements.selectors import agreement_findings
from deleg.agreements.services import agreement_create, budget_line_set
from deleg.core.tests.factories import make_agreement, make_delegator, make_performer

pytestmark = pytest.mark.django_db


def error_codes(error: ValidationError, field: str) -> list[str]:
    return [e.code for e in error.error_dict[field]]


def test_agreement_refuses_end_before_start_and_stores_nothing():
    with pytest.raises(ValidationError) as error:
        agreement_create(title="T", task="U", performer=make_performer(),
                         start=date(2020, 10, 31), end=date(2019, 8, 12))

    assert error_codes(error.value, "end") == ["period_invalid"]
    assert not Agreement.objects.exists()


def test_period_error_message_is_latvian():
    agreement = Agreement(title="T", task="U", performer=make_performer(), start=date(2020, 1, 2), end=date(2020, 1, 1))

    with translation.override("lv"), pytest.raises(ValidationError) as error:
        agreement.full_clean()

    assert error.value.message_dict["end"] == ["Beigu datums nevar būt agrāks par sākuma datumu."]


def test_one_day_period_is_valid():
    agreement = agreement_create(title="T", task="U", performer=make_performer(),
                                 start=date(2020, 1, 1), end=date(2020, 1, 1))

    assert agreement.years() == range(2020, 2021)


def test_database_refuses_end_before_start_even_without_validation():
    agreement = make_agreement()
    agreement.end = date(2000, 1, 1)

    with pytest.raises(IntegrityError), transaction.atomic():
        agreement.save()

    agreement.refresh_from_db()
    assert agreement.end == date(2020, 10, 31)


def test_agreement_number_is_unique_per_delegator():
    existing = make_agreement(number="KM/2019/15")

    with pytest.raises(ValidationError) as error:
        agreement_create(title="T", task="U", number="KM/2019/15", delegator=existing.delegator,
                         performer=make_performer())

    assert error_codes(error.value, "number") == ["number_taken"]
    assert Agreement.objects.filter(number="KM/2019/15").count() == 1


def test_same_number_is_allowed_for_another_delegator():
    make_agreement(number="KM/2019/15")

    other = agreement_create(title="T", task="U", number="KM/2019/15", delegator=make_delegator(),
                             performer=make_performer())

    assert Agreement.objects.filter(number="KM/2019/15").count() == 2
    assert other.pk


def test_database_refuses_duplicate_number_per_delegator():
    existing = make_agreement(number="1")

    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(title="T", task="U", number="1", delegator=existing.delegator,
                                 performer=make_performer())


def test_agreements_without_number_do_not_collide():
    delegator = make_delegator()
    make_agreement(number="", delegator=delegator)

    agreement_create(title="T", task="U", number="", delegator=delegator, performer=make_performer())

    assert Agreement.objects.filter(delegator=delegator).count() == 2


def test_negative_planned_amount_is_refused():
    agreement = make_agreement()

    with pytest.raises(ValidationError) as error:
        budget_line_set(agreement=agreement, year=2019, planned=Decimal("-0.01"))

    assert error_codes(error.value, "planned") == ["min_value"]
    assert not BudgetLine.objects.exists()


def test_negative_amount_message_is_latvian():
    with translation.override("lv"), pytest.raises(ValidationError) as error:
        budget_line_set(agreement=make_agreement(), year=2019, planned=Decimal("-5"))

    assert error.value.message_dict["planned"] == ["Summa nevar būt negatīva."]


def test_budget_line_keeps_exact_decimal_amount():
    line = budget_line_set(agreement=make_agreement(), year=2019, planned=Decimal("37500.10"))

    assert BudgetLine.objects.get(pk=line.pk).planned == Decimal("37500.10")


def test_budget_year_outside_period_is_stored_and_reported_as_finding():
    agreement = make_agreement(start=date(2019, 8, 12), end=date(2020, 10, 31))
    budget_line_set(agreement=agreement, year=2019, planned=Decimal("1000.00"))
    budget_line_set(agreement=agreement, year=2021, planned=Decimal("500.00"))

    findings = agreement_findings(agreement)

    assert [(f.code, f.field) for f in findings] == [("funding_year_outside_period", "funding[2021]")]
    assert agreement.budget_lines.count() == 2


def test_budget_year_finding_message_is_latvian():
    agreement = make_agreement(start=date(2019, 8, 12), end=date(2020, 10, 31))
    budget_line_set(agreement=agreement, year=2018, planned=Decimal("1.00"))

    with translation.override("lv"):
        (finding,) = agreement_findings(agreement)

    assert finding.message == "Budžeta gads 2018 ir ārpus līguma perioda."


def test_budget_line_set_updates_the_year_instead_of_duplicating():
    agreement = make_agreement()
    budget_line_set(agreement=agreement, year=2019, planned=Decimal("1.00"))
    budget_line_set(agreement=agreement, year=2019, planned=Decimal("2.00"))

    assert list(agreement.budget_lines.values_list("year", "planned")) == [(2019, Decimal("2.00"))]


def test_indicator_refuses_unknown_activity_type():
    agreement = make_agreement()
    objective = agreement.objectives.create(position=1, text="Mērķis")
    indicator = Indicator(objective=objective, position=1, name="Semināri", kind="events",
                          activity_types=["seminar", "picnic"])

    with pytest.raises(ValidationError) as error:
        indicator.full_clean()

    assert error_codes(error.value, "activity_types") == ["invalid_choice"]
    assert "picnic" in error.value.message_dict["activity_types"][0]
