"""The benchmarks' database generator at tiny sizes: it makes what it is asked for, and the
result is a sound database (`bizenv check` finds nothing). No timing is asserted here:
the timings are `python -m benchmarks`' job (docs/performance.md)."""
from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.generate import generate
from bizenv_desktop.services import supervision
from bizenv_desktop.services.evidence import stored_path
from bizenv_desktop.services.integrity import check
from bizenv_desktop.storage.changes import Writer
from bizenv_desktop.storage.database import open_database

TINY = {"years": 2, "division_count": 4, "supervision": 50, "evidence": 100, "audit": 200}


def test_tiny_generated_database_has_the_counts_asked_for_and_passes_the_check(tmp_path: Path) -> None:
    path = tmp_path / "tiny.sqlite3"
    made = generate(path, **TINY)
    db = open_database(path)
    try:
        def count(sql: str, *params: object) -> int:
            return db.scalar(sql, params)

        assert count("SELECT count(*) FROM plan_year") == 2 == made["years"]
        assert count("SELECT count(*) FROM dispatch_month") == 24 == made["months"]
        seconds = count("SELECT count(*) FROM indicator WHERE level = 2")  # both years
        assert count("SELECT count(*) FROM dispatch_row") == made["dispatch_rows"] == seconds * 12 * 4
        assert count("SELECT count(DISTINCT division_id) FROM dispatch_row") == 4 == made["divisions"]

        assert count("SELECT count(*) FROM supervision_item") == 50 == made["supervision_items"]
        assert count("SELECT count(*) FROM supervision_item i WHERE (SELECT count(*) FROM supervision_division s"
                     " WHERE s.item_id = i.id AND s.role = 'lead') <> 1") == 0
        assert count("SELECT count(DISTINCT division_id) FROM supervision_division") <= 4
        w = Writer(db, "check")  # every generated item keeps the ledger's rules (dates in order, reports …)
        for row in db.query("SELECT * FROM supervision_item"):
            supervision._validate(w, dict(row), row["id"])

        assert count("SELECT count(*) FROM evidence") == 100 == made["evidence"]
        assert all(stored_path(path, r[0]).is_file() for r in db.query("SELECT sha256 FROM evidence"))
        assert count("SELECT count(*) FROM evidence_link") == made["evidence_links"] >= 100
        assert count("SELECT count(*) FROM evidence e WHERE NOT EXISTS"
                     " (SELECT 1 FROM evidence_link l WHERE l.evidence_id = e.id)") == 0
        assert count("SELECT count(*) FROM evidence_link l WHERE NOT EXISTS (SELECT 1 FROM dispatch_row r"
                     " WHERE l.target_kind = 'dispatch_row' AND r.id = l.target_id) AND NOT EXISTS"
                     " (SELECT 1 FROM supervision_item i WHERE l.target_kind = 'supervision_item'"
                     " AND i.id = l.target_id)") == 0

        generated = "entity IN ('dispatch_row', 'supervision_item', 'evidence_link')"  # creating years writes none
        assert count(f"SELECT count(*) FROM audit WHERE {generated}") == 200 == made["audit_generated"]
        first, last = db.query(f"SELECT min(at), max(at) FROM audit WHERE {generated}")[0]
        now = datetime.now()
        assert now - timedelta(days=366) <= datetime.fromisoformat(first) <= datetime.fromisoformat(last) <= now

        assert check(db) == []
    finally:
        db.close()


def test_without_the_new_sizes_only_plan_years_and_dispatch_are_made(tmp_path: Path) -> None:
    made = generate(tmp_path / "plain.sqlite3", years=2, division_count=4)
    assert made["dispatch_rows"] > 0
    assert made["supervision_items"] == made["evidence"] == made["audit_generated"] == 0
