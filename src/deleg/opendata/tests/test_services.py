"""CSV and XLSX exports, re-opened and checked against values read by hand from the fixtures."""
import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from deleg.opendata.services import FORMATS, export, export_csv, export_xlsx
from deleg.opendata.tables import TABLES
from deleg.opendata.tests.conftest import SECRET

pytestmark = pytest.mark.django_db


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def by_summary(rows: list[dict], summary_id: int) -> list[dict]:
    return [row for row in rows if row["summary_id"] == str(summary_id)]


def test_csv_writes_one_file_per_table_with_a_header_row(opendata, tmp_path):
    written = export_csv(tmp_path)

    assert [p.name for p in written] == [f"{t.name}.csv" for t in TABLES]
    for table, path in zip(TABLES, written, strict=True):
        with path.open(encoding="utf-8", newline="") as stream:
            assert next(csv.reader(stream)) == table.field_names
    assert {"summaries", "summary_funding", "summary_results", "summary_quantities", "summary_objectives",
            "summary_versions", "agreements", "objectives", "indicators", "budget_lines",
            "organizations"} == {t.name for t in TABLES}


def test_csv_summaries_hold_the_latest_versions_with_money_as_two_place_decimals(opendata, tmp_path):
    export_csv(tmp_path)

    summaries = {row["id"]: row for row in read_csv(tmp_path / "summaries.csv")}
    seed = summaries[str(opendata.seed_id)]
    kurzeme = summaries[str(opendata.kurzeme_id)]
    zimju = summaries[str(opendata.zimju_id)]
    assert len(summaries) == 4
    assert (seed["version"], seed["region"], seed["performer"], seed["performer_legal_form"]) == (
        "1", "Latgale", "Dienvidlatgales NVO atbalsta centrs", "biedrība")
    assert (seed["period_start"], seed["period_end"]) == ("2019-08-12", "2020-10-31")
    assert (seed["total_planned"], seed["total_actual"], seed["total_amount"]) == ("", "", "37500.00")
    assert (seed["non_compliant_amount"], seed["unrecovered_amount"], seed["delegator"]) == ("0.00", "0.00", "")
    assert seed["source_file"] == "000_5c600465db280f8a.txt"
    assert seed["url"] == f"/s/{opendata.seed_id}/"
    assert seed["published"].endswith("Z") and datetime.fromisoformat(seed["published"])
    assert (kurzeme["version"], kurzeme["other_information"]) == ("2", "Labots 2. versijā.")
    assert (kurzeme["total_planned"], kurzeme["total_actual"], kurzeme["non_compliant_amount"]) == (
        "42000.00", "41873.40", "126.50")
    assert (zimju["delegator"], zimju["performer_register_number"]) == ("Labklājības ministrija", "40008234561")
    assert (zimju["non_compliant_amount"], zimju["unrecovered_amount"]) == ("2340.00", "1170.00")


def test_csv_summary_details_follow_the_seed(opendata, tmp_path):
    export_csv(tmp_path)

    funding = by_summary(read_csv(tmp_path / "summary_funding.csv"), opendata.seed_id)
    results = by_summary(read_csv(tmp_path / "summary_results.csv"), opendata.seed_id)
    quantities = by_summary(read_csv(tmp_path / "summary_quantities.csv"), opendata.seed_id)
    objectives = by_summary(read_csv(tmp_path / "summary_objectives.csv"), opendata.seed_id)
    assert [(r["year"], r["planned"], r["actual"], r["amount"]) for r in funding] == [
        ("2019", "", "", "37500.00"), ("2020", "", "", "")]
    assert len(results) == 8 and results[7]["text"].startswith("Mazākumtautību festivāls")
    assert [r["n"] for r in objectives] == ["1", "2", "3"]
    assert {"result_n": "8", "position": "3", "value": "329", "kind": "participants", "noun": "dalībnieki"}.items() \
        <= quantities[-1].items()
    assert len(quantities) == 20  # 2+3+1+2+2+3+4+3 counts in the eight results


def test_csv_versions_keep_every_published_version(opendata, tmp_path):
    export_csv(tmp_path)

    versions = by_summary(read_csv(tmp_path / "summary_versions.csv"), opendata.kurzeme_id)
    assert [(v["version"], v["change_note"]) for v in versions] == [
        ("1", "Importēts no 002_kurzeme-2021-crlf.txt."), ("2", "Papildināta cita informācija.")]
    assert versions[1]["url"] == f"/s/{opendata.kurzeme_id}/v/2/"


def test_csv_agreements_leave_out_drafts_and_their_organisations(opendata, tmp_path):
    export_csv(tmp_path, base_url="https://deleg.example.lv/")

    agreements = {row["id"]: row for row in read_csv(tmp_path / "agreements.csv")}
    public = agreements[str(opendata.public.pk)]
    assert str(opendata.draft.pk) not in agreements
    assert len(agreements) == 5
    assert (public["number"], public["status"], public["start"], public["planned_total"]) == (
        "1-2/2024", "active", "2024-01-01", "25000.50")
    assert public["url"] == f"https://deleg.example.lv/agreements/{opendata.public.pk}/"
    budget = [r for r in read_csv(tmp_path / "budget_lines.csv") if r["agreement_id"] == str(opendata.public.pk)]
    assert [(r["year"], r["planned"]) for r in budget] == [("2024", "12000.50"), ("2025", "13000.00")]
    indicators = [r for r in read_csv(tmp_path / "indicators.csv") if r["agreement_id"] == str(opendata.public.pk)]
    assert [(r["name"], r["kind"], r["target"], r["baseline"]) for r in indicators] == [
        ("Jauniešu forumi", "events", "4", "0")]
    organizations = read_csv(tmp_path / "organizations.csv")
    assert len(organizations) == 8
    assert {"name": "Jauniešu forums", "registration_number": "40008000001", "role": "performer"}.items() \
        <= next(o for o in organizations if o["name"] == "Jauniešu forums").items()
    for path in tmp_path.iterdir():
        text = path.read_text(encoding="utf-8")
        assert SECRET not in text and "99999.99" not in text, path.name


def test_xlsx_has_a_sheet_per_table_with_the_same_values(opendata, tmp_path):
    path = tmp_path / "deleg.xlsx"

    export_xlsx(path)

    workbook = load_workbook(path, read_only=True)
    assert workbook.sheetnames == [t.name for t in TABLES]
    funding = list(workbook["summary_funding"].values)
    assert funding[0] == ("summary_id", "version", "year", "planned", "actual", "amount")
    assert (opendata.seed_id, 1, 2019, None, None, "37500.00") in funding
    quantities = list(workbook["summary_quantities"].values)
    assert (opendata.seed_id, 8, 3, 329, "participants", "dalībnieki") in quantities
    summaries = {row[0]: row for row in workbook["summaries"].iter_rows(min_row=2, values_only=True)}
    seed = dict(zip(TABLES[0].field_names, summaries[opendata.seed_id], strict=True))
    assert seed["period_start"] == datetime(2019, 8, 12)
    assert seed["total_amount"] == "37500.00" and seed["title"].startswith("Kopsavilkums par")
    agreements = [row[0] for row in workbook["agreements"].iter_rows(min_row=2, values_only=True)]
    assert opendata.public.pk in agreements and opendata.draft.pk not in agreements
    texts = [str(v) for sheet in workbook for row in sheet.values for v in row]
    assert not any(SECRET in text for text in texts)


def test_xlsx_keeps_text_starting_with_equals_as_text(opendata, tmp_path):
    opendata.public.objectives.create(position=2, text="=HYPERLINK(\"http://example.com\")")

    export_xlsx(tmp_path / "deleg.xlsx")

    workbook = load_workbook(tmp_path / "deleg.xlsx")
    cells = [row[3] for row in workbook["objectives"].iter_rows(min_row=2)]
    assert any(c.value == "=HYPERLINK(\"http://example.com\")" and c.data_type == "s" for c in cells)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_writes_each_format_where_it_is_told(opendata, tmp_path, fmt):
    written = export(fmt, tmp_path / "out")

    assert written and all(path.is_file() and path.stat().st_size > 0 for path in written)
    if fmt in ("xlsx", "iati"):
        assert written == [tmp_path / "out"]
        again = export(fmt, tmp_path)
        assert again == [tmp_path / FORMATS[fmt].filename]
