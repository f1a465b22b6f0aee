"""The public side of agreements over the API: published achieved values only, and the organisations."""
import pytest
from django.test import Client

from deleg.agreements.models import AgreementStatus
from deleg.core.tests.factories import make_agreement
from deleg.summaries.services import summary_publish
from deleg.summaries.tests.test_publish import accepted_report  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def indicator_values(body: dict) -> dict[str, int | None]:
    return {row["indicator"]["name"]: row["achieved"] for objective in body["objectives"] for row in objective["indicators"]}


def test_achieved_values_appear_only_once_published(accepted_report):  # noqa: F811
    report, reviewer, _editor = accepted_report
    url = f"/api/v1/agreements/public/{report.agreement_id}"

    before = Client().get(url).json()
    summary_publish(actor=reviewer, report=report)
    after = Client().get(url).json()

    assert indicator_values(before) == {"Semināri NVO attīstībai": None, "Semināru dalībnieki": None}
    assert indicator_values(after) == {"Semināri NVO attīstībai": 2, "Semināru dalībnieki": 89}
    assert [line["planned"] for line in after["budget_lines"]] == ["15000.00", "22500.00"]


def test_a_draft_agreement_and_its_organisations_stay_private():
    draft = make_agreement(status=AgreementStatus.DRAFT)
    public = make_agreement()
    client = Client()

    names = {o["name"] for o in client.get("/api/v1/organizations", {"limit": 100}).json()["items"]}

    assert client.get(f"/api/v1/agreements/public/{draft.pk}").status_code == 404
    assert {public.performer.name, public.delegator.name} <= names
    assert draft.performer.name not in names
    assert client.get(f"/api/v1/organizations/{draft.performer_id}").status_code == 404
