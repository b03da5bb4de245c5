"""The window's tabs after the first (the indicator tree), declared once.

Each tab is built when first shown or asked for, or in the idle turns after the window's
first paint (ui/lazy_tabs.py), so its module is imported only then. To add a tab: write the
view (a QWidget taking (controller, parent); with `set_year(year)` if it shows one plan
year), add a builder below and one Tab to TABS; `window.view("key")` gives the view (built
on demand). Titles are translated in the MainWindow context.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # PySide6's stub returns object; the marked text is the string itself
    from .controller import Controller

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Tab:
    key: str
    title: str                                         # QT_TRANSLATE_NOOP("MainWindow", …)
    build: Callable[[Controller, QWidget], QWidget]    # (controller, page) -> the view
    follows_year: bool = False                         # the view has set_year; the window calls it


def _dashboard(controller: Controller, page: QWidget) -> QWidget:
    from .dashboard_view import DashboardView
    return DashboardView(controller, page)


def _month(controller: Controller, page: QWidget) -> QWidget:
    from .month_view import MonthView
    return MonthView(controller, page)


def _self_eval(controller: Controller, page: QWidget) -> QWidget:
    from .self_eval_view import SelfEvalView
    return SelfEvalView(controller, page)


def _events(controller: Controller, page: QWidget) -> QWidget:
    from .events_view import EventsView
    return EventsView(controller, page)


def _supervision(controller: Controller, page: QWidget) -> QWidget:
    from .supervision_view import SupervisionView
    return SupervisionView(controller, page)


def _records(controller: Controller, page: QWidget) -> QWidget:
    from .records_view import RecordsView
    return RecordsView(controller, page)


TABS: tuple[Tab, ...] = (
    Tab("dashboard", QT_TRANSLATE_NOOP("MainWindow", "看板"), _dashboard, follows_year=True),
    Tab("month", QT_TRANSLATE_NOOP("MainWindow", "月调度"), _month),
    Tab("self_eval", QT_TRANSLATE_NOOP("MainWindow", "逐项自评"), _self_eval, follows_year=True),
    Tab("events", QT_TRANSLATE_NOOP("MainWindow", "宣传推广与表扬"), _events, follows_year=True),
    Tab("supervision", QT_TRANSLATE_NOOP("MainWindow", "督办事项"), _supervision),
    Tab("records", QT_TRANSLATE_NOOP("MainWindow", "考评记录"), _records, follows_year=True),
)
