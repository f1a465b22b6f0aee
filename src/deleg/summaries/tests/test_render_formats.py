"""Every format of every fixture, opened again as its readers open it, holds every value of the summary."""
import io
import json
import re
import unicodedata
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import docx
import html5lib
import pypdf
import pytest

from deleg.core.dates import format_date
from deleg.core.money import format_money
from deleg.summaries.render import FORMATS, render
from deleg.summaries.render.document import build

FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"
EXPECTED = sorted(FIXTURES.glob("*/*.expected.json"))
SEED = FIXTURES / "seed" / "000_5c600465db280f8a.expected.json"
VERSION = {"number": 2, "published_at": "2021-03-04T10:00:00+02:00", "delegator": "Kultūras ministrija"}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def normal(text: str) -> str:
    """Compose letters and make every run of whitespace (no-break spaces, line ends) one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def html_text(data: bytes) -> str:
    tree = html5lib.parse(data, namespaceHTMLElements=False)
    return normal(" ".join(tree.find("body").itertext()))


def pdf_text(data: bytes, content: dict, lang: str = "lv") -> str:
    """Return the PDF's text without the footers, which would cut a paragraph running over a page."""
    doc = build(content, lang=lang, version=VERSION)
    before, between = doc.labels["page"]
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    texts = []
    for number, page in enumerate(pages, start=1):
        text = normal(page.extract_text())
        for noise in (normal(doc.footer), normal(f"{before}{number}{between}{len(pages)}")):
            text = text.replace(noise, " ")
        texts.append(text)
    return normal(" ".join(texts))


def docx_text(data: bytes) -> str:
    """Return the text of every paragraph, in tables nested in tables too."""
    word = docx.Document(io.BytesIO(data))

    def cells(table):
        for row in table.rows:
            for cell in row.cells:
                yield from (p.text for p in cell.paragraphs)
                for inner in cell.tables:
                    yield from cells(inner)

    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        parts.extend(cells(table))
    return normal(" ".join(parts))


def statement_text(value: dict) -> str:
    """What the official document shows for a money field in Latvian."""
    if value["amount"] is None and value["text"] is None:
        return "nav norādīts"
    if value["text"]:
        return value["text"]
    return "Nav" if Decimal(value["amount"]) == 0 else format_money(Decimal(value["amount"]))


def field_values(content: dict) -> list[str]:
    """Every value the Latvian document must show, formatted as a Latvian reader expects it."""
    period = content["period"]
    values = [content["title"], content["task"], content["performer"]["name"]]
    values += [format_date(date.fromisoformat(period[end])) for end in ("start", "end")
               if period[end]]
    values += content["objectives"]
    values += [result["text"] for result in content["results"]]
    for row in content["funding"]:
        values.append(str(row["year"]))
        values += [format_money(Decimal(row[key])) for key in ("planned", "actual", "amount") if row[key]]
    values += [statement_text(content["non_compliant_expenditure"]), statement_text(content["unrecovered_amount"])]
    values += [v for v in (content.get("delegator"), content["performer"].get("registration_number"),
                           content["other_information"]) if v]
    return [normal(v) for v in values]


def opened(fmt: str, data: bytes, content: dict) -> str:
    if fmt == "html":
        return html_text(data)
    if fmt == "pdf":
        return pdf_text(data, content)
    if fmt == "docx":
        return docx_text(data)
    return normal(data.decode("utf-8"))


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx", "tsv"])
@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_every_field_value_is_in_the_document(path, fmt):
    content = load(path)

    text = opened(fmt, render(content, fmt, version=VERSION), content)

    # The TSV leaves an unknown value empty, as the published files do, so that it reads back as unknown.
    expected = [v for v in field_values(content) if not (fmt == "tsv" and v == "nav norādīts")]
    missing = [value for value in expected if value not in text]
    assert missing == []


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_json_is_the_canonical_content_pretty_and_not_ascii_escaped(path):
    content = load(path)

    data = render(content, "json")

    assert json.loads(data) == content
    assert data.decode("utf-8").startswith('{\n  "schema": "deleg.summary/1"')
    assert "\\u" not in data.decode("utf-8")


def test_seed_pdf_shows_performer_start_date_every_result_count_and_the_funding():
    content = load(SEED)

    text = pdf_text(render(content, "pdf", version=VERSION), content)

    assert "Biedrība „Dienvidlatgales NVO atbalsta centrs”" in text
    assert "12.08.2019. – 31.10.2020." in text
    assert "37 500,00 euro" in text
    counts = [q["value"] for r in content["results"] for q in r["quantities"]]
    assert all(re.search(rf"(?<!\d){n}(?!\d)", text) for n in counts)


def test_seed_pdf_is_a4_with_page_numbers_and_the_footer():
    content = load(SEED)

    reader = pypdf.PdfReader(io.BytesIO(render(content, "pdf", version=VERSION)))

    box = reader.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    pages = len(reader.pages)
    first = normal(reader.pages[0].extract_text())
    assert f"Lapa 1 no {pages}" in first
    assert "Kultūras ministrija · Kopsavilkums, 2. versija, publicēts 04.03.2021." in first
    assert reader.metadata.title == content["title"]


def test_html_lists_objectives_and_results_as_ordered_lists_and_funding_as_a_year_table():
    content = load(SEED)

    tree = html5lib.parse(render(content, "html"), namespaceHTMLElements=False)

    lists = tree.findall(".//ol")
    assert [len(ol.findall("li")) for ol in lists] == [3, 8]
    assert [li.get("value") for li in lists[1].findall("li")] == [str(n) for n in range(1, 9)]
    funding = tree.find(".//table[@class='deleg-document__funding']")
    assert [normal("".join(th.itertext())) for th in funding.findall("thead/tr/th")] == [
        "Gads", "Summa, loma nav norādīta"]
    assert [[normal("".join(c.itertext())) for c in tr] for tr in funding.findall("tbody/tr")] == [
        ["2019", "37 500,00 euro"], ["2020", "nav norādīts"]]
    labels = [normal("".join(th.itertext())) for th in tree.findall(".//tr[@class]/th[@scope='row']")]
    assert labels[:3] == ["Valsts pārvaldes uzdevums", "Valsts pārvaldes uzdevuma veicējs",
                          "Valsts pārvaldes uzdevuma deleģēšanas periods"]
    assert labels[-3:] == ["Neatbilstoši veiktie izdevumi",
                           "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem", "Cita informācija"]


def test_html_shows_planned_and_spent_columns_when_the_source_states_them():
    content = load(FIXTURES / "public" / "003_vidzeme-2022-2023.expected.json")

    tree = html5lib.parse(render(content, "html"), namespaceHTMLElements=False)

    funding = tree.find(".//table[@class='deleg-document__funding']")
    assert [normal("".join(th.itertext())) for th in funding.findall("thead/tr/th")] == [
        "Gads", "Plānotais", "Faktiski izlietotais"]
    assert [normal("".join(c.itertext())) for c in funding.findall("tbody/tr")[0]] == [
        "2022", "45 000,00 euro", "44 912,08 euro"]


def test_html_narrative_is_paragraphs_around_the_lists():
    content = load(FIXTURES / "public" / "003_vidzeme-2022-2023.expected.json")

    tree = html5lib.parse(render(content, "html"), namespaceHTMLElements=False)

    cell = tree.find(".//ol/..")
    assert [child.tag for child in cell] == ["p", "ol", "p", "ol", "p"]
    assert normal(cell[4].text).startswith("Rezultatīvie rādītāji sasniegti")


def test_findings_are_not_part_of_the_official_document():
    content = load(SEED)

    for fmt in ("html", "docx", "tsv"):
        text = opened(fmt, render(content, fmt), content)
        assert "html_malformed" not in text and "Datu kvalitāte" not in text


def test_docx_has_a_real_table_word_numbered_lists_and_a_year_table():
    content = load(SEED)

    data = render(content, "docx", version=VERSION)

    word = docx.Document(io.BytesIO(data))
    table = word.tables[0]
    assert len(table.rows) == 8 and len(table.columns) == 2
    assert table.cell(1, 1).text == "Biedrība „Dienvidlatgales NVO atbalsta centrs”"
    description = table.cell(3, 1)
    numbered = [p for p in description.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert [p.text for p in numbered] == content["objectives"] + [r["text"] for r in content["results"]]
    assert len({p._p.pPr.numPr.numId.val for p in numbered}) == 2
    numbering = zipfile.ZipFile(io.BytesIO(data)).read("word/numbering.xml").decode()
    assert 'w:lvlText w:val="%1."' in numbering and 'w:lvlText w:val="%1)"' in numbering
    years = table.cell(4, 1).tables[0]
    assert [[c.text for c in row.cells] for row in years.rows] == [
        ["Gads", "Summa, loma nav norādīta"], ["2019", "37\u00a0500,00\u00a0euro"], ["2020", "nav norādīts"]]
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "Kultūras ministrija" in section.footer.paragraphs[0].text
    assert 'w:instr="PAGE"' in section.footer.paragraphs[0]._p.xml


def test_unknown_values_are_shown_as_unknown_and_never_invented():
    content = load(SEED)
    content["period"] = {"start": None, "end": "2020-10-31"}
    content["funding"] = [{"year": 2020, "planned": None, "actual": None, "amount": None}]
    content["non_compliant_expenditure"] = {"amount": None, "text": None}

    for fmt in ("html", "pdf", "docx"):
        text = opened(fmt, render(content, fmt, version=VERSION), content)
        assert "nav norādīts – 31.10.2020." in text
        assert "Neatbilstoši veiktie izdevumi nav norādīts" in text
        assert "0,00" not in text


def test_every_format_has_an_extension_and_a_mime_type():
    assert {name: (f.extension, f.mime_type.split(";")[0]) for name, f in FORMATS.items()} == {
        "html": ("html", "text/html"),
        "pdf": ("pdf", "application/pdf"),
        "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "tsv": ("tsv", "text/tab-separated-values"),
        "json": ("json", "application/json"),
    }


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="xlsx"):
        render(load(SEED), "xlsx")
