"""The 月调度 grid: the table of a month's rows with its 状态 drop-down and its filters
(division, status, text, changed since the last month), kept out of month_view so the view
holds the layout, loading and actions.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QTableView, QWidget)

from ..core import dispatch as rules
from .choice_delegate import ChoiceDelegate
from .columns import widen_to_titles
from .month_model import COL_STATUS, SORT_ROLE, MonthModel, status_label

__all__ = ["StatusDelegate", "MonthFilter", "month_table"]


class StatusDelegate(ChoiceDelegate):
    """A drop-down of the five statuses for the 状态 column."""

    def choices(self) -> list[tuple[str, str]]:
        return [(status_label(status), status) for status in rules.STATUSES]


class MonthFilter(QSortFilterProxyModel):
    """Filters by division, status, indicator text and 'changed since last month'."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.division = ""
        self.status = ""
        self.text = ""
        self.changed_only = False

    def set(self, **values: Any) -> None:
        """Change filters; refiltering only when one really changed keeps open editors alive."""
        if all(getattr(self, key) == value for key, value in values.items()):
            return
        self.beginFilterChange()
        for key, value in values.items():
            setattr(self, key, value)
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, MonthModel)
        row = model.row_at(source_row)
        if self.division and row.division_name != self.division:
            return False
        if self.status and row.status != self.status:
            return False
        if self.text and self.text.lower() not in " ".join(
                (row.indicator_code, row.indicator_name, row.subtask_name, row.progress, row.problems,
                 row.next_steps, row.person, row.remarks)).lower():
            return False
        return not self.changed_only or bool(model.changed_fields(row))


def month_table(parent: QWidget, proxy: MonthFilter) -> QTableView:
    """The grid over proxy: sortable (plan order first), one row selected, edited in place."""
    table = QTableView(parent)
    table.setModel(proxy)
    proxy.setSortRole(SORT_ROLE)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # plan order
    table.setSortingEnabled(True)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                          QAbstractItemView.EditTrigger.EditKeyPressed |
                          QAbstractItemView.EditTrigger.AnyKeyPressed)
    table.setItemDelegateForColumn(COL_STATUS, StatusDelegate(table))
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    for col, width in enumerate((190, 120, 90, 70, 220, 160, 180, 70, 60, 60, 60, 60, 60, 140, 40)):
        header.resizeSection(col, width)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # at 1366 x 768 the grid scrolls sideways: which row it is stays in view
    widen_to_titles(header, {COL_STATUS: [status_label(s) for s in rules.STATUSES]})
    return table
