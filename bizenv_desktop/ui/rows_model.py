"""A flat table model over a list of plain rows: the part every ledger view shares."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt


class RowsModel(QAbstractTableModel):
    """Subclasses set CONTEXT and HEADERS (marked with QT_TRANSLATE_NOOP(CONTEXT, …)); those that
    set ROW_ROLE and define text(row, column) get data(): the text (also as the tool tip) and
    the row object under ROW_ROLE."""

    CONTEXT = ""
    HEADERS: tuple[str, ...] = ()
    ROW_ROLE: int | None = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []

    def replace_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None

    def text(self, row: Any, col: int) -> str:  # pragma: no cover - the models that use data() define it
        raise NotImplementedError

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.text(row, index.column()) or None
        if role == self.ROW_ROLE:
            return row
        return None
