"""Picker for an indicator's divisions and groups, each with a role (牵头/负责/配合)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QPushButton,
                               QTableWidget, QVBoxLayout, QWidget)

from ..core.model import Assignment, Division

ROLES = ("lead", "responsible", "cooperate")


def role_label(role: str) -> str:
    return {"lead": QCoreApplication.translate("AssignmentEditor", "牵头"),
            "responsible": QCoreApplication.translate("AssignmentEditor", "负责"),
            "cooperate": QCoreApplication.translate("AssignmentEditor", "配合")}[role]


class AssignmentEditor(QWidget):
    """Rows of (division or group, role); value() gives [(division_id, role)] in order."""

    def __init__(self, divisions: list[Division], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.divisions = divisions
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("处室 / 分组"), self.tr("职责")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("添加处室"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.up_button = QPushButton(self.tr("上移"), self)
        self.down_button = QPushButton(self.tr("下移"), self)
        self.add_button.clicked.connect(self.add_unused)
        self.remove_button.clicked.connect(self.remove_row)
        self.up_button.clicked.connect(lambda: self.move_row(-1))
        self.down_button.clicked.connect(lambda: self.move_row(1))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_value(self, assignments: list[Assignment]) -> None:
        self.table.setRowCount(0)
        for a in assignments:
            self.add_row(a.division_id, a.role)

    def add_row(self, division_id: int | None, role: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        division_box = QComboBox(self.table)
        for d in self.divisions:
            if d.active or d.id == division_id:
                suffix = self.tr("（分组）") if d.is_group else ""
                if not d.active:
                    suffix += self.tr("（已停用）")
                division_box.addItem(d.name + suffix, d.id)
        if division_id is not None:
            division_box.setCurrentIndex(max(0, division_box.findData(division_id)))
        role_box = QComboBox(self.table)
        for r in ROLES:
            role_box.addItem(role_label(r), r)
        role_box.setCurrentIndex(ROLES.index(role))
        self.table.setCellWidget(row, 0, division_box)
        self.table.setCellWidget(row, 1, role_box)
        self.table.selectRow(row)

    def add_unused(self) -> None:
        """添加处室: a division not yet listed, as 配合 (it added a copy of the first row)."""
        used = {division_id for division_id, _role in self.value()}
        free = [d for d in self.divisions if d.active and d.id not in used]
        free.sort(key=lambda d: d.is_group)  # single divisions before groups
        self.add_row(free[0].id if free else None, "cooperate")

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_row(self, delta: int) -> None:
        value = self.value()
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < len(value):
            return
        value.insert(target, value.pop(row))
        self.table.setRowCount(0)
        for division_id, role in value:
            self.add_row(division_id, role)
        self.table.selectRow(target)

    def value(self) -> list[tuple[int, str]]:
        out = []
        for row in range(self.table.rowCount()):
            division_box = self.table.cellWidget(row, 0)
            role_box = self.table.cellWidget(row, 1)
            out.append((division_box.currentData(), role_box.currentData()))
        return out
