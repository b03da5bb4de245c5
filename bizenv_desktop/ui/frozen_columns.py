"""Identifying columns that stay in place while a wide table or tree scrolls sideways.

Qt has no frozen columns; this is its "frozen column" recipe made reusable: a second view of
the same model and selection, showing only the frozen columns, laid over the left edge of the
main view and kept in step with it (column widths, row heights, vertical scrolling, sorting,
expanded rows of a tree, hidden columns). The main view keeps every column, so the columns
the user hides or moves (ui/columns.py) still work; the frozen ones are kept first.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QMenu, QTableView, QTreeView
from shiboken6 import isValid

View = QTableView | QTreeView


def _header(view: View) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


class FrozenColumns(QObject):
    """Freeze the given logical columns of view (kept visually first, in that order)."""

    def __init__(self, view: View, columns: Sequence[int]) -> None:
        super().__init__(view)
        self.view = view
        self.columns = list(columns)
        frozen: View = QTableView(view) if isinstance(view, QTableView) else QTreeView(view)
        self.frozen = frozen
        frozen.setObjectName("frozen_columns")
        frozen.setModel(view.model())
        frozen.setSelectionModel(view.selectionModel())
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollMode(view.verticalScrollMode())
        frozen.setSelectionBehavior(view.selectionBehavior())
        frozen.setSelectionMode(view.selectionMode())
        frozen.setEditTriggers(view.editTriggers())
        frozen.setAlternatingRowColors(view.alternatingRowColors())
        frozen.setWordWrap(view.wordWrap())
        # the main view's context menu, with the actions it has when the menu opens
        frozen.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        frozen.customContextMenuRequested.connect(self._context_menu)
        for col in self.columns:
            delegate = view.itemDelegateForColumn(col)
            if delegate is not None:
                frozen.setItemDelegateForColumn(col, delegate)
        if isinstance(view, QTableView) and isinstance(frozen, QTableView):
            frozen.verticalHeader().hide()
            frozen.verticalHeader().setDefaultSectionSize(view.verticalHeader().defaultSectionSize())
            frozen.setSortingEnabled(view.isSortingEnabled())
            view.verticalHeader().sectionResized.connect(self._row_resized)
        elif isinstance(view, QTreeView) and isinstance(frozen, QTreeView):
            frozen.setUniformRowHeights(view.uniformRowHeights())
            frozen.setRootIsDecorated(view.rootIsDecorated())
            frozen.setIndentation(view.indentation())
            frozen.setItemsExpandable(view.itemsExpandable())
            view.expanded.connect(lambda index: self._sync_expanded(frozen, index, True))
            view.collapsed.connect(lambda index: self._sync_expanded(frozen, index, False))
            frozen.expanded.connect(lambda index: self._sync_expanded(view, index, True))
            frozen.collapsed.connect(lambda index: self._sync_expanded(view, index, False))
        main_header, frozen_header = _header(view), _header(frozen)
        frozen_header.setSectionsMovable(False)
        frozen_header.setStretchLastSection(False)
        frozen_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        frozen_header.setSortIndicatorShown(main_header.isSortIndicatorShown())
        frozen_header.setSortIndicator(main_header.sortIndicatorSection(), main_header.sortIndicatorOrder())
        frozen_header.setFixedHeight(main_header.sizeHint().height())
        main_header.sectionResized.connect(self._column_resized)
        frozen_header.sectionResized.connect(self._frozen_column_resized)
        main_header.sectionMoved.connect(lambda *_a: QTimer.singleShot(0, self, self.refresh))
        main_header.sortIndicatorChanged.connect(lambda col, order: self._sync_sort(frozen_header, col, order))
        frozen_header.sortIndicatorChanged.connect(lambda col, order: self._sync_sort(main_header, col, order))
        main_header.geometriesChanged.connect(self._place)
        frozen_header.setContextMenuPolicy(main_header.contextMenuPolicy())
        frozen_header.customContextMenuRequested.connect(
            lambda pos: main_header.customContextMenuRequested.emit(pos))
        frozen.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        frozen.doubleClicked.connect(view.doubleClicked)
        frozen.activated.connect(view.activated)
        frozen.clicked.connect(view.clicked)
        view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.selectionModel().currentChanged.connect(self._keep_current_visible)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.columnsInserted, model.columnsRemoved):
            signal.connect(lambda *_a: QTimer.singleShot(0, self, self.refresh))
        view.viewport().stackUnder(frozen)
        view.installEventFilter(self)
        self.refresh()

    # -- keeping the two views in step -------------------------------------------------
    def refresh(self) -> None:
        """Columns: the frozen ones first in the main view, only they shown in the overlay."""
        if not (isValid(self.view) and isValid(self.frozen)):
            return  # the view went while a refresh was queued
        main_header, frozen_header = _header(self.view), _header(self.frozen)
        count = self.view.model().columnCount(self.view.rootIndex()) if self.view.model() else 0
        main_header.blockSignals(True)
        for position, col in enumerate(c for c in self.columns if c < count):
            if main_header.visualIndex(col) != position:
                main_header.moveSection(main_header.visualIndex(col), position)
        main_header.blockSignals(False)
        for col in range(count):
            shown = col in self.columns and not main_header.isSectionHidden(col)
            self.frozen.setColumnHidden(col, not shown)
            if shown:
                frozen_header.resizeSection(col, main_header.sectionSize(col))
        self._place()

    def _context_menu(self, pos: Any) -> None:
        view, at = self.view, self.frozen.viewport().mapToGlobal(pos)
        index = self.frozen.indexAt(pos)
        if index.isValid():
            view.setCurrentIndex(index)
        policy = view.contextMenuPolicy()
        if policy == Qt.ContextMenuPolicy.ActionsContextMenu and view.actions():
            QMenu.exec(view.actions(), at, None, view)
        elif policy == Qt.ContextMenuPolicy.CustomContextMenu:
            view.customContextMenuRequested.emit(view.viewport().mapFromGlobal(at))

    def frozen_width(self) -> int:
        header = _header(self.view)
        return sum(header.sectionSize(c) for c in self.columns if not header.isSectionHidden(c))

    def _place(self) -> None:
        view = self.view
        left = view.frameWidth() + (view.verticalHeader().width()
                                    if isinstance(view, QTableView) and view.verticalHeader().isVisible() else 0)
        top = view.frameWidth()
        height = view.viewport().height() + _header(view).height()
        self.frozen.setGeometry(left, top, self.frozen_width(), height)
        self.frozen.setVisible(self.frozen_width() > 0)

    def _column_resized(self, col: int, _old: int, new: int) -> None:
        if col in self.columns:
            _header(self.frozen).resizeSection(col, new)
            self._place()

    def _frozen_column_resized(self, col: int, _old: int, new: int) -> None:
        if col in self.columns and _header(self.view).sectionSize(col) != new:
            _header(self.view).resizeSection(col, new)

    def _row_resized(self, row: int, _old: int, new: int) -> None:
        if isinstance(self.frozen, QTableView):
            self.frozen.setRowHeight(row, new)

    @staticmethod
    def _sync_sort(header: QHeaderView, col: int, order: Qt.SortOrder) -> None:
        if (header.sortIndicatorSection(), header.sortIndicatorOrder()) != (col, order):
            header.setSortIndicator(col, order)

    @staticmethod
    def _sync_expanded(target: Any, index: QModelIndex, expanded: bool) -> None:
        if target.isExpanded(index) != expanded:
            target.setExpanded(index, expanded)

    def _keep_current_visible(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """Keyboard moves to a cell hidden under the frozen columns scroll it into view."""
        if not current.isValid() or current.column() in self.columns:
            return
        x = self.view.columnViewportPosition(current.column())
        covered = self.frozen_width()
        if x < covered:
            bar = self.view.horizontalScrollBar()
            bar.setValue(max(0, bar.value() - (covered - x)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False


def freeze(view: View, columns: Sequence[int]) -> FrozenColumns:
    return FrozenColumns(view, columns)
