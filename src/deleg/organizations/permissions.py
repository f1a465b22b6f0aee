"""Who may do what: a person's role in the agreement's delegator or performer decides, nothing else.

Every view, API endpoint, download and service asks here, so the rules live in one table.
"""
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from deleg.organizations.models import MINISTRY_ROLES, MemberRole

ADMIN, REVIEWER = MemberRole.MINISTRY_ADMIN, MemberRole.MINISTRY_REVIEWER
EDITOR, VIEWER = MemberRole.PERFORMER_EDITOR, MemberRole.PERFORMER_VIEWER

# action → roles that may take it on an agreement (ministry roles through its delegator,
# performer roles through its performer).
RULES = {
    "agreement.view": {ADMIN, REVIEWER, EDITOR, VIEWER},
    "agreement.edit": {ADMIN},
    "activity.edit": {EDITOR},
    "report.view": {ADMIN, REVIEWER, EDITOR, VIEWER},
    "report.edit": {EDITOR},
    "report.review": {ADMIN, REVIEWER},
    "summary.publish": {ADMIN, REVIEWER},
}

DENIED = _("You do not have permission to do this.")


def member_roles(user) -> dict[int, set[str]]:
    """Roles per organisation id, read once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False):
        return {}
    if not hasattr(user, "_deleg_roles"):
        roles: dict[int, set[str]] = {}
        for organization_id, role in user.memberships.values_list("organization_id", "role"):
            roles.setdefault(organization_id, set()).add(role)
        user._deleg_roles = roles
    return user._deleg_roles


def agreement_roles(user, agreement) -> set[str]:
    """The roles the user holds on this agreement: ministry roles in its delegator, performer roles in its performer."""
    roles = member_roles(user)
    return (roles.get(agreement.delegator_id, set()) & MINISTRY_ROLES) | (
        roles.get(agreement.performer_id, set()) - MINISTRY_ROLES
    )


def can(user, action: str, agreement) -> bool:
    if getattr(user, "is_superuser", False):
        return True
    return bool(agreement_roles(user, agreement) & RULES[action])


def require(user, action: str, agreement) -> None:
    if not can(user, action, agreement):
        raise PermissionDenied(DENIED)


def organizations_with(user, roles: set[str]) -> list[int]:
    return [org for org, held in member_roles(user).items() if held & roles]
