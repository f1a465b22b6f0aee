"""TSV of the official summary in the published layout: the title line, then 'label TAB value' rows.

The yearly funding continues on rows that start with a TAB ('\t2020.gads\t…'), and the description
is one cell of simple HTML, as ministries publish it; an unknown value is an empty cell, as in the
sources, so that reading the file back gives the same summary.
"""
from html import escape

from deleg.summaries.render.document import Block, Document, FundingRow, build, performer, plain

# The published files quote the performer's name with straight quotes: Biedrība "Dienvidlatgales NVO atbalsta centrs".
_QUOTES = ('"', '"')


def _description(blocks: tuple[Block, ...]) -> str:
    """Return the description cell: paragraphs and lists in well-formed HTML on one line."""
    parts = []
    for block in blocks:
        if block.kind == "p":
            parts.append(f"<p>{escape(block.text, quote=False)}</p>")
        else:
            items = "".join(f"<li>{escape(text, quote=False)}</li>" for _n, text in block.items)
            parts.append(f"<ol>{items}</ol>")
    return "".join(parts)


def _funding_value(doc: Document, row: FundingRow) -> str:
    """Return a year's figures as ministries write them: 'plānotais 42 000,00 euro, faktiski izlietotais …'."""
    parts = []
    if row.planned is not None:
        parts.append(f"{doc.labels['planned_inline']} {doc.format_money(row.planned)}")
    if row.actual is not None:
        parts.append(f"{doc.labels['actual_inline']} {doc.format_money(row.actual)}")
    if row.amount is not None:
        parts.append(doc.format_money(row.amount))
    return ", ".join(parts)


def _period(doc: Document) -> str:
    if not (doc.start or doc.end):
        return ""
    return " – ".join(doc.format_date(value) if value else "" for value in (doc.start, doc.end))


def _statement(value: dict | None, shown: str) -> str:
    """Return a money field's cell: empty where the summary states nothing."""
    value = value or {}
    return "" if value.get("amount") is None and not plain(value.get("text")) else shown


def tsv_lines(content: dict, doc: Document) -> list[str]:
    """Return the lines of the TSV file, without line ends."""
    labels = doc.labels
    lines = [doc.title, ""]
    lines.append(f"{labels['task']}\t{plain(content.get('task'))}\t")
    lines.append(f"{labels['performer']}\t{performer(content, doc.lang, quotes=_QUOTES)}\t")
    if doc.delegator:
        lines.append(f"{labels['delegator']}\t{doc.delegator}\t")
    lines.append(f"{labels['period']}\t{_period(doc)}\t")
    lines.append(f"{labels['description']}\t{_description(doc.blocks)}\t")
    year = labels["year_row"]
    funding = [f"{year.format(year=row.year)}\t{_funding_value(doc, row)}" for row in doc.funding] or ["\t"]
    lines.append(f"{labels['funding']}\t{funding[0]}")
    lines.extend(f"\t{line}" for line in funding[1:])
    lines.append(f"{labels['non_compliant_expenditure']}\t"
                 f"{_statement(content.get('non_compliant_expenditure'), doc.non_compliant_expenditure)}\t")
    lines.append(f"{labels['unrecovered_amount']}\t"
                 f"{_statement(content.get('unrecovered_amount'), doc.unrecovered_amount)}\t")
    lines.append(f"{labels['other_information']}\t{doc.other_information}\t")
    return lines


def render_tsv(content: dict, *, lang: str = "lv", version: dict | None = None) -> bytes:
    doc = build(content, lang=lang, version=version)
    return ("\n".join(tsv_lines(content, doc)) + "\n").encode("utf-8")
