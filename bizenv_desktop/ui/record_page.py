"""What the pages of 考评记录 share (rankings, publications, work plans, 督查): the year shown,
today, the list's rows, the selected row and selecting one, the list's set-up, following the
selection, asking a dialog and confirming a delete. Each page keeps its own reload."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QTableView, QWidget

from .columns import widen_to_titles
from .widgets import as_record_list


def record_table(parent: QWidget, model: QAbstractItemModel, widths: Iterable[int],
                 stretch_last: bool = True) -> QTableView:
    """A read-only list of records showing model, its columns this wide (wider for longer titles)."""
    table = as_record_list(QTableView(parent))
    table.setModel(model)
    header = table.horizontalHeader()
    if not stretch_last:
        header.setStretchLastSection(False)
    for col, width in enumerate(widths):
        header.resizeSection(col, width)
    widen_to_titles(header)  # English titles are longer
    return table


RowT = TypeVar("RowT")


class RecordPage(Generic[RowT]):
    """A mixin for a page with `self.model` (a RowsModel of RowT) shown in `self.table`."""

    ROW_ROLE: int = 0        # the model's role that returns the row object
    SELECT_COLUMN = 0        # the column a selected row's current cell is in
    ROW_KEY = "id"           # the row's attribute select() looks for
    fixed_today: date | None = None  # tests fix the date
    year: int | None
    model: Any
    table: Any

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def set_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:  # pragma: no cover - each page has its own
        raise NotImplementedError

    def year_to_show(self, years: list[int]) -> int | None:
        """The year shown, kept while it exists; else this year, else the newest one."""
        if self.year in years:
            return self.year
        return (self.today.year if self.today.year in years else years[-1]) if years else None

    def rows(self) -> list[RowT]:
        return list(self.model.rows)

    def selected(self) -> RowT | None:
        index = self.table.currentIndex()
        return index.data(self.ROW_ROLE) if index.isValid() else None

    def select(self, key: Any) -> bool:
        """Make the row whose ROW_KEY is key the current one."""
        return self.select_where(lambda row: getattr(row, self.ROW_KEY) == key)

    def select_where(self, found: Callable[[RowT], bool]) -> bool:
        """Make the first row for which found(row) is true the current one."""
        for r, row in enumerate(self.model.rows):
            if found(row):
                self.table.setCurrentIndex(self.model.index(r, self.SELECT_COLUMN))
                return True
        return False

    def _selection_changed(self) -> None:  # pragma: no cover - each page that follows has its own
        raise NotImplementedError

    def follow_selection(self, controller: Any) -> None:
        """The end of a page's set-up: a new current row or new rows update the page, changes
        to the watched tables reload it; then the first read."""
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.model.modelReset.connect(self._selection_changed)
        self.watch(controller)  # type: ignore[attr-defined]  # ReloadWhenShown's
        self.reload()

    def ask(self, dialog: QDialog) -> Any:
        """Show dialog; its values() when accepted, else None (the dialog is gone either way)."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        values = dialog.values() if accepted else None  # type: ignore[attr-defined]
        dialog.deleteLater()
        return values

    def confirm_delete(self, question: str) -> bool:
        """Yes to question (a delete, which can be undone)."""
        title = QCoreApplication.translate("RecordPage", "确认删除")
        return QMessageBox.question(self, title, question) == QMessageBox.StandardButton.Yes  # type: ignore[arg-type]
