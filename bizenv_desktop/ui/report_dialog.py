"""报告与打印: a report drafted from the data, finished here, saved as PDF or Word, printed.

Choose the report and its period; the draft's sections are listed (正文 page) and edited one at
a time, the document fields on the 文件要素 page, and the preview shows the saved draft as it
will print. Every change is one write (services.drafting through Workspace.apply, off the GUI
thread: ui/report_jobs.py) and one step of the app's undo stack, so 编辑 › 撤销 and Ctrl+Z take
it back while the dialog is open and the audit trail has it; reopening the dialog shows the
draft as saved. Saving a file and printing are in ui/report_output.py.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from shiboken6 import isValid
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QMenuBar, QMessageBox, QPushButton,
                               QSpinBox, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from ..services import drafting, plan_read
from ..services.department import get_department
from ..services.drafting.kinds import KINDS, ReportRequest, check_request
from . import report_tmp, settings
from .report_fields import FieldsPage
from .report_fonts import FontsNotice, missing
from .report_jobs import Jobs, explain
from .report_output import ReportOutput
from .report_preview import PreviewPane
from .report_sections import SectionsPage
from .report_state import DraftState, load_state
from .screen_fit import fit_size
from .settings import PreserveGeometry
from .text_line import TextLine

QUARTERS = (1, 2, 3, 4)
PREVIEW_DELAY_MS = 250   # a burst of changes makes one preview


class ReportDialog(PreserveGeometry, QDialog):
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
        self.department = get_department(controller.db)  # the kinds' names (省软环境办, 局主要领导)
        self.kind = QComboBox()
        # as wide as a short name: a long English name is elided here, whole in the list
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(24)  # a Chinese name whole (two widths a character)
        for key in KINDS:
            self.kind.addItem(self.kind_name(key), key)
        self.year = QComboBox()
        for y in plan_read.list_years(controller.db):
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(max(0, self.year.findData(year or date.today().year)))
        self.month = QSpinBox()
        self.month.setRange(1, 12)
        self.month.setValue(self._default_month(year or date.today().year))
        self.month.setSuffix(self.tr(" 月"))
        self.month.setKeyboardTracking(False)
        self.quarter = QComboBox()
        self.quarter.addItem(self.tr("全年"), None)
        for q, name in zip(QUARTERS, (self.tr("第一季度"), self.tr("第二季度"), self.tr("第三季度"), self.tr("第四季度"))):
            self.quarter.addItem(name, q)
        self.quarter.setCurrentIndex((date.today().month - 1) // 3 + 1)
        self.division = QComboBox()
        self.division.addItem(self.tr("全部处室"), None)
        for d in plan_read.list_divisions(controller.db, include_retired=False):
            if not d.is_group:
                self.division.addItem(d.name, d.name)
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

    def kind_name(self, key: str) -> str:
        dep = self.department
        # the names of the settings; the defaults and the office words in the UI's language
        superior = dep.superior.short if dep.superior.configured else self.tr("省软环境办")
        offices = {"厅": self.tr("厅"), "局": self.tr("局"), "委": self.tr("委"), "办": self.tr("办"), "单位": self.tr("单位")}
        names = {"assignment": self.tr("任务分工表"), "plan": self.tr("年度实施方案"), "monthly": self.tr("月调度情况"),
                 "provincial": self.tr("季度报告（报%1）").replace("%1", superior),
                 "leadership": self.tr("季度汇报（%1主要领导）").replace("%1", offices.get(dep.office, dep.office)),
                 "selfeval": self.tr("自我评价报告")}
        return names.get(key, KINDS[key].title if key in KINDS else key)

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

    # -- the period ------------------------------------------------------------------------------
    def _default_month(self, year: int) -> int:
        """The latest month of the year with a dispatch up to today (a month with none errors)."""
        from ..services import dispatch

        today = date.today().strftime("%Y-%m")
        months = [m for m, _closed in dispatch.month_heads(self.controller.db) if m[:4] == str(year) and m <= today]
        return int(months[-1][5:7]) if months else date.today().month

    def select(self, kind: str, year: int, month: int | None = None, quarter: int | None = None,
               division: str | None = None) -> None:
        """Open at a report and period (the 月调度 menu, a to-do of the 待办 panel)."""
        boxes = (self.kind, self.year, self.month, self.quarter, self.division)
        for box in boxes:
            box.blockSignals(True)
        try:
            self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
            self.year.setCurrentIndex(max(0, self.year.findData(year)))
            if month is not None:
                self.month.setValue(month)
            if quarter is not None:
                self.quarter.setCurrentIndex(max(0, self.quarter.findData(quarter)))
            if division is not None:
                self.division.setCurrentIndex(max(0, self.division.findData(division)))
        finally:
            for box in boxes:
                box.blockSignals(False)
        self._period_changed()

    def _sync_period(self) -> None:
        needs = KINDS[self.kind.currentData()].needs
        self.month.setEnabled("month" in needs)
        self.quarter.setEnabled("quarter" in needs or "quarter!" in needs)
        quarter_needed = "quarter!" in needs
        whole_year = self.quarter.model().item(0)  # type: ignore[attr-defined]
        whole_year.setEnabled(not quarter_needed)
        if quarter_needed and self.quarter.currentData() is None:
            self.quarter.blockSignals(True)
            self.quarter.setCurrentIndex((date.today().month - 1) // 3 + 1)
            self.quarter.blockSignals(False)
        self.division.setEnabled("division" in needs)

    def current_request(self) -> ReportRequest:
        key = self.kind.currentData()
        needs = KINDS[key].needs
        quarter = self.quarter.currentData() if ("quarter" in needs or "quarter!" in needs) else None
        return ReportRequest(key, int(self.year.currentData() or date.today().year),
                             self.month.value() if "month" in needs else None, quarter,
                             self.division.currentData() if "division" in needs else None)

    def font_folder(self) -> str | None:
        return settings.get("pdf/font_folder") or None

    def build_request(self) -> ReportRequest:
        """The request for a file: the current one with the fonts folder of the settings."""
        assert self.request is not None
        return replace(self.request, font_folder=self.font_folder())

    def _period_changed(self, *_args: Any) -> None:
        self.flush()  # what was typed belongs to the period it was typed for
        self._sync_period()
        request = self.current_request()
        if request != self.request:
            self.request = request
            self.state = None
            self.load()

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

    # -- writing -----------------------------------------------------------------------------------
    def _write(self, label: str, fn: Any, select: Any = None) -> None:
        request = self.request
        assert request is not None

        def done(value: Any, state: DraftState) -> None:
            self._show_state(state, select(value) if callable(select) else select)
        self.jobs.write(label, lambda w: fn(w, request), then=lambda db: load_state(db, request), done=done)

    def _name(self, key: str) -> str:
        """A section as an undo label names it: its heading, or its first words."""
        section = self.state.section(key) if self.state else None
        if section is None:
            return key
        if section.heading:
            return section.heading
        first = section.text.strip().split("\n")[0]
        return first[:12] + ("…" if len(first) > 12 else "")

    def _save_section(self, key: str, heading: str, text: str) -> None:
        self._write(self.tr("修改报告部分“%1”").replace("%1", heading or self._name(key)),
                    lambda w, r: drafting.save_section(w, r, key, heading=heading, text=text))

    def _regenerate(self, key: str) -> None:
        self._write(self.tr("按数据重新生成报告部分“%1”").replace("%1", self._name(key)),
                    lambda w, r: drafting.regenerate_section(w, r, key))

    def _add(self, part: str, after: str) -> None:
        heading = self.tr("新的附件") if part == "attachment" else self.tr("新的部分")
        self._write(self.tr("添加报告部分“%1”").replace("%1", heading),
                    lambda w, r: drafting.add_section(w, r, heading, "", after=after or None, part=part),
                    select=lambda key: key)

    def _drop(self, key: str) -> None:
        self._write(self.tr("删除报告部分“%1”").replace("%1", self._name(key)),
                    lambda w, r: drafting.drop_section(w, r, key))

    def _restore(self, key: str) -> None:
        dropped = next((d.heading for d in self.state.dropped if d.key == key), key) if self.state else key
        self._write(self.tr("恢复报告部分“%1”").replace("%1", dropped or key),
                    lambda w, r: drafting.restore_section(w, r, key), select=key)

    def _move(self, key: str, index: int) -> None:
        self._write(self.tr("移动报告部分“%1”").replace("%1", self._name(key)),
                    lambda w, r: drafting.move_section(w, r, key, index), select=key)

    def _title(self, title: str) -> None:
        self._write(self.tr("修改报告标题"), lambda w, r: drafting.set_title(w, r, title))

    def _save_fields(self, changed: dict[str, Any]) -> None:
        self._write(self.tr("修改报告的文件要素"), lambda w, r: drafting.set_fields(w, r, **changed))

    def discard(self) -> None:
        if self.state is None or not self.state.saved:
            return
        asked = QMessageBox.question(self, self.tr("恢复按数据起草"),
                                     self.tr("放弃本期草稿的全部修改，按当前数据重新起草？可以用“撤销”找回。"))
        if asked != QMessageBox.StandardButton.Yes:
            return
        self.sections.mark_clean()
        self._write(self.tr("放弃报告草稿的修改"), lambda w, r: drafting.discard_draft(w, r))

    def flush(self) -> None:
        """Save what is typed and not saved yet (the section, the title, the fields)."""
        if self.state is None:
            return
        self.sections.flush()
        self.fields.flush()

    # -- undo and redo -------------------------------------------------------------------------------
    def _typing(self) -> bool:
        """Typing in the section editor that its own undo can take back."""
        return self.sections.dirty() and self.sections.editor.document().isUndoAvailable()

    def undo(self) -> None:
        if self._typing():
            self.sections.editor.undo()
        elif self.controller.undo_stack.canUndo() and not self.jobs.writing:
            self.controller.undo_stack.undo()
        self._sync_undo()

    def redo(self) -> None:
        if self.sections.dirty() and self.sections.editor.document().isRedoAvailable():
            self.sections.editor.redo()
        elif self.controller.undo_stack.canRedo() and not self.jobs.writing:
            self.controller.undo_stack.redo()
        self._sync_undo()

    def _sync_undo(self, *_args: Any) -> None:
        stack = self.controller.undo_stack
        if self.jobs.closed or not isValid(stack):
            return  # the stack emits while it is destroyed with its controller
        if self._typing():
            self.act_undo.setText(self.tr("撤销输入"))
            self.act_undo.setEnabled(True)
        else:
            text = stack.undoText()
            self.act_undo.setText(self.tr("撤销 %1").replace("%1", text) if text else self.tr("撤销"))
            self.act_undo.setEnabled(stack.canUndo() and not self.jobs.writing)
        text = stack.redoText()
        self.act_redo.setText(self.tr("重做 %1").replace("%1", text) if text else self.tr("重做"))
        self.act_redo.setEnabled(stack.canRedo() and not self.jobs.writing)

    def _writing_changed(self, writing: bool) -> None:
        self._sync_undo()
        if not writing:
            waiting, self._after_writes = self._after_writes, []
            for fn in waiting:
                fn()

    def after_writes(self, fn: Any) -> None:
        """fn() once every write asked so far is saved (a file must hold the latest edits)."""
        self.flush()
        if self.jobs.writing:
            self._after_writes.append(fn)
        else:
            fn()

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
