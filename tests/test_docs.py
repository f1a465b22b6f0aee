"""Documentation is tested: every `deleg` command and every DELEG_ setting appears in docs/."""
import re
from pathlib import Path

from deleg.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md")))


def test_every_command_is_documented():
    commands = build_parser()._subparsers._group_actions[0].choices

    missing = [name for name in commands if f"deleg {name}" not in DOCS]

    assert len(commands) >= 4
    assert missing == []


def test_every_setting_is_documented():
    sources = [*(ROOT / "src/deleg").rglob("*.py"), *(ROOT / "bench").glob("*.py"), ROOT / "Makefile", ROOT / ".ci/run"]
    settings = set()
    for source in sources:
        settings |= set(re.findall(r"DELEG_[A-Z_]+", source.read_text(encoding="utf-8")))

    missing = sorted(name for name in settings if name not in DOCS)

    assert "DELEG_DATABASE_URL" in settings
    assert missing == []


def test_readme_names_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    assert "make run" in readme and "make test" in readme
