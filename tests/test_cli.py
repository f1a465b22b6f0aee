import os
import subprocess
import sys
from pathlib import Path

import pytest

from deleg.cli import main

ROOT = Path(__file__).resolve().parent.parent
PARENT_ENV = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])

    out = capsys.readouterr().out
    assert exit_.value.code == 0
    for command in ("serve", "demo", "parse", "manage"):
        assert f"    {command} " in out


def test_unknown_command_exits_with_usage(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["publish-everything"])

    assert exit_.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def run_deleg(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "deleg.cli", *args], capture_output=True, text=True,
                          env={**PARENT_ENV, **(env or {})}, cwd=cwd, timeout=120)


def test_demo_prints_passwords_in_development_only(tmp_path):
    dev = run_deleg("manage", "migrate", "-v0", env={"DELEG_DATA_DIR": str(tmp_path / "dev")})
    assert dev.returncode == 0, dev.stderr

    shown = run_deleg("demo", env={"DELEG_DATA_DIR": str(tmp_path / "dev"), "DELEG_DEBUG": "1"})
    again = run_deleg("demo", env={"DELEG_DATA_DIR": str(tmp_path / "dev"), "DELEG_DEBUG": "1"})

    assert "ministrija-admin / " in shown.stdout
    assert "Demo data is already loaded." in again.stdout

    run_deleg("manage", "migrate", "-v0", env={"DELEG_DATA_DIR": str(tmp_path / "prod")})
    hidden = run_deleg("demo", env={"DELEG_DATA_DIR": str(tmp_path / "prod"), "DELEG_DEBUG": "0"})
    assert hidden.returncode == 0, hidden.stderr
    assert "Demo data loaded." in hidden.stdout
    assert "ministrija-admin" not in hidden.stdout


def test_production_settings_pass_the_deployment_check(tmp_path):
    result = run_deleg(
        "manage", "check", "--deploy", "--fail-level", "WARNING",
        env={"DJANGO_SETTINGS_MODULE": "deleg.settings.production", "DELEG_DATA_DIR": str(tmp_path),
             "DELEG_SECRET_KEY": "k" * 20 + "-production-secret-0123456789-abcdefghijklmnop"},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "deleg.settings.production", "DELEG_DATA_DIR": str(tmp_path), "DELEG_SECRET_KEY": ""}

    result = run_deleg("manage", "check", env=env)

    assert result.returncode != 0
    assert "DELEG_SECRET_KEY must be set in production." in result.stderr
