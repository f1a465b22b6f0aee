"""lang="en" gives English labels, dates and money; the summary's own text stays as published."""
import io
import json
from pathlib import Path

import docx
import html5lib
import pypdf
from django.utils import translation

from deleg.summaries.render import render

FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"
SEED = FIXTURES / "seed" / "000_5c600465db280f8a.expected.json"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def normal(text: str) -> str:
    return " ".join(text.split())


def test_english_html_has_english_labels_dates_and_money():
    data = render(load(SEED), "html", lang="en", version={"number": 1, "published_at": "2021-03-04T10:00:00+02:00"})

    tree = html5lib.parse(data, namespaceHTMLElements=False)
    assert tree.get("lang") == "en"
    text = normal(" ".join(tree.find("body").itertext()))
    assert "State administration task Atsevišķu valsts pārvaldes uzdevumu veikšana" in text
    assert "Delegation period of the state administration task 12 August 2019 – 31 October 2020" in text
    assert "Year Amount, role not stated 2019 EUR 37,500.00 2020 not stated" in text
    assert "Non-compliant expenditure None" in text
    assert "Other information None" in text
    assert "Summary, version 1, published 4 March 2021" in text
    assert "Valsts pārvaldes uzdevuma veicējs" not in text


def test_english_statements_give_the_figure_and_keep_the_published_words():
    content = load(FIXTURES / "public" / "006_zimju-valoda-2020.expected.json")

    text = normal(render(content, "tsv", lang="en").decode("utf-8"))

    assert "Non-compliant expenditure EUR 2,340.00 (2 340,00 euro – izdevumi par tulka pakalpojumiem" in text
    assert "Delegating institution Labklājības ministrija" in text
    assert "reg. No. 40008234561" in text
    assert "2020 planned EUR 486,000.00, actually spent EUR 484,317.65" in text


def test_english_pdf_and_docx_number_pages_in_english():
    content = load(SEED)

    pdf = pypdf.PdfReader(io.BytesIO(render(content, "pdf", lang="en")))
    word = docx.Document(io.BytesIO(render(content, "docx", lang="en")))

    assert f"Page 1 of {len(pdf.pages)}" in normal(pdf.pages[0].extract_text())
    assert "Page" in word.sections[0].footer.paragraphs[0].text
    assert word.tables[0].cell(0, 0).text == "State administration task"


def test_latvian_is_the_default_whatever_the_interface_language():
    content = load(SEED)

    with translation.override("en"):
        data = render(content, "html")
        assert translation.get_language() == "en"

    text = normal(" ".join(html5lib.parse(data, namespaceHTMLElements=False).itertext()))
    assert "Valsts pārvaldes uzdevuma deleģēšanas periods 12.08.2019. – 31.10.2020." in text
    assert "Gads Summa, loma nav norādīta 2019 37 500,00 euro 2020 nav norādīts" in text


def test_an_unknown_language_gets_the_official_latvian_document():
    assert render(load(SEED), "tsv", lang="de") == render(load(SEED), "tsv")
