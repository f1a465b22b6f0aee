"""Rows of a .docx summary: the first paragraph is the title, the first summary table the rows.

Word numbers list paragraphs itself, so their numbers are not in the text: numbered paragraphs
become <li> items, which the description reader treats like any HTML list. A label merged
down over several rows (the funding label) leaves an empty label in the rows below it.
"""
import io
from html import escape

from deleg.ingest.labels import field_of
from deleg.ingest.text import Row, Table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def table_from_docx(data: bytes) -> Table:
    """Return the title and rows of a Word summary."""
    import docx  # imported here: python-docx is slow to import and only .docx files need it

    document = docx.Document(io.BytesIO(data))
    title = next((p.text.strip() for p in document.paragraphs if p.text.strip()), "")
    if not document.tables:
        return Table(title, [])
    main = max(document.tables, key=lambda t: sum(1 for r in t.rows if r.cells and field_of(r.cells[0].text)))
    rows: list[Row] = []
    previous_first = None
    for row in main.rows:
        cells = _distinct(row.cells)
        if not cells:
            continue
        first = cells[0]._tc
        values = [_cell_markup(c) for c in cells]
        label = "" if first is previous_first else cells[0].text.strip()
        previous_first = first
        nested = [Row("", [c.text for c in _distinct(r.cells)]) for c in cells for t in c.tables for r in t.rows]
        if not title and not rows and len(cells) == 1 and "kopsavilkum" in label.lower():
            title = label
            continue
        rows.append(Row(label, values[1:]))
        rows.extend(nested)
    return Table(title, rows)


def _distinct(cells) -> list:
    """Return the row's cells, a merged cell once."""
    out, seen = [], set()
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            out.append(cell)
    return out


def _cell_markup(cell) -> str:
    """Return a cell's text: its lines, or HTML when Word numbers some of its paragraphs."""
    paragraphs = [(p.text, _numbered(p)) for p in cell.paragraphs]
    if not any(numbered for _text, numbered in paragraphs):
        return "\n".join(text for text, _numbered_ in paragraphs)
    parts: list[str] = []
    in_list = False
    for text, numbered in paragraphs:
        if numbered != in_list:
            parts.append("<ol>" if numbered else "</ol>")
            in_list = numbered
        if text.strip():
            parts.append(f"<li>{escape(text, quote=False)}</li>" if numbered else f"<p>{escape(text, quote=False)}</p>")
    if in_list:
        parts.append("</ol>")
    return "".join(parts)


def _numbered(paragraph) -> bool:
    """Return True for a paragraph Word numbers as a list item."""
    if paragraph._p.find(f"{_W}pPr/{_W}numPr") is not None:
        return True
    style = paragraph.style
    return style is not None and (style.name or "").lower().startswith(("list number", "list bullet"))
