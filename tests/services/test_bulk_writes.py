"""Every multi-row action written in bulk (storage.batch, Writer.insert_many / update_many /
delete_many) against the same action written row by row (`with row_by_row():`, one
Writer.insert / update / delete per row): on two copies of one real database file, the same
new ids, the same RowChanges, the same audit rows, the same rows in every table, and undo and
redo that put both files back the same way."""
from __future__ import annotations

import re
import sqlite3
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook

from bizenv_desktop.services import dispatch, divisions, forms, years
from bizenv_desktop.services.builtin_plan import install_builtin_plan
from bizenv_desktop.services.excel.indicator_import import apply_import, read_indicator_table
from bizenv_desktop.services.plan_doc import read_plan_text
from bizenv_desktop.services.plan_import import apply_plan_import
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.storage.batch import Batch, row_by_row
from bizenv_desktop.storage.changes import ChangeSet, Writer


def take_snapshot(db: Any, with_audit: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (the audit trail too with with_audit)."""
    tables = [r[0] for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table'"
                                     " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: [tuple(r) for r in db.query(f"SELECT * FROM {t} ORDER BY rowid")]
            for t in tables if with_audit or t != "audit"}

_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")  # when the action ran: differs between the two runs
Action = Callable[[Writer], Any]


def _same(value: Any) -> Any:
    if isinstance(value, str):
        return _STAMP.sub("T", value)
    if isinstance(value, dict):
        return tuple(sorted((k, _same(v)) for k, v in value.items()))
    return value


def _changes(cs: ChangeSet) -> Counter[tuple[Any, ...]]:
    return Counter((c.table, c.row_id, _same(c.before), _same(c.after)) for c in cs.changes)


def _created(cs: ChangeSet) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for c in cs.changes:
        if c.before is None:
            out.setdefault(c.table, []).append(c.row_id)
    return out


def _audit(ws: Workspace, after: int) -> Counter[tuple[Any, ...]]:
    return Counter(tuple(_same(v) for v in r) for r in ws.db.query(
        "SELECT user, action, entity, entity_id, field, old, new FROM audit WHERE id > ?", (after,)))


def _rows(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    return {t: [tuple(_same(v) for v in r) for r in rows] for t, rows in take_snapshot(ws.db).items()}


class Twins:
    """Two workspaces on copies of one file: `bulk` and `rows` (the row-by-row reference)."""

    def __init__(self, tmp_path: Path, prepare: Callable[[Workspace], Any] | None = None) -> None:
        base = open_workspace(tmp_path / "base.sqlite3", first_year=2026)
        if prepare is not None:
            prepare(base)
        self.bulk, self.rows = (self._copy(base, tmp_path / name) for name in ("bulk.sqlite3", "rows.sqlite3"))
        base.close()
        self.statements: list[str] = []

    @staticmethod
    def _copy(ws: Workspace, path: Path) -> Workspace:
        target = sqlite3.connect(path)
        ws.db.conn.backup(target)
        target.close()
        return Workspace.open(path)

    def close(self) -> None:
        self.bulk.close()
        self.rows.close()

    def compare(self, label: str, action: Action, writes: bool = True) -> ChangeSet:
        """Run action on both (row by row on `rows`) and check they did the same; then undo
        and redo both and check again. Returns the bulk ChangeSet."""
        start = [ws.db.scalar("SELECT coalesce(max(id), 0) FROM audit") for ws in (self.bulk, self.rows)]
        before = _rows(self.bulk)
        assert _rows(self.rows) == before
        self.bulk.db.conn.set_trace_callback(self.statements.append)
        bulk = self.bulk.apply(label, action)
        self.bulk.db.conn.set_trace_callback(None)
        with row_by_row():
            one_by_one = self.rows.apply(label, action)
        assert bool(bulk) is writes
        assert _created(bulk) == _created(one_by_one)                       # the same new ids, table by table
        assert _changes(bulk) == _changes(one_by_one)                       # the same RowChanges
        assert _audit(self.bulk, start[0]) == _audit(self.rows, start[1])   # the same audit rows
        after = _rows(self.bulk)
        assert after == _rows(self.rows) and (after != before) is writes
        for ws, cs in ((self.bulk, bulk), (self.rows, one_by_one)):
            ws.undo(cs)
        assert _rows(self.bulk) == _rows(self.rows) == before
        for ws, cs in ((self.bulk, bulk), (self.rows, one_by_one)):
            ws.redo(cs)
        assert _rows(self.bulk) == _rows(self.rows) == after
        assert _audit(self.bulk, start[0]) == _audit(self.rows, start[1])   # undo's and redo's too
        return bulk

    def single_row_reads(self, table: str) -> int:
        """How many times the bulk run read back one row of table (what insert() and update() do)."""
        return sum(1 for s in self.statements if s.startswith(f"SELECT * FROM {table} WHERE id = "))


@pytest.fixture
def twins(tmp_path: Path) -> Any:
    made: list[Twins] = []

    def make(prepare: Callable[[Workspace], Any] | None = None) -> Twins:
        made.append(Twins(tmp_path, prepare))
        return made[-1]
    yield make
    for t in made:
        t.close()


# -- the batch itself -------------------------------------------------------------------------

def test_batch_gives_the_ids_sqlite_gives_and_writes_parents_first(workspace: Workspace) -> None:
    top = workspace.db.scalar("SELECT max(id) FROM indicator")

    def action(w: Writer) -> None:
        b = Batch(w)
        b.insert("plan_year", {"year": 2040, "title": "t", "office": "", "created_at": "2026-01-01T00:00:00"})
        # given children first: the batch still writes dimension, then indicator, then subtask
        dim = b.insert("dimension", {"year": 2040, "code": "一", "name": "维度", "position": 1})
        first = b.insert("indicator", {"dimension_id": dim, "level": 1, "name": "一级", "position": 1})
        second = b.insert("indicator", {"dimension_id": dim, "parent_id": first, "level": 2, "name": "二级",
                                        "position": 1})
        b.insert("subtask", {"indicator_id": second, "name": "子任务", "position": 1})
        b.update("indicator", second, {"criteria": "后改的"})          # a row of the batch: written once
        assert (first, second) == (top + 1, top + 2)
        assert workspace.db.scalar("SELECT count(*) FROM dimension WHERE year = 2040") == 0  # nothing yet
        b.flush()
    cs = workspace.apply("批量", action)
    assert [c.table for c in cs.changes] == ["plan_year", "dimension", "indicator", "indicator", "subtask"]
    assert workspace.db.scalar("SELECT criteria FROM indicator WHERE id = ?", (top + 2,)) == "后改的"
    workspace.undo(cs)
    assert workspace.db.scalar("SELECT count(*) FROM indicator WHERE id > ?", (top,)) == 0
    workspace.redo(cs)
    assert workspace.db.scalar("SELECT count(*) FROM indicator WHERE id > ?", (top,)) == 2


def test_batch_refuses_ids_taken_meanwhile_and_writes_nothing(workspace: Workspace) -> None:
    before = take_snapshot(workspace.db, with_audit=True)

    def action(w: Writer) -> None:
        b = Batch(w)
        b.insert("division", {"name": "批量处", "kind": "division", "position": 99})
        w.insert("division", {"name": "直接处", "kind": "division", "position": 100})  # against the rule
        b.flush()
    with pytest.raises((AssertionError, sqlite3.IntegrityError)):
        workspace.apply("批量", action)
    assert take_snapshot(workspace.db, with_audit=True) == before


def test_delete_many_is_delete_of_each(twins: Any) -> None:
    t = twins()
    ids = [r[0] for r in t.bulk.db.query("SELECT id FROM assignment ORDER BY id LIMIT 9")]
    from bizenv_desktop.storage.batch import delete_rows

    t.compare("删除", lambda w: delete_rows(w, "assignment", [*ids, 10 ** 9]))  # a missing id is skipped


# -- the multi-row actions --------------------------------------------------------------------

def _indicator_table(path: Path, firsts: int, seconds: int, changed: bool = False) -> Path:
    """A task-assignment table as offices send it: title, header, first levels merged over their rows,
    units with lead and cooperating divisions, sub-tasks with persons and deadlines."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2027年度营商环境考核评价指标及任务分工表"])
    ws.append(["序号", "维度", "一级指标", "二级指标", "考评内容及标准", "分值", "牵头处室", "配合处室", "完成时限"])
    units = ["法规处", "规划处", "审批办", "诚信处", "办公室", "机关党委", "新设的数据处"]
    n = 0
    for f in range(firsts):
        top = ws.max_row + 1
        for _s in range(seconds):
            n += 1
            text = f"按要求完成第 {n} 项工作，材料齐全{'（修订）' if changed and n % 3 == 0 else ''}。"
            ws.append([n, f"{'一二'[f % 2]}、维度{f % 2 + 1}", f"{f + 1}.一级指标{f + 1}", f"（{n}）二级指标{n}", text,
                       (n % 4) + 1, units[n % 7], "、".join(units[(n + 1) % 7:(n + 1) % 7 + n % 3]),
                       ["6月底前", "年底前", "持续推进", ""][n % 4]])
        ws.merge_cells(start_row=top, start_column=3, end_row=ws.max_row, end_column=3)
    wb.save(path)
    return path


def test_indicator_table_import_in_bulk_is_row_by_row(twins: Any, tmp_path: Path) -> None:
    t = twins()
    new = read_indicator_table(_indicator_table(tmp_path / "new.xlsx", 6, 20))
    cs = t.compare("导入指标表", lambda w: apply_import(w, 2027, new))
    made = _created(cs)
    assert len(made["indicator"]) == 126 and len(made["assignment"]) > 120 and "division" in made
    assert t.single_row_reads("indicator") == 0 and t.single_row_reads("assignment") == 0
    # the same table with changed texts into the year it made: updates, in bulk too
    t.statements.clear()
    again = read_indicator_table(_indicator_table(tmp_path / "changed.xlsx", 6, 20, changed=True))
    cs = t.compare("再导入", lambda w: apply_import(w, 2027, again))
    assert {c.table for c in cs.changes} == {"indicator"} and len(cs.changes) == 40
    assert t.single_row_reads("indicator") == 0


def test_indicator_import_into_the_builtin_year_updates_and_adds(twins: Any, tmp_path: Path) -> None:
    rows = [["二级指标", "考评内容及标准", "牵头处室", "配合处室"],
            ["（9）数据共享", "完成行业信用信息数据归集和共享工作", "规划处", "诚信处"],
            ["（24）新增指标", "新内容。", "新设处", None]]
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "u.xlsx")
    t = twins()
    pv = read_indicator_table(tmp_path / "u.xlsx")
    cs = t.compare("导入", lambda w: apply_import(w, 2026, pv))
    assert {c.table for c in cs.changes} == {"indicator", "assignment", "division"}


def test_new_year_from_the_previous_in_bulk_is_row_by_row(twins: Any) -> None:
    def prepare(ws: Workspace) -> None:  # a sub-task and a retired division, which the copy leaves out
        from bizenv_desktop.services.plan_edit import add_subtask

        ind = ws.db.scalar("SELECT id FROM indicator WHERE code = '(3)'")
        ws.apply("子任务", lambda w: add_subtask(w, ind, "细化分解任务", person="张三", deadline="2026-03-31"))
        ws.apply("停用", lambda w: divisions.retire_division(
            w, w.db.scalar("SELECT id FROM division WHERE name = '诚信处'")))
    t = twins(prepare)
    skipped: list[int] = []
    cs = t.compare("新建年度", lambda w: skipped.append(years.create_year_from(w, 2026, 2027)))
    assert skipped[0] > 0 and len(_created(cs)["indicator"]) == 29 and len(_created(cs)["subtask"]) == 1
    assert t.single_row_reads("indicator") == 0


def test_builtin_plan_in_bulk_is_row_by_row(twins: Any) -> None:
    t = twins()
    cs = t.compare("内置方案", lambda w: install_builtin_plan(w, 2030))
    assert len(_created(cs)["indicator"]) == 29 and "division" not in _created(cs)  # divisions exist
    assert t.single_row_reads("indicator") == 0


def test_dispatch_month_start_in_bulk_is_row_by_row(twins: Any) -> None:
    def prepare(ws: Workspace) -> None:  # April filled in part: May carries it over
        ws.apply("s", lambda w: dispatch.start_month(w, "2026-04"))
        row = dispatch.load_month(ws.db, "2026-04").rows[0]
        ws.apply("f", lambda w: dispatch.update_row(w, row.id, status="已完成", progress="四月完成"))
    t = twins(prepare)
    cs = t.compare("开始本月", lambda w: dispatch.start_month(w, "2026-05"))
    assert len(_created(cs)["dispatch_row"]) > 20
    assert t.single_row_reads("dispatch_row") == 0


def _fill(path: Path, values: dict[str, str]) -> Path:
    """As a division would: every row's 本月进展 and 完成状态 (columns found by their headers)."""
    wb = openpyxl.load_workbook(path)
    ws = wb[forms.SHEET]
    head = {str(c.value): c.column for c in ws[forms.HEAD] if c.value}
    for r in range(forms.HEAD + 1, ws.max_row + 1):
        if ws.cell(r, head["本月进展"]).protection.locked:
            continue  # a row this division only cooperates on
        for column, value in values.items():
            ws.cell(r, head[column]).value = f"{value}{r}" if column == "本月进展" else value
    wb.save(path)
    return path


def test_forms_collect_apply_in_bulk_is_row_by_row(twins: Any, tmp_path: Path) -> None:
    def prepare(ws: Workspace) -> None:
        ws.apply("s", lambda w: dispatch.start_month(w, "2026-05"))
    t = twins(prepare)
    [made] = [p for p in forms.make_forms(t.bulk.db, "2026-05", tmp_path / "out", date(2026, 5, 20))
              if "法规处" in p.name]
    filled = _fill(made, {"本月进展": "五月推进第", "完成状态": "推进中"})
    [preview] = forms.collect_preview(t.bulk.db, [filled], "2026-05")
    assert preview.ok and len(preview.changes) > 5
    cs = t.compare("收回调度表", lambda w: forms.apply_form(w, w.db, preview.form, "2026-05", date(2026, 5, 25)))
    assert sum(1 for c in cs.changes if c.table == "dispatch_row") == len(preview.changes)
    assert t.single_row_reads("dispatch_row") == 0


def test_dispatch_rows_in_bulk_keep_update_rows_checks(workspace: Workspace) -> None:
    from bizenv_desktop.core.errors import InvalidInput

    workspace.apply("s", lambda w: dispatch.start_month(w, "2026-05"))
    rows = dispatch.load_month(workspace.db, "2026-05").rows
    before = take_snapshot(workspace.db, with_audit=True)
    bad = {rows[0].id: {"status": "推进中"}, rows[1].id: {"denominator": "0"}}
    with pytest.raises(InvalidInput):
        workspace.apply("收回", lambda w: dispatch.update_rows(w, bad))
    assert take_snapshot(workspace.db, with_audit=True) == before  # the good row is not written either


def test_plan_document_import_in_bulk_is_row_by_row(twins: Any) -> None:
    from importlib import resources

    text = resources.files("bizenv_desktop.data").joinpath("builtin_plan_source.txt").read_text(encoding="utf-8")
    plan = read_plan_text(text)
    t = twins()
    cs = t.compare("导入方案", lambda w: apply_plan_import(w, plan, 2031))
    assert len(_created(cs)["indicator"]) == 29
    assert t.single_row_reads("indicator") == 0


def test_division_merge_in_bulk_is_row_by_row(twins: Any) -> None:
    t = twins()
    source, target = (t.bulk.db.scalar("SELECT id FROM division WHERE name = ?", (n,)) for n in ("办公室", "法规处"))
    cs = t.compare("合并", lambda w: divisions.merge_divisions(w, source, target))
    kinds = Counter((c.table, c.before is None, c.after is None) for c in cs.changes)
    assert kinds[("assignment", False, False)] > 0 and kinds[("assignment", False, True)] > 0  # moved and dropped


def test_year_deletion_in_bulk_is_row_by_row(twins: Any) -> None:
    t = twins(lambda ws: ws.apply("新建", lambda w: years.create_year_from(w, 2026, 2027)))
    cs = t.compare("删除年度", lambda w: years.delete_year(w, 2027))
    assert all(c.after is None for c in cs.changes) and len(cs.changes) > 60  # nothing renumbered on the way
    assert t.single_row_reads("indicator") == 0


def test_plan_document_replacing_a_year_in_bulk_is_row_by_row(twins: Any) -> None:
    from importlib import resources

    text = resources.files("bizenv_desktop.data").joinpath("builtin_plan_source.txt").read_text(encoding="utf-8")
    plan = read_plan_text(text)

    def prepare(ws: Workspace) -> None:  # the year replaced differs from the document by a sub-task
        from bizenv_desktop.services.plan_edit import add_subtask

        ind = ws.db.scalar("SELECT id FROM indicator WHERE code = '(3)'")
        ws.apply("子任务", lambda w: add_subtask(w, ind, "细化分解任务", person="张三"))
    t = twins(prepare)
    cs = t.compare("导入方案", lambda w: apply_plan_import(w, plan, 2026, replace=True))
    kinds = Counter((c.table, c.before is None) for c in cs.changes)
    assert kinds[("indicator", True)] == kinds[("indicator", False)] == 29  # all gone, all made again


def test_batch_rows_handed_over_are_held_once_and_never_an_undo_image(workspace: Workspace) -> None:
    """Batch.insert(owned=True) keeps the caller's dict (an import's rows are held once): the batch
    sets the id in it, a change before the flush goes in; the undo image is a copy of its own, in the
    table's order, whether the row was given whole or completed with defaults."""
    top = workspace.db.scalar("SELECT max(id) FROM division")
    part = {"name": "交出的处", "kind": "division"}                        # position: its default
    whole = {"name": "整行的处", "kind": "unit", "retired_on": None, "merged_into": None, "position": 7}

    def action(w: Writer) -> None:
        b = Batch(w)
        assert b.insert("division", part, owned=True) == part["id"] == top + 1
        assert b.insert("division", whole, owned=True) == whole["id"] == top + 2
        part["kind"] = "group"  # changed before the flush: written so
        b.flush()
    cs = workspace.apply("交出", action)
    part["name"], whole["name"] = "改了", "也改了"  # the caller's dicts, changed after: no undo image changes
    stored = {r["id"]: dict(r) for r in workspace.db.query("SELECT * FROM division WHERE id > ?", (top,))}
    assert [c.after for c in cs.changes] == [stored[top + 1], stored[top + 2]]
    assert [list(c.after or {}) for c in cs.changes] == [list(stored[top + 1])] * 2  # the table's order
    assert stored[top + 1]["kind"] == "group" and stored[top + 1]["position"] == 0
    assert all(c.after is not part and c.after is not whole for c in cs.changes)
    workspace.undo(cs)
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE id > ?", (top,)) == 0
