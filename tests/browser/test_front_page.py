import pytest

from deleg.demo import SEED_PERFORMER, demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_front_page_lists_the_seed_performer(live_server, page, artefacts):
    demo_load()

    page.goto(live_server.url + "/")

    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.locator("h1").inner_text() == "Deleģētie valsts pārvaldes uzdevumi"
    row = page.locator("tr", has_text=SEED_PERFORMER)
    assert row.count() == 1
    assert "12.08.2019. – 31.10.2020." in row.inner_text()
    assert "37\u00a0500,00\u00a0euro" in row.inner_text()
    page.screenshot(path=str(artefacts / "front-page.png"), full_page=True)
    assert (artefacts / "front-page.png").stat().st_size > 10_000


def test_front_page_works_on_a_phone(live_server, browser, artefacts):
    demo_load()
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="lv-LV")
    page = context.new_page()

    page.goto(live_server.url + "/")

    # No horizontal scrolling: the agreements become labelled cards on a narrow screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    performer_cell = page.locator("td[data-label='Izpildītājs']").first
    assert performer_cell.evaluate("cell => getComputedStyle(cell).display") == "block"
    page.screenshot(path=str(artefacts / "front-page-phone.png"), full_page=True)
    context.close()
