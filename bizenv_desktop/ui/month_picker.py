"""开始本月: which month to start, from a list (not free text), the month that is due first."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..services import dispatch
from ..storage.database import Database


class MonthPickerDialog(QDialog):
    def __init__(self, db: Database, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("开始本月"))
        self.due = dispatch.due_month(db, today)
        months = dispatch.startable_months(db, today)
        self.box = QComboBox(self)
        for month in months:
            text = self.tr("%1年%2月").replace("%1", month[:4]).replace("%2", str(int(month[5:7])))
            if month == self.due:
                text += self.tr("（应办）")
            self.box.addItem(text, month)
        later = [m for m in months if m >= self.due]
        if later:
            self.box.setCurrentIndex(self.box.findData(later[0]))
        note = QLabel(self.tr("选择要开始的月份。上月的状态、存在问题、下步打算和数值会带入，进展只在已完成时带入。"), self)
        note.setWordWrap(True)
        head = dispatch.month_head(db, self.due)
        self.open_note = QLabel(self.tr("%1 仍在填报中，尚未关闭；关闭它用“月调度 › 关闭本月”。").replace("%1", self.due), self)
        self.open_note.setWordWrap(True)
        self.open_note.setVisible(head is not None and head["closed_at"] is None)
        self.empty = QLabel(self.tr("没有可以开始的月份：本月和下月都已开始，或还没有年度方案。"), self)
        self.empty.setWordWrap(True)
        self.empty.setVisible(not months)
        self.box.setVisible(bool(months))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(months))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (note, self.open_note, self.box, self.empty, self.buttons):
            layout.addWidget(w)
        self.resize(420, 160)

    def month(self) -> str:
        return self.box.currentData() or ""
