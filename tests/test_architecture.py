"""Layering: core, storage and services (and the command line) never import Qt.

Each check runs in a fresh interpreter, because this test process has already imported
PySide6 (tests/conftest.py sets up QSettings for every test).
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str, *args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 0, f"subprocess failed:\n{proc.stdout}\n{proc.stderr}"
    return json.loads(proc.stdout.strip().splitlines()[-1])


QT_MODULES = """
def qt_modules():
    return sorted(m for m in sys.modules
                  if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2"))
"""


def test_core_storage_services_do_not_import_qt() -> None:
    result = _run(QT_MODULES + """
import importlib, json, pkgutil, sys
imported = []
for name in ("bizenv_desktop.core", "bizenv_desktop.storage", "bizenv_desktop.services"):
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({"imported": imported, "qt": qt_modules()}))
""")
    assert result["qt"] == [], f"Qt imported by a non-GUI layer: {result['qt']}"
    # the walk really found the modules (guards against an empty, vacuous walk)
    for expected in ("bizenv_desktop.core.responsibility", "bizenv_desktop.storage.database",
                     "bizenv_desktop.storage.migrations", "bizenv_desktop.storage.changes",
                     "bizenv_desktop.services.plan_edit", "bizenv_desktop.services.startup",
                     "bizenv_desktop.services.workspace", "bizenv_desktop.services.years"):
        assert expected in result["imported"]


def test_cli_module_alone_does_not_import_qt() -> None:
    result = _run(QT_MODULES + """
import json, sys
import bizenv_desktop.cli
print(json.dumps({"qt": qt_modules()}))
""")
    assert result["qt"] == []


def test_cli_commands_do_not_import_qt(tmp_path: Path) -> None:
    """Running init and indicators (not gui) stays Qt-free too."""
    db = tmp_path / "plan.sqlite3"
    result = _run(QT_MODULES + """
import contextlib, io, json, sys
from bizenv_desktop.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    codes = [main(["--db", sys.argv[1], "init", "--year", "2026"]),
             main(["--db", sys.argv[1], "indicators", "--year", "2026", "--json"])]
sys.stdout = sys.__stdout__
print(json.dumps({"codes": codes, "qt": qt_modules()}))
""", str(db))
    assert result["codes"] == [0, 0]
    assert result["qt"] == []
