"""Helpers for the service tests: look-ups by seed code or name, and whole-file snapshots."""
from __future__ import annotations

from collections.abc import Callable

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
