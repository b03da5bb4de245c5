"""What the pages of 考评记录 share (rankings, publications, work plans, 督查): the year shown,
today, the list's rows, the selected row and selecting one. Each page keeps its own reload."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any


class RecordPage:
    """A mixin for a page with `self.model` (a RowsModel) shown in `self.table`."""

    ROW_ROLE: int = 0        # the model's role that returns the row object
    SELECT_COLUMN = 0        # the column a selected row's current cell is in
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

    def rows(self) -> list[Any]:
        return list(self.model.rows)

    def selected(self) -> Any:
        index = self.table.currentIndex()
        return index.data(self.ROW_ROLE) if index.isValid() else None

    def select_where(self, found: Callable[[Any], bool]) -> bool:
        """Make the first row for which found(row) is true the current one."""
        for r, row in enumerate(self.model.rows):
            if found(row):
                self.table.setCurrentIndex(self.model.index(r, self.SELECT_COLUMN))
                return True
        return False
