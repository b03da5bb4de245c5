"""The 看板 tab with real widgets on a real database."""
from __future__ import annotations

import re
import sqlite3
import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from bizenv_desktop.core import dispatch as rules
from bizenv_desktop.services import dispatch
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.dashboard_view import DashboardView
from bizenv_desktop.ui.month_model import STATUS_COLORS

TODAY = date(2026, 11, 20)


def fill_month(ws: Any, month: str, **status_by_code: str) -> None:
    ws.apply(f"开始 {month}", lambda w: dispatch.start_month(w, month))
    rows = dispatch.load_month(ws.db, month).rows
    for code, status in status_by_code.items():
        row = next(r for r in rows if r.indicator_code == code)
        ws.apply("填写", lambda w, r=row, s=status: dispatch.update_row(w, r.id, status=s))


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def view(qtbot: Any, controller: Controller) -> DashboardView:
    widget = DashboardView(controller, today=TODAY)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    return widget


def read(qtbot: Any, view: DashboardView) -> None:
    """Wait for the panels' read (a worker's, ui/dashboard_read.py) to arrive."""
    qtbot.waitUntil(lambda: not view.loading, timeout=10000)


def grid_row(view: DashboardView, code: str) -> int:
    return next(i for i, (_id, c, _n) in enumerate(view.content.grid_model.indicators) if c == code)


def test_grid_shows_late_in_the_right_cell_with_its_colour(qtbot: Any, view: DashboardView,
                                                           workspace: Any) -> None:
    fill_month(workspace, "2026-10", **{"(1)": rules.DONE})
    fill_month(workspace, "2026-11", **{"(1)": rules.LATE, "(10)": rules.IN_PROGRESS})
    view.set_year(2026)
    view.set_month("2026-11")
    read(qtbot, view)
    model = view.content.grid_model
    assert model.columnCount() == 12 and model.rowCount() == 23
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (0, 10, 11)] == ["1月", "11月", "12月"]
    assert model.headerData(grid_row(view, "(1)"), Qt.Orientation.Vertical).startswith("(1) 制定年度")
    late = model.index(grid_row(view, "(1)"), 10)
    assert late.data() == "滞后"
    assert late.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(STATUS_COLORS[rules.LATE])
    assert model.index(grid_row(view, "(1)"), 9).data() == "完成"
    assert model.index(grid_row(view, "(10)"), 10).data() == "推进"
    assert model.index(grid_row(view, "(2)"), 10).data() == "未启"
    empty = model.index(grid_row(view, "(1)"), 0)
    assert empty.data() == "—" and empty.data(Qt.ItemDataRole.BackgroundRole) is None
    # the late table of the month names 法规处 with one late row
    table = view.content.late_table
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in range(3)] == ["法规处", "1", "0"]
    assert view.content.title.text() == "营商环境工作看板：2026年，截至11月"


def test_refreshes_after_a_change_and_on_month_change(qtbot: Any, view: DashboardView, controller: Controller,
                                                     workspace: Any) -> None:
    fill_month(workspace, "2026-11")
    view.set_month(11)
    read(qtbot, view)
    assert view.content.late_table.rowCount() == 0 and "没有滞后" in view.content.late_caption.text()
    row = next(r for r in dispatch.load_month(workspace.db, "2026-11").rows if r.indicator_code == "(5)")
    assert controller.run("填写", lambda w: dispatch.update_row(w, row.id, status=rules.LATE))
    qtbot.waitUntil(lambda: view.content.late_table.rowCount() == 1)  # the queued refresh after controller.changed
    assert view.content.grid_model.index(grid_row(view, "(5)"), 10).data() == "滞后"
    view.set_month(10)
    read(qtbot, view)
    assert view.month == "2026-10" and view.content.late_table.rowCount() == 0


def test_panels_show_deadlines_supervision_and_the_chart(qtbot: Any, view: DashboardView, workspace: Any) -> None:
    workspace.apply("督办", lambda w: w.insert("supervision_item", {"content": "落实整改", "deadline": "2026-11-10",
                                                                    "status": "办理中"}))
    view.refresh()
    read(qtbot, view)
    counts = [view.content.supervision_table.item(0, c).text() for c in range(6)]
    assert counts == ["0", "1", "0", "0", "0", "1"]  # one 办理中, and it is overdue
    assert view.content.deadline_table.rowCount() > 0
    # the overdue item comes first, counted as the 待办 panel counts it (not left out)
    shown = [[view.content.deadline_table.item(r, c).text() for c in range(3)] for r in range(view.content.deadline_table.rowCount())]
    overdue = [row for row in shown if row[0] < TODAY.isoformat()]
    assert overdue and shown[:len(overdue)] == overdue
    assert ["2026-11-10", "逾期 10 天", "督办事项 ：落实整改"] in shown
    from bizenv_desktop.services.calendar import load_calendar
    from bizenv_desktop.services.deadlines import list_deadlines
    from bizenv_desktop.ui.deadline_panel import state_text

    calendar = load_calendar(workspace.db)
    panel_states = {d.title: state_text(d, TODAY, calendar) for d in list_deadlines(
        workspace.db, date(2026, 9, 1), date(2027, 3, 1))}
    assert all(panel_states[title] == state for _due, state, title in shown)  # same working-day counts
    assert [code for code, _n, _t, _p in view.content.chart.series] == ["(10)", "(11)", "(12)"]
    assert "(10) 一网通办" in view.content.chart.legend_labels() and "目标 ≥90%" in view.content.chart.target_labels()
    assert view.content.chart.month_labels[0] == "1月" and len(view.content.chart.month_labels) == 12


def test_render_to_image_and_to_a_painter(qtbot: Any, view: DashboardView, tmp_path: Path) -> None:
    fill_month(view.controller.workspace, "2026-11", **{"(3)": rules.LATE})
    view.refresh()
    read(qtbot, view)
    path = tmp_path / "dashboard.png"
    assert view.render_to_image(path)
    assert path.stat().st_size > 0
    image = QImage(str(path))
    assert image.width() > 800 and image.height() > 500
    page = QImage(1123, 794, QImage.Format.Format_ARGB32)  # A4 landscape at 96 dpi, as print_to scales it
    page.fill(QColor("white"))
    painter = QPainter(page)
    view.render_to(painter, page.width(), page.height())
    painter.end()
    assert any(page.pixelColor(x, y) != QColor("white") for x in range(0, 1123, 37) for y in range(0, 794, 23))


def test_the_tab_does_not_need_reportlab(qtbot: Any, view: DashboardView, monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    """The chart is drawn with QPainter: reportlab (17 MB, 0.4 s) is for the PDF reports only."""
    import sys

    class NoReportlab:
        def find_spec(self, name: str, *_args: Any) -> None:
            if name.split(".")[0] == "reportlab" or name.endswith(".charts") or name.startswith("PySide6.QtSvg"):
                raise ImportError(f"the dashboard imported {name}")

    for name in [m for m in sys.modules if m.split(".")[0] == "reportlab" or m.endswith("services.charts")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [NoReportlab(), *sys.meta_path])
    fill_month(view.controller.workspace, "2026-11")
    view.set_year(2025)
    read(qtbot, view)
    view.set_year(2026)
    view.refresh()
    read(qtbot, view)
    assert view.content.chart.series and view.render_to_image(tmp_path / "dashboard.png")
    printer = view.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "dashboard.pdf"))
    view.print_to(printer)


def test_prints_on_one_a4_landscape_page(view: DashboardView, tmp_path: Path) -> None:
    printer = view.make_printer()
    layout = printer.pageLayout()
    assert layout.orientation() == QPageLayout.Orientation.Landscape
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "dashboard.pdf"))
    view.print_to(printer)
    data = (tmp_path / "dashboard.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1  # the whole dashboard on one page
    assert len(data) < 5_000_000  # an image of about 300 dpi, not one at the printer's 1200 dpi


def test_a_tab_built_hidden_reads_ahead_and_its_first_show_only_paints(qtbot: Any, controller: Controller,
                                                                      workspace: Any,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from bizenv_desktop.services import dashboard

    fill_month(workspace, "2026-11", **{"(1)": rules.LATE})
    hidden = DashboardView(controller, today=TODAY)  # as the main window builds it after its first paint
    qtbot.addWidget(hidden)
    hidden.set_year(2026)
    qtbot.waitUntil(lambda: hidden.content.title.text() != "")  # read once the construction's turn is over
    assert hidden.content.title.text() == "营商环境工作看板：2026年，截至11月" and hidden.content.late_table.rowCount() == 1
    reads: list[int] = []
    original = dashboard.status_grid
    monkeypatch.setattr(dashboard, "status_grid", lambda db, year: reads.append(year) or original(db, year))
    hidden.set_year(2026)  # the window's year again: nothing to read
    hidden.resize(1400, 900)
    hidden.show()
    qtbot.wait(10)
    assert reads == []
    hidden.hide()
    row = next(r for r in dispatch.load_month(workspace.db, "2026-11").rows if r.indicator_code == "(2)")
    assert controller.run("填写", lambda w: dispatch.update_row(w, row.id, status=rules.LATE))
    qtbot.wait(10)
    assert reads == []  # hidden: read when next shown
    hidden.show()
    assert hidden.loading and hidden.content.late_table.item(0, 1).text() == "1"  # the old panels, until
    read(qtbot, hidden)                                                         # the new read arrives
    assert reads == [2026] and hidden.content.late_table.item(0, 1).text() == "2"


def test_the_plans_records_are_flagged_and_on_time_rates_shown(qtbot: Any, workspace: Any, tmp_path: Any) -> None:
    from bizenv_desktop.services import forms, publications
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.dashboard_view import DashboardView

    controller = Controller(workspace)
    workspace.apply("s", lambda w: dispatch.start_month(w, "2026-05"))
    fg = workspace.db.scalar("SELECT id FROM division WHERE name = '法规处'")
    form = forms.make_forms(workspace.db, "2026-05", tmp_path, date(2026, 5, 20), only=[fg])[0]
    pv = forms.collect_preview(workspace.db, [form], "2026-05")[0]
    workspace.apply("收", lambda w: forms.apply_form(w, w.db, pv.form, "2026-05", date(2026, 5, 28)))
    workspace.apply("公开", lambda w: publications.add_publication(w, "政策措施", "2026-04-20"))
    view = DashboardView(controller, today=date(2026, 7, 10))
    qtbot.addWidget(view)
    view.show()
    view.set_year(2026)
    read(qtbot, view)
    table = view.content.flags_table
    got = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert got["(1) 年度实施方案公开"] == "【缺】尚未登记公开"
    assert got["(15) 政策措施公布"] == "【缺】第1季度 0 次（缺），第2季度 1 次，第3季度 0 次"
    assert got["(7) 完成国标任务"] == "【缺】尚未登记排名"
    assert got["处室工作方案"].startswith("【缺】未交 6 个（截止 2026-03-31）")
    assert got["督办预警"] == "红 0 项，黄 0 项"
    assert table.item(0, 0).background().color().red() == 248
    rates = {view.content.rates_table.item(r, 0).text(): [view.content.rates_table.item(r, c).text() for c in range(1, 7)]
             for r in range(view.content.rates_table.rowCount())}
    assert rates["法规处"] == ["1", "1", "0", "0", "0", "100%"]  # returned on 5-28, before the 5-29 deadline
    assert rates["规划处"] == ["1", "0", "0", "1", "0", "0%"]


def test_the_panels_are_read_off_the_gui_thread(qtbot: Any, view: DashboardView, workspace: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Every service call of the panels runs on a worker with its own connection, on the real file."""
    from bizenv_desktop.services import assessment_flags, dashboard, sendbacks

    read(qtbot, view)
    fill_month(workspace, "2026-11", **{"(4)": rules.LATE})
    calls: list[tuple[str, threading.Thread, Any]] = []
    for module, name in ((dashboard, "status_grid"), (dashboard, "late_by_division"),
                         (dashboard, "quantitative_series"), (dashboard, "supervision_by_status"),
                         (dashboard, "next_deadlines"), (assessment_flags, "flags"), (sendbacks, "on_time_rates")):
        real = getattr(module, name)

        def spy(db: Any, *args: Any, _name: str = name, _real: Any = real, **kw: Any) -> Any:
            calls.append((_name, threading.current_thread(), db))
            return _real(db, *args, **kw)
        monkeypatch.setattr(module, name, spy)
    view.set_month(11)
    assert view.content.late_table.rowCount() == 0  # not read on this turn: the old panels stay
    read(qtbot, view)
    assert len(calls) == 7 and all(t is not threading.main_thread() for _n, t, _db in calls)
    assert all(db is not workspace.db and db.path == workspace.path for _n, _t, db in calls)  # a connection of its own
    assert [view.content.late_table.item(0, c).text() for c in range(3)] == ["法规处", "1", "0"]


def test_a_read_overtaken_by_a_newer_request_is_dropped(qtbot: Any, view: DashboardView, workspace: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from bizenv_desktop.services import dashboard

    fill_month(workspace, "2026-09", **{"(1)": rules.LATE, "(2)": rules.LATE})
    fill_month(workspace, "2026-10", **{"(1)": rules.LATE})
    fill_month(workspace, "2026-11")
    view.set_month(11)
    read(qtbot, view)
    started, gate = threading.Event(), threading.Event()
    asked: list[str] = []
    real = dashboard.late_by_division

    def slow(db: Any, month: str, today: Any = None) -> Any:
        asked.append(month)
        if month == "2026-10":  # the first read waits until the second was asked for
            started.set()
            gate.wait(10)
        return real(db, month, today)
    monkeypatch.setattr(dashboard, "late_by_division", slow)
    shown: list[str] = []
    show = view.content.show_data
    monkeypatch.setattr(view.content, "show_data", lambda data: (shown.append(data.month), show(data)))
    view.set_month(10)
    qtbot.waitUntil(started.is_set, timeout=10000)
    view.set_month(9)
    qtbot.wait(20)
    assert view.loading and view.content.title.text() == "营商环境工作看板：2026年，截至11月"  # still the old panels
    gate.set()
    read(qtbot, view)
    assert asked == ["2026-10", "2026-09"] and shown == ["2026-09"]  # October's read was never shown
    assert view.content.title.text() == "营商环境工作看板：2026年，截至9月"
    assert [view.content.late_table.item(0, c).text() for c in range(3)] == ["法规处", "2", "0"]


def test_a_failed_read_is_read_again_here_and_its_error_reaches_the_user(
        qtbot: Any, view: DashboardView, workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from bizenv_desktop.services import dashboard

    read(qtbot, view)
    real = dashboard.quantitative_series
    threads: list[threading.Thread] = []

    def worker_fails(db: Any, year: int) -> Any:
        threads.append(threading.current_thread())
        if threading.current_thread() is not threading.main_thread():
            raise sqlite3.OperationalError("database is locked")
        return real(db, year)
    monkeypatch.setattr(dashboard, "quantitative_series", worker_fails)
    fill_month(workspace, "2026-11", **{"(6)": rules.LATE})
    view.refresh()
    read(qtbot, view)
    assert threads[0] is not threading.main_thread() and threads[-1] is threading.main_thread()
    assert view.content.late_table.rowCount() == 1 and view.content.chart.series  # read here instead

    def always_fails(db: Any, year: int) -> Any:
        raise sqlite3.DatabaseError("file is not a database")
    monkeypatch.setattr(dashboard, "quantitative_series", always_fails)
    with qtbot.captureExceptions() as exceptions:  # as before the worker: to sys.excepthook (DamageWatch)
        view.refresh()
        qtbot.waitUntil(lambda: bool(exceptions), timeout=10000)
    assert isinstance(exceptions[0][1], sqlite3.DatabaseError)
    assert view.content.late_table.rowCount() == 1  # the panels shown stay
