"""The main window: the plan year as a tree, a detail panel, menus for every edit.

No SQL here: reads go through services.plan_read, writes through Controller.run with a
function from services.plan_edit / years, so each edit is one transaction and one undo step.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QFileDialog, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QMainWindow, QMessageBox, QSplitter, QToolBar, QTreeView, QWidget)

from .. import __version__
from ..core.errors import BizenvError
from ..core.model import Indicator, Subtask
from ..services import events, plan_edit, plan_read
from . import settings
from .controller import Controller
from .deadline_panel import DeadlinePanel, reminder_html
from .detail_view import DetailView
from .lazy_tabs import LazyTabs
from .plan_model import COL_CODE, COL_CRITERIA, COL_NAME, KEY_ROLE, SEARCH_ROLE, Node, PlanModel

if TYPE_CHECKING:
    from .dashboard_view import DashboardView
    from .events_view import EventsView
    from .month_view import MonthView
    from .self_eval_view import SelfEvalView
    from .supervision_view import SupervisionView


class PlanFilter(QSortFilterProxyModel):
    """Keeps rows whose text in any column contains the filter; parents of matches stay."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)


class MainWindow(settings.PreserveGeometry, QMainWindow):
    first_shown = Signal()  # after the first paint: the moment for reminders and the start-up backup
    ready = Signal()  # every tab is built

    def __init__(self, controller: Controller, year: int | None = None) -> None:
        super().__init__()
        self.controller = controller
        controller.dialog_parent = self
        self.year: int = 0
        self._select_after_reload: tuple[str, int] | None = None  # a row an action created
        self.model = PlanModel(controller, self)
        self.proxy = PlanFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                  QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((120, 230, 330, 90, 80, 140, 140, 90)):
            header.resizeSection(col, width)
        self.detail = DetailView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1040, 320])
        # Only the first tab is built before the window shows; the others are built when first
        # shown or asked for, or one by one after the first paint (_after_first_paint).
        self.tabs = LazyTabs(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("指标体系"))
        self._dashboard_page = self.tabs.add_lazy(self._build_dashboard, self.tr("看板"))
        self._month_page = self.tabs.add_lazy(self._build_month, self.tr("月调度"))
        self._self_eval_page = self.tabs.add_lazy(self._build_self_eval, self.tr("逐项自评"))
        self._events_page = self.tabs.add_lazy(self._build_events, self.tr("宣传推广与表扬"))
        self._supervision_page = self.tabs.add_lazy(self._build_supervision, self.tr("督办事项"))
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
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.year_box.activated.connect(lambda _i: self.set_year(self.year_box.currentData()))
        controller.changed.connect(self.reload, Qt.ConnectionType.QueuedConnection)
        self.resize(1360, 820)
        self.restore_geometry()
        self.detail.setVisible(settings.get("ui/detail_visible"))
        self.act_detail.setChecked(self.detail.isVisible())
        self.set_year(year or self._default_year())
        if self.current_node() is None and self.proxy.rowCount():
            self.tree.setCurrentIndex(self.proxy.index(0, 0))

    # -- the tabs built on demand ------------------------------------------------
    def _at_year(self, view: Any) -> QWidget:
        view.set_year(self.year)  # a page built later starts at the window's year
        return view

    def _build_dashboard(self, page: QWidget) -> QWidget:
        from .dashboard_view import DashboardView
        return self._at_year(DashboardView(self.controller, page))

    def _build_month(self, page: QWidget) -> QWidget:
        from .month_view import MonthView
        return MonthView(self.controller, page)

    def _build_self_eval(self, page: QWidget) -> QWidget:
        from .self_eval_view import SelfEvalView
        return self._at_year(SelfEvalView(self.controller, page))

    def _build_events(self, page: QWidget) -> QWidget:
        from .events_view import EventsView
        return self._at_year(EventsView(self.controller, page))

    def _build_supervision(self, page: QWidget) -> QWidget:
        from .supervision_view import SupervisionView
        return SupervisionView(self.controller, page)

    @property
    def dashboard_view(self) -> DashboardView:
        return self.tabs.view(self._dashboard_page)  # type: ignore[return-value]

    @property
    def month_view(self) -> MonthView:
        return self.tabs.view(self._month_page)  # type: ignore[return-value]

    @property
    def self_eval_view(self) -> SelfEvalView:
        return self.tabs.view(self._self_eval_page)  # type: ignore[return-value]

    @property
    def events_view(self) -> EventsView:
        return self.tabs.view(self._events_page)  # type: ignore[return-value]

    @property
    def supervision_view(self) -> SupervisionView:
        return self.tabs.view(self._supervision_page)  # type: ignore[return-value]

    # -- set-up ---------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _maintenance(self, name: str) -> None:
        from . import maintenance  # backups and checks: not needed to show the window

        getattr(maintenance, name)(self, self.controller)

    def _build_actions(self) -> None:
        stack = self.controller.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("撤销"))
        self.act_undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.act_redo = stack.createRedoAction(self, self.tr("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_open = self._action(self.tr("打开数据库(&O)…"), self.open_database, QKeySequence.StandardKey.Open)
        self.act_export_evidence = self._action(self.tr("导出佐证材料包(&Z)…"), self.export_evidence)
        self.act_import = self._action(self.tr("导入指标表(&I)…"), self.import_indicators)
        self.act_import_supervision = self._action(self.tr("导入督办事项台账(&U)…"), self.import_supervision)
        self.export_actions = [
            self._action(self.tr("指标表（任务分工表）…"), lambda: self.export_excel("indicators")),
            self._action(self.tr("本月月调度…"), lambda: self.export_excel("dispatch")),
            self._action(self.tr("督办事项台账…"), lambda: self.export_excel("supervision")),
            self._action(self.tr("宣传推广与表扬登记…"), lambda: self.export_excel("events")),
            self._action(self.tr("修改记录…"), lambda: self.export_excel("audit")),
        ]
        self.act_backup = self._action(self.tr("立即备份(&B)"), lambda: self._maintenance("backup_now"))
        self.act_restore = self._action(self.tr("从备份恢复…"), lambda: self._maintenance("restore_from"))
        self.act_check = self._action(self.tr("检查数据"), lambda: self._maintenance("check_data"))
        self.act_settings = self._action(self.tr("设置(&S)…"), self.show_settings, QKeySequence.StandardKey.Preferences)
        self.act_quit = self._action(self.tr("退出(&X)"), self.close, QKeySequence("Ctrl+Q"))
        self.act_add_dimension = self._action(self.tr("新增维度…"), self.add_dimension)
        self.act_add_first = self._action(self.tr("新增一级指标…"), self.add_first_level)
        self.act_add_second = self._action(self.tr("新增二级指标…"), self.add_second_level, QKeySequence("Ctrl+N"))
        self.act_add_subtask = self._action(self.tr("新增子任务…"), self.add_subtask, QKeySequence("Ctrl+Shift+N"))
        self.act_edit = self._action(self.tr("属性(&P)…"), self.edit_current, QKeySequence("Ctrl+E"),
                                     self.tr("编辑所选行的全部内容"))
        self.act_delete = self._action(self.tr("删除"), self.delete_current, QKeySequence.StandardKey.Delete)
        self.act_up = self._action(self.tr("上移"), lambda: self.move_current(-1), QKeySequence("Ctrl+Up"))
        self.act_down = self._action(self.tr("下移"), lambda: self.move_current(1), QKeySequence("Ctrl+Down"))
        self.act_reparent = self._action(self.tr("移动到…"), self.reparent_current)
        self.act_renumber = self._action(self.tr("重新编号"), self.renumber,
                                         tip=self.tr("按顺序重编维度、一级和二级指标的编号"))
        self.act_find = self._action(self.tr("筛选(&F)"), self.filter_edit.setFocus, QKeySequence.StandardKey.Find)
        self.act_new_year = self._action(self.tr("从本年度创建新年度…"), self.new_year_from_current)
        self.act_builtin_year = self._action(self.tr("用内置方案创建年度…"), self.new_builtin_year)
        self.act_delete_year = self._action(self.tr("删除本年度…"), self.delete_year)
        self.act_divisions = self._action(self.tr("处室管理(&D)…"), self.manage_divisions, QKeySequence("Ctrl+D"))
        self.act_liaisons = self._action(self.tr("联络员登记(&L)…"), self.manage_liaisons, QKeySequence("Ctrl+L"))
        self.act_reports = self._action(self.tr("报告与打印(&P)…"), self.show_reports, QKeySequence.StandardKey.Print)
        self.act_calendar = self._action(self.tr("工作日历(&C)…"), self.show_calendar)
        self.act_audit = self._action(self.tr("修改记录(&R)…"), self.show_audit, QKeySequence("Ctrl+H"))
        self.act_expand = self._action(self.tr("全部展开"), self.tree.expandAll)
        self.act_collapse = self._action(self.tr("全部折叠"), self.tree.collapseAll)
        self.act_detail = self._action(self.tr("详情面板"), self._toggle_detail, QKeySequence("F9"))
        self.act_detail.setCheckable(True)
        self.act_about = self._action(self.tr("关于(&A)"), self.about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        menus: list[tuple[str, list[QAction | None]]] = [
            (self.tr("文件(&F)"), [self.act_open, None, self.act_export_evidence, None, self.act_backup,
                                  self.act_restore, self.act_check, None, self.act_settings, None, self.act_quit]),
            (self.tr("编辑(&E)"), [self.act_undo, self.act_redo, None, self.act_add_dimension, self.act_add_first,
                                  self.act_add_second, self.act_add_subtask, None, self.act_edit, self.act_delete,
                                  None, self.act_up, self.act_down, self.act_reparent, self.act_renumber, None,
                                  self.act_find]),
            (self.tr("报告(&R)"), [self.act_reports]),
            (self.tr("年度(&Y)"), [self.act_new_year, self.act_builtin_year, None, self.act_delete_year]),
            (self.tr("管理(&M)"), [self.act_divisions, self.act_liaisons, None, self.act_calendar, self.act_audit]),
            (self.tr("视图(&V)"), [self.act_expand, self.act_collapse, None, self.act_detail,
                                  self.deadline_dock.toggleViewAction()]),
            (self.tr("帮助(&H)"), [self.act_about]),
        ]
        for title, actions in menus:
            menu = bar.addMenu(title)
            if actions and actions[0] is self.act_open:
                menu.addAction(self.act_open)
                menu.addSeparator()
                menu.addAction(self.act_import)
                menu.addAction(self.act_import_supervision)
                export_menu = menu.addMenu(self.tr("导出 Excel(&X)"))
                for export_action in self.export_actions:
                    export_menu.addAction(export_action)
                actions = actions[1:]
            for action in actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for action in (self.act_edit, self.act_add_second, self.act_add_subtask, self.act_delete,
                       self.act_up, self.act_down, self.act_reparent):
            self.tree.addAction(action)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("工具栏"), self)
        bar.setObjectName("main_toolbar")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("年度：")))
        bar.addWidget(self.year_box)
        bar.addSeparator()
        for action in (self.act_undo, self.act_redo, None, self.act_add_second, self.act_add_subtask,
                       self.act_edit, self.act_delete, self.act_up, self.act_down, None,
                       self.act_divisions, self.act_liaisons):
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy())
        bar.addWidget(spacer)
        bar.addWidget(self.filter_edit)
        self.addToolBar(bar)

    # -- loading --------------------------------------------------------------
    def _default_year(self) -> int:
        available = plan_read.list_years(self.controller.db)
        last = settings.get("ui/last_year")
        if last in available:
            return last
        today = date.today().year
        return today if today in available or not available else available[-1]

    def set_year(self, year: int) -> None:
        first_time = self.year != year
        self.year = year
        settings.put("ui/last_year", year)
        for page in (self._self_eval_page, self._events_page, self._dashboard_page):
            if page.view is not None:  # a page built later starts at the window's year
                page.view.set_year(year)  # type: ignore[attr-defined]
        self.reload(expand_all=first_time)

    def reload(self, expand_all: bool = False) -> None:
        """Rebuild the tree from the database, keeping expansion and the current row."""
        current = self.current_key()
        expanded = set() if expand_all else self._expanded_keys()
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
        self.detail.event_counts = events.counts(self.controller.db, self.year) if plan else {}
        if not self.model.set_plan(plan) and self._select_after_reload is None:
            self._update_status(plan)
            self._current_changed()
            return
        if expand_all:
            self.tree.expandAll()
        else:
            for key in expanded:
                index = self.proxy.mapFromSource(self.model.index_for_key(key))
                if index.isValid():
                    self.tree.expand(index)
        if self._select_after_reload is not None:
            current, self._select_after_reload = self._select_after_reload, None
        if current is not None:
            self.select_key(current)
        self._update_status(plan)
        self._update_actions()
        self.setWindowTitle(self.tr("营商环境考核评价工作台 — %1").replace("%1", str(self.controller.workspace.path)))

    def _expanded_keys(self) -> set[tuple[str, int]]:
        keys: set[tuple[str, int]] = set()

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                if self.tree.isExpanded(index):
                    keys.add(index.data(KEY_ROLE))
                    walk(index)
        walk(QModelIndex())
        return keys

    def _update_status(self, plan: Any) -> None:
        if plan is None:
            self.status_label.setText(self.tr("没有年度方案"))
            return
        firsts = sum(len(d.indicators) for d in plan.dimensions)
        seconds = plan.second_level()
        subtasks = sum(len(i.subtasks) for i in seconds)
        self.status_label.setText(
            self.tr("%1 年度：%2 个维度，%3 个一级指标，%4 个二级指标，%5 个子任务")
            .replace("%1", str(plan.year)).replace("%2", str(len(plan.dimensions)))
            .replace("%3", str(firsts)).replace("%4", str(len(seconds))).replace("%5", str(subtasks)))

    # -- selection ------------------------------------------------------------
    def current_node(self) -> Node | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return self.model.node(self.proxy.mapToSource(index))

    def current_key(self) -> tuple[str, int] | None:
        node = self.current_node()
        return None if node is None else node.key

    def select_key(self, key: tuple[str, int]) -> None:
        index = self.proxy.mapFromSource(self.model.index_for_key(key))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _current_changed(self, *_args: Any) -> None:
        self.detail.show_node(self.current_node())
        self._update_actions()

    def _update_actions(self) -> None:
        node = self.current_node()
        kind = node.kind if node else None
        level = node.obj.level if node and isinstance(node.obj, Indicator) else 0
        has_year = self.model.plan is not None
        for action in (self.act_edit, self.act_delete, self.act_up, self.act_down):
            action.setEnabled(node is not None)
        self.act_reparent.setEnabled(kind == "indicator")
        self.act_add_dimension.setEnabled(has_year)
        self.act_add_first.setEnabled(has_year and bool(self.model.plan and self.model.plan.dimensions))
        self.act_add_second.setEnabled(kind in ("indicator", "subtask") or (kind == "dimension"))
        self.act_add_subtask.setEnabled(kind == "subtask" or (kind == "indicator" and level == 2))
        self.act_new_year.setEnabled(has_year)
        self.act_delete_year.setEnabled(has_year)
        self.act_renumber.setEnabled(has_year)

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.tree.expandAll()

    def _double_clicked(self, index: QModelIndex) -> None:
        if not (self.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable):
            self.edit_current()

    def _toggle_detail(self) -> None:
        self.detail.setVisible(self.act_detail.isChecked())
        settings.put("ui/detail_visible", self.detail.isVisible())

    # -- helpers for actions ---------------------------------------------------
    def _run(self, label: str, action: Callable[[Any], Any], select: tuple[str, str] | None = None) -> bool:
        """Run one undoable action; select=(kind, table) selects the row it created."""
        created: list[Any] = []

        def wrapped(w: Any) -> None:
            result = action(w)
            created.append(result)
        if not self.controller.run(label, wrapped):
            return False
        if select and created and created[0] is not None:
            self._select_after_reload = (select[0], created[0])
        return True

    def _ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, QLineEdit.EchoMode.Normal, text)
        return value.strip() if ok and value.strip() else None

    def _context(self) -> tuple[int | None, Indicator | None, Indicator | None]:
        """(dimension id, first-level, second-level) around the current row."""
        node = self.current_node()
        first = second = None
        while node is not None and node.kind != "root":
            if node.kind == "indicator":
                ind = node.obj
                assert isinstance(ind, Indicator)
                if ind.level == 2 and second is None:
                    second = ind
                elif ind.level == 1 and first is None:
                    first = ind
            if node.kind == "dimension":
                return node.obj.id, first, second
            node = node.parent
        plan = self.model.plan
        dim_id = plan.dimensions[0].id if plan and plan.dimensions else None
        return dim_id, first, second

    # -- actions ----------------------------------------------------------------
    def add_dimension(self) -> None:
        name = self._ask_text(self.tr("新增维度"), self.tr("维度名称："))
        if name:
            self._run(self.tr("新增维度“%1”").replace("%1", name),
                      lambda w: plan_edit.add_dimension(w, self.year, name), ("dimension", "dimension"))

    def add_first_level(self) -> None:
        dim_id, first, _second = self._context()
        if dim_id is None:
            return
        name = self._ask_text(self.tr("新增一级指标"), self.tr("一级指标名称："))
        if name:
            after = first.id if first else None
            self._run(self.tr("新增一级指标“%1”").replace("%1", name),
                      lambda w: plan_edit.add_indicator(w, dim_id, None, name, after_id=after),
                      ("indicator", "indicator"))

    def add_second_level(self, name: str | None = None) -> None:
        dim_id, first, second = self._context()
        if first is None:
            plan = self.model.plan
            dims = [d for d in (plan.dimensions if plan else []) if d.id == dim_id]
            first = dims[0].indicators[-1] if dims and dims[0].indicators else None
        if first is None:
            QMessageBox.information(self, self.tr("新增二级指标"), self.tr("请先新增一个一级指标。"))
            return
        name = name or self._ask_text(self.tr("新增二级指标"),
                                      self.tr("在“%1”下新增二级指标，名称：").replace("%1", first.name))
        if name:
            after = second.id if second else None
            parent_id, dimension_id = first.id, first.dimension_id
            self._run(self.tr("新增二级指标“%1”").replace("%1", name),
                      lambda w: plan_edit.add_indicator(w, dimension_id, parent_id, name, after_id=after),
                      ("indicator", "indicator"))

    def add_subtask(self) -> None:
        from .subtask_dialog import SubtaskDialog

        _dim, _first, second = self._context()
        if second is None:
            return
        dialog = SubtaskDialog(plan_read.list_divisions(self.controller.db), None, self, self.year)
        if dialog.exec():
            values = dialog.values()
            self._run(self.tr("新增子任务“%1”").replace("%1", values["name"]),
                      lambda w: plan_edit.add_subtask(w, second.id, **values), ("subtask", "subtask"))

    def edit_current(self) -> None:
        from .indicator_dialog import IndicatorDialog
        from .subtask_dialog import SubtaskDialog

        node = self.current_node()
        if node is None:
            return
        if node.kind == "dimension":
            dim = node.obj
            name = self._ask_text(self.tr("维度"), self.tr("维度名称："), dim.name)
            if name:
                self._run(self.tr("修改维度名称"), lambda w: plan_edit.update_dimension(w, dim.id, name=name))
        elif isinstance(node.obj, Subtask):
            dialog = SubtaskDialog(plan_read.list_divisions(self.controller.db), node.obj, self, self.year)
            if dialog.exec():
                values, sub_id = dialog.values(), node.obj.id
                self._run(self.tr("编辑子任务“%1”").replace("%1", values["name"]),
                          lambda w: plan_edit.update_subtask(w, sub_id, **values))
        elif isinstance(node.obj, Indicator):
            ind_dialog = IndicatorDialog(node.obj, plan_read.list_divisions(self.controller.db), self)
            if ind_dialog.exec():
                self._run(self.tr("编辑指标“%1”").replace("%1", node.obj.name), ind_dialog.apply)

    def delete_current(self, confirm: bool = True) -> None:
        node = self.current_node()
        if node is None:
            return
        name = self.model.cell_text(node, COL_NAME)
        if confirm:
            extra = ""
            if node.children:
                extra = self.tr("其下的 %1 项内容将一并删除。").replace("%1", str(self._count(node)))
            answer = QMessageBox.question(
                self, self.tr("删除"),
                self.tr("删除“%1”？%2可用“撤销”恢复。").replace("%1", name).replace("%2", extra))
            if answer != QMessageBox.StandardButton.Yes:
                return
        obj_id = node.obj.id
        fn = {"dimension": plan_edit.delete_dimension, "indicator": plan_edit.delete_indicator,
              "subtask": plan_edit.delete_subtask}[node.kind]
        self._run(self.tr("删除“%1”").replace("%1", name), lambda w: fn(w, obj_id))

    def _count(self, node: Node) -> int:
        return sum(1 + self._count(c) for c in node.children)

    def move_current(self, delta: int) -> None:
        node = self.current_node()
        if node is None:
            return
        obj_id = node.obj.id
        fn = {"dimension": plan_edit.move_dimension, "indicator": plan_edit.move_indicator,
              "subtask": plan_edit.move_subtask}[node.kind]
        label = self.tr("上移") if delta < 0 else self.tr("下移")
        self._run(f"{label}“{self.model.cell_text(node, COL_NAME)}”", lambda w: fn(w, obj_id, delta))

    def reparent_current(self) -> None:
        node = self.current_node()
        plan = self.model.plan
        if node is None or node.kind != "indicator" or plan is None:
            return
        ind = node.obj
        assert isinstance(ind, Indicator)
        if ind.level == 2:
            targets = [(f"{f.code} {f.name}", f.id) for d in plan.dimensions for f in d.indicators
                       if f.id != ind.parent_id]
        else:
            targets = [(f"{d.code} {d.name}", d.id) for d in plan.dimensions if d.id != ind.dimension_id]
        if not targets:
            return
        choice, ok = QInputDialog.getItem(self, self.tr("移动到"), self.tr("移动“%1”到：").replace("%1", ind.name),
                                          [t[0] for t in targets], 0, False)
        if not ok:
            return
        target_id = dict(targets)[choice]
        if ind.level == 2:
            self._run(self.tr("移动“%1”").replace("%1", ind.name),
                      lambda w: plan_edit.reparent_indicator(w, ind.id, target_id))
        else:
            self._run(self.tr("移动“%1”").replace("%1", ind.name),
                      lambda w: plan_edit.reparent_indicator(w, ind.id, None, target_id))

    def renumber(self) -> None:
        self._run(self.tr("重新编号"), lambda w: plan_edit.renumber_codes(w, self.year))

    def new_year_from_current(self, target: int | None = None) -> None:
        from ..services import years

        available = plan_read.list_years(self.controller.db)
        if target is None:
            value, ok = QInputDialog.getInt(
                self, self.tr("创建新年度"),
                self.tr("从 %1 年度复制指标、责任处室和子任务（不含日期），新年度：").replace("%1", str(self.year)),
                max(available) + 1, 2000, 2100)
            if not ok:
                return
            target = value
        source = self.year
        if self._run(self.tr("从 %1 年度创建 %2 年度").replace("%1", str(source)).replace("%2", str(target)),
                     lambda w: years.create_year_from(w, source, target)):
            self.set_year(target)

    def new_builtin_year(self) -> None:
        from ..services import years

        available = plan_read.list_years(self.controller.db)
        value, ok = QInputDialog.getInt(self, self.tr("用内置方案创建年度"), self.tr("年度："),
                                        max(available, default=date.today().year - 1) + 1, 2000, 2100)
        if ok and self._run(self.tr("创建 %1 年度（内置方案）").replace("%1", str(value)),
                            lambda w: years.create_builtin_year(w, value)):
            self.set_year(value)

    def delete_year(self) -> None:
        from ..services import years

        year = self.year
        answer = QMessageBox.question(
            self, self.tr("删除年度"),
            self.tr("删除 %1 年度的全部指标、责任处室和子任务？可用“撤销”恢复。").replace("%1", str(year)))
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self.tr("删除 %1 年度").replace("%1", str(year)), lambda w: years.delete_year(w, year))

    def manage_divisions(self) -> None:
        from .divisions_dialog import DivisionsDialog

        DivisionsDialog(self.controller, self).exec()

    def manage_liaisons(self) -> None:
        from .liaison_dialog import LiaisonDialog

        LiaisonDialog(self.controller, self).exec()

    def import_indicators(self) -> None:
        from .import_dialog import ImportIndicatorsDialog

        dialog = ImportIndicatorsDialog(self.controller, self, self.year)
        dialog.exec()
        if dialog.imported_year:
            self.set_year(dialog.imported_year)

    def import_supervision(self) -> None:
        from .supervision_import_dialog import ImportSupervisionDialog

        ImportSupervisionDialog(self.controller, self).exec()

    def export_excel(self, kind: str, target: str | None = None) -> int | None:
        """Write one of the Excel exports; the month is the month view's current month."""
        from ..services.excel import export

        names = {"indicators": self.tr("%1年任务分工表").replace("%1", str(self.year)),
                 "dispatch": self.tr("%1 月调度").replace("%1", self.month_view.current or ""),
                 "supervision": self.tr("督办事项台账"), "events": self.tr("%1年宣传推广与表扬").replace("%1", str(self.year)),
                 "audit": self.tr("修改记录")}
        if target is None:
            target, _f = QFileDialog.getSaveFileName(
                self, self.tr("导出 Excel"), str(self.controller.workspace.path.parent / f"{names[kind]}.xlsx"),
                self.tr("Excel 工作簿 (*.xlsx)"))
            if not target:
                return None
        db = self.controller.db
        calls = {"indicators": lambda: export.export_indicators(db, self.year, target),
                 "dispatch": lambda: export.export_dispatch(db, self.month_view.current, target),
                 "supervision": lambda: export.export_supervision(db, target),
                 "events": lambda: export.export_events(db, self.year, target),
                 "audit": lambda: export.export_audit(db, target)}
        try:
            rows = calls[kind]()
        except (BizenvError, OSError) as exc:
            QMessageBox.warning(self, self.tr("无法导出"), str(exc))
            return None
        self.statusBar().showMessage(self.tr("已导出 %1 行到 %2").replace("%1", str(rows)).replace("%2", str(target)),
                                     8000)
        return rows

    def show_reports(self) -> None:
        from .report_dialog import ReportDialog

        ReportDialog(self.controller, self, self.year).exec()

    def show_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        SettingsDialog(self.controller, self).exec()

    def show_calendar(self) -> None:
        from .calendar_dialog import CalendarDialog

        CalendarDialog(self.controller, self).exec()

    def show_audit(self) -> None:
        from .audit_dialog import AuditDialog

        AuditDialog(self.controller, self).exec()

    def open_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("打开数据库"), str(self.controller.workspace.path.parent),
            self.tr("工作台数据库 (*.sqlite3 *.db);;所有文件 (*)"))
        if not path:
            return
        from ..services.startup import open_workspace

        try:
            workspace = open_workspace(path)
        except (BizenvError, OSError) as exc:
            QMessageBox.warning(self, self.tr("无法打开数据库"), str(exc))
            return
        self.controller.set_workspace(workspace)
        self.year = self._default_year()
        self.reload(expand_all=True)

    def export_evidence(self, target: str | None = None) -> None:
        """Zip this year's evidence, one folder per indicator, with an index."""
        from ..services import evidence

        if target is None:
            target, _filter = QFileDialog.getSaveFileName(
                self, self.tr("导出佐证材料包"),
                str(self.controller.workspace.path.parent / self.tr("%1年佐证材料.zip").replace("%1", str(self.year))),
                self.tr("压缩包 (*.zip)"))
            if not target:
                return
        try:
            summary = evidence.export_package(self.controller.db, self.controller.workspace.path, self.year,
                                              Path(target))
        except (BizenvError, OSError) as exc:
            QMessageBox.warning(self, self.tr("无法导出"), str(exc))
            return
        self.statusBar().showMessage(
            self.tr("已导出 %1 个文件到 %2").replace("%1", str(summary.files)).replace("%2", str(target)), 8000)

    def about(self) -> None:
        QMessageBox.about(
            self, self.tr("关于"),
            self.tr("<h3>营商环境考核评价工作台</h3><p>版本 %1</p><p>供营商环境建设联络员离线使用：维护指标体系、"
                    "分配责任处室、记录月调度、导出报告。</p><p>数据库：%2</p>")
            .replace("%1", __version__).replace("%2", str(self.controller.workspace.path)))

    def show_reminders(self, today: date | None = None) -> QMessageBox | None:
        """At start: what is overdue and what falls due within 5 working days (non-modal)."""
        html = reminder_html(self.controller.db, today or date.today(), self)
        if html is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("待办提醒"), html, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
        return box

    _painted = False

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

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)

    # for tests and the status of in-place editing
    def edit_cell(self, key: tuple[str, int], column: int = COL_CRITERIA) -> QModelIndex:
        source = self.model.index_for_key(key)
        return self.proxy.mapFromSource(source.siblingAtColumn(column))


__all__ = ["MainWindow", "COL_CODE", "COL_NAME", "COL_CRITERIA"]
