"""生成 / 收回处室调度表: the two dialogs of the monthly round.

MakeFormsDialog writes one workbook per division into a folder (files only, no database change).
CollectFormsDialog reads returned workbooks, shows per file the rows it would change (old → new)
and every problem, and writes each good file as one action (one transaction, one undo step);
a file with problems is never written. Making, reading and writing run on a worker
(ui/tasks.py) with a progress dialog; Cancel leaves no new form behind and no file half-written.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QMessageBox, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from ..core.errors import BizenvError
from ..services import forms
from . import file_dialogs
from .screen_fit import fit_size
from .tasks import Latest, Task

RED, GREEN, GREY = QColor("#b71c1c"), QColor("#1b5e20"), QColor("#616161")


def _show(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return f"{value:g}" if isinstance(value, float) else " ".join(str(value).split())


class MakeFormsDialog(QDialog):
    """Choose a folder and write every division's form of the month into it."""

    def __init__(self, controller: Any, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.month = month
        self.paths: list[Path] = []
        self.setWindowTitle(self.tr("生成处室调度表"))
        self.folder = QLineEdit(str(Path(file_dialogs.folder("forms_out")) / self.tr("%1 月调度表").replace("%1", month)))
        self.browse_button = QPushButton(self.tr("选择文件夹…"))
        self.make_button = QPushButton(self.tr("生成"))
        self.make_button.setDefault(True)
        self.open_button = QPushButton(self.tr("打开文件夹"))
        self.open_button.setEnabled(False)
        close = QPushButton(self.tr("关闭"))
        self.info = QLabel(self.tr("%1：每个处室一个工作簿，只含本处室的行并附上月情况；关键列已锁定，完成状态可下拉选择，"
                                   "数字单元格只收数字。").replace("%1", month))
        self.info.setWordWrap(True)
        self.result = QListWidget()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("保存到：")))
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.make_button, self.open_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)
        layout.addLayout(buttons)
        self.browse_button.clicked.connect(self.choose_folder)
        self.make_button.clicked.connect(lambda: self.make())
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text().strip())))
        close.clicked.connect(self.accept)
        fit_size(self, 620, 380)

    def choose_folder(self) -> None:
        chosen = file_dialogs.existing_dir(self, "forms_out", self.tr("选择保存调度表的文件夹"),
                                           str(Path(self.folder.text()).parent))
        if chosen:
            self.folder.setText(chosen)

    def make(self, confirm: bool = True) -> Task | None:
        """Write the forms on a worker; asks before overwriting files of the same names.
        Returns the task (its result: the paths written), None when nothing was started."""
        folder = self.folder.text().strip()
        if not folder:
            self.controller.report(Exception(self.tr("请先选择保存调度表的文件夹。")))
            return None
        try:
            existing = [p for p in forms.planned_files(self.controller.db, self.month, folder) if p.exists()]
        except BizenvError as exc:
            self.controller.report(exc)
            return None
        if existing and confirm and QMessageBox.question(
                self, self.tr("覆盖文件"),
                self.tr("文件夹中已有 %1 个同名调度表（可能是已交回的表）。覆盖它们吗？").replace("%1", str(len(existing)))) \
                != QMessageBox.StandardButton.Yes:
            return None
        month, today = self.month, date.today()
        return self.controller.tasks.read(
            self.tr("正在生成 %1 处室调度表").replace("%1", month),
            lambda db, p: forms.make_forms(db, month, folder, today, progress=p),
            done=lambda paths: self._made(folder, paths), failed=lambda exc: self._failed(folder, exc), parent=self)

    def _failed(self, folder: str, exc: BaseException) -> None:
        if isinstance(exc, OSError):
            self.controller.report(Exception(self.tr("无法写入文件夹“%1”：%2。请检查路径和权限。")
                                             .replace("%1", folder).replace("%2", exc.strerror or str(exc))))
        else:
            self.controller.tasks.report(exc)

    def _made(self, folder: str, paths: list[Path]) -> None:
        self.paths = paths
        self.result.clear()
        self.result.addItems([p.name for p in self.paths])
        self.info.setText(self.tr("已生成 %1 个调度表，保存在 %2。发给各处室填写，交回后用“收回调度表”读入。")
                          .replace("%1", str(len(self.paths))).replace("%2", folder))
        self.open_button.setEnabled(True)


class CollectFormsDialog(QDialog):
    """Choose returned forms, see what each would change and what is wrong, write the good ones."""

    def __init__(self, controller: Any, month: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.month = month
        self.paths: list[str] = []
        self.previews: list[forms.FilePreview] = []
        self.pending: list[str] = []  # the files self.previews are of
        self.applied: dict[str, forms.FilePreview] = {}
        self.reading = Latest(self)  # reading and checking the files (the newest request wins)
        self.setWindowTitle(self.tr("收回处室调度表"))
        self.info = QLabel(self.tr("%1：选择处室交回的调度表（可多选、可分几次、顺序不限）。每个文件先检查，下面列出"
                                   "将改动的内容和全部问题；只写入没有问题的文件，每个文件要么全部写入，要么不写。")
                           .replace("%1", month))
        self.info.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("文件"), self.tr("处室"), self.tr("月份"), self.tr("结果")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().resizeSection(0, 300)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.add_button = QPushButton(self.tr("添加文件…"))
        self.remove_button = QPushButton(self.tr("移除所选"))
        self.copy_button = QPushButton(self.tr("复制问题清单"))
        self.copy_button.setToolTip(self.tr("把全部问题复制到剪贴板，便于发给处室修改"))
        self.apply_button = QPushButton(self.tr("写入无问题的文件"))
        close = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.copy_button.clicked.connect(self.copy_problems)
        self.apply_button.clicked.connect(lambda: self.apply_good())
        close.clicked.connect(self.accept)
        fit_size(self, 900, 560)
        self.refresh()

    def choose_files(self) -> None:
        chosen = file_dialogs.open_files(self, "forms_in", self.tr("选择交回的调度表"),
                                         self.tr("电子表格 (*.xlsx *.xls *.ods);;所有文件 (*)"))
        self.add_files(chosen)

    def add_files(self, paths: list[str | Path]) -> None:
        for path in paths:
            if str(path) not in self.paths:
                self.paths.append(str(path))
        self.refresh()

    def remove_selected(self) -> None:
        chosen = {item.data(0, Qt.ItemDataRole.UserRole) for item in self.tree.selectedItems()}
        self.paths = [p for p in self.paths if p not in chosen]
        self.refresh()

    def refresh(self) -> None:
        """Read and check every file not yet written, against the database as it is now (on a
        worker; reading.busy until the list shows the result)."""
        pending, month = [p for p in self.paths if p not in self.applied], self.month
        self.apply_button.setEnabled(False)

        def read(db: Any, progress: Any) -> tuple[list[str], list[forms.FilePreview], Any]:
            previews = forms.collect_preview(db, list(pending), month, progress) if pending else []
            try:
                returned = forms.returned_divisions(db, month)
            except BizenvError:
                returned = [], []
            return pending, previews, returned
        self.reading.request(lambda: self.controller.tasks.read(self.tr("正在检查交回的调度表"), read, parent=self,
                                                                 failed=lambda _e: None),
                             done=lambda result: self._show(*result), failed=self.controller.tasks.report)

    def _show(self, pending: list[str], previews: list[forms.FilePreview], returned_missing: Any) -> None:
        self.previews, self.pending = previews, pending
        self.tree.clear()
        fresh = dict(zip(pending, self.previews))
        for path in self.paths:  # in the order the files were added
            pv = self.applied.get(path) or fresh.get(path)
            if pv is not None:  # (a file added while this was read shows with the next reading)
                self._add_item(pv, path, path in self.applied)
        good = [pv for pv in self.previews if pv.ok]
        self.apply_button.setEnabled(bool(good))
        self.copy_button.setEnabled(any(not pv.ok for pv in self.previews))
        self.remove_button.setEnabled(bool(self.paths))
        returned, missing = returned_missing
        self.summary.setText(self.tr("可写入 %1 个，有问题 %2 个。已交回：%3；未交回：%4")
                             .replace("%1", str(len(good))).replace("%2", str(len(self.previews) - len(good)))
                             .replace("%3", self.tr("、").join(r.name for r in returned) or self.tr("无"))
                             .replace("%4", self.tr("、").join(r.name for r in missing) or self.tr("无")))

    def _add_item(self, pv: forms.FilePreview, path: str, applied: bool) -> None:
        form = pv.form
        if applied:
            result, color = self.tr("已写入：改动 %n 行", "", len(pv.changes)), GREEN
        elif pv.ok:
            result, color = self.tr("可写入：改动 %n 行", "", len(pv.changes)), GREEN
        else:
            result, color = self.tr("有 %n 个问题，不能写入", "", len(pv.problems)), RED
        item = QTreeWidgetItem([form.path.name, form.division_name, form.month or "", result])
        item.setData(0, Qt.ItemDataRole.UserRole, path)
        item.setToolTip(0, path)
        item.setForeground(3, QBrush(color))
        self.tree.addTopLevelItem(item)
        for problem in [] if applied else pv.problems:
            child = QTreeWidgetItem([f"{problem.place}：{problem.message}" if problem.place else problem.message])
            child.setForeground(0, QBrush(RED))
            child.setData(0, Qt.ItemDataRole.UserRole, path)
            item.addChild(child)
            child.setFirstColumnSpanned(True)
        for change in pv.changes:
            child = QTreeWidgetItem([self.tr("第 %1 行 %2").replace("%1", str(change.excel_row))
                                     .replace("%2", change.label)])
            child.setData(0, Qt.ItemDataRole.UserRole, path)
            item.addChild(child)
            child.setFirstColumnSpanned(True)
            for fc in change.fields:
                line = QTreeWidgetItem([f"{fc.name}：{_show(fc.old)} → {_show(fc.new)}"])
                line.setForeground(0, QBrush(GREY if applied else QColor("#000000")))
                line.setData(0, Qt.ItemDataRole.UserRole, path)
                child.addChild(line)
                line.setFirstColumnSpanned(True)
        item.setExpanded(not applied)
        for i in range(item.childCount()):
            item.child(i).setExpanded(True)

    def problem_text(self) -> str:
        return "\n".join(p.text for pv in self.previews for p in pv.problems)

    def copy_problems(self) -> None:
        QApplication.clipboard().setText(self.problem_text())

    def apply_good(self, confirm: bool = True) -> Task | None:
        """Write each good file as its own action (one undo step each), on a worker. Returns the
        task (its result: one entry per file written), None when nothing was started."""
        good = [pv for pv in self.previews if pv.ok]
        if not good or self.reading.busy:
            return None
        rows = sum(len(pv.changes) for pv in good)
        if confirm and QMessageBox.question(
                self, self.tr("写入调度表"),
                self.tr("写入 %1 个文件（共改动 %2 行）？有问题的文件不会写入。每个文件可单独撤销。")
                .replace("%1", str(len(good))).replace("%2", str(rows))) != QMessageBox.StandardButton.Yes:
            return None
        month = self.month
        chosen = [(path, pv) for pv, path in zip(self.previews, self.pending) if pv.ok]
        steps = [(self.tr("收回调度表：%1 %2").replace("%1", pv.form.month or "").replace("%2", pv.form.division_name),
                  lambda w, _p, form=pv.form: forms.apply_form(w, w.db, form, month)) for _path, pv in chosen]

        def written(results: list[Any]) -> None:
            for path, pv in chosen[:len(results)]:
                self.applied[path] = pv
            self.refresh()
        return self.controller.tasks.write_each(self.tr("正在写入调度表"), steps, done=written,
                                                cancelled=self.refresh, parent=self)
