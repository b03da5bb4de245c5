"""Helpers for the service tests: look-ups by seed code or name, and whole-file snapshots."""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

YEAR = 2026


@pytest.fixture
def ind(workspace) -> Callable[..., int]:
    """Id of an indicator of a year by its code: ind("(3)"), ind("1"), ind("(3)", 2027)."""
    def lookup(code: str, year: int = YEAR) -> int:
        ids = [r[0] for r in workspace.db.query(
            "SELECT i.id FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
            " WHERE d.year = ? AND i.code = ?", (year, code))]
        assert len(ids) == 1, f"indicator {code} of {year}: {ids}"
        return ids[0]
    return lookup


@pytest.fixture
def div(workspace) -> Callable[[str], int]:
    def lookup(name: str) -> int:
        row_id = workspace.db.scalar("SELECT id FROM division WHERE name = ?", (name,))
        assert row_id is not None, name
        return row_id
    return lookup


@pytest.fixture
def dim(workspace) -> Callable[..., int]:
    def lookup(code: str, year: int = YEAR) -> int:
        return workspace.db.scalar("SELECT id FROM dimension WHERE year = ? AND code = ?", (year, code))
    return lookup


def take_snapshot(db, with_audit: bool = False) -> dict[str, list[tuple]]:
    """Every row of every table in the file (whatever tables the schema has grown to)."""
    tables = [r[0] for r in db.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    assert set(tables) >= {"plan_year", "indicator", "assignment", "subtask", "division", "liaison", "audit"}
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY rowid")]
            for t in tables if with_audit or t != "audit"}


@pytest.fixture
def snapshot(workspace) -> Callable[..., dict]:
    """snapshot() -> every row of every table (audit too with with_audit=True)."""
    return lambda with_audit=False: take_snapshot(workspace.db, with_audit)


def _attach_files(ws, folder: Path, n: int = 3) -> dict[str, bytes]:
    """n evidence files attached to open dispatch rows; {sha256: content}."""
    from bizenv_desktop.services import dispatch, evidence

    ws.apply("s", lambda w: dispatch.start_month(w, "2026-11"))
    rows = dispatch.load_month(ws.db, "2026-11").rows
    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, bytes] = {}
    for i in range(n):
        data = f"佐证材料 {i} ".encode() * (500 + i)
        src = folder / f"材料{i}.pdf"
        src.write_bytes(data)
        ws.apply("a", lambda w, src=src, i=i: evidence.attach(w, ws.path, src, "dispatch_row", rows[i].id))
        made[hashlib.sha256(data).hexdigest()] = data
    return made


@pytest.fixture
def attach_files() -> Callable[..., dict[str, bytes]]:
    """attach_files(ws, folder, n=3): n evidence files attached to open 2026-11 dispatch rows
    (the month is started); returns {sha256: content}."""
    return _attach_files
