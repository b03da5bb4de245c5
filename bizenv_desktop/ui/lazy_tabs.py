"""Tabs whose pages are built when first needed, so the window shows before every tab exists.

Each page is a plain container; its view (and the view's module) is made the first time
the tab is shown, the window asks for it, or the window builds the rest after its first
paint (`build_next`, one page per event-loop turn so input is never held up for long).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

Builder = Callable[[QWidget], QWidget]  # gets the page, returns the view (a child of the page)


class LazyPage(QWidget):
    def __init__(self, build: Builder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._build: Builder | None = build
        self.view: QWidget | None = None

    def ensure_built(self) -> QWidget:
        if self.view is None:
            assert self._build is not None
            build, self._build = self._build, None
            self.view = build(self)
            self.layout().addWidget(self.view)
            if self.isVisible():
                self.view.show()  # a child added to a shown page stays hidden otherwise
        return self.view


class LazyTabs(QTabWidget):
    built = Signal(QWidget)  # the view of a page has just been built

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._build_current)

    def add_lazy(self, build: Builder, label: str) -> LazyPage:
        page = LazyPage(build, self)
        self.addTab(page, label)
        return page

    def view(self, page: LazyPage) -> QWidget:
        was_built = page.view is not None
        view = page.ensure_built()
        if not was_built:
            self.built.emit(view)
        return view

    def build_next(self) -> bool:
        """Build one page not built yet; False when every page is built."""
        for index in range(self.count()):
            page = self.widget(index)
            if isinstance(page, LazyPage) and page.view is None:
                self.view(page)
                return True
        return False

    def page_of(self, widget: QWidget) -> QWidget:
        """The tab page that holds widget (a view or a page)."""
        parent = widget.parentWidget()
        return parent if isinstance(parent, LazyPage) and parent.view is widget else widget

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt name) views stand for their pages
        super().setCurrentWidget(self.page_of(widget))

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 (Qt name)
        return super().indexOf(self.page_of(widget))

    def _build_current(self, index: int) -> None:
        page = self.widget(index)
        if isinstance(page, LazyPage):
            self.view(page)
