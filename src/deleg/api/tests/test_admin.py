import hashlib
import re

import pytest
from django.contrib.auth import get_user_model

from deleg.api.models import ApiToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user_client(client):
    admin = get_user_model().objects.create_superuser("admins", password="parole-123456")
    client.force_login(admin)
    return client, admin


def test_adding_a_token_in_the_admin_shows_the_key_once_and_keeps_only_its_hash(admin_user_client):
    client, admin = admin_user_client

    response = client.post("/admin/api/apitoken/add/", {"user": admin.pk, "name": "Datu eksports"}, follow=True)

    token = ApiToken.objects.get()
    shown = re.search(r"deleg_[\w-]+", response.content.decode())
    assert shown and token.key_sha256 == hashlib.sha256(shown.group().encode()).hexdigest()
    assert token.name == "Datu eksports" and token.user == admin
    change = client.get(f"/admin/api/apitoken/{token.pk}/change/").content.decode()
    assert token.key_sha256 in change and shown.group() not in change


def test_the_revoke_action_revokes_the_selected_tokens(admin_user_client):
    client, admin = admin_user_client
    token = ApiToken.objects.create(user=admin, name="Vecais", key_sha256="0" * 64)

    client.post("/admin/api/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})

    token.refresh_from_db()
    assert token.revoked
