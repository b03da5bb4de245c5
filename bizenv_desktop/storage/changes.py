"""Tracked writes: every insert, update and delete is snapshotted and audited.

A user action runs inside Database.transaction() with one Writer; the Writer's ChangeSet
holds the before/after image of each row it touched, which is all undo and redo need, and
each change also lands in the audit table (who, when, what, old -> new).
"""
from __future__ import annotations

import getpass
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..core.errors import UndoConflict
from .database import Database

TABLES = frozenset({
    "plan_year", "plan_section", "dimension", "indicator", "division", "assignment",
    "subtask", "liaison", "dispatch_month", "dispatch_row", "evidence", "evidence_link",
    "self_evaluation", "event", "workday_override", "calendar_year", "deadline_done", "supervision_item", "setting",
    "supervision_division",
})
Row = dict[str, Any]


@dataclass(frozen=True)
class RowChange:
    table: str
    row_id: Any
    before: Row | None
    after: Row | None


@dataclass
class ChangeSet:
    """What one user action did; label is the text shown in the Edit menu."""

    label: str
    changes: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def created_id(self, table: str) -> Any:
        """Id of the first row of table this action inserted (None if none)."""
        for change in self.changes:
            if change.table == table and change.before is None:
                return change.row_id
        return None


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (some services and containers)
        return "unknown"


def _key(table: str) -> str:
    return "year" if table in ("plan_year", "calendar_year") else "id"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class Writer:
    """Snapshotting writer for one transaction (use Database.transaction() around it)."""

    def __init__(self, db: Database, label: str, action: str | None = None) -> None:
        self.db = db
        self.changes = ChangeSet(label)
        self.action = action or label
        self.at = datetime.now().isoformat(timespec="seconds")
        self.user = current_user()

    # -- reading -----------------------------------------------------------
    def get(self, table: str, row_id: Any) -> Row | None:
        assert table in TABLES, table
        row = self.db.execute(f"SELECT * FROM {table} WHERE {_key(table)} = ?", (row_id,)).fetchone()
        return None if row is None else dict(row)

    # -- writing -----------------------------------------------------------
    def insert(self, table: str, values: Row) -> Any:
        assert table in TABLES, table
        cols = list(values)
        cur = self.db.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [values[c] for c in cols],
        )
        row_id = values.get(_key(table), cur.lastrowid)
        after = self.get(table, row_id)
        self._record(RowChange(table, row_id, None, after))
        return row_id

    def update(self, table: str, row_id: Any, values: Row) -> bool:
        """Change the given columns; returns False (and records nothing) if none differ."""
        before = self.get(table, row_id)
        if before is None:
            raise KeyError(f"{table} {row_id}")
        diff = {k: v for k, v in values.items() if before.get(k) != v}
        if not diff:
            return False
        sets = ", ".join(f"{c} = ?" for c in diff)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE {_key(table)} = ?", [*diff.values(), row_id])
        self._record(RowChange(table, row_id, before, self.get(table, row_id)))
        return True

    def delete(self, table: str, row_id: Any) -> None:
        before = self.get(table, row_id)
        if before is None:
            return
        self.db.execute(f"DELETE FROM {table} WHERE {_key(table)} = ?", (row_id,))
        self._record(RowChange(table, row_id, before, None))

    # -- undo / redo -------------------------------------------------------
    def replay(self, changes: ChangeSet, undo: bool) -> None:
        """Put rows back to their before (undo) or after (redo) image.

        Refuses with UndoConflict, changing nothing, if a row is not as the action left it.
        """
        seq = reversed(changes.changes) if undo else changes.changes
        for change in seq:
            expected, target = (change.after, change.before) if undo else (change.before, change.after)
            current = self.get(change.table, change.row_id)
            if current != expected:
                raise UndoConflict(
                    f"“{changes.label}”之后该记录已被修改（{change.table} {change.row_id}），无法恢复。"
                )
            if target is None:
                self.delete(change.table, change.row_id)
            elif expected is None:
                self.insert(change.table, target)
            else:
                self.update(change.table, change.row_id, target)

    # -- audit -------------------------------------------------------------
    def _record(self, change: RowChange) -> None:
        self.changes.changes.append(change)
        rows: list[tuple[str, str | None, str | None]]
        if change.before is None:
            rows = [("", None, _text(change.after))]
        elif change.after is None:
            rows = [("", _text(change.before), None)]
        else:
            rows = [(k, _text(change.before[k]), _text(change.after[k]))
                    for k in change.after if change.before.get(k) != change.after[k]]
        verb = "insert" if change.before is None else "delete" if change.after is None else "update"
        self.db.conn.executemany(
            "INSERT INTO audit (at, user, action, entity, entity_id, field, old, new)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(self.at, self.user, f"{self.action} [{verb}]", change.table,
              change.row_id, fld, old, new) for fld, old, new in rows],
        )
