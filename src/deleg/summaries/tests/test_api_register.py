"""The register over the API: the same search and filters as the site, with cache headers."""
from pathlib import Path

import pytest
from django.test import Client

from deleg.summaries.services import summary_import_path

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"


@pytest.fixture
def client_with_register():
    for path in sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".html"}):
        summary_import_path(path)
    return Client()


def test_search_and_filters_match_the_sites_register(client_with_register):
    client = client_with_register

    api = client.get("/api/v1/summaries", {"q": "Latgalē", "region": "Latgale", "limit": 100}).json()
    page = client.get("/", {"q": "Latgalē", "region": "Latgale"}).content.decode()

    assert api["count"] > 0
    assert all(item["region"] == "Latgale" for item in api["items"])
    assert all(item["title"] in page for item in api["items"])
    assert f"{api['count']} kopsavilkum" in page


def test_facets_count_the_filtered_summaries(client_with_register):
    facets = client_with_register.get("/api/v1/summaries/facets", {"year": 2020}).json()
    listed = client_with_register.get("/api/v1/summaries", {"year": 2020, "limit": 100}).json()

    assert [row["count"] for row in facets["year"] if row["value"] == 2020] == [listed["count"]]
    assert sum(row["count"] for row in facets["region"]) <= listed["count"]


def test_public_reads_carry_etag_and_last_modified_and_answer_304(client_with_register):
    client = client_with_register
    first = client.get("/api/v1/summaries")

    again = client.get("/api/v1/summaries", headers={"if-none-match": first["ETag"]})
    since = client.get("/api/v1/summaries", headers={"if-modified-since": first["Last-Modified"]})

    assert first.status_code == 200 and first["Cache-Control"] == "public, max-age=60"
    assert (again.status_code, since.status_code) == (304, 304)


def test_an_unknown_sort_is_refused_with_422(client_with_register):
    response = client_with_register.get("/api/v1/summaries", {"sort": "drop"})

    assert response.status_code == 422


def test_an_id_too_large_for_the_database_is_simply_not_found(client_with_register):
    response = client_with_register.get("/api/v1/summaries/12264115975114374328056903756492570624/versions/1")

    assert response.status_code == 404
    assert list(response.json()) == ["detail"]


def test_a_summary_is_served_with_its_stored_content_and_all_versions(client_with_register):
    from deleg.summaries.models import Summary
    from deleg.summaries.services import summary_version_create

    summary = Summary.objects.order_by("pk").first()
    summary_version_create(summary=summary, content=summary.latest.content | {"other_information": "Labots."},
                           change_note="Labojums")

    body = client_with_register.get(f"/api/v1/summaries/{summary.pk}").json()

    assert body["id"] == summary.pk and body["agreement"] == summary.agreement_id
    assert body["latest"]["content"] == Summary.objects.get(pk=summary.pk).latest.content
    assert body["latest"]["number"] == 2 and body["latest"]["summary"] == summary.pk
    assert [(v["number"], v["change_note"]) for v in body["versions"]] == [(2, "Labojums"), (1, body["versions"][1]["change_note"])]
