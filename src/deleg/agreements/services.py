"""Writes to agreements, their objectives, indicators and budget lines; each validates before it saves."""
from datetime import date
from decimal import Decimal

from django.db import transaction

from deleg.agreements.models import Agreement, BudgetLine, Indicator, Objective
from deleg.organizations.models import Organization


def agreement_create(*, title: str, task: str, performer: Organization, delegator: Organization | None = None,
                     number: str = "", kind: str = "", field: str = "", region: str = "", legal_basis: str = "",
                     start: date | None = None, end: date | None = None, status: str = "") -> Agreement:
    agreement = Agreement(title=title, task=task, performer=performer, delegator=delegator, number=number,
                          field=field, region=region, legal_basis=legal_basis, start=start, end=end)
    if kind:
        agreement.kind = kind
    if status:
        agreement.status = status
    agreement.full_clean()
    agreement.save()
    return agreement


def objective_add(*, agreement: Agreement, text: str) -> Objective:
    """Append an objective after the agreement's last one."""
    position = agreement.objectives.count() + 1
    objective = Objective(agreement=agreement, position=position, text=text)
    objective.full_clean()
    objective.save()
    return objective


def indicator_add(*, objective: Objective, name: str, kind: str, unit: str = "", target: int | None = None,
                  baseline: int = 0, rule: str = "", activity_types: list[str] | None = None) -> Indicator:
    indicator = Indicator(objective=objective, position=objective.indicators.count() + 1, name=name, kind=kind,
                          unit=unit, target=target, baseline=baseline, activity_types=activity_types or [])
    if rule:
        indicator.rule = rule
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def budget_line_set(*, agreement: Agreement, year: int, planned: Decimal) -> BudgetLine:
    """Set the planned amount for a year, creating the line if the agreement has none for it."""
    line = BudgetLine.objects.filter(agreement=agreement, year=year).first() or BudgetLine(agreement=agreement, year=year)
    line.planned = planned
    line.full_clean()
    line.save()
    return line
