"""Rows of the seed's text layout: a title line, then 'label<TAB>value<TAB>' rows.

The funding table is flattened into continuation rows that start with a tab
('<TAB>2020.gads<TAB>…'). A value may run over several lines; in the seed's layout a row ends
with a tab, so a line that does not is continued by the lines after it, until one that does.
"""
import re
from dataclasses import dataclass, field

from deleg.ingest.labels import field_of

_LOOSE_SEPARATOR = re.compile(r"\s*\|\s*|\s{2,}")


@dataclass(slots=True)
class Row:
    """One row of a summary's table: its label and the raw contents of the cells after it."""

    label: str
    cells: list[str] = field(default_factory=list)


@dataclass
class Table:
    """A summary as found in a file: the heading and the rows."""

    title: str
    rows: list[Row]


def table_from_text(text: str) -> Table:
    """Return the title and rows of a text summary."""
    lines = text.split("\n")
    if not any("\t" in line for line in lines):
        lines = [_LOOSE_SEPARATOR.sub("\t", line.strip().strip("|")) for line in lines]
    tabbed = [line for line in lines if "\t" in line]
    # Rows end with a tab when most of them do; then a row that does not is still open.
    closing = len([line for line in tabbed if line.endswith("\t")]) * 2 >= len(tabbed) > 0
    title_lines: list[str] = []
    rows: list[Row] = []
    seen: set[str] = set()
    open_cell = False
    for line in lines:
        if not line.strip():
            if open_cell and rows[-1].cells:
                rows[-1].cells[-1] += "\n"
            continue
        if "\t" in line:
            cells = line.split("\t")
            label = cells[0].strip()
            known = field_of(label) if label else None
            # Inside an open cell, a line is a new row only under a label of a field not yet seen;
            # a sentence that mentions a field's key word ('… finansējums izlietots.') is not one.
            if open_cell and label and (known is None or known in seen or label.endswith((".", "!", "?", ";"))):
                _continue(rows[-1], line.rstrip("\t"))
                open_cell = not line.endswith("\t")
                continue
            values = cells[1:]
            if closing and line.endswith("\t"):
                values = values[:-1]
            if not rows and label and not any(v.strip() for v in values) and known is None:
                title_lines.append(label)
                continue
            rows.append(Row(label, values))
            if known:
                seen.add(known)
            open_cell = bool(closing and label and not line.endswith("\t") and len(values) == 1)
        elif not rows:
            title_lines.append(line.strip())
        elif open_cell or not closing:
            _continue(rows[-1], line)
    return Table(" ".join(title_lines), rows)


def _continue(row: Row, line: str) -> None:
    """Append a continuation line to the row's last cell."""
    if not row.cells:
        row.cells.append(line)
    else:
        row.cells[-1] = f"{row.cells[-1]}\n{line}"
