"""The main window, a shell: the plan year as a tree with a detail panel, the other tabs, the
待办 dock, menus, toolbar and the year.

What the menus do lives in ui/operations/ (one module per job; its docstring says how to add
an action); the menus and their sections in ui/menus.py; the tabs in ui/window_tabs.py. No
SQL here: reads go through services.plan_read, writes through the operations.
"""
from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QComboBox, QDockWidget, QLabel, QLineEdit, QMainWindow, QMessageBox, QToolBar, QWidget

from ..core.errors import BizenvError
from ..services import events, plan_read
from . import lazy, screen_fit, settings
from .controller import Controller
from .deadline_panel import DeadlinePanel, reminder_html
from .lazy_tabs import LazyPage, LazyTabs
from .menus import Menus
from .operations import make_action
from .operations.exchange import ExchangeOps
from .operations.help import HelpOps
from .operations.month_round import MonthRoundOps
from .operations.plan import PlanOps
from .operations.workspace import WorkspaceOps
from .operations.years import YearOps
from .plan_model import COL_CODE, COL_CRITERIA, COL_NAME, Node
from .plan_tree import PlanTree
from .todo_open import open_deadline
from .undo_labels import UndoLabels
from .window_tabs import TABS, Tab

if TYPE_CHECKING:
    from .dashboard_view import DashboardView
    from .events_view import EventsView
    from .month_view import MonthView
    from .self_eval_view import SelfEvalView
    from .supervision_view import SupervisionView


class MainWindow(lazy.ReloadWhenShown, settings.PreserveGeometry, QMainWindow):
    first_shown = Signal()  # after the first paint: the moment for reminders and the start-up backup
    ready = Signal()  # every tab is built
    WATCHES = frozenset({"assignment", "dimension", "division", "event", "indicator", "plan_year", "subtask"})
    _painted = False  # until the first paint (paintEvent)

    def __init__(self, controller: Controller, year: int | None = None) -> None:
        super().__init__()
        self.controller = controller
        controller.dialog_parent = self
        self.year: int = 0
        self.plan_tree = PlanTree(controller, self)
        # the tree's parts, for the operations and tests
        self.tree, self.model, self.proxy, self.detail = (self.plan_tree.tree, self.plan_tree.model,
                                                          self.plan_tree.proxy, self.plan_tree.detail)
        # Only the first tab is built before the window shows; the others are built when first
        # shown or asked for, or one by one after the first paint (_after_first_paint).
        self.tabs = LazyTabs(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plan_tree, QCoreApplication.translate("MainWindow", "指标体系"))
        self.pages: dict[str, LazyPage] = {
            tab.key: self.tabs.add_lazy(partial(self._build_tab, tab), QCoreApplication.translate("MainWindow", tab.title))
            for tab in TABS}
        self.setCentralWidget(self.tabs)
        self.deadline_panel = DeadlinePanel(controller, self, load=False)  # read after the first paint
        self.deadline_dock = QDockWidget(self.tr("待办"), self)
        self.deadline_dock.setObjectName("deadline_dock")
        self.deadline_dock.setWidget(self.deadline_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.deadline_dock)
        self.resizeDocks([self.deadline_dock], [360], Qt.Orientation.Horizontal)
        self.year_box = QComboBox(self)
        self.year_box.setMinimumContentsLength(8)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("筛选：编号、名称、标准、处室……"))
        self.filter_edit.setMinimumWidth(260)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)
        self.menus = Menus(self)
        self._build_toolbar()
        self._build_own_actions()
        self.plan_ops = PlanOps(self)
        self.year_ops = YearOps(self)
        self.exchange_ops = ExchangeOps(self)
        self.workspace_ops = WorkspaceOps(self)
        self.round_ops = MonthRoundOps(self)
        self.help_ops = HelpOps(self)
        self.operations: list[Any] = [self.plan_ops, self.year_ops, self.exchange_ops, self.workspace_ops,
                                      self.round_ops, self.help_ops]
        self.toolbar.addWidget(self._spacer())
        self.toolbar.addWidget(self.filter_edit)
        self.deadline_panel.open_requested.connect(lambda d: open_deadline(self, d))  # where a to-do leads
        self.plan_tree.current_changed.connect(self._refresh_actions)
        self.plan_tree.open_requested.connect(self.plan_ops.edit_current)
        self.filter_edit.textChanged.connect(self.plan_tree.set_filter)
        self.year_box.activated.connect(lambda _i: self.set_year(self.year_box.currentData()))
        self.watch(controller)
        screen_fit.first_size(self, 1360, 820)  # from the screen: 1360 x 820 did not fit 1366 x 768
        self.restore_geometry()
        shown = bool(settings.get("ui/detail_visible"))
        self.detail.setVisible(shown)
        self.act_detail.setChecked(shown)  # isVisible() is False until the window shows: it read unchecked
        self.tabs.setCurrentWidget(self.pages.get(settings.get("ui/last_tab"), self.plan_tree))  # the tab left open
        self.set_year(year or self._default_year())
        self.plan_tree.select_first()

    # -- tabs (declared in window_tabs.TABS) -------------------------------------
    def _build_tab(self, tab: Tab, page: QWidget) -> QWidget:
        view = tab.build(self.controller, page)
        if tab.follows_year:
            view.set_year(self.year)  # type: ignore[attr-defined]  # a page built later starts at the year
        return view

    def view(self, key: str) -> QWidget:
        """The view of tab `key` (built now if it was not yet)."""
        return self.tabs.view(self.pages[key])

    @property
    def dashboard_view(self) -> DashboardView:
        return cast("DashboardView", self.view("dashboard"))

    @property
    def month_view(self) -> MonthView:
        return cast("MonthView", self.view("month"))

    @property
    def self_eval_view(self) -> SelfEvalView:
        return cast("SelfEvalView", self.view("self_eval"))

    @property
    def events_view(self) -> EventsView:
        return cast("EventsView", self.view("events"))

    @property
    def supervision_view(self) -> SupervisionView:
        return cast("SupervisionView", self.view("supervision"))

    # -- actions of the shell itself; the rest are in ui/operations ------------------
    def _build_own_actions(self) -> None:
        self.undo_labels = UndoLabels.for_window(self)  # what undo does, and in which tab it was done
        self.act_undo, self.act_redo = self.undo_labels.act_undo, self.undo_labels.act_redo
        self.controller.take_undo_actions(self.act_undo, self.act_redo)  # a large step runs as a task
        self.act_quit = make_action(self, self.tr("退出(&X)"), self.close, QKeySequence("Ctrl+Q"))
        self.act_find = make_action(self, self.tr("筛选(&F)"), self.filter_edit.setFocus,
                                    QKeySequence.StandardKey.Find)
        self.act_expand = make_action(self, self.tr("全部展开"), self.tree.expandAll)
        self.act_collapse = make_action(self, self.tr("全部折叠"), self.tree.collapseAll)
        self.act_detail = make_action(self, self.tr("详情面板"), self._toggle_detail, QKeySequence("F9"))
        self.act_detail.setCheckable(True)
        self.menus.add("file", "quit", self.act_quit)
        self.menus.add("edit", "undo", self.act_undo, self.act_redo)
        self.menus.add("edit", "find", self.act_find)
        self.menus.add("view", "tree", self.act_expand, self.act_collapse)
        self.menus.add("view", "panels", self.act_detail, self.deadline_dock.toggleViewAction())
        self.add_tools(self.act_undo, self.act_redo, None)

    def _build_toolbar(self) -> None:
        self.toolbar = QToolBar(self.tr("工具栏"), self)
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addWidget(QLabel(self.tr("年度：")))
        self.toolbar.addWidget(self.year_box)
        self.toolbar.addSeparator()
        self.addToolBar(self.toolbar)

    def add_tools(self, *actions: QAction | None) -> None:
        """Append to the toolbar (None: a separator); the filter box stays last."""
        for action in actions:
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)

    def _spacer(self) -> QWidget:
        spacer = QWidget(self.toolbar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy())
        return spacer

    # -- the year and the tree ---------------------------------------------------
    def _default_year(self) -> int:
        available = plan_read.list_years(self.controller.db)
        last = settings.get("ui/last_year")
        if last in available:
            return last
        today = date.today().year
        return today if today in available or not available else available[-1]

    def show_default_year(self) -> None:
        """After another database was opened: its last or current year, fully expanded."""
        self.year = self._default_year()
        self.reload(expand_all=True)

    def set_year(self, year: int) -> None:
        first_time, self.year = self.year != year, year
        if settings.get("ui/last_year") != year:  # QSettings writes its file on every put: 5-15 ms
            settings.put("ui/last_year", year)
        for tab in TABS:
            if tab.follows_year and self.pages[tab.key].view is not None:
                self.pages[tab.key].view.set_year(year)  # type: ignore[union-attr]
        self.reload(expand_all=first_time)

    def reload(self, expand_all: bool = False) -> None:
        """Re-read the years and the plan of the year shown."""
        available = plan_read.list_years(self.controller.db)
        if self.year not in available and available:
            self.year = available[-1]
            expand_all = True
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in available:
            self.year_box.addItem(self.tr("%1 年度").replace("%1", str(y)), y)
        self.year_box.setCurrentIndex(self.year_box.findData(self.year))
        self.year_box.blockSignals(False)
        try:
            plan = plan_read.load_plan(self.controller.db, self.year) if available else None
        except BizenvError:
            plan = None
        self.plan_tree.show_plan(plan, events.counts(self.controller.db, self.year) if plan else {}, expand_all)
        self._update_status(plan)
        self.setWindowTitle(self.tr("营商环境考核评价工作台 — %1").replace("%1", str(self.controller.workspace.path))
                            + (self.tr("（只读）") if self.controller.workspace.read_only else ""))

    def _update_status(self, plan: Any) -> None:
        if plan is None:
            self.status_label.setText(self.tr("没有年度方案"))
            return
        seconds = plan.second_level()
        self.status_label.setText(
            self.tr("%1 年度：%2 个维度，%3 个一级指标，%4 个二级指标，%5 个子任务")
            .replace("%1", str(plan.year)).replace("%2", str(len(plan.dimensions)))
            .replace("%3", str(sum(len(d.indicators) for d in plan.dimensions))).replace("%4", str(len(seconds)))
            .replace("%5", str(sum(len(i.subtasks) for i in seconds))))

    def current_node(self) -> Node | None:
        return self.plan_tree.current_node()

    def _refresh_actions(self) -> None:
        for ops in self.operations:
            if hasattr(ops, "refresh"):
                ops.refresh()

    def _toggle_detail(self) -> None:
        self.detail.setVisible(self.act_detail.isChecked())
        settings.put("ui/detail_visible", self.act_detail.isChecked())

    # -- start-up and close -----------------------------------------------------
    def show_reminders(self, today: date | None = None) -> QMessageBox | None:
        """At start: what is overdue and what falls due within 5 working days (non-modal), once
        a day (it came at every start)."""
        today = today or date.today()
        shown_today = settings.get("ui/reminded_on") == today.isoformat()
        html = None if shown_today else reminder_html(self.controller.db, today, self)
        if html is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("待办提醒"), html, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        settings.put("ui/reminded_on", today.isoformat())
        return box

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """The window is on screen: tell the app (reminders, backup), then build the other
        tabs, one per event-loop turn, so that their first show does not wait."""
        self.first_shown.emit()
        if not self.controller.db.closed:
            self.deadline_panel.reload()
        self._build_rest()

    def _build_rest(self) -> None:
        if not self.isVisible() or self.controller.db.closed:
            return  # closed meanwhile: pages still build when asked for
        if self.tabs.build_next():
            QTimer.singleShot(0, self._build_rest)
        else:
            self.ready.emit()

    def tab_key(self) -> str:
        """The key of the tab in front: "plan" or a key of window_tabs.TABS."""
        return next((key for key, p in self.pages.items() if p is self.tabs.currentWidget()), "plan")

    def closeEvent(self, event: QCloseEvent) -> None:
        settings.put("ui/last_tab", self.tab_key())
        self.save_geometry()
        super().closeEvent(event)


__all__ = ["MainWindow", "COL_CODE", "COL_NAME", "COL_CRITERIA"]
