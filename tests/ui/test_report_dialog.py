"""The report dialog: build off the GUI thread, preview pages, save, print to a PDF printer."""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from bizenv_desktop.services.pdf.reports import ReportRequest
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.report_dialog import ReportDialog


def pdfinfo(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout


def test_preview_save_and_print(qtbot: Any, workspace: Any, tmp_path: Path) -> None:
    dialog = ReportDialog(Controller(workspace), year=2026)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()
    dialog.generate(ReportRequest("assignment", 2026), show_progress=False)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20000)
    pages = len(dialog.page_labels())
    assert pages >= 2 and dialog.info.text() == f"共 {pages} 页。"
    assert dialog.page_labels()[0].pixmap().width() > dialog.page_labels()[0].pixmap().height()  # landscape
    saved = dialog.save_as(tmp_path / "分工表.pdf")
    assert saved is not None and f"Pages:           {pages}" in pdfinfo(saved)
    assert dialog.default_name() == "2026年任务分工表.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert dialog.print_report(printer) == pages
    info = pdfinfo(tmp_path / "printed.pdf")
    assert f"Pages:           {pages}" in info and "842 x 595" in info


def test_bad_request_is_refused_before_building(qtbot: Any, workspace: Any, monkeypatch: Any) -> None:
    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: messages.append(a[2]))
    dialog = ReportDialog(Controller(workspace), year=2026)
    qtbot.addWidget(dialog)
    assert dialog.generate(ReportRequest("nonsense", 2026), show_progress=False) == 0
    assert messages and "nonsense" in messages[0] and dialog.pdf is None


def test_a_newer_request_wins_over_a_slower_older_one(qtbot: Any, workspace: Any) -> None:
    dialog = ReportDialog(Controller(workspace), year=2026)
    qtbot.addWidget(dialog)
    dialog.generate(ReportRequest("plan", 2026), show_progress=False)
    second = dialog.generate(ReportRequest("assignment", 2026, division="规划处"), show_progress=False)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=20000)
    assert dialog.pdf.name == f"report-{second}.pdf" and dialog.request.division == "规划处"
