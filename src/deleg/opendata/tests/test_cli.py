"""`deleg export`: writes each format where it is told and says what it wrote."""
import csv
import json

import pytest
from lxml import etree

from deleg.cli import main
from deleg.opendata.tests.conftest import IATI_XSD

pytestmark = pytest.mark.django_db


def test_export_csv_writes_the_tables_and_prints_them(opendata, tmp_path, capsys):
    status = main(["export", "--to", "csv", "-o", str(tmp_path / "csv")])

    out = capsys.readouterr().out
    assert status == 0
    assert f"{tmp_path / 'csv' / 'summaries.csv'}\t" in out and "bytes" in out
    with (tmp_path / "csv/summary_funding.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert {"year": "2019", "amount": "37500.00"}.items() <= rows[0].items()


def test_export_datapackage_xlsx_and_iati(opendata, tmp_path, capsys):
    assert main(["export", "--to", "datapackage", "-o", str(tmp_path / "dp")]) == 0
    assert main(["export", "--to", "xlsx", "-o", str(tmp_path / "deleg.xlsx")]) == 0
    assert main(["export", "--to", "iati", "-o", str(tmp_path), "--base-url", "https://deleg.example.lv"]) == 0

    out = capsys.readouterr().out
    assert "datapackage.json" in out and "deleg.xlsx" in out and "deleg.iati.xml" in out
    assert json.loads((tmp_path / "dp/datapackage.json").read_text(encoding="utf-8"))["name"] == "deleg"
    assert (tmp_path / "deleg.xlsx").read_bytes()[:2] == b"PK"
    tree = etree.parse(str(tmp_path / "deleg.iati.xml"))
    etree.XMLSchema(etree.parse(str(IATI_XSD))).assertValid(tree)
    assert tree.xpath("//document-link/@url")[0].startswith("https://deleg.example.lv/s/")


def test_export_refuses_an_unknown_format(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export", "--to", "pdf", "-o", "x"])

    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
