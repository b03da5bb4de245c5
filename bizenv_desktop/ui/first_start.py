"""The first-start page: whose database this is. It asks for the department's name, how it
names itself (我厅/我局/我委) and its divisions, one per line — or takes them from the
department's own plan document (导入本单位方案…, which replaces the built-in plan of the year
while that year holds no records). Shown after the window's first paint for as long as the
department has not been set; 文件 › 设置 keeps the same things afterwards.

It also registers the liaison, and says where the data lives and how to back it up.
Saving is one undoable step (services/department_setup.setup_department, liaisons.add_liaison).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from ..services.department import Superior, default_short, get_department, set_superior
from ..services.department_setup import needs_setup, plan_divisions, setup_department
from ..services.plan_read import list_years
from .screen_fit import fit_size, scrolling

SHORT_FORMS = ("我厅", "我局", "我委", "我办", "我院", "我单位")


def short_box(current: str) -> QComboBox:
    """An editable choice of the short self-reference."""
    box = QComboBox()
    box.setEditable(True)
    box.addItems(SHORT_FORMS)
    box.setCurrentText(current)
    return box


def superior_fields(superior: Superior) -> tuple[QLineEdit, QLineEdit]:
    """The superior office's full and short names (主送机关 of the quarterly report; the short
    name in the 待办 list and the ledger's sources)."""
    tip = QCoreApplication.translate("FirstStartDialog", "季度报告的主送机关；待办事项和督办事项来源中使用简称")
    name, short = QLineEdit(superior.name), QLineEdit(superior.short)
    for box in (name, short):
        box.setToolTip(tip)
    return name, short


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
        self.superior_name, self.superior_short = superior_fields(department.superior)
        self._superior = (department.superior.name, department.superior.short)
        form.addRow(self.tr("上级办公室（全称）"), self.superior_name)
        form.addRow(self.tr("上级办公室（简称）"), self.superior_short)
        form.addRow(self.tr("处室"), self.divisions)
        liaison_box, data_box = self._liaison_box(), self._data_box()
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole).setDefault(True)
        self.later = buttons.addButton(self.tr("以后再说"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # the page scrolls rather than overflowing a 1366 x 768 screen
        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(intro)
        inner.addLayout(form, 1)
        inner.addWidget(liaison_box)
        inner.addWidget(data_box)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(content, self), 1)
        layout.addWidget(buttons)
        fit_size(self, 680, 720)

    # -- the liaison, where the data lives, how to back up (issue 15) ---------------------
    def _liaison_box(self) -> QGroupBox:
        """Who the liaison is (管理 › 联络员登记 keeps the register later)."""
        from ..services import plan_read

        box = QGroupBox(self.tr("联络员"), self)
        current = [x for x in plan_read.list_liaisons(self.controller.db) if x.current]
        self.current_liaison = current[-1] if current else None
        self.liaison_name = QLineEdit(self.current_liaison.name if self.current_liaison else "")
        self.liaison_name.setPlaceholderText(self.tr("姓名（可以以后在“管理 › 联络员登记”中填写）"))
        self.liaison_division = QComboBox()
        self.liaison_division.setEditable(True)
        self.liaison_phone = QLineEdit(self.current_liaison.phone if self.current_liaison else "")
        self._fill_liaison_divisions()
        self.divisions.textChanged.connect(self._fill_liaison_divisions)
        for w in (self.liaison_name, self.liaison_division, self.liaison_phone):
            w.setEnabled(self.current_liaison is None)
        form = QFormLayout(box)
        form.addRow(self.tr("姓名"), self.liaison_name)
        form.addRow(self.tr("所在处室"), self.liaison_division)
        form.addRow(self.tr("电话"), self.liaison_phone)
        if self.current_liaison is not None:
            form.addRow(QLabel(self.tr("已登记；变更请用“管理 › 联络员登记”。")))
        return box

    def _fill_liaison_divisions(self) -> None:
        names = [line.strip() for line in self.divisions.toPlainText().splitlines() if line.strip()]
        chosen = self.liaison_division.currentText() or next((n for n in names if n == "法规处"), "")
        self.liaison_division.blockSignals(True)
        self.liaison_division.clear()
        self.liaison_division.addItems(names)
        self.liaison_division.setCurrentText(chosen)
        self.liaison_division.blockSignals(False)

    def _data_box(self) -> QGroupBox:
        """Where the data lives and how it is backed up."""
        from ..services.backup import backup_dir
        from ..services.evidence import evidence_dir

        path = self.controller.workspace.path
        box = QGroupBox(self.tr("数据保存在哪里，如何备份"), self)
        where = QLabel(self.tr("数据库：%1<br>佐证材料：%2<br>自动备份：%3")
                       .replace("%1", _code(path)).replace("%2", _code(evidence_dir(path)))
                       .replace("%3", _code(backup_dir(path))))
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        where.setWordWrap(True)
        how = QLabel(self.tr("程序每次启动和每天自动备份一次。重要操作前请用“文件 › 立即备份”，并定期把备份文件复制到"
                             " U 盘或单位网盘；换电脑时用“文件 › 从备份恢复”。"))
        how.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.backup_button.clicked.connect(self.backup_now)
        guide = QPushButton(self.tr("备份说明…"))
        guide.clicked.connect(lambda: self._help("backup"))
        start = QPushButton(self.tr("使用指南…"))
        start.clicked.connect(lambda: self._help("start"))
        row = QHBoxLayout()
        for b in (self.backup_button, guide, start):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(where)
        layout.addWidget(how)
        layout.addLayout(row)
        return box

    def backup_now(self) -> None:
        from . import maintenance

        maintenance.backup_now(self, self.controller)

    def _help(self, topic: str) -> None:
        from .help_window import show_help

        show_help(self, topic)

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
        liaison = self.liaison_name.text().strip() if self.current_liaison is None else ""
        division, phone = self.liaison_division.currentText().strip(), self.liaison_phone.text().strip()
        superior = (self.superior_name.text().strip(), self.superior_short.text().strip())

        def save(w: Any) -> None:
            setup_department(w, name, short, lines)
            if superior != self._superior:
                set_superior(w, *superior)
            if liaison:  # one step with the department: one undo
                from datetime import date

                from ..services.divisions import find_division
                from ..services.liaisons import add_liaison

                add_liaison(w, liaison, date.today().isoformat(),
                            division_id=find_division(w, division) if division else None, phone=phone)
        if self.controller.run(self.tr("设置本单位信息"), save):
            super().accept()


def _code(path: Any) -> str:
    from html import escape

    return f"<code>{escape(str(path))}</code>"


def offer(window: Any, controller: Any) -> FirstStartDialog | None:
    """Show the first-start page (window-modal, not blocking) while the department is not set."""
    if not needs_setup(controller.db) or controller.workspace.read_only:
        return None
    dialog = FirstStartDialog(controller, window)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    QTimer.singleShot(0, dialog, dialog.open)  # dropped if the dialog goes first
    window.first_start_dialog = dialog
    return dialog
