import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from deleg.core.tests.factories import make_delegator, make_performer
from deleg.organizations.models import MemberRole, Membership
from deleg.organizations.services import member_create

pytestmark = pytest.mark.django_db
PASSWORD = "Ļoti-drošs-parole-2026"


def test_ministry_administrator_can_sign_in_and_open_agreements_in_the_admin():
    member_create(username="admin", password=PASSWORD, organization=make_delegator(), role=MemberRole.MINISTRY_ADMIN)
    client = Client()

    assert client.login(username="admin", password=PASSWORD)
    response = client.get(reverse("admin:agreements_agreement_changelist"))

    assert response.status_code == 200


def test_performer_editor_has_no_admin_access():
    member_create(username="nvo", password=PASSWORD, organization=make_performer(), role=MemberRole.PERFORMER_EDITOR)
    client = Client()
    client.login(username="nvo", password=PASSWORD)

    response = client.get(reverse("admin:agreements_agreement_changelist"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_member_with_mismatched_role_is_not_created(django_user_model):
    with pytest.raises(ValidationError):
        member_create(username="x", password=PASSWORD, organization=make_performer(), role=MemberRole.MINISTRY_ADMIN)

    assert not django_user_model.objects.filter(username="x").exists()
    assert not Membership.objects.exists()


def test_argon2_hashing_and_login_throttling_are_configured():
    from django.conf import settings

    from deleg.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_repeated_failed_logins_lock_the_account_even_with_the_right_password(settings):
    settings.AXES_ENABLED = True
    member_create(username="admin", password=PASSWORD, organization=make_delegator(), role=MemberRole.MINISTRY_ADMIN)
    client = Client()
    login = reverse("admin:login")

    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(login, {"username": "admin", "password": "nepareizi"})
    response = client.post(login, {"username": "admin", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
