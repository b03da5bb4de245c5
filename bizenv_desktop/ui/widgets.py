"""Small widget set-ups several views share."""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QTableView


def as_record_list(table: QTableView, editable: bool = False) -> QTableView:
    """A table of records: whole rows selected one at a time, no row numbers; read-only
    unless editable (then cells open on double-click or F2)."""
    table.verticalHeader().setVisible(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    if not editable:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return table
