"""Writing the bulk open data files: CSV, XLSX, a Frictionless Data Package and IATI activity XML.

Every format reads the same tables (tables.py), which hold public data only. Money is written as a
decimal string with two places ("37500.00"), never as a float; dates are ISO 8601.
"""
import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import BinaryIO

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from deleg.core.money import money_str
from deleg.opendata.tables import DATE, DATETIME, INTEGER, NUMBER, TABLES, Table

LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Format:
    name: str
    filename: str  # the file name of the site's download
    mime_type: str
    label: str
    description: str

    @property
    def ext(self) -> str:
        """What follows 'deleg.' in the download's URL: /data/deleg.<ext>."""
        return self.filename.removeprefix("deleg.")


FORMATS = {
    fmt.name: fmt
    for fmt in (
        Format("csv", "deleg.csv.zip", "application/zip", _("CSV tables (ZIP)"),
               _("One UTF-8 CSV file per table, with a header row.")),
        Format("xlsx", "deleg.xlsx", XLSX_MIME, _("Spreadsheet (XLSX)"),
               _("One sheet per table, with a header row.")),
        Format("datapackage", "deleg.datapackage.zip", "application/zip", _("Frictionless Data Package (ZIP)"),
               _("The CSV tables with datapackage.json: field types, descriptions, keys and licence.")),
        Format("iati", "deleg.iati.xml", "application/xml", _("IATI activity XML 2.03"),
               _("One IATI activity per published summary: parties, dates, yearly budget and results.")),
    )
}


def text_value(value, type_: str) -> str:
    """A value as CSV text: money with two places, ISO dates, UTC datetimes, empty for unknown."""
    if value is None:
        return ""
    if type_ == NUMBER:
        return money_str(value)
    if type_ == DATETIME:
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if type_ == DATE:
        return value.isoformat()
    return str(value)


def table_rows(table: Table, *, base_url: str = "") -> Iterator[list]:
    """The table's rows as lists in field order; a selector that lacks a field fails here, loudly."""
    names = table.field_names
    for row in table.rows(base_url=base_url):
        yield [row[name] for name in names]


def write_csv(table: Table, stream: BinaryIO, *, base_url: str = "") -> None:
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(table.field_names)
    types = [field.type for field in table.fields]
    for row in table_rows(table, base_url=base_url):
        writer.writerow([text_value(value, type_) for value, type_ in zip(row, types, strict=True)])
    text.flush()
    text.detach()


def export_csv(directory: Path, *, base_url: str = "") -> list[Path]:
    """Write one <table>.csv per table into the directory (created if missing)."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = directory / f"{table.name}.csv"
        with path.open("wb") as stream:
            write_csv(table, stream, base_url=base_url)
        written.append(path)
    return written


def _xlsx_cell(sheet, value, type_: str):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None:
        return None
    if type_ == INTEGER:
        return int(value)
    if type_ == DATE:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    # Money stays text with two places, as in the CSV: a spreadsheet's float would change it.
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", text_value(value, type_)))
    # Text is data: a value starting with "=" must not become a formula.
    cell.data_type = "s"
    return cell


def write_xlsx(stream: BinaryIO, *, base_url: str = "") -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    for table in TABLES:
        sheet = workbook.create_sheet(title=table.name)
        sheet.freeze_panes = "A2"
        header = []
        for name in table.field_names:
            cell = _xlsx_cell(sheet, name, "string")
            cell.font = Font(bold=True)
            header.append(cell)
        sheet.append(header)
        types = [field.type for field in table.fields]
        for row in table_rows(table, base_url=base_url):
            sheet.append([_xlsx_cell(sheet, value, type_) for value, type_ in zip(row, types, strict=True)])
    workbook.save(stream)


def export_xlsx(path: Path, *, base_url: str = "") -> list[Path]:
    """Write the workbook: one sheet per table, named as the table."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as stream:
        write_xlsx(stream, base_url=base_url)
    return [path]


def _schema(table: Table) -> dict:
    schema = {"fields": [{"name": f.name, "type": f.type, "description": f.description} for f in table.fields]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(key.fields), "reference": {"resource": key.table, "fields": list(key.table_fields)}}
            for key in table.foreign_keys
        ]
    return schema


def datapackage_descriptor() -> dict:
    """The datapackage.json: Data Package v1 with the built-in tabular profile, so validating needs no network."""
    # The descriptor is metadata for data users, in English like the field names.
    with translation.override("en"):
        resources = [
            {
                "profile": "tabular-data-resource",
                "name": table.name,
                "path": f"{table.name}.csv",
                "title": str(table.title),
                "description": str(table.description),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": _schema(table),
            }
            for table in TABLES
        ]
    return {
        "profile": "tabular-data-package",
        "name": "deleg",
        "title": "Delegated state administration tasks in Latvia",
        "description": (
            "Published summaries (Kopsavilkums) of the execution of delegated state administration tasks, and the "
            "public delegation and participation agreements with their objectives, indicators, budget lines and "
            "organisations. Money is in EUR."
        ),
        "licenses": [LICENSE],
        "created": timezone.now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "resources": resources,
    }


def _descriptor_bytes() -> bytes:
    return json.dumps(datapackage_descriptor(), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"


def export_datapackage(directory: Path, *, base_url: str = "") -> list[Path]:
    """Write the CSV tables and their datapackage.json into the directory."""
    written = export_csv(directory, base_url=base_url)
    descriptor = Path(directory) / "datapackage.json"
    descriptor.write_bytes(_descriptor_bytes())
    return [descriptor, *written]


def export_iati(path: Path, *, base_url: str = "") -> list[Path]:
    """Write the IATI activity XML (one iati-activity per published summary)."""
    from deleg.opendata.iati import iati_xml

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(iati_xml(base_url=base_url))
    return [path]


def export(fmt: str, out: Path, *, base_url: str = "") -> list[Path]:
    """Write one format: csv and datapackage into the directory `out`, xlsx and iati to the file `out`.

    A file format given an existing directory writes its usual file name inside it.
    """
    out = Path(out)
    if fmt in ("csv", "datapackage"):
        return (export_csv if fmt == "csv" else export_datapackage)(out, base_url=base_url)
    if fmt not in FORMATS:
        raise ValueError(f"unknown open data format: {fmt}")
    if out.is_dir():
        out = out / FORMATS[fmt].filename
    return (export_xlsx if fmt == "xlsx" else export_iati)(out, base_url=base_url)


def download_bytes(fmt: str, *, base_url: str = "") -> bytes:
    """The site's download of a format: the tables zipped for csv and datapackage, the file itself otherwise."""
    buffer = io.BytesIO()
    if fmt == "xlsx":
        write_xlsx(buffer, base_url=base_url)
    elif fmt == "iati":
        from deleg.opendata.iati import iati_xml

        return iati_xml(base_url=base_url)
    elif fmt in ("csv", "datapackage"):
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            if fmt == "datapackage":
                archive.writestr("datapackage.json", _descriptor_bytes())
            for table in TABLES:
                with archive.open(f"{table.name}.csv", "w") as stream:
                    write_csv(table, stream, base_url=base_url)
    else:
        raise ValueError(f"unknown open data format: {fmt}")
    return buffer.getvalue()
