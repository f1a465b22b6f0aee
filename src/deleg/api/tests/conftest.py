"""Fixtures for API tests: an agreement with people in every role, each with their own token."""
import json
from dataclasses import dataclass, field

import pytest
from django.test import Client

from deleg.api.services import api_token_create
from deleg.core.tests.factories import make_agreement, make_member, make_performer
from deleg.organizations.models import MemberRole

ROLES = ["anonymous", "ministry_admin", "ministry_reviewer", "performer_editor", "performer_viewer", "other_editor"]


@dataclass
class Api:
    """A test client that speaks JSON and carries one person's bearer token (none for the public)."""

    key: str | None = None
    client: Client = field(default_factory=Client)

    def call(self, method: str, path: str, body=None, **extra):
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        kwargs = {"headers": headers, **extra}
        if body is not None and "data" not in kwargs:
            kwargs |= {"data": json.dumps(body, default=str), "content_type": "application/json"}
        return getattr(self.client, method.lower())(f"/api/v1{path}", **kwargs)

    def get(self, path, **extra):
        return self.call("get", path, **extra)

    def post(self, path, body=None, **extra):
        return self.call("post", path, body, **extra)

    def put(self, path, body=None, **extra):
        return self.call("put", path, body, **extra)

    def delete(self, path, **extra):
        return self.call("delete", path, **extra)


@pytest.fixture
def agreement(db):
    return make_agreement(region="Latgale")


@pytest.fixture
def people(agreement):
    """A user for every role on `agreement`, and an editor of another NGO with an agreement of its own."""
    other = make_agreement(delegator=agreement.delegator, performer=make_performer())
    return {
        "ministry_admin": make_member(agreement.delegator, MemberRole.MINISTRY_ADMIN),
        "ministry_reviewer": make_member(agreement.delegator, MemberRole.MINISTRY_REVIEWER),
        "performer_editor": make_member(agreement.performer, MemberRole.PERFORMER_EDITOR),
        "performer_viewer": make_member(agreement.performer, MemberRole.PERFORMER_VIEWER),
        "other_editor": make_member(other.performer, MemberRole.PERFORMER_EDITOR),
    }


@pytest.fixture
def apis(people) -> dict[str, Api]:
    """An API client per role, each with a fresh token; "anonymous" sends none."""
    clients = {"anonymous": Api()}
    for role, user in people.items():
        _token, key = api_token_create(user=user, name=f"{role} test")
        clients[role] = Api(key)
    return clients
