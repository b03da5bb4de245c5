"""The edits of the 报告与打印 dialog (ui/report_dialog.py): each change of the draft (a section,
the title, the fields, adding, dropping, moving, discarding) is one write off the GUI thread
(ui/report_jobs.py) and one step of the app's undo stack; 撤销 and 重做 take back typing in the
section editor first, then those steps.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox
from shiboken6 import isValid

from ..services import drafting
from ..services.drafting.kinds import ReportRequest
from .report_fields import FieldsPage
from .report_jobs import Jobs
from .report_sections import SectionsPage
from .report_state import DraftState, load_state

# a mixin of ReportDialog: mypy sees the dialog it becomes part of, Python a plain class
if TYPE_CHECKING:
    _Dialog = QDialog
else:
    _Dialog = object


class ReportEdits(_Dialog):
    """The writing half of ReportDialog (its tr() strings: this context in the .ts, found along the MRO)."""

    controller: Any
    jobs: Jobs
    request: ReportRequest | None
    state: DraftState | None
    sections: SectionsPage
    fields: FieldsPage
    act_undo: QAction
    act_redo: QAction
    _after_writes: list[Any]
    _show_state: Callable[[DraftState, str | None], None]  # the dialog's

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
