"""Reading an activity log from a spreadsheet (XLSX or CSV), row by row, with every bad row named.

Headers are matched in Latvian or English, with or without diacritics; the activity type may be
written as its Latvian or English name or its code.
"""
import csv
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from deleg.activities.models import Activity, ActivityType
from deleg.core.dates import parse_date

# Accepted header spellings (normalised: lower case, no diacritics) → model field.
HEADERS = {
    "datums": "date", "date": "date",
    "veids": "type", "type": "type", "aktivitates veids": "type",
    "nosaukums": "title", "title": "title",
    "pasvaldiba": "municipality", "municipality": "municipality", "vieta": "municipality",
    "dalibnieki": "participants", "dalibnieku skaits": "participants", "participants": "participants",
    "organizacijas": "organizations", "organizaciju skaits": "organizations", "organisations": "organizations",
    "organizations": "organizations",
    "mazakumtautibu fokuss": "minority_focus", "mazakumtautibas": "minority_focus", "minority focus": "minority_focus",
    "piezimes": "notes", "notes": "notes",
}
REQUIRED = ("date", "type", "title")
# The column names people see, as the import page asks for them.
COLUMNS = {"date": "Datums", "type": "Veids", "title": "Nosaukums", "municipality": "Pašvaldība",
           "participants": "Dalībnieki", "organizations": "Organizācijas",
           "minority_focus": "Mazākumtautību fokuss", "notes": "Piezīmes"}
YES = {"jā", "ja", "yes", "true", "1", "x"}
NO = {"nē", "ne", "no", "false", "0", ""}


def _plain(text) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode()
    return " ".join(text.lower().split())


def _type_names() -> dict[str, str]:
    names = {}
    for code, label in ActivityType.choices:
        names[_plain(code)] = code
        for language in ("lv", "en"):
            with translation.override(language):
                names[_plain(label)] = code
    return names


@dataclass
class RowError:
    row: int
    field: str
    message: str

    @property
    def column(self) -> str:
        return ", ".join(COLUMNS.get(name.strip(), name.strip()) for name in self.field.split(","))


@dataclass
class SpreadsheetResult:
    good: list[Activity] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    stored: int = 0


class SpreadsheetUnreadable(Exception):
    pass


def read_rows(data: bytes, filename: str) -> list[list]:
    """The sheet's rows as lists of cell values; XLSX by content, otherwise CSV (UTF-8 or Windows-1257)."""
    if data[:2] == b"PK":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as error:  # openpyxl raises many types for a damaged file
            raise SpreadsheetUnreadable(_("The XLSX file cannot be read: %(reason)s") % {"reason": error}) from error
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1257", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _int(value) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).replace("\xa0", "").replace(" ", "")
    if not text.isdigit():
        raise ValueError(_("Must be a whole number, not “%(value)s”.") % {"value": value})
    return int(text)


def _date(value) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    parsed = parse_date(str(value or ""))
    if parsed is None:
        raise ValueError(_("“%(value)s” is not a date; write it as 12.08.2019.") % {"value": value or ""})
    return parsed


def activities_from_rows(rows: list[list], *, agreement) -> SpreadsheetResult:
    """Check every row against the activity rules; return the valid activities (unsaved) and each error."""
    result = SpreadsheetResult()
    if not rows:
        result.errors.append(RowError(1, "", _("The file has no rows.")))
        return result
    columns = {index: HEADERS.get(_plain(header)) for index, header in enumerate(rows[0])}
    missing = [name for name in REQUIRED if name not in columns.values()]
    if missing:
        result.errors.append(RowError(1, ", ".join(missing), _("The header row lacks required columns.")))
        return result
    types = _type_names()
    for number, row in enumerate(rows[1:], start=2):
        if all(cell in (None, "") for cell in row):
            continue
        values = {columns[i]: cell for i, cell in enumerate(row) if columns.get(i)}
        row_errors = []
        activity = Activity(agreement=agreement)
        for name, convert in (("date", _date), ("participants", _int), ("organizations", _int)):
            try:
                setattr(activity, name, convert(values.get(name)))
            except ValueError as error:
                row_errors.append(RowError(number, name, str(error)))
        activity.type = types.get(_plain(values.get("type")), "")
        if not activity.type:
            row_errors.append(RowError(number, "type", _("Unknown activity type “%(value)s”.") % {"value": values.get("type") or ""}))
        activity.title = str(values.get("title") or "").strip()
        activity.municipality = str(values.get("municipality") or "").strip()
        activity.notes = str(values.get("notes") or "").strip()
        focus = _plain(values.get("minority_focus"))
        if focus not in YES | NO:
            row_errors.append(RowError(number, "minority_focus", _("Write “jā” or “nē”.")))
        activity.minority_focus = focus in YES
        try:
            activity.full_clean(exclude=["created_by", *(e.field for e in row_errors)])
        except ValidationError as error:
            row_errors.extend(RowError(number, name, " ".join(messages)) for name, messages in error.message_dict.items())
        if row_errors:
            result.errors.extend(row_errors)
        else:
            result.good.append(activity)
    return result
