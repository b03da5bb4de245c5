"""报告与打印: pick a report and period, preview its pages, save as PDF, print.

The PDF is built off the GUI thread (its own read-only connection) into a temporary
file; saving copies that file, so a cancelled or failed build never leaves a half file.
"""
from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QMessageBox,
                               QProgressDialog, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from ..services import plan_read
from ..services.pdf.reports import KINDS, ReportRequest, build_report, check_request
from ..storage.database import open_reader
from .pdf_pages import print_pdf, render_pages
from . import file_dialogs, settings
from .settings import PreserveGeometry

QUARTERS = ((1, "第一季度"), (2, "第二季度"), (3, "第三季度"), (4, "第四季度"))


class _Signals(QObject):
    done = Signal(int, str, int)      # ticket, pdf path, pages
    failed = Signal(int, str)         # ticket, message


class ReportDialog(PreserveGeometry, QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("报告与打印"))
        self.tmpdir = Path(tempfile.mkdtemp(prefix="bizenv-report-"))
        self.pdf: Path | None = None
        self.request: ReportRequest | None = None
        self._ticket = 0
        self.signals = _Signals(self)
        self.signals.done.connect(self._built)
        self.signals.failed.connect(self._failed)
        self.progress: QProgressDialog | None = None
        self.kind = QComboBox()
        for key, kind in KINDS.items():
            self.kind.addItem(self.tr(kind.title), key)
        self.year = QComboBox()
        for y in plan_read.list_years(controller.db):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(year or date.today().year)))
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setValue(self._default_month(year or date.today().year))
        self.month.setSuffix(self.tr(" 月"))
        self.quarter = QComboBox()
        self.quarter.addItem(self.tr("全年"), None)
        for q, name in QUARTERS:
            self.quarter.addItem(self.tr(name), q)
        self.quarter.setCurrentIndex((date.today().month - 1) // 3 + 1)
        self.division = QComboBox()
        self.division.addItem(self.tr("全部处室"), None)
        for d in plan_read.list_divisions(controller.db, include_retired=False):
            if not d.is_group:
                self.division.addItem(d.name, d.name)
        form = QFormLayout()
        form.addRow(self.tr("报告"), self.kind)
        form.addRow(self.tr("年度"), self.year)
        form.addRow(self.tr("月份"), self.month)
        form.addRow(self.tr("季度"), self.quarter)
        form.addRow(self.tr("处室"), self.division)
        self.preview_button = QPushButton(self.tr("生成预览"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.print_button = QPushButton(self.tr("打印…"))
        close = QPushButton(self.tr("关闭"))
        self.info = QLabel(self.tr("选择报告和期间，然后“生成预览”。"))
        self.info.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.preview_button)
        left.addWidget(self.info)
        left.addStretch(1)
        for b in (self.save_button, self.print_button, close):
            left.addWidget(b)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages)
        self.scroll.setStyleSheet("QScrollArea { background: #808080; }")
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addWidget(self.scroll, 1)
        self.kind.currentIndexChanged.connect(self._sync)
        self.preview_button.clicked.connect(lambda: self.generate())
        self.save_button.clicked.connect(lambda: self.save_as())
        self.print_button.clicked.connect(lambda: self.print_report())
        close.clicked.connect(self.reject)
        self._sync()
        self.resize(1100, 800)
        self.restore_geometry()

    def _default_month(self, year: int) -> int:
        """The latest month of the year with a dispatch up to today (a month with none errors)."""
        from ..services import dispatch

        today = date.today().strftime("%Y-%m")
        months = [m for m, _closed in dispatch.month_heads(self.controller.db) if m[:4] == str(year) and m <= today]
        return int(months[-1][5:7]) if months else date.today().month

    def select(self, kind: str, year: int, month: int | None = None, quarter: int | None = None) -> None:
        """Open at a report and period (the 月调度 menu, a to-do of the 待办 panel)."""
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.year.setCurrentIndex(max(0, self.year.findData(year)))
        if month is not None:
            self.month.setValue(month)
        if quarter is not None:
            self.quarter.setCurrentIndex(max(0, self.quarter.findData(quarter)))
        self._sync()

    def _sync(self) -> None:
        needs = KINDS[self.kind.currentData()].needs
        self.month.setEnabled("month" in needs)
        self.quarter.setEnabled("quarter" in needs or "quarter!" in needs)
        self.division.setEnabled("division" in needs)
        ready = self.pdf is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    def current_request(self) -> ReportRequest:
        key = self.kind.currentData()
        needs = KINDS[key].needs
        quarter = self.quarter.currentData() if ("quarter" in needs or "quarter!" in needs) else None
        return ReportRequest(key, int(self.year.currentData() or date.today().year),
                             self.month.value() if "month" in needs else None, quarter,
                             self.division.currentData() if "division" in needs else None, None,
                             settings.get("pdf/font_folder") or None)

    # -- building off the GUI thread -------------------------------------------------
    def generate(self, request: ReportRequest | None = None, show_progress: bool = True) -> int:
        """Start building; returns the ticket whose result the preview will show."""
        request = request or self.current_request()
        try:
            check_request(request)
        except BizenvError as exc:
            QMessageBox.warning(self, self.tr("无法生成报告"), str(exc))
            return 0
        self._ticket += 1
        ticket, db_path = self._ticket, self.controller.workspace.path
        target = self.tmpdir / f"report-{ticket}.pdf"
        self.request = request
        self.pdf = None
        self._sync()
        self.info.setText(self.tr("正在生成……"))
        if show_progress:
            self.progress = QProgressDialog(self.tr("正在生成报告……"), self.tr("取消"), 0, 0, self)
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.canceled.connect(self._cancel)
            self.progress.show()

        def work() -> None:
            db = open_reader(db_path)
            try:
                pages = build_report(db, request, target)
                self.signals.done.emit(ticket, str(target), pages)
            except BizenvError as exc:
                self.signals.failed.emit(ticket, str(exc))
            except Exception as exc:  # a report must never take the window down
                self.signals.failed.emit(ticket, f"{type(exc).__name__}: {exc}")
            finally:
                db.close()
        QThreadPool.globalInstance().start(work)
        return ticket

    def _cancel(self) -> None:
        self._ticket += 1  # the running build's result will be ignored
        self.info.setText(self.tr("已取消。"))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._cancel)
            self.progress.close()
            self.progress = None

    def _failed(self, ticket: int, message: str) -> None:
        if ticket != self._ticket:
            return
        self._close_progress()
        self.info.setText(message)
        QMessageBox.warning(self, self.tr("无法生成报告"), message)

    def _built(self, ticket: int, path: str, pages: int) -> None:
        if ticket != self._ticket:
            Path(path).unlink(missing_ok=True)
            return
        self._close_progress()
        self.pdf = Path(path)
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for image in render_pages(self.pdf, dpi=80):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("background: white; margin: 6px;")
            self.pages_layout.addWidget(label)
        self.info.setText(self.tr("共 %n 页。", "", pages))
        self._sync()

    def page_labels(self) -> list[QLabel]:
        return [self.pages_layout.itemAt(i).widget() for i in range(self.pages_layout.count())]

    # -- save and print ---------------------------------------------------------------
    def default_name(self) -> str:
        r = self.request
        assert r is not None
        period = f"{r.year}年" + (f"{r.month}月" if r.month else "") + (f"第{r.quarter}季度" if r.quarter else "")
        return f"{period}{KINDS[r.kind].title}" + (f"（{r.division}）" if r.division else "") + ".pdf"

    def save_as(self, target: str | Path | None = None) -> Path | None:
        if self.pdf is None:
            return None
        if target is None:
            chosen = file_dialogs.save_file(self, "reports", self.tr("另存为 PDF"), self.default_name(),
                                            self.tr("PDF 文件 (*.pdf)"))
            if not chosen:
                return None
            target = chosen
        target = Path(target)
        try:
            partial = target.with_name(f".{target.name}.part")
            shutil.copyfile(self.pdf, partial)
            partial.replace(target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("无法保存"), self.tr("无法写入“%1”：%2").replace("%1", str(target))
                                .replace("%2", exc.strerror or str(exc)))
            return None
        self.info.setText(self.tr("已保存到 %1").replace("%1", str(target)))
        return target

    def print_report(self, printer: QPrinter | None = None) -> int:
        if self.pdf is None or self.request is None:
            return 0
        landscape = KINDS[self.request.kind].orientation == "landscape"
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        try:
            return print_pdf(self.pdf, printer, landscape)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("无法打印"), str(exc))
            return 0

    def done(self, result: int) -> None:
        self._ticket += 1
        self.save_geometry()
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        super().done(result)
