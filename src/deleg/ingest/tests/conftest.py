"""Shared data for the parser's tests: the fixture pairs and the schema copied into tests/data."""
import json
from pathlib import Path

import jsonschema
import pytest

DATA = Path(__file__).resolve().parents[4] / "tests" / "data"
FIXTURES = DATA / "fixtures"
SOURCE_SUFFIXES = (".txt", ".html", ".htm")


def fixture_pairs() -> list[tuple[Path, Path]]:
    """Return (source, expected JSON) for every fixture in tests/data/fixtures."""
    pairs = []
    for expected in sorted(FIXTURES.glob("*/*.expected.json")):
        stem = expected.name[: -len(".expected.json")]
        sources = [p for p in expected.parent.glob(f"{stem}.*") if p.suffix in SOURCE_SUFFIXES]
        pairs.extend((source, expected) for source in sources)
    return pairs


def seed_pair() -> tuple[Path, Path]:
    """Return the real published summary and its ground truth."""
    return next(pair for pair in fixture_pairs() if pair[0].parent.name == "seed")


@pytest.fixture(scope="session")
def validator():
    """A validator of the canonical summary schema (deleg.summary/1)."""
    schema = json.loads((DATA / "summary.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def comparable(summary: dict) -> dict:
    """Return a summary with its findings as a set of (code, field): messages are ours to word."""
    out = dict(summary)
    out["findings"] = sorted({(f["code"], f["field"]) for f in summary["findings"]})
    return out
