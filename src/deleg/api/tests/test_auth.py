import hashlib

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from deleg.api.models import ApiToken
from deleg.api.services import api_token_create, api_token_revoke
from deleg.api.tests.conftest import Api

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(people):
    return people["performer_editor"]


def test_a_valid_token_authenticates_and_records_its_last_use(editor, agreement):
    token, key = api_token_create(user=editor, name="Atskaišu skripts")

    response = Api(key).get("/agreements")

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [agreement.pk]
    token.refresh_from_db()
    assert token.last_used is not None


def test_the_key_is_stored_only_as_its_hash(editor):
    token, key = api_token_create(user=editor, name="Skripts")

    assert key.startswith("deleg_") and len(key) > 40
    assert token.key_sha256 == hashlib.sha256(key.encode()).hexdigest()
    assert not ApiToken.objects.filter(key_sha256=key).exists()
    assert key not in str(ApiToken.objects.values_list().get(pk=token.pk))


def test_a_revoked_token_is_refused(editor):
    token, key = api_token_create(user=editor, name="Skripts")
    api_token_revoke(token=token)

    response = Api(key).get("/agreements")

    assert response.status_code == 401


def test_a_missing_or_unknown_token_is_refused(editor):
    assert Api().get("/agreements").status_code == 401
    assert Api("deleg_not-a-real-key").get("/agreements").status_code == 401
    response = Api().get("/agreements", headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert response.status_code == 401


def test_a_token_of_a_deactivated_user_is_refused(editor):
    _token, key = api_token_create(user=editor, name="Skripts")
    get_user_model().objects.filter(pk=editor.pk).update(is_active=False)

    assert Api(key).get("/agreements").status_code == 401


def test_the_sites_session_authenticates_too_and_its_writes_need_the_csrf_token(editor, agreement):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)

    assert browser.get("/api/v1/agreements").status_code == 200
    response = browser.post(f"/api/v1/agreements/{agreement.pk}/activities", {"type": "seminar"},
                            content_type="application/json")
    assert response.status_code == 403
    assert not agreement.activities.exists()


def test_an_anonymous_write_is_unauthorised_even_with_csrf_checks(agreement):
    response = Client(enforce_csrf_checks=True).post(f"/api/v1/agreements/{agreement.pk}/activities", {},
                                                     content_type="application/json")

    assert response.status_code == 401
