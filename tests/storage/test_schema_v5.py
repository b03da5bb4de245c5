"""Schema step 5 (issue 16): the rebuild of evidence_link keeps every link, and its new kinds are accepted."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bizenv_desktop.storage.database import open_database

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v3.sqlite3"


def test_step_5_keeps_evidence_links_and_accepts_the_new_kinds(tmp_path: Path) -> None:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    conn = sqlite3.connect(copy)
    conn.execute("INSERT INTO evidence (id, sha256, original_name, size, added_at, added_by)"
                 " VALUES (7, ?, '通知.pdf', 12, '2026-03-03T09:00:00', 'liaison')", ("a" * 64,))
    item = 5  # evidence_link.target_id is no foreign key: any record id does
    conn.execute("INSERT INTO evidence_link (id, evidence_id, target_kind, target_id, name)"
                 " VALUES (41, 7, 'supervision_item', ?, '通知.pdf')", (item,))
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
    conn.close()

    db = open_database(copy)
    try:
        assert db.scalar("PRAGMA user_version") >= 5
        assert [tuple(r) for r in db.query("SELECT id, evidence_id, target_kind, target_id, name FROM evidence_link")] \
            == [(41, 7, "supervision_item", item, "通知.pdf")]
        assert db.query("PRAGMA foreign_key_check") == []
        with db.transaction():
            db.execute("INSERT INTO evidence_link (evidence_id, target_kind, target_id) VALUES (7, 'indicator', 1)")
        with pytest.raises(sqlite3.IntegrityError):
            with db.transaction():
                db.execute("INSERT INTO evidence_link (evidence_id, target_kind, target_id) VALUES (7, 'nonsense', 1)")
        assert db.scalar("SELECT closed_by FROM dispatch_month") is None  # the new column, no months yet
        assert db.scalar("SELECT count(*) FROM ranking") == 0
    finally:
        db.close()
