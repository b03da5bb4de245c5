"""Release: one version number, a changelog entry for it, the Linux desktop entry and icons,
and (slow, only with BIZENV_BUILD_TEST=1) the PyInstaller build, started for real."""
from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from bizenv_desktop import __version__

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist" / "bizenv-desktop"
# The build runs with the real HOME (PyInstaller keeps its cache under ~/.cache); the
# autouse fixture in conftest.py points HOME at a temporary folder for each test.
REAL_HOME = os.environ.get("HOME", "")


def test_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "bizenv_desktop.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    spec = (PACKAGING / "bizenv-desktop.spec").read_text(encoding="utf-8")
    assert __version__ not in spec  # the spec reads it from bizenv_desktop/__init__.py too


def test_changelog_has_an_entry_for_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Keep a Changelog" in text
    assert re.search(r"^## \[Unreleased\]$", text, re.M)
    releases = re.findall(r"^## \[([^\]]+)\] - (\d{4}-\d{2}-\d{2})$", text, re.M)
    assert releases, "no released version in CHANGELOG.md"
    assert releases[0][0] == __version__, "the newest CHANGELOG.md entry is not bizenv_desktop.__version__"


def read_desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    with open(PACKAGING / "bizenv-desktop.desktop", encoding="utf-8") as f:
        parser.read_file(f)
    return parser["Desktop Entry"]


def test_desktop_entry() -> None:
    entry = read_desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Business Environment Assessment Workbench"
    assert entry["Name[zh_CN]"] == "营商环境考核评价工作台"
    assert entry["Exec"].split()[0] == "bizenv-desktop"  # the windowed executable
    assert entry["Icon"] == "bizenv-desktop"  # packaging/bizenv.png, installed under that name
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].rstrip(";").split(";")


def test_desktop_entry_validates() -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    proc = subprocess.run([validate, str(PACKAGING / "bizenv-desktop.desktop")], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr


def test_icons_are_there() -> None:
    png = (PACKAGING / "bizenv.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (PACKAGING / "bizenv.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sides = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sides


# --- the build (slow) ---------------------------------------------------------------------

def exe(name: str) -> Path:
    return DIST / (name + (".exe" if sys.platform == "win32" else ""))


def frozen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe("bizenv")), *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120)


def subcommands(help_text: str) -> list[str]:
    """The subcommand choices in `bizenv --help` (not those of --lang)."""
    return next(names for names in (m.split(",") for m in re.findall(r"\{([a-z_,-]+)\}", help_text))
                if "init" in names)


@pytest.mark.skipif(os.environ.get("BIZENV_BUILD_TEST") != "1",
                    reason="slow (about a minute): BIZENV_BUILD_TEST=1 builds with PyInstaller and starts the build")
@pytest.mark.skipif(sys.platform == "win32", reason="packaging/build.sh is a bash script")
def test_pyinstaller_build_starts(tmp_path: Path) -> None:
    started = time.monotonic()
    build = subprocess.run(["bash", str(PACKAGING / "build.sh")], cwd=ROOT, capture_output=True, text=True,
                           env={**os.environ, "HOME": REAL_HOME}, timeout=1800)
    assert build.returncode == 0, build.stdout[-4000:] + build.stderr[-4000:]
    print(f"build: {time.monotonic() - started:.0f} s; {build.stdout.strip().splitlines()[-1]}")

    # Data files at their package paths (the two symlinks resolved to real files).
    internal = DIST / "_internal" / "bizenv_desktop"
    for relative in ("data/builtin_plan.json", "storage/db_schema.sql", "i18n/bizenv_en.qm",
                     "resources/icons/bizenv.svg", "resources/fonts/uming-cn.ttf",
                     "resources/fonts/LICENSE-uming.txt", "resources/fonts/LICENSE-wqy-microhei.txt",
                     "resources/fonts/LICENSE-lxgw-wenkai.txt"):
        path = internal / relative
        assert path.is_file() and not path.is_symlink(), relative
    assert (internal / "storage" / "db_schema.sql").read_bytes() == (ROOT / "db_schema.sql").read_bytes()
    for name in ("README.md", "CHANGELOG.md", "bizenv-desktop.desktop", "bizenv.png"):
        assert (DIST / name).is_file(), name

    # The command line.
    version = frozen("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"bizenv-desktop {__version__}"
    db = tmp_path / "frozen.sqlite3"
    init = frozen("--db", str(db), "init", "--year", "2026")
    assert init.returncode == 0, init.stderr
    indicators = frozen("--db", str(db), "indicators", "--year", "2026", "--json")
    assert indicators.returncode == 0, indicators.stderr
    plan = json.loads(indicators.stdout)
    second = [s for d in plan["dimensions"] for first in d["indicators"] for s in first["children"]]
    assert len(second) == 23

    # bizenv_desktop/commands/* are found with pkgutil at run time: the frozen app must offer
    # exactly the subcommands the source does.
    source_help = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--help"], capture_output=True,
                                 text=True, encoding="utf-8", timeout=120)
    frozen_help = frozen("--help")
    assert subcommands(frozen_help.stdout) == subcommands(source_help.stdout)
    assert "check" in subcommands(frozen_help.stdout)
    check = frozen("--db", str(db), "check")
    assert (check.returncode, check.stdout.strip()) == (0, "ok"), check.stdout + check.stderr

    # The window (console=False), offscreen: it opens its database and stays up.
    gui_db = tmp_path / "gui.sqlite3"
    window = subprocess.Popen([str(exe("bizenv-desktop")), "--db", str(gui_db)],
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline and window.poll() is None:
            time.sleep(0.1)
        alive = window.poll() is None
    finally:
        window.kill()
        _, err = window.communicate(timeout=30)
    assert alive, f"bizenv-desktop exited with {window.returncode}:\n{err.decode(errors='replace')}"
    assert b"Traceback" not in err, err.decode(errors="replace")
    assert gui_db.is_file()  # the window got as far as creating its database
