"""`deleg render`: a canonical JSON file, any summary file the parser reads, or a published summary's id."""
import io
import json
import shutil
from pathlib import Path

import pypdf
import pytest

from deleg.summaries.models import Summary, SummaryVersion, content_sha256
from deleg.summaries.render.cli import cli_render

FIXTURES = Path(__file__).resolve().parents[4] / "tests" / "data" / "fixtures"
SEED_JSON = FIXTURES / "seed" / "000_5c600465db280f8a.expected.json"
SEED_TEXT = FIXTURES / "seed" / "000_5c600465db280f8a.txt"


def test_renders_a_canonical_json_file_to_stdout(capsysbinary):
    status = cli_render(str(SEED_JSON), "tsv", "lv", None)

    out = capsysbinary.readouterr().out
    assert status == 0
    assert out.decode("utf-8").startswith("Kopsavilkums par atsevišķu")
    assert "\t2020.gads\t\n" in out.decode("utf-8")


def test_writes_binary_formats_to_the_out_file(tmp_path, capsysbinary):
    out = tmp_path / "seed.pdf"

    status = cli_render(str(SEED_JSON), "pdf", "lv", str(out))

    assert status == 0
    assert capsysbinary.readouterr().out == b""
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    assert "Dienvidlatgales NVO atbalsta centrs" in reader.pages[0].extract_text()


def test_renders_a_published_summary_file_through_the_parser(tmp_path, capsysbinary):
    pytest.importorskip("deleg.ingest", reason="the parser is not installed yet")
    source = tmp_path / "kopsavilkums.txt"
    shutil.copy(SEED_TEXT, source)

    status = cli_render(str(source), "json", "lv", None)

    rendered = json.loads(capsysbinary.readouterr().out)
    assert status == 0
    expected = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    assert {k: v for k, v in rendered.items() if k != "findings"} == {
        k: v for k, v in expected.items() if k != "findings"}


@pytest.mark.django_db
def test_renders_the_latest_version_of_a_published_summary_by_id(capsysbinary):
    content = json.loads(SEED_JSON.read_text(encoding="utf-8"))
    summary = Summary.objects.create()
    for number, task in ((1, "Vecais uzdevums"), (2, content["task"])):
        version = dict(content, task=task)
        SummaryVersion.objects.create(summary=summary, number=number, content=version,
                                      content_sha256=content_sha256(version), title=content["title"])

    status = cli_render(str(summary.pk), "tsv", "lv", None)

    out = capsysbinary.readouterr().out.decode("utf-8")
    assert status == 0
    assert content["task"] in out and "Vecais uzdevums" not in out


@pytest.mark.django_db
def test_an_unknown_id_is_an_error_with_a_message(capsysbinary):
    status = cli_render("999999", "pdf", "lv", None)

    captured = capsysbinary.readouterr()
    assert status == 1
    assert captured.out == b""
    assert "999999" in captured.err.decode("utf-8")


@pytest.mark.parametrize(("name", "data"), [
    ("missing.json", None),
    ("broken.json", b'{"schema": "deleg.summary/1", "title": 1}'),
    ("empty.txt", b""),
])
def test_a_bad_file_is_an_error_with_a_message(tmp_path, capsysbinary, name, data):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)

    status = cli_render(str(path), "html", "lv", None)

    captured = capsysbinary.readouterr()
    assert status == 1
    assert captured.out == b""
    assert captured.err.decode("utf-8").startswith("deleg render: ")
    assert name in captured.err.decode("utf-8")


def test_an_unknown_format_is_an_error(capsysbinary):
    status = cli_render(str(SEED_JSON), "xlsx", "lv", None)

    assert status == 1
    assert "xlsx" in capsysbinary.readouterr().err.decode("utf-8")
