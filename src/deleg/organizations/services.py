"""Writes to organisations and memberships."""
from django.contrib.auth import get_user_model
from django.db import transaction

from deleg.organizations.models import Membership, Organization


def organization_create(*, name: str, role: str, legal_form: str = "", registration_number: str = "",
                        region: str = "") -> Organization:
    organization = Organization(name=name, role=role, legal_form=legal_form,
                                registration_number=registration_number, region=region)
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def member_create(*, username: str, password: str, organization: Organization, role: str,
                  first_name: str = "", last_name: str = "", email: str = ""):
    """Create a user with one role in one organisation; ministry administrators may use the admin."""
    from deleg.organizations.models import MemberRole

    user = get_user_model()(username=username, first_name=first_name, last_name=last_name, email=email,
                            is_staff=role == MemberRole.MINISTRY_ADMIN)
    user.set_password(password)
    user.full_clean()
    user.save()
    membership = Membership(user=user, organization=organization, role=role)
    membership.full_clean()
    membership.save()
    return user
