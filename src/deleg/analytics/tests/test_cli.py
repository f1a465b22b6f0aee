"""`deleg figures`: the table and the CSV carry the selectors' figures."""
import csv
import io

import pytest

from deleg.cli import main

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("dataset")]


def test_csv_by_region_and_year_from_published_summaries(capsys):
    assert main(["figures", "--by", "region,year", "--csv"]) == 0

    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [
        ["region", "year", "planned", "spent", "unstated", "rate",
         "events", "participants", "organizations", "consultations", "publications", "groups"],
        ["Kurzeme", "2021", "3000.00", "3000.00", "", "100.0", "", "10", "", "", "", ""],
        ["Latgale", "2019", "10000.00", "8000.00", "", "80.0", "", "", "", "", "", ""],
        ["Latgale", "2020", "", "", "20000.00", "", "3", "120", "", "", "5", ""],
    ]


def test_filters_and_the_register_source(capsys):
    assert main(["figures", "--by", "year", "--source", "register", "--filter", "region=Latgale",
                 "--filter", "year=2020", "--csv"]) == 0

    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    # A1 20 000 planned, 15 000 spent; A3 (ministry B) 7 000 planned and a seminar of 20.
    assert rows[1] == ["2020", "27000.00", "15000.00", "", "75.0", "2", "70", "10", "0", "1", ""]


def test_table_in_latvian(capsys):
    assert main(["figures", "--by", "region"]) == 0

    out = capsys.readouterr().out
    assert "Skaitļi: publicētie kopsavilkumi" in out
    assert "10 000,00" in out.replace("\u00a0", " ") and "20 000,00" in out.replace("\u00a0", " ")


def test_a_bad_filter_exits_with_2(capsys):
    assert main(["figures", "--filter", "region=Marss"]) == 2
    assert "region" in capsys.readouterr().err
    assert main(["figures", "--filter", "colour=red"]) == 2
    assert main(["figures", "--by", "colour"]) == 2
