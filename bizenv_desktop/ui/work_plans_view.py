"""处室工作方案 (四（二）): which divisions owe the year's 工作方案, by when, when each came in, with
the file; the chase line of those missing. Reads through services.work_plans; each action is
one undo step.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QApplication, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSplitter, QVBoxLayout, QWidget)

from ..services import plan_read
from ..services import work_plans as wp
from ..services.work_plans import WorkPlan
from . import file_dialogs
from .evidence_panel import EvidencePanel
from .lazy import ReloadWhenShown
from .record_page import RecordPage, record_table
from .rows_model import RowsModel
from .tr_marks import QT_TRANSLATE_NOOP

CTX = "WorkPlansView"
HEADERS = (QT_TRANSLATE_NOOP("WorkPlansView", "处室"), QT_TRANSLATE_NOOP("WorkPlansView", "须报送"),
           QT_TRANSLATE_NOOP("WorkPlansView", "报送期限"), QT_TRANSLATE_NOOP("WorkPlansView", "收到日期"),
           QT_TRANSLATE_NOOP("WorkPlansView", "名称"), QT_TRANSLATE_NOOP("WorkPlansView", "佐证"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 42
MISSING_BG = QColor(248, 208, 206)
GREY = QColor(128, 128, 128)


class WorkPlansModel(RowsModel):
    CONTEXT, HEADERS, ROW_ROLE = CTX, HEADERS, ROW_ROLE
    today = date.today()

    def text(self, p: WorkPlan, col: int) -> str:
        return (p.division, self.tr("是") if p.owes else self.tr("否"), p.due_on,
                p.received_on or (self.tr("未交") if p.owes else ""), p.title,
                str(p.evidence_count) if p.evidence_count else "")[col]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        p = self.rows[index.row()] if index.isValid() else None
        if p is not None and role == Qt.ItemDataRole.BackgroundRole and p.missing and p.due_on < self.today.isoformat():
            return QBrush(MISSING_BG)
        if p is not None and role == Qt.ItemDataRole.ForegroundRole and not p.owes:
            return QBrush(GREY)
        return super().data(index, role)


class ReceiveDialog(QDialog):
    """When the plan came in, its name, and (optionally) the file."""

    def __init__(self, division: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记收到工作方案：%1").replace("%1", division))
        self.date = QDateEdit(QDate(today.year, today.month, today.day))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("如 法规处2026年营商环境工作方案"))
        self.file = QLineEdit()
        self.file.setPlaceholderText(self.tr("可选：方案文件，存为佐证材料"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("收到日期"), self.date)
        form.addRow(self.tr("名称"), self.title)
        form.addRow(self.tr("文件"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        path = file_dialogs.open_file(self, "evidence", self.tr("选择工作方案文件"))
        if path:
            self.file.setText(path)

    def values(self) -> tuple[str, str, str]:
        return self.date.date().toString("yyyy-MM-dd"), self.title.text(), self.file.text().strip()


class WorkPlansView(RecordPage[WorkPlan], ReloadWhenShown, QWidget):
    ROW_ROLE, SELECT_COLUMN = ROW_ROLE, 0
    ROW_KEY = "division_id"

    """The divisions that owe a work plan in the year, what came in, and who to chase."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "calendar_year", "dimension", "division", "evidence", "evidence_link",
                         "indicator", "plan_year", "setting", "work_plan", "workday_override"})

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year = year
        self.fixed_today = today
        self.model = WorkPlansModel(self)
        self.table = record_table(self, self.model, (120, 60, 100, 100, 260, 50))
        self.chase = QLabel(self)
        self.chase.setWordWrap(True)
        self.receive_button = QPushButton(self.tr("登记收到…"), self)
        self.unreceive_button = QPushButton(self.tr("撤销收到"), self)
        self.owes_button = QPushButton(self.tr("设为不须报送"), self)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due_button = QPushButton(self.tr("设为全部处室的期限"), self)
        self.copy_button = QPushButton(self.tr("复制催报名单"), self)
        self.evidence = EvidencePanel(controller, self)
        actions = QHBoxLayout()
        for w in (self.receive_button, self.unreceive_button, self.owes_button, None, QLabel(self.tr("报送期限：")),
                  self.due, self.due_button):
            if w is None:
                actions.addStretch(1)
            else:
                actions.addWidget(w)
        chase = QHBoxLayout()
        chase.addWidget(self.chase, 1)
        chase.addWidget(self.copy_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("四（二）各处室立足职能职责，细化指标体系中的工作任务，形成工作方案。"), self))
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        layout.addLayout(chase)
        self.receive_button.clicked.connect(lambda: self.ask_receive())
        self.unreceive_button.clicked.connect(lambda: self._unreceive_selected())
        self.owes_button.clicked.connect(lambda: self._toggle_owes())
        self.due_button.clicked.connect(lambda: self.set_due(self.due.date().toString("yyyy-MM-dd")))
        self.copy_button.clicked.connect(lambda: QApplication.clipboard().setText(self.chase.text()))
        self.follow_selection(controller)

    def reload(self) -> None:
        db = self.controller.db
        self.year = self.year_to_show(plan_read.list_years(db))
        keep = self.selected()
        self.model.today = self.today
        plans = wp.list_work_plans(db, self.year, include_not_owed=True) if self.year else []
        self.model.replace_rows(plans)
        line = wp.chase_line(db, self.year) if self.year else ""
        self.chase.setText(line or self.tr("%1 年度各处室工作方案已全部收到。").replace("%1", str(self.year or "")))
        self.chase.setStyleSheet("color: #c00000" if line else "")
        self.copy_button.setEnabled(bool(line))
        due = min((p.due_on for p in plans if p.owes), default=f"{self.year or self.today.year}-03-31")
        self.due.setDate(QDate.fromString(due, "yyyy-MM-dd"))
        if keep is not None:
            self.select(keep.division_id)
        self._selection_changed()

    def _selection_changed(self) -> None:
        p = self.selected()
        self.receive_button.setEnabled(bool(p and p.owes))
        self.unreceive_button.setEnabled(bool(p and p.received_on))
        self.owes_button.setEnabled(p is not None)
        self.owes_button.setText(self.tr("设为须报送") if p and not p.owes else self.tr("设为不须报送"))
        self.evidence.set_target("work_plan" if p and p.row_id else None, p.row_id if p else None)

    # -- actions (each one undo step) ------------------------------------------------
    def _name(self, division_id: int) -> str:
        return next((p.division for p in self.model.rows if p.division_id == division_id), str(division_id))

    def receive(self, division_id: int, on: str, title: str = "", file: str | Path | None = None) -> bool:
        label = self.tr("收到工作方案：%1").replace("%1", self._name(division_id))
        year = self.year
        assert year is not None
        return bool(self.controller.run(label, lambda w: wp.receive(
            w, year, division_id, on, title, file=file or None, db_path=self.controller.workspace.path,
            today=self.today)))

    def unreceive(self, division_id: int) -> bool:
        label = self.tr("撤销收到工作方案：%1").replace("%1", self._name(division_id))
        return bool(self.controller.run(label, lambda w: wp.unreceive(w, self.year or 0, division_id)))

    def set_owes(self, division_id: int, owes: bool) -> bool:
        label = (self.tr("%1须报送工作方案") if owes else self.tr("%1不须报送工作方案")).replace(
            "%1", self._name(division_id))
        return bool(self.controller.run(label, lambda w: wp.set_owes(w, self.year or 0, division_id, owes)))

    def set_due(self, due_on: str) -> bool:
        label = self.tr("工作方案报送期限：%1").replace("%1", due_on)
        return bool(self.controller.run(label, lambda w: wp.set_due(w, self.year or 0, due_on)))

    def _unreceive_selected(self) -> None:
        p = self.selected()
        if p is not None:
            self.unreceive(p.division_id)

    def _toggle_owes(self) -> None:
        p = self.selected()
        if p is not None:
            self.set_owes(p.division_id, not p.owes)

    def ask_receive(self) -> None:
        p = self.selected()
        if p is None or not p.owes:
            return
        values = self.ask(ReceiveDialog(p.division, self.today, self))
        if values is not None:
            on, title, file = values
            self.receive(p.division_id, on, title, file or None)
