"""The first tab: the plan year as a tree (in-place editing through PlanModel) beside the
detail panel, with the filter. The window reads the plan and hands it over (show_plan);
the tree keeps expansion and the current row across reloads. Below the detail panel, the
evidence attached to a second-level indicator itself (evidence kind 'indicator').
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTreeView, QWidget

from ..core.model import Plan
from .controller import Controller
from .detail_view import DetailView
from .columns import ColumnChooser
from .frozen_columns import FrozenColumns
from .plan_model import COL_CODE, COL_CRITERIA, COL_NAME, KEY_ROLE, SEARCH_ROLE, Node, PlanModel


class PlanFilter(QSortFilterProxyModel):
    """Keeps rows whose text in any column contains the filter; parents of matches stay."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)


class PlanTree(QSplitter):
    current_changed = Signal()  # another row is current (or the plan changed under it)
    open_requested = Signal()   # a double click on a cell that is not edited in place

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.model = PlanModel(controller, self)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                  QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # operations add to it
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((120, 230, 300, 90, 80, 140, 140, 90)):
            header.resizeSection(col, width)
        # at 1366 x 768 the tree scrolls sideways to 牵头/负责/配合/完成时限: 编号 and 名称 stay
        self.columns = ColumnChooser(header, "plan", keep=(COL_CODE, COL_NAME))
        self.frozen = FrozenColumns(self.tree, (COL_CODE, COL_NAME))
        self.detail = DetailView(self)
        from .evidence_panel import EvidencePanel

        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.detail)
        self.evidence = EvidencePanel(controller, side)
        self.evidence.title.setText(self.tr("指标佐证材料"))
        side.addWidget(self.evidence)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 1)
        self.addWidget(self.tree)
        self.addWidget(side)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 1)
        self.setSizes([1040, 320])
        self._select_after: tuple[str, int] | None = None
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.doubleClicked.connect(self._double_clicked)

    def select_after_reload(self, key: tuple[str, int]) -> None:
        """Select this row once the next plan is shown (an action has just created it)."""
        self._select_after = key

    def show_plan(self, plan: Plan | None, event_counts: dict[Any, int], expand_all: bool = False) -> None:
        """Show plan (None: no year), keeping expanded rows and the current one."""
        current = self.current_key()
        expanded = set() if expand_all else self._expanded_keys()
        self.detail.event_counts = event_counts
        if not self.model.set_plan(plan) and self._select_after is None:
            self._current_changed()  # the same plan: only the detail panel may differ
            return
        if expand_all:
            self.tree.expandAll()
        else:
            for key in expanded:
                index = self.proxy.mapFromSource(self.model.index_for_key(key))
                if index.isValid():
                    self.tree.expand(index)
        if self._select_after is not None:
            current, self._select_after = self._select_after, None
        if current is not None:
            self.select_key(current)
        self.current_changed.emit()

    def _expanded_keys(self) -> set[tuple[str, int]]:
        keys: set[tuple[str, int]] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    keys.add(index.data(KEY_ROLE))
                    walk(index)
        walk(QModelIndex())
        return keys

    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        return self.model.node(self.proxy.mapToSource(index)) if index.isValid() else None

    def current_key(self) -> tuple[str, int] | None:
        node = self.current_node()
        return None if node is None else node.key

    def select_key(self, key: tuple[str, int]) -> None:
        index = self.proxy.mapFromSource(self.model.index_for_key(key))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def select_first(self) -> None:
        if self.current_node() is None and self.proxy.rowCount():
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

    def set_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def edit_cell(self, key: tuple[str, int], column: int = COL_CRITERIA) -> QModelIndex:
        """The index of a row's cell in the tree (tests, and the status of in-place editing)."""
        return self.proxy.mapFromSource(self.model.index_for_key(key).siblingAtColumn(column))

    def _current_changed(self, *_args: Any) -> None:
        node = self.current_node()
        self.detail.show_node(node)
        second = node is not None and node.kind == "indicator" and getattr(node.obj, "level", 0) == 2
        self.evidence.set_target("indicator" if second and node else None, node.obj.id if second and node else None)
        self.current_changed.emit()

    def _double_clicked(self, index: QModelIndex) -> None:
        if not (self.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.open_requested.emit()
