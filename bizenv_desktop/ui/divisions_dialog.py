"""Divisions (处室/直属单位) and groups: add, rename, change kind, merge, retire, restore, delete.

Every change is one controller.run step, so the main window's undo stack can take it back.
The dialog reads through plan_read only and rebuilds itself whenever the controller changes.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QInputDialog, QLineEdit, QMessageBox, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..core.model import DIVISION_KINDS, Division
from ..services import divisions, plan_read
from .lazy import ReloadWhenShown
from .settings import PreserveGeometry
from .widgets import as_record_list

ID_ROLE = Qt.ItemDataRole.UserRole
COL_NAME, COL_KIND, COL_STATUS, COL_USES = range(4)


def kind_label(kind: str) -> str:
    """处室 / 直属单位 / 分组 for a division kind."""
    return {"division": QCoreApplication.translate("DivisionsDialog", "处室"),
            "unit": QCoreApplication.translate("DivisionsDialog", "直属单位"),
            "group": QCoreApplication.translate("DivisionsDialog", "分组")}.get(kind, kind)


class NewDivisionDialog(QDialog):
    """Asks for the name and kind of a new division or group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增处室或分组"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("例如：政务服务处"))
        self.kind = QComboBox()
        for k in DIVISION_KINDS:
            self.kind.addItem(kind_label(k), k)
        form = QFormLayout(self)
        form.addRow(self.tr("名称"), self.name)
        form.addRow(self.tr("类型"), self.kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DivisionsDialog(ReloadWhenShown, PreserveGeometry, QDialog):
    """The list of all divisions and groups, with the actions that change them."""

    WATCHES = frozenset({"assignment", "division", "subtask"})  # what refresh() reads (tests/ui/test_watches.py)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("处室管理"))
        self._all: list[Division] = []
        self._rows: list[Division] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("名称"), self.tr("类型"), self.tr("状态"), self.tr("引用次数")])
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        as_record_list(self.table)
        self.show_retired = QCheckBox(self.tr("显示已停用"), self)
        self.add_button = QPushButton(self.tr("新增…"), self)
        self.rename_button = QPushButton(self.tr("重命名…"), self)
        self.kind_button = QPushButton(self.tr("更改类型…"), self)
        self.merge_button = QPushButton(self.tr("合并到…"), self)
        self.retire_button = QPushButton(self.tr("停用"), self)
        self.restore_button = QPushButton(self.tr("恢复"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.add_button.clicked.connect(self.ask_add)
        self.rename_button.clicked.connect(self.ask_rename)
        self.kind_button.clicked.connect(self.ask_kind)
        self.merge_button.clicked.connect(self.ask_merge)
        self.retire_button.clicked.connect(lambda: self._on_selected(self.retire))
        self.restore_button.clicked.connect(lambda: self._on_selected(self.restore))
        self.delete_button.clicked.connect(self.ask_delete)
        self.close_button.clicked.connect(self.reject)
        self.show_retired.toggled.connect(lambda _checked: self.refresh())
        self.table.itemSelectionChanged.connect(self._sync_buttons)
        self.table.itemDoubleClicked.connect(self.ask_rename)
        side = QVBoxLayout()
        for b in (self.add_button, self.rename_button, self.kind_button, self.merge_button,
                  self.retire_button, self.restore_button, self.delete_button):
            side.addWidget(b)
        side.addStretch(1)
        side.addWidget(self.close_button)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.show_retired)
        self.watch(controller, queued=False)
        self.refresh()
        self.resize(640, 420)
        self.restore_geometry()

    # -- reading --------------------------------------------------------------
    def divisions(self) -> list[Division]:
        """Every division and group, retired ones included."""
        return list(self._all)

    def shown(self) -> list[Division]:
        """The divisions in the table, in row order."""
        return list(self._rows)

    def division_named(self, name: str) -> Division | None:
        return next((d for d in self._all if d.name == name), None)

    def status_text(self, d: Division) -> str:
        if d.merged_into is not None:
            target = next((x.name for x in self._all if x.id == d.merged_into), "?")
            return self.tr("已合并到 %1").replace("%1", target)
        if d.retired_on is not None:
            return self.tr("已停用 %1").replace("%1", d.retired_on)
        return self.tr("在用")

    def references(self, division_id: int) -> int:
        """Everything that names the division: assignments, sub-tasks, liaisons, merged divisions."""
        d = next((x for x in self._all if x.id == division_id), None)
        liaisons = sum(1 for x in plan_read.list_liaisons(self.controller.db) if x.division_id == division_id)
        merged = sum(1 for x in self._all if x.merged_into == division_id)
        return (d.use_count if d else 0) + liaisons + merged

    def merge_targets(self, source_id: int) -> list[Division]:
        """Active divisions of the same family (division/unit, or group) other than source."""
        source = next((x for x in self._all if x.id == source_id), None)
        if source is None:
            return []
        return [d for d in self._all if d.active and d.id != source_id and d.is_group == source.is_group]

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    def selected(self) -> Division | None:
        sid = self.selected_id()
        return next((d for d in self._all if d.id == sid), None)

    def select(self, division_id: int) -> bool:
        for row, d in enumerate(self._rows):
            if d.id == division_id:
                self.table.selectRow(row)
                return True
        return False

    def refresh_stale(self) -> None:  # a change it watches (when hidden: once, when shown again)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the divisions, keeping the selection when the row is still shown."""
        keep = self.selected_id()
        self._all = plan_read.list_divisions(self.controller.db)
        self._rows = [d for d in self._all if d.active or self.show_retired.isChecked()]
        dim = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.table.clearSelection()
        self.table.setRowCount(len(self._rows))
        for row, d in enumerate(self._rows):
            cells = (d.name, kind_label(d.kind), self.status_text(d), str(d.use_count))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, d.id)
                item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
                if col == COL_USES:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not d.active:
                    item.setForeground(dim)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        if keep is not None:
            self.select(keep)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        d = self.selected()
        self.rename_button.setEnabled(d is not None)
        self.kind_button.setEnabled(d is not None)
        self.merge_button.setEnabled(d is not None and d.active and bool(self.merge_targets(d.id)))
        self.retire_button.setEnabled(d is not None and d.active)
        self.restore_button.setEnabled(d is not None and not d.active)
        self.delete_button.setEnabled(d is not None and self.references(d.id) == 0)

    # -- actions (no modal input; each is one undo step) ------------------------
    def _run(self, label: str, action: Callable[[Any], Any]) -> bool:
        """controller.run with error boxes shown over this dialog."""
        previous = self.controller.dialog_parent
        self.controller.dialog_parent = self
        try:
            return bool(self.controller.run(label, action))
        finally:
            self.controller.dialog_parent = previous

    def _name(self, division_id: int) -> str:
        return next((d.name for d in self._all if d.id == division_id), str(division_id))

    def add(self, name: str, kind: str = "division") -> int | None:
        """Add a division or group; its id, or None when refused."""
        new_id: list[int] = []
        ok = self._run(self.tr("新增处室“%1”").replace("%1", name.strip()),
                       lambda w: new_id.append(divisions.add_division(w, name, kind)))
        if ok and new_id:
            self.select(new_id[0])
            return new_id[0]
        return None

    def rename(self, division_id: int, name: str) -> bool:
        label = self.tr("将“%1”改名为“%2”").replace("%1", self._name(division_id)).replace("%2", name.strip())
        return self._run(label, lambda w: divisions.rename_division(w, division_id, name))

    def set_kind(self, division_id: int, kind: str) -> bool:
        label = self.tr("将“%1”改为%2").replace("%1", self._name(division_id)).replace("%2", kind_label(kind))
        return self._run(label, lambda w: divisions.set_division_kind(w, division_id, kind))

    def merge(self, source_id: int, target_id: int) -> bool:
        label = self.tr("将“%1”合并到“%2”").replace("%1", self._name(source_id)).replace("%2", self._name(target_id))
        return self._run(label, lambda w: divisions.merge_divisions(w, source_id, target_id))

    def retire(self, division_id: int, on: date | None = None) -> bool:
        label = self.tr("停用“%1”").replace("%1", self._name(division_id))
        return self._run(label, lambda w: divisions.retire_division(w, division_id, on))

    def restore(self, division_id: int) -> bool:
        label = self.tr("恢复“%1”").replace("%1", self._name(division_id))
        return self._run(label, lambda w: divisions.restore_division(w, division_id))

    def delete(self, division_id: int) -> bool:
        label = self.tr("删除“%1”").replace("%1", self._name(division_id))
        return self._run(label, lambda w: divisions.delete_division(w, division_id))

    def merge_summary(self, source_id: int, target_id: int) -> str:
        """What a merge will move, for the confirmation box."""
        source = next(d for d in self._all if d.id == source_id)
        liaisons = sum(1 for x in plan_read.list_liaisons(self.controller.db) if x.division_id == source_id)
        text = self.tr("“%1”的 %2 项指标分工和子任务将移到“%3”（两者都承担的指标只保留较重的职责），"
                       "%4 条联络员登记也将改为“%3”。\n“%1”随后停用，显示为“已合并到 %3”。此操作可以撤销。")
        return (text.replace("%1", source.name).replace("%2", str(source.use_count))
                .replace("%3", self._name(target_id)).replace("%4", str(liaisons)))

    # -- interactive wrappers ---------------------------------------------------
    def _on_selected(self, action: Callable[[int], Any]) -> None:
        sid = self.selected_id()
        if sid is not None:
            action(sid)

    def ask_add(self) -> None:
        form = NewDivisionDialog(self)
        accepted = form.exec() == QDialog.DialogCode.Accepted
        form.deleteLater()
        if accepted:
            self.add(form.name.text(), form.kind.currentData())

    def ask_rename(self, *_: Any) -> None:
        d = self.selected()
        if d is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("重命名"), self.tr("“%1”的新名称：").replace("%1", d.name),
                                        QLineEdit.EchoMode.Normal, d.name)
        if ok and name.strip() and name.strip() != d.name:
            self.rename(d.id, name)

    def ask_kind(self) -> None:
        d = self.selected()
        if d is None:
            return
        labels = [kind_label(k) for k in DIVISION_KINDS]
        choice, ok = QInputDialog.getItem(self, self.tr("更改类型"), self.tr("“%1”的类型：").replace("%1", d.name),
                                          labels, DIVISION_KINDS.index(d.kind), False)
        if ok and DIVISION_KINDS[labels.index(choice)] != d.kind:
            self.set_kind(d.id, DIVISION_KINDS[labels.index(choice)])

    def ask_merge(self) -> None:
        d = self.selected()
        targets = self.merge_targets(d.id) if d else []
        if d is None or not targets:
            return
        names = [t.name for t in targets]
        choice, ok = QInputDialog.getItem(self, self.tr("合并到"), self.tr("把“%1”合并到：").replace("%1", d.name),
                                          names, 0, False)
        if not ok or choice not in names:
            return
        target = targets[names.index(choice)]
        answer = QMessageBox.question(self, self.tr("确认合并"), self.merge_summary(d.id, target.id))
        if answer == QMessageBox.StandardButton.Yes:
            self.merge(d.id, target.id)

    def ask_delete(self) -> None:
        d = self.selected()
        if d is None:
            return
        answer = QMessageBox.question(self, self.tr("确认删除"),
                                      self.tr("删除“%1”？此操作可以撤销。").replace("%1", d.name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(d.id)

    # -- closing ------------------------------------------------------------
    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)
