"""The window on the large database, and its bare-Qt twins.

Every action's block is measured by an event-loop heartbeat (Heartbeat): a precise QTimer on
the GUI thread beats every few milliseconds; an action is started from the event loop (as a
click is), the loop runs until the action is over (its background task too, when it runs
through the window's runner) and a few beats more; the block is the longest gap between two
beats in that time — the longest the window did not answer. `took` is how long the user
waited for the result (a worker may have done most of it, with the window answering).

startup_bare is the start-up baseline: a bare QMainWindow holding a QTreeView of the same
tree of Chinese rows the app's window first paints (captured by capture_tree).
"""
from __future__ import annotations

import cProfile
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.probe import SETTLE_MS, _first_paint_hook, _model_texts, _tree_texts, _watch_gc, emit, flush, idle

BEAT_MS = 4


class Heartbeat:
    def __init__(self, app: Any) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.app = app
        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(lambda: self.beats.append(time.perf_counter()))
        self.timer.start()

    def measure(self, fn: Callable[[], Any], done: Callable[[], bool] | None = None,
                timeout_s: float = 300) -> tuple[float, float]:
        """(the longest gap between beats in ms, ms until done) of fn started from the event loop."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        state: dict[str, Any] = {}
        seen = len(self.beats)
        while len(self.beats) == seen:  # start just after a beat
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

        def start() -> None:
            state["first"] = len(self.beats) - 1
            state["t0"] = time.perf_counter()
            try:
                fn()
            finally:
                state["called"] = True

        def poll() -> None:
            if "called" not in state:
                return
            if "end" not in state:
                if done is not None and not done() and time.perf_counter() - state["t0"] < timeout_s:
                    return
                state["end"], state["beats"] = time.perf_counter(), len(self.beats)
            if len(self.beats) >= state["beats"] + 3:  # what it queued (reloads, the repaint) has run
                loop.quit()
        check = QTimer()
        check.setInterval(1)
        check.timeout.connect(poll)
        QTimer.singleShot(0, start)
        check.start()
        loop.exec()
        check.stop()
        beats = self.beats[state["first"]:]
        gap = max(b - a for a, b in zip(beats, beats[1:]))
        return gap * 1000, (state["end"] - state["t0"]) * 1000


# -- start-up -----------------------------------------------------------------------------

def _plan_view(window: Any) -> Any:
    return window.plan_tree.tree


def capture_tree(args: dict[str, Any]) -> None:
    """The tree the app's window paints first: every row's texts in every column, expanded or not."""
    from PySide6.QtCore import QModelIndex, Qt, QThreadPool
    from PySide6.QtWidgets import QApplication

    from bizenv_desktop.app import open_main_window
    from bizenv_desktop.services.startup import open_workspace
    from bizenv_desktop.ui.controller import Controller

    app = QApplication(sys.argv[:1])
    workspace = open_workspace(args["db"])
    window = open_main_window(Controller(workspace))
    idle(app, 1.0)
    QThreadPool.globalInstance().waitForDone()
    view = _plan_view(window)
    model = view.model()
    count = [0]

    def walk(parent: Any) -> list[Any]:
        out = []
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            count[0] += 1
            out.append([[str(model.index(r, c, parent).data(Qt.ItemDataRole.DisplayRole) or "")
                         for c in range(model.columnCount(parent))], view.isExpanded(index), walk(index)])
        return out
    tree = {"headers": [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())],
            "nodes": walk(QModelIndex()), "size": [window.width(), window.height()]}
    tree["rows"] = count[0]
    Path(args["tree_out"]).write_text(json.dumps(tree, ensure_ascii=False), encoding="utf-8")
    workspace.close()
    emit({"rows": count[0]})


def startup_bare(args: dict[str, Any]) -> None:
    """A bare QMainWindow of the app's size with a QTreeView of the same tree: the baseline."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

    app = QApplication(sys.argv[:1])
    _first_paint_hook(app, args.get("settle_ms", SETTLE_MS))
    tree = json.loads(Path(args["tree_in"]).read_text(encoding="utf-8")) if args.get("tree_in") else None
    window = QMainWindow()
    window.setWindowTitle("bare")
    if tree is not None:
        model = QStandardItemModel()
        model.setHorizontalHeaderLabels(tree["headers"])
        expand: list[QStandardItem] = []

        def add(parent: Any, nodes: list[Any]) -> None:
            for texts, expanded, children in nodes:
                items = [QStandardItem(t) for t in texts]
                parent.appendRow(items)
                if expanded:
                    expand.append(items[0])
                add(items[0], children)
        add(model.invisibleRootItem(), tree["nodes"])
        view = QTreeView()
        view.setUniformRowHeights(True)
        view.setAlternatingRowColors(True)
        view.setModel(model)
        for item in expand:
            view.setExpanded(item.index(), True)
        window.setCentralWidget(view)
        window.resize(*tree["size"])
    else:
        window.resize(1360, 820)
    window.show()
    app.exec()
    emit({})


# -- every action in the window -----------------------------------------------------------

def _busy(controller: Any, *dialogs: Any) -> bool:
    """Work of the window's runner (ui/tasks.py) or of a dialog still running or asked for: the
    runner's user task, a dialog's newest-request reader (`reading`, a tasks.Latest), its
    report jobs (`jobs`, ui/report_jobs.py) or a task it holds."""
    tasks = getattr(controller, "tasks", None)
    if tasks is not None and getattr(tasks, "busy", False):
        return True
    for d in dialogs:
        for name in ("reading", "jobs", "loader"):
            if getattr(getattr(d, name, None), "busy", False):
                return True
        if getattr(getattr(d, "task", None), "running", False):
            return True
    return False


def gui_actions(args: dict[str, Any]) -> None:
    """The main window on the large database (built as app.run_gui builds it), then every action."""
    from datetime import date

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from bizenv_desktop.app import open_main_window
    from bizenv_desktop.services import dispatch
    from bizenv_desktop.services.startup import open_workspace
    from bizenv_desktop.ui.audit_dialog import AuditDialog
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.plan_model import SEARCH_ROLE

    app = QApplication(sys.argv[:1])
    times: dict[str, list[float]] = {}
    took: dict[str, list[float]] = {}
    todo: list[str] = []
    gc_pauses = _watch_gc()
    profile_dir = Path(args["profile"]) if args.get("profile") else None
    t0 = time.perf_counter()
    workspace = open_workspace(args["db"])
    controller = Controller(workspace)
    window = open_main_window(controller)  # reminders, backup and the other tabs follow the first paint
    construct_ms = (time.perf_counter() - t0) * 1000
    idle(app, args.get("idle_s", 2.0))  # the user looks at the window before the first click
    QThreadPool.globalInstance().waitForDone()  # the start-up backup (and any warm-up) done
    flush(app)
    heart = Heartbeat(app)
    db = controller.db

    def measure(name: str, fn: Callable[[], Any], done: Callable[[], bool] | None = None) -> None:
        profiler = cProfile.Profile() if profile_dir else None
        if profiler:
            profiler.enable()
        block, waited = heart.measure(fn, done if done is not None else lambda: not _busy(controller))
        if profiler:
            profiler.disable()
            profiler.dump_stats(str(profile_dir / f"{name.replace('/', '_')}-{len(times.get(name, []))}.pstats"))
        times.setdefault(name, []).append(round(block, 2))
        took.setdefault(name, []).append(round(waited, 1))

    data: dict[str, Any] = {}
    # 月调度: switching months (the tab first)
    measure("tab:月调度", lambda: window.tabs.setCurrentWidget(window.tabs.page_of(window.month_view)))
    months = [m["month"] for m in dispatch.list_months(db)]
    picks = [months[-2], months[-3], months[len(months) // 2], months[12], months[0], months[-1], months[-14],
             months[-2]]
    data["months"] = []
    for month in picks:
        measure("月调度:切换月份", lambda m=month: window.month_view.show_month(m))
        data["months"].append(_model_texts(window.month_view.model))
    # 指标体系: the tree filter, typed as an input method commits words
    measure("tab:指标体系", lambda: window.tabs.setCurrentIndex(0))
    tree_filters = ["审", "审批", "", "企业", "企业开办", "", "处", "", "2", ""]
    data["tree"] = _tree_texts(window.model, SEARCH_ROLE)
    data["tree_filters"] = tree_filters
    for text in tree_filters:
        measure("指标树:筛选", lambda t=text: window.filter_edit.setText(t))
    # 督办事项: the ledger filters
    view = window.supervision_view
    latency: dict[str, list[float]] = {}

    def ledger_ready() -> bool:
        """The ledger's and the 看板's background reads have arrived: the user's wait is timed
        (printed as a latency), not hidden after the block."""
        dashboard = getattr(window.pages.get("dashboard"), "view", None)
        return not any(getattr(v, "loading", False) for v in (view, dashboard))

    measure("tab:督办事项", lambda: window.tabs.setCurrentWidget(window.tabs.page_of(view)), ledger_ready)
    latency.setdefault("督办事项:首次显示后行就绪（后台读取）", []).append(took["tab:督办事项"][-1])
    data["ledger"] = _model_texts(view.model)
    division_id = view.division_box.itemData(3)
    division_name = view.division_box.itemText(3)
    ledger_filters: list[tuple[dict[str, Any], str]] = [
        ({"status": "办理中"}, "办理中"), ({"division_id": division_id}, division_name),
        ({"overdue_only": True}, "逾期"), ({"text": "整改"}, "整改"), ({"text": "项目 资金"}, "项目"), ({}, "")]
    for kwargs, _bare in ledger_filters:
        measure("督办台账:筛选", lambda k=kwargs: view.set_filter(**k))
    for text in ["整", "整改", "整改报", "整改", "整", ""]:
        measure("督办台账:搜索框逐字输入", lambda t=text: view.search.setText(t))
    data["ledger_filters"] = [b for _kw, b in ledger_filters]
    # the other tabs, the year, one edit and its undo, the audit trail
    for index in range(window.tabs.count()):
        measure(f"tab:{window.tabs.tabText(index)}", lambda i=index: window.tabs.setCurrentIndex(i), ledger_ready)
    year = window.year
    measure("切换年度", lambda: window.set_year(year - 5))
    measure("切换年度", lambda: window.set_year(year))
    open_month = next((m["month"] for m in reversed(dispatch.list_months(db)) if not m["closed_at"]), None)
    if open_month:
        window.tabs.setCurrentWidget(window.tabs.page_of(window.month_view))
        window.month_view.show_month(open_month)
        flush(app)
        row_id = dispatch.load_month(db, open_month).rows[0].id
        for n in range(3):
            measure("编辑一行月调度（含各视图刷新）", lambda n=n: controller.run(
                "基准测试编辑", lambda w: dispatch.update_row(w, row_id, progress=f"基准测试 {n}")))
        measure("撤销", controller.undo)
        for index in range(window.tabs.count()):  # each tab shown again after that change
            name = f"改动后首次显示:{window.tabs.tabText(index)}"
            measure(name, lambda i=index: window.tabs.setCurrentIndex(i), ledger_ready)
            if window.tabs.widget(index) is window.pages["dashboard"]:
                latency.setdefault("看板:改动后首次显示后面板就绪（后台读取）", []).append(took[name][-1])
    dialogs: list[Any] = []
    measure("修改记录:打开", lambda: (dialogs.append(AuditDialog(controller, window)), dialogs[-1].show()))
    audit_dialog = dialogs[-1]
    measure("修改记录:筛选", lambda: audit_dialog.set_filters(text="progress"))
    measure("修改记录:筛选", lambda: audit_dialog.set_filters(entity="supervision_item"))
    measure("修改记录:滚到底（分页）", lambda: audit_dialog.table.scrollToBottom())
    audit_dialog.reject()
    flush(app)
    from benchmarks.probe_gui_files import file_actions

    file_actions(app, window, controller, measure, Path(args["work"]), open_month, todo)
    if args.get("data_out"):
        Path(args["data_out"]).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    workspace.close()
    emit({"construct_ms": round(construct_ms, 1), "times": times, "took": took, "latency": latency,
          "gc_pauses": gc_pauses, "today": date.today().isoformat(), "todo": todo})


def gui_baselines(args: dict[str, Any]) -> None:
    """The same rows in bare Qt: a QStandardItemModel in a QTableView / QTreeView, filtered
    by a QSortFilterProxyModel, each change measured by the same heartbeat."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QTabWidget, QTreeView

    data = json.loads(Path(args["data_in"]).read_text(encoding="utf-8"))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget(window)
    window.setCentralWidget(tabs)
    month_table, tree, ledger = QTableView(), QTreeView(), QTableView()
    for w, name in ((tree, "tree"), (month_table, "month"), (ledger, "ledger")):
        tabs.addTab(w, name)
    window.resize(1360, 820)
    window.show()
    flush(app)
    heart = Heartbeat(app)
    times: dict[str, list[float]] = {}

    def measure(name: str, fn: Callable[[], Any]) -> None:
        times.setdefault(name, []).append(round(heart.measure(fn)[0], 2))

    def table_model(rows: list[list[str]]) -> QStandardItemModel:
        model = QStandardItemModel(len(rows), len(rows[0]) if rows else 0)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                model.setItem(r, c, QStandardItem(text))
        return model

    tabs.setCurrentWidget(month_table)
    month_table.setWordWrap(True)
    for rows in data["months"]:
        measure("月调度:切换月份", lambda rows=rows: month_table.setModel(table_model(rows)))
    tabs.setCurrentWidget(tree)
    tree_model = QStandardItemModel()

    def add(parent: Any, nodes: list[Any]) -> None:
        for text, children in nodes:
            item = QStandardItem(text)
            parent.appendRow(item)
            add(item, children)
    add(tree_model.invisibleRootItem(), data["tree"])
    tree_proxy = QSortFilterProxyModel()
    tree_proxy.setRecursiveFilteringEnabled(True)
    tree_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    tree_proxy.setSourceModel(tree_model)
    tree.setModel(tree_proxy)
    tree.expandAll()

    def tree_filter(text: str) -> None:
        tree_proxy.setFilterFixedString(text)
        if text:
            tree.expandAll()
    for text in data["tree_filters"]:
        measure("指标树:筛选", lambda t=text: tree_filter(t))
    tabs.setCurrentWidget(ledger)
    ledger_proxy = QSortFilterProxyModel()
    ledger_proxy.setFilterKeyColumn(-1)
    ledger_proxy.setSourceModel(table_model(data["ledger"]))
    ledger.setModel(ledger_proxy)
    for text in data["ledger_filters"]:
        measure("督办台账:筛选", lambda t=text: ledger_proxy.setFilterFixedString(t))
    for text in ["整", "整改", "整改报", "整改", "整", ""]:
        measure("督办台账:搜索框逐字输入", lambda t=text: ledger_proxy.setFilterFixedString(t))
    emit({"times": times})


PROBES = {f.__name__: f for f in (capture_tree, startup_bare, gui_actions, gui_baselines)}
