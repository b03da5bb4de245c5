"""What a reading command imports: the command line starts in a fresh process for every call,
so each module it loads shows in every run (docs/performance.md, `bizenv indicators --json`
against a plain script doing the same SQL). The modules below were each loaded by every command
once; they stay out unless a command needs them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ["lxml", "shutil", "tempfile", "random", "getpass", "zipfile", "importlib.resources",
         "bizenv_desktop.commands", "openpyxl", "reportlab", "PySide6", "docx", "pdfplumber", "sqlite_utils",
         "holidays", "bizenv_desktop.ui", "bizenv_desktop.storage.changes"]
# the writer (undo images, audit rows): the two timed commands only read and never load it
# (`dispatch` reads through services/dispatch.py, which also starts months)
WRITER = "bizenv_desktop.storage.changes"
PROBE = """
import io, json, sys, contextlib
from bizenv_desktop import cli
with contextlib.redirect_stdout(io.StringIO()) as out:
    code = cli.main(sys.argv[1:])
print(json.dumps({"code": code, "out": out.getvalue()[:200], "loaded": [m for m in HEAVY if m in sys.modules]}))
""".replace("HEAVY", repr(HEAVY))


def run(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "plan.sqlite3"
    assert run("--db", str(path), "init", "--year", "2026")["code"] == 0
    assert run("--db", str(path), "dispatch", "--month", "2026-11", "--start")["code"] == 0
    return path


@pytest.mark.parametrize("command", [["indicators", "--json"], ["due", "--json", "--today", "2026-12-20"],
                                     ["dispatch", "--month", "2026-11", "--json"]])
def test_a_core_command_loads_none_of_the_heavy_modules(db: Path, command: list[str]) -> None:
    result = run("--db", str(db), *command)
    assert result["code"] == 0 and result["out"].lstrip().startswith("{")
    assert result["loaded"] == ([WRITER] if command[0] == "dispatch" else [])


def test_indicators_loads_no_dataclasses(db: Path) -> None:
    """The plan model and the rankings are plain classes (core/records.py): `dataclasses` brings
    inspect, ast, dis and tokenize, and compiles each class's methods at import (about 10 ms)."""
    probe = PROBE.replace(repr(HEAVY), repr(["dataclasses", "inspect"]))
    done = subprocess.run([sys.executable, "-c", probe, "--db", str(db), "indicators", "--json"], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] == 0 and result["loaded"] == []


def test_the_help_still_lists_every_command(db: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--help"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60)
    assert done.returncode == 0
    for name in ("indicators", "due", "import", "export", "forms", "backup", "supervision", "report"):
        assert name in done.stdout
    other = run("--db", str(db), "supervision", "list", "--json")  # a command of commands/ still runs
    assert other["code"] == 0 and "bizenv_desktop.commands" in other["loaded"]
