"""Numbered schema upgrade steps: STEPS[n] turns a version n-1 file into version n.

db_schema.sql is the whole current schema for new files; every change to it needs a step
here too (tests/storage/test_schema.py checks that both give the same tables). Each step
runs in one transaction that also bumps PRAGMA user_version, so a step is all or nothing.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

Step = Callable[[sqlite3.Connection], None]

# Version 1 is the first released schema: there is nothing older to upgrade yet.
STEPS: dict[int, Step] = {}


def run(conn: sqlite3.Connection, found: int, target: int,
        steps: dict[int, Step] | None = None) -> None:
    """Apply steps found+1 .. target, each in its own transaction."""
    steps = STEPS if steps is None else steps
    for version in range(found + 1, target + 1):
        step = steps[version]
        conn.execute("BEGIN IMMEDIATE")
        try:
            step(conn)
            conn.execute(f"PRAGMA user_version = {int(version)}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        check = conn.execute("PRAGMA foreign_key_check").fetchall()
        if check:
            raise sqlite3.IntegrityError(f"upgrade step {version} left broken references: {check[:5]}")
