import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from deleg.core.tests.factories import make_delegator, make_performer
from deleg.organizations.models import MemberRole, Membership, Organization, OrganizationRole

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("number", ["4000301234", "400030123456", "4000301234A", "40003 01234"])
def test_register_number_must_be_eleven_digits(number):
    organization = Organization(name="Biedrība", role=OrganizationRole.PERFORMER, registration_number=number)

    with pytest.raises(ValidationError) as error:
        organization.full_clean()

    assert [e.code for e in error.value.error_dict["registration_number"]] == ["register_number"]


def test_register_number_message_is_latvian():
    organization = Organization(name="Biedrība", role=OrganizationRole.PERFORMER, registration_number="123")

    with translation.override("lv"), pytest.raises(ValidationError) as error:
        organization.full_clean()

    assert error.value.message_dict["registration_number"] == ["Reģistrācijas numuram jābūt tieši 11 cipariem."]


def test_eleven_digit_register_number_is_accepted_and_stored():
    organization = Organization(name="Biedrība", role=OrganizationRole.PERFORMER, registration_number="40008012345")
    organization.full_clean()
    organization.save()

    assert Organization.objects.get(pk=organization.pk).registration_number == "40008012345"


def test_register_number_is_unique_but_may_be_empty_many_times():
    make_performer(registration_number="40008012345")
    make_performer(registration_number="")
    duplicate = Organization(name="Cita", role=OrganizationRole.PERFORMER, registration_number="40008012345")
    unnumbered = Organization(name="Vēl cita", role=OrganizationRole.PERFORMER, registration_number="")

    unnumbered.full_clean()
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "Organization" not in str(error.value)
    assert Organization.objects.filter(registration_number="40008012345").count() == 1


def test_ministry_role_needs_a_delegating_organisation(django_user_model):
    user = django_user_model.objects.create_user("vertetajs", password="x" * 12)
    membership = Membership(user=user, organization=make_performer(), role=MemberRole.MINISTRY_REVIEWER)

    with pytest.raises(ValidationError) as error:
        membership.full_clean()

    assert [e.code for e in error.value.error_dict["role"]] == ["role_mismatch"]
    Membership(user=user, organization=make_delegator(), role=MemberRole.MINISTRY_REVIEWER).full_clean()
