"""More summaries of the family, written with their ground truth apart from the parser, and
scored as the parser is measured on summaries it has never seen: field accuracy, count
(value, kind) F1 per result and funding rows, each against its threshold.

Unlike the fixtures these need not match exactly: they hold wordings the rules may still
miss, and the score shows how far the rules generalise.
"""
import json
from collections import Counter

import pytest

from deleg.ingest import parse_file
from deleg.ingest.tests.conftest import DATA, SOURCE_SUFFIXES

SCORED = DATA / "scored"
SCALARS = (
    ("title",), ("region",), ("task",), ("delegator",), ("currency",), ("other_information",),
    ("performer", "name"), ("performer", "legal_form"), ("performer", "registration_number"),
    ("period", "start"), ("period", "end"),
    ("non_compliant_expenditure", "amount"), ("unrecovered_amount", "amount"),
)


def _cases() -> list[tuple[dict, dict]]:
    cases = []
    for expected in sorted(SCORED.glob("*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        source = next(p for p in SCORED.glob(f"{stem}.*") if p.suffix in SOURCE_SUFFIXES)
        cases.append((parse_file(source), json.loads(expected.read_text(encoding="utf-8"))))
    return cases


def _get(summary: dict, path: tuple[str, ...]):
    for key in path:
        summary = (summary or {}).get(key)
    return summary


def _counts(summary: dict) -> Counter:
    return Counter((r["n"], q["value"], q["kind"]) for r in summary["results"] for q in r["quantities"])


def _funding(summary: dict) -> list[tuple]:
    return [(f["year"], f["planned"], f["actual"], f["amount"]) for f in summary["funding"]]


@pytest.fixture(scope="module")
def cases():
    found = _cases()
    assert len(found) >= 12
    return found


def test_every_summary_is_valid(cases, validator):
    for got, _want in cases:
        validator.validate(got)


def test_fields_and_lists(cases):
    right = total = 0
    for got, want in cases:
        for path in SCALARS:
            total += 1
            right += _get(got, path) == _get(want, path)
        total += 2
        right += got["objectives"] == want["objectives"]
        right += [r["text"] for r in got["results"]] == [r["text"] for r in want["results"]]
    print(f"field accuracy {right / total:.3f}")
    assert right / total >= 0.99


def test_counts_f1(cases):
    true_positive = got_total = want_total = 0
    for got, want in cases:
        got_counts, want_counts = _counts(got), _counts(want)
        true_positive += sum((got_counts & want_counts).values())
        got_total += sum(got_counts.values())
        want_total += sum(want_counts.values())
    precision, recall = true_positive / got_total, true_positive / want_total
    f1 = 2 * precision * recall / (precision + recall)
    print(f"count F1 {f1:.3f} (precision {precision:.3f}, recall {recall:.3f})")
    assert f1 >= 0.97


def test_funding_rows(cases):
    right = total = 0
    for got, want in cases:
        got_rows, want_rows = _funding(got), _funding(want)
        total += max(len(got_rows), len(want_rows))
        right += sum(1 for a, b in zip(got_rows, want_rows) if a == b)
    print(f"funding rows exact {right / total:.3f}")
    assert right / total >= 0.98
