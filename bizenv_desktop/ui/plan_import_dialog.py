"""文件 › 导入方案文档: a plan document (Word .docx, a .txt, or text pasted from Word, WPS or a
PDF reader) as a new plan year. The dialog shows the tree the import makes, how it differs from
the year before, how each unit it names is mapped (the liaison can change any), and the
reader's notes; 导入 writes it all as one undoable step (controller.run).

Reading a file (or the pasted text) runs on the runner (controller.tasks.read: a large Word
file takes a moment, and python-docx is loaded on first use); only the newest read counts. The
preview, which reads the database, runs on the GUI thread and takes a few milliseconds.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QTableWidget,
                               QTableWidgetItem, QTabWidget, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from ..services.department_setup import division_names
from ..services.plan_doc import ParsedPlan, read_plan_document, read_plan_text
from ..services.plan_import import PlanImportPreview, apply_plan_import, default_year, preview_plan_import
from ..services.plan_read import list_years
from ..services.unit_mapping import UnitMap
from ..storage.database import Database
from .screen_fit import fit_size
from .settings import PreserveGeometry
from .tasks import Latest, Task, explain

COL_MAP = 1


class PlanImportDialog(PreserveGeometry, QDialog):
    loaded = Signal()  # a document was read (or refused): the preview is up to date

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None,
                 allow_replace: bool = False) -> None:
        super().__init__(parent)
        self.controller = controller
        self.plan: ParsedPlan | None = None
        self.preview: PlanImportPreview | None = None
        self.units: UnitMap | None = None
        self.imported_year: int | None = None
        self.source_name = ""
        # opened to replace a year (first start): that year, unless the document names another
        self._replace_year = year if allow_replace else None
        self._filling = False
        self._reads = Latest(self)  # a newer read replaces one still running
        self._ticket = 0  # of the newest read: the outcome of an older one is not shown
        self.setWindowTitle(self.tr("导入方案文档"))
        # -- where the document comes from
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("选择 Word 文档（.docx）或文本文件（.txt）"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(lambda: self.choose_file())
        file_page = QWidget()
        file_row = QHBoxLayout(file_page)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(browse)
        self.paste = QPlainTextEdit()
        self.paste.setPlaceholderText(self.tr("把方案全文粘贴到这里（可从 Word、WPS 或 PDF 阅读器中复制），再点“读取粘贴的文字”。"))
        read_paste = QPushButton(self.tr("读取粘贴的文字"))
        read_paste.clicked.connect(lambda: self.load_text(self.paste.toPlainText()))
        paste_page = QWidget()
        paste_layout = QHBoxLayout(paste_page)
        paste_layout.addWidget(self.paste, 1)
        paste_layout.addWidget(read_paste, 0, Qt.AlignmentFlag.AlignTop)
        self.source = QTabWidget()
        self.source.addTab(file_page, self.tr("从文件"))
        self.source.addTab(paste_page, self.tr("粘贴文字"))
        self.source.setMaximumHeight(130)
        # -- the year
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or (max(list_years(controller.db), default=2025) + 1))
        self.year.valueChanged.connect(lambda _v: self._year_changed())
        self.replace = QCheckBox(self.tr("替换该年度现有的方案（该年度还没有月调度、自评等记录时）"))
        self.replace.setVisible(allow_replace)
        self.replace.toggled.connect(lambda _on: self.refresh())
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addWidget(self.replace, 1)
        form = QFormLayout()
        form.addRow(self.tr("方案来源"), self.source)
        form.addRow(self.tr("导入为年度"), year_row)
        # -- what it makes
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("编号"), self.tr("名称"), self.tr("责任处室"), self.tr("类型")])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.diff = QTreeWidget()
        self.diff.setHeaderLabels([self.tr("变化"), self.tr("编号"), self.tr("名称"), self.tr("原来 → 现在")])
        self.diff.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.unit_table = QTableWidget(0, 3)
        self.unit_table.setHorizontalHeaderLabels([self.tr("文档中的单位"), self.tr("对应为"), self.tr("所在行（段）")])
        self.unit_table.verticalHeader().hide()
        self.unit_table.horizontalHeader().setSectionResizeMode(COL_MAP, QHeaderView.ResizeMode.Stretch)
        self.notes = QPlainTextEdit()
        self.notes.setReadOnly(True)
        self.side = QTabWidget()
        self.side.addTab(self.diff, self.tr("与上一年度比较"))
        self.side.addTab(self.unit_table, self.tr("单位对应"))
        self.side.addTab(self.notes, self.tr("提示"))
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("导入后的指标体系")))
        left_layout.addWidget(self.tree)
        split.addWidget(left)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.summary = QLabel(self.tr("请选择方案文档，或粘贴方案全文。"))
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
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        fit_size(self, 1100, 680)
        self.restore_geometry()
        self._year_changed(refresh=False)

    # -- names shown -------------------------------------------------------------------------
    def kind_names(self) -> dict[str, str]:
        return {"qualitative": self.tr("定性"), "quantitative": self.tr("定量"), "ranking": self.tr("排名"),
                "counted": self.tr("计数"), "subtask": self.tr("子任务")}

    def role_names(self) -> dict[str, str]:
        return {"lead": self.tr("牵头"), "responsible": self.tr("负责"), "cooperate": self.tr("配合")}

    def change_names(self) -> dict[str, str]:
        return {"added": self.tr("新增"), "removed": self.tr("删除"), "reworded": self.tr("改动措辞"),
                "divisions": self.tr("责任处室变化")}

    # -- reading -----------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择方案文档"), "",
                                              self.tr("方案文档 (*.docx *.txt);;所有文件 (*)"))
        if name:
            self.load_file(name)

    def load_file(self, path: str | Path) -> None:
        """Read a file on a worker; `loaded` is emitted when the preview shows it."""
        self.file_edit.setText(str(path))
        self.source_name = Path(path).name
        self._read(lambda db: read_plan_document(path, division_names(db)))

    def load_text(self, text: str) -> None:
        self.source_name = self.tr("粘贴的文字")
        self._read(lambda db: read_plan_text(text, known=division_names(db)))

    def _read(self, read: Callable[[Database], ParsedPlan]) -> None:
        self._ticket += 1
        ticket = self._ticket
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("正在读取……"))

        def start() -> Task | None:
            task = self.controller.tasks.read(
                self.tr("正在读取方案文档"), lambda db, _progress: read(db), parent=self,
                failed=lambda exc: self._read_failed(ticket, exc), cancelled=lambda: self._read_stopped(ticket))
            if task is None:  # another long action is running (the controller said so)
                self._read_stopped(ticket)
            return task
        self._reads.request(start, done=self._read_done)  # only the newest read's plan arrives

    def _read_failed(self, ticket: int, error: BaseException) -> None:
        if ticket != self._ticket:
            return  # an older read: a newer one is on its way
        self.plan = self.preview = self.units = None
        self._clear()
        self.summary.setText(self.tr("无法导入：%1").replace("%1", str(explain(error))))
        self.loaded.emit()

    def _read_stopped(self, ticket: int) -> None:
        if ticket != self._ticket:
            return
        if self.plan is None:
            self.summary.setText(self.tr("请选择方案文档，或粘贴方案全文。"))
        else:
            self.refresh()  # the plan read before stays

    def _read_done(self, plan: ParsedPlan) -> None:
        self.plan, self.units = plan, None
        suggested = plan.year or self._replace_year or default_year(self.controller.db, plan)
        self.year.blockSignals(True)
        self.year.setValue(suggested)
        self.year.blockSignals(False)
        self._year_changed(refresh=False)
        self.refresh()
        self.loaded.emit()

    def _year_changed(self, refresh: bool = True) -> None:
        exists = self.year.value() in list_years(self.controller.db)
        self.replace.setEnabled(exists)
        self.replace.blockSignals(True)
        self.replace.setChecked(exists and self._replace_year is not None)
        self.replace.blockSignals(False)
        if refresh:
            self.refresh()

    # -- the preview ---------------------------------------------------------------------------
    def _clear(self) -> None:
        self.tree.clear()
        self.diff.clear()
        self.unit_table.setRowCount(0)
        self.notes.clear()
        self.import_button.setEnabled(False)

    def refresh(self) -> None:
        if self.plan is None:
            return
        try:
            self.preview = preview_plan_import(self.controller.db, self.plan, self.year.value(),
                                               self.replace.isChecked(), self.units)
        except BizenvError as exc:
            self.preview = None
            self._clear()
            self.summary.setText(self.tr("无法导入：%1").replace("%1", str(exc)))
            return
        self.units = self.preview.units
        self._fill_tree(self.preview.tree)
        self._fill_diff(self.preview)
        self._fill_units(self.preview.units)
        self.notes.setPlainText("\n".join(n.text() for n in self.preview.notes))
        plan = self.preview.plan
        text = self.tr("“%1”：%2 个维度、%3 个一级指标、%4 个二级指标，导入为 %5 年度。").replace(
            "%1", self.source_name).replace("%2", str(len(plan.dimensions))).replace(
            "%3", str(len(plan.first_level()))).replace("%4", str(len(plan.second_level()))).replace(
            "%5", str(self.preview.year))
        if self.preview.notes:
            text += self.tr("有 %1 条提示，请查看“提示”。").replace("%1", str(len(self.preview.notes)))
        if plan.stopped is not None:
            text += self.tr("文档似乎不完整。")
            self.side.setCurrentWidget(self.notes)
        self.summary.setText(text)
        self.import_button.setEnabled(True)

    def _fill_tree(self, tree: dict[str, Any]) -> None:
        kinds, roles = self.kind_names(), self.role_names()
        bold = QFont()
        bold.setBold(True)

        def units(entry: dict[str, Any]) -> str:
            return "、".join(f"{d['name']}（{roles.get(d['role'], d['role'])}）" for d in entry["divisions"])

        def kind(entry: dict[str, Any]) -> str:
            text = kinds.get(entry["kind"], entry["kind"])
            target = entry.get("target")
            if target:
                text += f" {target['op']}{target['value']}{target['unit']}"
            return text
        self.tree.clear()
        for d in tree["dimensions"]:
            dim = QTreeWidgetItem(self.tree, [d["code"], d["name"], "", ""])
            dim.setFont(1, bold)
            for f in d["indicators"]:
                first = QTreeWidgetItem(dim, [f["code"], f["name"], units(f), ""])
                for s in f["children"]:
                    second = QTreeWidgetItem(first, [s["code"], s["name"], units(s), kind(s)])
                    second.setToolTip(1, s["criteria"])
                    for t in s["children"]:
                        QTreeWidgetItem(second, ["", t["name"], units(t), t.get("deadline") or kinds["subtask"]])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(2, 220)

    def _fill_diff(self, preview: PlanImportPreview) -> None:
        names = self.change_names()
        self.diff.clear()
        diff = preview.diff
        if diff.base_year is None:
            self.side.setTabText(0, self.tr("与上一年度比较"))
            QTreeWidgetItem(self.diff, [self.tr("（数据库中还没有可比较的年度）"), "", "", ""])
            return
        self.side.setTabText(0, self.tr("与 %1 年度比较").replace("%1", str(diff.base_year)))
        entries = [e for e in diff.entries if e.level == 2]
        if not entries:
            QTreeWidgetItem(self.diff, [self.tr("（二级指标没有变化）"), "", "", ""])
        for e in entries:
            change = f"{e.old} → {e.new}" if e.change in ("reworded", "divisions") else ""
            item = QTreeWidgetItem(self.diff, [names[e.change], e.code, e.name, change])
            item.setToolTip(3, change)
        for c in range(3):
            self.diff.resizeColumnToContents(c)

    def _fill_units(self, units: UnitMap) -> None:
        self._filling = True
        divisions = [n for n, (_i, kind, retired) in units.divisions.items() if kind != "group" and retired is None]
        self.unit_table.setRowCount(len(units))
        for row, match in enumerate(units):
            name = QTableWidgetItem(match.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.unit_table.setItem(row, 0, name)
            box = QComboBox()
            if match.suggested:
                box.addItem(self.tr("可能是“%1”（未确认：按文档名称新建）").replace("%1", match.division), "suggested\t")
            box.addItem(self.tr("新建处室“%1”").replace("%1", match.name), "new\t")
            box.addItem(self.tr("处室分组（不是单个处室）"), "group\t")
            box.addItem(self.tr("不是单位（人名或职务），不导入"), "not_unit\t")
            for division in divisions:
                box.addItem(self.tr("即现有处室“%1”").replace("%1", division), f"existing\t{division}")
            wanted = "suggested\t" if match.suggested else (
                f"existing\t{match.division}" if match.kind in ("existing", "alias") else f"{match.kind}\t")
            box.setCurrentIndex(max(0, box.findData(wanted)))
            box.currentIndexChanged.connect(lambda _i, n=match.name, b=box: self._unit_chosen(n, b))
            self.unit_table.setCellWidget(row, COL_MAP, box)
            where = QTableWidgetItem("、".join(map(str, match.rows[:6])) + ("…" if len(match.rows) > 6 else ""))
            where.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.unit_table.setItem(row, 2, where)
        self.unit_table.resizeColumnToContents(0)
        self._filling = False

    def _unit_chosen(self, name: str, box: QComboBox) -> None:
        kind, _tab, division = str(box.currentData() or "").partition("\t")
        if self._filling or self.units is None or kind in ("", "suggested"):
            return
        try:
            self.units.choose(name, kind, division)
        except BizenvError as exc:
            self.controller.report(exc)
            return
        QTimer.singleShot(0, self, self.refresh)  # not now: refresh replaces the box that is signalling

    def choose_unit(self, name: str, kind: str, division: str = "") -> None:
        """As the liaison would in the 单位对应 table (for tests and callers)."""
        names = [getattr(self.unit_table.item(r, 0), "text", str)() for r in range(self.unit_table.rowCount())]
        row = names.index(name)
        box = self.unit_table.cellWidget(row, COL_MAP)
        assert isinstance(box, QComboBox)
        box.setCurrentIndex(box.findData(f"{kind}\t{division}"))

    # -- importing ---------------------------------------------------------------------------
    def do_import(self) -> bool:
        """Import as one undoable step; True when it was written."""
        if self.plan is None or self.preview is None:
            return False
        plan, year, replace, units = self.plan, self.year.value(), self.replace.isChecked(), self.units
        from ..services.department import get_department

        office = get_department(self.controller.db).name
        label = self.tr("导入方案文档（%1）").replace("%1", self.source_name)
        if not self.controller.run(label, lambda w: apply_plan_import(w, plan, year, replace, office, units)):
            return False
        self.imported_year = year
        self.accept()
        return True

    def done(self, result: int) -> None:  # noqa: D102 (Qt name)
        self.save_geometry()
        super().done(result)
