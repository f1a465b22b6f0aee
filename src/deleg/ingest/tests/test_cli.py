"""`python -m deleg.ingest` and cli_parse: pretty JSON for one file, JSON lines for several."""
import io
import json

from deleg.ingest import cli_parse
from deleg.ingest.tests.conftest import seed_pair


def test_one_file_prints_indented_json():
    source, _expected = seed_pair()
    out = io.StringIO()
    assert cli_parse([str(source)], False, out) == 0
    assert json.loads(out.getvalue())["region"] == "Latgale"
    assert out.getvalue().startswith("{\n  ")


def test_several_files_print_json_lines_and_unreadable_ones_set_the_status(tmp_path):
    source, _expected = seed_pair()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = io.StringIO()
    assert cli_parse([str(source), str(empty), str(tmp_path / "absent.txt")], False, out) == 1
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0]["source"] == str(source) and lines[0]["summary"]["schema"] == "deleg.summary/1"
    assert "error" in lines[1] and "error" in lines[2]


def test_jsonl_for_one_file():
    source, _expected = seed_pair()
    out = io.StringIO()
    cli_parse([str(source)], True, out)
    assert list(json.loads(out.getvalue())) == ["source", "summary"]
