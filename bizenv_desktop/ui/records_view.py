"""The 考评记录 tab: what the plan asks the liaison to keep besides the monthly round — rankings
((7)), publications ((1), (15)), the divisions' work plans (四（二）) and 督查 (四（三）) — one
sub-tab each, built when first shown. The window calls set_year; each page follows it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

PAGES: tuple[tuple[str, str], ...] = (("rankings", "排名"), ("publications", "公开发布"),
                                      ("work_plans", "处室工作方案"), ("inspections", "督查"))


class RecordsView(QWidget):
    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year = year
        self.tabs = QTabWidget(self)
        self._pages: dict[str, QWidget] = {}
        self._holders: dict[str, QVBoxLayout] = {}
        titles = {"rankings": self.tr("排名"), "publications": self.tr("公开发布"),
                  "work_plans": self.tr("处室工作方案"), "inspections": self.tr("督查")}
        for key, _title in PAGES:
            holder = QWidget(self.tabs)
            box = QVBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            self._holders[key] = box
            self.tabs.addTab(holder, titles[key])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda i: self.page(PAGES[i][0]))
        self.page(PAGES[0][0])

    def page(self, key: str) -> Any:
        """The page (built on first use)."""
        if key not in self._pages:
            builders: dict[str, Callable[[], QWidget]] = {
                "rankings": self._rankings, "publications": self._publications,
                "work_plans": self._work_plans, "inspections": self._inspections}
            view = builders[key]()
            self._holders[key].addWidget(view)
            self._pages[key] = view
        return self._pages[key]

    def show_page(self, key: str) -> Any:
        self.tabs.setCurrentIndex([k for k, _t in PAGES].index(key))
        return self.page(key)

    def set_year(self, year: int) -> None:
        self.year = year
        for view in self._pages.values():
            view.set_year(year)  # type: ignore[attr-defined]

    def _rankings(self) -> QWidget:
        from .rankings_view import RankingsView
        return RankingsView(self.controller, self._holders["rankings"].parentWidget(), self.year)

    def _publications(self) -> QWidget:
        from .publications_view import PublicationsView
        return PublicationsView(self.controller, self._holders["publications"].parentWidget(), self.year)

    def _work_plans(self) -> QWidget:
        from .work_plans_view import WorkPlansView
        return WorkPlansView(self.controller, self._holders["work_plans"].parentWidget(), self.year)

    def _inspections(self) -> QWidget:
        from .inspections_view import InspectionsView
        return InspectionsView(self.controller, self._holders["inspections"].parentWidget(), self.year)
