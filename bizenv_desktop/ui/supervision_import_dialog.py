"""从 Excel 导入督办事项台账: choose a workbook (.xlsx, .xls, .ods) and sheet, see every item as
read (and whether it will be new, updated or left as it is) with the warnings, confirm how every
unit the ledger names is mapped (单位 tab; 分管领导 are people and never divisions), then import as
one undoable step (the unit choices are remembered for the next file).

Reading the ledger and matching it against the database run on a worker (ui/tasks.py: a
read task; another sheet or unit choice replaces a read still running); nothing is written
until 导入, a write task (one transaction, one undo step; Cancel leaves nothing).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from ..core.progress import Progress
from ..services.excel.supervision_apply import ledger_units, mapped_units
from ..services.excel.supervision_import import (LedgerChanges, LedgerPreview, apply_supervision_import,
                                                 plan_supervision_import, read_supervision_ledger)
from .columns import widen_to_titles
from .preview_models import LazyRowsModel
from .settings import PreserveGeometry
from .supervision_dialog import status_label
from .tasks import Latest, Task
from .unit_mapping_table import UnitMappingTable

(COL_ACTION, COL_ROW, COL_NO, COL_SOURCE, COL_RECEIVED, COL_CONTENT, COL_LEAD, COL_COOP, COL_DEADLINE, COL_STATUS,
 COL_LEADER, COL_TYPE) = range(12)


Planned = tuple[Any, "LedgerChanges | BizenvError"]  # (unit mapping, plan) made on the worker


HEADERS = (QT_TRANSLATE_NOOP("ImportSupervisionDialog", "导入后"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "表格行"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "编号"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "来源"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "交办日期"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "事项内容"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "牵头处室"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "配合处室"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "办结时限"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "状态"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "分管领导"),
           QT_TRANSLATE_NOOP("ImportSupervisionDialog", "督办类型"))


class ItemsModel(LazyRowsModel):
    """The items as read, their texts made when a row is first shown (preview_models): a model,
    not 12 widget items a row (a 10 000-row ledger made 120 000 of them on the GUI thread: 378 ms)."""

    CONTEXT, HEADERS = "ImportSupervisionDialog", tuple(str(h) for h in HEADERS)


class ImportSupervisionDialog(PreserveGeometry, QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None, path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.preview: LedgerPreview | None = None
        self.changes: LedgerChanges | None = None
        self.imported = False
        self._filling = False
        self.reading = Latest(self)  # reading the file and matching it (the newest request wins)
        self.setWindowTitle(self.tr("从 Excel 导入督办事项台账"))
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("选择要导入的工作簿（.xlsx、.xls 或 .ods）"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(lambda: self.choose_file())
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(lambda _i: self._sheet_changed())
        form = QFormLayout()
        form.addRow(self.tr("文件"), file_row)
        form.addRow(self.tr("工作表"), self.sheet)
        self.items = ItemsModel(self)
        self.table = QTableView()
        self.table.setModel(self.items)
        self.table.verticalHeader().hide()
        # fit the columns to the rows in view: measuring a 10 000-row ledger's every cell took 330 ms
        self.table.horizontalHeader().setResizeContentsPrecision(0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        widen_to_titles(self.table.horizontalHeader())  # English titles are longer (issue 15)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(120)
        self.summary = QLabel(self.tr("请选择要导入的督办事项台账。"))
        self.summary.setWordWrap(True)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda: self.do_import())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        self.units = UnitMappingTable()
        self.units.changed.connect(lambda: self.refresh(keep_units=True))
        items_page = QWidget()
        items_layout = QVBoxLayout(items_page)
        items_layout.setContentsMargins(0, 0, 0, 0)
        items_layout.addWidget(QLabel(self.tr("读到的督办事项（按编号匹配已有事项，其次按事项内容和交办日期；不会删除任何内容）")))
        items_layout.addWidget(self.table, 1)
        units_page = QWidget()
        units_layout = QVBoxLayout(units_page)
        units_layout.setContentsMargins(0, 0, 0, 0)
        hint = QLabel(self.tr("台账中写到的每个单位如何对应到本厅处室；黄色的请确认（名称相近、新处室或不是单位）。"
                              "确认的对应关系会记住，下次导入自动使用。"))
        hint.setWordWrap(True)
        units_layout.addWidget(hint)
        units_layout.addWidget(self.units, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(items_page, self.tr("事项"))
        self.tabs.addTab(units_page, self.tr("单位"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(QLabel(self.tr("提示")))
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        self.resize(1100, 680)
        self.restore_geometry()
        if path is not None:
            self.load(path)

    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)

    # -- reading ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择督办事项台账"), "",
                                              self.tr("电子表格 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)"))
        if name:
            self.load(name)

    def load(self, path: str | Path, sheet: str | None = None) -> None:
        """Read path (the sheet given, else the first with a ledger) and match it, on a worker;
        the dialog fills in when it is read (reading.busy until then), or says why not."""
        def read(db: Any, progress: Progress) -> tuple[LedgerPreview, Planned]:
            preview = read_supervision_ledger(path, sheet, progress=progress)
            return preview, self._plan(db, preview, None, progress)
        self.reading.request(
            lambda: self.controller.tasks.read(self.tr("正在读取“%1”").replace("%1", Path(path).name), read,
                                               parent=self, failed=lambda _e: None),
            done=lambda result: self._loaded(path, *result), failed=self._read_failed)

    def _read_failed(self, exc: BaseException) -> None:
        self.controller.tasks.report(exc)
        if self.preview is not None and self.sheet.currentText() != self.preview.sheet:
            self._filling = True  # the other sheet could not be read: show the one that was
            self.sheet.setCurrentText(self.preview.sheet)
            self._filling = False

    def _loaded(self, path: str | Path, preview: LedgerPreview, planned: Planned) -> None:
        self.preview = preview
        self.file_edit.setText(str(path))
        self._filling = True
        self.sheet.clear()
        self.sheet.addItems(preview.sheets)
        self.sheet.setCurrentText(preview.sheet)
        self._filling = False
        self._show(planned, new_units=True)

    def _sheet_changed(self) -> None:
        if not self._filling and self.preview is not None and self.sheet.currentText() != self.preview.sheet:
            self.load(self.preview.path, self.sheet.currentText())

    # -- planning --------------------------------------------------------------------------
    @staticmethod
    def _plan(db: Any, preview: LedgerPreview, units: Any, progress: Progress | None) -> Planned:
        """On the worker: (the unit mapping, what importing would do, or why it cannot)."""
        try:
            unit_map = units if units is not None else ledger_units(db, preview)
            return unit_map, plan_supervision_import(db, preview, unit_map, progress=progress)
        except BizenvError as exc:
            return None, exc

    def refresh(self, keep_units: bool = False) -> None:
        """Match the items read against the database again (keep_units: units as the 单位 tab
        maps them now), on a worker."""
        pv = self.preview
        if pv is None:
            return
        units = self.units.unit_map if keep_units else None
        self.import_button.setEnabled(False)
        self.reading.request(
            lambda: self.controller.tasks.read(self.tr("正在比对“%1”").replace("%1", pv.path.name),
                                               lambda db, p: self._plan(db, pv, units, p), parent=self,
                                               failed=lambda _e: None),
            done=lambda planned: self._show(planned, new_units=units is None), failed=self.controller.tasks.report)

    def _show(self, planned: Planned, new_units: bool) -> None:
        """Show the items read and what importing them would do."""
        self.changes = None
        pv = self.preview
        if pv is None:
            return
        unit_map, changes = planned
        if isinstance(changes, BizenvError):
            self.controller.report(changes)
            self.import_button.setEnabled(False)
            return
        if new_units:
            self.units.set_map(unit_map)
            self.tabs.setTabText(1, self.tr("单位（请确认）") if self.units.needs_confirming() else self.tr("单位"))
        self.changes = changes
        actions = {c.row: c.action for c in self.changes.changes}
        names = {"create": self.tr("新建"), "update": self.tr("更新")}
        units, unchanged = self.changes.units, self.tr("不变")

        def texts(item: Any) -> list[str]:
            deadline = item.deadline
            if item.deadline_text:
                deadline = self.tr("%1（%2）").replace("%1", item.deadline_text).replace("%2", item.deadline) \
                    if item.deadline else item.deadline_text
            lead, coop = mapped_units(item, units)
            return [names.get(actions.get(item.row, ""), unchanged), str(item.row), item.no, item.source,
                    item.received, item.content, "、".join(lead), "、".join(coop), deadline,
                    status_label(item.status), item.ledger.get("leader", ""), item.ledger.get("supervision_type", "")]
        self.items.show_rows(list(pv.items), texts)
        self.table.resizeColumnsToContents()
        # the item's content gets the room: other columns at most ten characters wide (tool tips
        # and a wider column on a drag show the rest; 配合处室 and 办结时限 took half the width)
        widest = self.table.fontMetrics().horizontalAdvance("中" * 10)
        header = self.table.horizontalHeader()
        for col in range(self.items.columnCount()):
            if col != COL_CONTENT and header.sectionSize(col) > widest:
                header.resizeSection(col, widest)
        header.setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        notes = [str(w) for w in pv.warnings] + self.changes.warnings + [str(s) for s in pv.skipped]
        if self.changes.divisions:
            notes.append(self.tr("将新建处室：%1").replace("%1", "、".join(self.changes.divisions)))
        self.notes.setPlainText("\n".join(notes))
        self.summary.setText(" ".join(filter(None, [self.changes.summary(), self.units.counts_text()])))
        self.import_button.setEnabled(bool(self.changes))

    def cell(self, row: int, col: int) -> str:
        """The text shown at row, col of the items table."""
        return self.items.texts(row)[col]

    # -- importing -------------------------------------------------------------------------
    def do_import(self) -> Task | None:
        """Import as one undoable step, on a worker; the dialog closes when it is written.
        Returns the task (None when there is nothing to import)."""
        if self.preview is None or not self.changes or self.reading.busy:
            return None
        preview, units = self.preview, self.units.unit_map
        label = self.tr("从 Excel 导入督办事项（%1）").replace("%1", preview.path.name)

        def imported(_changes: Any) -> None:
            self.imported = True
            self.accept()
        return self.controller.tasks.write(
            label, lambda w, p: apply_supervision_import(w, preview, units=units, progress=p), done=imported,
            parent=self)
