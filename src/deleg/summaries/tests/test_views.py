"""The public summary pages: the latest version, earlier versions, the version list and the downloads."""
import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import html5lib
import pytest
from django.urls import reverse

from deleg.summaries.models import Summary, SummaryVersion, content_sha256
from deleg.summaries.render import FORMATS

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[4] / "tests/data/fixtures/seed/000_5c600465db280f8a.expected.json"
RIGA = ZoneInfo("Europe/Riga")


def seed_content(**changes) -> dict:
    return dict(json.loads(SEED.read_text(encoding="utf-8")), **changes)


def publish(summary: Summary, number: int, content: dict, *, change_note: str = "",
            published: datetime) -> SummaryVersion:
    version = SummaryVersion.objects.create(
        summary=summary, number=number, content=content, content_sha256=content_sha256(content),
        title=content["title"], change_note=change_note,
    )
    # Published versions cannot be saved again; the publication time is set here as a record would have it.
    SummaryVersion.objects.filter(pk=version.pk).update(published_at=published)
    return version


@pytest.fixture
def summary() -> Summary:
    """A summary published twice: the seed as imported, then corrected."""
    summary = Summary.objects.create()
    publish(summary, 1, seed_content(task="Sākotnējais uzdevuma teksts"),
            published=datetime(2020, 11, 20, 9, tzinfo=RIGA))
    publish(summary, 2, seed_content(), change_note="Labots uzdevuma teksts.",
            published=datetime(2021, 3, 4, 23, 30, tzinfo=RIGA))
    return summary


def text_of(response) -> str:
    tree = html5lib.parse(response.content, namespaceHTMLElements=False)
    return " ".join(" ".join(tree.find("body").itertext()).split())


def test_summary_page_shows_the_latest_version(client, summary):
    response = client.get(reverse("summaries:detail", args=[summary.pk]))

    assert response.status_code == 200
    text = text_of(response)
    assert "Valsts pārvaldes uzdevums Atsevišķu valsts pārvaldes uzdevumu veikšana" in text
    assert "Sākotnējais uzdevuma teksts" not in text
    assert "Versija 2. versija no 2" in text
    assert "Jūs lasāt" not in text
    assert "Neatbilstoši veiktie izdevumi Nav" in text


def test_an_earlier_version_has_its_own_page_linking_to_the_latest(client, summary):
    response = client.get(reverse("summaries:version", args=[summary.pk, 1]))

    assert response.status_code == 200
    text = text_of(response)
    assert "Valsts pārvaldes uzdevums Sākotnējais uzdevuma teksts" in text
    assert "Jūs lasāt šī kopsavilkuma 1. versiju. Jaunākā ir 2. versija." in text
    tree = html5lib.parse(response.content, namespaceHTMLElements=False)
    links = {a.get("href") for a in tree.iter("a")}
    assert reverse("summaries:detail", args=[summary.pk]) in links


def test_the_version_list_is_newest_first_with_dates_and_change_notes(client, summary):
    response = client.get(reverse("summaries:version", args=[summary.pk, 1]))

    tree = html5lib.parse(response.content, namespaceHTMLElements=False)
    table = tree.find(".//table[@class='deleg-table deleg-versions']")
    rows = [" ".join(" ".join(tr.itertext()).split()) for tr in table.findall("tbody/tr")]
    # 23:30 in Riga on 4 March is still 4 March, although it is 21:30 UTC.
    assert rows == ["2. versija jaunākā 04.03.2021. Labots uzdevuma teksts.", "1. versija parādīta 20.11.2020. —"]
    shown = table.find(".//*[@aria-current='page']")
    assert shown is not None and "1. versija" in shown.text
    assert table.find("tbody/tr/th/a").get("href") == reverse("summaries:version", args=[summary.pk, 2])


def test_the_page_links_every_download_and_each_is_served(client, summary):
    response = client.get(reverse("summaries:detail", args=[summary.pk]))

    tree = html5lib.parse(response.content, namespaceHTMLElements=False)
    links = [a.get("href") for a in tree.iter("a") if a.get("data-format")]
    assert {link.split("?")[0].rsplit(".", 1)[1] for link in links} == set(FORMATS)
    for link in links:
        download = client.get(link)
        ext = link.split("?")[0].rsplit(".", 1)[1]
        assert download.status_code == 200
        assert download["Content-Type"] == FORMATS[ext].mime_type


@pytest.mark.parametrize(("ext", "start"), [
    ("html", b"<!doctype html>"), ("pdf", b"%PDF-"), ("docx", b"PK"), ("tsv", "Kopsavilkums".encode()), ("json", b"{"),
])
def test_a_download_has_its_content_type_and_file_name(client, summary, ext, start):
    response = client.get(reverse("summaries:download", args=[summary.pk, 2, ext]))

    assert response.status_code == 200
    assert response["Content-Type"] == FORMATS[ext].mime_type
    assert response["Content-Disposition"] == f'attachment; filename="kopsavilkums-{summary.pk}-v2.{ext}"'
    assert response.content.startswith(start)


def test_an_earlier_version_downloads_its_own_content(client, summary):
    response = client.get(reverse("summaries:download", args=[summary.pk, 1, "json"]))

    assert json.loads(response.content)["task"] == "Sākotnējais uzdevuma teksts"


def test_an_english_download_is_named_and_labelled_in_english(client, summary):
    response = client.get(reverse("summaries:download", args=[summary.pk, 2, "tsv"]) + "?lang=en")

    assert response["Content-Disposition"] == f'attachment; filename="summary-{summary.pk}-v2-en.tsv"'
    assert "State administration task\t" in response.content.decode("utf-8")


def test_the_print_view_is_the_document_alone(client, summary):
    response = client.get(reverse("summaries:print", args=[summary.pk, 2]))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert "Content-Disposition" not in response
    text = text_of(response)
    assert text.startswith("Kopsavilkums, 2. versija, publicēts 04.03.2021. Kopsavilkums par atsevišķu")
    assert "Lejupielādēt" not in text


def test_findings_are_shown_apart_as_data_quality_on_the_page_only(client, summary):
    page = text_of(client.get(reverse("summaries:detail", args=[summary.pk])))
    document = client.get(reverse("summaries:download", args=[summary.pk, 2, "html"])).content.decode()

    assert "Datu kvalitāte" in page
    assert "Finansējuma summa nenorāda, vai tā ir plānotā vai izlietotā." in page
    assert "funding[2020]" in page
    assert "Datu kvalitāte" not in document and "funding[2020]" not in document


def test_the_page_follows_the_interface_language(client, summary):
    response = client.get(reverse("summaries:detail", args=[summary.pk]), HTTP_ACCEPT_LANGUAGE="en")

    text = text_of(response)
    assert "Delegation period of the state administration task 12 August 2019 – 31 October 2020" in text
    assert "Version 2 of 2" in text


def test_markup_in_a_summary_is_shown_as_text_on_the_page(client):
    summary = Summary.objects.create()
    publish(summary, 1, seed_content(task='<script>alert(1)</script><img src=x onerror="alert(2)">'),
            published=datetime(2021, 1, 1, tzinfo=RIGA))

    response = client.get(reverse("summaries:detail", args=[summary.pk]))

    assert b"<script" not in response.content and b"<img" not in response.content
    assert "<script>alert(1)</script>" in text_of(response)


@pytest.mark.parametrize("url", [
    lambda s: reverse("summaries:detail", args=[s.pk + 1000]),
    lambda s: reverse("summaries:version", args=[s.pk, 3]),
    lambda s: reverse("summaries:version", args=[s.pk + 1000, 1]),
    lambda s: reverse("summaries:download", args=[s.pk, 3, "pdf"]),
    lambda s: reverse("summaries:download", args=[s.pk, 2, "xlsx"]),
    lambda s: reverse("summaries:print", args=[s.pk, 9]),
], ids=["unknown summary", "unknown version", "version of unknown summary", "download of unknown version",
        "unknown format", "print of unknown version"])
def test_unknown_summaries_versions_and_formats_are_not_found(client, summary, url):
    assert client.get(url(summary)).status_code == 404


def test_a_summary_without_a_published_version_is_not_found(client):
    summary = Summary.objects.create()

    assert client.get(reverse("summaries:detail", args=[summary.pk])).status_code == 404


def test_the_pages_only_answer_reads(client, summary):
    assert client.post(reverse("summaries:detail", args=[summary.pk])).status_code == 405
