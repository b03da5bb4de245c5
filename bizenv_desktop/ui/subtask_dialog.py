"""Dialog for a sub-task of a key task (重点工作任务分解): what, who, by when."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget)

from ..core.model import Division, Indicator, Subtask
from .screen_fit import fit_size


class SubtaskDialog(QDialog):
    def __init__(self, divisions: list[Division], subtask: Subtask | None = None, parent: QWidget | None = None,
                 default_year: int | None = None, indicator: Indicator | None = None) -> None:
        """indicator: the second-level indicator the sub-task belongs to (named at the top; a new
        sub-task's division defaults to its lead, else its first responsible division)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑子任务") if subtask else self.tr("新增子任务"))
        self.owner = QLabel(self.tr("所属指标：%1 %2").replace("%1", indicator.code).replace("%2", indicator.name)
                            if indicator else "")
        self.owner.setWordWrap(True)
        self.owner.setVisible(indicator is not None)
        self.name = QLineEdit(subtask.name if subtask else "")
        self.division = QComboBox()
        self.division.addItem(self.tr("（未指定）"), None)
        for d in divisions:
            if not d.is_group and (d.active or (subtask and d.id == subtask.division_id)):
                self.division.addItem(d.name, d.id)
        if subtask and subtask.division_id is not None:
            self.division.setCurrentIndex(max(0, self.division.findData(subtask.division_id)))
        elif subtask is None and indicator is not None:
            owners = sorted((a for a in indicator.assignments if a.role in ("lead", "responsible") and not a.is_group),
                            key=lambda a: a.role != "lead")
            for a in owners:
                index = self.division.findData(a.division_id)
                if index > 0:
                    self.division.setCurrentIndex(index)
                    break
        self.person = QLineEdit(subtask.person if subtask else "")
        self.has_deadline = QCheckBox(self.tr("设定"))
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        if subtask and subtask.deadline:
            d = date.fromisoformat(subtask.deadline)
            self.deadline.setDate(QDate(d.year, d.month, d.day))
            self.has_deadline.setChecked(True)
        else:
            self.deadline.setDate(QDate(default_year or date.today().year, 12, 31))
        self.deadline.setEnabled(self.has_deadline.isChecked())
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.note = QPlainTextEdit(subtask.note if subtask else "")
        self.note.setTabChangesFocus(True)
        row = QHBoxLayout()
        row.addWidget(self.has_deadline)
        row.addWidget(self.deadline, 1)
        form = QFormLayout(self)
        form.addRow(self.owner)
        form.addRow(self.tr("任务内容"), self.name)
        form.addRow(self.tr("责任处室"), self.division)
        form.addRow(self.tr("责任人"), self.person)
        form.addRow(self.tr("完成时限"), row)
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        fit_size(self, 520, 380)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text(), "division_id": self.division.currentData(),
            "person": self.person.text(), "note": self.note.toPlainText(),
            "deadline": self.deadline.date().toString("yyyy-MM-dd") if self.has_deadline.isChecked() else "",
        }
