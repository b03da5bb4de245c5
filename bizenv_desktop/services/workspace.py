"""The open database as both faces use it: read helpers and one-transaction actions.

Each user action is `workspace.apply(label, fn)`: fn gets a Writer inside one
transaction; the returned ChangeSet is what the GUI keeps for undo and redo.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..storage.changes import ChangeSet, Writer
from ..storage.database import Database, open_database


class Workspace:
    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: str | Path) -> Workspace:
        return cls(open_database(path))

    @property
    def path(self) -> Path:
        return self.db.path

    def apply(self, label: str, action: Callable[[Writer], Any]) -> ChangeSet:
        """Run action as one transaction; all of it is saved, or nothing on an error."""
        with self.db.transaction():
            writer = Writer(self.db, label)
            action(writer)
        return writer.changes

    def undo(self, changes: ChangeSet) -> None:
        with self.db.transaction():
            Writer(self.db, changes.label, f"撤销：{changes.label}").replay(changes, undo=True)

    def redo(self, changes: ChangeSet) -> None:
        with self.db.transaction():
            Writer(self.db, changes.label, f"重做：{changes.label}").replay(changes, undo=False)

    def close(self) -> None:
        self.db.close()
