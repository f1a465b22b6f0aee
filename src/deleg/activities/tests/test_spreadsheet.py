import io
from datetime import datetime

import pytest
from django.utils import translation
from openpyxl import Workbook

from deleg.activities.models import Activity
from deleg.activities.services import activities_import
from deleg.activities.spreadsheet import SpreadsheetUnreadable, read_rows
from deleg.agreements.models import HistoryEntry

pytestmark = pytest.mark.django_db
HEADER = ["Datums", "Veids", "Nosaukums", "Pašvaldība", "Dalībnieki", "Organizācijas", "Mazākumtautību fokuss"]


def xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD_AND_BAD = [
    HEADER,
    [datetime(2019, 9, 3), "seminārs", "NVO attīstības seminārs", "Daugavpils", 30, 12, "nē"],
    ["15.10.2019.", "Starpkultūru pasākums", "Dialoga vakars", "Rēzekne", 45, 0, "jā"],
    ["01.01.2025.", "forums", "Iedzīvotāju forums", "Krāslava", "daudz", 0, "nē"],
]


def test_a_clean_spreadsheet_is_stored_whole(agreement, editor):
    result = activities_import(actor=editor, agreement=agreement, data=xlsx(GOOD_AND_BAD[:3]), filename="a.xlsx")

    assert result.errors == [] and result.stored == 2
    stored = Activity.objects.order_by("date")
    assert [(a.type, a.participants, a.minority_focus) for a in stored] == [
        ("seminar", 30, False), ("intercultural_event", 45, True)]
    assert HistoryEntry.objects.filter(action="imported").count() == 2


def test_bad_rows_are_reported_by_row_number_and_nothing_is_stored(agreement, editor):
    with translation.override("lv"):
        result = activities_import(actor=editor, agreement=agreement, data=xlsx(GOOD_AND_BAD), filename="a.xlsx")

    assert [(e.row, e.field) for e in result.errors] == [(4, "participants"), (4, "date")]
    assert result.errors[0].message == "Jābūt veselam skaitlim, nevis “daudz”."
    assert result.errors[1].message == "Datumam jābūt līguma periodā (12.08.2019. – 31.10.2020.)."
    assert result.stored == 0 and not Activity.objects.exists()


def test_confirmed_import_stores_only_the_good_rows(agreement, editor):
    result = activities_import(actor=editor, agreement=agreement, data=xlsx(GOOD_AND_BAD), filename="a.xlsx",
                               store_good_rows=True)

    assert result.stored == 2
    assert sorted(Activity.objects.values_list("title", flat=True)) == ["Dialoga vakars", "NVO attīstības seminārs"]


def test_date_outside_the_period_and_unknown_type_are_row_errors(agreement, editor):
    rows = [HEADER, ["01.01.2025.", "seminārs", "Vēlu", "", 1, 0, ""], ["02.09.2019.", "pikniks", "Nezināms", "", 1, 0, ""]]

    result = activities_import(actor=editor, agreement=agreement, data=xlsx(rows), filename="a.xlsx")

    assert [(e.row, e.field) for e in result.errors] == [(2, "date"), (3, "type")]


def test_csv_with_semicolons_in_windows_1257_is_read(agreement, editor):
    text = "Datums;Veids;Nosaukums;Dalībnieki\n03.09.2019.;konsultācija;Konsultācija Līvānos;1\n"

    result = activities_import(actor=editor, agreement=agreement, data=text.encode("cp1257"), filename="a.csv")

    assert result.errors == []
    assert Activity.objects.get().title == "Konsultācija Līvānos"


def test_missing_required_columns_are_named(agreement, editor):
    result = activities_import(actor=editor, agreement=agreement, data="Nosaukums\nSeminārs\n".encode(), filename="a.csv")

    assert [(e.row, e.field) for e in result.errors] == [(1, "date, type")]
    assert result.errors[0].column == "Datums, Veids"
    assert not Activity.objects.exists()


def test_a_damaged_xlsx_is_refused_with_a_message():
    with pytest.raises(SpreadsheetUnreadable):
        read_rows(b"PK\x03\x04 this is not a workbook", "a.xlsx")
