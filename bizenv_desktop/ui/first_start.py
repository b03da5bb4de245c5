"""The first-start page: whose database this is. It asks for the department's name, how it
names itself (我厅/我局/我委) and its divisions, one per line — or takes them from the
department's own plan document (导入本单位方案…, which replaces the built-in plan of the year
while that year holds no records). Shown after the window's first paint for as long as the
department has not been set; 文件 › 设置 keeps the same things afterwards.

Saving is one undoable step (services/department_setup.setup_department).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QVBoxLayout, QWidget)

from ..services.department import default_short, get_department
from ..services.department_setup import needs_setup, plan_divisions, setup_department
from ..services.plan_read import list_years
from .screen_fit import fit_size

SHORT_FORMS = ("我厅", "我局", "我委", "我办", "我院", "我单位")


def short_box(current: str) -> QComboBox:
    """An editable choice of the short self-reference."""
    box = QComboBox()
    box.setEditable(True)
    box.addItems(SHORT_FORMS)
    box.setCurrentText(current)
    return box


class FirstStartDialog(QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("欢迎使用：本单位信息"))
        department = get_department(controller.db)
        intro = QLabel(self.tr("请填写本单位的名称、简称和处室（每行一个处室）。也可以导入本单位的考核评价实施方案，"
                               "处室会从方案的“责任处室”中读出。以后可在“文件 › 设置”中修改。"))
        intro.setWordWrap(True)
        self.name = QLineEdit(department.name)
        self.name.setPlaceholderText(self.tr("如：××省××厅"))
        self.short = short_box(department.short)
        self.name.textEdited.connect(lambda text: self.short.setCurrentText(default_short(text)))
        self.divisions = QPlainTextEdit("\n".join(plan_divisions(controller.db)))
        self.divisions.setPlaceholderText(self.tr("每行一个处室，如：\n办公室\n法规处"))
        self.import_button = QPushButton(self.tr("导入本单位方案…"))
        self.import_button.clicked.connect(lambda: self.import_plan())
        form = QFormLayout()
        form.addRow(self.tr("单位名称"), self.name)
        form.addRow(self.tr("简称"), self.short)
        form.addRow(self.tr("处室"), self.divisions)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        self.later = buttons.addButton(self.tr("以后再说"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        fit_size(self, 620, 520)

    def import_plan(self) -> int | None:
        """The department's own plan document as this year's plan (replacing the built-in one
        while it holds no records); the name and divisions are then read from it."""
        from .plan_import_dialog import PlanImportDialog

        years = list_years(self.controller.db)
        dialog = PlanImportDialog(self.controller, self, years[-1] if years else None, allow_replace=True)
        self.plan_dialog = dialog
        dialog.exec()
        if dialog.imported_year is None:
            return None
        head = self.controller.db.scalar("SELECT office FROM plan_year WHERE year = ?", (dialog.imported_year,))
        if head:
            self.name.setText(head)
            self.short.setCurrentText(default_short(head))
        self.divisions.setPlainText("\n".join(plan_divisions(self.controller.db)))
        return dialog.imported_year

    def accept(self) -> None:
        name, short = self.name.text(), self.short.currentText()
        lines = self.divisions.toPlainText().splitlines()
        if self.controller.run(self.tr("设置本单位信息"), lambda w: setup_department(w, name, short, lines)):
            super().accept()


def offer(window: Any, controller: Any) -> FirstStartDialog | None:
    """Show the first-start page (window-modal, not blocking) while the department is not set."""
    if not needs_setup(controller.db) or controller.workspace.read_only:
        return None
    dialog = FirstStartDialog(controller, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    QTimer.singleShot(0, dialog, dialog.open)  # dropped if the dialog goes first
    window.first_start_dialog = dialog
    return dialog
