"""The figures pages: who may see them, what they show, and that a chart's CSV is what it draws."""
import csv
import io

import pytest
from django.urls import reverse

from deleg.analytics.models import Source
from deleg.analytics.pages import chart_for
from deleg.analytics.selectors import PUBLIC_SCOPE, Filters, Scope

pytestmark = pytest.mark.django_db
FIGURES, DASHBOARD = "/figures/", "/dashboard/"


def test_urls():
    assert reverse("analytics:figures") == FIGURES and reverse("analytics:dashboard") == DASHBOARD


def test_the_public_sees_published_figures_without_signing_in(client, dataset, lv):
    response = client.get(FIGURES)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Skaitļi</h1>" in html
    # Published planned 10 000 + 3 000; the unstated 20 000 on its own; A2's draft budget nowhere.
    assert "13\u00a0000,00\u00a0euro" in html and "20\u00a0000,00\u00a0euro" in html
    assert "A2 Zemgale" not in html and "35\u00a0000,00" not in html
    assert 'role="img"' in html and "<desc id=\"chart-funding-desc\">" in html


def test_dashboard_needs_signing_in(client, dataset):
    response = client.get(DASHBOARD)

    assert response.status_code == 302 and "/app/login/" in response["Location"]


def test_a_performer_is_refused_the_dashboard(client, performer_user):
    client.force_login(performer_user)

    assert client.get(DASHBOARD).status_code == 403


def test_ministry_sees_its_own_agreements_drafts_included(client, ministry_user, lv):
    client.force_login(ministry_user)

    html = client.get(DASHBOARD).content.decode()

    # A1 30 000 + draft A2 5 000; not ministry B's A3 (7 000).
    assert "35\u00a0000,00\u00a0euro" in html and "42\u00a0000,00" not in html
    assert "Zemgales fonds" in html and "A3 Latgale" not in html
    assert "Dalībnieki un pasākumi pa reģioniem (aktivitāšu žurnāls)" in html
    assert "Dalībnieki un pasākumi pa reģioniem (publicētie kopsavilkumi)" in html


def test_another_ministry_sees_only_its_own(client, other_ministry_user, lv):
    client.force_login(other_ministry_user)

    html = client.get(DASHBOARD).content.decode()

    assert "7\u00a0000,00\u00a0euro" in html and "A1 Latgale" not in html and "Zemgales fonds" not in html


def test_filters_are_get_parameters_and_stay_in_links(client, dataset):
    response = client.get(FIGURES, {"region": "Latgale", "year": "2019"})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<option value="Latgale" selected>' in html
    assert "region=Latgale&amp;year=2019&amp;format=csv&amp;chart=funding" in html


def test_a_bad_filter_is_shown_in_an_error_summary(client, dataset, lv):
    response = client.get(FIGURES, {"year": "divi"})

    assert response.status_code == 400
    assert 'href="#filter-year"' in response.content.decode()


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_csv_of_a_chart_is_exactly_what_it_draws(client, dataset, lv):
    response = client.get(FIGURES, {"format": "csv", "chart": "funding"})

    assert response["Content-Type"].startswith("text/csv")
    assert read_csv(response) == [
        ["Gads", "plānots", "izlietots", "loma nav norādīta"],
        ["2019", "10000.00", "8000.00", ""],
        ["2020", "", "", "20000.00"],
        ["2021", "3000.00", "3000.00", ""],
    ]
    chart = chart_for("funding", PUBLIC_SCOPE, Filters())
    drawn = [bar["label"] for bar in chart.panels[0].bars]
    assert len(drawn) == 5  # one bar per stated value in the CSV


@pytest.mark.parametrize("name", ["funding", "execution", "counts", "counts-published", "achievement", "regions"])
def test_every_chart_csv_matches_its_table(client, ministry_user, name):
    client.force_login(ministry_user)
    scope = Scope(Source.REGISTER, (ministry_user.memberships.get().organization_id,))
    chart = chart_for(name, scope, Filters(region="Latgale"))

    rows = read_csv(client.get(DASHBOARD, {"format": "csv", "chart": name, "region": "Latgale"}))

    assert rows == chart.csv_rows()
    bars = sum(len(panel.bars) for panel in chart.panels)
    assert bars == sum(1 for row in rows[1:] for cell in row[1:] if cell != "")


def test_unknown_chart_is_not_found(client, dataset):
    assert client.get(FIGURES, {"format": "csv", "chart": "nav"}).status_code == 404
    assert client.get(FIGURES, {"format": "csv", "chart": "counts"}).status_code == 404


@pytest.mark.parametrize("filters", [Filters(), Filters(year=2020), Filters(region="Latgale", year=2019)])
@pytest.mark.parametrize("scope", [PUBLIC_SCOPE, Scope(Source.REGISTER)])
def test_the_page_draws_what_each_chart_csv_gives(dataset, scope, filters):
    from deleg.analytics.pages import page_figures
    from deleg.analytics.selectors import figures_compliance, figures_funding

    page = page_figures(scope, filters)

    for chart in page["charts"]:
        assert chart.csv_rows() == chart_for(chart.name, scope, filters).csv_rows(), chart.name
    total = figures_funding(scope=scope, filters=filters, by=())[0]
    compliance = figures_compliance(scope=scope, filters=filters)
    assert [value for _label, value, _money in page["headline"]] == [
        total["planned"], total["spent"], total["rate"], total["unstated"],
        compliance["non_compliant"], compliance["recovered"], compliance["unrecovered"]]
