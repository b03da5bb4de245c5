"""One measurement in a fresh process: `python -m benchmarks.probe NAME ARGS_JSON`.

The runner (benchmarks/__main__.py) starts each probe as its own process, so start-up and
peak memory are those of a fresh interpreter, and an app probe and its bare baseline run
under the same conditions. A probe prints `SHOWN` when its window is first painted (the
runner times that from the moment it started the process) and ends with one line
`RESULT {json}`. Nothing is imported at module level beyond the standard library: the
bare baselines must not pay for importing the app. The probes themselves live in
probe_gui.py (the window: start-up baseline, every action by heartbeat) and probe_files.py
(reports, imports, forms); this module holds what they share and the start-up probe.
"""
from __future__ import annotations

import cProfile
import json
import os
import resource
import sys
import time
from collections.abc import Callable
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


# -- start-up -----------------------------------------------------------------------------

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


PROBES = {f.__name__: f for f in (startup_app,)}


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
        from benchmarks import probe_files, probe_gui

        PROBES.update(probe_files.PROBES)
        PROBES.update(probe_gui.PROBES)
    PROBES[name](args)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 objects dying in any order can crash it


if __name__ == "__main__":
    main()
