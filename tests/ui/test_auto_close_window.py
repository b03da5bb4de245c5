"""Months closed on their own when the window opens (setting dispatch.auto_close_workdays)."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QMainWindow

from bizenv_desktop.services import dispatch, settings_store
from bizenv_desktop.ui.auto_close import close_due_months
from bizenv_desktop.ui.controller import Controller


def test_due_months_are_closed_as_one_undoable_step(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    window = QMainWindow()
    qtbot.addWidget(window)
    for m in ("2026-04", "2026-05"):
        workspace.apply("s", lambda w, m=m: dispatch.start_month(w, m))
    assert close_due_months(window, controller, date(2026, 6, 30)) == []  # the setting is off
    controller.run("设", lambda w: settings_store.set_setting(w, "dispatch.auto_close_workdays", 5))
    assert close_due_months(window, controller, date(2026, 6, 3)) == ["2026-04"]  # May's is not due until 6-5
    assert dispatch.load_month(workspace.db, "2026-04").closed_by == "auto"
    assert "2026-04" in window.statusBar().currentMessage()
    controller.undo_stack.undo()
    assert not dispatch.load_month(workspace.db, "2026-04").closed
