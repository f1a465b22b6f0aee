"""The /data/ page and its downloads: status, content type, file name, cache headers and contents."""
import io
import json
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from deleg.opendata.tests.conftest import SECRET

pytestmark = pytest.mark.django_db


def test_data_page_lists_every_download_and_table_in_latvian(client, opendata):
    response = client.get(reverse("opendata:index"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Atvērtie dati</h1>" in text
    for filename in ("deleg.csv.zip", "deleg.xlsx", "deleg.datapackage.zip", "deleg.iati.xml"):
        assert f'href="/data/{filename}"' in text
    assert "summary_quantities" in text and "CC BY 4.0" in text
    assert 'href="/data/">Atvērtie dati</a>' in text


def test_data_page_shows_a_size_once_the_file_was_made(client, opendata):
    before = client.get(reverse("opendata:index")).content.decode()
    body = client.get("/data/deleg.iati.xml").content
    after = client.get(reverse("opendata:index")).content.decode()

    assert "vēl nav zināms" in before
    assert before.count("vēl nav zināms") - after.count("vēl nav zināms") == 1
    assert f"{len(body) / 1024:.1f}".replace(".", ",") in after


@pytest.mark.parametrize(("path", "content_type"), [
    ("/data/deleg.csv.zip", "application/zip"),
    ("/data/deleg.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("/data/deleg.datapackage.zip", "application/zip"),
    ("/data/deleg.iati.xml", "application/xml"),
])
def test_downloads_have_type_name_and_cache_headers(client, opendata, path, content_type):
    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{path.rsplit("/", 1)[1]}"'
    assert response["ETag"] and response["Last-Modified"]
    assert SECRET.encode() not in response.content
    unchanged = client.get(path, headers={"If-None-Match": response["ETag"]})
    assert unchanged.status_code == 304


def test_a_new_publication_changes_the_etag(client, opendata):
    from deleg.summaries.models import SummaryVersion
    from deleg.summaries.services import summary_version_create

    before = client.get("/data/deleg.csv.zip")["ETag"]
    latest = SummaryVersion.objects.filter(summary_id=opendata.seed_id).get()
    summary_version_create(summary=latest.summary, content=latest.content | {"other_information": "Labojums."},
                           change_note="Labojums.")

    assert client.get("/data/deleg.csv.zip", headers={"If-None-Match": before}).status_code == 200


def test_zipped_downloads_hold_the_tables(client, opendata):
    csvs = zipfile.ZipFile(io.BytesIO(client.get("/data/deleg.csv.zip").content))
    package = zipfile.ZipFile(io.BytesIO(client.get("/data/deleg.datapackage.zip").content))
    workbook = load_workbook(io.BytesIO(client.get("/data/deleg.xlsx").content), read_only=True)

    assert "summary_funding.csv" in csvs.namelist() and "datapackage.json" not in csvs.namelist()
    assert f"{opendata.seed_id},1,2019,,,37500.00" in csvs.read("summary_funding.csv").decode("utf-8")
    descriptor = json.loads(package.read("datapackage.json"))
    assert {r["path"] for r in descriptor["resources"]} <= set(package.namelist())
    assert "summaries" in workbook.sheetnames
    # Links in a download point at the site it came from.
    assert f"http://testserver/s/{opendata.seed_id}/" in csvs.read("summaries.csv").decode("utf-8")


def test_unknown_download_is_not_found(client, db):
    assert client.get("/data/deleg.exe").status_code == 404
