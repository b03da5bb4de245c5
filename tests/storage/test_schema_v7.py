"""Schema step 7 (issue 14): form returns move from deadline_done keys "dispatch_return:<month>:<id>"
to the form_return table, and the 催报名单, the history and the on-time rates read them there."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import divisions, form_returns, sendbacks
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.storage.changes import Writer

# made by schema 6: 法规处 (1) returned 2026-05 on 05-26, 规划处 (2) on 05-27, 办公室 (3) on 06-02
# and sent back on 06-03; one other done mark (tests/fixtures/README.md)
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "schema_v6.sqlite3"
MAY = "2026-05"


@pytest.fixture
def upgraded(tmp_path: Path) -> Path:
    copy = tmp_path / "old.sqlite3"
    shutil.copyfile(FIXTURE, copy)
    conn = sqlite3.connect(copy)
    # what the encoded keys allowed and a table cannot hold: a month never started, a division
    # gone, a key of another shape (left where they are: nothing of the liaison's is dropped)
    conn.executemany("INSERT INTO deadline_done (key, done_on, note) VALUES (?, ?, '')",
                     [("dispatch_return:2026-07:1", "2026-07-20"), ("dispatch_return:2026-05:999", "2026-05-20"),
                      ("dispatch_return:2026-05:x1", "2026-05-20")])
    conn.commit()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 6
    conn.close()
    return copy


def test_step_7_moves_the_returns_into_their_table(upgraded: Path) -> None:
    ws = Workspace.open(upgraded)
    try:
        db = ws.db
        assert db.scalar("PRAGMA user_version") >= 7
        assert [tuple(r) for r in db.query("SELECT month, division_id, returned_on, note FROM form_return"
                                           " ORDER BY division_id")] == [
            (MAY, 1, "2026-05-26", "2026-05 月调度表（法规处）.xlsx（改动 0 行）"),
            (MAY, 2, "2026-05-27", "2026-05 月调度表（规划处）.xlsx（改动 0 行）")]
        assert sorted(r["key"] for r in db.query("SELECT key FROM deadline_done")) == [
            "dispatch_return:2026-05:999", "dispatch_return:2026-05:x1", "dispatch_return:2026-07:1",
            "leadership_quarterly_report:2026Q1"]
        assert db.query("PRAGMA foreign_key_check") == []
        # the 催报名单 reads the table: the two returns, 办公室 (sent back) to chase again
        returned, missing = form_returns.returned_divisions(db, MAY)
        assert [(r.name, r.returned_on) for r in returned] == [("法规处", "2026-05-26"), ("规划处", "2026-05-27")]
        assert "办公室" in [r.name for r in missing]
        assert [(e.division, e.kind, e.on) for e in sendbacks.history(db, MAY)] == [
            ("办公室", "returned", "2026-06-02"), ("办公室", "sent_back", "2026-06-03"),
            ("法规处", "returned", "2026-05-26"), ("规划处", "returned", "2026-05-27")]
        rates = {t.division: t for t in sendbacks.on_time_rates(db, 2026, date(2026, 6, 10))}
        assert (rates["法规处"].on_time, rates["办公室"].late) == (1, 1)
    finally:
        ws.close()


def test_a_moved_return_is_sent_back_undone_and_keeps_its_division(upgraded: Path) -> None:
    ws = Workspace.open(upgraded)
    try:
        changes = ws.apply("退", lambda w: sendbacks.send_back(w, MAY, 2, "补充数据", date(2026, 6, 4)))
        assert ws.db.scalar("SELECT count(*) FROM form_return WHERE division_id = 2") == 0
        assert tuple(ws.db.execute("SELECT returned_on, returned_note FROM form_sendback WHERE division_id = 2")
                     .fetchone()) == ("2026-05-27", "2026-05 月调度表（规划处）.xlsx（改动 0 行）")
        ws.undo(changes)
        assert [r.name for r in form_returns.returned_divisions(ws.db, MAY)[0]] == ["法规处", "规划处"]
        assert ws.db.scalar("SELECT count(*) FROM form_sendback WHERE division_id = 2") == 0
        # a division with a return on file is in use: retired, never deleted
        def clear(w: Writer) -> None:  # nothing else of 法规处 left: only its return keeps it
            for table in ("dispatch_row", "subtask", "liaison", "assignment"):
                for r in w.db.query(f"SELECT id FROM {table} WHERE division_id = 1"):
                    w.delete(table, r["id"])
        ws.apply("留", clear)
        with pytest.raises(InvalidInput):
            ws.apply("删", lambda w: divisions.delete_division(w, 1))
        assert ws.db.scalar("SELECT count(*) FROM form_return WHERE division_id = 1") == 1
    finally:
        ws.close()
