"""One measurement in a fresh process: `python -m benchmarks.probe NAME ARGS_JSON`.

The runner (benchmarks/__main__.py) starts each probe as its own process, so start-up and
peak memory are those of a fresh interpreter, and an app probe and its bare baseline run
under the same conditions. A probe prints `SHOWN` when its window is first painted (the
runner times that from the moment it started the process) and ends with one line
`RESULT {json}`. Nothing is imported at module level beyond the standard library: the
bare baselines must not pay for importing the app.
"""
from __future__ import annotations

import cProfile
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def peak_rss_kb() -> int:
    """This process's peak resident memory in KiB. VmHWM, not getrusage's ru_maxrss: Linux keeps
    ru_maxrss across exec, so a probe would report its parent's size at the fork if larger."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # other systems: the best there is


def rss_kb() -> int:
    """This process's resident memory now (VmRSS, KiB), after resetting its peak (VmHWM) to it,
    so that peak_rss_kb() - rss_kb() is what the work after this call took at its height."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")  # Linux: reset the peak resident size to the current one
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def emit(result: dict[str, Any]) -> None:
    result.setdefault("peak_rss_kb", peak_rss_kb())
    print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)


# -- Qt helpers ---------------------------------------------------------------------------

# After the first paint a start-up probe keeps running this long before it quits, so the peak
# memory includes what the app does just after showing (the start-up backup, deferred loading).
SETTLE_MS = 2500


def _first_paint_hook(app: Any, settle_ms: int, on_shown: Callable[[], None] | None = None) -> Any:
    """Print SHOWN once the first paint of a QMainWindow has finished, then quit after settle_ms."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 (Qt name)
            if not self.seen and event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                self.seen = True
                QTimer.singleShot(0, self.shown)  # after the rest of this paint pass (the children)
                if hasattr(obj, "ready"):  # the app's window: it builds its other tabs after this paint
                    obj.ready.connect(lambda: print("READY", flush=True))
            return False

        def shown(self) -> None:
            print("SHOWN", flush=True)
            if on_shown is not None:
                on_shown()
            QTimer.singleShot(settle_ms, app.quit)

    hook = FirstPaint(app)
    app.installEventFilter(hook)
    return hook


def flush(app: Any) -> None:
    """Let everything an action queued run: queued reloads, layout, the repaint."""
    for _ in range(3):
        app.sendPostedEvents()
        app.processEvents()


def idle(app: Any, seconds: float) -> None:
    """Run the event loop for a while, as the app does while the user reads the screen."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def timed(app: Any, fn: Callable[[], Any]) -> float:
    """Milliseconds the GUI thread is blocked by fn and what it queued (paint included)."""
    flush(app)
    t0 = time.perf_counter()
    fn()
    flush(app)
    return (time.perf_counter() - t0) * 1000


# -- start-up -----------------------------------------------------------------------------

def startup_bare(args: dict[str, Any]) -> None:
    """A bare PySide6 QMainWindow of the app's size, shown: the start-up baseline."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    _first_paint_hook(app, args.get("settle_ms", SETTLE_MS))
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1360, 820)
    window.show()
    app.exec()
    emit({})


def startup_app(args: dict[str, Any]) -> None:
    """The real entry point (bizenv_desktop.app.main, as `bizenv-desktop --db DB` runs it)."""
    profiler = cProfile.Profile() if args.get("profile") else None
    if profiler:
        profiler.enable()
    import bizenv_desktop.app as gui
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])  # run_gui takes this instance

    def shown() -> None:
        if profiler:
            profiler.disable()
    _first_paint_hook(app, args.get("settle_ms", SETTLE_MS), shown)
    sys.argv = ["bizenv-desktop", "--db", args["db"]]
    code = gui.main()
    QThreadPool.globalInstance().waitForDone()  # the start-up backup
    if profiler:
        profiler.dump_stats(args["profile"])
    emit({"exit_code": code})


# -- GUI actions on the large database ----------------------------------------------------

def _model_texts(model: Any, parent: Any = None) -> list[list[str]]:
    from PySide6.QtCore import QModelIndex, Qt

    parent = parent or QModelIndex()
    return [[str(model.index(r, c, parent).data(Qt.ItemDataRole.DisplayRole) or "")
             for c in range(model.columnCount(parent))] for r in range(model.rowCount(parent))]


def _tree_texts(model: Any, role: int) -> list[Any]:
    """[(search text, [children...]), ...] of a tree model."""
    from PySide6.QtCore import QModelIndex

    def walk(parent: Any) -> list[Any]:
        return [(str(model.index(r, 0, parent).data(role) or ""), walk(model.index(r, 0, parent)))
                for r in range(model.rowCount(parent))]
    return walk(QModelIndex())


def _watch_gc() -> list[list[float]]:
    """Every collection of Python's cyclic garbage collector over 10 ms: [generation, ms]. One
    can land on any action (it is what made one run of an action slow and the next not)."""
    import gc

    pauses: list[list[float]] = []
    started: list[float] = [0.0]

    def callback(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            ms = (time.perf_counter() - started[0]) * 1000
            if ms > 10:
                pauses.append([info["generation"], round(ms, 1)])
    gc.callbacks.append(callback)
    return pauses


def gui_actions(args: dict[str, Any]) -> None:
    """The main window on the large database (built as app.run_gui builds it), then each
    action timed from the call until the GUI thread is idle again, repaint included."""
    from datetime import date

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from bizenv_desktop.services import dispatch
    from bizenv_desktop.services.startup import open_workspace
    from bizenv_desktop.ui.audit_dialog import AuditDialog
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.app import open_main_window
    from bizenv_desktop.ui.plan_model import SEARCH_ROLE

    app = QApplication(sys.argv[:1])
    times: dict[str, list[float]] = {}
    gc_pauses = _watch_gc()
    profile_dir = Path(args["profile"]) if args.get("profile") else None

    def measure(name: str, fn: Callable[[], Any]) -> None:
        profiler = cProfile.Profile() if profile_dir else None
        if profiler:
            profiler.enable()
        ms = timed(app, fn)
        if profiler:
            profiler.disable()
            profiler.dump_stats(str(profile_dir / f"{name}-{len(times.get(name, []))}.pstats"))
        times.setdefault(name, []).append(round(ms, 2))

    t0 = time.perf_counter()
    workspace = open_workspace(args["db"])
    controller = Controller(workspace)
    window = open_main_window(controller)  # reminders, backup and the other tabs follow the first paint
    construct_ms = (time.perf_counter() - t0) * 1000
    idle(app, args.get("idle_s", 2.0))  # the user looks at the window before the first click
    QThreadPool.globalInstance().waitForDone()  # the start-up backup (and any warm-up) done
    flush(app)
    db = controller.db
    data: dict[str, Any] = {}

    # 月调度: switching months (the tab first)
    measure("tab:月调度", lambda: window.tabs.setCurrentWidget(window.month_view))
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
    # 督办事项: the ledger filters (each keystroke in the search box re-reads)
    view = window.supervision_view
    latency: dict[str, list[float]] = {}

    def wait_ledger(name: str) -> None:
        """The ledger reads in a worker when shown after a change: wait (as a user looks at it)
        until its rows are on screen, and record how long that took. Not a block: the GUI
        answers meanwhile, only more slowly (the worker holds the interpreter lock part of the time)."""
        t0 = time.perf_counter()
        while getattr(view, "loading", False) and time.perf_counter() - t0 < 30:
            app.processEvents()
            time.sleep(0.001)
        flush(app)
        latency.setdefault(name, []).append(round((time.perf_counter() - t0) * 1000, 1))

    measure("tab:督办事项", lambda: window.tabs.setCurrentWidget(view))
    wait_ledger("督办事项:首次显示后行就绪（后台读取）")
    data["ledger"] = _model_texts(view.model)
    division_id = view.division_box.itemData(3)
    division_name = view.division_box.itemText(3)
    ledger_filters: list[tuple[str, dict[str, Any], str]] = [
        ("status", {"status": "办理中"}, "办理中"), ("division", {"division_id": division_id}, division_name),
        ("overdue", {"overdue_only": True}, "逾期"), ("text", {"text": "整改"}, "整改"),
        ("text", {"text": "项目 资金"}, "项目"), ("reset", {}, "")]
    for _kind, kwargs, _bare in ledger_filters:
        measure("督办台账:筛选", lambda k=kwargs: view.set_filter(**k))
    for text in ["整", "整改", "整改报", "整改", "整", ""]:
        measure("督办台账:搜索框逐字输入", lambda t=text: view.search.setText(t))
    data["ledger_filters"] = [b for _k, _kw, b in ledger_filters]
    # the other tabs, the year, one edit and its undo, the audit trail
    for index in range(window.tabs.count()):
        measure(f"tab:{window.tabs.tabText(index)}", lambda i=index: window.tabs.setCurrentIndex(i))
    year = window.year
    measure("切换年度", lambda: window.set_year(year - 5))
    measure("切换年度", lambda: window.set_year(year))
    open_month = next((m["month"] for m in reversed(dispatch.list_months(db)) if not m["closed_at"]), None)
    if open_month:
        window.tabs.setCurrentWidget(window.month_view)
        window.month_view.show_month(open_month)
        flush(app)
        row_id = dispatch.load_month(db, open_month).rows[0].id
        for n in range(3):
            measure("编辑一行月调度（含各视图刷新）", lambda n=n: controller.run(
                "基准测试编辑", lambda w: dispatch.update_row(w, row_id, progress=f"基准测试 {n}")))
        measure("撤销", controller.undo_stack.undo)
        # each tab shown again after that change (hidden tabs re-read when next shown)
        for index in range(window.tabs.count()):
            measure(f"改动后首次显示:{window.tabs.tabText(index)}", lambda i=index: window.tabs.setCurrentIndex(i))
            if window.tabs.currentWidget() is window.tabs.page_of(view):
                wait_ledger("督办事项:改动后行就绪（后台读取）")
    dialogs: list[Any] = []
    measure("修改记录:打开", lambda: (dialogs.append(AuditDialog(controller, window)), dialogs[-1].show()))
    audit_dialog = dialogs[-1]
    measure("修改记录:筛选", lambda: audit_dialog.set_filters(text="progress"))
    measure("修改记录:筛选", lambda: audit_dialog.set_filters(entity="supervision_item"))
    measure("修改记录:滚到底（分页）", lambda: audit_dialog.table.scrollToBottom())
    audit_dialog.reject()
    flush(app)
    if args.get("data_out"):
        Path(args["data_out"]).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    workspace.close()
    emit({"construct_ms": round(construct_ms, 1), "times": times, "latency": latency, "gc_pauses": gc_pauses,
          "today": date.today().isoformat()})


def gui_baselines(args: dict[str, Any]) -> None:
    """The same rows in bare Qt: a QStandardItemModel in a QTableView / QTreeView, filtered
    by a QSortFilterProxyModel. What Qt itself costs for the data the app shows."""
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
    times: dict[str, list[float]] = {}

    def measure(name: str, fn: Callable[[], Any]) -> None:
        times.setdefault(name, []).append(round(timed(app, fn), 2))

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


PROBES = {f.__name__: f for f in (startup_bare, startup_app, gui_actions, gui_baselines)}


def _shield_none() -> None:
    """PySide6 6.12.0 on CPython 3.11 drops one reference to None on every call of a void Qt
    method (QLabel.setText, QComboBox.addItem, processEvents …); None is not immortal before
    3.12, so a long run aborts with "Fatal Python error: none_dealloc". Give None a large
    reference count so a probe survives its thousands of calls (no cost in time or memory)."""
    import ctypes

    if sys.version_info < (3, 12):
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40


def main() -> None:
    _shield_none()
    name = sys.argv[1]
    args = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    if name not in PROBES:
        from benchmarks import probe_files

        PROBES.update(probe_files.PROBES)
    PROBES[name](args)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 objects dying in any order can crash it


if __name__ == "__main__":
    main()
