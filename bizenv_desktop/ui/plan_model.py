"""Tree model of one plan year: dimension → first-level → second-level → sub-task.

Built from a core.model.Plan in one pass (no queries per row); edits made in place are
handed to the controller as one action each, and the model is rebuilt from the database.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ..core.model import Dimension, Indicator, Plan, Subtask
from ..services import plan_edit

COL_CODE, COL_NAME, COL_CRITERIA, COL_KIND, COL_LEAD, COL_RESPONSIBLE, COL_COOPERATE, COL_DEADLINE = range(8)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # ("dimension"|"indicator"|"subtask", id)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # all columns' text, for the filter


def _T(context: str, text: str) -> str:
    """Translate a QT_TRANSLATE_NOOP-marked string (lupdate sees the marker, not this call)."""
    return QCoreApplication.translate(context, text)


def headers() -> list[str]:
    return [_T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "编号")), _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "名称")), _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "考评内容及标准")), _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "类型/目标")), _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "牵头")), _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "负责")),
            _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "配合")), _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "完成时限"))]


def kind_label(kind: str) -> str:
    return {"qualitative": _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "定性")), "quantitative": _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "定量")), "ranking": _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "排名")),
            "counted": _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "计数")), "subtask": _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "子任务"))}.get(kind, kind)


def _objects(plan: Plan) -> list[tuple[str, Any]]:
    """Every row of the tree in display order, as (kind, object)."""
    out: list[tuple[str, Any]] = []
    for dim in plan.dimensions:
        out.append(("dimension", dim))
        for first in dim.indicators:
            out.append(("indicator", first))
            for second in first.children:
                out.append(("indicator", second))
                out.extend(("subtask", sub) for sub in second.subtasks)
    return out


def _shape(plan: Plan) -> list[tuple[str, int, int | None]]:
    """Which row sits where: equal shapes mean only texts differ."""
    return [(kind, obj.id, getattr(obj, "parent_id", None) or getattr(obj, "indicator_id", None))
            for kind, obj in _objects(plan)]


@dataclass(eq=False)
class Node:
    kind: str  # dimension / indicator / subtask
    obj: Dimension | Indicator | Subtask
    parent: Node | None
    children: list[Node] = field(default_factory=list)
    row_no: int = 0  # its place under its parent (rows are only appended, so it holds)
    texts: tuple[str, ...] | None = None  # the eight cells' texts, made on the first paint


    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.obj.id)

    def row(self) -> int:
        return self.row_no


_DISPLAY, _EDIT, _TOOLTIP = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole),
                             int(Qt.ItemDataRole.ToolTipRole))
_FONT, _FOREGROUND = int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.ForegroundRole)
_KEY, _SEARCH = int(KEY_ROLE), int(SEARCH_ROLE)
# The view asks about a dozen roles for each cell it paints; the others are answered at once
_ASKED = frozenset({_DISPLAY, _EDIT, _TOOLTIP, _FONT, _FOREGROUND, _KEY, _SEARCH})
_looks: dict[str, Any] = {}  # one bold font and one brush for every row (made after the application)


def _look(name: str) -> Any:
    if name not in _looks:
        bold = QFont()
        bold.setBold(True)
        _looks.update(bold=bold, subtask=QBrush(QColor("#37474f")))
    return _looks[name]


class PlanModel(QAbstractItemModel):
    def __init__(self, controller: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.root = Node("root", None, None)  # type: ignore[arg-type]
        self.plan: Plan | None = None
        self._by_key: dict[tuple[str, int], Node] = {}

    # -- building -------------------------------------------------------------
    def set_plan(self, plan: Plan | None) -> bool:
        """Show plan; when only texts changed (same rows in the same places), the nodes are
        updated in place, so open editors and the view's state survive. True if reset."""
        if plan is not None and self.plan is not None and _shape(plan) == _shape(self.plan):
            self.plan = plan
            fresh = {(kind, obj.id): obj for kind, obj in _objects(plan)}
            for key, node in self._by_key.items():
                if node.obj != fresh[key]:  # only rows whose text changed: editors elsewhere stay open
                    node.obj, node.texts = fresh[key], None
                    row = node.row()
                    self.dataChanged.emit(self.createIndex(row, 0, node), self.createIndex(row, 7, node))
            return False
        self.beginResetModel()
        self.plan = plan
        self.root = Node("root", None, None)  # type: ignore[arg-type]
        self._by_key = {}
        if plan is not None:
            for dim in plan.dimensions:
                dnode = self._add(Node("dimension", dim, self.root))
                for first in dim.indicators:
                    fnode = self._add(Node("indicator", first, dnode))
                    for second in first.children:
                        snode = self._add(Node("indicator", second, fnode))
                        for sub in second.subtasks:
                            self._add(Node("subtask", sub, snode))
        self.endResetModel()
        return True

    def _add(self, node: Node) -> Node:
        assert node.parent is not None
        node.row_no = len(node.parent.children)
        node.parent.children.append(node)
        self._by_key[node.key] = node
        return node

    def index_for_key(self, key: tuple[str, int]) -> QModelIndex:
        node = self._by_key.get(key)
        return QModelIndex() if node is None else self.createIndex(node.row(), 0, node)

    def node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    # -- structure ------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        pnode = self.node(parent)
        if 0 <= row < len(pnode.children) and 0 <= column < 8:
            return self.createIndex(row, column, pnode.children[row])
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        pnode = self.node(index).parent
        if pnode is None or pnode is self.root:
            return QModelIndex()
        return self.createIndex(pnode.row(), 0, pnode)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 8

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    # -- data -----------------------------------------------------------------
    def cell_text(self, node: Node, column: int) -> str:
        obj = node.obj
        if node.kind == "dimension":
            assert isinstance(obj, Dimension)
            return {COL_CODE: obj.code, COL_NAME: obj.name}.get(column, "")
        if node.kind == "subtask":
            assert isinstance(obj, Subtask)
            return {COL_CODE: f"{obj.position}", COL_NAME: obj.name, COL_CRITERIA: obj.note,
                    COL_KIND: kind_label("subtask"), COL_RESPONSIBLE: obj.division_name,
                    COL_LEAD: obj.person and _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "责任人：")) + obj.person,
                    COL_DEADLINE: obj.deadline}.get(column, "")
        assert isinstance(obj, Indicator)
        if column == COL_CODE:
            return obj.code
        if column == COL_NAME:
            return obj.name
        if column == COL_CRITERIA:
            return obj.criteria
        if column == COL_KIND:
            if obj.level == 1:
                return ""
            label = kind_label(obj.kind)
            return f"{label} {obj.target.text()}" if obj.target else label
        if column in (COL_LEAD, COL_RESPONSIBLE, COL_COOPERATE):
            role = {COL_LEAD: "lead", COL_RESPONSIBLE: "responsible", COL_COOPERATE: "cooperate"}[column]
            return "、".join(obj.names_with_role(role))
        if column == COL_DEADLINE:
            return obj.deadline
        return ""

    def texts(self, node: Node) -> tuple[str, ...]:
        if node.texts is None:
            node.texts = tuple(self.cell_text(node, c) for c in range(8))
        return node.texts

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        role = int(role)
        if role not in _ASKED or not index.isValid():
            return None
        node = index.internalPointer()
        col = index.column()
        if role == _DISPLAY or role == _EDIT:
            text = self.texts(node)[col]
            if role == _DISPLAY and col == COL_CRITERIA:
                return text.replace("\n", " ")
            return text
        if role == _TOOLTIP:
            return (self.texts(node)[col] or None) if col in (COL_NAME, COL_CRITERIA) else None
        if role == _KEY:
            return node.key
        if role == _SEARCH:
            return " ".join(self.texts(node))
        if role == _FONT:
            bold = node.kind == "dimension" or (node.kind == "indicator" and node.obj.level == 1)
            return _look("bold") if bold else None
        if role == _FOREGROUND and node.kind == "subtask":
            return _look("subtask")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self._editable_columns(self.node(index)):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    @staticmethod
    def _editable_columns(node: Node) -> tuple[int, ...]:
        if node.kind == "dimension":
            return (COL_CODE, COL_NAME)
        if node.kind == "subtask":
            return (COL_NAME, COL_CRITERIA, COL_DEADLINE)
        if node.obj.level == 1:  # type: ignore[union-attr]
            return (COL_CODE, COL_NAME)
        return (COL_CODE, COL_NAME, COL_CRITERIA, COL_DEADLINE)

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        node = self.node(index)
        col = index.column()
        value = str(value)
        if value == self.cell_text(node, col):
            return False
        field_name = {COL_CODE: "code", COL_NAME: "name", COL_CRITERIA: "criteria", COL_DEADLINE: "deadline"}[col]
        if node.kind == "subtask":
            field_name = {"criteria": "note"}.get(field_name, field_name)
        label = _T("PlanModel", QT_TRANSLATE_NOOP("PlanModel", "修改“%1”的%2")).replace("%1", self.cell_text(node, COL_NAME)).replace("%2", headers()[col])
        obj_id = node.obj.id
        if node.kind == "dimension":
            def action(w: Any) -> None: plan_edit.update_dimension(w, obj_id, **{field_name: value})
        elif node.kind == "subtask":
            def action(w: Any) -> None: plan_edit.update_subtask(w, obj_id, **{field_name: value})
        else:
            def action(w: Any) -> None: plan_edit.update_indicator(w, obj_id, **{field_name: value})
        return self.controller.run(label, action)
