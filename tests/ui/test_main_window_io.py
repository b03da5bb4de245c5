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
    assert [a.text() for a in window.export_actions][0] == "指标表（任务分工表）…"
    for kind in ("indicators", "dispatch", "supervision", "events", "audit"):
        target = tmp_path / f"{kind}.xlsx"
        rows = window.export_excel(kind, str(target))
        assert rows is not None and target.is_file(), kind
        book = openpyxl.load_workbook(target)
        assert book.active.max_row >= 2, kind


def test_a_failed_export_says_why(qtbot: Any, workspace: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    assert window.export_excel("dispatch", str(tmp_path / "x.xlsx")) is None  # no month started
    assert messages and not (tmp_path / "x.xlsx").exists()
