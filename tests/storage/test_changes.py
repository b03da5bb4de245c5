"""Tracked writes: RowChanges, audit rows, undo/redo replay and conflicts."""
from __future__ import annotations

import getpass
import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core.errors import UndoConflict
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.storage.changes import TABLES, RowChange, Writer, current_user
from bizenv_desktop.storage.database import open_database


@pytest.fixture
def ws(db_path: Path):
    """An empty (schema only) database file."""
    ws = Workspace(open_database(db_path))
    yield ws
    ws.close()


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table in the file except the audit trail, in key order."""
    tables = [r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'"
                                     " AND name NOT LIKE 'sqlite_%' AND name <> 'audit'")]
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY rowid")] for t in sorted(tables)}


def redo_undo_redo(ws: Workspace, cs: Any, before: Any, after: Any) -> None:
    """From the undone state: redo, undo and redo again give exactly after, before, after."""
    ws.redo(cs)
    assert snapshot(ws.db) == after, "redo gives back the very same rows, ids included"
    ws.undo(cs)
    assert snapshot(ws.db) == before
    ws.redo(cs)
    assert snapshot(ws.db) == after
    assert ws.db.query("PRAGMA foreign_key_check") == []


def test_tracked_tables_exist_in_schema(ws: Workspace) -> None:
    """Every table the Writer may write is in the schema (and the audit table is not writable)."""
    tables = {r[0] for r in ws.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert TABLES <= tables, sorted(TABLES - tables)
    assert "audit" not in TABLES


def audit(db, since: int = 0) -> list[dict]:
    return [dict(r) for r in db.query("SELECT * FROM audit WHERE id > ? ORDER BY id", (since,))]


def _assert_recent(at: str) -> None:
    when = datetime.fromisoformat(at)
    assert abs(datetime.now() - when) < timedelta(minutes=1)


def test_current_user_is_the_os_user() -> None:
    assert current_user() == getpass.getuser()


def test_insert_records_change_and_audit(ws: Workspace) -> None:
    cs = ws.apply("添加处室", lambda w: w.insert("division", {"name": "法规处", "position": 1}))
    assert cs.label == "添加处室" and bool(cs)
    [change] = cs.changes
    row = dict(ws.db.query("SELECT * FROM division")[0])
    assert change == RowChange("division", row["id"], None, row)
    assert cs.created_id("division") == row["id"]
    assert cs.created_id("liaison") is None
    [a] = audit(ws.db)
    assert a["user"] == getpass.getuser()
    _assert_recent(a["at"])
    assert a["action"] == "添加处室 [insert]"
    assert (a["entity"], a["entity_id"], a["field"], a["old"]) == ("division", row["id"], "", None)
    assert json.loads(a["new"]) == row
    assert "法规处" in a["new"], "audit text is readable UTF-8, not \\u escapes"


def test_update_records_one_audit_row_per_changed_field(ws: Workspace) -> None:
    cs = ws.apply("add", lambda w: w.insert("division", {"name": "法规处", "position": 1}))
    div = cs.created_id("division")
    last = ws.db.scalar("SELECT max(id) FROM audit")
    before = dict(ws.db.query("SELECT * FROM division")[0])

    result: list[bool] = []
    cs = ws.apply("改名", lambda w: result.append(
        w.update("division", div, {"name": "政策法规处", "position": 3, "kind": "division"})))
    assert result == [True]
    after = dict(ws.db.query("SELECT * FROM division")[0])
    assert after == {**before, "name": "政策法规处", "position": 3}
    assert cs.changes == [RowChange("division", div, before, after)]
    rows = audit(ws.db, last)
    assert {(r["field"], r["old"], r["new"]) for r in rows} == {("name", "法规处", "政策法规处"),
                                                               ("position", "1", "3")}
    for r in rows:
        assert (r["entity"], r["entity_id"], r["action"]) == ("division", div, "改名 [update]")
        assert r["user"] == getpass.getuser()
        _assert_recent(r["at"])


def test_update_to_null_is_audited_as_null(ws: Workspace) -> None:
    cs = ws.apply("add", lambda w: w.insert("division", {"name": "法规处", "retired_on": "2026-01-01"}))
    div = cs.created_id("division")
    last = ws.db.scalar("SELECT max(id) FROM audit")
    ws.apply("恢复", lambda w: w.update("division", div, {"retired_on": None}))
    [r] = audit(ws.db, last)
    assert (r["field"], r["old"], r["new"]) == ("retired_on", "2026-01-01", None)


def test_update_without_real_change_records_nothing(ws: Workspace) -> None:
    cs = ws.apply("add", lambda w: w.insert("division", {"name": "法规处", "position": 1}))
    div = cs.created_id("division")
    count = ws.db.scalar("SELECT count(*) FROM audit")
    result: list[bool] = []
    cs = ws.apply("无变化", lambda w: result.extend([
        w.update("division", div, {"name": "法规处", "position": 1}),
        w.update("division", div, {}),
    ]))
    assert result == [False, False]
    assert not cs and cs.changes == []
    assert ws.db.scalar("SELECT count(*) FROM audit") == count


def test_update_of_missing_row_raises(ws: Workspace) -> None:
    with pytest.raises(KeyError):
        ws.apply("x", lambda w: w.update("division", 12345, {"name": "x"}))


def test_delete_records_change_and_audit(ws: Workspace) -> None:
    cs = ws.apply("add", lambda w: w.insert("division", {"name": "法规处"}))
    div = cs.created_id("division")
    before = dict(ws.db.query("SELECT * FROM division")[0])
    last = ws.db.scalar("SELECT max(id) FROM audit")
    cs = ws.apply("删除处室", lambda w: w.delete("division", div))
    assert cs.changes == [RowChange("division", div, before, None)]
    assert ws.db.scalar("SELECT count(*) FROM division") == 0
    [r] = audit(ws.db, last)
    assert (r["action"], r["entity"], r["entity_id"], r["field"], r["new"]) == (
        "删除处室 [delete]", "division", div, "", None)
    assert json.loads(r["old"]) == before
    # deleting a row that is not there records nothing
    cs = ws.apply("again", lambda w: w.delete("division", div))
    assert not cs


def test_plan_year_is_keyed_by_year(ws: Workspace) -> None:
    cs = ws.apply("年度", lambda w: w.insert(
        "plan_year", {"year": 2026, "title": "方案", "created_at": "2026-01-01T00:00:00"}))
    assert cs.created_id("plan_year") == 2026
    assert audit(ws.db)[0]["entity_id"] == 2026


def test_failed_action_writes_neither_rows_nor_audit(ws: Workspace) -> None:
    def action(w: Writer) -> None:
        w.insert("division", {"name": "法规处"})
        w.insert("division", {"name": "法规处"})  # UNIQUE

    with pytest.raises(sqlite3.IntegrityError):
        ws.apply("两次", action)
    assert ws.db.scalar("SELECT count(*) FROM division") == 0
    assert ws.db.scalar("SELECT count(*) FROM audit") == 0


def _seed(ws: Workspace) -> tuple[int, int]:
    def action(w: Writer) -> None:
        w.insert("plan_year", {"year": 2026, "title": "方案", "created_at": "2026-01-01T00:00:00"})
        w.insert("division", {"name": "法规处", "position": 1})
        w.insert("division", {"name": "规划处", "position": 2})
        w.insert("dimension", {"year": 2026, "code": "一", "name": "基础建设和执行协同", "position": 1})
    cs = ws.apply("seed", action)
    return cs.changes[1].row_id, cs.changes[2].row_id


def _mixed_action(ws: Workspace, a: int, b: int):
    def action(w: Writer) -> None:
        w.update("division", a, {"name": "政策法规处"})
        w.delete("division", b)
        w.insert("division", {"name": "审批办", "kind": "unit", "position": 9})
        dim = w.db.scalar("SELECT id FROM dimension")
        first = w.insert("indicator", {"dimension_id": dim, "level": 1, "code": "1", "name": "加强基础建设",
                                       "position": 1})
        second = w.insert("indicator", {"dimension_id": dim, "parent_id": first, "level": 2, "code": "(10)",
                                        "name": "一网通办", "kind": "quantitative", "target_op": ">=",
                                        "target_value": 90.0, "target_unit": "%", "position": 1})
        w.insert("assignment", {"indicator_id": second, "division_id": a, "role": "lead"})
        w.update("indicator", second, {"score": 2.5})
    return ws.apply("混合操作", action)


def test_undo_redo_round_trip_restores_exact_rows(ws: Workspace) -> None:
    a, b = _seed(ws)
    before = snapshot(ws.db)
    cs = _mixed_action(ws, a, b)
    after = snapshot(ws.db)
    assert before != after
    audit_count = ws.db.scalar("SELECT count(*) FROM audit")

    ws.undo(cs)
    assert snapshot(ws.db) == before
    undo_rows = audit(ws.db, audit_count)
    assert undo_rows and all(r["action"].startswith("撤销：混合操作") for r in undo_rows)

    redo_undo_redo(ws, cs, before, after)


def test_undo_after_conflicting_change_raises_and_changes_nothing(ws: Workspace) -> None:
    a, b = _seed(ws)
    cs = _mixed_action(ws, a, b)
    # someone edits the first row the action touched; undo walks backwards and meets it last,
    # after it has already put other rows back, so the whole undo must be rolled back
    ws.apply("再改名", lambda w: w.update("division", a, {"name": "法规与监督处"}))
    state = snapshot(ws.db)
    audit_count = ws.db.scalar("SELECT count(*) FROM audit")
    with pytest.raises(UndoConflict) as info:
        ws.undo(cs)
    assert "混合操作" in str(info.value)
    assert snapshot(ws.db) == state
    assert ws.db.scalar("SELECT count(*) FROM audit") == audit_count
    assert not ws.db.conn.in_transaction


def test_redo_after_conflicting_change_raises_and_changes_nothing(ws: Workspace) -> None:
    a, b = _seed(ws)
    cs = ws.apply("改名", lambda w: w.update("division", a, {"name": "政策法规处"}))
    ws.undo(cs)
    ws.apply("另一个改动", lambda w: w.update("division", a, {"position": 5}))
    state = snapshot(ws.db)
    with pytest.raises(UndoConflict):
        ws.redo(cs)
    assert snapshot(ws.db) == state


def test_undo_of_insert_conflicts_when_row_was_deleted_meanwhile(ws: Workspace) -> None:
    cs = ws.apply("add", lambda w: w.insert("division", {"name": "法规处"}))
    ws.apply("delete", lambda w: w.delete("division", cs.created_id("division")))
    with pytest.raises(UndoConflict):
        ws.undo(cs)


def test_redo_of_insert_conflicts_when_id_was_reused(ws: Workspace) -> None:
    cs = ws.apply("add", lambda w: w.insert("division", {"name": "法规处"}))
    div = cs.created_id("division")
    ws.undo(cs)
    ws.apply("other", lambda w: w.insert("division", {"id": div, "name": "规划处"}))
    state = snapshot(ws.db)
    with pytest.raises(UndoConflict):
        ws.redo(cs)
    assert snapshot(ws.db) == state


# -- many rows at once: insert_many / update_many ---------------------------------------------------

ITEM = {"no": "", "source": "投诉", "content": "规范涉企检查", "progress": "", "note": "", "closure_report": "",
        "accountability": "", "complaint_verified": 0, "status": "待签收", "received_on": "2024-03-01",
        "signed_on": "", "done_on": "", "reported_on": "", "closed_on": "", "deadline": "2024-06-30",
        "deadline_text": "6月底前"}


def _rows() -> list[tuple[str, list[dict]]]:
    """Rows of several shapes: every column given (images made from the values), columns left to
    their defaults and a bool for an INTEGER column (images read back from the file), keys given."""
    items = [{**ITEM, "no": f"DB-2024-{n:03d}", "content": f"事项{n}"} for n in range(1, 8)]
    items[3]["complaint_verified"] = True  # stored as 1: the image must say 1, as insert() records it
    del items[5]["note"], items[5]["deadline_text"]  # defaults
    return [("division", [{"name": f"处室{n}", "position": n} for n in range(5)] + [{"name": "分组", "kind": "group"}]),
            ("supervision_item", items[:3]), ("supervision_item", items[3:]),
            ("plan_year", [{"year": 2030, "title": "方案", "created_at": "2026-01-01T00:00:00"}])]


def _audit_without_time(db) -> list[tuple]:
    return [tuple(r)[:1] + tuple(r)[2:] for r in db.query("SELECT * FROM audit ORDER BY id")]


def _insert(ws: Workspace, many: bool) -> tuple[Any, list[Any]]:
    ids: list[Any] = []

    def action(w: Writer) -> None:
        for table, rows in _rows():
            ids.extend(w.insert_many(table, rows) if many else [w.insert(table, r) for r in rows])
        links = [{"item_id": i, "division_id": d, "role": "lead", "position": 1} for i, d in zip(ids[6:13], ids[:5])]
        ids.extend(w.insert_many("supervision_division", links) if many else [w.insert("supervision_division", r)
                                                                               for r in links])
    return ws.apply("导入", action), ids


def test_insert_many_records_what_single_inserts_record(ws: Workspace, tmp_path: Path) -> None:
    other = Workspace(open_database(tmp_path / "single.sqlite3"))
    try:
        cs_single, ids_single = _insert(other, many=False)
        cs_many, ids_many = _insert(ws, many=True)
        assert ids_many == ids_single and len(cs_many.changes) == 7 + 6 + 1 + 5
        assert cs_many.changes == cs_single.changes  # the same images, in the same order
        assert cs_many.changes[9].after["complaint_verified"] == 1
        assert cs_many.changes[11].after["note"] == "" and cs_many.changes[11].after["deadline_text"] == ""
        assert snapshot(ws.db) == snapshot(other.db)
        assert _audit_without_time(ws.db) == _audit_without_time(other.db)
    finally:
        other.close()


def test_insert_many_then_undo_restores_the_file_and_redo_brings_it_back(ws: Workspace) -> None:
    a, b = _seed(ws)
    before = snapshot(ws.db)
    cs, ids = _insert(ws, many=True)
    after = snapshot(ws.db)
    assert before != after
    ws.undo(cs)
    assert snapshot(ws.db) == before
    redo_undo_redo(ws, cs, before, after)


def test_insert_many_ids_follow_the_largest_and_given_ids_are_kept(ws: Workspace) -> None:
    ws.apply("x", lambda w: w.insert("division", {"id": 40, "name": "甲"}))
    got: list[Any] = []
    ws.apply("批量", lambda w: got.extend([
        w.insert_many("division", [{"name": "乙"}, {"name": "丙", "id": None}]),
        w.insert_many("division", [{"id": 7, "name": "丁"}, {"id": 3, "name": "戊"}]),
        w.insert_many("division", [{"name": "己"}, {"id": 90, "name": "庚"}]),  # mixed: one at a time
        w.insert_many("division", [])]))
    assert got == [[41, 42], [7, 3], [43, 90], []]
    assert [tuple(r) for r in ws.db.query("SELECT id, name FROM division ORDER BY id")] == [
        (3, "戊"), (7, "丁"), (40, "甲"), (41, "乙"), (42, "丙"), (43, "己"), (90, "庚")]


def test_a_failed_insert_many_writes_nothing(ws: Workspace) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        ws.apply("两次", lambda w: w.insert_many("division", [{"name": "法规处"}, {"name": "法规处"}]))
    assert ws.db.scalar("SELECT count(*) FROM division") == 0
    assert ws.db.scalar("SELECT count(*) FROM audit") == 0


def _update(ws: Workspace, ids: list[Any], many: bool):
    wanted = {ids[0]: {"name": "政策法规处", "position": 9}, ids[1]: {"position": 1},  # unchanged: nothing recorded
              ids[2]: {"retired_on": "2026-01-01", "kind": "unit"}, ids[3]: {"name": "规划处（新）"}}

    def action(w: Writer) -> None:
        if many:
            assert w.update_many("division", wanted) == 3
        else:
            for row_id, values in wanted.items():
                w.update("division", row_id, values)
    return ws.apply("改名", action)


def test_update_many_records_what_single_updates_record(ws: Workspace, tmp_path: Path) -> None:
    other = Workspace(open_database(tmp_path / "single.sqlite3"))
    try:
        _, ids = _insert(other, many=False)
        _insert(ws, many=True)
        single, many = _update(other, ids, many=False), _update(ws, ids, many=True)
        assert many.changes == single.changes and [c.row_id for c in many.changes] == [ids[0], ids[2], ids[3]]
        assert snapshot(ws.db) == snapshot(other.db)
        assert _audit_without_time(ws.db) == _audit_without_time(other.db)
        before = snapshot(ws.db)
        ws.undo(many)
        ws.redo(many)
        assert snapshot(ws.db) == before
    finally:
        other.close()


def test_update_many_of_a_missing_row_raises_before_writing(ws: Workspace) -> None:
    a, b = _seed(ws)
    state = snapshot(ws.db)

    def action(w: Writer) -> None:
        with pytest.raises(KeyError):
            w.update_many("division", {a: {"name": "新名"}, 12345: {"name": "x"}})
        assert not w.changes and w.get("division", a)["name"] == "法规处"
    ws.apply("x", action)
    assert snapshot(ws.db) == state


def test_update_many_images_are_what_the_file_holds(ws: Workspace) -> None:
    """A value SQLite stores otherwise (a bool in an INTEGER column) is read back, as update() does."""
    cs, ids = _insert(ws, many=True)
    a, b, c = ids[6:9]  # three items
    single = ws.apply("单个", lambda w: w.update("supervision_item", a, {"complaint_verified": True}))
    many = ws.apply("批量", lambda w: w.update_many("supervision_item", {b: {"complaint_verified": True},
                                                                           c: {"status": "办理中"}}))
    [one] = single.changes
    assert one.after["complaint_verified"] == 1 and type(one.after["complaint_verified"]) is int
    assert [type(ch.after["complaint_verified"]) for ch in many.changes] == [int, int]
    assert [ch.after for ch in many.changes] == [dict(ws.db.query("SELECT * FROM supervision_item WHERE id = ?",
                                                                  (i,))[0]) for i in (b, c)]
    assert [r["new"] for r in audit(ws.db) if r["field"] == "complaint_verified"] == ["1", "1"]


def _many_kinds(ws: Workspace) -> Any:
    """One action: 40 divisions added, 30 of them renamed or moved (two column sets), then 10
    of them deleted, and a name handed on from one row to the next (a unique column)."""
    ws.apply("起", lambda w: [w.insert("division", {"name": f"旧处{n:02d}", "position": 100 + n})
                             for n in range(3)])

    def action(w: Writer) -> None:
        ids = w.insert_many("division", [{"name": f"处室{n:02d}", "position": n} for n in range(40)])
        for n, i in enumerate(ids[:30]):
            w.update("division", i, {"name": f"改名{n:02d}"} if n % 2 else {"position": 1000 + n})
        for i in ids[30:]:
            w.delete("division", i)
        old = [r["id"] for r in w.db.query("SELECT id FROM division WHERE name LIKE '旧处%' ORDER BY id")]
        w.update("division", old[0], {"name": "过渡名"})  # 旧处00 -> 过渡名, 旧处01 -> 旧处00
        w.update("division", old[1], {"name": "旧处00"})
    return ws.apply("多种改动", action)


def test_undo_and_redo_put_runs_of_rows_back_as_one_at_a_time_would(ws: Workspace,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cs = _many_kinds(ws)
    after = snapshot(ws.db)
    mark = ws.db.scalar("SELECT max(id) FROM audit")
    ws.undo(cs)
    undone = snapshot(ws.db)
    ws.redo(cs)
    assert snapshot(ws.db) == after
    batched = [(r["action"], r["entity"], r["entity_id"], r["field"], r["old"], r["new"])
               for r in audit(ws.db, mark)]
    # the same, one row at a time
    monkeypatch.setattr(Writer, "_replay_run", lambda self, label, table, kind, run, undo: [
        self._replay_one(label, c, undo) for c in run])
    mark = ws.db.scalar("SELECT max(id) FROM audit")
    ws.undo(cs)
    assert snapshot(ws.db) == undone
    ws.redo(cs)
    assert snapshot(ws.db) == after
    single = [(r["action"], r["entity"], r["entity_id"], r["field"], r["old"], r["new"])
              for r in audit(ws.db, mark)]
    assert batched == single and len(batched) > 80
    assert [r[1] for r in undone["division"]] == ["旧处00", "旧处01", "旧处02"]  # as before the action


def test_a_batched_undo_meeting_a_changed_row_changes_nothing(ws: Workspace) -> None:
    cs = _many_kinds(ws)
    ids = [c.row_id for c in cs.changes if c.before is None and c.after is not None]
    ws.apply("别人改了一行", lambda w: w.update("division", ids[20], {"kind": "unit"}))
    state, count = snapshot(ws.db), ws.db.scalar("SELECT count(*) FROM audit")
    with pytest.raises(UndoConflict, match=f"division {ids[20]}"):
        ws.undo(cs)
    assert snapshot(ws.db) == state and ws.db.scalar("SELECT count(*) FROM audit") == count


def test_real_columns_read_back_as_the_file_holds_them(ws: Workspace) -> None:
    """A float goes into a STRICT REAL column as it is, but an int comes back a float, -0.0 as 0.0
    and NaN as NULL: insert_many's and update_many's images are what SELECT gives, as insert()'s."""
    ws.apply("年度", lambda w: w.insert("plan_year", {"year": 2030, "title": "方案", "created_at": "2026-01-01T00:00:00"}))
    dim = ws.apply("维度", lambda w: w.insert("dimension", {"year": 2030, "name": "维度", "position": 1})).changes[0].row_id
    values = [12.5, 3, -0.0, float("nan"), None]
    rows = [{"dimension_id": dim, "level": 1, "name": f"指标{n}", "score": v, "position": 90 + n}
            for n, v in enumerate(values)]
    cs = ws.apply("批量", lambda w: w.insert_many("indicator", rows))
    stored = [ws.db.scalar("SELECT score FROM indicator WHERE id = ?", (c.row_id,)) for c in cs.changes]
    assert [c.after["score"] for c in cs.changes] == stored == [12.5, 3.0, 0.0, None, None]
    assert [type(c.after["score"]) for c in cs.changes][:3] == [float, float, float]
    assert str(cs.changes[2].after["score"]) == "0.0"
    updates = {c.row_id: {"score": v} for c, v in zip(cs.changes, [-0.0, 7, 2.25, float("nan"), 1.5])}
    cs = ws.apply("批量改", lambda w: w.update_many("indicator", updates))
    assert [c.after for c in cs.changes] == [dict(ws.db.query("SELECT * FROM indicator WHERE id = ?", (c.row_id,))[0])
                                             for c in cs.changes]


def test_columns_left_out_get_their_defaults_in_the_image_without_reading_back(ws: Workspace) -> None:
    """insert_many of rows that leave out columns with a literal default (code '', kind
    'qualitative', target_op NULL …): the images are what SELECT * gives, made without a SELECT."""
    ws.apply("年度", lambda w: w.insert("plan_year", {"year": 2030, "title": "方案", "created_at": "2026-01-01T00:00:00"}))
    dim = ws.apply("维度", lambda w: w.insert("dimension", {"year": 2030, "name": "维度", "position": 1})).changes[0].row_id
    rows = [{"dimension_id": dim, "level": 1, "name": f"指标{n}", "position": n} for n in range(5)]
    statements: list[str] = []
    ws.db.conn.set_trace_callback(statements.append)
    cs = ws.apply("批量", lambda w: w.insert_many("indicator", rows))
    ws.db.conn.set_trace_callback(None)
    assert [c.after for c in cs.changes] == [dict(r) for r in ws.db.query("SELECT * FROM indicator ORDER BY id")]
    assert cs.changes[0].after["kind"] == "qualitative" and cs.changes[0].after["target_op"] is None
    assert list(cs.changes[0].after) == [r["name"] for r in ws.db.query("PRAGMA table_info(indicator)")]
    assert not [s for s in statements if s.startswith("SELECT * FROM indicator")]
