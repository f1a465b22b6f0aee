import hashlib
import json
from pathlib import Path

import pytest

from deleg.agreements.models import Agreement, Objective
from deleg.organizations.models import Organization
from deleg.summaries.models import Summary, SummaryVersion
from deleg.summaries.services import summary_import, summary_import_path

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"
SEED = FIXTURES / "seed" / "000_5c600465db280f8a.txt"


def stored_counts() -> dict:
    return {model.__name__: model.objects.count() for model in (Organization, Agreement, Objective, Summary, SummaryVersion)}


def without_messages(content: dict) -> dict:
    return content | {"findings": sorted((f["code"], f["field"]) for f in content["findings"])}


def test_seed_import_stores_performer_agreement_and_summary():
    result = summary_import_path(SEED)

    expected = json.loads(SEED.with_suffix(".expected.json").read_text(encoding="utf-8"))
    version = SummaryVersion.objects.get()
    agreement = version.summary.agreement
    assert (result.status, result.version) == ("created", 1)
    assert without_messages(version.content) == without_messages(expected)
    assert version.source_file == SEED.name
    assert version.source_sha256 == hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert agreement.performer.name == "Dienvidlatgales NVO atbalsta centrs"
    assert agreement.performer.legal_form == "biedrība"
    assert (agreement.start.isoformat(), agreement.end.isoformat()) == ("2019-08-12", "2020-10-31")
    assert agreement.region == "Latgale"
    assert [o.position for o in agreement.objectives.all()] == [1, 2, 3]
    assert version.performer_name == "Dienvidlatgales NVO atbalsta centrs"


def test_importing_the_same_file_twice_creates_nothing_new():
    first = summary_import_path(SEED)
    before = stored_counts()

    second = summary_import_path(SEED)

    assert second.status == "unchanged"
    assert (second.summary_id, second.version) == (first.summary_id, first.version)
    assert stored_counts() == before


def test_a_changed_file_becomes_the_next_version_and_the_first_stays():
    summary_import_path(SEED)
    changed = SEED.read_bytes().replace("Cita informācija\tNav".encode(), "Cita informācija\tLīgums izpildīts.".encode())
    assert changed != SEED.read_bytes()

    result = summary_import(data=changed, source="000_labots.txt")

    assert (result.status, result.version) == ("new_version", 2)
    versions = list(SummaryVersion.objects.order_by("number"))
    assert [v.summary_id for v in versions] == [result.summary_id] * 2
    assert versions[0].content["other_information"] is None
    assert versions[1].content["other_information"] == "Līgums izpildīts."
    assert versions[1].change_note == "Atkārtoti importēts no 000_labots.txt ar izmaiņām."
    assert Agreement.objects.count() == 1


def test_a_file_failing_half_way_leaves_nothing_behind():
    # The performer, agreement and objectives are stored before the budget line, whose amount has
    # more digits than money may have (14 with 2 decimals): the whole file must roll back.
    text = SEED.read_text(encoding="utf-8").replace("37500,00 euro", "plānots 1000000000000,00 euro")

    result = summary_import(data=text.encode(), source="par-lielu.txt")

    assert result.status == "failed"
    assert "planned" in result.error
    assert stored_counts() == dict.fromkeys(stored_counts(), 0)


def test_dry_run_reports_what_would_happen_and_stores_nothing():
    result = summary_import_path(SEED, dry_run=True)

    assert result.status == "created"
    assert {f["code"] for f in result.findings} == {"funding_role_unstated", "funding_year_empty", "html_malformed"}
    assert stored_counts() == dict.fromkeys(stored_counts(), 0)


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02\xff" * 50, b"%PDF-1.4 not a summary"])
def test_unreadable_bytes_fail_with_a_message_and_store_nothing(data):
    result = summary_import(data=data, source="junk.txt")

    assert result.status == "failed"
    assert result.error
    assert stored_counts() == dict.fromkeys(stored_counts(), 0)


def test_a_missing_file_fails_with_the_reason(tmp_path):
    result = summary_import_path(tmp_path / "nav.txt")

    assert result.status == "failed"
    assert "No such file" in result.error


def test_every_fixture_imports_and_round_trips_its_content():
    sources = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".html"})

    results = [summary_import_path(path) for path in sources]

    assert [r.status for r in results] == ["created"] * len(sources)
    for path, result in zip(sources, results, strict=True):
        expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
        stored = SummaryVersion.objects.get(summary_id=result.summary_id, number=1).content
        assert without_messages(stored) == without_messages(expected), path.name
