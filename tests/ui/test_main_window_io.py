"""Excel exports from the main window's File menu, on a real database."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from bizenv_desktop.services import dispatch
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.main_window import MainWindow


def test_every_export_writes_a_workbook(qtbot: Any, workspace: Any, tmp_path: Path) -> None:
    workspace.apply("开始", lambda w: dispatch.start_month(w, "2026-11"))
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.month_view.current == "2026-11")
    assert [a.text() for a in window.exchange_ops.export_actions][0] == "指标表（任务分工表）…"
    for kind in ("indicators", "dispatch", "supervision", "events", "audit"):
        target = tmp_path / f"{kind}.xlsx"
        task = window.exchange_ops.export_excel(kind, str(target))
        assert task is not None and task.wait() and task.state == "done", kind
        assert task.result is not None and target.is_file(), kind
        book = openpyxl.load_workbook(target)
        assert book.active.max_row >= 2, kind


def test_a_failed_export_says_why(qtbot: Any, workspace: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    task = window.exchange_ops.export_excel("dispatch", str(tmp_path / "x.xlsx"))  # no month started
    assert task is not None and task.wait() and task.state == "failed"
    assert messages and not (tmp_path / "x.xlsx").exists()


def test_open_database_switches_to_the_other_file(qtbot: Any, workspace: Any, tmp_path: Path,
                                                   monkeypatch: Any) -> None:
    """Ctrl+O (File > 打开数据库): once crashed on an undefined name; .ci/lint now catches that
    class of bug (tests/test_lint.py), this drives the action itself."""
    from PySide6.QtWidgets import QFileDialog

    from bizenv_desktop.services.startup import open_workspace

    other_path = tmp_path / "other.sqlite3"
    open_workspace(other_path, first_year=2025).close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other_path), ""))
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    window.workspace_ops.open_database()
    assert window.controller.workspace.path == other_path
    assert window.year == 2025
