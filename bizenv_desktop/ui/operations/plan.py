"""Edits of the indicator tree (menu 编辑, the tree's context menu, the toolbar).

Each action reads the window's current row, asks what it needs and runs one plan_edit call
through the controller (one transaction, one undo step); a row it creates is selected after
the reload (window.select_after_reload).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from ...core.model import Indicator, Subtask
from ...services import plan_edit, plan_read
from ..plan_model import COL_NAME, Node
from ..modal import modal
from . import make_action

if TYPE_CHECKING:
    from ..main_window import MainWindow


class PlanOps(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        self.act_add_dimension = make_action(w, self.tr("新增维度…"), self.add_dimension)
        self.act_add_first = make_action(w, self.tr("新增一级指标…"), self.add_first_level)
        self.act_add_second = make_action(w, self.tr("新增二级指标…"), self.add_second_level, QKeySequence("Ctrl+N"))
        self.act_add_subtask = make_action(w, self.tr("新增子任务…"), self.add_subtask, QKeySequence("Ctrl+Shift+N"))
        self.act_edit = make_action(w, self.tr("属性(&P)…"), self.edit_current, QKeySequence("Ctrl+E"),
                                    self.tr("编辑所选行的全部内容"))
        self.act_delete = make_action(w, self.tr("删除"), self.delete_current, QKeySequence.StandardKey.Delete)
        self.act_up = make_action(w, self.tr("上移"), lambda: self.move_current(-1), QKeySequence("Ctrl+Up"))
        self.act_down = make_action(w, self.tr("下移"), lambda: self.move_current(1), QKeySequence("Ctrl+Down"))
        self.act_reparent = make_action(w, self.tr("移动到…"), self.reparent_current)
        self.act_renumber = make_action(w, self.tr("重新编号"), self.renumber,
                                        tip=self.tr("按顺序重编维度、一级和二级指标的编号"))
        w.menus.add("edit", "add", self.act_add_dimension, self.act_add_first, self.act_add_second,
                    self.act_add_subtask)
        w.menus.add("edit", "change", self.act_edit, self.act_delete)
        w.menus.add("edit", "move", self.act_up, self.act_down, self.act_reparent, self.act_renumber)
        w.add_tools(self.act_add_second, self.act_add_subtask, self.act_edit, self.act_delete,
                    self.act_up, self.act_down)
        for action in (self.act_edit, self.act_add_second, self.act_add_subtask, self.act_delete,
                       self.act_up, self.act_down, self.act_reparent):
            w.tree.addAction(action)  # the tree's context menu

    def refresh(self) -> None:
        """Enable what applies to the current row and year."""
        node = self.window.current_node()
        kind = node.kind if node else None
        level = node.obj.level if node and isinstance(node.obj, Indicator) else 0
        plan = self.window.model.plan
        for action in (self.act_edit, self.act_delete, self.act_up, self.act_down):
            action.setEnabled(node is not None)
        self.act_reparent.setEnabled(kind == "indicator")
        self.act_add_dimension.setEnabled(plan is not None)
        self.act_add_first.setEnabled(bool(plan and plan.dimensions))
        self.act_add_second.setEnabled(kind in ("indicator", "subtask", "dimension"))
        self.act_add_subtask.setEnabled(kind == "subtask" or (kind == "indicator" and level == 2))
        self.act_renumber.setEnabled(plan is not None)

    # -- helpers ---------------------------------------------------------------
    def _run(self, label: str, action: Callable[[Any], Any], select: str | None = None) -> bool:
        """Run one undoable action; select: the kind of row it creates, selected afterwards."""
        created: list[Any] = []
        if not self.window.controller.run(label, lambda w: created.append(action(w))):
            return False
        if select and created and created[0] is not None:
            self.window.plan_tree.select_after_reload((select, created[0]))
        return True

    def _ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.window, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok and value.strip() else None

    def _context(self) -> tuple[int | None, Indicator | None, Indicator | None]:
        """(dimension id, first-level, second-level) around the current row."""
        node = self.window.current_node()
        first = second = None
        while node is not None and node.kind != "root":
            if isinstance(node.obj, Indicator):
                if node.obj.level == 2 and second is None:
                    second = node.obj
                elif node.obj.level == 1 and first is None:
                    first = node.obj
            if node.kind == "dimension":
                return node.obj.id, first, second
            node = node.parent
        plan = self.window.model.plan
        return (plan.dimensions[0].id if plan and plan.dimensions else None), first, second

    def _divisions(self) -> Any:
        return plan_read.list_divisions(self.window.controller.db)

    # -- actions ---------------------------------------------------------------
    def add_dimension(self) -> None:
        name = self._ask_text(self.tr("新增维度"), self.tr("维度名称："))
        if name:
            year = self.window.year
            self._run(self.tr("新增维度“%1”").replace("%1", name),
                      lambda w: plan_edit.add_dimension(w, year, name), "dimension")

    def add_first_level(self) -> None:
        dim_id, first, _second = self._context()
        if dim_id is None:
            return
        name = self._ask_text(self.tr("新增一级指标"), self.tr("一级指标名称："))
        if name:
            after = first.id if first else None
            self._run(self.tr("新增一级指标“%1”").replace("%1", name),
                      lambda w: plan_edit.add_indicator(w, dim_id, None, name, after_id=after), "indicator")

    def add_second_level(self, name: str | None = None) -> None:
        dim_id, first, second = self._context()
        if first is None:
            plan = self.window.model.plan
            dims = [d for d in (plan.dimensions if plan else []) if d.id == dim_id]
            first = dims[0].indicators[-1] if dims and dims[0].indicators else None
        if first is None:
            QMessageBox.information(self.window, self.tr("新增二级指标"), self.tr("请先新增一个一级指标。"))
            return
        name = name or self._ask_text(self.tr("新增二级指标"),
                                      self.tr("在“%1”下新增二级指标，名称：").replace("%1", first.name))
        if name:
            after = second.id if second else None
            parent_id, dimension_id = first.id, first.dimension_id
            self._run(self.tr("新增二级指标“%1”").replace("%1", name),
                      lambda w: plan_edit.add_indicator(w, dimension_id, parent_id, name, after_id=after),
                      "indicator")

    def add_subtask(self) -> None:
        from ..subtask_dialog import SubtaskDialog

        _dim, _first, second = self._context()
        if second is None:
            return
        with modal(SubtaskDialog(self._divisions(), None, self.window, self.window.year, indicator=second)) as dialog:
            if not dialog.exec():
                return
            values, second_id = dialog.values(), second.id
        self._run(self.tr("新增子任务“%1”").replace("%1", values["name"]),
                  lambda w: plan_edit.add_subtask(w, second_id, **values), "subtask")

    def edit_current(self) -> None:
        from ..indicator_dialog import IndicatorDialog
        from ..subtask_dialog import SubtaskDialog

        node = self.window.current_node()
        if node is None:
            return
        obj = node.obj
        if node.kind == "dimension":
            name = self._ask_text(self.tr("维度"), self.tr("维度名称："), obj.name)
            if name:
                self._run(self.tr("修改维度名称"), lambda w: plan_edit.update_dimension(w, obj.id, name=name))
        elif isinstance(obj, Subtask):
            parent = node.parent.obj if node.parent is not None and isinstance(node.parent.obj, Indicator) else None
            with modal(SubtaskDialog(self._divisions(), obj, self.window, self.window.year, parent)) as dialog:
                accepted, values = bool(dialog.exec()), dialog.values()
            if accepted:
                self._run(self.tr("编辑子任务“%1”").replace("%1", values["name"]),
                          lambda w: plan_edit.update_subtask(w, obj.id, **values))
        elif isinstance(obj, Indicator):
            with modal(IndicatorDialog(obj, self._divisions(), self.window)) as ind_dialog:
                if ind_dialog.exec():
                    self._run(self.tr("编辑指标“%1”").replace("%1", obj.name), ind_dialog.apply)

    def delete_current(self, confirm: bool = True) -> None:
        node = self.window.current_node()
        if node is None:
            return
        name = self.window.model.cell_text(node, COL_NAME)
        if confirm:
            extra = ""
            if node.children:
                extra = self.tr("其下的 %n 项内容将一并删除。", "", _count(node))
            answer = QMessageBox.question(
                self.window, self.tr("删除"),
                self.tr("删除“%1”？%2可用“撤销”恢复。").replace("%1", name).replace("%2", extra))
            if answer != QMessageBox.StandardButton.Yes:
                return
        obj_id = node.obj.id
        fn = {"dimension": plan_edit.delete_dimension, "indicator": plan_edit.delete_indicator,
              "subtask": plan_edit.delete_subtask}[node.kind]
        self._run(self.tr("删除“%1”").replace("%1", name), lambda w: fn(w, obj_id))

    def move_current(self, delta: int) -> None:
        node = self.window.current_node()
        if node is None:
            return
        obj_id = node.obj.id
        fn = {"dimension": plan_edit.move_dimension, "indicator": plan_edit.move_indicator,
              "subtask": plan_edit.move_subtask}[node.kind]
        label = self.tr("上移") if delta < 0 else self.tr("下移")
        self._run(f"{label}“{self.window.model.cell_text(node, COL_NAME)}”", lambda w: fn(w, obj_id, delta))

    def reparent_current(self) -> None:
        node = self.window.current_node()
        plan = self.window.model.plan
        if node is None or not isinstance(node.obj, Indicator) or plan is None:
            return
        ind = node.obj
        if ind.level == 2:
            targets = [(f"{f.code} {f.name}", f.id) for d in plan.dimensions for f in d.indicators
                       if f.id != ind.parent_id]
        else:
            targets = [(f"{d.code} {d.name}", d.id) for d in plan.dimensions if d.id != ind.dimension_id]
        if not targets:
            return
        choice, ok = QInputDialog.getItem(self.window, self.tr("移动到"),
                                          self.tr("移动“%1”到：").replace("%1", ind.name),
                                          [t[0] for t in targets], 0, False)
        if not ok:
            return
        target_id = dict(targets)[choice]
        parent, dimension = (target_id, None) if ind.level == 2 else (None, target_id)
        self._run(self.tr("移动“%1”").replace("%1", ind.name),
                  lambda w: plan_edit.reparent_indicator(w, ind.id, parent, dimension))

    def renumber(self) -> None:
        year = self.window.year
        self._run(self.tr("重新编号"), lambda w: plan_edit.renumber_codes(w, year))


def _count(node: Node) -> int:
    return sum(1 + _count(c) for c in node.children)
