import json
from pathlib import Path

import pytest

from deleg.summaries.models import Summary, SummaryVersion, content_sha256
from deleg.summaries.render import FORMATS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parent.parent / "data/fixtures/seed/000_5c600465db280f8a.expected.json"


def publish_seed() -> Summary:
    content = json.loads(SEED.read_text(encoding="utf-8"))
    summary = Summary.objects.create()
    SummaryVersion.objects.create(summary=summary, number=1, content=content, content_sha256=content_sha256(content),
                                  title=content["title"])
    return summary


def test_summary_page_shows_the_official_document_and_serves_every_download(live_server, page, artefacts):
    summary = publish_seed()

    page.goto(f"{live_server.url}/s/{summary.pk}/")

    assert page.locator("h1").inner_text().startswith("Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu")
    document = page.locator(".deleg-document")
    assert "12.08.2019. – 31.10.2020." in document.inner_text()
    assert "37\u00a0500,00\u00a0euro" in document.inner_text()
    assert page.locator(".deleg-document__list--results > li").count() == 8
    page.screenshot(path=str(artefacts / "summary-page.png"), full_page=True)
    assert (artefacts / "summary-page.png").stat().st_size > 10_000

    links = page.locator("a[data-format]")
    assert links.count() == 9
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href")
        response = page.request.get(live_server.url + href)
        extension = href.split("?")[0].rsplit(".", 1)[1]
        assert response.status == 200, href
        assert response.headers["content-type"] == FORMATS[extension].mime_type
        assert "attachment" in response.headers["content-disposition"]


def test_summary_page_works_on_a_phone(live_server, browser, artefacts):
    summary = publish_seed()
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="lv-LV")
    page = context.new_page()

    page.goto(f"{live_server.url}/s/{summary.pk}/")

    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(artefacts / "summary-page-phone.png"), full_page=True)
    context.close()
