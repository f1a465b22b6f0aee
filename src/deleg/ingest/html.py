"""Rows of an HTML summary page: the page's <h1> and the rows of its summary table.

A cell spanning several rows (the funding label, rowspan="2") leaves an empty label in the rows
it spans, as in the text layout; a table nested in a cell (the funding by year) gives
continuation rows of its own.
"""
from selectolax.lexbor import LexborHTMLParser

from deleg.ingest.labels import field_of
from deleg.ingest.text import Row, Table

_SECTIONS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})


def table_from_html(text: str) -> Table:
    """Return the title and rows of an HTML summary page."""
    tree = LexborHTMLParser(text)
    tables = [t for t in tree.css("table") if not _inside_table(t)]
    title = _title(tree)
    if not tables:
        return Table(title, [])
    main = max(tables, key=_label_score)
    rows = _rows(main)
    if not title and rows and len(rows[0].cells) == 0 and "kopsavilkum" in rows[0].label.lower():
        title = rows.pop(0).label
    return Table(title, rows)


def _title(tree) -> str:
    """Return the page heading: the <h1>, else a caption or <h2>, else the <title>."""
    for selector in ("h1", "caption", "h2", "title"):
        node = tree.css_first(selector)
        if node is not None and node.text(deep=True).strip():
            return node.text(deep=True, separator=" ")
    return ""


def _inside_table(node) -> bool:
    """Return True when the node sits inside another table."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "table":
            return True
        parent = parent.parent
    return False


def _nearest_table(node, stop):
    """Return the nearest table between node and stop (exclusive), or None."""
    while node is not None and node != stop:
        if node.tag == "table":
            return node
        node = node.parent
    return None


def _label_score(table) -> int:
    """Return how many rows of the table carry a known summary label."""
    return sum(1 for tr in _trs(table) for cell in _cells(tr)[:1] if field_of(cell.text(deep=True)))


def _trs(table):
    """Yield the table's own rows, not those of tables nested in its cells."""
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in _SECTIONS:
            yield from (tr for tr in child.iter() if tr.tag == "tr")


def _cells(tr) -> list:
    """Return the row's cells."""
    return [c for c in tr.iter() if c.tag in _CELLS]


def _span(cell, name: str) -> int:
    """Return the cell's rowspan or colspan, 1 when absent or odd."""
    try:
        return max(1, min(int((cell.attributes.get(name) or "1").strip()), 50))
    except ValueError:
        return 1


def _rows(table) -> list[Row]:
    """Return the table's rows, with spanned cells left empty and nested tables as extra rows."""
    rows: list[Row] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan above
    for tr in _trs(table):
        values: list[str] = []
        nested: list[Row] = []
        label = ""
        column = 0
        cells = iter(_cells(tr))
        cell = next(cells, None)
        while cell is not None or pending.get(column, 0) > 0:
            if pending.get(column, 0) > 0:
                pending[column] -= 1
                values.append("")
                column += 1
                continue
            markup = cell.inner_html or ""
            if "<table" in markup.lower():  # a CSS query costs more than a look at the markup
                for inner in [t for t in cell.css("table") if _nearest_table(t.parent, cell) is None]:
                    nested.extend(Row("", [c.text(deep=True, separator=" ") for c in _cells(tr2)])
                                  for tr2 in _trs(inner))
                    inner.decompose()
                markup = cell.inner_html or ""
            values.append(markup)
            if column == 0:
                label = cell.text(deep=True, separator=" ").strip()
            rowspan = _span(cell, "rowspan")
            if rowspan > 1:
                pending[column] = rowspan - 1
            column += 1
            cell = next(cells, None)
        if not any(v.strip() for v in values) and not nested:
            continue
        rows.append(Row(label, values[1:]))
        rows.extend(nested)
    return rows

