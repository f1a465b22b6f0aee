"""A .docx holding the seed's rows as a table reads the same as the seed's text."""
import io
import json

import docx

from deleg.ingest import parse_bytes
from deleg.ingest.tests.conftest import comparable, seed_pair


def _seed_as_docx(numbered_objectives: bool = False) -> bytes:
    """Return the seed written as Word writes it: a title paragraph, then a three-column table."""
    source, _expected = seed_pair()
    lines = [line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
    document = docx.Document()
    document.add_paragraph(lines[0])
    table = document.add_table(rows=0, cols=3)
    funding_label = None
    for line in lines[1:]:
        cells = line.split("\t")
        row = table.add_row().cells
        if not cells[0]:  # a funding year under the merged label
            row[1].text, row[2].text = cells[1], cells[2] if len(cells) > 2 else ""
            row[0].merge(funding_label)
        elif len(cells) > 2 and cells[2].strip():
            row[0].text, row[1].text, row[2].text = cells[:3]
            funding_label = row[0]
        else:
            row[0].text = cells[0]
            row[1].merge(row[2]).text = cells[1]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_table_gives_the_seed_ground_truth(validator):
    _source, expected = seed_pair()
    got = parse_bytes(_seed_as_docx(), filename="seed.docx")
    validator.validate(got)
    assert comparable(got) == comparable(json.loads(expected.read_text(encoding="utf-8")))


def test_docx_numbered_paragraphs_are_list_items():
    document = docx.Document()
    document.add_paragraph("Kopsavilkums par valsts pārvaldes uzdevuma izpildi")
    table = document.add_table(rows=0, cols=2)
    for label, value in [
        ("Valsts pārvaldes uzdevums", "Konsultāciju sniegšana"),
        ("Valsts pārvaldes uzdevuma veicējs", 'biedrība "Palīgs"'),
        ("Valsts pārvaldes uzdevuma deleģēšanas periods", "01.01.2021.–31.12.2021."),
    ]:
        row = table.add_row().cells
        row[0].text, row[1].text = label, value
    row = table.add_row().cells
    row[0].text = "Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem"
    row[1].text = "Sasniegtie rezultatīvie rādītāji:"
    for item in ("Sniegtas 40 konsultācijas.", "Noorganizēti 2 semināri."):
        row[1].add_paragraph(item, style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    got = parse_bytes(buffer.getvalue())
    assert [r["text"] for r in got["results"]] == ["Sniegtas 40 konsultācijas.", "Noorganizēti 2 semināri."]
    assert got["narrative"] == "Sasniegtie rezultatīvie rādītāji:"
    assert got["performer"] == {"name": "Palīgs", "legal_form": "biedrība", "registration_number": None}
