"""The liaison registry (联络员登记) of seed indicator (2): who, from when to when, when reported.

Every change is one controller.run step (undoable from the main window); the dialog reads
through plan_read and the liaisons service only and rebuilds itself on controller.changed.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.model import Division, Liaison
from ..services import liaisons, plan_read
from .lazy import ReloadWhenShown
from .settings import PreserveGeometry
from .widgets import as_record_list

ID_ROLE = Qt.ItemDataRole.UserRole
COL_NAME, COL_DIVISION, COL_PHONE, COL_START, COL_END, COL_REPORTED, COL_NOTE = range(7)
WARN_FG = QColor(166, 27, 27)
WARN_BG = QColor(253, 226, 225)


def _iso(day: date | str | None) -> str:
    return day.isoformat() if isinstance(day, date) else (day or "")


def _date_edit(iso: str = "") -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    d = date.fromisoformat(iso) if iso else date.today()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


def _checked_date(box: QCheckBox, edit: QDateEdit) -> QHBoxLayout:
    edit.setEnabled(box.isChecked())
    box.toggled.connect(edit.setEnabled)
    row = QHBoxLayout()
    row.addWidget(box)
    row.addWidget(edit, 1)
    return row


class LiaisonForm(QDialog):
    """Form for one registry entry; values() gives the fields for the liaisons service."""

    def __init__(self, divisions: list[Division], liaison: Liaison | None = None,
                 default_division: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑联络员") if liaison else self.tr("登记新联络员"))
        self.liaison = liaison
        self.name = QLineEdit(liaison.name if liaison else "")
        self.division = QComboBox()
        self.division.addItem(self.tr("（未指定）"), None)
        chosen = liaison.division_id if liaison else default_division
        for d in divisions:
            if not d.is_group and (d.active or d.id == chosen):
                self.division.addItem(d.name, d.id)
        self.division.setCurrentIndex(max(0, self.division.findData(chosen)) if chosen is not None else 0)
        self.phone = QLineEdit(liaison.phone if liaison else "")
        self.start = _date_edit(liaison.start_date if liaison else "")
        self.has_end = QCheckBox(self.tr("已离任"))
        self.has_end.setChecked(bool(liaison and liaison.end_date))
        self.end = _date_edit(liaison.end_date if liaison else "")
        self.reported = QCheckBox(self.tr("已报备"))
        self.reported.setChecked(bool(liaison and liaison.reported_on))
        self.reported_on = _date_edit(liaison.reported_on if liaison else "")
        self.note = QLineEdit(liaison.note if liaison else "")
        form = QFormLayout(self)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("处室"), self.division)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("任职开始"), self.start)
        end_row = _checked_date(self.has_end, self.end)
        form.addRow(self.tr("任职结束"), end_row)
        form.setRowVisible(end_row, liaison is not None)  # a new entry ends the current one by itself
        form.addRow(self.tr("报备日期"), _checked_date(self.reported, self.reported_on))
        form.addRow(self.tr("备注"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(420, 300)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name.text(), "division_id": self.division.currentData(), "phone": self.phone.text().strip(),
            "start_date": self.start.date().toString("yyyy-MM-dd"), "note": self.note.text().strip(),
            "reported_on": self.reported_on.date().toString("yyyy-MM-dd") if self.reported.isChecked() else "",
        }
        if self.liaison is not None:
            out["end_date"] = self.end.date().toString("yyyy-MM-dd") if self.has_end.isChecked() else ""
        return out


class LiaisonDialog(ReloadWhenShown, PreserveGeometry, QDialog):
    """The registry table, a line about the current liaison, and the actions on entries."""

    WATCHES = frozenset({"division", "liaison"})  # what refresh() reads (tests/ui/test_watches.py)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("联络员登记"))
        self._rows: list[Liaison] = []
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 7, self)
        self.table.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("处室"), self.tr("电话"), self.tr("任职开始"),
                                              self.tr("任职结束"), self.tr("报备日期"), self.tr("备注")])
        as_record_list(self.table)
        self.register_button = QPushButton(self.tr("登记新联络员…"), self)
        self.edit_button = QPushButton(self.tr("编辑…"), self)
        self.report_button = QPushButton(self.tr("标记已报备"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.register_button.clicked.connect(self.ask_register)
        self.edit_button.clicked.connect(self.ask_edit)
        self.report_button.clicked.connect(self._report_selected)
        self.delete_button.clicked.connect(self.ask_delete)
        self.close_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.itemDoubleClicked.connect(self.ask_edit)
        buttons = QHBoxLayout()
        for b in (self.register_button, self.edit_button, self.report_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.watch(controller, queued=False)
        self.refresh()
        self.resize(820, 400)
        self.restore_geometry()

    # -- reading --------------------------------------------------------------
    def liaisons(self) -> list[Liaison]:
        """The registry in table order (by start date)."""
        return list(self._rows)

    def selected(self) -> Liaison | None:
        items = self.table.selectedItems()
        lid = items[0].data(ID_ROLE) if items else None
        return next((x for x in self._rows if x.id == lid), None)

    def select(self, liaison_id: int) -> bool:
        for row, x in enumerate(self._rows):
            if x.id == liaison_id:
                self.table.selectRow(row)
                return True
        return False

    def status_text(self) -> str:
        return self.status.text()

    def _status(self, unreported: list[dict[str, Any]]) -> str:
        current = [x for x in self._rows if x.current]
        if not current:
            head = self.tr("尚未登记现任联络员（指标 (2)：配备营商环境建设联络员，如有变更须及时报备）。")
        else:
            x = current[-1]
            who = self.tr("%1（%2）").replace("%1", x.name).replace("%2", x.division_name) if x.division_name else x.name
            head = self.tr("现任联络员：%1，%2 起任职。").replace("%1", who).replace("%2", x.start_date)
        if unreported:
            items = [self.tr("%1（%2 起）").replace("%1", r["name"]).replace("%2", r["start_date"]) for r in unreported]
            return head + self.tr("尚未报备的变更：%1。").replace("%1", self.tr("、").join(items))
        return head + (self.tr("所有变更均已报备。") if self._rows else "")

    def refresh_stale(self) -> None:  # a change it watches (when hidden: once, when shown again)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the registry, keeping the selection."""
        keep = self.selected()
        self._rows = plan_read.list_liaisons(self.controller.db)
        unreported = liaisons.unreported_changes(self.controller.db)
        self.status.setText(self._status(unreported))
        self.status.setStyleSheet(f"color: {WARN_FG.name()};" if unreported else "")
        self.table.clearSelection()
        self.table.setRowCount(len(self._rows))
        for row, x in enumerate(self._rows):
            cells = (x.name, x.division_name, x.phone, x.start_date, x.end_date or self.tr("现任"),
                     x.reported_on or self.tr("未报备"), x.note)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, x.id)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                if col == COL_REPORTED and not x.reported_on:
                    item.setForeground(QBrush(WARN_FG))
                    item.setBackground(QBrush(WARN_BG))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        if keep is not None:
            self.select(keep.id)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        x = self.selected()
        self.edit_button.setEnabled(x is not None)
        self.delete_button.setEnabled(x is not None)
        self.report_button.setEnabled(x is not None and not x.reported_on)

    # -- actions (no modal input; each is one undo step) ------------------------
    def _run(self, label: str, action: Callable[[Any], Any]) -> bool:
        """controller.run with error boxes shown over this dialog."""
        previous = self.controller.dialog_parent
        self.controller.dialog_parent = self
        try:
            return bool(self.controller.run(label, action))
        finally:
            self.controller.dialog_parent = previous

    def _name(self, liaison_id: int) -> str:
        return next((x.name for x in self._rows if x.id == liaison_id), str(liaison_id))

    def register(self, name: str, start_date: date | str, division_id: int | None = None, phone: str = "",
                 reported_on: date | str = "", note: str = "") -> int | None:
        """Register a new liaison (the current one is ended the day before); its id, or None."""
        new_id: list[int] = []
        fields = {"division_id": division_id, "phone": phone, "reported_on": _iso(reported_on), "note": note}
        ok = self._run(self.tr("登记联络员“%1”").replace("%1", name.strip()),
                       lambda w: new_id.append(liaisons.add_liaison(w, name, _iso(start_date), **fields)))
        if ok and new_id:
            self.select(new_id[0])
            return new_id[0]
        return None

    def edit(self, liaison_id: int, **fields: Any) -> bool:
        """Change fields of an entry (name, division_id, phone, start_date, end_date, reported_on, note)."""
        fields = {k: _iso(v) if isinstance(v, date) else v for k, v in fields.items()}
        label = self.tr("修改联络员“%1”").replace("%1", self._name(liaison_id))
        return self._run(label, lambda w: liaisons.update_liaison(w, liaison_id, **fields))

    def mark_reported(self, liaison_id: int, on: date | str | None = None) -> bool:
        """Record the 报备 date of an entry (today unless given)."""
        day = _iso(on) or date.today().isoformat()
        label = self.tr("联络员“%1”已报备").replace("%1", self._name(liaison_id))
        return self._run(label, lambda w: liaisons.update_liaison(w, liaison_id, reported_on=day))

    def delete(self, liaison_id: int) -> bool:
        label = self.tr("删除联络员“%1”").replace("%1", self._name(liaison_id))
        return self._run(label, lambda w: liaisons.delete_liaison(w, liaison_id))

    # -- interactive wrappers ---------------------------------------------------
    def _divisions(self) -> list[Division]:
        return plan_read.list_divisions(self.controller.db)

    def ask_register(self) -> None:
        current = [x for x in self._rows if x.current]
        form = LiaisonForm(self._divisions(), None, current[-1].division_id if current else None, self)
        accepted, v = form.exec() == QDialog.DialogCode.Accepted, form.values()
        form.deleteLater()
        if accepted:
            self.register(v["name"], v["start_date"], v["division_id"], v["phone"], v["reported_on"], v["note"])

    def ask_edit(self, *_: Any) -> None:
        x = self.selected()
        if x is None:
            return
        form = LiaisonForm(self._divisions(), x, parent=self)
        accepted, values = form.exec() == QDialog.DialogCode.Accepted, form.values()
        form.deleteLater()
        if accepted:
            self.edit(x.id, **values)

    def _report_selected(self) -> None:
        x = self.selected()
        if x is not None:
            self.mark_reported(x.id)

    def ask_delete(self) -> None:
        x = self.selected()
        if x is None:
            return
        text = self.tr("删除联络员“%1”（%2 起）的登记？此操作可以撤销。").replace("%1", x.name).replace("%2", x.start_date)
        if QMessageBox.question(self, self.tr("确认删除"), text) == QMessageBox.StandardButton.Yes:
            self.delete(x.id)

    # -- closing ------------------------------------------------------------
    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)
