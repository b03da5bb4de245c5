"""The 待办 panel and the reminders shown when the app opens."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.deadline_panel import OVERDUE_COLOR, ROW_ROLE, SOON_COLOR, DeadlinePanel
from bizenv_desktop.ui.main_window import MainWindow


def rows(panel: DeadlinePanel) -> list[Any]:
    return [panel.model.index(r, 0).data(ROW_ROLE) for r in range(panel.model.rowCount())]


def test_overdue_and_soon_are_highlighted_and_marking_done_is_undoable(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    panel = DeadlinePanel(controller, today=date(2026, 10, 9))
    qtbot.addWidget(panel)
    panel.show()  # a hidden panel re-reads only when shown
    items = rows(panel)
    sep = next(i for i, d in enumerate(items) if d.period == "2026-09")
    report = next(i for i, d in enumerate(items) if d.kind == "provincial_quarterly_report")
    assert panel.model.index(sep, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_COLOR
    assert panel.model.index(report, 0).data(Qt.ItemDataRole.BackgroundRole).color() == SOON_COLOR
    assert panel.model.index(report, 2).data() == "剩 3 个工作日"  # Oct 10 (Sat, 调休), 12, 13
    assert panel.model.index(sep, 2).data() == "逾期 9 天"
    assert panel.summary.text().startswith("逾期 3 项")
    key = items[report].key
    panel.mark_done(items[report], done_on="2026-10-09")
    qtbot.waitUntil(lambda: all(d.key != key for d in rows(panel)))
    panel.show_done.setChecked(True)
    assert next(d for d in rows(panel) if d.key == key).done_on == "2026-10-09"
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: not next(d for d in rows(panel) if d.key == key).done_on)


def test_reminders_when_the_window_opens(qtbot: Any, workspace: Any) -> None:
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    box = window.show_reminders(today=date(2026, 10, 9))
    assert box is not None
    text = box.text()
    assert "已逾期（3）" in text and "2026-09 月调度" in text
    assert "5 个工作日内到期（1）" in text and "2026-10-13" in text
    box.close()
    assert window.show_reminders(today=date(2026, 12, 30)) is not None
