"""Small factory functions for tests: each returns a saved, valid object; keyword arguments override."""
from datetime import date
from decimal import Decimal

from deleg.agreements.models import Agreement, BudgetLine
from deleg.organizations.models import LegalForm, Organization, OrganizationRole

_counter = iter(range(1, 10**9))


def make_delegator(**overrides) -> Organization:
    fields = {"name": f"Ministrija {next(_counter)}", "role": OrganizationRole.DELEGATOR,
              "legal_form": LegalForm.MINISTRIJA}
    return Organization.objects.create(**(fields | overrides))


def make_performer(**overrides) -> Organization:
    fields = {"name": f"Biedrība {next(_counter)}", "role": OrganizationRole.PERFORMER,
              "legal_form": LegalForm.BIEDRIBA}
    return Organization.objects.create(**(fields | overrides))


def make_agreement(**overrides) -> Agreement:
    fields = {
        "title": "Kopsavilkums par uzdevuma izpildi",
        "task": "Atsevišķu valsts pārvaldes uzdevumu veikšana",
        "start": date(2019, 8, 12),
        "end": date(2020, 10, 31),
        "status": "active",
    }
    fields |= overrides
    fields.setdefault("delegator", make_delegator())
    fields.setdefault("performer", make_performer())
    return Agreement.objects.create(**fields)


def make_budget_line(**overrides) -> BudgetLine:
    fields = {"year": 2019, "planned": Decimal("37500.00")} | overrides
    fields.setdefault("agreement", make_agreement())
    return BudgetLine.objects.create(**fields)


def make_member(organization: Organization, role: str, username: str | None = None):
    """A user holding one role in one organisation."""
    from django.contrib.auth import get_user_model

    from deleg.organizations.models import Membership

    user = get_user_model().objects.create_user(username or f"user{next(_counter)}", password="parole-123456")
    Membership.objects.create(user=user, organization=organization, role=role)
    return user
