"""Backups on real files: whole backup files with evidence and a hash manifest, the rotating
folder sharing one copy of each evidence file, rotation and the daily backup with a clock that
lies (an injected clock; tests/reliability runs the real thing under faketime)."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bizenv_desktop.services import backup, evidence
from bizenv_desktop.services.backup_archive import BackupFile
from bizenv_desktop.services.settings_store import set_setting
from bizenv_desktop.services.workspace import Workspace

def test_a_whole_backup_holds_the_database_every_evidence_file_and_a_manifest(
        workspace: Workspace, tmp_path: Path, attach_files) -> None:
    made = attach_files(workspace, tmp_path / "in")
    target = backup.make_backup(workspace.db, "manual", tmp_path / "整份备份.zip")
    with zipfile.ZipFile(target) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        db_bytes = zf.read("database.sqlite3")
        for sha, data in made.items():
            assert zf.read(f"evidence/{sha[:2]}/{sha}") == data
    assert names == {"manifest.json", "database.sqlite3", *(f"evidence/{s[:2]}/{s}" for s in made)}
    assert manifest["format"] == "bizenv-backup/1" and manifest["missing"] == []
    assert manifest["database"]["sha256"] == hashlib.sha256(db_bytes).hexdigest()
    assert {e["sha256"] for e in manifest["evidence"]} == set(made)
    assert all(e["inside"] for e in manifest["evidence"])
    assert manifest["schema"] == workspace.db.scalar("PRAGMA user_version")
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")], "a temporary file was left"


def test_rotating_backups_share_one_copy_of_each_evidence_file(workspace: Workspace, tmp_path: Path,
                                                              attach_files) -> None:
    made = attach_files(workspace, tmp_path / "in")
    first = backup.make_backup(workspace.db, "start")
    shared = backup.backup_dir(workspace.path) / "evidence"
    copies = {p: p.stat().st_mtime_ns for p in shared.rglob("*") if p.is_file()}
    assert {p.name for p in copies} == set(made)
    second = backup.make_backup(workspace.db, "daily")
    assert {p: p.stat().st_mtime_ns for p in shared.rglob("*") if p.is_file()} == copies, "evidence copied again"
    for path in (first, second):
        with zipfile.ZipFile(path) as zf:
            assert zf.namelist() == ["database.sqlite3", "manifest.json"]
            manifest = json.loads(zf.read("manifest.json"))
        assert {e["sha256"] for e in manifest["evidence"] if not e["inside"]} == set(made)
    assert BackupFile.open(first).manifest.sequence == 1 and BackupFile.open(second).manifest.sequence == 2


def test_a_changed_evidence_file_is_not_backed_up_under_its_hash(workspace: Workspace, tmp_path: Path,
                                                                attach_files) -> None:
    made = attach_files(workspace, tmp_path / "in", 2)
    bad = next(iter(made))
    evidence.stored_path(workspace.path, bad).write_bytes(b"tampered")
    for target in (None, tmp_path / "whole.zip"):
        path = backup.make_backup(workspace.db, "manual", target)
        manifest = BackupFile.open(path).manifest
        assert [m["sha256"] for m in manifest.missing] == [bad]
        assert {e.sha256 for e in manifest.evidence} == set(made) - {bad}
    assert not (backup.backup_dir(workspace.path) / "evidence" / bad[:2] / bad).exists()


def _clock_behind_backups(ws: Workspace, keep: int) -> list[Path]:
    ws.apply("k", lambda w: set_setting(w, "backup.keep", keep))
    now = datetime(2026, 11, 20, 9, 0)
    return [backup.make_backup(ws.db, "daily", now=now + timedelta(days=i)) for i in range(keep)]


def test_a_backup_made_with_the_clock_behind_is_kept_and_the_oldest_goes(workspace: Workspace) -> None:
    """The fault: rotation kept the newest by the time in the name, so with backup.keep backups
    there and the clock two days behind, the new backup was deleted as soon as it was made."""
    old = _clock_behind_backups(workspace, 3)
    behind = datetime(2026, 11, 20, 9, 0) + timedelta(days=2) - timedelta(days=4)  # before all of them
    made = backup.make_backup(workspace.db, "manual", now=behind)
    assert made.is_file(), "the backup just made was deleted"
    listed = [b.path for b in backup.list_backups(workspace.path)]
    assert listed == [*old[1:], made], "the oldest by sequence goes, the new one is the newest"


def test_restores_safety_backup_survives_a_clock_behind(workspace: Workspace, tmp_path: Path) -> None:
    from bizenv_desktop.services import restore

    _clock_behind_backups(workspace, 2)
    source = backup.make_backup(workspace.db, "manual", tmp_path / "copy.zip")
    result = restore.restore(workspace.path, source, workspace.db)
    assert result.safety is not None and result.safety.is_file(), "the data the restore replaced is gone"
    assert backup.list_backups(workspace.path)[-1].path == result.safety


def test_rotation_never_removes_the_newest_even_with_keep_one(workspace: Workspace) -> None:
    workspace.apply("k", lambda w: set_setting(w, "backup.keep", 1))
    paths = [backup.make_backup(workspace.db, "daily", now=datetime(2030, 1, 1) - timedelta(days=i)) for i in range(4)]
    assert [b.path for b in backup.list_backups(workspace.path)] == [paths[-1]]


def test_older_bare_database_backups_are_listed_first_and_rotated(workspace: Workspace) -> None:
    folder = backup.backup_dir(workspace.path)
    folder.mkdir()
    legacy = folder / "plan-20291231-235959-daily.sqlite3"  # the old naming, a stamp far ahead
    copy = sqlite3.connect(legacy)
    workspace.db.conn.backup(copy)
    copy.close()
    os.utime(legacy, (1_700_000_000, 1_700_000_000))
    workspace.apply("k", lambda w: set_setting(w, "backup.keep", 2))
    first = backup.make_backup(workspace.db, "daily", now=datetime(2026, 1, 1))
    listed = backup.list_backups(workspace.path)
    assert [b.path for b in listed] == [legacy, first] and listed[0].sequence == 0
    second = backup.make_backup(workspace.db, "daily", now=datetime(2026, 1, 2))
    assert [b.path for b in backup.list_backups(workspace.path)] == [first, second]


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_daily_backup_is_a_day_since_the_last_on_a_forward_clock(workspace: Workspace) -> None:
    """The fault: the daily backup compared the wall clock with the newest backup's name, so a
    clock set back stopped daily backups until it caught up again."""
    ahead = datetime.now() + timedelta(days=30)  # backups made while the clock was a month ahead
    backup.make_backup(workspace.db, "start", now=ahead)
    clock = FakeClock()
    schedule = backup.DailyBackups(clock)
    schedule.made()  # the start-up backup
    clock.now += 23 * 3600
    assert backup.backup_if_due(workspace.db, schedule) is None
    clock.now += 3600
    made = backup.backup_if_due(workspace.db, schedule)
    assert made is not None and made.is_file()
    assert backup.backup_if_due(workspace.db, schedule) is None  # the next one a day later
    workspace.apply("d", lambda w: set_setting(w, "backup.daily", False))
    clock.now += 48 * 3600
    assert backup.backup_if_due(workspace.db, schedule) is None


def test_backups_of_a_long_database_name_get_short_names(tmp_path: Path) -> None:
    """The fault: a database name of ~222 characters made backup names over 255 bytes."""
    from bizenv_desktop.services.startup import open_workspace

    path = tmp_path / ("营商环境建设" * 13 + ".sqlite3")  # 234 + 8 bytes: within the limit
    assert 222 < len(os.fsencode(path.name)) <= 246
    ws = open_workspace(path, first_year=2026)
    try:
        made = [backup.make_backup(ws.db, reason) for reason in ("start", "daily", "before-restore")]
        made.append(backup.make_backup(ws.db, "manual", tmp_path / "x.zip"))
    finally:
        ws.close()
    for p in made:
        assert p.is_file() and len(os.fsencode(p.name)) <= 255


@pytest.mark.parametrize("reason", ["Start", "../x", ""])
def test_a_bad_reason_is_refused(workspace: Workspace, reason: str) -> None:
    from bizenv_desktop.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        backup.make_backup(workspace.db, reason)
