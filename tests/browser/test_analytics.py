"""The figures pages in a real browser: the dashboard signed in as ministry staff, the public figures
filtered, screenshots of both, and axe-core finding no serious or critical accessibility violation."""
import re
from pathlib import Path

import pytest

from deleg.core.tests.factories import make_member
from deleg.demo import DELEGATOR, demo_load
from deleg.organizations.models import MemberRole, Organization

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "parole-123456"
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.14.1.min.js"


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_dashboard_and_public_figures(live_server, page, artefacts):
    demo_load()
    make_member(Organization.objects.get(name=DELEGATOR), MemberRole.MINISTRY_REVIEWER, "skaitli")

    page.goto(live_server.url + "/app/login/")
    page.get_by_label("Lietotājvārds").fill("skaitli")
    page.get_by_label("Parole").fill(PASSWORD)
    page.get_by_role("button", name="Pieslēgties").click()
    page.wait_for_url(re.compile(r"/app/$"))
    page.goto(live_server.url + "/dashboard/")

    assert page.locator("h1").inner_text() == "Pārskats"
    assert page.locator("svg[role='img']").count() >= 5
    assert page.get_by_role("heading", name="Finansējums pa gadiem: plānotais un izlietotais").count() == 1
    page.screenshot(path=str(artefacts / "dashboard.png"), full_page=True)
    assert serious_violations(page) == []

    page.goto(live_server.url + "/figures/")
    page.get_by_label("Reģions").select_option(label="Latgale")
    page.get_by_role("button", name="Rādīt skaitļus").click()
    page.wait_for_url(re.compile(r"/figures/\?.*region=Latgale"))

    assert page.locator("h1").inner_text() == "Skaitļi"
    assert page.get_by_label("Reģions").input_value() == "Latgale"
    csv_link = page.get_by_role("link", name=re.compile("Lejupielādēt šos skaitļus")).first
    assert "region=Latgale" in csv_link.get_attribute("href")
    page.screenshot(path=str(artefacts / "figures.png"), full_page=True)
    assert serious_violations(page) == []
