"""Tracked writes: every insert, update and delete is snapshotted and audited.

A user action runs inside Database.transaction() with one Writer; the Writer's ChangeSet
holds the before/after image of each row it touched, which is all undo and redo need, and
each change also lands in the audit table (who, when, what, old -> new).
insert_many and update_many do the same for many rows at once (an import): the same
RowChanges and audit rows as one insert() or update() per row, in a few statements.
"""
from __future__ import annotations

import json
import math
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter
from typing import Any

from ..core import messages
from ..core.errors import UndoConflict
from ..core.progress import Progress, step
from .database import Database

TABLES = frozenset({
    "plan_year", "plan_section", "dimension", "indicator", "division", "assignment",
    "subtask", "liaison", "dispatch_month", "dispatch_row", "evidence", "evidence_link",
    "self_evaluation", "event", "workday_override", "calendar_year", "deadline_done", "supervision_item", "setting",
    "supervision_division", "unit_alias",
    "ranking", "publication", "work_plan", "inspection", "inspection_scope", "inspection_followup",
    "supervision_indicator", "supervision_reminder", "supervision_feedback", "form_sendback", "quarter_snapshot",
    "form_return",
    "report_draft", "report_section",
})
Row = dict[str, Any]
AuditRow = tuple[str, str, str, str, Any, str, str | None, str | None]
CHUNK = 500           # ids per "IN (...)" look-up: well under SQLite's limit on parameters
MAX_ROWID = 2 ** 63 - 1
REPLAY_RUN = 2000     # rows put back together at most: a cancel is seen between two runs


@dataclass(frozen=True, slots=True)  # slots: an import keeps tens of thousands
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
        import getpass  # here: it loads termios, and reading commands never ask

        return getpass.getuser()
    except Exception:  # no login name (some services and containers)
        return "unknown"


def _key(table: str) -> str:
    return "year" if table in ("plan_year", "calendar_year") else "id"


_HAS_TABLE_LIST = sqlite3.sqlite_version_info >= (3, 37, 0)  # PRAGMA table_list, STRICT tables
# stored and read back unchanged in a STRICT table; a float too, unless NaN (stored as NULL) or
# -0.0 (read back as 0.0), which _plain() looks for
_EXACT: dict[str, type] = {"INTEGER": int, "INT": int, "TEXT": str, "REAL": float}


def _plain(v: float) -> bool:
    return v == v and (v != 0.0 or math.copysign(1.0, v) > 0)


def _stored_as_given(row: Row, shape: dict[str, type | None], types: tuple[type | None, ...],
                     partial: bool = False) -> bool:
    """True when SELECT * gives the values of row back exactly: each value None or of its
    column's exact type (not bool for INTEGER, not int for REAL; a float neither NaN nor -0.0),
    and (unless partial: the columns an update sets) every column given. types is
    tuple(shape.values()), which a whole row without None matches in one comparison."""
    if not partial:
        if len(row) != len(shape):
            return False
        if tuple(map(type, map(row.get, shape))) == types:
            return float not in types or all(_plain(v) for v in row.values() if type(v) is float)
    for c, v in row.items():
        if v is not None and (c not in shape or type(v) is not shape[c] or (type(v) is float and not _plain(v))):
            return False
    return True


_UNKNOWN = object()
_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _literal(default: str | None) -> Any:
    """The value a column's DEFAULT gives, as a row read back holds it: NULL (no default too),
    a quoted text, a number; _UNKNOWN for an expression (CURRENT_TIMESTAMP, (…))."""
    if default is None or default.upper() == "NULL":
        return None
    if len(default) >= 2 and default[0] == default[-1] == "'":
        return default[1:-1].replace("''", "'")
    if _NUMBER.fullmatch(default):
        return float(default) if "." in default else int(default)
    return _UNKNOWN


def _values_of(cols: list[str]) -> Callable[[Row], tuple[Any, ...]]:
    """row -> (row[c] for c in cols) as a tuple, in C (operator.itemgetter)."""
    get = itemgetter(*cols)
    return get if len(cols) > 1 else lambda row: (get(row),)


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(v, ensure_ascii=False) without a new encoder each time


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else _JSON.encode(value)


def _replay_kind(change: RowChange, undo: bool) -> str:
    """What putting the change back does: delete, insert or update the row."""
    expected, target = (change.after, change.before) if undo else (change.before, change.after)
    return "delete" if target is None else "insert" if expected is None else "update"


messages.register({
    "undo.changed_since": ("“{label}”之后该记录已被修改（{table} {row_id}），无法恢复。",
                           "The record was changed after “{label}” ({table} {row_id}); it cannot be restored."),
})


def _check_replay(label: str, change: RowChange, current: Row | None, expected: Row | None) -> None:
    if current != expected:
        raise UndoConflict("undo.changed_since", label=label, table=change.table, row_id=change.row_id)


class Writer:
    """Snapshotting writer for one transaction (use Database.transaction() around it)."""

    def __init__(self, db: Database, label: str, action: str | None = None) -> None:
        self.db = db
        self.changes = ChangeSet(label)
        self.action = action or label
        self.at = datetime.now().isoformat(timespec="seconds")
        self.user = current_user()
        self._shapes: dict[str, dict[str, type | None] | None] = {}
        self._defaults: dict[str, dict[str, Any]] = {}

    # -- reading -----------------------------------------------------------
    def get(self, table: str, row_id: Any) -> Row | None:
        assert table in TABLES, table
        row = self.db.execute(f"SELECT * FROM {table} WHERE {_key(table)} = ?", (row_id,)).fetchone()
        return None if row is None else dict(row)

    def _get_many(self, table: str, ids: list[Any]) -> dict[Any, Row]:
        """{id: row} of the rows there are, CHUNK ids per query (get() finds any others, such as
        an id given as text)."""
        key = _key(table)
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

    def _shape(self, table: str) -> dict[str, type | None] | None:
        """{column: the Python type it keeps exactly} of a STRICT table (None for BLOB, ANY);
        None for any other table, whose values SQLite may convert (affinity, generated columns).
        Also notes each column's literal default (_defaults), what a row that leaves it out gets."""
        if table not in self._shapes:
            listed = self.db.query(f"PRAGMA table_list({table})") if _HAS_TABLE_LIST else []
            columns = self.db.query(f"PRAGMA table_xinfo({table})")
            strict = bool(listed) and bool(listed[0]["strict"]) and not any(c["hidden"] for c in columns)
            self._shapes[table] = {c["name"]: _EXACT.get(c["type"].upper()) for c in columns} if strict else None
            self._defaults[table] = {c["name"]: _literal(c["dflt_value"]) for c in columns
                                     if not c["pk"] and _literal(c["dflt_value"]) is not _UNKNOWN}
        return self._shapes[table]

    def _complete(self, table: str, row: Row, shape: dict[str, type | None]) -> Row | None:
        """row with the columns it leaves out as SQLite fills them (their literal defaults), in the
        table's order; None when one has no default it can be sure of."""
        if len(row) == len(shape):
            return row
        defaults = self._defaults[table]
        missing = [c for c in shape if c not in row]
        if not all(c in defaults for c in missing):
            return None
        return {c: row[c] if c in row else defaults[c] for c in shape}

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

    def insert_many(self, table: str, rows: Iterable[Row]) -> list[Any]:
        """insert() of each row, in order, at the cost of a few statements: the same ids, the
        same RowChanges and the same audit rows as one insert() per row. Returns the ids."""
        assert table in TABLES, table
        rows = list(rows)
        if not rows:
            return []
        key = _key(table)
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
                map(_values_of(cols), rows[start:end]))
            start = end
        ids = [r[key] for r in rows]
        after = self._as_stored(table, rows)
        if after is None and assigned:  # one range of ids
            after = self._select(f"SELECT * FROM {table} WHERE id BETWEEN ? AND ?", (ids[0], ids[-1]), key)
        elif after is None:
            after = self._get_many(table, ids)
        del rows  # the caller's rows, if it lets them go: only the images are kept from here
        self._record_all([RowChange(table, i, None, after[i] if i in after else self.get(table, i)) for i in ids])
        return ids

    def _as_stored(self, table: str, rows: list[Row]) -> dict[Any, Row] | None:
        """{id: the row as SELECT * gives it back} made from the rows inserted, without reading
        them: for a STRICT table when every row's values are stored as given (None otherwise). A
        row completed with its defaults is already a new dict in the table's order and is kept
        as its image; a whole row given is copied in that order (the caller may change its own)."""
        shape = self._shape(table)
        if shape is None:
            return None
        key, types = _key(table), tuple(shape.values())
        columns, values = list(shape), _values_of(list(shape))
        out: dict[Any, Row] = {}
        for r in rows:
            full = self._complete(table, r, shape)
            if full is None or not _stored_as_given(full, shape, types):
                return None
            out[full[key]] = full if full is not r else dict(zip(columns, values(r)))
        return out

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

    def update_many(self, table: str, updates: Mapping[Any, Row]) -> int:
        """update() of each {row id: values}, at the cost of a few statements per few hundred
        rows: the same RowChanges (in this order) and audit rows. Each row comes once (a dict);
        rows are written grouped by the columns that change, so no order between rows is kept.
        Returns how many rows changed; KeyError, changing nothing, if a row is missing."""
        assert table in TABLES, table
        key = _key(table)
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
        shape = self._shape(table)
        if shape is not None and all(_stored_as_given(d, shape, (), partial=True) for d in diffs.values()):
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
        self.db.execute(f"DELETE FROM {table} WHERE {_key(table)} = ?", (row_id,))
        self._record(RowChange(table, row_id, before, None))

    def delete_many(self, table: str, ids: Iterable[Any]) -> None:
        """delete() of each id, in order (rows not there are skipped), in a few statements."""
        assert table in TABLES, table
        ids = list(dict.fromkeys(ids))
        before = self._get_many(table, ids)
        gone = [(i, before[i] if i in before else self.get(table, i)) for i in ids]
        gone = [(i, row) for i, row in gone if row is not None]
        self.db.conn.executemany(f"DELETE FROM {table} WHERE {_key(table)} = ?", [(i,) for i, _row in gone])
        self._record_all([RowChange(table, i, row, None) for i, row in gone])

    # -- undo / redo -------------------------------------------------------
    def replay(self, changes: ChangeSet, undo: bool, progress: Progress | None = None) -> None:
        """Put rows back to their before (undo) or after (redo) image.

        Refuses with UndoConflict, changing nothing, if a row is not as the action left it.
        Consecutive changes of one table and one kind (the rows of an import) are put back
        together, a few statements per few hundred rows, with the same checks, RowChanges and
        audit rows as one at a time: undoing a 10 000-row import no longer takes seconds.
        progress(done, total, '') is called before each run of at most REPLAY_RUN rows (a
        Cancelled it raises rolls the caller's transaction back).
        """
        seq = list(reversed(changes.changes) if undo else changes.changes)
        report = step(progress)
        start = 0
        while start < len(seq):
            report(start, len(seq), "")
            table, kind = seq[start].table, _replay_kind(seq[start], undo)
            end, last = start + 1, min(len(seq), start + REPLAY_RUN)
            while end < last and seq[end].table == table and _replay_kind(seq[end], undo) == kind:
                end += 1
            run = seq[start:end]
            if len(run) > 1 and len({c.row_id for c in run}) == len(run):
                self._replay_run(changes.label, table, kind, run, undo)
            else:  # one row, or a row changed twice in a row: in order, one at a time
                for change in run:
                    self._replay_one(changes.label, change, undo)
            start = end
        report(len(seq), len(seq), "")

    def _replay_one(self, label: str, change: RowChange, undo: bool) -> None:
        expected, target = (change.after, change.before) if undo else (change.before, change.after)
        _check_replay(label, change, self.get(change.table, change.row_id), expected)
        if target is None:
            self.delete(change.table, change.row_id)
        elif expected is None:
            self.insert(change.table, target)
        else:
            self.update(change.table, change.row_id, target)

    def _replay_run(self, label: str, table: str, kind: str, run: list[RowChange], undo: bool) -> None:
        current = self._get_many(table, [c.row_id for c in run])
        targets: list[tuple[Any, Row | None]] = []
        for change in run:
            expected, target = (change.after, change.before) if undo else (change.before, change.after)
            now = current[change.row_id] if change.row_id in current else self.get(table, change.row_id)
            _check_replay(label, change, now, expected)
            targets.append((change.row_id, target if kind != "delete" else now))
        if kind == "insert":
            self.insert_many(table, [t for _i, t in targets if t is not None])
        elif kind == "update":
            self._update_in_order(table, [(i, current.get(i) or self.get(table, i), t) for i, t in targets])
        else:
            self.db.conn.executemany(f"DELETE FROM {table} WHERE {_key(table)} = ?", [(i,) for i, _t in targets])
            self._record_all([RowChange(table, i, before, None) for i, before in targets if before is not None])

    def _update_in_order(self, table: str, rows: list[tuple[Any, Row | None, Row | None]]) -> None:
        """update() of each (id, current, target) in this order (a unique column may need it):
        one executemany per stretch of rows changing the same columns."""
        key = _key(table)
        diffs = [(i, before, {k: v for k, v in (target or {}).items() if before.get(k) != v})
                 for i, before, target in rows if before is not None]
        diffs = [d for d in diffs if d[2]]
        start = 0
        while start < len(diffs):
            cols = diffs[start][2].keys()
            end = start + 1
            while end < len(diffs) and diffs[end][2].keys() == cols:
                end += 1
            self.db.conn.executemany(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols)} WHERE {key} = ?",
                                     [[*d.values(), i] for i, _b, d in diffs[start:end]])
            start = end
        after = self._get_many(table, [i for i, _b, _d in diffs])
        self._record_all([RowChange(table, i, before, after[i] if i in after else self.get(table, i))
                          for i, before, _d in diffs])

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
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", self._audit_rows(changes))

    def _audit_rows(self, changes: list[RowChange]) -> Iterator[AuditRow]:
        at, user = self.at, self.user
        insert, delete, update = (f"{self.action} [{verb}]" for verb in ("insert", "delete", "update"))
        for c in changes:
            if c.before is None:
                yield at, user, insert, c.table, c.row_id, "", None, _text(c.after)
            elif c.after is None:
                yield at, user, delete, c.table, c.row_id, "", _text(c.before), None
            else:
                before = c.before
                for k, new in c.after.items():
                    if before.get(k) != new:
                        yield at, user, update, c.table, c.row_id, k, _text(before[k]), _text(new)
