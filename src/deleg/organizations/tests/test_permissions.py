import pytest
from django.contrib.auth.models import AnonymousUser

from deleg.agreements.selectors import agreement_get, agreement_list
from deleg.core.tests.factories import make_agreement, make_member
from deleg.organizations.models import MemberRole
from deleg.organizations.permissions import RULES, can

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_agreements():
    mine = make_agreement(title="Mūsu līgums")
    other = make_agreement(title="Citu līgums")
    return mine, other


def test_each_role_may_do_exactly_its_actions_on_its_own_agreement(two_agreements):
    mine, other = two_agreements
    people = {
        MemberRole.MINISTRY_ADMIN: make_member(mine.delegator, MemberRole.MINISTRY_ADMIN),
        MemberRole.MINISTRY_REVIEWER: make_member(mine.delegator, MemberRole.MINISTRY_REVIEWER),
        MemberRole.PERFORMER_EDITOR: make_member(mine.performer, MemberRole.PERFORMER_EDITOR),
        MemberRole.PERFORMER_VIEWER: make_member(mine.performer, MemberRole.PERFORMER_VIEWER),
    }
    expected = {
        MemberRole.MINISTRY_ADMIN: {"agreement.view", "agreement.edit", "report.view", "report.review", "summary.publish"},
        MemberRole.MINISTRY_REVIEWER: {"agreement.view", "report.view", "report.review", "summary.publish"},
        MemberRole.PERFORMER_EDITOR: {"agreement.view", "activity.edit", "report.view", "report.edit"},
        MemberRole.PERFORMER_VIEWER: {"agreement.view", "report.view"},
    }

    for role, user in people.items():
        assert {action for action in RULES if can(user, action, mine)} == expected[role], role
        assert not any(can(user, action, other) for action in RULES), role


def test_the_public_may_do_nothing(two_agreements):
    mine, _other = two_agreements

    assert not any(can(AnonymousUser(), action, mine) for action in RULES)
    assert list(agreement_list(actor=AnonymousUser())) == []


def test_an_ngo_sees_only_its_own_agreements(two_agreements):
    mine, other = two_agreements
    editor = make_member(mine.performer, MemberRole.PERFORMER_EDITOR)

    assert list(agreement_list(actor=editor)) == [mine]
    with pytest.raises(type(other).DoesNotExist):
        agreement_get(actor=editor, pk=other.pk)


def test_a_ministry_role_in_a_performer_organisation_grants_nothing(two_agreements):
    mine, _other = two_agreements
    # A membership row that bypassed validation must still not open the ministry's actions.
    odd = make_member(mine.performer, MemberRole.MINISTRY_ADMIN)

    assert not can(odd, "agreement.edit", mine)
    assert not can(odd, "activity.edit", mine)
