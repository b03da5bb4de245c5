"""The report dialog's files and printing: 另存为 PDF / Word, 打印预览, 打印.

Each waits until the edits asked for are saved (the file holds the latest wording), then runs
on a worker with a progress window that shows after SHOW_AFTER_MS and a Cancel: a cancelled
save leaves no file (it is written beside the target and renamed at the end), a cancelled
print stops between pages. Printing paints on the QPrinter from the worker (Qt allows painting
on a QPrinter off the GUI thread); the print preview draws pages rendered beforehand on a worker.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from ..services.drafting.kinds import KINDS, kind_title
from . import file_dialogs, pdf_pages
from .report_jobs import explain

if TYPE_CHECKING:
    from .report_dialog import ReportDialog

SHOW_AFTER_MS = 300
PREVIEW_DPI = 150


class Progress(QObject):
    """A progress window shown only when the work takes longer than SHOW_AFTER_MS."""

    def __init__(self, parent: QWidget, text: str) -> None:
        super().__init__(parent)
        self.parent_widget, self.text = parent, text
        self.cancelled = False
        self.window: QProgressDialog | None = None
        self._open = True
        QTimer.singleShot(SHOW_AFTER_MS, self, self._show)

    def _show(self) -> None:
        if not self._open:
            return
        self.window = QProgressDialog(self.text, self.tr("取消"), 0, 0, self.parent_widget)
        self.window.setWindowModality(Qt.WindowModality.WindowModal)
        self.window.setMinimumDuration(0)
        self.window.canceled.connect(self._cancel)
        self.window.show()

    def _cancel(self) -> None:
        self.cancelled = True

    def close(self) -> None:
        self._open = False
        if self.window is not None:
            self.window.canceled.disconnect(self._cancel)
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.deleteLater()


class ReportOutput(QObject):
    saved = Signal(str)      # the file written
    printed = Signal(int)    # pages printed

    def __init__(self, dialog: ReportDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self._jobs = 0
        self.preview_pages = 0   # pages the last print preview drew
        self._waiting: list[Callable[[Path], Any]] = []

    def _channel(self, what: str) -> str:
        self._jobs += 1
        return f"{what}-{self._jobs}"

    def default_name(self, suffix: str = ".pdf") -> str:
        r = self.dialog.request
        assert r is not None
        period = f"{r.year}年" + (f"{r.month}月" if r.month else "") + (f"第{r.quarter}季度" if r.quarter else "")
        dep = self.dialog.department
        return f"{period}{kind_title(r.kind, dep.superior.short, dep.office)}" + (f"（{r.division}）" if r.division else "") + suffix

    # -- saving ---------------------------------------------------------------------------------
    def save_as(self, target: str | Path | None = None, fmt: str = ".pdf") -> None:
        d = self.dialog
        if d.state is None:
            return
        if target is None:
            word = fmt == ".docx"
            chosen = file_dialogs.save_file(
                d, "reports", self.tr("另存为 Word") if word else self.tr("另存为 PDF"), self.default_name(fmt),
                self.tr("Word 文档 (*.docx)") if word else self.tr("PDF 文件 (*.pdf)"))
            if not chosen:
                return
            target = chosen if chosen.lower().endswith(fmt) else chosen + fmt
        path = Path(target)
        d.after_writes(lambda: self._save(path))

    def _save(self, target: Path) -> None:
        d = self.dialog
        state, request = d.state, d.build_request()
        if state is None:
            return
        part = target.with_name(f".{target.stem}.part{target.suffix}")
        progress = Progress(d, self.tr("正在保存“%1”……").replace("%1", target.name))

        def work(db: Any) -> int:
            from ..services.pdf.reports import build_report

            return build_report(db, request, part, document=state.doc)

        def done(_pages: int) -> None:
            progress.close()
            if progress.cancelled:
                part.unlink(missing_ok=True)
                d.info.setText(self.tr("已取消，未保存。"))
                return
            try:
                part.replace(target)
            except OSError as exc:
                part.unlink(missing_ok=True)
                self._cannot_save(target, exc)
                return
            d.info.setText(self.tr("已保存到 %1").replace("%1", str(target)))
            self.saved.emit(str(target))

        def failed(exc: BaseException) -> None:
            progress.close()
            part.unlink(missing_ok=True)
            self._cannot_save(target, exc)
        d.jobs.read(self._channel("save"), work, done=done, failed=failed)

    def _cannot_save(self, target: Path, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
        else:
            reason = str(explain(exc))
        text = self.tr("无法写入“%1”：%2").replace("%1", str(target)).replace("%2", reason)
        self.dialog.info.setText(text)
        QMessageBox.warning(self.dialog, self.tr("无法保存"), text)

    # -- the PDF of what is shown -----------------------------------------------------------------------
    def with_pdf(self, fn: Callable[[Path], Any]) -> None:
        """fn(pdf) with a PDF of the draft as saved, built first if the preview is older."""
        d = self.dialog

        def ready() -> None:
            if d.pdf is not None and d.pdf_state is d.state:
                fn(d.pdf)
                return
            self._waiting.append(fn)
            if len(self._waiting) == 1:
                d.preview_ready.connect(self._built)
            d._build_preview()
        d.after_writes(ready)

    def _built(self, _pages: int) -> None:
        d = self.dialog
        if d.pdf is None or d.pdf_state is not d.state:
            return
        d.preview_ready.disconnect(self._built)
        waiting, self._waiting = self._waiting, []
        for fn in waiting:
            fn(d.pdf)

    def landscape(self) -> bool:
        r = self.dialog.request
        return r is not None and KINDS[r.kind].orientation == "landscape"

    # -- printing ----------------------------------------------------------------------------------
    def print_report(self, printer: QPrinter | None = None) -> None:
        """Print (a printer given: without asking, for tests and a chosen PDF printer)."""
        self.with_pdf(lambda pdf: self._print(pdf, printer))

    def _print(self, pdf: Path, printer: QPrinter | None) -> None:
        d = self.dialog
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            pdf_pages.set_up(printer, self.landscape())
            chooser = QPrintDialog(printer, d)
            if chooser.exec() != QDialog.DialogCode.Accepted:
                return
        progress = Progress(d, self.tr("正在打印……"))
        landscape, chosen = self.landscape(), printer

        def done(pages: int) -> None:
            progress.close()
            d.info.setText(self.tr("已取消打印。") if progress.cancelled
                           else self.tr("已送往打印机：%1 页。").replace("%1", str(pages)))
            self.printed.emit(pages)

        def failed(exc: BaseException) -> None:
            progress.close()
            QMessageBox.warning(d, self.tr("无法打印"), str(explain(exc)))
        d.jobs.run(self._channel("print"),
                   lambda: pdf_pages.print_pdf(pdf, chosen, landscape, stop=lambda: progress.cancelled),
                   done=done, failed=failed)

    def print_preview(self) -> None:
        self.with_pdf(self._render_for_preview)

    def _render_for_preview(self, pdf: Path) -> None:
        d = self.dialog
        progress = Progress(d, self.tr("正在准备打印预览……"))

        def work() -> list[QImage]:
            images = pdf_pages.render(pdf, PREVIEW_DPI, range(pdf_pages.page_count(pdf)))
            return [images[i] for i in sorted(images)]

        def done(images: list[QImage]) -> None:
            progress.close()
            if not progress.cancelled:
                self._show_preview(images)

        def failed(exc: BaseException) -> None:
            progress.close()
            QMessageBox.warning(d, self.tr("无法打印"), str(explain(exc)))
        d.jobs.run(self._channel("print-preview"), work, done=done, failed=failed)

    def _show_preview(self, images: list[QImage]) -> None:
        d = self.dialog
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        pdf_pages.set_up(printer, self.landscape())
        window = QPrintPreviewDialog(printer, d)
        window.setWindowTitle(self.tr("打印预览"))

        def paint(target: QPrinter) -> None:
            self.preview_pages = pdf_pages.paint(target, len(images), lambda i: images[i])
        window.paintRequested.connect(paint)
        from .modal import run_modal
        from .screen_fit import fit_size

        fit_size(window, 1000, 760)
        run_modal(window)
