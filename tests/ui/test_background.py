"""BackgroundRead on a real database file: the newest request wins, failures come back."""
from __future__ import annotations

import threading
from typing import Any

from bizenv_desktop.ui.background import BackgroundRead


def test_reads_in_a_worker_and_only_the_newest_result_is_delivered(qtbot: Any, workspace: Any) -> None:
    loader = BackgroundRead()
    results: list[Any] = []
    loader.done.connect(results.append)
    release = threading.Event()
    gui_thread = threading.get_ident()
    threads: list[int] = []

    def slow(db: Any) -> Any:
        threads.append(threading.get_ident())
        release.wait(5)
        return ("first", db.scalar("SELECT count(*) FROM division"))

    loader.start(workspace.path, slow)
    loader.start(workspace.path, lambda db: ("second", db.scalar("SELECT count(*) FROM division")))
    loader.start(workspace.path, lambda db: ("third", db.scalar("SELECT count(*) FROM division")))
    assert loader.busy
    release.set()
    qtbot.waitUntil(lambda: not loader.busy)
    divisions = workspace.db.scalar("SELECT count(*) FROM division")
    assert results == [("third", divisions)]  # the first was already old, the second never ran
    assert threads and threads[0] != gui_thread


def test_a_failed_read_is_reported_on_the_gui_thread(qtbot: Any, workspace: Any) -> None:
    loader = BackgroundRead()
    errors: list[str] = []
    loader.failed.connect(errors.append)
    loader.start(workspace.path, lambda db: db.scalar("SELECT id FROM no_such_table"))
    qtbot.waitUntil(lambda: bool(errors))
    assert "no_such_table" in errors[0] and not loader.busy


def test_a_read_sees_one_state_of_the_file(qtbot: Any, workspace: Any) -> None:
    """The queries of one read run in one read transaction: a write committed meanwhile is not half seen."""
    loader = BackgroundRead()
    results: list[Any] = []
    loader.done.connect(results.append)
    between = threading.Event()
    written = threading.Event()

    def read(db: Any) -> Any:
        before = db.scalar("SELECT count(*) FROM division")
        between.set()
        written.wait(5)
        return before, db.scalar("SELECT count(*) FROM division")

    loader.start(workspace.path, read)
    assert between.wait(5)
    workspace.apply("新处室", lambda w: w.insert("division", {"name": "新设处", "kind": "division", "position": 99}))
    written.set()
    qtbot.waitUntil(lambda: bool(results))
    before, after = results[0]
    assert before == after


def test_a_loader_deleted_while_its_worker_reads_drops_the_result(qtbot: Any, workspace: Any) -> None:
    from PySide6.QtCore import QThreadPool

    gate = threading.Event()
    loader = BackgroundRead()
    loader.start(workspace.path, lambda db: (gate.wait(5), db.scalar("SELECT count(*) FROM division")))
    del loader  # as when the window closes during a read
    gate.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(20)  # nothing arrives, nothing fails
