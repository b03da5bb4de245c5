"""Views re-read only what a change touched (ui/lazy.py, storage/touched.py).

Each view declares the tables its reload reads (WATCHES): checked here against what it really
reads, with an SQLite authorizer on every connection. Then, in the main window on a database
of two plan years: a change to a table reloads the views on screen that watch it and no other,
a hidden view that watches it re-reads once when shown (and one that does not, never), undo,
redo and the runner's writes notify the same way.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from benchmarks.generate import generate
from bizenv_desktop.services import (calendar, dispatch, events, inspections, liaisons, plan_read, publications,
                                     rankings, self_evaluation, work_plans)
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.storage.touched import AUDIT
from bizenv_desktop.ui.audit_dialog import AuditDialog
from bizenv_desktop.ui.calendar_dialog import CalendarDialog
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.divisions_dialog import DivisionsDialog
from bizenv_desktop.ui.lazy import ReloadWhenShown
from bizenv_desktop.ui.liaison_dialog import LiaisonDialog
from bizenv_desktop.ui.main_window import MainWindow

YEAR = 2026


def _fill(path: Path) -> None:
    """Two plan years of dispatch, supervised items, evidence and audit entries, and one of
    every other kind of record, so each view's reload takes its fuller branches."""
    generate(path, years=2, division_count=6, supervision=30, evidence=40, audit=40)
    ws = Workspace.open(path)
    try:
        plan = plan_read.load_plan(ws.db, YEAR)
        second = {i.code: i.id for i in plan.second_level()}
        division = int(ws.db.scalar("SELECT min(id) FROM division WHERE kind = 'division'"))
        ws.apply("记录", lambda w: (
            events.add_event(w, "media", f"{YEAR}-03-02", "省级媒体报道营商环境", level="省级"),
            rankings.set_ranking(w, second["(7)"], 3, 40, data_year=YEAR - 1, source="国家评价报告"),
            publications.add_publication(w, "实施方案", f"{YEAR}-02-10", kind="plan", indicator_id=second["(1)"]),
            work_plans.receive(w, YEAR, division, on=f"{YEAR}-03-20", title="工作方案"),
            inspections.add_followup(w, inspections.add_inspection(
                w, f"{YEAR}-03-28", "第一季度督查", "统计口径不一", divisions=[division]), "整改口径", division),
            self_evaluation.save_evaluation(w, second["(1)"], f"{YEAR}Q1", rating="良好", narrative="按期完成"),
            liaisons.add_liaison(w, "王联络", f"{YEAR}-01-05", division_id=division),
            calendar.set_override(w, f"{YEAR}-10-10", True, "调休上班")))
    finally:
        ws.close()


@pytest.fixture
def big(tmp_path: Path) -> Path:
    path = tmp_path / "two-years.sqlite3"
    _fill(path)
    return path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The tables read on every connection opened from now on (the workspace's and the
    workers'), with no statement cache: SQLite asks the authorizer when it prepares one."""
    seen: set[str] = set()
    real = sqlite3.connect

    def authorize(action: int, table: str | None, *_rest: Any) -> int:
        if action == sqlite3.SQLITE_READ and table and not table.startswith("sqlite_"):
            seen.add(table)
        return sqlite3.SQLITE_OK

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real(*args, **{**kwargs, "cached_statements": 0})
        conn.set_authorizer(authorize)
        return conn
    monkeypatch.setattr(sqlite3, "connect", connect)
    return seen


def settle() -> None:
    """Let queued notices and background reads finish."""
    for _ in range(3):
        QThreadPool.globalInstance().waitForDone()
        QApplication.sendPostedEvents()
        QApplication.processEvents()


@pytest.fixture
def window(qtbot: Any, big: Path) -> Iterator[MainWindow]:
    controller = Controller(Workspace.open(big))
    win = MainWindow(controller, year=YEAR)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.ready, timeout=30000):
        win.show()
    records = win.view("records")
    for key in ("rankings", "publications", "work_plans", "inspections"):
        records.page(key)  # type: ignore[attr-defined]
    settle()
    yield win
    settle()


def watchers(win: MainWindow) -> list[Any]:
    return [win, *(w for w in win.findChildren(QWidget) if isinstance(w, ReloadWhenShown))]


def test_every_view_watches_the_tables_it_reads(qtbot: Any, reads: set[str], window: MainWindow) -> None:
    for view in window.findChildren(QAbstractItemView):  # a selected row: its evidence, its follow-ups
        model = view.model()
        if model is not None and model.rowCount() and view.selectionModel() is not None:
            view.setCurrentIndex(model.index(0, 0))
    settle()
    dialogs = [AuditDialog(window.controller, window), CalendarDialog(window.controller, window, date(YEAR, 10, 1)),
               DivisionsDialog(window.controller, window), LiaisonDialog(window.controller, window)]
    for dialog in dialogs:
        dialog.show()
    settle()
    probed: dict[str, set[str]] = {}
    unwatched: dict[str, set[str]] = {}  # what a view reads but does not watch: it would show stale data
    for owner, probe in [*((w, w.refresh_stale) for w in [*watchers(window), *dialogs]),
                         (window.round_ops, window.round_ops.update_steps)]:
        reads.clear()
        probe()
        settle()
        name = type(owner).__name__
        probed[name] = probed.get(name, set()) | set(reads)
        if reads - owner.WATCHES:
            unwatched.setdefault(name, set()).update(reads - owner.WATCHES)
    assert unwatched == {}
    # the probe saw real reads (a view reading nothing would pass anything)
    assert {"dispatch_row", "evidence_link"} <= probed["MonthView"] and "supervision_item" in probed["SupervisionView"]
    assert "event" in probed["EventsView"] and probed["AuditDialog"] == {AUDIT} and probed["MonthRoundOps"]
    assert {"evidence", "evidence_link"} <= probed["EvidencePanel"]
    for dialog in dialogs:
        dialog.reject()


def _counts(win: MainWindow) -> dict[int, int]:
    return {id(w): w.reloads for w in watchers(win)}


def _reloaded(win: MainWindow, before: dict[int, int]) -> dict[str, int]:
    """{class name: re-reads since before} of the watchers that re-read."""
    out: dict[str, int] = {}
    for w in watchers(win):
        n = w.reloads - before.get(id(w), 0)
        if n:
            out[type(w).__name__] = out.get(type(w).__name__, 0) + n
    return out


def _open_row(win: MainWindow) -> tuple[str, int]:
    db = win.controller.db
    month = next(m["month"] for m in reversed(dispatch.list_months(db)) if not m["closed_at"])
    return month, dispatch.load_month(db, month).rows[0].id


def test_an_edit_reloads_the_views_watching_its_table_and_no_other(qtbot: Any, window: MainWindow) -> None:
    month, row_id = _open_row(window)
    window.tabs.setCurrentWidget(window.month_view)
    window.month_view.show_month(month)
    settle()
    before = _counts(window)
    assert window.controller.run("填进展", lambda w: dispatch.update_row(w, row_id, progress="已推进"))
    settle()
    # on screen and watching dispatch_row: the month grid and the 待办 dock; nothing else re-read
    assert _reloaded(window, before) == {"MonthView": 1, "DeadlinePanel": 1}
    assert next(r for r in window.month_view.model.month.rows if r.id == row_id).progress == "已推进"
    # hidden and watching it: stale, read once when shown; hidden and not watching it: untouched
    dashboard, events_view = window.dashboard_view, window.events_view
    assert dashboard._stale and not events_view._stale and not window.self_eval_view._stale
    assert not any(w._stale for w in watchers(window) if type(w).__name__ == "EvidencePanel")
    for n in range(2):  # two more edits while it is hidden: still one read when shown
        window.controller.run("填进展", lambda w, n=n: dispatch.update_row(w, row_id, progress=f"第{n}次"))
    settle()
    before = _counts(window)
    window.tabs.setCurrentWidget(dashboard)
    settle()
    window.tabs.setCurrentWidget(events_view)
    settle()
    window.tabs.setCurrentWidget(dashboard)
    settle()
    assert _reloaded(window, before) == {"DashboardView": 1}


def test_undo_and_redo_notify_as_the_edit_did(qtbot: Any, window: MainWindow) -> None:
    month, row_id = _open_row(window)
    window.tabs.setCurrentWidget(window.month_view)
    window.month_view.show_month(month)
    settle()
    seen: list[Any] = []
    window.controller.changed.connect(seen.append)
    assert window.controller.run("填进展", lambda w: dispatch.update_row(w, row_id, progress="撤销前"))
    settle()
    for step in (window.controller.undo, window.controller.redo):
        before = _counts(window)
        step()
        settle()
        assert _reloaded(window, before) == {"MonthView": 1, "DeadlinePanel": 1}
    assert [t.tables for t in seen] == [{"dispatch_row", AUDIT}] * 3
    assert all(t.ids("dispatch_row") == {row_id} for t in seen)
    progress = next(r for r in window.month_view.model.month.rows if r.id == row_id).progress
    assert progress == "撤销前"  # redone


def test_a_row_of_another_month_does_not_reload_the_month_shown(qtbot: Any, window: MainWindow) -> None:
    month, _row = _open_row(window)
    window.tabs.setCurrentWidget(window.month_view)
    window.month_view.show_month(month)
    settle()
    shown = window.month_view.model.month
    assert shown is not None and shown.previous_month
    old = next(m["month"] for m in dispatch.list_months(window.controller.db)
               if m["month"] not in (month, shown.previous_month))
    old_row = dispatch.load_month(window.controller.db, old).rows[0].id
    before = _counts(window)
    assert window.controller.run("改旧月", lambda w: w.update("dispatch_row", old_row, {"progress": "旧月补记"}))
    settle()
    assert "MonthView" not in _reloaded(window, before)
    prev_row = next(iter(shown.previous.values())).id  # last month's rows are compared with: they count
    before = _counts(window)
    assert window.controller.run("改上月", lambda w: w.update("dispatch_row", prev_row, {"progress": "上月补记"}))
    settle()
    assert _reloaded(window, before).get("MonthView") == 1


def test_a_runner_write_notifies_what_it_wrote(qtbot: Any, window: MainWindow) -> None:
    window.tabs.setCurrentWidget(window.events_view)
    settle()
    before = _counts(window)
    task = window.controller.tasks.write("登记事件", lambda w, _p: events.add_event(
        w, "briefing", f"{YEAR}-04-08", "新闻发布会"))
    assert task is not None and task.wait()
    settle()
    reloaded = _reloaded(window, before)
    assert reloaded.get("EventsView") == 1 and reloaded.get("MainWindow") == 1  # the tree shows event counts
    assert "MonthView" not in reloaded and "DeadlinePanel" not in reloaded
    assert any(r.title == "新闻发布会" for r in window.events_view.model.rows)


def test_another_file_reloads_every_view_on_screen_and_marks_the_rest(qtbot: Any, window: MainWindow,
                                                                      tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    generate(other, years=1, division_count=3)
    window.tabs.setCurrentWidget(window.events_view)
    settle()
    before = _counts(window)
    window.controller.set_workspace(Workspace.open(other))
    settle()
    reloaded = _reloaded(window, before)
    assert reloaded.get("EventsView") == 1 and reloaded.get("MainWindow") == 1
    assert window.month_view._stale and window.dashboard_view._stale  # hidden: when shown
