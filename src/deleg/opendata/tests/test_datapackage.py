"""The Frictionless Data Package: valid by the frictionless library, offline, with types, keys and licence."""
import json
import socket

import frictionless
import pytest

from deleg.opendata.services import export_datapackage
from deleg.opendata.tables import TABLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def offline(monkeypatch):
    """Validation must not fetch a remote profile or schema: any connection attempt fails the test."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_datapackage_is_valid_offline(opendata, tmp_path, offline):
    written = export_datapackage(tmp_path)

    report = frictionless.validate(str(tmp_path / "datapackage.json"))

    assert written[0].name == "datapackage.json"
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(TABLES)
    assert sum(task.stats["rows"] for task in report.tasks if task.name == "summary_results") == 8 + 6 + 6 + 5


def test_datapackage_describes_fields_keys_and_licence(opendata, tmp_path):
    export_datapackage(tmp_path)

    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["name"]: r for r in descriptor["resources"]}
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["title"] and descriptor["profile"] == "tabular-data-package"
    assert resources["summaries"]["schema"]["primaryKey"] == ["id"]
    assert resources["summary_quantities"]["schema"]["foreignKeys"] == [
        {"fields": ["summary_id", "result_n"], "reference": {"resource": "summary_results", "fields": ["summary_id", "n"]}}]
    types = {f["name"]: f["type"] for f in resources["summaries"]["schema"]["fields"]}
    assert (types["id"], types["period_start"], types["total_amount"], types["published"]) == (
        "integer", "date", "number", "datetime")
    assert all(f["description"] for r in descriptor["resources"] for f in r["schema"]["fields"])
    assert resources["agreements"]["title"] == "Agreements"


def test_datapackage_package_reads_back_money_as_decimals(opendata, tmp_path):
    export_datapackage(tmp_path)

    package = frictionless.Package(str(tmp_path / "datapackage.json"))
    rows = package.get_resource("summary_funding").read_rows()

    amounts = {(row["year"], str(row["amount"])) for row in rows if row["amount"] is not None}
    assert (2019, "37500.00") in amounts


def test_datapackage_foreign_keys_are_checked(opendata, tmp_path, offline):
    export_datapackage(tmp_path)
    budget = tmp_path / "budget_lines.csv"
    lines = budget.read_text(encoding="utf-8").splitlines()
    # Point a budget line at the draft agreement, which the export leaves out.
    row = lines[1].split(",")
    row[1] = str(opendata.draft.pk)
    budget.write_text("\n".join([lines[0], ",".join(row), *lines[2:]]) + "\n", encoding="utf-8")

    report = frictionless.validate(str(tmp_path / "datapackage.json"))

    assert not report.valid
    assert {error[0] for error in report.flatten(["type"])} == {"foreign-key"}
