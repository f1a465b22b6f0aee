"""From a file's bytes to the canonical summary JSON (deleg.summary/1) with its findings."""
import re
import unicodedata
from datetime import date
from pathlib import Path

from deleg.core import findings as codes
from deleg.core.dates import format_date, parse_period
from deleg.core.money import money_str, parse_money
from deleg.ingest.clean import clean, plain
from deleg.ingest.description import read_description
from deleg.ingest.fields import delegator_from_title, find_region, read_performer, read_registration
from deleg.ingest.funding import read_funding
from deleg.ingest.labels import FIELD_LABELS, field_of
from deleg.ingest.quantities import extract_counts
from deleg.ingest.text import Row, Table, table_from_text
from deleg.ingest.vocabulary import Vocabulary, load

SCHEMA = "deleg.summary/1"
# The rows every summary has, in their order; a missing one is a finding where it should be.
REQUIRED = ("task", "performer", "period", "description", "funding", "non_compliant_expenditure",
            "unrecovered_amount", "other_information")
_NOTHING = re.compile(r"^(?:nav\.?|[-–—]|n/a)?$", re.IGNORECASE)
_YEAR_START = re.compile(r"^\s*(?:19|20)\d\d\b")
_HTML_START = re.compile(r"^\s*<(?:!doctype|html|head|body|table|meta|h1|div|!--)", re.IGNORECASE)
# Control characters other than tab and line ends, as bytes: counted in the text's UTF-8 form,
# where bytes.translate deletes them far faster than a regex finds them.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0e, 0x20), 0x7f])
_BINARY_SIGNATURES = {
    b"%PDF": "PDF dokuments nav atbalstīts; saglabājiet kopsavilkumu kā tekstu, HTML vai DOCX.",
    b"\xd0\xcf\x11\xe0": "Vecais Word (.doc) formāts nav atbalstīts; saglabājiet failu kā DOCX.",
    b"{\\rtf": "RTF formāts nav atbalstīts; saglabājiet failu kā DOCX vai tekstu.",
}


class UnreadableFile(Exception):
    """The bytes are not a summary at all: empty, binary, or without any row of a summary."""


def parse_file(path, *, vocabulary: str | None = None) -> dict:
    """Return the canonical summary of the file at path."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"Failu nevar atvērt: {exc.strerror or exc}") from exc
    return parse_bytes(data, filename=path.name, vocabulary=vocabulary)


def parse_bytes(data: bytes, *, filename: str = "", vocabulary: str | None = None) -> dict:
    """Return the canonical summary of a file's bytes (text, HTML or DOCX).

    Raises UnreadableFile, and nothing else, when the bytes hold no summary.
    """
    try:
        table = _table(data, filename)
        return build_summary(table, load(vocabulary))
    except UnreadableFile:
        raise
    except Exception as exc:  # a file must never crash an import: report it as unreadable
        raise UnreadableFile(f"Failu neizdevās nolasīt: {type(exc).__name__}: {exc}") from exc


def decode(data: bytes) -> str:
    """Return the text of the bytes: UTF-8 (with or without BOM), else Windows-1257."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # Latvian files not in UTF-8 are Windows-1257, the Baltic code page.
            text = data.decode("cp1257", errors="replace")
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        text = text.replace("\x00", "")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _table(data: bytes, filename: str) -> Table:
    """Return the title and rows of a file, whatever its format."""
    if not data or not data.strip():
        raise UnreadableFile("Fails ir tukšs.")
    for signature, message in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise UnreadableFile(message)
    if data.startswith(b"PK\x03\x04"):
        if b"word/" not in data[:65536] and b"word/" not in data:
            raise UnreadableFile("ZIP arhīvs nav Word (.docx) dokuments.")
        from deleg.ingest.word import table_from_docx

        return table_from_docx(data)
    text = decode(data)
    head = text[:4096]
    encoded = head.encode("utf-8", errors="replace")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    if controls > max(8, len(head) // 20) or head.count("\ufffd") > len(head) // 10 + 8:
        raise UnreadableFile("Fails nav teksts: tajā ir binārie dati.")
    if _HTML_START.match(text) or (filename.lower().endswith((".html", ".htm")) and "<t" in text.lower()):
        from deleg.ingest.html import table_from_html

        return table_from_html(text)
    return table_from_text(text)


def _groups(rows: list[Row]) -> list[tuple[str, list[list[str]]]]:
    """Return (label, rows of cells) per labelled row, its continuation rows attached."""
    groups: list[tuple[str, list[list[str]]]] = []
    for row in rows:
        if not row.label and groups:
            groups[-1][1].append(row.cells)
        elif (row.label and groups and field_of(groups[-1][0]) == "funding" and _YEAR_START.match(row.label)
              and field_of(row.label) is None):
            groups[-1][1].append([row.label, *row.cells])  # a year row without the rowspan
        else:
            groups.append((row.label, [row.cells]))
    return groups


def _finding(code: str, field: str, message: str) -> dict:
    return {"code": code, "field": field, "message": message}


def _money_statement(text: str, field: str, found: list[dict]) -> dict:
    """Return {amount, text} of a money row; 'Nav' is zero, text without a figure is a finding."""
    text = text or None
    amount = money_str(parse_money(text)) if text else None
    if text and amount is None:
        found.append(_finding(codes.MONEY_UNPARSEABLE, field, f"No teksta '{text}' nevar nolasīt summu."))
    return {"amount": amount, "text": text}


def build_summary(table: Table, vocabulary: Vocabulary) -> dict:
    """Return the canonical summary of a table of rows."""
    fields: dict[str, tuple[str, list[list[str]]]] = {}
    unknown: list[tuple[str, str]] = []
    for label, cell_rows in _groups(table.rows):
        field = field_of(label)
        if field is None or field in fields:
            text = " | ".join(filter(None, (plain(c) for cells in cell_rows for c in cells)))
            if label.strip() or text:
                unknown.append((clean(label), text))
            continue
        fields[field] = (label, cell_rows)
    if not fields:
        raise UnreadableFile("Failā nav neviena kopsavilkuma rindas (piemēram, 'Valsts pārvaldes uzdevums').")

    def value(name: str) -> str:
        cell_rows = fields.get(name, ("", []))[1]
        first = cell_rows[0] if cell_rows else []
        return " ".join(filter(None, map(plain, first)))

    found: dict[str, list[dict]] = {name: [] for name in REQUIRED}
    for name in REQUIRED:
        if name not in fields:
            found[name].append(_finding(codes.MISSING_FIELD, name, f"Nav rindas '{FIELD_LABELS[name]}'."))

    title = clean(table.title)
    task = value("task")
    performer = read_performer(value("performer"))
    if performer["registration_number"] is None and "registration_number" in fields:
        performer["registration_number"] = read_registration(value("registration_number"))

    start, end = _period(value("period"), "period" in fields, found["period"])

    raw_description = fields.get("description", ("", [[""]]))[1]
    description = read_description("\n".join(c for cells in raw_description for c in cells))
    results = []
    for n, text in enumerate(description.results, 1):
        counts = extract_counts(text, vocabulary)
        results.append({"n": n, "text": text, "quantities": counts})
        if not counts:
            found["description"].append(_finding(
                codes.RESULT_WITHOUT_QUANTITY, f"results[{n}]",
                f"Rezultatīvais rādītājs Nr. {n} nenorāda nevienu skaitu."))

    funding = []
    if "funding" in fields:
        label, cell_rows = fields["funding"]
        for entry in read_funding([[plain(c) for c in cells] for cells in cell_rows], label):
            funding.append(entry.as_dict())
            found["funding"].extend(_funding_findings(entry, start, end))

    region_row = value("region")
    region = find_region(region_row, title, task, description.narrative or "", " ".join(description.objectives),
                         " ".join(description.results))
    delegator = value("delegator") or delegator_from_title(title) or None

    non_compliant = _money_statement(value("non_compliant_expenditure"), "non_compliant_expenditure",
                                     found["non_compliant_expenditure"])
    unrecovered = _money_statement(value("unrecovered_amount"), "unrecovered_amount", found["unrecovered_amount"])
    other = value("other_information")
    other_information = None if _NOTHING.match(other) else other

    findings = [f for name in REQUIRED for f in found[name]]
    findings.extend(_finding(codes.UNKNOWN_FIELD, label or "?",
                             f"Rinda, kas nav kopsavilkuma daļa, saglabāta kā atrasta: '{label}': '{text}'.")
                    for label, text in unknown)
    if description.malformed:
        findings.append(_finding(codes.HTML_MALFORMED, "description",
                                 "Apraksta saraksti nav aizvērti, un to numuri ir ierakstīti kā teksts."))
    return {
        "schema": SCHEMA,
        "title": title,
        "region": region,
        "task": task,
        "performer": performer,
        "delegator": delegator,
        "period": {"start": start.isoformat() if start else None, "end": end.isoformat() if end else None},
        "objectives": description.objectives,
        "results": results,
        "narrative": description.narrative,
        "funding": funding,
        "currency": "EUR",
        "non_compliant_expenditure": non_compliant,
        "unrecovered_amount": unrecovered,
        "other_information": other_information,
        "findings": findings,
    }


def _period(text: str, present: bool, found: list[dict]) -> tuple[date | None, date | None]:
    """Return the period's ends; an impossible date or an end before the start is a finding."""
    first, second = parse_period(text)
    start = first.value if first else None
    end = second.value if second else None
    if not present:
        return start, end
    if first is None or second is None:
        found.append(_finding(codes.PERIOD_INVALID, "period", f"Periodu '{text}' nevar nolasīt."))
    elif start is None or end is None:
        bad = first.text if start is None else second.text
        found.append(_finding(codes.PERIOD_INVALID, "period", f"Periodā ir neiespējams datums: '{bad}'."))
    elif end < start:
        found.append(_finding(codes.PERIOD_INVALID, "period",
                              f"Periods beidzas ({format_date(end)}) pirms sākuma ({format_date(start)})."))
    return start, end


def _funding_findings(entry, start: date | None, end: date | None) -> list[dict]:
    """Return the findings about one funding year; a year outside the period is judged first."""
    out = []
    field = f"funding[{entry.year}]"
    within = bool(start and end and start.year <= entry.year <= end.year)
    if start and end and start <= end and not within:
        out.append(_finding(codes.FUNDING_YEAR_OUTSIDE_PERIOD, field,
                            f"Rinda {entry.year}. gadam ir ārpus deleģēšanas perioda "
                            f"{format_date(start)}–{format_date(end)}."))
    if entry.empty:
        tail = f", lai gan periods ilgst līdz {format_date(end)}" if within else ""
        out.append(_finding(codes.FUNDING_YEAR_EMPTY, field, f"{entry.year}. gadam nav norādīta summa{tail}."))
    elif entry.unparseable:
        out.append(_finding(codes.MONEY_UNPARSEABLE, field,
                            f"No {entry.year}. gada finansējuma '{entry.text}' nevar nolasīt summu."))
    elif entry.amount is not None:
        out.append(_finding(codes.FUNDING_ROLE_UNSTATED, field,
                            f"Viens skaitlis {entry.year}. gadam; avots nenorāda, vai tas ir plānotais "
                            "vai izlietotais finansējums."))
    return out
