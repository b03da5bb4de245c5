"""Opening, creating and upgrading the liaison's SQLite file.

Every connection gets foreign keys on, WAL and a busy timeout. A file that is not ours,
or is newer than this program, is only ever opened read-only and is left byte-for-byte
unchanged. Not thread-safe: one Database per thread.
"""
from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from ..core import messages
from ..core.errors import DatabaseDamaged, NewerDatabase, NotOurDatabase
from ..paths import schema_file
from . import faults, files, migrations
from .names import check_database_name, fitted

APPLICATION_ID = 1112956465  # 'BZD1', also written by db_schema.sql


def schema_sql() -> str:
    """The whole current schema (db_schema.sql, shipped inside the package)."""
    return schema_file().read_text(encoding="utf-8")


def schema_version() -> int:
    match = re.search(r"PRAGMA\s+user_version\s*=\s*(\d+)", schema_sql())
    assert match, "db_schema.sql must set PRAGMA user_version"
    return int(match.group(1))


CURRENT_VERSION = schema_version()


def _configure(conn: sqlite3.Connection) -> sqlite3.Connection:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")  # a commit survives a power cut
    return conn


def _read_header(path: Path) -> tuple[int, int]:
    """(application_id, user_version) read from the file's 100-byte header.

    Plain file reading: nothing is locked or created beside a file we may refuse.
    """
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return _read_header_through_sqlite(path)  # newer pages may sit in the WAL
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise NotOurDatabase(str(path), messages.Phrase("db.cannot_read", detail=exc.strerror or str(exc))) from exc
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise NotOurDatabase(str(path), messages.Phrase("db.not_sqlite"))
    return int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big")


def _read_header_through_sqlite(path: Path) -> tuple[int, int]:
    """Header values as SQLite sees them, WAL included (its side files exist already)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return (conn.execute("PRAGMA application_id").fetchone()[0],
                    conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotOurDatabase(str(path), messages.Phrase("db.cannot_read", detail=str(exc))) from exc


def _roll_back_hot_journal(path: Path) -> int:
    """Opening read-write lets SQLite roll back a leftover journal; the version it then
    reports is the true one."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def backup_copy(path: Path, label: str) -> Path:
    """Copy the database to a timestamped file beside it, via SQLite's backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = path.with_name(fitted(path.name, f".{label}-{stamp}.bak"))
    partial = files.temp_file(path.parent, "upgrade", ".part")  # a short name: its -journal fits too
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            dst.close()
        files.fsync_file(partial)
        os.replace(partial, target)  # a backup file is whole, or absent
        files.fsync_dir(path.parent)
    finally:
        src.close()
        partial.unlink(missing_ok=True)
    return target


class Database:
    """One open connection to the liaison's file; writes go through transaction()."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.upgrade_backup: Path | None = None

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Any = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action: all of it is written, or none of it.

        A full disk or a damaged file comes out as StorageFull / DatabaseDamaged. SQLite
        may already have rolled back on its own (it does on SQLITE_FULL): a ROLLBACK then
        would fail with "cannot rollback - no transaction is active" and hide the cause.
        """
        if self.conn.in_transaction:  # nested call joins the outer action
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self._explained(exc) from exc
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._roll_back()
            if isinstance(exc, sqlite3.DatabaseError):
                raise self._explained(exc) from exc
            raise

    def _roll_back(self) -> None:
        if self.conn.in_transaction:
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the error that made us roll back is the one to report

    def _explained(self, exc: sqlite3.DatabaseError) -> BaseException:
        return faults.translate(exc, self.path) or exc

    def close(self) -> None:
        self.conn.close()
        self.closed = True

    closed = False


def _create(path: Path) -> sqlite3.Connection:
    created = not path.exists()
    if created:
        files.create_private(path)  # the liaison's data: 0600 (SQLite gives its side files the same)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.executescript("BEGIN IMMEDIATE;\n" + schema_sql() + "\nCOMMIT;")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
        if created:
            path.unlink(missing_ok=True)
        raise
    return conn


def upgrade_copy(path: Path) -> int:
    """Upgrade a throwaway copy (a backup being restored) in place, without a .bak of it;
    returns the version it had."""
    found = check_file(path)
    if found < CURRENT_VERSION:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            migrations.run(conn, found, CURRENT_VERSION)
        finally:
            conn.close()
    return found


def _upgrade(path: Path, found: int) -> Path:
    """Back the file up, then run each missing numbered step in its own transaction."""
    backup = backup_copy(path, f"before-upgrade-v{found}")
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        migrations.run(conn, found, CURRENT_VERSION)
    finally:
        conn.close()
    return backup


messages.register({
    "db.cannot_read": ("无法读取：{detail}", "cannot read it: {detail}"),
    "db.not_sqlite": ("不是 SQLite 数据库文件", "not an SQLite database file"),
    "db.other_program": ("它是其他程序的数据库，没有本程序的标记", "it is another program's database, without this "
                         "program's mark"),
})


def check_file(path: str | Path) -> int:
    """The schema version of an existing file of ours; NotOurDatabase or NewerDatabase
    otherwise. Reads only: nothing is written or created beside the file."""
    path = Path(path)
    app_id, version = _read_header(path)
    if app_id != APPLICATION_ID:
        raise NotOurDatabase(str(path), messages.Phrase("db.other_program"))
    if version > CURRENT_VERSION:
        raise NewerDatabase(str(path), version, CURRENT_VERSION)
    return version


def open_reader(path: str | Path) -> Database:
    """A read-only connection for work off the GUI thread (reports, exports).

    sqlite3 connections belong to the thread that made them, so a worker opens its own.
    """
    path = Path(path)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-wal").exists():
        uri += "&immutable=1"  # SQLite could not create its side files there; nobody writes it
    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    return Database(path, conn)


def open_database(path: str | Path, create: bool = True) -> Database:
    """Open (creating or upgrading as needed) the app's database at path.

    Raises NotOurDatabase or NewerDatabase and leaves such a file untouched.
    """
    path = Path(path)
    check_database_name(path)
    try:
        return _open(path, create)
    except sqlite3.DatabaseError as exc:
        if faults.is_damage(exc):
            raise DatabaseDamaged(str(path), str(exc)) from exc
        raise


def _open(path: Path, create: bool) -> Database:
    backup: Path | None = None
    if path.exists() and path.stat().st_size > 0:
        version = check_file(path)
        if version < CURRENT_VERSION and Path(f"{path}-journal").exists():
            version = _roll_back_hot_journal(path)  # a step died mid-way: undo it first
        if version < CURRENT_VERSION:
            backup = _upgrade(path, version)
        conn = sqlite3.connect(path, isolation_level=None)
    elif create:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _create(path)
    else:
        raise FileNotFoundError(path)
    try:
        db = Database(path, _configure(conn))
    except BaseException:
        conn.close()
        raise
    db.upgrade_backup = backup
    return db
