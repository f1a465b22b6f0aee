"""docs/opendata.md describes every exported table and field, so the documentation cannot fall behind."""
from deleg.opendata.tables import TABLES
from deleg.opendata.tests.conftest import ROOT

DOC = (ROOT / "docs/opendata.md").read_text(encoding="utf-8")


def test_every_table_and_field_is_documented():
    missing = [f"{t.name}.{f.name}" for t in TABLES for f in t.fields
               if f"### `{t.name}`" not in DOC or f"| `{f.name}` | {f.type} |" not in DOC]

    assert missing == []
