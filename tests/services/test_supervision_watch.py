"""Supervision as 督查督办 systems do it: items linked to indicators, warning levels 黄/红 a
configurable number of working days before the deadline, 催办 records, the stricter rules (no
deadline before the date received, 已办结 needs its 办结报告), reported and closed items off
the pending lists."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import dashboard, deadlines, supervision, supervision_links, supervision_watch as sw


def run(ws: Any, fn: Any) -> Any:
    out: list[Any] = []
    ws.apply("t", lambda w: out.append(fn(w)))
    return out[0]


def add(ws: Any, content: str = "落实省软环境办督办事项", **kw: Any) -> int:
    kw.setdefault("received_on", "2026-06-01")
    return run(ws, lambda w: supervision.add_item(w, content, **kw))


def test_items_are_linked_to_indicators(workspace: Any, ind: Any) -> None:
    a = add(workspace, indicators=[ind("(17)")])
    run(workspace, lambda w: supervision_links.set_indicators(w, a, [ind("(17)"), ind("(5)")]))
    assert supervision_links.indicators_of(workspace.db, [a]) == {a: [(ind("(17)"), "(17)"), (ind("(5)"), "(5)")]}
    assert supervision_links.items_of_indicator(workspace.db, ind("(5)")) == [a]
    first = workspace.db.scalar("SELECT id FROM indicator WHERE level = 1 LIMIT 1")
    with pytest.raises(InvalidInput, match="一级指标"):
        run(workspace, lambda w: supervision_links.set_indicators(w, a, [first]))
    run(workspace, lambda w: supervision_links.set_indicators(w, a, []))
    assert supervision_links.indicators_of(workspace.db, [a]) == {}


def test_warning_levels_follow_the_working_days_left(workspace: Any) -> None:
    # today Monday 2026-06-15; yellow at 5 working days, red at 2 (the defaults)
    today = date(2026, 6, 15)
    ids = {name: add(workspace, name, deadline=deadline) for name, deadline in (
        ("far", "2026-06-30"), ("yellow", "2026-06-22"), ("red", "2026-06-17"), ("late", "2026-06-12"),
        ("none", ""))}
    watch = sw.watch(workspace.db, today)
    assert {n: watch[i].level for n, i in ids.items()} == {"far": "", "yellow": "黄", "red": "红", "late": "红",
                                                           "none": ""}
    assert watch[ids["yellow"]].workdays_left == 4 and watch[ids["late"]].workdays_left == -1
    # 端午 (6-19) is off in 2026: 6-22 is 4 working days away, not 5
    run(workspace, lambda w: sw.set_levels(w, 8, 4))  # far: 10 working days away
    watch = sw.watch(workspace.db, today)
    assert (watch[ids["far"]].level, watch[ids["yellow"]].level) == ("", "红")
    with pytest.raises(InvalidInput, match="红色须少于黄色"):
        run(workspace, lambda w: sw.set_levels(w, 2, 3))
    # an item done is no longer warned about
    run(workspace, lambda w: supervision.advance(w, ids["late"], "已办结", "2026-06-15", "已完成整改"))
    assert sw.watch(workspace.db, today)[ids["late"]].level == ""
    # the 待办 list carries the same warning
    report = deadlines.due_report(workspace.db, today, 30)
    levels = {i["title"].split("：")[1]: i["warning"] for i in report["items"] if i["kind"] == "supervision"}
    assert levels == {"far": None, "yellow": "红", "red": "红", "late": None}


def test_reminders_are_recorded_and_counted(workspace: Any, div: Any) -> None:
    a = add(workspace, deadline="2026-06-30", lead=[div("法规处")])
    run(workspace, lambda w: sw.add_reminder(w, a, "2026-06-20", div("法规处"), "张科长", "电话", "请于月底前报送"))
    run(workspace, lambda w: sw.add_reminder(w, a, "2026-06-25", div("法规处"), method="催办单"))
    got = sw.reminders(workspace.db, a)
    assert [(r.date, r.division, r.recipient, r.method) for r in got] == [
        ("2026-06-20", "法规处", "张科长", "电话"), ("2026-06-25", "法规处", "", "催办单")]
    assert sw.watch(workspace.db, date(2026, 6, 26))[a].reminders == 2
    assert [r.item_no for r in sw.reminders(workspace.db, division_id=div("法规处"))] == [got[0].item_no] * 2
    run(workspace, lambda w: sw.delete_reminder(w, got[0].id))
    assert sw.watch(workspace.db, date(2026, 6, 26))[a].reminders == 1
    with pytest.raises(InvalidInput, match="催办日期"):
        run(workspace, lambda w: sw.add_reminder(w, a, "6月20日"))
    run(workspace, lambda w: supervision.advance(w, a, "已报结", "2026-06-28", "已按期办结并报结"))
    with pytest.raises(InvalidInput, match="无需再催办"):
        run(workspace, lambda w: sw.add_reminder(w, a))


def test_a_deadline_before_the_date_received_is_refused(workspace: Any, snapshot: Any) -> None:
    before = snapshot()
    with pytest.raises(InvalidInput, match=r"办结时限（2026-05-31）不能早于交办日期（2026-06-01）") as err:
        add(workspace, deadline="2026-05-31")
    assert "cannot be earlier than the date received" in err.value.text("en")
    assert snapshot() == before
    a = add(workspace, deadline="2026-06-30")
    with pytest.raises(InvalidInput, match="不能早于交办日期"):
        run(workspace, lambda w: supervision.update_item(w, a, received_on="2026-07-01"))
    with pytest.raises(InvalidInput, match="不能早于交办日期"):
        run(workspace, lambda w: supervision.update_item(w, a, deadline="2026-05-01"))


def test_done_needs_its_closure_report_at_that_step(workspace: Any) -> None:
    a = add(workspace)
    run(workspace, lambda w: supervision.advance(w, a, on="2026-06-02"))
    with pytest.raises(InvalidInput, match="“已办结”须有办结报告") as err:
        run(workspace, lambda w: supervision.advance(w, a, "已办结", "2026-06-10"))
    assert "closure report" in err.value.text("en")
    assert run(workspace, lambda w: supervision.advance(w, a, "已办结", "2026-06-10", "已按要求完成")) == "已办结"
    assert supervision.list_items(workspace.db)[0].closure_report == "已按要求完成"


def test_reported_and_closed_items_leave_the_pending_lists(workspace: Any) -> None:
    today = date(2026, 6, 15)
    ids = [add(workspace, f"事项{n}", deadline="2026-06-20") for n in range(4)]
    run(workspace, lambda w: supervision.advance(w, ids[1], "已办结", "2026-06-12", "完成"))
    run(workspace, lambda w: supervision.advance(w, ids[2], "已报结", "2026-06-12", "完成并报结"))
    run(workspace, lambda w: supervision.advance(w, ids[3], "已销号", "2026-06-12", "完成并销号"))
    pending = [d.key for d in dashboard.next_deadlines(workspace.db, today) if d.kind == "supervision"]
    assert pending == [f"supervision:{ids[0]}"]
    _overdue, soon = deadlines.reminders(workspace.db, today, 5)
    assert [d.key for d in soon if d.kind == "supervision"] == [f"supervision:{ids[0]}"]
    watch = sw.watch(workspace.db, today)
    assert [i for i in ids if watch[i].level] == [ids[0]]
    assert [i.id for i in supervision.list_items(workspace.db, status="办理中")] == []


def test_recurring_feedback_makes_due_dates_on_the_working_day_calendar_until_closed(workspace: Any) -> None:
    a = add(workspace, "按月报送整改进展", received_on="2026-03-10", deadline="2026-09-30", feedback_cycle="每月25日前")
    b = add(workspace, "按季度报送", received_on="2026-02-01", feedback_cycle="每季度末")
    c = add(workspace, "反馈周期写法无法识别", received_on="2026-02-01", feedback_cycle="按要求报送")
    today = date(2026, 5, 20)
    watch = sw.watch(workspace.db, today)
    dues = [f.due.isoformat() for f in watch[a].feedback if f.due <= date(2026, 7, 31)]
    assert dues == ["2026-03-25", "2026-04-24", "2026-05-25", "2026-06-25", "2026-07-24"]  # 4-25, 7-25 weekends
    assert [f.due.isoformat() for f in watch[b].feedback] == ["2026-03-31", "2026-06-30"]  # up to today + 120 days
    assert not watch[c].cycle_readable and watch[c].feedback == []
    # the first date not given is overdue: the item is red although its deadline is far off
    assert (watch[a].next_due, watch[a].next_kind, watch[a].level) == (date(2026, 3, 25), "feedback", "红")
    run(workspace, lambda w: sw.record_feedback(w, a, "2026-03-25", "2026-03-24", "三月进展已报"))
    run(workspace, lambda w: sw.record_feedback(w, a, "2026-04-24", "2026-04-24", "四月进展已报"))
    watch = sw.watch(workspace.db, today)
    assert (watch[a].next_due, watch[a].workdays_left, watch[a].level) == (date(2026, 5, 25), 3, "黄")
    with pytest.raises(InvalidInput, match="不是事项.*的反馈日期.*2026-05-25"):
        run(workspace, lambda w: sw.record_feedback(w, a, "2026-05-26", today=today))
    with pytest.raises(InvalidInput, match="没有可识别的反馈周期"):
        run(workspace, lambda w: sw.record_feedback(w, c, "2026-03-31"))
    # 待办: one deadline per date, done by the feedback
    found = {d.due.isoformat(): d.done_on for d in deadlines.list_deadlines(workspace.db, date(2026, 3, 1),
                                                                           date(2026, 6, 30))
             if d.kind == "supervision_feedback" and d.key.startswith(f"supervision_feedback:{a}:")}
    assert found == {"2026-03-25": "2026-03-24", "2026-04-24": "2026-04-24", "2026-05-25": "", "2026-06-25": ""}
    # closed on 6-10: no due date after it, and the dates it left unmet are off the pending lists
    run(workspace, lambda w: supervision.advance(w, a, "已办结", "2026-06-10", "已全部整改"))
    assert [f.due.isoformat() for f in sw.watch(workspace.db, today)[a].feedback] == [
        "2026-03-25", "2026-04-24", "2026-05-25"]
    found = {d.due.isoformat(): d.done_on for d in deadlines.list_deadlines(workspace.db, date(2026, 3, 1),
                                                                           date(2026, 9, 30))
             if d.key.startswith(f"supervision_feedback:{a}:")}
    assert found == {"2026-03-25": "2026-03-24", "2026-04-24": "2026-04-24", "2026-05-25": "2026-06-10"}


def test_the_reminder_count_starts_from_the_imported_figure(workspace: Any) -> None:
    a = add(workspace, deadline="2026-06-30")
    workspace.apply("导入的催办次数", lambda w: w.update("supervision_item", a, {"urge_count": 3}))
    run(workspace, lambda w: sw.add_reminder(w, a, "2026-06-20", method="电话"))
    assert sw.watch(workspace.db, date(2026, 6, 21))[a].reminders == 4  # 3 imported + 1 recorded
