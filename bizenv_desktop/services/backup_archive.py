"""The backup file: one zip holding a database snapshot, a manifest of hashes, and the evidence.

    manifest.json          {"format": "bizenv-backup/1", "database": {"sha256", "size"},
                            "evidence": [{"sha256", "size", "inside"}], "missing": [...], ...}
    database.sqlite3       the snapshot (SQLite's backup API, checked, journal mode DELETE)
    evidence/ab/ab12…      each evidence file the snapshot references ("inside": true)

A backup written to a chosen file (`bizenv backup -o FILE`) holds every evidence file. The
rotating backups beside the database hold none: they list them ("inside": false) and share one
content-addressed copy of each in the backup folder's `evidence/`, so no file is copied twice.
The manifest is written last; a zip without it is no backup. Older versions wrote a bare
SQLite file: BackupFile.open() reads both.

No Qt. Not thread-safe.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from .. import __version__
from ..core import messages
from ..core.errors import InvalidInput, StorageFull
from ..storage import faults, files

FORMAT = "bizenv-backup/1"
MANIFEST = "manifest.json"
DB_ENTRY = "database.sqlite3"
SHARED = "evidence"
CHUNK = 1 << 20
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, zlib.error, EOFError,
              KeyError, ValueError, UnicodeDecodeError)


def entry_name(sha256: str) -> str:
    return f"{SHARED}/{sha256[:2]}/{sha256}"


@dataclass(frozen=True)
class Evidence:
    sha256: str
    size: int
    inside: bool  # in the zip; else in the shared folder beside it


@dataclass
class Manifest:
    made: str
    reason: str
    source: str
    schema: int
    database_sha256: str
    database_size: int
    evidence: list[Evidence] = field(default_factory=list)
    missing: list[dict[str, Any]] = field(default_factory=list)  # evidence the store lacked when made
    sequence: int | None = None
    version: str = __version__

    def to_json(self) -> str:
        data = {"format": FORMAT, "app": "bizenv-desktop", "version": self.version, "made": self.made,
                "reason": self.reason, "sequence": self.sequence, "source": self.source, "schema": self.schema,
                "database": {"name": DB_ENTRY, "sha256": self.database_sha256, "size": self.database_size},
                "evidence": [{"sha256": e.sha256, "size": e.size, "inside": e.inside} for e in self.evidence],
                "missing": self.missing}
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not a bizenv backup manifest")
        db = data["database"]
        return cls(made=str(data.get("made", "")), reason=str(data.get("reason", "")),
                   source=str(data.get("source", "")), schema=int(data.get("schema", 0)),
                   database_sha256=str(db["sha256"]), database_size=int(db["size"]),
                   evidence=[Evidence(str(e["sha256"]), int(e["size"]), bool(e["inside"]))
                             for e in data.get("evidence", [])],
                   missing=list(data.get("missing", [])), sequence=data.get("sequence"),
                   version=str(data.get("version", "")))


def _copy(src: IO[bytes], dst: Any) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    for chunk in iter(lambda: src.read(CHUNK), b""):
        digest.update(chunk)
        dst.write(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _zip_time() -> tuple[int, int, int, int, int, int]:
    now = datetime.now()
    return (max(1980, now.year), now.month, now.day, now.hour, now.minute, now.second)


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, _zip_time())
    info.compress_type = compress
    info.external_attr = (0o600 << 16)
    return info


def write(target: Path, snapshot: Path, manifest: Manifest, inside: list[tuple[str, int, Path]]) -> Manifest:
    """Write the zip at target (temp file, fsync, rename: whole or absent). snapshot is the
    checked database copy; inside lists (sha256, size, stored file) to pack. An evidence file
    whose content no longer matches its hash is left out and named in manifest.missing."""
    tmp = files.temp_file(target.parent, "backup", ".part")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1) as zf:
            with open(snapshot, "rb") as src, zf.open(_info(DB_ENTRY, zipfile.ZIP_DEFLATED), "w",
                                                      force_zip64=True) as dst:
                manifest.database_sha256, manifest.database_size = _copy(src, dst)
            for sha, size, path in inside:
                with open(path, "rb") as src, zf.open(_info(entry_name(sha), zipfile.ZIP_STORED), "w",
                                                      force_zip64=size > (1 << 30)) as dst:
                    found, _n = _copy(src, dst)
                if found == sha:
                    manifest.evidence.append(Evidence(sha, size, True))
                else:  # changed in the store since it was added: `bizenv check` names it too
                    manifest.missing.append({"sha256": sha, "why": "changed"})
            zf.writestr(_info(MANIFEST, zipfile.ZIP_DEFLATED), manifest.to_json())
        files.fsync_file(tmp)
        os.replace(tmp, target)
        files.fsync_dir(target.parent)
    finally:
        tmp.unlink(missing_ok=True)
    return manifest


def add_shared(folder: Path, sha: str, source: Path) -> bool:
    """Put one evidence file into the shared folder (temp, fsync, rename) if its content is
    what its name says; False if it is not (it is then left out). The caller fsyncs the folder."""
    target = folder / SHARED / sha[:2] / sha
    files.private_dir(target.parent)
    tmp = files.temp_file(target.parent, "evidence")
    try:
        with open(source, "rb") as src, open(tmp, "wb") as dst:
            found, _n = _copy(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        if found != sha:
            return False
        os.replace(tmp, target)
        return True
    finally:
        tmp.unlink(missing_ok=True)


# -- reading ------------------------------------------------------------------------------------

class BackupFile:
    """A backup to restore or check: a zip of ours (manifest set) or an older bare database."""

    def __init__(self, path: Path, manifest: Manifest | None) -> None:
        self.path = path
        self.manifest = manifest
        self._zip: zipfile.ZipFile | None = None  # opened once: 20 000 evidence entries, one directory read

    def __enter__(self) -> BackupFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def _archive(self) -> zipfile.ZipFile:
        if self._zip is None:
            self._zip = zipfile.ZipFile(self.path)
        return self._zip

    @property
    def is_archive(self) -> bool:
        return self.manifest is not None

    @classmethod
    def open(cls, path: str | Path) -> BackupFile:
        path = Path(path)
        if not path.is_file():
            raise InvalidInput("backup.no_file", path=str(path))
        try:
            with open(path, "rb") as f:
                head = f.read(16)
        except OSError as exc:
            raise InvalidInput("backup.unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
        if head.startswith(b"SQLite format 3\x00"):
            return cls(path, None)
        if not head.startswith(b"PK"):
            raise InvalidInput("backup.not_a_backup", path=str(path))
        try:
            with zipfile.ZipFile(path) as zf:
                manifest = Manifest.from_json(zf.read(MANIFEST).decode("utf-8"))
        except OSError as exc:
            raise InvalidInput("backup.unreadable", path=str(path), detail=exc.strerror or str(exc)) from exc
        except (*ZIP_ERRORS, json.JSONDecodeError, TypeError) as exc:
            raise InvalidInput("backup.damaged", path=str(path), detail=f"{type(exc).__name__}: {exc}") from exc
        return cls(path, manifest)

    def shared_path(self, sha: str) -> Path:
        return self.path.parent / SHARED / sha[:2] / sha

    def extract_database(self, target: Path) -> None:
        """The database into target (a bare backup is copied); checks the manifest's hash."""
        try:
            if self.manifest is None:
                shutil.copyfile(self.path, target)
                return
            with zipfile.ZipFile(self.path) as zf, zf.open(DB_ENTRY) as src, open(target, "wb") as dst:
                sha, size = _copy(src, dst)
        except OSError as exc:
            if faults.is_full(exc):  # writing the copy, not reading the backup
                raise StorageFull("restore.no_room", folder=str(target.parent), detail=exc.strerror or str(exc)) from exc
            raise InvalidInput("backup.unreadable", path=str(self.path), detail=exc.strerror or str(exc)) from exc
        except ZIP_ERRORS as exc:
            raise InvalidInput("backup.damaged", path=str(self.path), detail=f"{type(exc).__name__}: {exc}") from exc
        if (sha, size) != (self.manifest.database_sha256, self.manifest.database_size):
            raise InvalidInput("backup.damaged", path=str(self.path), detail="database.sqlite3: SHA-256")

    @contextlib.contextmanager
    def evidence(self, item: Evidence) -> Iterator[IO[bytes]]:
        """The stored bytes of one evidence file of the manifest (not yet verified)."""
        if item.inside:
            with self._archive().open(entry_name(item.sha256)) as src:
                yield src
        else:
            with open(self.shared_path(item.sha256), "rb") as src:
                yield src

    def evidence_problems(self) -> list[str]:
        """Each evidence file of the manifest that is absent or not what its hash says."""
        assert self.manifest is not None
        problems = []
        for item in self.manifest.evidence:
            try:
                with self.evidence(item) as src:
                    sha, size = _copy(src, _Null())
            except (OSError, *ZIP_ERRORS):
                problems.append(messages.render("backup.evidence_absent", {"sha": item.sha256[:12]}))
                continue
            if (sha, size) != (item.sha256, item.size):
                problems.append(messages.render("backup.evidence_changed", {"sha": item.sha256[:12]}))
        return problems


class _Null:
    def write(self, data: bytes) -> int:
        return len(data)


def snapshot_problems(path: Path) -> str | None:
    """Why a database snapshot cannot be restored (damaged), or None."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if result == "ok" else str(result)


messages.register({
    "backup.no_file": ("找不到备份文件“{path}”。", "The backup file “{path}” does not exist."),
    "backup.unreadable": ("无法读取备份文件“{path}”（{detail}）；未作恢复。",
                          "The backup file “{path}” cannot be read ({detail}); nothing was restored."),
    "backup.not_a_backup": ("“{path}”不是本程序的备份文件（既不是备份包，也不是数据库文件）；未作恢复。",
                            "“{path}” is not a backup of this program (neither a backup archive nor a "
                            "database file); nothing was restored."),
    "backup.damaged": ("备份文件“{path}”已损坏（{detail}），未作恢复。请选择另一份备份。",
                       "The backup file “{path}” is damaged ({detail}); nothing was restored. Choose another backup."),
    "restore.no_room": ("磁盘已满（或超出文件大小限制），无法在“{folder}”中写入恢复所需的文件（{detail}）；"
                        "数据库和佐证材料未作任何改动。请腾出磁盘空间后重试。",
                        "The disk is full (or a file-size limit was reached): the files a restore needs could not "
                        "be written in “{folder}” ({detail}); the database and the evidence were not changed. Free "
                        "some disk space and try again."),
    "restore.cannot_write": ("无法在“{folder}”中写入恢复所需的文件（{detail}）；请检查文件夹权限。"
                             "恢复未完成：再次运行同一恢复即可补全。",
                             "The files a restore needs could not be written in “{folder}” ({detail}); check the "
                             "folder's permissions. The restore is not complete: run the same restore again to "
                             "finish it."),
    "backup.evidence_absent": ("佐证材料 {sha}… 不在备份中", "evidence file {sha}… is not in the backup"),
    "backup.evidence_changed": ("佐证材料 {sha}… 的内容与备份清单中的哈希不符",
                                "evidence file {sha}… does not match the hash in the backup's manifest"),
})
