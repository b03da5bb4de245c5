"""The dashboard's panels on real databases: summaries, counts, series, deadlines and query counts."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from benchmarks.generate import generate
from bizenv_desktop.core import dispatch as rules
from bizenv_desktop.core.model import Target
from bizenv_desktop.services import dashboard, deadlines, dispatch, plan_edit
from bizenv_desktop.services.workspace import Workspace

LATE, TODO, DOING, DONE, NA = rules.LATE, rules.NOT_STARTED, rules.IN_PROGRESS, rules.DONE, rules.NOT_APPLICABLE


def start(ws: Any, month: str) -> dispatch.Month:
    ws.apply(f"开始 {month}", lambda w: dispatch.start_month(w, month))
    return dispatch.load_month(ws.db, month)


def rows_of(m: dispatch.Month, code: str) -> list[dispatch.DispatchRow]:
    return [r for r in m.rows if r.indicator_code == code]


def fill(ws: Any, r: dispatch.DispatchRow, **fields: Any) -> None:
    ws.apply("填写", lambda w: dispatch.update_row(w, r.id, **fields))


def add_item(ws: Any, deadline: str, status: str, lead: str, done_on: str = "", cooperate: str = "") -> int:
    def write(w: Any) -> int:
        item = w.insert("supervision_item", {"content": f"事项 {deadline} {status}", "deadline": deadline,
                                             "status": status, "done_on": done_on})
        for name, role in ((lead, "lead"), (cooperate, "cooperate")):
            if name:
                division = w.db.scalar("SELECT id FROM division WHERE name = ?", (name,))
                w.insert("supervision_division", {"item_id": item, "division_id": division, "role": role})
        return item
    box: list[int] = []
    ws.apply("督办", lambda w: box.append(write(w)))
    return box[0]


@pytest.mark.parametrize("statuses, expected", [
    ((DOING, LATE, DONE), LATE), ((DONE, TODO, DOING), TODO), ((DONE, DOING, NA), DOING),
    ((DONE, NA, DONE), DONE), ((NA, NA, NA), NA)])
def test_grid_cell_is_the_most_urgent_status(workspace: Any, ind: Any, statuses: tuple, expected: str) -> None:
    m = start(workspace, "2026-11")
    eight = rows_of(m, "(8)")
    assert len(eight) == 3  # three responsible divisions report on (8)
    for r, status in zip(eight, statuses):
        fill(workspace, r, status=status)
    indicators, months, cells = dashboard.status_grid(workspace.db, 2026)
    assert months == [f"2026-{m:02d}" for m in range(1, 13)]
    assert [code for _id, code, _name in indicators][:3] == ["(1)", "(2)", "(3)"] and len(indicators) == 23
    assert cells[(ind("(8)"), "2026-11")] == expected
    assert cells[(ind("(1)"), "2026-11")] == TODO  # a fresh month
    assert cells[(ind("(8)"), "2026-10")] is None and cells[(ind("(8)"), "2026-01")] is None  # no month, no row


def test_grid_of_a_year_leaves_other_years_out(workspace: Any, ind: Any) -> None:
    start(workspace, "2026-12")
    indicators, months, cells = dashboard.status_grid(workspace.db, 2027)
    assert indicators == [] and cells == {} and months[0] == "2027-01"


def test_late_counts_per_division(workspace: Any) -> None:
    m = start(workspace, "2026-11")
    fill(workspace, rows_of(m, "(1)")[0], status=LATE)   # 法规处
    fill(workspace, rows_of(m, "(2)")[0], status=LATE)   # 法规处
    fill(workspace, next(r for r in rows_of(m, "(8)") if r.division_name == "规划处"), status=LATE)
    fill(workspace, rows_of(m, "(10)")[0], status=DOING)  # 审批办: not late
    add_item(workspace, "2026-11-10", "办理中", "规划处", cooperate="诚信处")       # overdue, only the lead counts
    add_item(workspace, "2026-11-20", "已办结", "办公室", done_on="2026-12-01")      # closed only after the month
    add_item(workspace, "2026-11-05", "已办结", "审批办", done_on="2026-11-04")      # closed in time
    add_item(workspace, "2026-12-01", "待签收", "诚信处")                            # not yet due
    add_item(workspace, "", "办理中", "机关党委")                                     # no deadline
    today = date(2026, 12, 5)
    assert dashboard.late_by_division(workspace.db, "2026-11", today) == [
        ("法规处", 2, 0), ("规划处", 1, 1), ("办公室", 0, 1)]
    # in the middle of the month only what was due by today counts
    assert dashboard.late_by_division(workspace.db, "2026-11", date(2026, 11, 15)) == [
        ("法规处", 2, 0), ("规划处", 1, 1)]
    assert dashboard.late_by_division(workspace.db, "2026-10", today) == []  # no month, nothing due


def test_quantitative_series_with_the_rate_rule(workspace: Any, ind: Any, div: Any) -> None:
    workspace.apply("子任务", lambda w: [plan_edit.add_subtask(w, ind("(12)"), "减材料", division_id=div("法规处")),
                                        plan_edit.add_subtask(w, ind("(12)"), "减环节", division_id=div("审批办"))])
    for month in ("2026-10", "2026-11"):
        m = start(workspace, month)
        fill(workspace, rows_of(m, "(10)")[0], numerator=27, denominator=30)  # 90 %, from the parts
        if month == "2026-11":
            fill(workspace, rows_of(m, "(11)")[0], value=69)
            twelve = rows_of(m, "(12)")
            assert len(twelve) == 2  # two sub-tasks (two divisions) report on (12)
            fill(workspace, twelve[0], value=65)
            fill(workspace, twelve[1], numerator=55, denominator=100, value=80)  # the rate wins over the value
    series = {code: (name, target, points) for code, name, target, points in
              dashboard.quantitative_series(workspace.db, 2026)}
    assert list(series) == ["(10)", "(11)", "(12)"]
    name, target, points = series["(10)"]
    assert name == "一网通办" and target == Target(">=", 90.0, "%", "省级政务服务事项网上可办率")
    values = dict(points)
    assert list(values) == [f"2026-{m:02d}" for m in range(1, 13)]
    assert values["2026-10"] == 90.0 and values["2026-11"] == 90.0
    assert values["2026-01"] is None and values["2026-12"] is None  # months without rows are gaps
    assert dict(series["(11)"][2])["2026-10"] is None  # a row without a figure is a gap too
    assert dict(series["(11)"][2])["2026-11"] == 69.0
    assert dict(series["(12)"][2])["2026-11"] == 55.0  # the lowest of the two divisions


def test_the_least_favourable_figure_depends_on_the_target() -> None:
    assert dashboard._worst([65.0, 55.0], Target(">=", 60, "%")) == 55.0
    assert dashboard._worst([3.0, 5.0], Target("<=", 4, "天")) == 5.0


def test_supervision_by_status_with_overdue(workspace: Any) -> None:
    today = date(2026, 11, 20)
    assert dashboard.supervision_by_status(workspace.db, today) == {
        "待签收": 0, "办理中": 0, "已办结": 0, "已报结": 0, "已销号": 0, "overdue": 0}
    add_item(workspace, "2026-11-10", "办理中", "规划处")
    add_item(workspace, "2026-11-19", "待签收", "规划处")
    add_item(workspace, "2026-11-20", "办理中", "规划处")  # due today: not overdue yet
    add_item(workspace, "2026-11-01", "已办结", "规划处", done_on="2026-11-15")  # late, but closed
    add_item(workspace, "", "办理中", "规划处")
    add_item(workspace, "2026-10-01", "已销号", "规划处")
    assert dashboard.supervision_by_status(workspace.db, today) == {
        "待签收": 1, "办理中": 3, "已办结": 1, "已报结": 0, "已销号": 1, "overdue": 2}


def test_next_deadlines_are_open_with_the_overdue_ones_first(workspace: Any) -> None:
    """近期待办 left out what was overdue, while the 待办 panel listed it."""
    today = date(2026, 11, 2)
    add_item(workspace, "2026-11-05", "办理中", "规划处")
    add_item(workspace, "2026-11-04", "已办结", "规划处", done_on="2026-11-01")  # done: left out
    add_item(workspace, "2026-10-30", "办理中", "规划处")  # overdue: first, as in the 待办 panel
    items = dashboard.next_deadlines(workspace.db, today)
    assert 4 <= len(items) <= 8  # 2027 has no plan yet, so its months and quarters are not ours
    assert all(not d.done_on for d in items)
    assert [d.due for d in items] == sorted(d.due for d in items)
    overdue = [d for d in items if d.overdue(today)]
    assert overdue and overdue == items[:len(overdue)]
    assert any(d.kind == "supervision" and d.due == date(2026, 10, 30) for d in overdue)
    upcoming = items[len(overdue):]
    assert upcoming[0].kind == "supervision" and upcoming[0].due == date(2026, 11, 5)
    assert "monthly_dispatch:2026-11" in [d.key for d in items]
    workspace.apply("完成", lambda w: deadlines.mark_done(w, "monthly_dispatch:2026-11", "2026-11-02"))
    items = dashboard.next_deadlines(workspace.db, today, n=len(overdue) + 3)
    assert len(items) == len(overdue) + 3 and "monthly_dispatch:2026-11" not in [d.key for d in items]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite3"
    counts = generate(path, years=3, division_count=10)
    assert counts["dispatch_rows"] > 5000
    return path


def count_statements(db: Any, fn: Any) -> tuple[Any, int]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        result = fn()
    finally:
        db.conn.set_trace_callback(None)
    return result, len(seen)


def test_panels_run_a_constant_number_of_queries_on_a_big_file(big: Path) -> None:
    ws = Workspace.open(big)
    try:
        db = ws.db
        (indicators, months, cells), n = count_statements(db, lambda: dashboard.status_grid(db, 2026))
        assert n <= 3, n
        assert len(indicators) == 23 and all(cells[(i, m)] in rules.STATUSES for i, _c, _n in indicators
                                             for m in months)
        _grid, n_older = count_statements(db, lambda: dashboard.status_grid(db, 2024))
        assert n_older == n  # the same however many rows the year has
        late, n = count_statements(db, lambda: dashboard.late_by_division(db, "2026-06", date(2026, 7, 1)))
        assert n <= 4 and late and late == sorted(late, key=lambda r: -(r[1] + r[2]))
        series, n = count_statements(db, lambda: dashboard.quantitative_series(db, 2026))
        assert n <= 3 and [s[0] for s in series] == ["(10)", "(11)", "(12)"]
        _counts, n = count_statements(db, lambda: dashboard.supervision_by_status(db, date(2026, 7, 1)))
        assert n == 1
        _items, n = count_statements(db, lambda: dashboard.next_deadlines(db, date(2026, 7, 1)))
        assert n <= 17  # 4 of them: supervised items' feedback dates and the work plans (issue 16); 1 the superior office
    finally:
        ws.close()
