"""Shared fixtures: offscreen Qt, private settings per test, a fresh real database file."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

# Before anything imports Qt: offscreen, on a 1920 x 1080 screen (the default 800 x 800
# screen is smaller than the main window, which would clamp remembered geometry), or with
# BIZENV_TEST_SCREEN=office on a 1366 x 768 office screen (tests/ui/test_office_screen.py
# runs its checks in such a process).
OFFICE = os.environ.get("BIZENV_TEST_SCREEN") == "office"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    screen_file = "office_screen.json" if OFFICE else "offscreen_screen.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={Path(__file__).with_name(screen_file)}"

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "bizenv_desktop" / "data" / "builtin_plan_source.txt"  # the seed plan, packaged


@pytest.fixture(autouse=True, scope="session")
def collect_on_the_main_thread() -> Any:
    """As the app does (ui/collector.py): no automatic collection, which could run in a worker
    thread (a report, a backup, the ledger read) and destroy Qt objects there; collect between
    tests, on the main thread."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    yield
    if enabled:
        gc.enable()


@pytest.fixture(autouse=True)
def collect_between_tests(collect_on_the_main_thread: Any) -> Any:
    yield
    from bizenv_desktop.ui.collector import collect_if_due

    collect_if_due()


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own settings and data folders, never the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / ".config"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "plan.sqlite3"


@pytest.fixture
def workspace(db_path: Path):
    """A real database file holding the built-in plan as year 2026."""
    from bizenv_desktop.services.startup import open_workspace

    ws = open_workspace(db_path, first_year=2026)
    yield ws
    ws.close()


def damage_file(path: Path, heavy: bool = False) -> None:
    """Damage a closed database as a failing disk would: garbage over some pages in the middle
    of the file (heavy: over every page but the first, so even the schema cannot be read).
    The 100-byte header stays, so the file still looks like ours."""
    import random
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    finally:
        conn.close()
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)
    first, count = (1, pages - 1) if heavy else (pages // 2, max(2, pages // 8))
    rng = random.Random(20261126)
    with open(path, "r+b") as f:
        f.seek(first * page)
        f.write(bytes(rng.randrange(256) for _ in range(count * page)))


@pytest.fixture
def damage():
    """damage(path, heavy=False): see damage_file."""
    return damage_file
