"""Writes to organisations and memberships."""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from deleg.organizations.models import MemberRole, Membership, Organization

# Until the work area arrives, ministry administrators keep the register in the Django admin.
MINISTRY_ADMIN_GROUP = "ministry administrators"
MINISTRY_ADMIN_APPS = ["organizations", "agreements", "activities", "reports", "summaries"]


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
    user = get_user_model()(username=username, first_name=first_name, last_name=last_name, email=email,
                            is_staff=role == MemberRole.MINISTRY_ADMIN)
    user.set_password(password)
    user.full_clean()
    user.save()
    membership = Membership(user=user, organization=organization, role=role)
    membership.full_clean()
    membership.save()
    if role == MemberRole.MINISTRY_ADMIN:
        user.groups.add(ministry_admin_group())
    return user


def ministry_admin_group() -> Group:
    group, created = Group.objects.get_or_create(name=MINISTRY_ADMIN_GROUP)
    if created:
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=MINISTRY_ADMIN_APPS))
    return group
