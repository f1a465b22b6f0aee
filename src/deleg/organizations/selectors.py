"""Reads of organisations: the public see those that appear in public agreements."""
from django.db.models import Q, QuerySet

from deleg.agreements.selectors import PUBLIC_STATUSES
from deleg.organizations.models import Organization


def organization_public_list() -> QuerySet[Organization]:
    """Delegators and performers of agreements past their draft, by name."""
    return (
        Organization.objects.filter(
            Q(performed_agreements__status__in=PUBLIC_STATUSES) | Q(delegated_agreements__status__in=PUBLIC_STATUSES)
        )
        .distinct()
        .order_by("name", "pk")
    )
