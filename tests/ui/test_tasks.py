"""The runner (ui/tasks.py) on a real database file: work runs on a worker with its own
connection, a cancel stops it at its next unit and leaves the file as it was, the outcome
comes back on the GUI thread, the dialog shows only for long work, one user task at a time;
Latest / quiet_read: the newest request wins, failures come back."""
from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.ui import tasks as tasks_module
from bizenv_desktop.ui.controller import BUSY_CHANGES, Controller
from bizenv_desktop.ui.tasks import Latest, quiet_read


def snapshot(workspace: Any) -> list[tuple[Any, ...]]:
    """Every row of every table (the audit trail too): what 'unchanged' means."""
    db = workspace.db
    out: list[tuple[Any, ...]] = []
    for (table,) in db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        out += [(table, *r) for r in db.query(f"SELECT * FROM {table} ORDER BY rowid")]
    return out


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen.append(a[2]))
    return seen


def test_a_write_runs_on_a_worker_and_becomes_one_undo_step(qtbot: Any, controller: Controller,
                                                            workspace: Any) -> None:
    gui = threading.get_ident()
    threads: list[int] = []
    steps: list[tuple[int, int]] = []
    results: list[Any] = []

    def work(w: Any, progress: Any) -> int:
        threads.append(threading.get_ident())
        for n in range(5):
            progress(n, 5, f"处室 {n}")
            w.insert("division", {"name": f"新处{n}", "kind": "division", "position": 900 + n})
        return 5
    task = controller.tasks.write("五个新处室", work, done=results.append)
    assert task is not None and controller.tasks.busy and controller.tasks.writing
    task.progressed.connect(lambda d, t, _w: steps.append((d, t)))
    assert task.wait()
    assert results == [5] and task.state == "done" and threads and threads[0] != gui
    assert not controller.tasks.busy and not controller.tasks.writing
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name LIKE '新处%'") == 5
    assert controller.undo_stack.count() == 1 and controller.undo_stack.text(0) == "五个新处室"
    controller.undo()
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name LIKE '新处%'") == 0


def test_cancel_stops_a_write_at_its_next_unit_and_nothing_is_written(qtbot: Any, controller: Controller,
                                                                      workspace: Any) -> None:
    before = snapshot(workspace)
    reached: list[int] = []
    holder: list[Any] = []

    def work(w: Any, progress: Any) -> None:
        for n in range(1000):
            progress(n, 1000, "")
            reached.append(n)
            w.insert("division", {"name": f"待取消{n}", "kind": "division", "position": 900 + n})
            if n == 3:
                holder[0].cancel()  # as the Cancel button does, here at a known unit
    cancelled: list[bool] = []
    task = controller.tasks.write("许多处室", work, cancelled=lambda: cancelled.append(True))
    assert task is not None
    holder.append(task)
    assert task.wait()
    assert task.state == "cancelled" and cancelled == [True]
    assert reached == [0, 1, 2, 3]  # stopped at the next unit, not at the end
    assert snapshot(workspace) == before and controller.undo_stack.count() == 0
    assert controller.run("之后照常", lambda w: w.insert("division", {"name": "之后", "kind": "division",
                                                                      "position": 1}))


def test_a_failure_says_why_and_changes_nothing(qtbot: Any, controller: Controller, workspace: Any,
                                                warnings: list[str]) -> None:
    before = snapshot(workspace)

    def work(w: Any, progress: Any) -> None:
        progress(0, 2, "")
        w.insert("division", {"name": "半途", "kind": "division", "position": 1})
        raise InvalidInput("第 2 行的日期“2026-13-01”不是有效日期，请改正后重新导入。")
    task = controller.tasks.write("导入", work)
    assert task is not None and task.wait()
    assert task.state == "failed" and warnings and "2026-13-01" in warnings[0]
    assert snapshot(workspace) == before and controller.undo_stack.count() == 0


def test_the_dialog_shows_only_for_long_work_and_its_cancel_stops_it(qtbot: Any, controller: Controller,
                                                                     workspace: Any) -> None:
    quick = controller.tasks.read("快", lambda db, p: db.scalar("SELECT count(*) FROM division"))
    assert quick is not None and quick.wait() and quick.dialog is None and quick.state == "done"
    gate = threading.Event()

    def slow(db: Any, progress: Any) -> int:
        for n in range(200):
            progress(n, 200, f"第 {n} 项")
            gate.wait(0.02)
        return 200
    task = controller.tasks.read("导出督办事项台账", slow)
    assert task is not None
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=3000)
    assert "导出督办事项台账" in task.dialog.labelText()
    button = task.dialog.findChild(QPushButton)
    assert button is not None and button.text() == "取消"
    button.click()
    assert task.wait() and task.state == "cancelled" and task.dialog is None


def test_one_user_task_at_a_time_and_no_other_write_meanwhile(qtbot: Any, controller: Controller,
                                                               workspace: Any, warnings: list[str]) -> None:
    gate = threading.Event()

    def held(w: Any, progress: Any) -> None:
        progress(0, 1, "")
        gate.wait(5)
    task = controller.tasks.write("长时间的导入", held)
    assert task is not None
    assert controller.tasks.read("另一个", lambda db, p: 1) is None
    assert not controller.run("编辑", lambda w: w.insert("division", {"name": "x", "kind": "division",
                                                                     "position": 1}))
    assert len(warnings) == 2 and all("长时间的导入" in m for m in warnings)
    gate.set()
    assert task.wait() and task.state == "done"


def test_undo_of_a_large_step_runs_as_a_task_and_its_cancel_keeps_the_step(qtbot: Any, controller: Controller,
                                                                            workspace: Any) -> None:
    rows = BUSY_CHANGES + 500
    assert controller.run("许多处室", lambda w: w.insert_many(
        "division", [{"name": f"大批{n:05d}", "kind": "division", "position": 900 + n} for n in range(rows)]))
    before = snapshot(workspace)
    started: list[Any] = []
    controller.tasks.started.connect(started.append)
    controller.undo()
    assert started, "a large undo runs as a task"
    started[0].cancel()
    assert started[0].wait() and started[0].state == "cancelled"
    assert snapshot(workspace) == before and controller.undo_stack.index() == 1  # still done
    controller.undo()
    assert started[1].wait() and started[1].state == "done"
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name LIKE '大批%'") == 0
    assert controller.undo_stack.index() == 0 and controller.undo_stack.canRedo()
    controller.redo()
    assert started[2].wait() and started[2].state == "done"
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name LIKE '大批%'") == rows


# -- Latest and quiet_read: the views' background reads ------------------------------------

def test_latest_delivers_only_the_newest_read(qtbot: Any, workspace: Any) -> None:
    latest = Latest()
    results: list[Any] = []
    release = threading.Event()
    gui_thread = threading.get_ident()
    threads: list[int] = []

    def slow(db: Any) -> Any:
        threads.append(threading.get_ident())
        release.wait(5)
        return ("first", db.scalar("SELECT count(*) FROM division"))

    path = workspace.path
    latest.request(lambda: quiet_read(path, slow), done=results.append)
    latest.request(lambda: quiet_read(path, lambda db: ("second", 0)), done=results.append)
    latest.request(lambda: quiet_read(path, lambda db: ("third", db.scalar("SELECT count(*) FROM division"))),
                   done=results.append)
    assert latest.busy and latest.requests == 3
    release.set()
    qtbot.waitUntil(lambda: not latest.busy)
    divisions = workspace.db.scalar("SELECT count(*) FROM division")
    assert results == [("third", divisions)]  # the first was already old, the second never ran
    assert threads and threads[0] != gui_thread


def test_a_failed_quiet_read_is_reported_on_the_gui_thread(qtbot: Any, workspace: Any) -> None:
    latest = Latest()
    errors: list[BaseException] = []
    latest.request(lambda: quiet_read(workspace.path, lambda db: db.scalar("SELECT id FROM no_such_table")),
                   failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert "no_such_table" in str(errors[0]) and not latest.busy


def test_a_quiet_read_sees_one_state_of_the_file(qtbot: Any, workspace: Any) -> None:
    """The queries of one read run in one read transaction: a write committed meanwhile is not half seen."""
    results: list[Any] = []
    between = threading.Event()
    written = threading.Event()

    def read(db: Any) -> Any:
        before = db.scalar("SELECT count(*) FROM division")
        between.set()
        written.wait(5)
        return before, db.scalar("SELECT count(*) FROM division")

    task = quiet_read(workspace.path, read)
    task.finished.connect(results.append)
    assert between.wait(5)
    workspace.apply("新处室", lambda w: w.insert("division", {"name": "新设处", "kind": "division", "position": 99}))
    written.set()
    qtbot.waitUntil(lambda: bool(results))
    before, after = results[0]
    assert before == after


def test_a_reader_deleted_while_its_worker_reads_drops_the_result(qtbot: Any, workspace: Any) -> None:
    from PySide6.QtCore import QObject, QThreadPool

    gate = threading.Event()
    owner = QObject()
    quiet_read(workspace.path, lambda db: (gate.wait(5), db.scalar("SELECT count(*) FROM division")), owner)
    del owner  # as when the window closes during a read
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)  # nothing arrives, nothing fails


def test_errors_are_explained() -> None:
    import sqlite3

    assert "磁盘空间" in str(tasks_module.explain(OSError(28, "No space left on device")))
    assert "冲突" in str(tasks_module.explain(sqlite3.IntegrityError("UNIQUE constraint failed")))
    assert "ZeroDivisionError" in str(tasks_module.explain(ZeroDivisionError("x")))


def test_a_read_that_ends_after_its_dialog_was_deleted_is_dropped(qtbot: Any, workspace: Any) -> None:
    """A dialog closed (and deleted) while its Latest read ran: the outcome arrived on the
    dialog's deleted widgets (收回调度表 closed at once raised 'already deleted')."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog, QLabel

    dialog = QDialog()
    label = QLabel(dialog)
    latest = Latest(dialog)
    release = threading.Event()
    ran: list[bool] = []

    def slow(db: Any) -> int:
        release.wait(5)
        ran.append(True)
        return int(db.scalar("SELECT count(*) FROM division"))
    latest.request(lambda: quiet_read(workspace.path, slow), done=lambda n: label.setText(str(n)))
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    qtbot.waitUntil(lambda: bool(ran))
    qtbot.wait(100)  # the outcome's turn on the GUI thread: nothing raised (pytest-qt fails on it)
