"""The TSV is the published layout: reading it back with deleg's parser gives the same summary."""
import json
from pathlib import Path

import pytest

from deleg.summaries.render import render

FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"
EXPECTED = sorted(FIXTURES.glob("*/*.expected.json"))
SEED = FIXTURES / "seed" / "000_5c600465db280f8a.expected.json"
# Findings about the form of the source file, not about its data: a file deleg writes has none of them.
SOURCE_FORM_CODES = {"html_malformed", "missing_field", "unknown_field"}


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def parse_bytes():
    """Return the parser, or skip where it is not installed yet."""
    ingest = pytest.importorskip("deleg.ingest")
    if not hasattr(ingest, "parse_bytes"):
        pytest.skip("deleg.ingest.parse_bytes does not exist yet")
    return ingest.parse_bytes


def test_seed_tsv_has_the_published_layout():
    lines = render(load(SEED), "tsv").decode("utf-8").split("\n")

    assert lines[0].startswith("Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu")
    assert lines[1] == ""
    assert lines[2] == ("Valsts pārvaldes uzdevums\tAtsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās "
                        "sabiedrības un starpkultūru sadarbības attīstības jomā\t")
    assert lines[3] == 'Valsts pārvaldes uzdevuma veicējs\tBiedrība "Dienvidlatgales NVO atbalsta centrs"\t'
    assert lines[4] == "Valsts pārvaldes uzdevuma deleģēšanas periods\t12.08.2019. – 31.10.2020.\t"
    assert lines[5].startswith("Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros")
    assert "\t<p>Lai veicinātu" in lines[5] and "<ol><li>Stiprināt Latgales" in lines[5]
    assert lines[6] == ("Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
                        "\t2019.gads\t37\u00a0500,00\u00a0euro")
    assert lines[7] == "\t2020.gads\t"
    assert lines[8:] == [
        "Neatbilstoši veiktie izdevumi\tNav\t",
        "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\tNav\t",
        "Cita informācija\tNav\t",
        "",
    ]


def test_tsv_writes_planned_and_spent_as_ministries_do():
    content = load(FIXTURES / "public" / "012_riga-2021-2022-multiline.expected.json")

    lines = render(content, "tsv").decode("utf-8").split("\n")

    funding = [line for line in lines if "2021.gads" in line or "2022.gads" in line]
    assert funding[0].endswith("\t2021.gads\tplānotais 40\u00a0000,00\u00a0euro, faktiski izlietotais "
                               "39\u00a0870,15\u00a0euro")
    assert funding[1] == ("\t2022.gads\tplānotais 42\u00a0000,00\u00a0euro, "
                          "faktiski izlietotais 41\u00a0995,80\u00a0euro")


def test_tsv_escapes_markup_in_the_description_cell_and_keeps_rows_on_one_line():
    content = load(SEED)
    rows = render(content, "tsv").decode("utf-8").count("\n")
    content["objectives"] = ["A <b>bold</b> & line\nbreak\tand tab"]

    text = render(content, "tsv").decode("utf-8")

    assert "<li>A &lt;b&gt;bold&lt;/b&gt; &amp; line break and tab</li>" in text
    assert text.count("\n") == rows


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_reading_the_tsv_back_gives_the_same_summary(path):
    parse = parse_bytes()
    content = load(path)

    parsed = parse(render(content, "tsv"), filename=f"{path.name.split('.')[0]}.tsv")

    assert {k: v for k, v in parsed.items() if k != "findings"} == {k: v for k, v in content.items() if k != "findings"}


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_reading_the_tsv_back_keeps_the_data_findings_and_adds_none(path):
    parse = parse_bytes()
    content = load(path)

    parsed = parse(render(content, "tsv"), filename="summary.tsv")

    def data_findings(summary):
        return {(f["code"], f["field"]) for f in summary["findings"] if f["code"] not in SOURCE_FORM_CODES}

    assert data_findings(parsed) == data_findings(content)
