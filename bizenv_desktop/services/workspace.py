"""The open database as both faces use it: read helpers and one-transaction actions.

Each user action is `workspace.apply(label, fn)`: fn gets a Writer inside one
transaction; the returned ChangeSet is what the GUI keeps for undo and redo.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core.errors import DatabaseBusy
from ..storage.database import Database, check_file, open_database, open_reader
from ..storage.lock import WriterLock
from ..storage.names import check_database_name

if TYPE_CHECKING:  # the writer on the first write: a read-only command never loads it
    from ..core.progress import Progress
    from ..storage.changes import ChangeSet, Writer


class Workspace:
    def __init__(self, db: Database, lock: WriterLock | None = None, read_only: bool = False) -> None:
        self.db = db
        self.lock = lock
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, read_only_ok: bool = False) -> Workspace:
        """Open for writing, holding the file's writer lock. When another process writes
        to it and read_only_ok is set, open it read-only instead (saying so in .read_only)."""
        check_database_name(path)  # before the lock file is made beside it
        if Path(path).exists() and Path(path).stat().st_size > 0:
            check_file(path)
        elif not Path(path).parent.is_dir():  # a new file in a new folder: the lock goes there first
            Path(path).parent.mkdir(parents=True, exist_ok=True)  # refuse a foreign or newer file before making anything beside it
        lock = WriterLock(path)
        try:
            lock.acquire()
        except DatabaseBusy:
            if read_only_ok and Path(path).exists():
                return cls(open_reader(path), None, read_only=True)
            raise
        try:
            return cls(open_database(path), lock)
        except BaseException:
            lock.release()
            raise

    @property
    def path(self) -> Path:
        return self.db.path

    def apply(self, label: str, action: Callable[[Writer], Any]) -> ChangeSet:
        """Run action as one transaction; all of it is saved, or nothing on an error."""
        if self.read_only:
            raise DatabaseBusy("db.read_only")
        from ..storage.changes import Writer

        with self.db.transaction():
            writer = Writer(self.db, label)
            action(writer)
        return writer.changes

    def on_this_thread(self) -> Workspace:
        """The same file on a new connection, for work on another thread (sqlite3 connections
        belong to their thread). It shares this workspace's writer lock: close only its db."""
        if self.read_only:
            raise DatabaseBusy("db.read_only")
        return Workspace(open_database(self.path, create=False), None)

    def undo(self, changes: ChangeSet, progress: Progress | None = None) -> None:
        from ..storage.changes import Writer

        with self.db.transaction():
            Writer(self.db, changes.label, f"撤销：{changes.label}").replay(changes, undo=True, progress=progress)

    def redo(self, changes: ChangeSet, progress: Progress | None = None) -> None:
        from ..storage.changes import Writer

        with self.db.transaction():
            Writer(self.db, changes.label, f"重做：{changes.label}").replay(changes, undo=False, progress=progress)

    def reopen(self) -> None:
        """A fresh connection to the same file (after a restore replaced it), lock kept."""
        if not self.db.closed:
            self.db.close()
        self.db = open_reader(self.path) if self.read_only else open_database(self.path)

    def close(self) -> None:
        try:
            if not self.db.closed:
                self.db.close()
        finally:
            if self.lock is not None:
                self.lock.release()
