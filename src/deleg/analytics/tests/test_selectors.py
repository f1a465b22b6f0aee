"""Figures against totals computed by hand from the dataset in conftest.py."""
from decimal import Decimal as D

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from deleg.agreements.selectors import indicator_progress
from deleg.analytics.models import Source
from deleg.analytics.selectors import (
    PUBLIC_SCOPE,
    Filters,
    Scope,
    figures_achievement,
    figures_change,
    figures_compliance,
    figures_costs,
    figures_counts,
    figures_execution_by_performer,
    figures_filters,
    figures_funding,
    figures_scope,
    figures_table,
)
from deleg.analytics.services import figures_refresh_if_stale

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dataset")]
NONE = Filters()


def funding(rows):
    return [(r["key"].get("year"), r["planned"], r["spent"], r["unstated"], r["rate"]) for r in rows]


@pytest.fixture
def ministry_a(dataset):
    return Scope(Source.REGISTER, (dataset.ministry_a.pk,))


def test_ministry_funding_by_year_counts_only_submitted_or_accepted_spending(ministry_a):
    rows = figures_funding(scope=ministry_a, filters=NONE)

    # 2020: A1 20 000 + A2 5 000 planned; the rate compares only A1, the agreement that states both.
    assert funding(rows) == [
        (2019, D("10000.00"), D("8000.00"), None, D("80.0")),
        (2020, D("25000.00"), D("15000.00"), None, D("75.0")),
    ]
    assert funding(figures_funding(scope=ministry_a, filters=NONE, by=())) == [
        (None, D("35000.00"), D("23000.00"), None, D("76.7"))]


def test_public_funding_keeps_unstated_amounts_apart_even_in_a_year_with_nothing_else():
    rows = figures_funding(scope=PUBLIC_SCOPE, filters=NONE)

    assert funding(rows) == [
        (2019, D("10000.00"), D("8000.00"), None, D("80.0")),
        (2020, None, None, D("20000.00"), None),
        (2021, D("3000.00"), D("3000.00"), None, D("100.0")),
    ]
    assert funding(figures_funding(scope=PUBLIC_SCOPE, filters=NONE, by=())) == [
        (None, D("13000.00"), D("11000.00"), D("20000.00"), D("84.6"))]


@pytest.mark.usefixtures("dataset")
def test_compliance_totals_per_source(ministry_a):
    assert figures_compliance(scope=ministry_a, filters=NONE) == {
        "non_compliant": D("1000.00"), "recovered": D("400.00"), "unrecovered": D("600.00")}
    # A summary states what stayed unrecovered, never what was recovered.
    assert figures_compliance(scope=PUBLIC_SCOPE, filters=NONE) == {
        "non_compliant": D("500.00"), "recovered": None, "unrecovered": D("100.00")}


def counts(rows):
    return {r["label"]: tuple(r[k] for k in ("events", "participants", "organizations", "consultations",
                                             "publications", "groups")) for r in rows}


def test_counts_by_region_from_the_activity_log_and_from_published_results_stay_apart(ministry_a, lv):
    # A2 (Zemgale) has no counts at all, so it has no row rather than a row of zeros.
    assert counts(figures_counts(scope=ministry_a, filters=NONE)) == {"Latgale": (2, 81, 15, 1, 1, None)}
    assert counts(figures_counts(scope=ministry_a.published(), filters=NONE)) == {
        "Latgale": (3, 120, None, None, 5, None)}
    assert counts(figures_counts(scope=PUBLIC_SCOPE, filters=NONE)) == {
        "Kurzeme": (None, 10, None, None, None, None), "Latgale": (3, 120, None, None, 5, None)}
    assert all(row["source"] == "register" for row in figures_counts(scope=ministry_a, filters=NONE))


def test_achievement_lists_agreements_furthest_behind_first_with_objectives(ministry_a, dataset):
    rows = figures_achievement(scope=Scope(Source.REGISTER), filters=NONE)

    # A1: seminars 1 of 4 = 25 %, participants 81 of 40 = 202.5 % (capped at 100 in the mean): 62.5 %.
    # A2's only indicator is entered by hand and has no report: no achievement, so it is not listed.
    assert [(r["title"], r["achievement"]) for r in rows] == [("A1 Latgale", D("62.5"))]
    objective = rows[0]["objectives"][0]
    assert objective["percent"] == D("62.5")
    assert [(i["name"], i["target"], i["achieved"], i["percent"]) for i in objective["indicators"]] == [
        ("Semināri", 4, 1, D("25.0")), ("Dalībnieki", 40, 81, D("202.5"))]
    # The same achieved values as the agreement's own progress page.
    progress = indicator_progress(dataset.a1)[0]["indicators"]
    assert [row["achieved"] for row in progress] == [1, 81]


def test_costs_only_where_spending_and_count_both_exist(ministry_a):
    rows = {r["label"]: (r["per_participant"], r["per_event"]) for r in figures_costs(scope=ministry_a, filters=NONE)}

    # Latgale: 23 000 / 81 participants and / 2 events; Zemgale has spending neither nor counts: no row.
    assert rows == {"Latgale": (D("283.95"), D("11500.00"))}
    public = {r["label"]: (r["per_participant"], r["per_event"])
              for r in figures_costs(scope=PUBLIC_SCOPE, filters=NONE)}
    # S1: 8 000 spent (the 2020 amount's role is unstated, so it is not spending) / 120 and / 3.
    assert public == {"Kurzeme": (D("300.00"), None), "Latgale": (D("66.67"), D("2666.67"))}


def test_year_on_year_change_per_region(ministry_a):
    rows = {(r["label"], r["year"]): r for r in figures_change(scope=ministry_a, filters=NONE, by="region")}

    latgale = rows[("Latgale", 2020)]
    assert (latgale["planned"], latgale["planned_change"], latgale["planned_change_percent"]) == (
        D("20000.00"), D("10000.00"), D("100.0"))
    assert (latgale["spent_change"], latgale["spent_change_percent"]) == (D("7000.00"), D("87.5"))
    assert (latgale["participants_change"], latgale["participants_change_percent"]) == (19, D("61.3"))
    assert rows[("Latgale", 2019)]["planned_change"] is None
    assert rows[("Zemgale", 2020)]["planned"] == D("5000.00") and rows[("Zemgale", 2020)]["planned_change"] is None


def test_change_per_performer(dataset):
    rows = figures_change(scope=Scope(Source.REGISTER), filters=NONE, by="performer")

    latgale = [(r["year"], r["planned"], r["planned_change"]) for r in rows if r["label"] == "Latgales biedrība"]
    # 2020: A1 20 000 + A3 7 000 against A1's 10 000 in 2019.
    assert latgale == [(2019, D("10000.00"), None), (2020, D("27000.00"), D("17000.00"))]


def test_execution_by_performer_largest_planned_first(dataset):
    rows = figures_execution_by_performer(scope=Scope(Source.REGISTER), filters=NONE)

    assert [(r["label"], r["planned"], r["spent"], r["rate"]) for r in rows] == [
        ("Latgales biedrība", D("37000.00"), D("23000.00"), D("76.7")),
        ("Zemgales fonds", D("5000.00"), None, None)]


def test_filters_narrow_every_figure(ministry_a, dataset):
    latgale_2020 = Filters(region="Latgale", year=2020)

    assert funding(figures_funding(scope=ministry_a, filters=latgale_2020)) == [
        (2020, D("20000.00"), D("15000.00"), None, D("75.0"))]
    assert funding(figures_funding(scope=PUBLIC_SCOPE, filters=Filters(year=2020))) == [
        (2020, None, None, D("20000.00"), None)]
    assert funding(figures_funding(scope=ministry_a, filters=Filters(performer=dataset.zemgale_ngo.pk))) == [
        (2020, D("5000.00"), None, None, None)]
    assert funding(figures_funding(scope=ministry_a, filters=Filters(kind="participation", status="draft"))) == [
        (2020, D("5000.00"), None, None, None)]
    assert figures_funding(scope=ministry_a, filters=Filters(field="kultūra"), by=())[0]["planned"] == D("30000.00")
    assert figures_funding(scope=Scope(Source.REGISTER), filters=Filters(delegator=dataset.ministry_b.pk),
                           by=())[0]["planned"] == D("7000.00")
    # A whole-period figure belongs to every year its period touches.
    assert figures_compliance(scope=ministry_a, filters=Filters(year=2019))["non_compliant"] == D("1000.00")
    assert figures_compliance(scope=ministry_a, filters=Filters(year=2021))["non_compliant"] is None


def test_filters_from_parameters_refuse_bad_values():
    assert figures_filters({"region": "Latgale", "year": "2020", "performer": "7", "kind": ""}) == Filters(
        region="Latgale", year=2020, performer=7)
    with pytest.raises(ValidationError) as error:
        figures_filters({"region": "Marss", "year": "divi"})
    assert {name: [e.code for e in errors] for name, errors in error.value.error_dict.items()} == {
        "region": ["invalid_choice"], "year": ["invalid"]}


def test_table_groups_by_region_and_year(ministry_a, lv):
    rows = figures_table(scope=ministry_a, filters=NONE, by=("region", "year"))

    assert [(r["label"], r["planned"], r["spent"], r["participants"]) for r in rows] == [
        ("Latgale · 2019", D("10000.00"), D("8000.00"), 31),
        ("Latgale · 2020", D("20000.00"), D("15000.00"), 50),
        ("Zemgale · 2020", D("5000.00"), None, None)]


def test_scope_follows_roles(dataset, ministry_user, other_ministry_user, performer_user, django_user_model):
    assert figures_scope(actor=ministry_user) == Scope(Source.REGISTER, (dataset.ministry_a.pk,))
    assert figures_scope(actor=other_ministry_user) == Scope(Source.REGISTER, (dataset.ministry_b.pk,))
    with pytest.raises(PermissionDenied):
        figures_scope(actor=performer_user)
    superuser = django_user_model.objects.create_superuser("root", password="x")
    assert figures_scope(actor=superuser) == Scope(Source.REGISTER)


def test_figures_follow_changes_in_the_register(dataset, ministry_a):
    assert figures_refresh_if_stale(max_age=0) is False
    dataset.a2.budget_lines.update(planned=D("6000.00"))

    assert figures_refresh_if_stale(max_age=0) is True
    assert figures_funding(scope=ministry_a, filters=NONE, by=())[0]["planned"] == D("36000.00")


def test_public_achievement_comes_from_the_report_a_summary_was_published_from(dataset):
    from deleg.analytics.services import figures_refresh
    from deleg.reports.models import IndicatorValue
    from deleg.summaries.services import summary_version_create
    from tests.data_summary import seed_content

    report = dataset.a1.reports.get(kind="final")
    seminars, people = [i for o in dataset.a1.objectives.all() for i in o.indicators.all()]
    IndicatorValue.objects.create(report=report, indicator=seminars, computed=1)
    IndicatorValue.objects.create(report=report, indicator=people, computed=81, override=50, override_reason="Pārbaudīts.")
    summary_version_create(summary=dataset.s1, content=seed_content() | {"region": "Latgale"}, change_note="Labots.",
                           source_report=report)
    figures_refresh()

    rows = figures_achievement(scope=PUBLIC_SCOPE, filters=NONE)

    # 1 of 4 seminars = 25 %; 50 of 40 participants (the value entered by hand) = 125 %, capped: mean 62.5 %.
    assert [(r["summary_id"], r["achievement"]) for r in rows] == [(dataset.s1.pk, D("62.5"))]
    assert [i["percent"] for i in rows[0]["objectives"][0]["indicators"]] == [D("25.0"), D("125.0")]
