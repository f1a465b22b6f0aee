"""The import of many files at once stores what importing them one after another stores, faster."""
import copy
import json
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deleg.agreements.models import Agreement, BudgetLine, Objective
from deleg.ingest.batch import parse_item, parse_many
from deleg.organizations.models import Organization
from deleg.summaries import services
from deleg.summaries.models import Summary, SummaryVersion, SummaryYear
from deleg.summaries.services import (
    summary_content_valid,
    summary_import,
    summary_import_many,
    summary_import_path,
    summary_schema_validator,
)

FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"
SEED = FIXTURES / "seed" / "000_5c600465db280f8a.txt"
MODELS = (Organization, Agreement, Objective, BudgetLine, Summary, SummaryVersion, SummaryYear)
# Set by the clock, not by what was imported.
CLOCK_FIELDS = {"created_at", "updated_at", "published_at"}


def seed_variant(**replacements: str) -> bytes:
    text = SEED.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    return text.encode()


def with_delegator(text: bytes, delegator: str) -> bytes:
    return text.replace("Valsts pārvaldes uzdevuma veicējs".encode(),
                        f"Deleģētājs\t{delegator}\t\nValsts pārvaldes uzdevuma veicējs".encode(), 1)


def mixed_items(tmp_path) -> list:
    """Paths and (source, bytes) pairs with every case the import knows, in an order where they meet."""
    sources = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".html"})
    other = seed_variant(**{"Cita informācija\tNav": "Cita informācija\tLīgums izpildīts."})
    third = seed_variant(**{"Cita informācija\tNav": "Cita informācija\tTrešā versija."})
    too_big = seed_variant(**{"37500,00 euro": "plānots 1000000000000,00 euro",
                              "Dienvidlatgales NVO atbalsta centrs": "Par lielu centrs"})
    other_performer = seed_variant(**{"Dienvidlatgales NVO atbalsta centrs": "Jauns centrs"})
    registered = seed_variant(**{'Biedrība "Dienvidlatgales NVO atbalsta centrs"':
                                 'Biedrība "Reģistrēts centrs", reģ. Nr. 40008000001'})
    renamed = seed_variant(**{'Biedrība "Dienvidlatgales NVO atbalsta centrs"':
                              'Biedrība "Pārdēvēts centrs", reģ. Nr. 40008000001'})
    ministry = with_delegator(other_performer, "Kultūras ministrija")
    ministry_changed = with_delegator(
        other_performer.replace("Cita informācija\tNav".encode(), "Cita informācija\tX".encode()), "Kultūras ministrija")
    missing = tmp_path / "nav.txt"
    return [
        *sources[:6],
        ("labots.txt", other),           # a new version of the seed
        *sources[6:12],
        SEED,                            # the same bytes as the first: unchanged
        ("par-lielu.txt", too_big),      # fails half-way; nothing of it stays
        ("tresais.txt", third),          # the seed's third version
        ("cits.txt", other_performer),
        ("ministrija.txt", ministry),    # the same performer and task, with a delegator: a new agreement
        ("ministrija-2.txt", ministry_changed),
        ("cits-atkal.txt", other_performer.replace(b"Nav", b"Nav.", 1)),  # names no delegator: any agreement
        ("registrets.txt", registered),
        ("parsaukts.txt", renamed),      # found by its register number
        ("junk.txt", b"\x00\x01\x02\xff" * 50),
        ("tukss.txt", b""),
        missing,
        *sources[12:],
        ("labots-atkal.txt", other),     # bytes already imported in this run
    ]


def import_one_by_one(items) -> list:
    return [summary_import_path(item) if isinstance(item, Path) else summary_import(data=item[1], source=item[0])
            for item in items]


def stored(results) -> dict:
    """Every row of the import's tables and the results, with ids replaced by their order (rank)."""
    ranks = {model: {pk: n for n, pk in enumerate(model.objects.order_by("pk").values_list("pk", flat=True))}
             for model in MODELS}
    state = {}
    for model in MODELS:
        rows = []
        for obj in model.objects.order_by("pk"):
            row = {}
            for f in model._meta.concrete_fields:
                if f.name in CLOCK_FIELDS:
                    continue
                value = getattr(obj, f.attname)
                if f.primary_key:
                    value = ranks[model][value]
                elif f.is_relation and value is not None:
                    value = ranks.get(f.related_model, {}).get(value, ("elsewhere", value))
                row[f.name] = value
            rows.append(row)
        state[model.__name__] = rows
    if connection.vendor == "sqlite":
        from deleg.summaries.search import SQLITE_TABLE

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid, body FROM {SQLITE_TABLE}")
            state["search"] = sorted((ranks[SummaryVersion].get(rowid), body) for rowid, body in cursor.fetchall())
    state["results"] = [(r.source, r.status, ranks[Summary].get(r.summary_id), r.version, r.findings, r.error)
                        for r in results]
    return state


def state_after(run) -> dict:
    """What run() stores, from the same empty database each time."""
    with transaction.atomic():
        state = stored(run())
        transaction.set_rollback(True)
    return state


@pytest.mark.django_db
@pytest.mark.parametrize("chunk_size", [1, 4, 100])
def test_many_files_store_what_one_by_one_stores(tmp_path, chunk_size):
    items = mixed_items(tmp_path)

    expected = state_after(lambda: import_one_by_one(items))
    actual = state_after(lambda: summary_import_many(items, workers=0, chunk_size=chunk_size))

    statuses = [r[1] for r in expected["results"]]
    assert {"created", "new_version", "unchanged", "failed"} <= set(statuses)
    assert actual == expected


@pytest.mark.django_db
def test_worker_processes_give_the_same_results(tmp_path):
    items = mixed_items(tmp_path)

    expected = state_after(lambda: summary_import_many(items, workers=0, chunk_size=8))
    actual = state_after(lambda: summary_import_many(items, workers=1, chunk_size=8))

    assert actual == expected


@pytest.mark.django_db
def test_a_file_failing_half_way_leaves_nothing_of_itself_and_the_others_stay():
    too_big = seed_variant(**{"37500,00 euro": "plānots 1000000000000,00 euro",
                              "Dienvidlatgales NVO atbalsta centrs": "Par lielu centrs"})

    results = summary_import_many([("par-lielu.txt", too_big), SEED], workers=0)

    assert [r.status for r in results] == ["failed", "created"]
    assert "planned" in results[0].error
    assert not Organization.objects.filter(name="Par lielu centrs").exists()
    assert Agreement.objects.count() == 1 and SummaryVersion.objects.count() == 1


@pytest.mark.django_db
def test_when_writing_a_chunk_fails_its_files_are_imported_one_by_one(tmp_path, monkeypatch):
    items = mixed_items(tmp_path)
    expected = state_after(lambda: import_one_by_one(items))

    def refuse(self):
        raise IntegrityError("refused")

    monkeypatch.setattr(services._ChunkLookups, "flush", refuse)
    actual = state_after(lambda: summary_import_many(items, workers=0, chunk_size=5))

    assert actual == expected


@pytest.mark.django_db
def test_dry_run_stores_nothing_and_reports_what_one_by_one_reports(tmp_path):
    items = mixed_items(tmp_path)
    one_by_one = [summary_import_path(item, dry_run=True) if isinstance(item, Path)
                  else summary_import(data=item[1], source=item[0], dry_run=True) for item in items]

    many = summary_import_many(items, workers=0, dry_run=True, chunk_size=4)

    assert [(r.status, r.version, r.findings, r.error) for r in many] == \
           [(r.status, r.version, r.findings, r.error) for r in one_by_one]
    assert all(model.objects.count() == 0 for model in MODELS)


@pytest.mark.django_db
def test_importing_the_same_files_again_creates_nothing_and_progress_sees_every_file(tmp_path):
    items = mixed_items(tmp_path)
    first = summary_import_many(items, workers=0, chunk_size=7)
    counts = {model: model.objects.count() for model in MODELS}
    seen = []

    again = summary_import_many(items, workers=0, chunk_size=7, on_progress=seen.append)

    assert seen == again
    assert {model: model.objects.count() for model in MODELS} == counts
    for before, after in zip(first, again, strict=True):
        if before.status == "failed":
            assert after.status == "failed"
        else:
            assert (after.status, after.summary_id) == ("unchanged", before.summary_id)


def test_parse_many_in_workers_gives_what_parse_item_gives(tmp_path):
    items = [*sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".html"}), tmp_path / "nav.txt",
             ("junk.txt", b"\x00\xff" * 100)]

    assert list(parse_many(items, workers=2)) == [parse_item(item) for item in items]


# The compiled schema check: the same verdict as jsonschema, on valid summaries and broken ones.

def valid_summaries() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.rglob("*.expected.json"))]


def test_every_fixture_summary_is_valid_to_the_compiled_check():
    for content in valid_summaries():
        assert summary_content_valid(content) is True


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([1.0, 2.5, -1.0, 0.0])
    | st.sampled_from(["", "x", "37500.00", "37500.00\n", "1.5", "biedrība", "SIA", "cits", "EUR", "USD",
                       "deleg.summary/1", "40008000001", "4000800000", "events", "other", "sports"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["value", "kind", "noun", "year", "planned", "actual", "amount", "code", "field", "x"]),
        children, max_size=3),
    max_leaves=6,
)


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, (*prefix, index))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_compiled_check_agrees_with_jsonschema(data):
    content = copy.deepcopy(data.draw(st.sampled_from(valid_summaries())))
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(list(paths(content))))
        parent = content
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if not path:
            content = data.draw(json_values)
            break
        if action == "replace":
            parent[path[-1]] = data.draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][data.draw(st.sampled_from(["extra", "value", "region", "n"]))] = data.draw(json_values)
        elif isinstance(parent[path[-1]], list):
            parent[path[-1]].append(data.draw(json_values))
    assert summary_content_valid(content) == summary_schema_validator().is_valid(content)


def test_a_schema_with_a_keyword_the_compiler_does_not_know_is_left_to_jsonschema():
    with pytest.raises(services._NotCompiled):
        services._compile_schema({"type": "object", "patternProperties": {"^x": {"type": "string"}}})
    with pytest.raises(services._NotCompiled):
        services._compile_schema({"$defs": {"a": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"})
