"""DOCX of the official summary as ministries publish it: the title, then a two-column table.

Everything stays editable in Word: the lists are Word's own numbered lists (1. for objectives,
1) for results), the yearly funding is a real table, and the footer holds page-number fields.
"""
from io import BytesIO

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from deleg.summaries.render.document import Block, Document, build

FONT = "Times New Roman"
# A4 with the margins of Latvian official documents: 30 mm on the left for binding, 20 mm elsewhere.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"left_margin": Mm(30), "right_margin": Mm(20), "top_margin": Mm(20), "bottom_margin": Mm(20)}
TEXT_WIDTH = Mm(160)
FOOTER_SIZE = Pt(8.5)
LABEL_WIDTH, VALUE_WIDTH = Mm(55), Mm(105)
# Objectives are numbered '1.', results '1)', as in the published summaries.
LIST_MARKERS = {"objectives": "%1.", "results": "%1)"}


def _styles(word: WordDocument) -> None:
    """Set the body font and mark the text as Latvian, so that Word checks the spelling in Latvian."""
    style = word.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(11)
    rpr = style.element.get_or_add_rPr()
    rpr.append(parse_xml(f'<w:lang {nsdecls("w")} w:val="lv-LV" w:eastAsia="lv-LV" w:bidi="ar-SA"/>'))
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.line_spacing = 1.1


def _page(word: WordDocument) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    for name, value in MARGINS.items():
        setattr(section, name, value)


def _list_numbering(word: WordDocument, marker: str, start: int) -> int:
    """Add a single-level decimal list that starts at `start`; return its numId for the paragraphs."""
    numbering = word.part.numbering_part.element
    ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    abstract_id = max(ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{marker}"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="397" w:hanging="397"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    # The schema wants every abstractNum before the first num.
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = numbering.add_num(abstract_id)
    num.append(parse_xml(
        f'<w:lvlOverride {nsdecls("w")} w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
    ))
    return num.numId


def _numbered(paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _paragraph(cell, text: str):
    """Write into the cell's own empty first paragraph, then into new ones."""
    last = cell.paragraphs[-1]
    paragraph = last if len(cell.paragraphs) == 1 and not last.runs else cell.add_paragraph()
    paragraph.add_run(text)
    return paragraph


def _description(word: WordDocument, cell, blocks: tuple[Block, ...], unknown: str) -> None:
    list_style = word.styles["List Paragraph"].style_id
    for block in blocks:
        if block.kind == "p":
            _paragraph(cell, block.text).paragraph_format.space_after = Pt(4)
            continue
        num_id = _list_numbering(word, LIST_MARKERS[block.kind], block.items[0][0])
        for _n, text in block.items:
            paragraph = _paragraph(cell, text)
            # The style's id, not its name: looking a style up by name costs a millisecond a paragraph.
            paragraph._p.get_or_add_pPr().style = list_style
            paragraph.paragraph_format.space_after = Pt(2)
            _numbered(paragraph, num_id)
    if not blocks:
        _paragraph(cell, unknown)


def _funding(cell, doc: Document) -> None:
    """Put the yearly funding in a table of its own inside the cell."""
    if not doc.funding:
        cell.paragraphs[0].add_run(doc.labels["unknown"])
        return
    columns = ("year", *doc.funding_columns)
    table = cell.add_table(rows=1 + len(doc.funding), cols=len(columns))
    table.style = "Table Grid"
    for index, key in enumerate(columns):
        paragraph = table.rows[0].cells[index].paragraphs[0]
        paragraph.add_run(doc.labels[key]).bold = True
        if key != "year":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row, line in zip(table.rows[1:], doc.funding):
        row.cells[0].paragraphs[0].add_run(str(line.year))
        for index, key in enumerate(doc.funding_columns, start=1):
            paragraph = row.cells[index].paragraphs[0]
            paragraph.add_run(doc.format_money(getattr(line, key)))
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    # The table goes first in the cell; Word still wants one paragraph after it, and only one.
    cell.paragraphs[0]._p.addprevious(table._tbl)
    cell._tc.remove(cell.paragraphs[-1]._p)


def _field(paragraph, instruction: str, half_points: int) -> None:
    """Append a Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    paragraph._p.append(parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr="{instruction}">'
        f'<w:r><w:rPr><w:sz w:val="{half_points}"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>'
    ))


def _footer(word: WordDocument, doc: Document) -> None:
    """Footer: delegator and version on the left, 'Lapa 1 no 3' as Word fields on the right."""
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    before, between = doc.labels["page"]
    paragraph.add_run(f"{doc.footer}\t{before}").font.size = FOOTER_SIZE
    _field(paragraph, "PAGE", int(FOOTER_SIZE.pt * 2))
    paragraph.add_run(between).font.size = FOOTER_SIZE
    _field(paragraph, "NUMPAGES", int(FOOTER_SIZE.pt * 2))


def _row(table, label: str, value: str | None = None):
    cells = table.add_row().cells
    cells[0].width, cells[1].width = LABEL_WIDTH, VALUE_WIDTH
    cells[0].paragraphs[0].add_run(label).bold = True
    if value is not None:
        cells[1].paragraphs[0].add_run(value)
    return cells[1]


def render_docx(content: dict, *, lang: str = "lv", version: dict | None = None) -> bytes:
    doc = build(content, lang=lang, version=version)
    word = WordDocument()
    _styles(word)
    _page(word)
    word.core_properties.title = doc.title
    word.core_properties.language = "lv-LV" if doc.lang == "lv" else "en-GB"
    word.core_properties.author = doc.delegator or "deleg"

    title = word.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(18)
    run = title.add_run(doc.title)
    run.bold, run.font.size = True, Pt(13)

    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    labels = doc.labels
    _row(table, labels["task"], doc.task)
    _row(table, labels["performer"], doc.performer)
    if doc.delegator:
        _row(table, labels["delegator"], doc.delegator)
    _row(table, labels["period"], f"{doc.format_date(doc.start)} – {doc.format_date(doc.end)}")
    _description(word, _row(table, labels["description"]), doc.blocks, labels["unknown"])
    _funding(_row(table, labels["funding"]), doc)
    _row(table, labels["non_compliant_expenditure"], doc.non_compliant_expenditure)
    _row(table, labels["unrecovered_amount"], doc.unrecovered_amount)
    _row(table, labels["other_information"], doc.other_information)
    for column, width in zip(table.columns, (LABEL_WIDTH, VALUE_WIDTH)):
        column.width = width
    _footer(word, doc)

    out = BytesIO()
    word.save(out)
    return out.getvalue()
