"""Errors reach clients in one shape, and the API describes itself in OpenAPI."""
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from deleg.agreements.models import Agreement
from deleg.api.tests.conftest import Api
from deleg.reports.models import ReportStatus
from deleg.reports.services import report_create, report_submit

pytestmark = pytest.mark.django_db


def new_agreement(agreement, **overrides) -> dict:
    return {"title": "Jauns līgums", "task": "Uzdevums", "delegator": agreement.delegator_id,
            "performer": agreement.performer_id} | overrides


def test_a_refused_nested_item_is_named_by_its_place_and_nothing_is_created(agreement, apis):
    before = Agreement.objects.count()
    body = new_agreement(agreement, objectives=[
        {"text": "Pirmais mērķis", "indicators": [{"name": "Semināri", "kind": "events"}]},
        {"text": "Otrais mērķis", "indicators": [{"name": "Kaut kas", "kind": "nezināms"}]},
    ])

    response = apis["ministry_admin"].post("/agreements", body)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["objectives[1].indicators[0].kind"]
    assert response.json()["code"] == "invalid_choice"
    assert Agreement.objects.count() == before


def test_malformed_input_has_the_same_shape_as_a_refused_write(agreement, apis):
    body = new_agreement(agreement, title=None, budget_lines=[{"year": 2020, "planned": "12.345"}])

    response = apis["ministry_admin"].post("/agreements", body)

    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"title", "budget_lines[0].planned"}


def test_an_unknown_performer_is_a_field_error(agreement, apis):
    response = apis["ministry_admin"].post("/agreements", new_agreement(agreement, performer=999999))

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["performer"]


def test_recovering_more_than_the_non_compliant_amount_is_refused_and_the_report_stays_submitted(
        agreement, people, apis):
    report = report_create(actor=people["performer_editor"], agreement=agreement, kind="final",
                           period_start=date(2019, 8, 12), period_end=date(2020, 10, 31))
    report_submit(actor=people["performer_editor"], report=report, revision=report.revision)

    response = apis["ministry_reviewer"].post(f"/reports/{report.pk}/accept", {
        "revision": report.revision, "non_compliant_amount": "20.00", "non_compliant_description": "Degviela",
        "recovered_amount": "120.00"})

    assert response.status_code == 422
    assert response.json()["code"] == "recovered_exceeds_non_compliant"
    assert list(response.json()["errors"]) == ["recovered_amount"]
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and not hasattr(report, "review")


def test_an_unreadable_spreadsheet_is_a_file_error(agreement, apis):
    upload = {"file": SimpleUploadedFile("aktivitates.xlsx", b"PK\x03\x04not really a workbook")}

    response = apis["performer_editor"].post(f"/agreements/{agreement.pk}/activities/import", data=upload)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["file"] and response.json()["code"] == "unreadable"
    assert not agreement.activities.exists()


def test_a_limit_above_100_is_refused():
    assert Api().get("/summaries?limit=100").status_code == 200
    response = Api().get("/summaries?limit=101")
    assert response.status_code == 422 and list(response.json()["errors"]) == ["query.limit"]


def test_what_does_not_exist_is_404_in_the_language_asked():
    response = Api().get("/summaries/999999", headers={"Accept-Language": "en"})

    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


def test_openapi_describes_every_endpoint_with_money_as_strings():
    response = Api().get("/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "deleg API" and schema["info"]["version"] == "1"
    assert "/api/v1/reports/{id}/accept" in schema["paths"]
    assert schema["components"]["securitySchemes"]["ApiTokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schema["components"]["schemas"]["ReviewOut"]["properties"]["unrecovered"]["type"] == "string"
    assert Api().get("/docs").status_code == 200


def test_money_typed_without_decimals_comes_back_with_two(agreement, apis):
    body = new_agreement(agreement, budget_lines=[{"year": 2020, "planned": 37500}])

    response = apis["ministry_admin"].post("/agreements", body)

    assert response.json()["budget_lines"] == [{"year": 2020, "planned": "37500.00"}]
    assert Agreement.objects.get(pk=response.json()["id"]).budget_lines.get().planned == Decimal("37500.00")
