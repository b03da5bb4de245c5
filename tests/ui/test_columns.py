"""Readable grids at 1366: frozen identifying columns, and columns shown/hidden per view, remembered."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView, QTreeView

from bizenv_desktop.services import dispatch
from bizenv_desktop.ui import settings
from bizenv_desktop.ui.columns import ColumnChooser
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.frozen_columns import FrozenColumns
from bizenv_desktop.ui.month_model import COL_DIVISION, COL_INDICATOR, COL_REMARKS, COL_STATUS, ROW_ROLE
from bizenv_desktop.ui.month_view import MonthView


def test_month_grid_keeps_indicator_and_division_in_view_when_scrolled_right(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    assert controller.run("start", lambda w: dispatch.start_month(w, "2026-11"))
    view = MonthView(controller)
    qtbot.addWidget(view)
    view.resize(900, 600)  # the month grid at 1366 x 768, beside the side pane and the 待办 dock
    view.show()
    qtbot.waitExposed(view)
    table, frozen = view.table, view.frozen.frozen
    assert frozen.isVisible()
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0, "the grid is wider than its view at this size"
    bar.setValue(bar.maximum())
    qtbot.wait(10)
    # the main view's indicator column has scrolled away, the frozen one has not
    assert table.columnViewportPosition(COL_INDICATOR) < 0
    assert frozen.columnViewportPosition(COL_INDICATOR) == 0
    assert frozen.columnViewportPosition(COL_DIVISION) == frozen.columnWidth(COL_INDICATOR)
    shown = [c for c in range(view.proxy.columnCount()) if not frozen.isColumnHidden(c)]
    assert shown == [COL_INDICATOR, COL_DIVISION]
    assert frozen.width() == table.columnWidth(COL_INDICATOR) + table.columnWidth(COL_DIVISION)
    # the same row at the same height in both
    last = view.proxy.rowCount() - 1
    table.scrollTo(view.proxy.index(last, COL_REMARKS))
    qtbot.wait(10)
    assert frozen.verticalScrollBar().value() == table.verticalScrollBar().value() > 0
    assert frozen.rowViewportPosition(last) == table.rowViewportPosition(last)
    # one selection for both
    table.setCurrentIndex(view.proxy.index(3, COL_STATUS))
    assert frozen.currentIndex().row() == 3
    assert view.selected_row() is view.proxy.index(3, 0).data(ROW_ROLE)
    # widths follow
    table.setColumnWidth(COL_INDICATOR, 150)
    assert frozen.columnWidth(COL_INDICATOR) == 150 and frozen.width() == 150 + table.columnWidth(COL_DIVISION)


def test_keyboard_move_left_is_not_hidden_under_the_frozen_columns(qtbot: Any) -> None:
    model = QStandardItemModel(5, 12)
    for r in range(5):
        for c in range(12):
            model.setItem(r, c, QStandardItem(f"{r},{c}"))
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    for c in range(12):
        table.setColumnWidth(c, 120)
    frozen = FrozenColumns(table, (0,))
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    table.horizontalScrollBar().setValue(table.horizontalScrollBar().maximum())
    table.setCurrentIndex(model.index(0, 6))
    qtbot.wait(10)
    x = table.columnViewportPosition(6)
    assert x >= frozen.frozen_width(), "the current cell lies beside the frozen column, not under it"


def tree_model() -> QStandardItemModel:
    model = QStandardItemModel(0, 6)
    for i in range(3):
        parent = [QStandardItem(f"{i}")] + [QStandardItem(f"p{i}-{c}") for c in range(1, 6)]
        for j in range(4):
            parent[0].appendRow([QStandardItem(f"{i}.{j}")] + [QStandardItem(f"c{c}") for c in range(1, 6)])
        model.appendRow(parent)
    return model


def test_a_frozen_tree_expands_and_collapses_with_the_tree(qtbot: Any) -> None:
    model = tree_model()
    tree = QTreeView()
    qtbot.addWidget(tree)
    tree.setModel(model)
    frozen = FrozenColumns(tree, (0, 1)).frozen
    assert isinstance(frozen, QTreeView)
    tree.show()
    first = model.index(0, 0)
    tree.expand(first)
    assert frozen.isExpanded(first)
    frozen.collapse(first)
    assert not tree.isExpanded(first)
    tree.expandAll()
    assert all(frozen.isExpanded(model.index(i, 0)) for i in range(3))


def test_hidden_columns_are_remembered_per_view_and_identifying_ones_cannot_be_hidden(
        qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    view = MonthView(controller)
    qtbot.addWidget(view)
    header = view.table.horizontalHeader()
    menu = view.columns.menu()
    actions = {a.data(): a for a in menu.actions() if a.data() is not None}
    assert actions[COL_INDICATOR].isEnabled() is False and actions[COL_DIVISION].isEnabled() is False
    assert actions[COL_REMARKS].text() == "配合处室意见" and actions[COL_REMARKS].isChecked()
    actions[COL_REMARKS].setChecked(False)  # what clicking it in the header's menu does
    assert header.isSectionHidden(COL_REMARKS)
    view.columns.set_shown(COL_INDICATOR, False)
    assert not header.isSectionHidden(COL_INDICATOR)
    header.resizeSection(COL_STATUS, 111)
    view.columns.save()
    assert len(settings.get("columns/month")) > 0
    again = MonthView(controller)  # the next start, or the view built again
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().isSectionHidden(COL_REMARKS)
    assert again.table.columnWidth(COL_STATUS) == 111
    # another view keeps its own columns
    assert settings.get("columns/supervision") == b""
    again.columns.reset()
    assert not again.table.horizontalHeader().isSectionHidden(COL_REMARKS)


def test_a_saved_state_with_other_columns_is_ignored(qtbot: Any) -> None:
    small = QStandardItemModel(2, 3)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(small)
    table.horizontalHeader().hideSection(2)
    settings.put("columns/plan", table.horizontalHeader().saveState())
    wide = QStandardItemModel(2, 8)
    other = QTableView()
    qtbot.addWidget(other)
    other.setModel(wide)
    ColumnChooser(other.horizontalHeader(), "plan")
    assert other.horizontalHeader().count() == 8
    assert [c for c in range(8) if other.horizontalHeader().isSectionHidden(c)] in ([], [2])
    assert other.horizontalHeader().contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_supervision_list_shows_number_and_status_at_1366(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.ui.supervision_view import COL_NO, COL_STATUS, SupervisionView

    view = SupervisionView(Controller(workspace))
    qtbot.addWidget(view)
    view.resize(990, 600)  # the tab's width at 1366 beside the 待办 dock
    view.show()
    qtbot.waitExposed(view)
    table, frozen = view.table, view.frozen.frozen
    header = table.horizontalHeader()
    assert [header.logicalIndex(v) for v in range(2)] == [COL_NO, COL_STATUS]
    for value in (0, table.horizontalScrollBar().maximum()):
        table.horizontalScrollBar().setValue(value)
        x = frozen.columnViewportPosition(COL_STATUS)
        assert 0 <= x and x + frozen.columnWidth(COL_STATUS) <= table.viewport().width()
    assert frozen.isVisible() and not frozen.isColumnHidden(COL_STATUS)
