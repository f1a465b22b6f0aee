"""Agreements over the API: the public list, a person's own agreements, details with progress, creation."""
from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from ninja import Router, Status
from ninja.pagination import paginate

from deleg.agreements.schemas import (
    AgreementDetailOut,
    AgreementIn,
    AgreementOut,
    AgreementPublicDetailOut,
    AgreementPublicOut,
)
from deleg.agreements.selectors import agreement_get, agreement_list, agreement_public_list
from deleg.agreements.services import agreement_create, budget_line_set, indicator_add, objective_add
from deleg.api.pagination import Pagination
from deleg.api.schemas import AUTH_READ_ERRORS, PUBLIC_ERRORS, READ_ERRORS, WRITE_ERRORS
from deleg.organizations.models import Organization

router = Router(tags=["agreements"])


@router.get("/agreements/public", response={200: list[AgreementPublicOut], **PUBLIC_ERRORS}, auth=None)
@paginate(Pagination)
def public_agreements(request):
    """Agreements past their draft, as the public register shows them, with the planned total."""
    return agreement_public_list()


@router.get("/agreements/public/{int:id}", response={200: AgreementPublicDetailOut, **READ_ERRORS}, auth=None)
def public_agreement(request, id: int):
    """A public agreement: objectives, indicator targets with published achieved values, budget by year."""
    return agreement_public_list().get(pk=id)


@router.get("/agreements", response={200: list[AgreementOut], **AUTH_READ_ERRORS})
@paginate(Pagination)
def my_agreements(request):
    """The agreements you work on: your ministry's (drafts too) or your organisation's."""
    return agreement_list(actor=request.auth)


@router.get("/agreements/{int:id}", response={200: AgreementDetailOut, **AUTH_READ_ERRORS})
def agreement_detail(request, id: int):
    return agreement_get(actor=request.auth, pk=id)


@router.post("/agreements", response={201: AgreementDetailOut, **WRITE_ERRORS})
def agreement_new(request, payload: AgreementIn):
    """Create an agreement with its objectives, indicators and budget lines (administrator of the delegator)."""
    actor = request.auth
    with transaction.atomic():
        agreement = agreement_create(
            actor=actor, **payload.dict(exclude={"delegator", "performer", "objectives", "budget_lines"}),
            delegator=Organization.objects.filter(pk=payload.delegator).first(),
            performer=Organization.objects.filter(pk=payload.performer).first(),
        )
        for i, objective_in in enumerate(payload.objectives):
            with _errors_under(f"objectives[{i}]"):
                objective = objective_add(actor=actor, agreement=agreement, text=objective_in.text)
            for j, indicator_in in enumerate(objective_in.indicators):
                with _errors_under(f"objectives[{i}].indicators[{j}]"):
                    indicator_add(actor=actor, objective=objective, **indicator_in.dict())
        for i, line in enumerate(payload.budget_lines):
            with _errors_under(f"budget_lines[{i}]"):
                budget_line_set(actor=actor, agreement=agreement, year=line.year, planned=line.planned)
    return Status(201, agreement)


@contextmanager
def _errors_under(prefix: str):
    """Name the nested item a refusal is about: `objectives[1].indicators[0].kind`, not just `kind`."""
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            raise
        raise ValidationError({f"{prefix}.{name}": errors for name, errors in error.error_dict.items()}) from error
