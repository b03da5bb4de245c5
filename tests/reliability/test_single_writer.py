"""Never two writers: while one process holds a database, a second copy of the app is refused
with a clear message (reading commands still work, read-only), and a killed holder frees it."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from bizenv_desktop.core.errors import DatabaseBusy
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.storage.lock import WriterLock

from .conftest import Template, counts
from .worker import bizenv, start_worker

pytestmark = pytest.mark.reliability

BUSY = "另一个窗口或另一个命令"

BUG_INIT = ("BUG: `bizenv init` opens the file with open_database, not Workspace.open, so it takes no "
            "writer lock: it writes a new plan year while another window holds the database (exit 0)")
BUG_READERS = ("BUG: the reading commands `indicators`, `due` and `dispatch` (without --start) call "
               "open_workspace(args.db) without read_only_ok=True, so they are refused while another "
               "window holds the database instead of reading it read-only")


@pytest.fixture
def db(template: Template, tmp_path: Path) -> Path:
    return template.copy_to(tmp_path)


class Holder:
    """A second process holding the database through Workspace.open, waiting on its stdin."""

    def __init__(self, db: Path, *flags: str) -> None:
        self.proc = start_worker("hold", db, *flags, stdin=True)
        self.first = self.proc.stdout.readline().strip()

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=60)
        self.close_pipes()

    def close_pipes(self) -> None:
        for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if pipe and not pipe.closed:
                pipe.close()


@pytest.fixture
def holder(db: Path):
    h = Holder(db)
    assert h.first == "ready writer", h.proc.stderr.read()
    yield h
    h.kill()


def _refused(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 2, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert proc.stderr.startswith("错误：") and BUSY in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("args", [
    pytest.param(("init", "--year", "2027"), id="init-new-year"),
    pytest.param(("init", "--year", "2026"), id="init"),
    pytest.param(("backup",), id="backup"),
    pytest.param(("dispatch", "--month", "2027-01", "--start"), id="dispatch-start"),
    pytest.param(("restore", "SELF"), id="restore"),
])
def test_second_writer_is_refused_with_a_clear_message(holder: Holder, db: Path, args: tuple[str, ...]) -> None:
    before = counts(db)
    args = tuple(str(db) if a == "SELF" else a for a in args)
    _refused(bizenv(db, *args))
    assert counts(db) == before, "the refused command changed the file"


def test_check_still_works_read_only(holder: Holder, db: Path) -> None:
    proc = bizenv(db, "check")
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stdout + proc.stderr


@pytest.mark.parametrize("args", [("indicators", "--json"), ("due", "--today", "2026-06-01", "--json"),
                                  ("dispatch", "--month", "2026-06", "--json")], ids=["indicators", "due", "dispatch"])
def test_reading_commands_still_work_read_only(holder: Holder, db: Path, args: tuple[str, ...]) -> None:
    proc = bizenv(db, *args)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.lstrip().startswith("{")


def test_the_window_opens_read_only_and_says_so(holder: Holder, db: Path) -> None:
    """What the GUI does for a second window: Workspace.open(read_only_ok=True)."""
    with pytest.raises(DatabaseBusy, match=BUSY):
        Workspace.open(db)
    ws = Workspace.open(db, read_only_ok=True)
    try:
        assert ws.read_only and ws.lock is None
        assert ws.db.scalar("SELECT count(*) FROM indicator") > 0
        with pytest.raises(DatabaseBusy, match="只读"):
            ws.apply("不应写入", lambda w: w.insert("setting", {"key": "x", "value": "1"}))
    finally:
        ws.close()
    second = Holder(db)
    try:
        assert second.first.startswith("busy") and BUSY in second.first
        assert second.proc.wait(timeout=60) == 3
    finally:
        second.kill()


def test_killed_holder_frees_the_database(db: Path) -> None:
    h = Holder(db, "--in-transaction")  # killed with a write transaction open
    assert h.first == "ready writer"
    _refused(bizenv(db, "backup"))
    h.kill()
    lock = WriterLock(db)
    lock.acquire()  # the OS released the dead process's lock
    lock.release()
    proc = bizenv(db, "backup")
    assert proc.returncode == 0, proc.stderr
    check = bizenv(db, "check")
    assert check.returncode == 0 and check.stdout.strip() == "ok"
    ws = Workspace.open(db)
    try:
        assert ws.db.scalar("SELECT count(*) FROM setting WHERE key = 'reliability.uncommitted'") == 0
        ws.apply("写入", lambda w: w.insert("setting", {"key": "reliability.after", "value": "1"}))
    finally:
        ws.close()


def test_closed_holder_frees_the_database(db: Path) -> None:
    h = Holder(db)
    assert h.first == "ready writer"
    h.proc.stdin.close()
    assert h.proc.stdout.readline().strip() == "closed"
    assert h.proc.wait(timeout=60) == 0
    h.close_pipes()
    assert bizenv(db, "backup").returncode == 0


def test_racing_copies_get_exactly_one_writer(db: Path) -> None:
    at = time.time() + 1.5  # all four try at the same moment
    holders = [Holder(db, "--at", f"{at:.6f}") for _ in range(4)]
    try:
        kinds = sorted("busy" if h.first.startswith("busy") else h.first for h in holders)
        assert kinds == ["busy", "busy", "busy", "ready writer"], [h.first for h in holders]
    finally:
        for h in holders:
            h.kill()


def test_same_file_through_a_symlink_is_still_one_writer(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "link.sqlite3"
    link.symlink_to(db)
    ws = Workspace.open(db)
    try:
        with pytest.raises(DatabaseBusy):
            Workspace.open(link).close()
    finally:
        ws.close()
