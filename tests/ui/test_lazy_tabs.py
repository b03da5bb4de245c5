"""The main window shows before its other tabs exist, then builds them one by one."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.lazy_tabs import LazyPage, LazyTabs
from bizenv_desktop.ui.main_window import MainWindow


def test_a_page_is_built_once_when_first_shown(qtbot: Any) -> None:
    calls: list[str] = []

    def build(name: str) -> Any:
        def make(page: QWidget) -> QWidget:
            calls.append(name)
            return QLabel(name, page)
        return make

    tabs = LazyTabs()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "first")
    a = tabs.add_lazy(build("a"), "a")
    b = tabs.add_lazy(build("b"), "b")
    tabs.show()
    qtbot.waitExposed(tabs)
    assert calls == [] and a.view is None and b.view is None
    tabs.setCurrentIndex(2)
    assert calls == ["b"]
    assert isinstance(b.view, QLabel) and b.view.isVisible()  # shown in the page that is on screen
    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(2)
    assert calls == ["b"]
    # a view stands for its page
    tabs.setCurrentWidget(b.view)
    assert tabs.currentWidget() is b and tabs.indexOf(b.view) == 2
    assert tabs.build_next() is True and calls == ["b", "a"]
    assert tabs.build_next() is False and calls == ["b", "a"]


def test_the_window_builds_the_other_tabs_after_its_first_paint(qtbot: Any, workspace: Any) -> None:
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    pages = [window.tabs.widget(i) for i in range(1, window.tabs.count())]
    assert all(isinstance(p, LazyPage) and p.view is None for p in pages)
    assert window.deadline_panel.model.rowCount() == 0  # read after the first paint
    with qtbot.waitSignals([window.first_shown, window.ready], timeout=20000):
        window.show()
    assert all(p.view is not None for p in pages)  # type: ignore[attr-defined]
    assert window.deadline_panel.model.rowCount() > 0
    assert window.self_eval_view.year == window.year == window.events_view.year


def test_a_tab_asked_for_before_the_paint_is_built_at_the_year_shown(qtbot: Any, workspace: Any) -> None:
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    window.set_year(2026)
    view = window.self_eval_view  # the window (or a test) asks before anything is shown
    assert view.year == 2026
    window.tabs.setCurrentWidget(window.month_view)
    assert window.tabs.currentIndex() == window.tabs.indexOf(window.month_view) > 0


def test_closing_the_database_stops_the_building(qtbot: Any, workspace: Any) -> None:
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_shown, timeout=20000):
        window.show()
    workspace.close()
    qtbot.wait(200)  # the queued builds find the file closed and stop: no error from a closed connection
    assert any(window.tabs.widget(i).view is None for i in range(1, window.tabs.count()))  # type: ignore[attr-defined]
