"""Which divisions have returned the month's form, and which are still to chase (催报名单).

A small panel for the month view: set_month(month) when the month changes; it reloads itself
after every change (controller.changed), with one service call (a few queries). A returned form
can be sent back for revision with a reason (services.sendbacks: the division is chased again
and its form re-issued with the reason on it); 交回记录 lists every return and send-back.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from ..services import dispatch
from ..services import form_returns as forms
from ..services import sendbacks
from .lazy import ReloadWhenShown
from .modal import run_modal

if TYPE_CHECKING:
    from ..storage.touched import Scope

DIVISION_ROLE = Qt.ItemDataRole.UserRole + 50


class ReturnsPanel(ReloadWhenShown, QWidget):

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "dispatch_month", "dispatch_row", "division", "form_return",
                         "form_sendback"})
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.month = ""
        self.fixed_today: date | None = None  # tests pin the date; None follows the clock
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.missing = QListWidget()
        self.missing.setToolTip(self.tr("还没有交回调度表的处室"))
        self.returned = QListWidget()
        self.returned.setToolTip(self.tr("已收回调度表的处室（交回日期）"))
        self.make_button = QPushButton(self.tr("生成调度表…"))
        self.make_button.setToolTip(self.tr("为每个处室生成本月的 Excel 调度表"))
        self.collect_button = QPushButton(self.tr("收回调度表…"))
        self.collect_button.setToolTip(self.tr("读入处室交回的调度表，检查后写入"))
        self.sendback_button = QPushButton(self.tr("退回修改…"))
        self.sendback_button.setToolTip(self.tr("把所选处室交回的调度表退回修改：说明原因，并重新生成该处室的表"))
        self.history_button = QPushButton(self.tr("交回记录…"))
        self.history_button.setToolTip(self.tr("本月各处室交回与退回的记录"))
        self.copy_button = QPushButton(self.tr("复制催报名单"))
        self.copy_button.setToolTip(self.tr("把未交回的处室名单复制到剪贴板"))
        self.missing_label = QLabel(self.tr("未交回（待催报）"))
        self.returned_label = QLabel(self.tr("已交回"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.collect_button)
        returned_row = QHBoxLayout()
        returned_row.addWidget(self.returned_label, 1)
        returned_row.addWidget(self.sendback_button)
        returned_row.addWidget(self.history_button)
        chase = QHBoxLayout()
        chase.addWidget(self.missing_label, 1)
        chase.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(chase)
        layout.addWidget(self.missing, 1)
        layout.addLayout(returned_row)
        layout.addWidget(self.returned, 1)
        layout.addLayout(buttons)
        self.make_button.clicked.connect(self.open_make)
        self.collect_button.clicked.connect(self.open_collect)
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(self.missing_text()))
        self.sendback_button.clicked.connect(lambda: self.ask_send_back())
        self.history_button.clicked.connect(lambda: self.show_history())
        self.returned.currentRowChanged.connect(lambda _r: self._sync())
        self.watch(controller)
        self.reload()

    def watch_scope(self) -> Scope | None:
        """Only the shown month's rows and send-backs count."""
        return {"dispatch_row": {"month": {self.month}}, "form_return": {"month": {self.month}},
                "form_sendback": {"month": {self.month}}}

    def set_month(self, month: str) -> None:
        self.month = month or ""
        self.reload()

    def reload(self) -> None:
        self.missing.clear()
        self.returned.clear()
        head = dispatch.month_head(self.controller.db, self.month) if self.month else None
        returned: list[forms.DivisionReturn] = []
        missing: list[forms.DivisionReturn] = []
        if head is not None:
            try:
                returned, missing = forms.returned_divisions(self.controller.db, self.month)
            except BizenvError:
                head = None
        for r in missing:
            self.missing.addItem(r.name)
        backs = sendbacks.sent_back_counts(self.controller.db, self.month) if head is not None else {}
        for r in returned:
            text = self.tr("%1（%2）").replace("%1", r.name).replace("%2", r.returned_on)
            if backs.get(r.division_id):
                text += self.tr("，退回 %1 次后重交").replace("%1", str(backs[r.division_id]))
            item = QListWidgetItem(text)
            item.setToolTip(r.note)
            item.setData(DIVISION_ROLE, r.division_id)
            self.returned.addItem(item)
        for i, r in enumerate(missing):
            if backs.get(r.division_id):
                self.missing.item(i).setText(self.tr("%1（已退回修改）").replace("%1", r.name))
        open_month = head is not None and head["closed_at"] is None
        self.make_button.setEnabled(open_month)
        self.collect_button.setEnabled(open_month)
        self.copy_button.setEnabled(bool(missing))
        self._open = open_month
        self.history_button.setEnabled(head is not None)
        self._sync()
        if head is None:
            self.title.setText(self.tr("处室调度表：未选择月份。"))
        else:
            self.title.setText(self.tr("%1 处室调度表：已交回 %2 个，未交回 %3 个。").replace("%1", self.month)
                               .replace("%2", str(len(returned))).replace("%3", str(len(missing))))

    def _sync(self) -> None:
        self.sendback_button.setEnabled(bool(getattr(self, "_open", False)) and self.returned.currentRow() >= 0)

    def missing_text(self) -> str:
        return "、".join(self.missing.item(i).text().split("（")[0] for i in range(self.missing.count()))

    def selected_returned(self) -> int | None:
        item = self.returned.currentItem()
        return item.data(DIVISION_ROLE) if item is not None else None

    # -- sending back ------------------------------------------------------------------
    def send_back(self, division_id: int, reason: str, today: date | None = None) -> bool:
        """Send the division's returned form back with a reason (one undo step)."""
        name = self.controller.db.scalar("SELECT name FROM division WHERE id = ?", (division_id,)) or ""
        label = self.tr("退回修改：%1 %2").replace("%1", self.month).replace("%2", name)
        return bool(self.controller.run(label, lambda w: sendbacks.send_back(
            w, self.month, division_id, reason, today or self.fixed_today or date.today())))

    def reissue(self, division_id: int, folder: str | Path, today: date | None = None) -> Path | None:
        """Write the division's form again, with the send-back's reason on it."""
        try:
            return sendbacks.reissue_form(self.controller.db, self.month, division_id, folder,
                                          today or self.fixed_today or date.today())
        except BizenvError as exc:
            self.controller.report(exc)
            return None

    def ask_send_back(self) -> None:
        division_id = self.selected_returned()
        if division_id is None:
            return
        reason, ok = QInputDialog.getMultiLineText(self, self.tr("退回修改"),
                                                   self.tr("退回原因（将印在重新生成的调度表上）："))
        if not ok or not reason.strip() or not self.send_back(division_id, reason):
            return
        from . import file_dialogs

        folder = file_dialogs.existing_dir(self, "forms_out", self.tr("重新生成的调度表保存到"))
        if folder:
            path = self.reissue(division_id, folder)
            if path is not None:
                QMessageBox.information(self, self.tr("已重新生成"), self.tr("已生成：%1").replace("%1", str(path)))

    def history_lines(self) -> list[str]:
        kinds = {"returned": self.tr("交回"), "sent_back": self.tr("退回修改")}
        return [self.tr("%1 %2 %3：%4").replace("%1", e.on).replace("%2", e.division).replace("%3", kinds[e.kind])
                .replace("%4", e.note) for e in sendbacks.history(self.controller.db, self.month)]

    def show_history(self) -> None:
        lines = self.history_lines()
        QMessageBox.information(self, self.tr("%1 交回记录").replace("%1", self.month),
                                "\n".join(lines) if lines else self.tr("本月还没有交回记录。"))

    def open_make(self) -> None:
        from .forms_dialog import MakeFormsDialog  # openpyxl: imported when the forms are used

        run_modal(MakeFormsDialog(self.controller, self.month, self))

    def open_collect(self) -> None:
        from .forms_dialog import CollectFormsDialog

        run_modal(CollectFormsDialog(self.controller, self.month, self))
