"""Restoring a backup, checking one, and finding the newest good one for a damaged database.

restore() verifies everything before it touches anything: the backup's manifest (the
database's hash, every evidence file's hash), that the database inside is ours, sound and not
newer than this program (an older one is upgraded, in a temporary copy). Then, in this order:

1. a safety backup of what is there now (or, if that is damaged, a raw copy of the file);
2. every evidence file the backup holds that the store lacks or holds damaged, each written
   to a temporary file, fsynced and renamed into place: never a torn file, whatever happens;
3. the database: in one transaction on the live file (SQLite's backup API), or, when the
   live file is damaged or could not be opened, by renaming the checked copy over it.

A run killed at any point leaves the old database or the restored one, and evidence files
that are whole; running the same restore again repairs whatever is missing.
The caller holds the database's writer lock. No Qt.
"""
from __future__ import annotations

import os
import shlex
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..core import messages
from ..core.errors import BizenvError, DatabaseDamaged, InvalidInput, NewerDatabase, NotOurDatabase, StorageFull
from ..storage import faults, files
from ..storage.database import CURRENT_VERSION, Database, check_file, upgrade_copy
from ..storage.names import fitted, shorten
from . import backup_archive as archive
from .backup import STEM_BYTES, BackupInfo, backup_dir, list_backups, make_backup
from .evidence import CHUNK, file_sha256, stored_path


@dataclass
class RestoreResult:
    source: Path
    safety: Path | None = None        # the backup of what was there before
    damaged_copy: Path | None = None  # the damaged file, kept as it was, when no backup of it could be made
    evidence_written: int = 0         # files put back (absent or damaged in the store)
    evidence_missing: list[str] = field(default_factory=list)  # listed by the database, in no source
    upgraded_from: int | None = None
    replaced_file: bool = False       # the file was renamed over: reopen it


def _checked_copy(backup: archive.BackupFile, tmp: Path) -> int | None:
    """Extract the backup's database into tmp and check it; the version it had if it was
    upgraded. Errors name the backup, never the temporary file."""
    backup.extract_database(tmp)
    source = str(backup.path)
    try:
        version = check_file(tmp)
    except NotOurDatabase as exc:
        raise NotOurDatabase(source, exc.detail) from None
    except NewerDatabase as exc:
        raise NewerDatabase(source, exc.found, exc.supported) from None
    problem = archive.snapshot_problems(tmp)
    if problem:
        raise InvalidInput("backup.damaged", path=source, detail=problem)
    if version < CURRENT_VERSION:
        upgrade_copy(tmp)
        return version
    return None


def restore(db_path: str | Path, source: str | Path, live: Database | None = None) -> RestoreResult:
    """Put the backup at source in place of the database at db_path. live: the open
    connection to it (None when it could not be opened); when the file had to be replaced,
    live is closed and result.replaced_file is set: the caller opens the file again."""
    db_path = Path(db_path)
    with archive.BackupFile.open(source) as backup:
        return _restore(db_path, backup, live)


def _restore(db_path: Path, backup: archive.BackupFile, live: Database | None) -> RestoreResult:
    if backup.is_archive:
        problems = backup.evidence_problems()
        if problems:
            sep = "; " if messages.language() == "en" else "\uff1b"  # the problems are rendered already
            raise InvalidInput("backup.damaged", path=str(backup.path), detail=sep.join(problems[:5]))
    files.sweep(db_path.parent)  # what a killed restore left
    result = RestoreResult(backup.path)
    tmp = files.temp_file(db_path.parent, "restore", ".sqlite3")
    try:
        result.upgraded_from = _checked_copy(backup, tmp)
        result.safety, result.damaged_copy = _safety(db_path, live)
        _put_evidence(db_path, backup, tmp, result)
        result.replaced_file = _replace(db_path, tmp, live)
    except sqlite3.Error as exc:
        raise (faults.translate(exc, db_path) or exc) from exc
    except OSError as exc:  # writing the copy, the evidence or the file; the backup was read already
        detail = exc.strerror or str(exc)
        if faults.is_full(exc):
            raise StorageFull("restore.no_room", folder=str(db_path.parent), detail=detail) from exc
        raise BizenvError("restore.cannot_write", folder=str(db_path.parent), detail=detail) from exc
    finally:
        tmp.unlink(missing_ok=True)
    return result


def _healthy(live: Database | None) -> bool:
    if live is None or live.closed:
        return False
    try:
        return live.scalar("PRAGMA quick_check") == "ok"
    except sqlite3.DatabaseError:
        return False


def _safety(db_path: Path, live: Database | None) -> tuple[Path | None, Path | None]:
    """(safety backup, raw copy of a damaged file): what restoring must never lose."""
    if _healthy(live):
        assert live is not None
        try:
            return make_backup(live, "before-restore"), None
        except DatabaseDamaged:
            pass  # damage the quick check missed: keep the file as it is instead
    if not db_path.is_file():
        return None, None
    folder = files.private_dir(backup_dir(db_path) / "damaged")
    name = fitted(shorten(db_path.stem, STEM_BYTES), f"-{datetime.now():%Y%m%d-%H%M%S}-damaged.sqlite3", 240)
    target = folder / name
    for side in ("", "-wal"):  # the WAL may hold the newest pages
        if Path(f"{db_path}{side}").is_file():
            tmp = files.temp_file(folder, "damaged")
            try:
                shutil.copyfile(f"{db_path}{side}", tmp)
                files.fsync_file(tmp)
                os.replace(tmp, f"{target}{side}")
            finally:
                tmp.unlink(missing_ok=True)
    files.fsync_dir(folder)
    return None, target


def _store_is_good(path: Path, sha: str, size: int | None) -> bool:
    try:
        return path.is_file() and (size is None or path.stat().st_size == size) and file_sha256(path) == sha
    except OSError:
        return False


def _write_verified(target: Path, sha: str, src: object) -> bool:
    """Copy the stream src to target by temp file, fsync and rename, if its content hashes
    to sha; False (nothing written) if it does not."""
    import hashlib

    files.private_dir(target.parent)
    tmp = files.temp_file(target.parent, "restore")
    try:
        digest = hashlib.sha256()
        with open(tmp, "wb") as dst:
            for chunk in iter(lambda: src.read(CHUNK), b""):  # type: ignore[attr-defined]
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        if digest.hexdigest() != sha:
            return False
        os.replace(tmp, target)
        files.fsync_dir(target.parent)
        return True
    finally:
        tmp.unlink(missing_ok=True)


def _rows(snapshot: Path) -> list[tuple[str, int, str]]:
    conn = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [(r[0], int(r[1] or 0), r[2] or "") for r in
                conn.execute("SELECT sha256, size, original_name FROM evidence ORDER BY id")]
    finally:
        conn.close()


def _put_evidence(db_path: Path, backup: archive.BackupFile, snapshot: Path, result: RestoreResult) -> None:
    rows = _rows(snapshot)
    names = {sha: name for sha, _size, name in rows}
    if backup.manifest is not None:
        for item in backup.manifest.evidence:
            target = stored_path(db_path, item.sha256)
            if _store_is_good(target, item.sha256, item.size):
                continue
            with backup.evidence(item) as src:
                if not _write_verified(target, item.sha256, src):  # verified before: changed since
                    raise InvalidInput("backup.damaged", path=str(backup.path),
                                       detail=messages.render("backup.evidence_changed", {"sha": item.sha256[:12]}))
            result.evidence_written += 1
        have = {item.sha256 for item in backup.manifest.evidence}
    else:
        have = set()
    # an older bare-database backup, or evidence the manifest lacks: the shared copies
    shared = [backup.path.parent / archive.SHARED, backup_dir(db_path) / archive.SHARED]
    for sha, size, _name in rows:
        if sha in have:
            continue
        target = stored_path(db_path, sha)
        if _store_is_good(target, sha, size):
            continue
        for folder in shared:
            candidate = folder / sha[:2] / sha
            if candidate.is_file():
                with open(candidate, "rb") as src:
                    if _write_verified(target, sha, src):
                        result.evidence_written += 1
                        break
        else:
            result.evidence_missing.append(names.get(sha) or sha[:12])


def _replace(db_path: Path, tmp: Path, live: Database | None) -> bool:
    """The checked copy's content into the database; True if the file itself was replaced."""
    if _healthy(live):
        assert live is not None
        src = sqlite3.connect(tmp)
        try:
            src.backup(live.conn)  # page by page in one transaction on the live file
            return False
        except sqlite3.DatabaseError as exc:
            if not faults.is_damage(exc):
                raise
        finally:
            src.close()
    if live is not None and not live.closed:
        live.close()
    files.make_private(tmp)
    files.fsync_file(tmp)
    for side in ("-wal", "-shm", "-journal"):  # the damaged file's: never to be replayed onto the copy
        Path(f"{db_path}{side}").unlink(missing_ok=True)
    os.replace(tmp, db_path)
    files.fsync_dir(db_path.parent)
    return True


# -- checking backups ---------------------------------------------------------------------------

def verify(source: str | Path) -> list[str]:
    """What is wrong with a backup (empty when it would restore): readable, the manifest's
    hashes, the database inside ours, sound and not newer than this program."""
    try:
        backup = archive.BackupFile.open(source)
    except BizenvError as exc:
        return [str(exc)]
    with backup, tempfile.TemporaryDirectory(prefix="bizenv-verify-") as folder:
        problems = backup.evidence_problems() if backup.is_archive else []
        try:
            _checked_copy(backup, Path(folder) / "database.sqlite3")
        except BizenvError as exc:
            problems.append(str(exc))
        except (OSError, sqlite3.Error) as exc:
            problems.append(messages.render("backup.damaged", {"path": str(source), "detail": str(exc)}))
    return problems


def newest_good_backup(db_path: str | Path) -> BackupInfo | None:
    """The newest rotating backup that passes verify() (newest first, stopping at the first)."""
    for info in reversed(list_backups(db_path)):
        if not verify(info.path):
            return info
    return None


def restore_command(db_path: str | Path, backup: str | Path) -> str:
    argv = ["bizenv", "--db", str(db_path), "restore", str(backup)]
    return subprocess.list2cmdline(argv) if os.name == "nt" else shlex.join(argv)


def damage_advice(db_path: str | Path) -> str:
    """What to do about a damaged database: the newest good backup and the command, or that
    there is none."""
    good = newest_good_backup(db_path)
    if good is None:
        return messages.render("restore.no_good_backup", {"folder": str(backup_dir(db_path))})
    return messages.render("restore.advice", {"backup": str(good.path), "made": f"{good.made:%Y-%m-%d %H:%M}",
                                              "command": restore_command(db_path, good.path)})


messages.register({
    "restore.advice": ("最近一份完好的备份是“{backup}”（{made}）。恢复它：{command}",
                       "The newest sound backup is “{backup}” ({made}). To restore it: {command}"),
    "restore.no_good_backup": ("在“{folder}”中没有找到完好的备份。请不要再向该文件写入；把它复制一份保存好，"
                               "再用“从备份恢复”选择其他位置的备份文件。",
                               "No sound backup was found in “{folder}”. Do not write to the file any more; keep a "
                               "copy of it, and restore a backup file kept elsewhere."),
})
