"""Tracked writes: every insert, update and delete is snapshotted and audited.

A user action runs inside Database.transaction() with one Writer; the Writer's ChangeSet
holds the before/after image of each row it touched, which is all undo and redo need, and
each change also lands in the audit table (who, when, what, old -> new).
insert_many and update_many do the same for many rows at once (an import): the same
RowChanges and audit rows as one insert() or update() per row, in a few statements.
What a ChangeSet holds is in storage/change_set.py, which rows need no reading back in
storage/row_shapes.py, undo and redo (Writer.replay) in storage/replay.py.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from .change_set import TABLES, AuditRow, ChangeSet, Row, RowChange, audit_rows, current_user, key_of
from .database import Database
from .replay import Replaying
from .row_shapes import Shapes, stored_as_given, values_of

__all__ = ["TABLES", "AuditRow", "ChangeSet", "Row", "RowChange", "Writer", "current_user"]

CHUNK = 500           # ids per "IN (...)" look-up: well under SQLite's limit on parameters
MAX_ROWID = 2 ** 63 - 1


class Writer(Replaying):
    """Snapshotting writer for one transaction (use Database.transaction() around it); its
    undo and redo (replay) are in storage/replay.py."""

    def __init__(self, db: Database, label: str, action: str | None = None) -> None:
        self.db = db
        self.changes = ChangeSet(label)
        self.action = action or label
        self.at = datetime.now().isoformat(timespec="seconds")
        self.user = current_user()
        self.shapes = Shapes(db)

    # -- reading -----------------------------------------------------------
    def get(self, table: str, row_id: Any) -> Row | None:
        assert table in TABLES, table
        row = self.db.execute(f"SELECT * FROM {table} WHERE {key_of(table)} = ?", (row_id,)).fetchone()
        return None if row is None else dict(row)

    def _get_many(self, table: str, ids: list[Any]) -> dict[Any, Row]:
        """{id: row} of the rows there are, CHUNK ids per query (get() finds any others, such as
        an id given as text)."""
        key = key_of(table)
        out: dict[Any, Row] = {}
        for start in range(0, len(ids), CHUNK):
            part = ids[start:start + CHUNK]
            out.update(self._select(f"SELECT * FROM {table} WHERE {key} IN ({', '.join('?' * len(part))})", part, key))
        return out

    def _select(self, sql: str, params: Any, key: str) -> dict[Any, Row]:
        """{key: row as a dict}: what get() gives, without a sqlite3.Row per row (a third of the time)."""
        cur = self.db.conn.cursor()
        cur.row_factory = None
        cur.execute(sql, params)
        names = [d[0] for d in cur.description]
        at = names.index(key)
        return {values[at]: dict(zip(names, values)) for values in cur}

    # -- writing -----------------------------------------------------------
    def insert(self, table: str, values: Row) -> Any:
        assert table in TABLES, table
        cols = list(values)
        cur = self.db.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            [values[c] for c in cols],
        )
        row_id = values.get(key_of(table), cur.lastrowid)
        after = self.get(table, row_id)
        self._record(RowChange(table, row_id, None, after))
        return row_id

    def insert_many(self, table: str, rows: Iterable[Row]) -> list[Any]:
        """insert() of each row, in order, at the cost of a few statements: the same ids, the
        same RowChanges and the same audit rows as one insert() per row. Returns the ids."""
        assert table in TABLES, table
        rows = list(rows)
        if not rows:
            return []
        key = key_of(table)
        given = sum(1 for r in rows if r.get(key) is not None)
        assigned = given == 0 and key == "id"
        if assigned:
            # the ids SQLite would give one insert after another: one more than the largest
            first = (self.db.scalar(f"SELECT max(id) FROM {table}") or 0) + 1
            if first + len(rows) > MAX_ROWID:  # SQLite would then pick ids at random
                return [self.insert(table, r) for r in rows]
            rows = [{**r, "id": first + n} for n, r in enumerate(rows)]
        elif given != len(rows):  # some ids given, some left to SQLite: one at a time
            return [self.insert(table, r) for r in rows]
        start = 0
        while start < len(rows):  # one executemany per run of rows naming the same columns
            names = rows[start].keys()
            end = start + 1
            while end < len(rows) and rows[end].keys() == names:
                end += 1
            cols = list(names)
            self.db.conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                map(values_of(cols), rows[start:end]))
            start = end
        ids = [r[key] for r in rows]
        after = self.shapes.as_stored(table, rows)
        if after is None and assigned:  # one range of ids
            after = self._select(f"SELECT * FROM {table} WHERE id BETWEEN ? AND ?", (ids[0], ids[-1]), key)
        elif after is None:
            after = self._get_many(table, ids)
        del rows  # the caller's rows, if it lets them go: only the images are kept from here
        self._record_all([RowChange(table, i, None, after[i] if i in after else self.get(table, i)) for i in ids])
        return ids


    def update(self, table: str, row_id: Any, values: Row) -> bool:
        """Change the given columns; returns False (and records nothing) if none differ."""
        before = self.get(table, row_id)
        if before is None:
            raise KeyError(f"{table} {row_id}")
        diff = {k: v for k, v in values.items() if before.get(k) != v}
        if not diff:
            return False
        sets = ", ".join(f"{c} = ?" for c in diff)
        self.db.execute(f"UPDATE {table} SET {sets} WHERE {key_of(table)} = ?", [*diff.values(), row_id])
        self._record(RowChange(table, row_id, before, self.get(table, row_id)))
        return True

    def update_many(self, table: str, updates: Mapping[Any, Row]) -> int:
        """update() of each {row id: values}, at the cost of a few statements per few hundred
        rows: the same RowChanges (in this order) and audit rows. Each row comes once (a dict);
        rows are written grouped by the columns that change, so no order between rows is kept.
        Returns how many rows changed; KeyError, changing nothing, if a row is missing."""
        assert table in TABLES, table
        key = key_of(table)
        ids = list(updates)
        before = self._get_many(table, ids)
        missing = [i for i in ids if i not in before and self.get(table, i) is None]
        if missing:
            raise KeyError(f"{table} {missing[0]}")
        diffs: dict[Any, Row] = {}
        for i in ids:
            old = before[i] if i in before else self.get(table, i)
            assert old is not None
            diff = {k: v for k, v in updates[i].items() if old.get(k) != v}
            if diff:
                before[i], diffs[i] = old, diff
        groups: dict[tuple[str, ...], list[list[Any]]] = {}
        for i, diff in diffs.items():
            groups.setdefault(tuple(diff), []).append([*diff.values(), i])
        for cols, params in groups.items():
            sets = ", ".join(f"{c} = ?" for c in cols)
            self.db.conn.executemany(f"UPDATE {table} SET {sets} WHERE {key} = ?", params)
        shape = self.shapes.shape(table)
        if shape is not None and all(stored_as_given(d, shape, (), partial=True) for d in diffs.values()):
            after = {i: {**before[i], **diff} for i, diff in diffs.items()}  # what SELECT * would give back
        else:
            after = self._get_many(table, list(diffs))
        self._record_all([RowChange(table, i, before[i], after[i] if i in after else self.get(table, i))
                          for i in diffs])
        return len(diffs)

    def delete(self, table: str, row_id: Any) -> None:
        before = self.get(table, row_id)
        if before is None:
            return
        self.db.execute(f"DELETE FROM {table} WHERE {key_of(table)} = ?", (row_id,))
        self._record(RowChange(table, row_id, before, None))

    def delete_many(self, table: str, ids: Iterable[Any]) -> None:
        """delete() of each id, in order (rows not there are skipped), in a few statements."""
        assert table in TABLES, table
        ids = list(dict.fromkeys(ids))
        before = self._get_many(table, ids)
        gone = [(i, before[i] if i in before else self.get(table, i)) for i in ids]
        gone = [(i, row) for i, row in gone if row is not None]
        self.db.conn.executemany(f"DELETE FROM {table} WHERE {key_of(table)} = ?", [(i,) for i, _row in gone])
        self._record_all([RowChange(table, i, row, None) for i, row in gone])

    # -- audit -------------------------------------------------------------
    def _record(self, change: RowChange) -> None:
        self._record_all([change])

    def _record_all(self, changes: list[RowChange]) -> None:
        """Keep the changes for undo and write their audit rows (one executemany, fed one row at a
        time: an import's 30 000 JSON texts are never all held at once): an insert or a delete is
        one row holding the whole record, an update one row per changed field."""
        self.changes.changes.extend(changes)
        if changes:
            self.db.conn.executemany(
                "INSERT INTO audit (at, user, action, entity, entity_id, field, old, new)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", audit_rows(changes, self.at, self.user, self.action))
