"""The same summary in every form it is published in reads the same."""
import json

import pytest

from deleg.core import findings as codes
from deleg.ingest import UnreadableFile, parse_bytes
from deleg.ingest.tests.conftest import comparable, seed_pair


@pytest.fixture(scope="module")
def seed():
    source, expected = seed_pair()
    return source.read_text(encoding="utf-8"), json.loads(expected.read_text(encoding="utf-8"))


def _html_page(text: str) -> str:
    """Return the seed's rows as an HTML page: <th> labels, the funding label spanning its years."""
    lines = [line for line in text.split("\n") if line.strip()]
    rows = []
    for cells in (line.split("\t") for line in lines[1:]):
        if not cells[0]:
            rows.append(f"<tr><td>{cells[1]}</td><td>{cells[2]}</td></tr>")
        elif len(cells) > 2 and cells[2].strip():
            rows.append(f'<tr><th rowspan="2">{cells[0]}</th><td>{cells[1]}</td><td>{cells[2]}</td></tr>')
        else:
            rows.append(f'<tr><th>{cells[0]}</th><td colspan="2">{cells[1]}</td></tr>')
    return (f"<!DOCTYPE html><html><head><title>Kopsavilkums</title></head><body><h1>{lines[0]}</h1>"
            f"<table>{''.join(rows)}</table></body></html>")


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("cp1257"),
    lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.encode("utf-16"),
    lambda t: _html_page(t).encode("utf-8"),
    lambda t: _html_page(t).encode("cp1257"),
], ids=["cp1257", "bom-crlf", "utf16", "html", "html-cp1257"])
def test_every_encoding_and_layout_gives_the_seed(seed, encode, validator):
    text, expected = seed
    got = parse_bytes(encode(text), filename="seed")
    validator.validate(got)
    assert comparable(got) == comparable(expected)


def test_labels_are_matched_by_their_key_words(seed):
    text, expected = seed
    reworded = (text.replace("Valsts pārvaldes uzdevuma veicējs", "Uzdevuma izpildītājs")
                .replace("Valsts pārvaldes uzdevuma deleģēšanas periods", "Deleģēšanas periods")
                .replace("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem", "Neatgūto līdzekļu apmērs")
                .replace("Cita informācija", "Cita būtiska informācija"))
    assert comparable(parse_bytes(reworded.encode())) == comparable(expected)


def test_an_extra_row_is_an_unknown_field_that_keeps_its_text(seed):
    text, _expected = seed
    row = "Kontaktpersona\tJānis Bērziņš, tālr. 67 123 456\t\n"
    extra = text.replace("Neatbilstoši veiktie", row + "Neatbilstoši veiktie")
    got = parse_bytes(extra.encode())
    unknown = [f for f in got["findings"] if f["code"] == codes.UNKNOWN_FIELD]
    assert [f["field"] for f in unknown] == ["Kontaktpersona"]
    assert "Jānis Bērziņš" in unknown[0]["message"]


def test_a_missing_row_is_a_finding_where_the_row_should_be(seed):
    text, _expected = seed
    without = "\n".join(line for line in text.split("\n") if not line.startswith("Neatbilstoši"))
    got = parse_bytes(without.encode())
    assert (codes.MISSING_FIELD, "non_compliant_expenditure") in {(f["code"], f["field"]) for f in got["findings"]}
    assert got["non_compliant_expenditure"] == {"amount": None, "text": None}


def test_an_impossible_date_is_null_and_a_finding(seed):
    text, _expected = seed
    got = parse_bytes(text.replace("31.10.2020.", "31.02.2020.").encode())
    assert got["period"] == {"start": "2019-08-12", "end": None}
    assert (codes.PERIOD_INVALID, "period") in {(f["code"], f["field"]) for f in got["findings"]}


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02\x03" * 200, b"%PDF-1.7\n%...", b"PK\x03\x04junk",
                                  "Sveiki, šis nav kopsavilkums.".encode()])
def test_bytes_that_hold_no_summary_are_unreadable(data):
    with pytest.raises(UnreadableFile):
        parse_bytes(data)


def test_a_line_of_a_value_that_mentions_a_field_is_not_a_row():
    text = ("Kopsavilkums\n"
            "Valsts pārvaldes uzdevums\tApmācības\t\n"
            "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildi\tRezultāti:<ol><li>Notika 5 kursi.</li></ol>\n"
            "Uzdevums izpildīts, finansējums izlietots mērķtiecīgi.\t\n"
            "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
            "\t2022\t1 000,00 euro\t\n")
    summary = parse_bytes(text.encode("utf-8"))
    assert summary["funding"] == [{"year": 2022, "planned": None, "actual": None, "amount": "1000.00"}]
    assert summary["narrative"] == "Rezultāti: Uzdevums izpildīts, finansējums izlietots mērķtiecīgi."
    assert not [f for f in summary["findings"] if f["code"] == codes.UNKNOWN_FIELD]
