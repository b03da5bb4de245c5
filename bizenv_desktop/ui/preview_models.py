"""Models of the import dialogs' previews: what a read would import, its texts made only for the
rows a view asks for.

A 10 000-row table plans about 30 000 changes (indicator table) or shows 10 000 items of 12
columns (督办事项台账); one widget item a cell, made on the GUI thread, was the worst block of
the benchmarks (166 ms and 378 ms). Here the rows stay the service's objects; a view asks for
the rows on screen, and make(row) turns one into its texts the first time it is shown.
"""
from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItemModel

from .rows_model import RowsModel

Index = QModelIndex | QPersistentModelIndex
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class LazyTexts:
    """The texts of row n of `rows`, made by make(rows[n]) when first asked for, then kept."""

    def __init__(self) -> None:
        self._make: Callable[[Any], list[str]] = lambda _row: []
        self._texts: dict[int, list[str]] = {}

    def _set_maker(self, make: Callable[[Any], list[str]]) -> None:
        self._make, self._texts = make, {}

    def texts_of(self, rows: Sequence[Any], n: int) -> list[str]:
        texts = self._texts.get(n)
        if texts is None:
            texts = self._texts[n] = self._make(rows[n])
        return texts


class LazyRowsModel(LazyTexts, RowsModel):
    """A flat table of rows (RowsModel) whose texts are made when a row is first shown; the
    texts are the display and the tool tip of a cell."""

    def __init__(self, parent: Any = None) -> None:
        RowsModel.__init__(self, parent)
        LazyTexts.__init__(self)

    def show_rows(self, rows: list[Any], make: Callable[[Any], list[str]]) -> None:
        self._set_maker(make)
        self.replace_rows(rows)

    def texts(self, row: int) -> list[str]:
        return self.texts_of(self.rows, row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in TEXT_ROLES:
            return self.texts(index.row())[index.column()]
        return None


class LazyTreeModel(LazyTexts, QStandardItemModel):
    """A tree over a list of rows in the order they came, row n under parent_of(rows[n]) (an
    earlier row's number, or -1 for the top level); the texts of a row made when it is shown.

    Its shape is a QStandardItemModel's rows without items (made with insertRows on a worker,
    build()), so laying the tree out is Qt's own work: a tree shown expanded asks index(),
    hasChildren() and rowCount() of every row, and 30 000 rows through a Python model's
    methods took 130-250 ms of the GUI thread; here it is 20-30 ms in C++. Only data() (and
    the header) is Python, asked for the rows on screen."""

    CONTEXT = ""
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        QStandardItemModel.__init__(self, parent)
        LazyTexts.__init__(self)
        self.rows: list[Any] = []
        self._children: dict[int, array[int]] = {-1: array("i")}  # (no Python object a row)
        self.setColumnCount(len(self.HEADERS))

    @classmethod
    def build(cls, rows: list[Any], parent_of: Callable[[Any], int]) -> LazyTreeModel:
        """The model of rows, made where it is called (a worker: thousands of insertRows) and
        then handed to the GUI thread, which shows it (set_maker first). parent_of is called
        in order: it may note a row as the parent of those after it."""
        model = cls()
        model.rows = rows
        children = model._children
        for n, row in enumerate(rows):
            up = parent_of(row)
            kids = children.get(up)
            if kids is None:
                kids = children[up] = array("i")
            kids.append(n)
        model.insertRows(0, len(children[-1]))
        width = len(cls.HEADERS)
        todo = [(-1, QModelIndex())]
        while todo:  # every row with children gets its rows (and columns, as many as the top)
            up, where = todo.pop()
            for place, n in enumerate(children[up]):
                kids = children.get(n)
                if kids is not None:
                    index = model.index(place, 0, where)
                    model.insertColumns(0, width, index)
                    model.insertRows(0, len(kids), index)
                    todo.append((n, index))
        app = QCoreApplication.instance()
        if app is not None and model.thread() is not app.thread():
            # pushed to the GUI thread from the thread that made it (only it may); nothing is
            # connected to it yet, so it has no events pending wherever its last reference goes
            model.moveToThread(app.thread())
        return model

    def set_maker(self, make: Callable[[Any], list[str]]) -> None:
        """make(row) -> the texts of its row (the GUI thread's translations)."""
        self._set_maker(make)

    def texts(self, row: int) -> list[str]:
        return self.texts_of(self.rows, row)

    def row_of(self, index: Index) -> int:
        """The number of the row an index shows (-1: the root)."""
        if not index.isValid():
            return -1
        return self._children[self.row_of(index.parent())][index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in TEXT_ROLES:
            return self.texts(self.row_of(index))[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate(self.CONTEXT, self.HEADERS[section])
        return None
