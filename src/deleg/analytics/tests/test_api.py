"""The figures API: public, published data only, the page's filters, money and percentages as strings."""
import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dataset")]
API = "/api/v1/figures"


def test_funding_by_year_keeps_unstated_amounts_apart(client):
    body = client.get(f"{API}/funding").json()

    assert body["source"] == "published"
    assert [(r["group"], r["planned"], r["spent"], r["unstated"], r["rate"]) for r in body["rows"]] == [
        ({"year": 2019}, "10000.00", "8000.00", None, "80.0"),
        ({"year": 2020}, None, None, "20000.00", None),
        ({"year": 2021}, "3000.00", "3000.00", None, "100.0"),
    ]
    assert (body["total"]["planned"], body["total"]["spent"], body["total"]["unstated"], body["total"]["rate"]) == (
        "13000.00", "11000.00", "20000.00", "84.6")
    assert body["compliance"] == {"non_compliant": "500.00", "recovered": None, "unrecovered": "100.00"}


def test_funding_takes_the_page_filters(client):
    body = client.get(f"{API}/funding", {"region": "Kurzeme", "by": "region,year"}).json()

    assert [(r["group"], r["label"], r["planned"]) for r in body["rows"]] == [
        ({"region": "Kurzeme", "year": 2021}, "Kurzeme · 2021", "3000.00")]


def test_counts_are_published_results_only(client):
    body = client.get(f"{API}/counts").json()

    # The activity log (81 participants in Latgale) is not published data.
    assert {r["group"]["region"]: r["participants"] for r in body["rows"]} == {"Kurzeme": 10, "Latgale": 120}
    assert body["total"]["events"] == 3 and body["total"]["organizations"] is None


def test_achievement_of_published_summaries_only(client):
    # The summaries were imported, not built from a report: no indicator values were published.
    assert client.get(f"{API}/achievement").json() == []


def test_costs_and_change(client):
    costs = client.get(f"{API}/costs").json()
    assert [(r["label"], r["per_participant"], r["per_event"]) for r in costs] == [
        ("Kurzeme", "300.00", None), ("Latgale", "66.67", "2666.67")]

    change = client.get(f"{API}/change", {"by": "performer"}).json()
    assert [(r["label"], r["year"], r["planned"], r["planned_change"]) for r in change] == [
        ("Latgales biedrība", 2019, "10000.00", None), ("Latgales biedrība", 2020, None, None),
        ("Latgales biedrība", 2021, "3000.00", None)]


def test_a_bad_filter_is_refused_with_its_field(client):
    response = client.get(f"{API}/funding", {"region": "Marss"})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["query.region"]
    assert client.get(f"{API}/change", {"by": "kind"}).status_code == 422
    assert client.get(f"{API}/funding", {"by": "colour"}).status_code == 422
