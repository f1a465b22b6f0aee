"""Writes to agreements, their objectives, indicators and budget lines; each validates before it saves.

`actor` is the person acting: their role is checked and the change goes into the agreement's history.
`actor=None` is deleg itself (demo data, importing published summaries): no person, no role check.
"""
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from deleg.agreements.history import history_record, snapshot
from deleg.agreements.models import Agreement, AgreementStatus, BudgetLine, Indicator, Objective
from deleg.organizations.models import MemberRole, Organization
from deleg.organizations.permissions import DENIED, member_roles, require

# Status changes an administrator may make: draft → public notice → active → closed or terminated.
TRANSITIONS = {
    AgreementStatus.DRAFT: {AgreementStatus.PUBLIC_NOTICE, AgreementStatus.ACTIVE},
    AgreementStatus.PUBLIC_NOTICE: {AgreementStatus.ACTIVE, AgreementStatus.DRAFT},
    AgreementStatus.ACTIVE: {AgreementStatus.CLOSED, AgreementStatus.TERMINATED},
    AgreementStatus.CLOSED: set(),
    AgreementStatus.TERMINATED: set(),
}
AGREEMENT_FIELDS = ["kind", "number", "title", "task", "field", "region", "delegator", "performer", "legal_basis",
                    "start", "end"]


def _record(actor, agreement: Agreement, action: str, instance, before=None) -> None:
    if actor is not None:
        history_record(agreement=agreement, actor=actor, action=action, instance=instance, before=before)


@transaction.atomic
def agreement_create(*, title: str, task: str, performer: Organization, delegator: Organization | None = None,
                     number: str = "", kind: str = "", field: str = "", region: str = "", legal_basis: str = "",
                     start: date | None = None, end: date | None = None, status: str = "",
                     actor=None) -> Agreement:
    if actor is not None and not getattr(actor, "is_superuser", False):
        if delegator is None or MemberRole.MINISTRY_ADMIN not in member_roles(actor).get(delegator.pk, set()):
            raise PermissionDenied(DENIED)
    agreement = Agreement(title=title, task=task, performer=performer, delegator=delegator, number=number,
                          field=field, region=region, legal_basis=legal_basis, start=start, end=end)
    if kind:
        agreement.kind = kind
    if status:
        agreement.status = status
    agreement.full_clean()
    agreement.save()
    _record(actor, agreement, "created", agreement)
    return agreement


@transaction.atomic
def agreement_update(*, actor, agreement: Agreement, **fields) -> Agreement:
    require(actor, "agreement.edit", agreement)
    before = snapshot(agreement)
    for name in AGREEMENT_FIELDS:
        if name in fields:
            setattr(agreement, name, fields[name])
    agreement.full_clean()
    agreement.save()
    _record(actor, agreement, "changed", agreement, before)
    return agreement


@transaction.atomic
def agreement_set_status(*, actor, agreement: Agreement, status: str) -> Agreement:
    require(actor, "agreement.edit", agreement)
    if status not in TRANSITIONS[agreement.status]:
        raise ValidationError({"status": ValidationError(
            _("An agreement cannot go from “%(old)s” to “%(new)s”."), code="invalid_transition",
            params={"old": agreement.get_status_display(), "new": AgreementStatus(status).label})})
    before = snapshot(agreement)
    agreement.status = status
    agreement.save(update_fields=["status", "updated_at"])
    _record(actor, agreement, "status", agreement, before)
    return agreement


@transaction.atomic
def objective_add(*, agreement: Agreement, text: str, actor=None) -> Objective:
    """Append an objective after the agreement's last one."""
    if actor is not None:
        require(actor, "agreement.edit", agreement)
    objective = Objective(agreement=agreement, position=agreement.objectives.count() + 1, text=text)
    objective.full_clean()
    objective.save()
    _record(actor, agreement, "created", objective)
    return objective


@transaction.atomic
def indicator_add(*, objective: Objective, name: str, kind: str, unit: str = "", target: int | None = None,
                  baseline: int = 0, rule: str = "", activity_types: list[str] | None = None,
                  actor=None) -> Indicator:
    if actor is not None:
        require(actor, "agreement.edit", objective.agreement)
    indicator = Indicator(objective=objective, position=objective.indicators.count() + 1, name=name, kind=kind,
                          unit=unit, target=target, baseline=baseline, activity_types=activity_types or [])
    if rule:
        indicator.rule = rule
    indicator.full_clean()
    indicator.save()
    _record(actor, objective.agreement, "created", indicator)
    return indicator


@transaction.atomic
def budget_line_set(*, agreement: Agreement, year: int, planned: Decimal, actor=None) -> BudgetLine:
    """Set the planned amount for a year, creating the line if the agreement has none for it."""
    if actor is not None:
        require(actor, "agreement.edit", agreement)
    line = BudgetLine.objects.filter(agreement=agreement, year=year).first() or BudgetLine(agreement=agreement, year=year)
    before = snapshot(line) if line.pk else None
    line.planned = planned
    line.full_clean()
    line.save()
    _record(actor, agreement, "changed" if before else "created", line, before)
    return line
