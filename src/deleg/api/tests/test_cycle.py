"""The whole cycle through the API, as a program would drive it: agreement → activities → report → summary."""
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from deleg.api.tests.conftest import Api
from deleg.core.tests.factories import make_member
from deleg.organizations.models import MemberRole

pytestmark = pytest.mark.django_db

MONEY = re.compile(r"^\d+\.\d\d$")
MONEY_KEYS = {"planned", "planned_total", "spent", "actual", "amount", "non_compliant_amount", "recovered_amount",
              "unrecovered"}

NEW_AGREEMENT = {
    "number": "KM-2019/17",
    "title": "Pilsoniskās sabiedrības stiprināšana Latgalē",
    "task": "Atbalsta sniegšana NVO Dienvidlatgalē",
    "region": "Latgale",
    "start": "2019-08-12",
    "end": "2020-10-31",
    "status": "active",
    "objectives": [
        {"text": "Stiprināt NVO kapacitāti.", "indicators": [
            {"name": "Semināri NVO attīstībai", "kind": "events", "unit": "semināri", "target": 3,
             "rule": "count_activities", "activity_types": ["seminar"]},
            {"name": "Semināru dalībnieki", "kind": "participants", "unit": "dalībnieki", "target": 80,
             "rule": "sum_participants", "activity_types": ["seminar"]},
        ]},
        {"text": "Sniegt konsultācijas un informāciju.", "indicators": [
            {"name": "Konsultācijas", "kind": "consultations", "unit": "konsultācijas", "target": 10,
             "rule": "count_activities", "activity_types": ["consultation"]},
            {"name": "Publikācijas", "kind": "publications", "unit": "publikācijas", "target": 2,
             "rule": "count_activities", "activity_types": ["publication"]},
        ]},
    ],
    "budget_lines": [{"year": 2019, "planned": "15000.00"}, {"year": 2020, "planned": "22500.00"}],
}

ACTIVITIES_CSV = (
    "Datums;Veids;Nosaukums;Dalībnieki\n"
    "05.11.2019;consultation;Konsultācija Krāslavā;3\n"
    "31.02.2020;consultation;Konsultācija Dagdā;2\n"
    "10.03.2020;publication;Buklets par NVO;0\n"
).encode("utf-8")


@pytest.fixture
def ministry_and_ngo(agreement):
    """A ministry with an administrator and a reviewer, and an NGO with an editor, each with a token."""
    from deleg.api.services import api_token_create

    users = {
        "admin": make_member(agreement.delegator, MemberRole.MINISTRY_ADMIN),
        "reviewer": make_member(agreement.delegator, MemberRole.MINISTRY_REVIEWER),
        "editor": make_member(agreement.performer, MemberRole.PERFORMER_EDITOR),
    }
    apis = {name: Api(api_token_create(user=user, name=name)[1]) for name, user in users.items()}
    return agreement.delegator, agreement.performer, apis


def money_values(data) -> list:
    """Every value under a money key anywhere in a response."""
    if isinstance(data, list):
        return [value for item in data for value in money_values(item)]
    if isinstance(data, dict):
        return [value for key, item in data.items()
                for value in ([item] if key in MONEY_KEYS and not isinstance(item, dict) else money_values(item))]
    return []


def progress(detail: dict) -> dict[str, int | None]:
    return {row["indicator"]["name"]: row["achieved"] for o in detail["objectives"] for row in o["indicators"]}


def test_the_whole_cycle_from_agreement_to_published_summary(ministry_and_ngo):
    ministry, ngo, api = ministry_and_ngo

    # The ministry registers the agreement with everything under it in one request.
    response = api["admin"].post("/agreements", NEW_AGREEMENT | {"delegator": ministry.pk, "performer": ngo.pk})
    assert response.status_code == 201, response.json()
    created = response.json()
    agreement_id = created["id"]
    assert [len(o["indicators"]) for o in created["objectives"]] == [2, 2]
    assert created["budget_lines"] == [{"year": 2019, "planned": "15000.00"}, {"year": 2020, "planned": "22500.00"}]
    indicators = {row["indicator"]["name"]: row["indicator"]["id"]
                  for objective in created["objectives"] for row in objective["indicators"]}

    # The NGO logs activities as they happen …
    for day, people in (("2019-09-01", 40), ("2020-03-01", 49)):
        response = api["editor"].post(f"/agreements/{agreement_id}/activities",
                                      {"type": "seminar", "date": day, "title": "Seminārs", "participants": people})
        assert response.status_code == 201, response.json()

    # … and imports the rest from a spreadsheet: the bad row is named by its number and nothing is stored,
    upload = {"file": SimpleUploadedFile("aktivitates.csv", ACTIVITIES_CSV, content_type="text/csv")}
    response = api["editor"].post(f"/agreements/{agreement_id}/activities/import", data=upload)
    assert response.status_code == 200, response.json()
    checked = response.json()
    assert checked["stored"] == 0 and checked["valid_rows"] == 2
    assert [(e["row"], e["field"]) for e in checked["errors"]] == [(3, "date")]
    # until the NGO asks to keep the good rows.
    upload = {"file": SimpleUploadedFile("aktivitates.csv", ACTIVITIES_CSV), "store_good_rows": "true"}
    response = api["editor"].post(f"/agreements/{agreement_id}/activities/import", data=upload)
    assert response.json()["stored"] == 2
    assert api["editor"].get(f"/agreements/{agreement_id}/activities").json()["count"] == 4

    detail = api["editor"].get(f"/agreements/{agreement_id}").json()
    assert progress(detail) == {"Semināri NVO attīstībai": 2, "Semināru dalībnieki": 89, "Konsultācijas": 1,
                                "Publikācijas": 1}

    # The NGO drafts the final report, with spending per year and one value entered by hand.
    response = api["editor"].post(f"/agreements/{agreement_id}/reports",
                                  {"kind": "final", "period_start": "2019-08-12", "period_end": "2020-10-31"})
    assert response.status_code == 201, response.json()
    report = response.json()
    path = f"/reports/{report['id']}"
    response = api["editor"].put(path, {
        "revision": report["revision"], "narrative": "Uzdevums izpildīts.",
        "spending": [{"year": 2019, "spent": "14880.00"}, {"year": 2020, "spent": "22500"}],
        "overrides": [{"indicator": indicators["Konsultācijas"], "value": 12,
                       "reason": "Konsultācijas pa tālruni netika reģistrētas žurnālā."}],
    })
    assert response.status_code == 200, response.json()
    report = response.json()
    assert report["spending"] == [{"year": 2019, "spent": "14880.00"}, {"year": 2020, "spent": "22500.00"}]
    assert {v["name"]: v["value"] for v in report["indicator_values"]}["Konsultācijas"] == 12

    # Submit, returned with a comment, corrected, submitted again.
    report = api["editor"].post(f"{path}/submit", {"revision": report["revision"]}).json()
    assert report["status"] == "submitted"
    response = api["reviewer"].post(f"{path}/return", {"revision": report["revision"],
                                                       "comments": "Pievienojiet 2020. gada izdevumu skaidrojumu."})
    assert response.status_code == 200, response.json()
    report = response.json()
    assert report["status"] == "returned"
    assert report["review"]["comments"] == "Pievienojiet 2020. gada izdevumu skaidrojumu."
    report = api["editor"].put(path, {"revision": report["revision"],
                                      "other_information": "Izdevumu skaidrojums pievienots."}).json()
    report = api["editor"].post(f"{path}/submit", {"revision": report["revision"]}).json()
    assert report["status"] == "submitted"

    # The ministry accepts it with 120.00 non-compliant, of which 20.00 was recovered.
    response = api["reviewer"].post(f"{path}/accept", {
        "revision": report["revision"], "evaluation": "Uzdevums izpildīts kvalitatīvi.",
        "non_compliant_amount": "120.00", "non_compliant_description": "Degvielas izdevumi bez attaisnojuma.",
        "recovered_amount": "20",
    })
    assert response.status_code == 200, response.json()
    review = response.json()["review"]
    assert (review["non_compliant_amount"], review["recovered_amount"], review["unrecovered"]) == (
        "120.00", "20.00", "100.00")

    # Publishing makes the summary's first version, readable by anyone without signing in.
    response = api["reviewer"].post(f"{path}/publish", {})
    assert response.status_code == 201, response.json()
    summary_id = response.json()["summary"]
    public = Api()
    summary = public.get(f"/summaries/{summary_id}").json()
    content = summary["latest"]["content"]
    assert [q["value"] for r in content["results"] for q in r["quantities"]] == [2, 89, 12, 1]
    assert content["funding"] == [
        {"year": 2019, "planned": "15000.00", "actual": "14880.00", "amount": None},
        {"year": 2020, "planned": "22500.00", "actual": "22500.00", "amount": None},
    ]
    assert content["non_compliant_expenditure"]["amount"] == "120.00"
    assert content["unrecovered_amount"]["amount"] == "100.00"
    assert [v["number"] for v in summary["versions"]] == [1]
    assert public.get(f"/summaries/{summary_id}/versions/1").json()["content"] == content
    listed = public.get("/summaries").json()
    assert [(item["id"], item["version"]) for item in listed["items"]] == [(summary_id, 1)]
    register = public.get("/agreements/public").json()["items"]
    assert {a["id"]: a["planned_total"] for a in register}[agreement_id] == "37500.00"

    # Money is a string with two decimals everywhere, never a number.
    amounts = money_values([created, report, review, summary, register])
    assert len(amounts) > 10
    assert all(amount is None or (isinstance(amount, str) and MONEY.match(amount)) for amount in amounts), amounts
