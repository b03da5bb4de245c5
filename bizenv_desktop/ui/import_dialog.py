"""从 Excel 导入指标: choose a workbook (.xlsx, .xls, .ods) and sheet, correct the column roles,
confirm how every unit it names is mapped (单位 tab: existing division, a near match to confirm,
new, a group, not a unit), see what will be created or updated, then import into a year as one
undoable step (the choices are remembered for the next file).

Reading the table and matching it against the year run on a worker (ui/tasks.py: a read
task; a newer read, after a role, sheet or unit change, replaces one still running); nothing
is written until 导入, a write task (one transaction, one undo step, Cancel leaves nothing).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QTreeView, QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from ..core.progress import Progress
from ..services.excel.columns import ROLES
from ..services.excel.indicator_import import Change, PlanChanges, apply_import, plan_changes, table_units
from ..services.excel.indicator_read import read_indicator_table
from ..services.excel.preview import ImportPreview
from .preview_models import LazyTreeModel
from .settings import PreserveGeometry
from .tasks import Latest, Task
from .unit_mapping_table import UnitMappingTable

COL_LETTER, COL_HEADER, COL_ROLE = range(3)
# (unit mapping, plan, the plan's tree model) made on the worker
Planned = tuple[Any, "PlanChanges | BizenvError | None", "LazyTreeModel | None"]
COL_CONTENT = 2


class ChangesModel(LazyTreeModel):
    """The planned changes as a tree (an indicator's children and assignments under it), the
    texts of a change made when it is first shown: a 10 000-row table plans about 30 000
    changes, one QTreeWidgetItem each was 166 ms of the GUI thread."""

    CONTEXT = "ImportIndicatorsDialog"
    HEADERS = tuple(str(h) for h in (
        QT_TRANSLATE_NOOP("ImportIndicatorsDialog", "操作"), QT_TRANSLATE_NOOP("ImportIndicatorsDialog", "对象"),
        QT_TRANSLATE_NOOP("ImportIndicatorsDialog", "内容"), QT_TRANSLATE_NOOP("ImportIndicatorsDialog", "表格行")))

    @classmethod
    def of(cls, changes: list[Change]) -> LazyTreeModel:
        """The model of the changes (on the worker), each under the latest indicator with the
        label it names as parent (the top level when none came before it)."""
        where: dict[str, int] = {}
        count = [0]

        def parent_of(change: Change) -> int:
            n = count[0]
            count[0] += 1
            up = where.get(change.parent, -1) if change.parent else -1
            if change.entity == "indicator":
                where[change.label] = n
            return up
        return cls.build(changes, parent_of)


class ImportIndicatorsDialog(PreserveGeometry, QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None,
                 path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.preview: ImportPreview | None = None
        self.changes: PlanChanges | None = None
        self.imported_year: int | None = None
        self._filling = False
        self.reading = Latest(self)  # reading the file and matching it (the newest request wins)
        self.setWindowTitle(self.tr("从 Excel 导入指标"))
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
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or date.today().year)
        self.year.valueChanged.connect(lambda _v: self.refresh_changes())
        form = QFormLayout()
        form.addRow(self.tr("文件"), file_row)
        form.addRow(self.tr("工作表"), self.sheet)
        form.addRow(self.tr("导入到年度"), self.year)
        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels([self.tr("列"), self.tr("表头文字"), self.tr("列的含义")])
        self.columns.verticalHeader().hide()
        self.columns.horizontalHeader().setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Stretch)
        self.changes_model: LazyTreeModel = ChangesModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.changes_model)
        self.tree.setUniformRowHeights(True)  # one line a change: no row measured to lay out 30 000
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # fit the columns to the rows in view, not to every one of 30 000 changes
        self.tree.header().setResizeContentsPrecision(0)
        self.tree.header().setSectionResizeMode(COL_CONTENT, QHeaderView.ResizeMode.Stretch)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.notes.setMaximumHeight(110)
        self.summary = QLabel(self.tr("请选择要导入的工作簿。"))
        self.summary.setWordWrap(True)
        self.units = UnitMappingTable()
        self.units.changed.connect(lambda: self.refresh_changes(keep_units=True))
        columns_page = QWidget()
        columns_layout = QVBoxLayout(columns_page)
        columns_layout.setContentsMargins(0, 0, 0, 0)
        columns_layout.addWidget(QLabel(self.tr("列的含义（识别有误时请更正）")))
        columns_layout.addWidget(self.columns)
        units_page = QWidget()
        units_layout = QVBoxLayout(units_page)
        units_layout.setContentsMargins(0, 0, 0, 0)
        units_hint = QLabel(self.tr("表中写到的每个单位如何对应到本厅处室；黄色的请确认（名称相近、新处室或不是单位）。"
                                    "确认的对应关系会记住，下次导入自动使用。"))
        units_hint.setWordWrap(True)
        units_layout.addWidget(units_hint)
        units_layout.addWidget(self.units)
        self.left_tabs = QTabWidget()
        self.left_tabs.addTab(columns_page, self.tr("列的含义"))
        self.left_tabs.addTab(units_page, self.tr("单位"))
        left = self.left_tabs
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("将要新建和更新的内容（不会删除任何内容）")))
        right_layout.addWidget(self.tree)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(lambda: self.do_import())
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(QLabel(self.tr("提示")))
        layout.addWidget(self.notes)
        layout.addLayout(buttons)
        self.resize(1100, 700)
        self.restore_geometry()
        if path is not None:
            self.load(path)

    # -- names shown for the roles -----------------------------------------------------------
    def role_names(self) -> dict[str, str]:
        return {"ignore": self.tr("（不导入）"), "seq": self.tr("序号"), "dimension": self.tr("维度"),
                "first": self.tr("一级指标"), "second": self.tr("二级指标"), "subtask": self.tr("子任务"),
                "criteria": self.tr("考评内容及标准"),
                "score": self.tr("分值"), "lead": self.tr("牵头处室"), "responsible": self.tr("责任处室"),
                "cooperate": self.tr("配合处室"), "person": self.tr("责任人"), "deadline": self.tr("完成时限"),
                "note": self.tr("备注")}

    def action_names(self) -> dict[str, str]:
        return {"create": self.tr("新建"), "update": self.tr("更新")}

    def field_names(self) -> dict[str, str]:
        return {"code": self.tr("编号"), "name": self.tr("名称"), "criteria": self.tr("考评内容及标准"),
                "score": self.tr("分值"), "deadline": self.tr("完成时限"), "role": self.tr("职责"),
                "person": self.tr("责任人"), "note": self.tr("备注"), "division_id": self.tr("处室")}

    def duty_names(self) -> dict[str, str]:
        return {"lead": self.tr("牵头"), "responsible": self.tr("负责"), "cooperate": self.tr("配合")}

    def entity_names(self) -> dict[str, str]:
        return {"year": self.tr("年度"), "dimension": self.tr("维度"), "indicator": self.tr("指标"),
                "division": self.tr("处室"), "assignment": self.tr("责任分工"), "subtask": self.tr("子任务")}

    # -- reading ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择指标表"), "",
                                              self.tr("电子表格 (*.xlsx *.xlsm *.xls *.ods);;所有文件 (*)"))
        if name:
            self.load(name)

    def load(self, path: str | Path, sheet: str | None = None, roles: dict[int, str] | None = None) -> None:
        """Read path (sheet and column roles as given) and match it against the year, on a
        worker; the dialog fills in when it is read (reading.busy until then), or says why not."""
        chosen = self.year.value()

        def read(db: Any, progress: Progress) -> tuple[ImportPreview, int, Planned]:
            preview = read_indicator_table(path, sheet, roles, progress=progress)
            year = preview.year_hint if sheet is None and preview.year_hint else chosen
            return preview, year, self._plan(db, year, preview, None, progress)
        self.reading.request(
            lambda: self.controller.tasks.read(self.tr("正在读取“%1”").replace("%1", Path(path).name), read,
                                               parent=self, failed=lambda _e: None),
            done=lambda result: self._loaded(path, *result), failed=self.controller.tasks.report)

    def _loaded(self, path: str | Path, preview: ImportPreview, year: int, planned: Planned) -> None:
        self.preview = preview
        self.file_edit.setText(str(path))
        if year != self.year.value():
            self.year.blockSignals(True)
            self.year.setValue(year)
            self.year.blockSignals(False)
        self._filling = True
        self.sheet.clear()
        self.sheet.addItems(preview.sheets)
        self.sheet.setCurrentText(preview.sheet)
        self._fill_columns(preview)
        self._filling = False
        self._show_changes(planned, new_units=True)

    def _sheet_changed(self) -> None:
        if not self._filling and self.preview is not None and self.sheet.currentText() != self.preview.sheet:
            self.load(self.preview.path, self.sheet.currentText())

    def _fill_columns(self, preview: ImportPreview) -> None:
        names = self.role_names()
        self.columns.setRowCount(len(preview.columns))
        for row, col in enumerate(preview.columns):
            letter = QTableWidgetItem(col.letter)
            letter.setFlags(Qt.ItemFlag.ItemIsEnabled)
            header = QTableWidgetItem(col.header)
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.columns.setItem(row, COL_LETTER, letter)
            self.columns.setItem(row, COL_HEADER, header)
            box = QComboBox()
            for role in ROLES:
                box.addItem(names[role], role)
            box.setCurrentIndex(box.findData(col.role))
            box.currentIndexChanged.connect(lambda _i: self.roles_changed())
            self.columns.setCellWidget(row, COL_ROLE, box)
        self.columns.resizeColumnToContents(COL_ROLE)

    def current_roles(self) -> dict[int, str]:
        """{column number: role} as the combo boxes now say."""
        if self.preview is None:
            return {}
        out = {}
        for row, col in enumerate(self.preview.columns):
            box = self.columns.cellWidget(row, COL_ROLE)
            out[col.index] = box.currentData() if isinstance(box, QComboBox) else col.role
        return out

    def set_role(self, column: int, role: str) -> None:
        """Set the role of a sheet column (1 = A), as the user would with its combo box."""
        assert self.preview is not None
        row = next(i for i, c in enumerate(self.preview.columns) if c.index == column)
        box = self.columns.cellWidget(row, COL_ROLE)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(role))

    def roles_changed(self) -> None:
        if self._filling or self.preview is None:
            return
        self.load(self.preview.path, self.preview.sheet, self.current_roles())

    # -- planning --------------------------------------------------------------------------
    @staticmethod
    def _plan(db: Any, year: int, preview: ImportPreview, units: Any, progress: Progress | None) -> Planned:
        """On the worker: (the unit mapping, what importing would do); the plan is None when the
        roles must be corrected first, the error when it cannot be planned."""
        if preview.errors:
            return None, None, None
        try:
            unit_map = units if units is not None else table_units(db, preview)
            changes = plan_changes(db, year, preview, unit_map, progress)
        except BizenvError as exc:
            return None, exc, None
        return unit_map, changes, ChangesModel.of(changes.changes)

    def refresh_changes(self, keep_units: bool = False) -> None:
        """Match the table read against the year now chosen (keep_units: with the mapping as the
        liaison set it), on a worker."""
        pv, year = self.preview, self.year.value()
        if pv is None:
            return
        units = self.units.unit_map if keep_units else None
        self.import_button.setEnabled(False)
        self.reading.request(
            lambda: self.controller.tasks.read(self.tr("正在比对“%1”").replace("%1", pv.path.name),
                                               lambda db, p: self._plan(db, year, pv, units, p), parent=self,
                                               failed=lambda _e: None),
            done=lambda planned: self._show_changes(planned, new_units=units is None),
            failed=self.controller.tasks.report)

    def _show_changes(self, planned: Planned, new_units: bool) -> None:
        self._show_tree(ChangesModel())
        self.changes = None
        pv = self.preview
        if pv is None:
            return
        unit_map, changes, tree = planned
        notes = [str(w) for w in pv.warnings] + [str(s) for s in pv.skipped]
        if pv.errors or (changes is None and unit_map is None):
            self.summary.setText(self.tr("无法导入：请先更正列的含义。"))
            self.notes.setPlainText("\n".join(pv.errors + notes))
            self.import_button.setEnabled(False)
            return
        if isinstance(changes, BizenvError) or changes is None:
            if changes is not None:
                self.controller.report(changes)
            self.import_button.setEnabled(False)
            return
        if new_units:
            self.units.set_map(unit_map)
            asks = self.units.needs_confirming()
            self.left_tabs.setTabText(1, self.tr("单位（请确认）") if asks else self.tr("单位"))
        self.changes = changes
        self.notes.setPlainText("\n".join(notes + self.changes.warnings))
        if tree is not None:
            self._show_tree(tree)
        self.summary.setText(" ".join(filter(None, [self.changes.summary(), self.units.counts_text()])))
        self.import_button.setEnabled(bool(self.changes))

    def _show_tree(self, model: LazyTreeModel) -> None:
        """Show the tree of the changes (made on the worker), expanded, its columns fitted."""
        model.set_maker(self._change_texts())
        model.setParent(self)
        old, self.changes_model = self.changes_model, model
        self.tree.setModel(model)
        old.deleteLater()
        if not model.rows:
            return
        self.tree.expandAll()
        for c in range(self.changes_model.columnCount()):
            if c != COL_CONTENT:
                self.tree.resizeColumnToContents(c)

    def _change_texts(self) -> Any:
        """make(change) -> the texts of its row: 操作, 对象, 内容 (with what an update changes), 表格行."""
        actions, entities, fields, duties = (self.action_names(), self.entity_names(), self.field_names(),
                                             self.duty_names())

        def make(change: Change) -> list[str]:
            texts = [actions[change.action], entities[change.entity], change.label,
                     "" if change.row is None else str(change.row)]
            details = "；".join(
                f"{fields.get(f, f)}: {self._short(duties.get(o, o) if f == 'role' else o)} → "
                f"{self._short(duties.get(n, n) if f == 'role' else n)}" for f, o, n in change.fields)
            if details:
                texts[2] += f"（{details}）"
            return texts
        return make

    @staticmethod
    def _short(value: Any) -> str:
        text = "" if value is None else (f"{value:g}" if isinstance(value, float) else " ".join(str(value).split()))
        return text if len(text) <= 24 else text[:23] + "…"

    # -- importing -------------------------------------------------------------------------
    def do_import(self) -> Task | None:
        """Import into the chosen year as one undoable step, on a worker; the dialog closes
        when it is written. Returns the task (None when there is nothing to import)."""
        if self.preview is None or not self.changes or self.reading.busy:
            return None
        preview, year, units = self.preview, self.year.value(), self.units.unit_map
        label = self.tr("从 Excel 导入指标（%1）").replace("%1", preview.path.name)

        def imported(_changes: Any) -> None:
            self.imported_year = year
            self.accept()
        return self.controller.tasks.write(label, lambda w, p: apply_import(w, year, preview, units, progress=p),
                                           done=imported, parent=self)
