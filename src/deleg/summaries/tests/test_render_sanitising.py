"""Markup in a summary's text stays text: no format lets a script, a handler or a link through."""
import io
import json
import re
import zipfile
from pathlib import Path

import docx
import html5lib
import pypdf

from deleg.summaries.render import render
from deleg.summaries.render.html import sanitise

SEED = Path(__file__).resolve().parents[4] / "tests/data/fixtures/seed/000_5c600465db280f8a.expected.json"
SCRIPT = '<script>alert("x")</script>'
HANDLER = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(2)">klikšķini</a>'


def hostile() -> dict:
    """The seed with markup in every text field, as a careless or hostile source might write it."""
    content = json.loads(SEED.read_text(encoding="utf-8"))
    content["title"] = f"{SCRIPT} Kopsavilkums"
    content["task"] = f"{HANDLER} Uzdevums"
    content["performer"]["name"] = f"{LINK} centrs"
    content["delegator"] = '"><script>alert(3)</script> ministrija'
    content["objectives"] = [SCRIPT, LINK, '<svg onload="alert(4)"></svg>']
    content["results"][0]["text"] = f"{HANDLER} 3 semināri"
    content["narrative"] = '<iframe src="javascript:alert(5)"></iframe> ievads:'
    content["non_compliant_expenditure"]["text"] = "<style>body{display:none}</style>Nav"
    content["other_information"] = '<a href="https://example.invalid/">saite</a> <form action="x"><input></form>'
    return content


def test_html_output_is_inert_and_shows_the_markup_as_text():
    data = render(hostile(), "html")

    tree = html5lib.parse(data, namespaceHTMLElements=False)
    body = tree.find("body")
    tags = {element.tag for element in body.iter()}
    assert tags.isdisjoint({"script", "img", "svg", "iframe", "style", "a", "form", "input"})
    assert [e.tag for e in tree.iter() if e.tag == "script"] == []
    assert not [(e.tag, name) for e in tree.iter() for name in e.attrib if name.lower().startswith("on")]
    assert not [e for e in tree.iter() if any("javascript:" in v for v in e.attrib.values())]
    text = " ".join(body.itertext())
    assert SCRIPT in text and LINK in text and HANDLER in text


def test_pdf_output_has_no_links_actions_or_scripts():
    data = render(hostile(), "pdf", version={"number": 1, "delegator": "<script>x</script>"})

    reader = pypdf.PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert not {"/OpenAction", "/AA", "/Names", "/AcroForm"} & set(root.keys())
    assert all("/Annots" not in page for page in reader.pages)
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "<script>" in text and "javascript:alert(2)" in text


def test_docx_output_has_no_links_or_fields_beyond_page_numbers():
    data = render(hostile(), "docx", version={"number": 1})

    package = zipfile.ZipFile(io.BytesIO(data))
    relations = "".join(package.read(name).decode() for name in package.namelist() if name.endswith(".rels"))
    assert "/hyperlink" not in relations and "oleObject" not in relations
    xml = "".join(package.read(name).decode() for name in package.namelist() if name.startswith("word/"))
    assert "<w:hyperlink" not in xml and "<script" not in xml
    assert set(re.findall(r'w:instr="([^"]*)"', xml)) == {"PAGE", "NUMPAGES"}
    assert not [name for name in package.namelist() if "vbaProject" in name or name.endswith(".bin")]
    word = docx.Document(io.BytesIO(data))
    assert word.paragraphs[0].text == hostile()["title"]


def test_the_sanitiser_keeps_only_the_documents_own_markup():
    cleaned = sanitise(f'<ol class="a" onclick="x()"><li value="2" style="color:red">{SCRIPT}{LINK} x</li></ol>')

    assert cleaned == '<ol class="a"><li value="2">klikšķini x</li></ol>'
