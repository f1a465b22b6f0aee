import pytest

from deleg.core.tests.factories import make_agreement, make_member
from deleg.organizations.models import MemberRole


@pytest.fixture
def agreement():
    return make_agreement()


@pytest.fixture
def editor(agreement):
    """An editor of the agreement's performer: the one who keeps its activity log."""
    return make_member(agreement.performer, MemberRole.PERFORMER_EDITOR)
