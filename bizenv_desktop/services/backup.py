"""Rotating backups of the database and its evidence store, and restoring one.

A backup is a consistent copy made with SQLite's backup API from the live connection
(the app may be running). Evidence files are immutable and named by hash, so the backup
folder keeps one copy of each, shared by all backups. Automatic backups (on start,
daily, before an upgrade or an import) are rotated; a backup written to a chosen file
is never touched.
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ..core.errors import BizenvError, InvalidInput
from ..storage.database import Database, check_file
from .evidence import evidence_dir
from .settings_store import get_setting

NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    reason: str
    size: int


def backup_dir(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent / f"{db_path.stem}-backups"


def _copy_database(source: sqlite3.Connection, target: Path) -> None:
    """SQLite backup API into a temp file, checked, then renamed into place."""
    partial = target.with_name(f".{target.name}.part")
    partial.unlink(missing_ok=True)
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        if dest.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BizenvError("备份副本未通过完整性检查，已放弃该副本。")
    finally:
        dest.close()
    with open(partial, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(partial, target)


def _copy_evidence(db_path: Path, folder: Path) -> int:
    """Copy evidence files the backup folder does not have yet; returns how many."""
    source = evidence_dir(db_path)
    if not source.is_dir():
        return 0
    copied = 0
    # one listing per folder, compared by name: a stat per file (rglob, exists) took a second
    # of Python, holding the GIL, for 20 000 files at every start-up backup
    for root, _dirs, files in os.walk(source):
        target_dir = folder / "evidence" / os.path.relpath(root, source)
        have = set(os.listdir(target_dir)) if target_dir.is_dir() else set()
        for name in files:
            if name.startswith(".") or name in have:
                continue
            target_dir.mkdir(parents=True, exist_ok=True)
            part = target_dir / f".{name}.part"
            shutil.copy2(os.path.join(root, name), part)
            os.replace(part, target_dir / name)
            copied += 1
    return copied


def make_backup(db: Database, reason: str = "manual", target: str | Path | None = None) -> Path:
    """Back up now. Without target: into the rotating backup folder (then rotated)."""
    if not re.fullmatch(r"[a-z-]+", reason):
        raise InvalidInput(f"无效的备份原因：{reason}")
    folder = backup_dir(db.path)
    if target is None:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{db.path.stem}-{datetime.now():%Y%m%d-%H%M%S}-{reason}.sqlite3"
        n = 1
        while target.exists():  # two backups in one second
            n += 1
            target = folder / f"{db.path.stem}-{datetime.now():%Y%m%d-%H%M%S}-{reason}-{'x' * n}.sqlite3"
    target = Path(target)
    try:
        _copy_database(db.conn, target)
        _copy_evidence(db.path, folder)
    except (OSError, sqlite3.Error) as exc:  # a full disk shows up as either
        with contextlib.suppress(OSError):
            target.with_name(f".{target.name}.part").unlink(missing_ok=True)
        why = getattr(exc, "strerror", None) or exc
        raise BizenvError(f"无法写入备份“{target}”：{why}。请检查磁盘空间和文件夹权限；"
                          f"数据库本身没有受到影响。") from exc
    if target.parent == folder:
        rotate(db)
    return target


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    folder = backup_dir(db_path)
    out: list[BackupInfo] = []
    if folder.is_dir():
        for file in folder.glob("*.sqlite3"):
            match = NAME.match(file.name)
            if match:
                made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
                out.append(BackupInfo(file, made, match["reason"].rstrip("-x"), file.stat().st_size))
    return sorted(out, key=lambda b: (b.made, b.path.name))


def rotate(db: Database) -> int:
    """Keep the newest `backup.keep` automatic backups; returns how many were removed."""
    keep = max(1, int(get_setting(db, "backup.keep")))
    backups = list_backups(db.path)
    old = backups[:-keep] if len(backups) > keep else []
    for info in old:
        info.path.unlink(missing_ok=True)
    return len(old)


def backup_if_due(db: Database, hours: int = 24) -> Path | None:
    """The daily backup: made when the newest automatic one is older than `hours`."""
    if not get_setting(db, "backup.daily"):
        return None
    backups = list_backups(db.path)
    if backups and datetime.now() - backups[-1].made < timedelta(hours=hours):
        return None
    return make_backup(db, "daily")


def restore(db: Database, source: str | Path) -> Path:
    """Replace the open database's content with a backup's; returns the safety backup
    of what was there before. The backup is checked first; a bad one changes nothing."""
    source = Path(source)
    if not source.is_file():
        raise InvalidInput(f"找不到备份文件“{source}”。")
    check_file(source)
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if src.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise InvalidInput(f"备份文件“{source}”已损坏（完整性检查未通过），未作恢复。")
        version = src.execute("PRAGMA user_version").fetchone()[0]
        current = db.scalar("PRAGMA user_version")
        if version != current:
            raise InvalidInput(f"备份文件“{source}”的数据库版本为 {version}，当前为 {current}；"
                               f"请先用本程序打开该备份文件（会自动升级），再从它恢复。")
        safety = make_backup(db, "before-restore")
        src.backup(db.conn)  # page by page in one transaction on the live file
    finally:
        src.close()
    _restore_evidence(db.path, backup_dir(db.path))
    return safety


def _restore_evidence(db_path: Path, folder: Path) -> None:
    """Put back any evidence file the store lacks (files are never removed from the store)."""
    saved = folder / "evidence"
    if not saved.is_dir():
        return
    store = evidence_dir(db_path)
    for file in saved.rglob("*"):
        target = store / file.relative_to(saved)
        if file.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(file, target)
