"""Schema step 4: a version-3 file (release 0.1.0) with a supervised item gains the ledger fields
and the remembered unit names; the item and its values stay."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from bizenv_desktop.storage.database import CURRENT_VERSION, open_database

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v3.sqlite3"


def test_version_3_file_upgrades_with_its_supervised_items(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, path)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO supervision_item (no, content, status, note) VALUES ('DB-2026-001', '整改事项', '待签收', '旧备注')")
    conn.commit()
    conn.close()
    db = open_database(path)
    try:
        assert db.scalar("PRAGMA user_version") == CURRENT_VERSION >= 4
        row = db.execute("SELECT * FROM supervision_item").fetchone()
        assert (row["no"], row["content"], row["note"]) == ("DB-2026-001", "整改事项", "旧备注")
        assert [row[c] for c in ("requirements", "supervision_type", "urgency", "leader", "feedback_cycle",
                                 "completion", "urge_count")] == ["", "", "", "", "", "", 0]
        assert db.query("SELECT * FROM unit_alias") == []
        fg = db.scalar("SELECT id FROM division WHERE name = '法规处'")
        with db.transaction():
            db.execute("INSERT INTO unit_alias (name, division_id, created_at) VALUES ('政策法规处', ?, '2026-12-01')", (fg,))
        try:
            with db.transaction():
                db.execute("UPDATE supervision_item SET urge_count = -1")
        except sqlite3.IntegrityError:
            pass
        else:
            raise AssertionError("a negative 催办次数 was stored")
    finally:
        db.close()
