import shutil
from pathlib import Path

import pytest

from deleg.cli import main
from deleg.summaries.models import SummaryVersion

FIXTURES = Path(__file__).resolve().parent / "data" / "fixtures"
pytestmark = pytest.mark.django_db


def test_import_folder_prints_a_table_and_exits_zero(tmp_path, capsys):
    shutil.copytree(FIXTURES / "seed", tmp_path / "seed")

    code = main(["import", str(tmp_path)])

    out = capsys.readouterr().out
    assert code == 0
    assert "000_5c600465db280f8a.txt" in out
    assert "created: 1, new_version: 0, unchanged: 0, failed: 0" in out
    assert SummaryVersion.objects.count() == 1


def test_import_exits_one_when_a_file_fails(tmp_path, capsys):
    bad = tmp_path / "slikts.txt"
    bad.write_bytes(b"\x00\xff" * 100)
    shutil.copy(FIXTURES / "seed" / "000_5c600465db280f8a.txt", tmp_path)

    code = main(["import", str(tmp_path)])

    out = capsys.readouterr().out
    assert code == 1
    assert "failed: 1" in out and "created: 1" in out


def test_import_dry_run_stores_nothing(tmp_path, capsys):
    code = main(["import", "--dry-run", str(FIXTURES / "seed")])

    assert code == 0
    assert "--dry-run" in capsys.readouterr().out
    assert SummaryVersion.objects.count() == 0
