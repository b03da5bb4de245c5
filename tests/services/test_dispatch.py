"""The monthly dispatch service on a real database: start, fill, carry over, diff, close."""
from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from bizenv_desktop.core import dispatch as rules
from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import dispatch, plan_edit, plan_read


def start(ws: Any, month: str) -> dispatch.Month:
    ws.apply(f"开始 {month}", lambda w: dispatch.start_month(w, month))
    return dispatch.load_month(ws.db, month)


def row(m: dispatch.Month, code: str, division: str = "") -> dispatch.DispatchRow:
    return next(r for r in m.rows if r.indicator_code == code and (not division or r.division_name == division))


def fill(ws: Any, r: dispatch.DispatchRow, **fields: Any) -> None:
    ws.apply("填写", lambda w: dispatch.update_row(w, r.id, **fields))


def test_a_month_has_one_row_per_owner_division(workspace: Any) -> None:
    m = start(workspace, "2026-11")
    # 23 indicators; (8) has three responsible divisions, (13), (14) two, (17) three: 23 + 2 + 1 + 1 + 2 = 29
    assert len(m.rows) == 29
    assert [r.division_name for r in m.rows if r.indicator_code == "(8)"] == ["法规处", "规划处", "办公室"]
    assert [r.division_name for r in m.rows if r.indicator_code == "(12)"] == ["法规处"]  # cooperating: remarks only
    assert {r.status for r in m.rows} == {rules.NOT_STARTED}
    assert not m.closed and m.previous == {}


def test_sub_tasks_get_their_own_rows(workspace: Any) -> None:
    plan = plan_read.load_plan(workspace.db, 2026)
    three = next(i for i in plan.second_level() if i.code == "(3)")
    gh = next(d.id for d in plan_read.list_divisions(workspace.db) if d.name == "规划处")
    workspace.apply("子任务", lambda w: [plan_edit.add_subtask(w, three.id, "任务一", division_id=gh),
                                        plan_edit.add_subtask(w, three.id, "任务二")])
    m = start(workspace, "2026-11")
    rows = [(r.subtask_name, r.division_name) for r in m.rows if r.indicator_code == "(3)"]
    assert rows == [("任务一", "规划处"), ("任务二", "法规处")]


@pytest.mark.parametrize("figure, met", [(89.99, False), (90, True), (90.01, True)])
def test_target_met_at_the_threshold(workspace: Any, figure: float, met: bool) -> None:
    m = start(workspace, "2026-11")
    fill(workspace, row(m, "(10)"), value=figure)
    r = row(dispatch.load_month(workspace.db, "2026-11"), "(10)")
    assert (r.figure, r.target_met) == (figure, met)


@pytest.mark.parametrize("num, den, rate, met", [(8999, 10000, 89.99, False), (27, 30, 90.0, True),
                                                  (9001, 10000, 90.01, True), (69, 100, 69.0, False)])
def test_rate_from_numerator_and_denominator(workspace: Any, num: int, den: int, rate: float, met: bool) -> None:
    m = start(workspace, "2026-11")
    code = "(11)" if rate == 69.0 else "(10)"
    fill(workspace, row(m, code), numerator=num, denominator=den)
    r = row(dispatch.load_month(workspace.db, "2026-11"), code)
    assert r.figure == rate and r.target_met is met


def test_qualitative_rows_have_no_value(workspace: Any) -> None:
    m = start(workspace, "2026-11")
    r = row(m, "(1)")
    assert r.figure is None and r.target_met is None


@pytest.mark.parametrize("fields, message", [
    ({"status": "完成了"}, "状态“完成了”无效"),
    ({"numerator": "abc"}, "分子“abc”不是数字"),
    ({"numerator": 5, "denominator": 0}, "分母不能为 0"),
    ({"numerator": 120, "denominator": 100}, "不能超过 100%"),
    ({"value": 101}, "不能超过 100%"),
])
def test_bad_entries_are_refused_and_change_nothing(workspace: Any, fields: dict, message: str) -> None:
    m = start(workspace, "2026-11")
    target = row(m, "(10)")
    audit = workspace.db.scalar("SELECT count(*) FROM audit")
    with pytest.raises(InvalidInput, match=message):
        fill(workspace, target, progress="写了一半", **fields)
    assert row(dispatch.load_month(workspace.db, "2026-11"), "(10)").progress == ""
    assert workspace.db.scalar("SELECT count(*) FROM audit") == audit


def test_next_month_carries_over_and_shows_what_changed(workspace: Any) -> None:
    oct_ = start(workspace, "2026-10")
    fill(workspace, row(oct_, "(1)"), status=rules.DONE, progress="方案已公开", next_steps="无")
    fill(workspace, row(oct_, "(2)"), status=rules.IN_PROGRESS, problems="人员调整", next_steps="月底前报备")
    fill(workspace, row(oct_, "(10)"), status=rules.IN_PROGRESS, numerator=85, denominator=100)
    nov = start(workspace, "2026-11")
    one, two, ten = row(nov, "(1)"), row(nov, "(2)"), row(nov, "(10)")
    assert (one.status, one.progress) == (rules.DONE, "方案已公开")           # finished rows stay finished
    assert (two.status, two.progress, two.problems, two.next_steps) == (rules.IN_PROGRESS, "", "人员调整", "月底前报备")
    assert (ten.numerator, ten.denominator) == (85, 100)
    assert nov.diff.changes == {}  # nothing typed yet: nothing changed
    fill(workspace, two, status=rules.DONE, progress="已报备")
    fill(workspace, ten, status=rules.LATE, numerator=88)
    nov = dispatch.load_month(workspace.db, "2026-11")
    diff = nov.diff
    assert set(diff.changes[row(nov, "(2)").key].fields) == {"status", "progress"}
    assert set(diff.changes[row(nov, "(10)").key].fields) == {"status", "numerator"}
    assert [c.key for c in diff.newly_done()] == [row(nov, "(2)").key]
    assert [c.key for c in diff.newly_late()] == [row(nov, "(10)").key]
    assert len(diff.status_changed()) == 2


def test_closed_month_is_read_only_until_reopened_with_a_reason(workspace: Any) -> None:
    m = start(workspace, "2026-11")
    workspace.apply("关闭", lambda w: dispatch.close_month(w, "2026-11"))
    assert dispatch.load_month(workspace.db, "2026-11").closed
    with pytest.raises(InvalidInput, match="已关闭"):
        fill(workspace, row(m, "(1)"), progress="x")
    with pytest.raises(InvalidInput, match="必须说明原因"):
        workspace.apply("重开", lambda w: dispatch.reopen_month(w, "2026-11", "  "))
    workspace.apply("重开", lambda w: dispatch.reopen_month(w, "2026-11", "省软环境办要求补充数据"))
    m = dispatch.load_month(workspace.db, "2026-11")
    assert not m.closed and m.reopen_reason == "省软环境办要求补充数据"
    trail = workspace.db.query("SELECT field, old, new FROM audit WHERE entity = 'dispatch_month' AND field != ''")
    assert ("reopen_reason", "", "省软环境办要求补充数据") in [tuple(r) for r in trail]
    fill(workspace, row(m, "(1)"), progress="补充")


def test_month_needs_a_plan_year_and_a_valid_month(workspace: Any) -> None:
    with pytest.raises(NotFound, match="2030"):
        start(workspace, "2030-01")
    with pytest.raises(InvalidInput, match="2026-13"):
        start(workspace, "2026-13")
    start(workspace, "2026-11")
    with pytest.raises(InvalidInput, match="已经开始"):
        start(workspace, "2026-11")


def test_rows_added_to_the_plan_later_can_be_added(workspace: Any) -> None:
    m = start(workspace, "2026-11")
    first = plan_read.load_plan(workspace.db, 2026).dimensions[0].indicators[0]
    workspace.apply("新增", lambda w: plan_edit.add_indicator(w, first.dimension_id, first.id, "新指标"))
    changes = workspace.apply("补充", lambda w: dispatch.add_missing_rows(w, "2026-11"))
    assert len(dispatch.load_month(workspace.db, "2026-11").rows) == len(m.rows) + 1
    workspace.undo(changes)
    assert len(dispatch.load_month(workspace.db, "2026-11").rows) == len(m.rows)


def test_indicator_with_history_cannot_be_deleted(workspace: Any) -> None:
    m = start(workspace, "2026-11")
    with pytest.raises(InvalidInput, match="不能删除"):
        workspace.apply("删除", lambda w: plan_edit.delete_indicator(w, row(m, "(1)").indicator_id))


def test_loading_a_month_costs_the_same_few_queries_however_big(workspace: Any) -> None:
    start(workspace, "2026-10")
    start(workspace, "2026-11")
    statements: list[str] = []
    workspace.db.conn.set_trace_callback(statements.append)
    dispatch.load_month(workspace.db, "2026-11")
    workspace.db.conn.set_trace_callback(None)
    assert len(statements) == 3  # head, this month's rows, last month's rows: never one per row


def test_cli_dispatch_json(workspace: Any, db_path: Any) -> None:
    m = start(workspace, "2026-11")
    fill(workspace, row(m, "(10)"), status=rules.IN_PROGRESS, value=92.5, progress="进展", problems="问题",
         next_steps="打算")
    workspace.close()
    out = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db_path), "dispatch", "--month",
                          "2026-11", "--json"], capture_output=True, check=True)
    data = json.loads(out.stdout.decode("utf-8"))
    assert set(data) == {"month", "closed", "closed_by", "compared_with", "skipped", "compare_note", "rows"}
    assert data["month"] == "2026-11" and data["closed"] is False
    assert (data["compared_with"], data["skipped"]) == (None, [])
    ten = next(r for r in data["rows"] if r["indicator"] == "(10)")
    assert ten == {"indicator": "(10)", "indicator_name": "一网通办", "division": "法规处", "status": "推进中",
                   "progress": "进展", "problems": "问题", "next_steps": "打算", "value": 92.5, "target_met": True}
    one = next(r for r in data["rows"] if r["indicator"] == "(1)")
    assert one["value"] is None and one["target_met"] is None
    assert "一网通办".encode() in out.stdout  # UTF-8, not ASCII-escaped


def test_cli_dispatch_unknown_month_fails_clearly(workspace: Any, db_path: Any) -> None:
    workspace.close()
    out = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db_path), "dispatch", "--month",
                          "2026-02", "--json"], capture_output=True, text=True)
    assert out.returncode == 2 and "2026-02" in out.stderr


def test_last_months_rows_carry_their_figures_and_names(workspace: Any) -> None:
    oct_ = start(workspace, "2026-10")
    fill(workspace, row(oct_, "(10)"), numerator=85, denominator=100, status=rules.IN_PROGRESS)
    def link(w: Any) -> None:
        ev = w.insert("evidence", {"sha256": "a" * 64, "original_name": "a.pdf", "size": 1, "added_at": w.at,
                                   "added_by": "t"})
        w.insert("evidence_link", {"evidence_id": ev, "target_kind": "dispatch_row", "target_id": row(oct_, "(10)").id})
    workspace.apply("佐证", link)
    nov = start(workspace, "2026-11")
    before = nov.previous[row(nov, "(10)").key]
    again = row(dispatch.load_month(workspace.db, "2026-10"), "(10)")
    assert again.evidence_count == 1
    # the same row as loading October itself gives, but for the evidence count, which is not read
    assert before == dispatch.DispatchRow(**{**again.__dict__, "evidence_count": 0})
    assert before.figure == 85 and before.target is not None and before.label == again.label
    assert set(nov.previous) == {r.key for r in oct_.rows}


def test_month_heads_and_head(workspace: Any) -> None:
    assert dispatch.month_heads(workspace.db) == [] and dispatch.month_head(workspace.db, "2026-10") is None
    start(workspace, "2026-11")
    start(workspace, "2026-10")
    workspace.apply("关闭", lambda w: dispatch.close_month(w, "2026-10"))
    heads = dispatch.month_heads(workspace.db)
    assert [m for m, _closed in heads] == ["2026-10", "2026-11"]
    assert heads[0][1] is not None and heads[1][1] is None
    assert heads == [(m["month"], m["closed_at"]) for m in dispatch.list_months(workspace.db)]
    head = dispatch.month_head(workspace.db, "2026-11")
    assert head is not None and head["year"] == 2026 and head["closed_at"] is None
