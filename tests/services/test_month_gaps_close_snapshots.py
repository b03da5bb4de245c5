"""Dispatch over a skipped month (carry-forward and 'what changed' from the last month dispatched,
saying which), closing a month on its own N working days after its deadline, and quarter
snapshots compared with now."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import auto_close, dispatch, rankings, settings_store, snapshots, supervision


def row(ws: Any, month: str, code: str) -> dispatch.DispatchRow:
    return next(r for r in dispatch.load_month(ws.db, month).rows if r.indicator_code == code)


def start(ws: Any, month: str) -> None:
    ws.apply("s", lambda w: dispatch.start_month(w, month))


def test_a_skipped_month_carries_forward_from_the_last_one_dispatched(workspace: Any) -> None:
    start(workspace, "2026-02")
    workspace.apply("f", lambda w: dispatch.update_row(w, row(workspace, "2026-02", "(10)").id, status="推进中",
                                                      problems="系统对接未完成", numerator=80, denominator=100))
    start(workspace, "2026-04")  # no March
    april = dispatch.load_month(workspace.db, "2026-04")
    ten = row(workspace, "2026-04", "(10)")
    assert (ten.status, ten.problems, ten.numerator, ten.denominator) == ("推进中", "系统对接未完成", 80, 100)
    assert (april.previous_month, april.skipped) == ("2026-02", ["2026-03"])
    assert april.compare_note == "与 2026-02 比较（2026-03 未调度）"
    assert ten.key in april.previous and ten.key not in april.diff.changes  # nothing changed since February
    workspace.apply("f", lambda w: dispatch.update_row(w, ten.id, status="已完成"))
    april = dispatch.load_month(workspace.db, "2026-04")
    assert april.diff.changes[ten.key].old_status == "推进中" and april.diff.changes[ten.key].newly_done
    start(workspace, "2026-05")
    assert dispatch.load_month(workspace.db, "2026-05").compare_note == "与上月（2026-04）比较"
    assert dispatch.month_json(dispatch.load_month(workspace.db, "2026-04"))["skipped"] == ["2026-03"]
    from bizenv_desktop.core import messages
    messages.set_language("en")
    try:
        assert april.compare_note == "Compared with 2026-02 (2026-03 not dispatched)"
    finally:
        messages.set_language("zh")


def test_auto_close_after_n_working_days(workspace: Any) -> None:
    start(workspace, "2026-04")
    start(workspace, "2026-05")
    # off by default
    assert auto_close.due_months(workspace.db, date(2026, 12, 1)) == []
    workspace.apply("设", lambda w: settings_store.set_setting(w, "dispatch.auto_close_workdays", 5))
    # April's deadline is Thursday 30 April; 5 working days after it (劳动节 5-1…5-5 off, 5-9 worked) is 5-11
    assert auto_close.due_months(workspace.db, date(2026, 5, 8)) == []
    assert auto_close.due_months(workspace.db, date(2026, 5, 11)) == ["2026-04"]
    changes = workspace.apply("自动关闭", lambda w: auto_close.close_due(w, date(2026, 5, 11)))
    workspace.undo(changes)  # one undoable action
    assert not dispatch.load_month(workspace.db, "2026-04").closed
    workspace.redo(changes)
    april = dispatch.load_month(workspace.db, "2026-04")
    assert april.closed and april.closed_by == "auto" and not dispatch.load_month(workspace.db, "2026-05").closed
    with pytest.raises(InvalidInput, match="已关闭"):
        workspace.apply("f", lambda w: dispatch.update_row(w, row(workspace, "2026-04", "(1)").id, progress="x"))
    # reopened with a reason, as today: an exception, it stays open
    workspace.apply("开", lambda w: dispatch.reopen_month(w, "2026-04", "补报审批办数据"))
    assert auto_close.due_months(workspace.db, date(2026, 7, 1)) == ["2026-05"]


def test_closing_a_quarter_keeps_a_snapshot_that_later_views_compare_with(workspace: Any, ind: Any) -> None:
    for m in ("2026-01", "2026-02", "2026-03"):
        start(workspace, m)
    item = []
    workspace.apply("督", lambda w: item.append(supervision.add_item(w, "一季度督办", received_on="2026-02-01",
                                                                      deadline="2026-04-30")))
    workspace.apply("排", lambda w: rankings.set_ranking(w, ind("(7)"), 8, 40))
    workspace.apply("f", lambda w: dispatch.update_row(w, row(workspace, "2026-03", "(10)").id, status="推进中"))
    workspace.apply("关", lambda w: dispatch.close_month(w, "2026-01"))
    assert snapshots.list_snapshots(workspace.db) == []  # not a quarter's last month
    workspace.apply("关", lambda w: dispatch.close_month(w, "2026-03"))
    [(snap_id, period, _at)] = snapshots.list_snapshots(workspace.db)
    assert period == "2026Q1"
    assert snapshots.compare(workspace.db, "2026Q1").differences == []
    # later: March reopened and changed, the item moved on, the ranking revised
    workspace.apply("开", lambda w: dispatch.reopen_month(w, "2026-03", "补充数据"))
    workspace.apply("f", lambda w: dispatch.update_row(w, row(workspace, "2026-03", "(10)").id, status="已完成"))
    workspace.apply("督", lambda w: supervision.advance(w, item[0], on="2026-04-02"))
    workspace.apply("排", lambda w: rankings.set_ranking(w, ind("(7)"), 6, 40))
    diff = snapshots.compare(workspace.db, "2026q1")
    got = {(d.area, d.field): (d.before, d.after) for d in diff.differences}
    assert got[("dispatch", "status")] == ("推进中", "已完成")
    assert got[("supervision", "status")] == ("待签收", "办理中")
    assert got[("ranking", "rank")] == (8, 6)
    assert next(d.label for d in diff.differences if d.area == "dispatch").startswith("2026-03 (10)")
    assert snapshots.compare(workspace.db, "2026Q1", snap_id).as_json()["period"] == "2026Q1"
    with pytest.raises(NotFound, match="2026Q2"):
        snapshots.compare(workspace.db, "2026Q2")
    with pytest.raises(InvalidInput, match="季度"):
        snapshots.compare(workspace.db, "2026-03")
    # undoing the close takes its snapshot away too
    changes = workspace.apply("关", lambda w: dispatch.close_month(w, "2026-03"))
    assert len(snapshots.list_snapshots(workspace.db, "2026Q1")) == 2
    workspace.undo(changes)
    assert len(snapshots.list_snapshots(workspace.db, "2026Q1")) == 1
