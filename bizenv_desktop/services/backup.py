"""Making backups: whole backup files, the rotating backups beside the database, the daily one.

A backup is a consistent snapshot made with SQLite's backup API from the live connection (the
app may be running), checked, and packed with a manifest of hashes into one zip
(services/backup_archive.py). `make_backup(db, target=FILE)` packs every evidence file too.
Without a target the backup goes into `<stem>-backups/` beside the database, shares that
folder's one copy of each evidence file, and the folder is rotated.

Rotation and the daily backup never trust the wall clock, which may be wrong or set back:
backups are ordered by a sequence number in their names (older bare-database backups, which
have none, come first, by file time); the backup just made and the newest are never deleted;
"a day since the last backup" is measured on a clock that only moves forward (DailyBackups).

Restoring is services/restore.py. No Qt.
"""
from __future__ import annotations

import os
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..core import messages
from ..core.errors import BizenvError, DatabaseDamaged, InvalidInput
from ..storage import faults, files
from ..storage.database import Database
from ..storage.names import fitted, shorten
from . import backup_archive as archive
from .evidence import evidence_dir, stored_path
from .settings_store import get_setting

AUTO = re.compile(r"^(?P<stem>.*)-(?P<seq>\d{6,})-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+)\.zip$")
LEGACY = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z-]+?)(?:-x+)?\.sqlite3$")
STEM_BYTES = 60  # the database's stem inside backup names: the folder already says whose they are
_lock = threading.Lock()  # one backup at a time in this process (the start-up one runs in a worker)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime  # as the clock said when it was made (shown, never used to order)
    reason: str
    size: int
    sequence: int  # 0 for the older bare-database backups


def backup_dir(db_path: str | Path) -> Path:
    db_path = Path(db_path)
    return db_path.parent / f"{db_path.stem}-backups"


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The rotating backups, oldest first (by sequence number, never by the clock)."""
    folder = backup_dir(db_path)
    found: list[tuple[int, int, str, BackupInfo]] = []
    try:
        names = [p for p in folder.iterdir() if not p.name.startswith(".")] if folder.is_dir() else []
    except OSError:
        names = []
    for file in names:
        match = AUTO.match(file.name) or LEGACY.match(file.name)
        if not match:
            continue
        try:
            made = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            stat = file.stat()
        except (ValueError, OSError):
            continue
        seq = int(match["seq"]) if "seq" in match.groupdict() else 0
        info = BackupInfo(file, made, match["reason"], stat.st_size, seq)
        found.append((seq, stat.st_mtime_ns, file.name, info))
    return [info for *_key, info in sorted(found, key=lambda t: t[:3])]


def _snapshot(db: Database, folder: Path) -> Path:
    """A checked copy of the database in folder (a private temp file); DatabaseDamaged if the
    database is damaged, the caller's OSError/sqlite3.Error otherwise."""
    tmp = files.temp_file(folder, "snapshot", ".sqlite3")
    try:
        dest = sqlite3.connect(tmp)
        try:
            try:
                db.conn.backup(dest)
            except sqlite3.DatabaseError as exc:
                if faults.is_damage(exc):
                    raise DatabaseDamaged(str(db.path), str(exc)) from exc
                raise
            dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            result = dest.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            dest.close()
        if result != "ok":  # the copy is page for page: the database itself is damaged
            raise DatabaseDamaged(str(db.path), str(result))
        return tmp
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _evidence_rows(snapshot: Path) -> list[tuple[str, int, str]]:
    conn = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [(r[0], int(r[1] or 0), r[2] or "") for r in conn.execute(
            "SELECT sha256, size, original_name FROM evidence ORDER BY id")]
    except sqlite3.OperationalError:  # a schema without evidence
        return []
    finally:
        conn.close()


class _Listing:
    """Which content-addressed files a store (`ab/ab12…`) holds, one directory listing per
    shard: a stat per file took a second of Python for 20 000 files at every backup."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.shards: dict[str, set[str]] = {}
        self.added: set[str] = set()

    def has(self, sha: str) -> bool:
        shard = sha[:2]
        if shard not in self.shards:
            try:
                self.shards[shard] = set(os.listdir(self.root / shard))
            except OSError:
                self.shards[shard] = set()
        return sha in self.shards[shard]

    def note_added(self, sha: str) -> None:
        self.shards.setdefault(sha[:2], set()).add(sha)
        self.added.add(sha[:2])


def _name(db_path: Path, seq: int, reason: str, now: datetime) -> str:
    return fitted(shorten(db_path.stem, STEM_BYTES), f"-{seq:06d}-{now:%Y%m%d-%H%M%S}-{reason}.zip")


def next_sequence(db_path: str | Path) -> int:
    return max((b.sequence for b in list_backups(db_path)), default=0) + 1


def make_backup(db: Database, reason: str = "manual", target: str | Path | None = None,
                now: datetime | None = None) -> Path:
    """Back up now; returns the backup's path. With target: one whole file there (evidence
    inside). Without: into the rotating folder (evidence shared), which is then rotated.
    now: the time written into the name and manifest (tests set a clock that lies)."""
    if not re.fullmatch(r"[a-z-]+", reason):
        raise InvalidInput("backup.bad_reason", reason=reason)
    now = now or datetime.now()
    folder = backup_dir(db.path)
    with _lock:
        try:
            return _make(db, reason, Path(target) if target is not None else None, folder, now)
        except (OSError, sqlite3.Error) as exc:  # a full disk shows up as either
            where = str(target) if target is not None else str(folder)
            detail = getattr(exc, "strerror", None) or exc
            raise BizenvError("backup.cannot_write", target=where, detail=str(detail)) from exc


def _make(db: Database, reason: str, target: Path | None, folder: Path, now: datetime) -> Path:
    rotating = target is None
    work = folder if rotating else (target.parent if target is not None else folder)
    if rotating:
        files.private_dir(folder)
    elif target is not None and target.is_dir():
        raise InvalidInput("backup.target_is_folder", target=str(target))
    files.sweep(work)  # what a killed backup left there
    snapshot = _snapshot(db, work)
    try:
        manifest = archive.Manifest(made=now.isoformat(timespec="seconds"), reason=reason, source=db.path.name,
                                    schema=_version(snapshot), database_sha256="", database_size=0)
        inside: list[tuple[str, int, Path]] = []
        store, shared = _Listing(evidence_dir(db.path)), _Listing(folder / archive.SHARED)
        for sha, size, name in _evidence_rows(snapshot):
            if not store.has(sha):
                manifest.missing.append({"sha256": sha, "name": name, "why": "absent"})
            elif not rotating:
                inside.append((sha, size, stored_path(db.path, sha)))
            elif shared.has(sha):
                manifest.evidence.append(archive.Evidence(sha, size, False))
            elif archive.add_shared(folder, sha, stored_path(db.path, sha)):
                shared.note_added(sha)
                manifest.evidence.append(archive.Evidence(sha, size, False))
            else:
                manifest.missing.append({"sha256": sha, "name": name, "why": "changed"})
        for shard in shared.added:
            files.fsync_dir(folder / archive.SHARED / shard)
        if rotating:
            seq = next_sequence(db.path)
            target = folder / _name(db.path, seq, reason, now)
            while target.exists():  # another backup took the number (not in this process)
                seq += 1
                target = folder / _name(db.path, seq, reason, now)
            manifest.sequence = seq
        assert target is not None
        archive.write(target, snapshot, manifest, inside)
    finally:
        snapshot.unlink(missing_ok=True)
    if rotating:
        rotate(db, keep_also=target)
    return target


def _version(snapshot: Path) -> int:
    conn = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def rotate(db: Database, keep_also: Path | None = None) -> int:
    """Keep the newest `backup.keep` rotating backups; returns how many were removed. The
    newest and keep_also (the one just made) are never removed, whatever the clock said."""
    keep = max(1, int(get_setting(db, "backup.keep")))
    backups = list_backups(db.path)
    if len(backups) <= keep:
        return 0
    protected = {backups[-1].path, keep_also}
    removed = 0
    for info in backups[:-keep]:
        if info.path in protected:
            continue
        info.path.unlink(missing_ok=True)
        removed += 1
    return removed


def _forward_clock() -> float:
    """Seconds on a clock that never goes back and counts a suspended computer's sleep too."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        try:
            return time.clock_gettime(boottime)
        except OSError:
            pass
    return time.monotonic()


class DailyBackups:
    """'A day since the last backup', measured on a forward-only clock (not the wall clock,
    which the user or a bad CMOS battery may set back): the app makes a backup at start and
    then whenever a day has passed while it runs."""

    def __init__(self, clock: Callable[[], float] = _forward_clock, hours: float = 24) -> None:
        self.clock = clock
        self.seconds = hours * 3600
        self.last: float | None = None

    def made(self) -> None:
        self.last = self.clock()

    def due(self) -> bool:
        return self.last is None or self.clock() - self.last >= self.seconds


def backup_if_due(db: Database, schedule: DailyBackups) -> Path | None:
    """The daily backup, when the setting is on and a day has passed since the last one."""
    if not get_setting(db, "backup.daily") or not schedule.due():
        return None
    made = make_backup(db, "daily")
    schedule.made()
    return made


messages.register({
    "backup.bad_reason": ("无效的备份原因：{reason}", "Invalid backup reason: {reason}"),
    "backup.cannot_write": ("无法写入备份“{target}”：{detail}。请检查磁盘空间和文件夹权限；数据库本身没有受到影响。",
                            "The backup “{target}” could not be written: {detail}. Check the disk space and the "
                            "folder's permissions; the database itself was not affected."),
    "backup.target_is_folder": ("“{target}”是文件夹：请给出备份文件的名称（例如 {target}/备份.zip）。",
                                "“{target}” is a folder: give the backup a file name (e.g. {target}/backup.zip)."),
})
