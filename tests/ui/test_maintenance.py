"""The window's side of backups: a second window opens read-only, a damaged database gets the
offer to restore its newest sound backup (at start and later), restore puts evidence back."""
from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from bizenv_desktop import app as app_module
from bizenv_desktop.services import backup, evidence
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.storage.database import Database
from bizenv_desktop.storage.lock import WriterLock
from bizenv_desktop.ui import maintenance
from bizenv_desktop.ui.controller import Controller


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box shown: (kind, text); none of them waits for a click."""
    seen: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, kind=kind, **k: seen.append((kind, a[2])))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return seen


def click_in_damaged_dialog(button: str, seen: list[str]) -> None:
    """When DamagedDialog is up (modal), note its text and click one of its buttons."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, maintenance.DamagedDialog):
            seen.append(dialog.label.text())
            getattr(dialog, button).click()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(20, poll)


def make_plan(path: Path) -> None:
    ws = open_workspace(path, first_year=2026)
    ws.close()


def test_a_second_window_opens_read_only_and_says_so(qtbot: Any, tmp_path: Path, boxes: list) -> None:
    """The fault: a second window was refused (exit 2) although read-only opening is documented."""
    path = tmp_path / "plan.sqlite3"
    make_plan(path)
    holder = WriterLock(path)
    holder.acquire()  # the first window
    try:
        opened = app_module._open_window(QApplication.instance(), path)
        assert isinstance(opened, tuple), f"refused: {opened}, {boxes}"
        workspace, window = opened
        qtbot.addWidget(window)
        try:
            assert workspace.read_only
            assert window.windowTitle().endswith("（只读）")
            assert not window.controller.run("不应写入", lambda w: w.insert("setting", {"key": "x", "value": "1"}))
            assert boxes and "只读" in boxes[-1][1]
            assert workspace.db.scalar("SELECT count(*) FROM setting WHERE key = 'x'") == 0
            assert maintenance.backup_now(window, window.controller) is None  # the other window backs up
            assert not backup.list_backups(path)
        finally:
            window.close()
            workspace.close()
    finally:
        holder.release()


def test_a_damaged_database_at_start_offers_its_newest_sound_backup(qtbot: Any, tmp_path: Path,
                                                                   boxes: list, damage) -> None:
    """The fault: the window died silently on a damaged file."""
    path = tmp_path / "plan.sqlite3"
    ws = open_workspace(path, first_year=2026)
    try:
        good = backup.make_backup(ws.db, "start")
    finally:
        ws.close()
    damage(path, heavy=True)
    seen: list[str] = []
    click_in_damaged_dialog("restore_button", seen)
    assert app_module._open_window(QApplication.instance(), path) is None  # restored: open again
    assert seen and "已损坏" in seen[0] and good.name in seen[0] and "restore" in seen[0]
    assert any("恢复完成" in str(b) or "已从" in b[1] for b in boxes), boxes
    opened = app_module._open_window(QApplication.instance(), path)
    assert isinstance(opened, tuple)
    workspace, window = opened
    qtbot.addWidget(window)
    try:
        assert workspace.db.scalar("SELECT count(*) FROM indicator WHERE level = 2") == 23
    finally:
        window.close()
        workspace.close()
    assert list((backup.backup_dir(path) / "damaged").glob("*-damaged.sqlite3")), "the damaged file was not kept"


def test_closing_the_damaged_dialog_exits_with_2(qtbot: Any, tmp_path: Path, boxes: list, damage) -> None:
    path = tmp_path / "plan.sqlite3"
    make_plan(path)
    damage(path, heavy=True)
    seen: list[str] = []
    click_in_damaged_dialog("close_button", seen)
    assert app_module._open_window(QApplication.instance(), path) == 2
    assert seen and "没有找到完好的备份" in seen[0]


def test_damage_met_in_an_action_offers_the_restore(qtbot: Any, tmp_path: Path, boxes: list, damage) -> None:
    path = tmp_path / "plan.sqlite3"
    ws = open_workspace(path, first_year=2026)
    backup.make_backup(ws.db, "start")
    controller = Controller(ws)
    try:
        ws.db.close()
        damage(path, heavy=True)  # the disk failed under the open window:
        ws.db = Database(path, sqlite3.connect(path, isolation_level=None))  # its connection reads garbage now
        seen: list[str] = []
        click_in_damaged_dialog("restore_button", seen)
        assert not controller.run("写入", lambda w: w.insert("setting", {"key": "x", "value": "1"}))
        assert seen and "已损坏" in seen[0]
        assert ws.db.scalar("SELECT count(*) FROM indicator WHERE level = 2") == 23  # restored, reopened
        assert ws.db.scalar("PRAGMA quick_check") == "ok"
    finally:
        ws.close()


def test_restore_from_the_window_puts_evidence_back(qtbot: Any, workspace: Any, tmp_path: Path,
                                                   boxes: list, attach_files_ui) -> None:
    made = attach_files_ui(workspace, tmp_path / "in")
    whole = backup.make_backup(workspace.db, "manual", tmp_path / "whole.zip")
    for sha in made:
        evidence.stored_path(workspace.path, sha).unlink()
    workspace.apply("x", lambda w: w.insert("setting", {"key": "later", "value": "1"}))
    controller = Controller(workspace)
    task = maintenance.restore_from(None, controller, whole, confirm=False)  # on a worker (ui/tasks.py)
    assert not isinstance(task, bool) and task is not None and task.wait() and task.state == "done"
    assert workspace.db.scalar("SELECT count(*) FROM setting WHERE key = 'later'") == 0
    assert all(evidence.stored_path(workspace.path, sha).read_bytes() == data for sha, data in made.items())
    assert "放回了 3 个佐证材料文件" in boxes[-1][1]
    check = maintenance.check_data(None, controller)
    assert check is not None and check.wait() and check.result == ([], False)


@pytest.fixture
def attach_files_ui():
    from bizenv_desktop.services import dispatch

    def attach(ws: Any, folder: Path, n: int = 3) -> dict[str, bytes]:
        import hashlib

        ws.apply("s", lambda w: dispatch.start_month(w, "2026-11"))
        rows = dispatch.load_month(ws.db, "2026-11").rows
        folder.mkdir(parents=True, exist_ok=True)
        made = {}
        for i in range(n):
            data = f"材料 {i}".encode() * 200
            src = folder / f"材料{i}.pdf"
            src.write_bytes(data)
            ws.apply("a", lambda w, src=src, i=i: evidence.attach(w, ws.path, src, "dispatch_row", rows[i].id))
            made[hashlib.sha256(data).hexdigest()] = data
        return made
    return attach


def test_the_daily_backup_in_the_window_uses_the_forward_clock(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    scheduler = maintenance.BackupScheduler(controller)
    done: list[str] = []
    scheduler.finished.connect(done.append)
    scheduler.start()
    qtbot.waitUntil(lambda: len(done) == 1, timeout=10000)
    assert done[0] and Path(done[0]).is_file()
    scheduler.run("daily")  # less than a day since the start-up backup
    qtbot.waitUntil(lambda: len(done) == 2, timeout=10000)
    assert done[1] == ""
    scheduler.schedule.last -= 24 * 3600  # a day later on the forward clock, whatever the wall clock says
    scheduler.run("daily")
    qtbot.waitUntil(lambda: len(done) == 3, timeout=10000)
    assert done[2] and Path(done[2]).is_file()
    scheduler.timer.stop()
