"""报告与打印: a report drafted from the data, finished here, saved as PDF or Word, printed.

Choose the report and its period; the draft's sections are listed (正文 page) and edited one at
a time, the document fields on the 文件要素 page, and the preview shows the saved draft as it
will print. Every change is one write (services.drafting through Workspace.apply, off the GUI
thread: ui/report_jobs.py) and one step of the app's undo stack, so 编辑 › 撤销 and Ctrl+Z take
it back while the dialog is open and the audit trail has it; reopening the dialog shows the
draft as saved. Saving a file and printing are in ui/report_output.py.
The period boxes are in ui/report_period.py (ReportPeriod), the edits and undo in
ui/report_edits.py (ReportEdits): both mixins of this dialog.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMenuBar, QPushButton, QSplitter, QTabWidget, QVBoxLayout,
                               QWidget)

from ..services.drafting.kinds import ReportRequest, check_request
from . import report_tmp
from .report_edits import ReportEdits
from .report_fields import FieldsPage
from .report_fonts import FontsNotice, missing
from .report_jobs import Jobs, explain
from .report_output import ReportOutput
from .report_period import ReportPeriod
from .report_preview import PreviewPane
from .report_sections import SectionsPage
from .report_state import DraftState, load_state
from .screen_fit import fit_size
from .settings import PreserveGeometry
from .text_line import TextLine

PREVIEW_DELAY_MS = 250   # a burst of changes makes one preview


class ReportDialog(ReportPeriod, ReportEdits, PreserveGeometry, QDialog):
    state_shown = Signal()       # a (new) state of the draft is on screen
    preview_ready = Signal(int)  # pages of the preview built from the state shown

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("报告与打印"))
        self.tmpdir = report_tmp.make()
        folder = self.tmpdir  # (not self: the slot runs while the dialog is destroyed)
        self.destroyed.connect(lambda *_: report_tmp.remove(folder))  # deleted without done()
        self.jobs = Jobs(controller, self)
        self.state: DraftState | None = None
        self.request: ReportRequest | None = None
        self.pdf: Path | None = None            # the preview's PDF, of pdf_state
        self.pdf_state: DraftState | None = None
        self._builds = 0
        self._after_writes: list[Any] = []
        self._period_boxes(year)
        self.draft_status = TextLine()  # elided, not widening the dialog (the whole text: tool tip)
        self.discard_button = QPushButton(self.tr("恢复按数据起草…"))
        self.discard_button.setToolTip(self.tr("放弃本期草稿的全部修改（可撤销）"))
        self.discard_button.clicked.connect(self.discard)
        top = QHBoxLayout()
        for label, box in ((self.tr("报告"), self.kind), (self.tr("年度"), self.year), (self.tr("月份"), self.month),
                           (self.tr("季度"), self.quarter), (self.tr("处室"), self.division)):
            top.addWidget(QLabel(label))
            top.addWidget(box)
        top.addSpacing(8)
        top.addWidget(self.draft_status, 1)
        top.addWidget(self.discard_button)
        self.sections = SectionsPage()
        self.fields = FieldsPage()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.sections, self.tr("正文"))
        self.tabs.addTab(self.fields, self.tr("文件要素"))
        self.preview = PreviewPane(self.jobs)
        self.fonts = FontsNotice()
        self.preview.notice_slot.addWidget(self.fonts)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        self.output = ReportOutput(self)
        self.save_pdf_button = QPushButton(self.tr("另存为 PDF…"))
        self.save_docx_button = QPushButton(self.tr("另存为 Word…"))
        self.print_preview_button = QPushButton(self.tr("打印预览…"))
        self.print_button = QPushButton(self.tr("打印…"))
        close = QPushButton(self.tr("关闭"))
        self.info = TextLine()
        bottom = QHBoxLayout()
        bottom.addWidget(self.info, 1)
        for b in (self.save_pdf_button, self.save_docx_button, self.print_preview_button, self.print_button, close):
            bottom.addWidget(b)
        self._menus()
        layout = QVBoxLayout(self)
        layout.setMenuBar(self.menu_bar)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)
        self._connect(close)
        self._sync_period()
        fit_size(self, 1366, 900)
        self.splitter.setSizes([self.width() * 5 // 9, self.width() * 4 // 9])
        self.restore_geometry()
        self.request = self.current_request()
        self.load()
        self.check_fonts()

    def _menus(self) -> None:
        self.menu_bar = QMenuBar(self)
        file_menu = self.menu_bar.addMenu(self.tr("文件(&F)"))
        self.act_save_pdf = file_menu.addAction(self.tr("另存为 PDF…"))
        self.act_save_docx = file_menu.addAction(self.tr("另存为 Word…"))
        file_menu.addSeparator()
        self.act_print_preview = file_menu.addAction(self.tr("打印预览…"))
        self.act_print = file_menu.addAction(self.tr("打印…"))
        self.act_print.setShortcut(QKeySequence.StandardKey.Print)
        file_menu.addSeparator()
        self.act_close = file_menu.addAction(self.tr("关闭"))
        edit_menu = self.menu_bar.addMenu(self.tr("编辑(&E)"))
        self.act_undo = QAction(self.tr("撤销"), self)
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_redo = QAction(self.tr("重做"), self)
        self.act_redo.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo),
                                    QKeySequence("Ctrl+Y")])
        for action in (self.act_undo, self.act_redo):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            edit_menu.addAction(action)
            self.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.sections.act_save)

    def _connect(self, close: QPushButton) -> None:
        for box in (self.kind, self.year, self.quarter, self.division):
            box.currentIndexChanged.connect(self._period_changed)
        self.month.valueChanged.connect(self._period_changed)
        s = self.sections
        s.save_requested.connect(self._save_section)
        s.regenerate_requested.connect(self._regenerate)
        s.add_requested.connect(self._add)
        s.drop_requested.connect(self._drop)
        s.restore_requested.connect(self._restore)
        s.move_requested.connect(self._move)
        s.title_requested.connect(self._title)
        s.editor.undoAvailable.connect(self._sync_undo)
        s.editor.textChanged.connect(self._sync_undo)
        self.fields.save_requested.connect(self._save_fields)
        self.preview.refresh_requested.connect(self.refresh_preview)
        self.fonts.settings_requested.connect(self.open_settings)
        self.act_undo.triggered.connect(self.undo)
        self.act_redo.triggered.connect(self.redo)
        stack = self.controller.undo_stack
        for signal in (stack.indexChanged, stack.canUndoChanged, stack.canRedoChanged):
            signal.connect(self._sync_undo)  # a bound method: disconnected when the dialog goes
        self.controller.changed.connect(self._data_changed)
        self.jobs.writing_changed.connect(self._writing_changed)
        self.tabs.currentChanged.connect(lambda _i: self.flush())
        o = self.output
        for trigger, slot in ((self.save_pdf_button.clicked, lambda: o.save_as(fmt=".pdf")),
                              (self.act_save_pdf.triggered, lambda: o.save_as(fmt=".pdf")),
                              (self.save_docx_button.clicked, lambda: o.save_as(fmt=".docx")),
                              (self.act_save_docx.triggered, lambda: o.save_as(fmt=".docx")),
                              (self.print_preview_button.clicked, o.print_preview),
                              (self.act_print_preview.triggered, o.print_preview),
                              (self.print_button.clicked, lambda: o.print_report()),
                              (self.act_print.triggered, lambda: o.print_report()),
                              (close.clicked, self.reject), (self.act_close.triggered, self.reject)):
            trigger.connect(slot)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._build_preview)


    # -- reading the draft -------------------------------------------------------------------------
    def load(self, same_period: bool = False) -> None:
        request = self.request
        assert request is not None
        try:
            check_request(request)
        except Exception as exc:  # noqa: BLE001 a bad period: say so, show nothing
            self._failed(exc)
            return
        self.draft_status.setText(self.tr("正在读取……"))
        if not same_period:
            self.tabs.setEnabled(False)  # what is shown is another period's until the new one comes
        self.jobs.read("state", lambda db: load_state(db, request), done=self._show_state, failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        text = str(explain(exc))
        self.draft_status.setText("")
        self.info.setText(text)
        self.preview.show_message(text)

    def _show_state(self, state: DraftState, current: str | None = None) -> None:
        if state.request != self.request:
            return  # an answer for a period no longer shown
        self.state = state
        self.tabs.setEnabled(True)
        self.sections.show_state(state, current)
        self.fields.show_document(state.doc)
        if state.saved:
            when = state.updated_at[:16].replace("T", " ")
            self.draft_status.setText(self.tr("本期草稿已保存（%1）").replace("%1", when))
        else:
            self.draft_status.setText(self.tr("按数据起草，尚未修改"))
        self.discard_button.setEnabled(state.saved)
        self._sync_undo()
        self._sync_outputs()
        self.state_shown.emit()
        self._preview_timer.start()

    def _data_changed(self, *_touched: Any) -> None:
        """An undo or redo (ours are not news: their state comes with them)."""
        if not self.jobs.pushing and self.request is not None:
            self.load(same_period=True)

    # -- the preview ---------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Save what is typed, then build the preview again."""
        self.after_writes(self._build_preview)

    def _build_preview(self) -> None:
        state = self.state
        if state is None:
            return
        self._builds += 1
        if not report_tmp.ensure(self.tmpdir):  # gone with the dialog: no preview to make
            return
        target = self.tmpdir / f"preview-{self._builds}.pdf"
        request = replace(state.request, font_folder=self.font_folder())
        self.preview.show_message(self.tr("正在生成预览……"))

        def work(db: Any) -> tuple[Path, list[tuple[float, float]]]:
            from ..services.pdf.reports import build_report
            from .collector import held
            from .pdf_pages import page_sizes

            with held():  # the build's objects are gone when it ends: not walked while it runs
                build_report(db, request, target, document=state.doc)
            return target, page_sizes(target)
        self.jobs.read("preview", work, done=lambda result: self._preview_built(state, *result),
                       failed=self._preview_failed)

    def _preview_built(self, state: DraftState, pdf: Path, sizes: list[tuple[float, float]]) -> None:
        old = self.pdf
        self.pdf, self.pdf_state = pdf, state
        self.preview.show_pdf(pdf, sizes)
        if old is not None and old != pdf:
            old.unlink(missing_ok=True)
        self._sync_outputs()
        self.preview_ready.emit(len(sizes))

    def _preview_failed(self, exc: BaseException) -> None:
        self.preview.show_message(str(explain(exc)))

    def _sync_outputs(self) -> None:
        ready = self.state is not None
        for w in (self.save_pdf_button, self.save_docx_button, self.print_preview_button, self.print_button,
                  self.act_save_pdf, self.act_save_docx, self.act_print_preview, self.act_print):
            w.setEnabled(ready)

    def page_labels(self) -> list[QLabel]:
        return self.preview.page_labels()

    # -- fonts -------------------------------------------------------------------------------------
    def check_fonts(self) -> None:
        folder = self.font_folder()
        self.jobs.run("fonts", lambda: missing(folder), done=self.fonts.show_missing)

    def open_settings(self) -> None:
        from .modal import run_modal
        from .settings_dialog import SettingsDialog

        before = self.font_folder()
        run_modal(SettingsDialog(self.controller, self))
        if self.font_folder() != before:
            self.check_fonts()
            self._preview_timer.start()

    # -- closing -----------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        self.flush()
        self.jobs.wait_writes()  # the last edits go on the undo stack before the dialog goes
        if not self.jobs.closed:
            self.jobs.close()
            self.controller.changed.disconnect(self._data_changed)
        self.save_geometry()
        report_tmp.remove(self.tmpdir)
        super().done(result)
