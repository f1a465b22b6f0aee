"""The public register's search, filters and facets; runs on SQLite (FTS5) and PostgreSQL (full-text)."""
import json
from collections import Counter
from pathlib import Path

import pytest

from deleg.summaries.models import Summary
from deleg.summaries.selectors import RegisterFilters, register_facets, register_versions
from deleg.summaries.services import summary_import_path, summary_version_create

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"
SOURCES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".html"})
SEED = FIXTURES / "seed" / "000_5c600465db280f8a.txt"


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def register():
    for path in SOURCES:
        assert summary_import_path(path).status == "created"


def titles(**filters) -> set[str]:
    return set(register_versions(RegisterFilters(**filters)).values_list("title", flat=True))


def test_search_ignores_case_and_latvian_diacritics(register):
    plain, accented, shouted = titles(q="latgale"), titles(q="Latgalē"), titles(q="LATGALES")

    assert plain == accented == shouted
    assert {expected(p)["title"] for p in SOURCES if expected(p)["region"] == "Latgale"} <= plain


def test_every_word_must_match_as_a_prefix(register):
    seed_title = expected(SEED)["title"]

    assert seed_title in titles(q="mazākumtautību festiv")
    assert titles(q="festivāls neeksistējošsvārds") == set()


def searched_text(content: dict) -> str:
    return " ".join([content["title"], content["task"], content["performer"]["name"], *content["objectives"],
                     *(r["text"] for r in content["results"])]).lower()


def test_search_looks_in_results_and_objectives(register):
    with_kolektivi = {expected(p)["title"] for p in SOURCES if "kolektīv" in searched_text(expected(p))}

    assert with_kolektivi and titles(q="KOLEKTĪV") == with_kolektivi


def test_region_facet_counts_match_the_sources(register):
    counts = Counter(expected(p)["region"] for p in SOURCES if expected(p)["region"])

    facets = register_facets(register_versions(RegisterFilters()))

    assert {row["value"]: row["count"] for row in facets["region"]} == dict(counts)


def test_year_filter_keeps_summaries_whose_period_touches_the_year(register):
    def touches(content, year):
        start, end = content["period"]["start"], content["period"]["end"]
        return bool(start and end and start <= end and int(start[:4]) <= year <= int(end[:4]))

    wanted = {expected(p)["title"] for p in SOURCES if touches(expected(p), 2020)}

    assert titles(year=2020) == wanted


def test_only_the_latest_version_is_listed(register):
    seed = Summary.objects.get(latest__performer_name="Dienvidlatgales NVO atbalsta centrs",
                               latest__period_start="2019-08-12")
    corrected = seed.latest.content | {"other_information": "Labots."}

    version = summary_version_create(summary=seed, content=corrected, change_note="Labojums")

    listed = register_versions(RegisterFilters(q="dienvidlatgales"))
    assert version in listed and seed.versions.get(number=1) not in listed


def test_filters_from_a_query_string_ignore_junk():
    filters = RegisterFilters.from_query({"year": "20x0", "sort": "drop table", "q": "  latgale  "})

    assert (filters.year, filters.sort, filters.q) == (None, "newest", "latgale")


def test_facets_count_within_a_search(register):
    versions = register_versions(RegisterFilters(q="latgale"))

    facets = register_facets(versions)

    assert sum(row["count"] for row in facets["region"]) <= versions.count()
    assert {row["value"] for row in facets["year"]}
