import pytest

from deleg.demo import SEED_PERFORMER, demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_front_page_lists_the_seed_performer(live_server, page, artefacts):
    demo_load()

    page.goto(live_server.url + "/")

    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.locator("h1").inner_text() == "Deleģētie valsts pārvaldes uzdevumi"
    card = page.locator(".deleg-card", has_text=SEED_PERFORMER).filter(has_text="12.08.2019. – 31.10.2020.")
    assert card.count() == 1
    page.screenshot(path=str(artefacts / "front-page.png"), full_page=True)
    assert (artefacts / "front-page.png").stat().st_size > 10_000


def test_register_search_ignores_diacritics_and_facets_narrow_it(live_server, page, artefacts):
    demo_load()
    page.goto(live_server.url + "/")

    page.get_by_label("Meklēt uzdevumos, izpildītājos, mērķos un rezultātos").fill("LATGALE")
    page.get_by_role("button", name="Meklēt").click()
    found = page.locator(".deleg-card").count()
    page.locator(".deleg-facet", has_text="Reģions").get_by_role("link", name="Latgale").click()

    assert "q=LATGALE" in page.url and "region=Latgale" in page.url
    titles = page.locator(".deleg-card__title").all_inner_texts()
    assert 0 < len(titles) <= found
    assert all("Latgale" in text for text in page.locator(".deleg-card").all_inner_texts())
    assert page.locator(".deleg-facet__chosen").inner_text().startswith("Latgale")
    page.screenshot(path=str(artefacts / "register-search-facets.png"), full_page=True)


def test_front_page_works_on_a_phone(live_server, browser, artefacts):
    demo_load()
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="lv-LV")
    page = context.new_page()

    page.goto(live_server.url + "/")

    # No horizontal scrolling: results and filters stack on a narrow screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=str(artefacts / "front-page-phone.png"), full_page=True)
    context.close()
