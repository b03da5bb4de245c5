"""Many rows of many tables written together: a multi-row action's bulk path.

An action that makes hundreds of rows which refer to each other (an indicator table, a new
year copied from the last, the built-in plan) needs each new row's id at once: its children
name it. `Batch.insert` hands out that id at once, the one SQLite would give (one more than
the table's largest, in order), and keeps the row; `Batch.update` keeps the change;
`flush()` writes them with `Writer.insert_many` / `update_many`: the same ids, the same
checks, RowChanges and audit rows as one `Writer.insert` / `update` per row, in a few
statements. Inserts go parents first (the order of the tables' foreign keys), each table's
rows in the order given, then the updates. `insert_rows`, `update_rows` and `delete_rows`
are the same for rows of one table that need no ids handed out.

Rules: while a batch holds rows of a table, write that table only through the batch (its
ids are reserved from the table's largest id when it first sees the table). A row updated
after `insert` goes in with the updated values; a row updated twice is written once with
both changes. Inside `with row_by_row():` every bulk path writes each row with its own
`Writer.insert` / `update` / `delete` at the moment it is given: the row-by-row reference
the tests compare the bulk paths with (tests/services/test_bulk_writes.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from .changes import MAX_ROWID, TABLES, Row, Writer


_ROW_BY_ROW: ContextVar[bool] = ContextVar("bizenv_row_by_row", default=False)


@contextmanager
def row_by_row() -> Iterator[None]:
    """Every bulk path inside writes one row at a time (the reference of the tests)."""
    token = _ROW_BY_ROW.set(True)
    try:
        yield
    finally:
        _ROW_BY_ROW.reset(token)


def insert_rows(w: Writer, table: str, rows: Iterable[Row]) -> list[Any]:
    """Writer.insert_many (or one insert() per row inside row_by_row()); the new ids."""
    if _ROW_BY_ROW.get():
        return [w.insert(table, r) for r in rows]
    return w.insert_many(table, rows)


def update_rows(w: Writer, table: str, updates: Mapping[Any, Row]) -> int:
    """Writer.update_many (or one update() per row inside row_by_row()); rows changed."""
    if _ROW_BY_ROW.get():
        return sum(w.update(table, i, values) for i, values in updates.items())
    return w.update_many(table, updates)


def delete_rows(w: Writer, table: str, ids: Iterable[Any]) -> None:
    """Writer.delete_many (or one delete() per row inside row_by_row())."""
    if _ROW_BY_ROW.get():
        for i in ids:
            w.delete(table, i)
    else:
        w.delete_many(table, ids)


class Batch:
    def __init__(self, w: Writer, immediate: bool | None = None) -> None:
        self.w = w
        self.immediate = _ROW_BY_ROW.get() if immediate is None else immediate
        self._inserts: dict[str, list[Row]] = {}          # table -> rows in the order given
        self._pending: dict[tuple[str, Any], Row] = {}    # (table, id) -> the row kept above
        self._updates: dict[str, dict[Any, Row]] = {}     # table -> {id: values}
        self._next: dict[str, int] = {}                   # table -> the id the next insert gets

    def insert(self, table: str, values: Row, owned: bool = False) -> Any:
        """The new row's id (reserved now, written at flush). owned: values is handed over, not
        copied (an import's tens of thousands of rows are then held once): the batch sets its id
        in it, and what the caller changes in it before the flush goes in too."""
        assert table in TABLES, table
        if self.immediate:
            return self.w.insert(table, values)
        key = "year" if table in ("plan_year", "calendar_year") else "id"
        row = values if owned else dict(values)
        if row.get(key) is None:
            assert key == "id", f"{table} rows name their {key}"
            if table not in self._next:
                self._next[table] = (self.w.db.scalar(f"SELECT max(id) FROM {table}") or 0) + 1
            if self._next[table] > MAX_ROWID:  # SQLite would pick one at random: let it, now
                return self.w.insert(table, values)
            row["id"] = self._next[table]
            self._next[table] += 1
        self._inserts.setdefault(table, []).append(row)
        self._pending[(table, row[key])] = row
        return row[key]

    def update(self, table: str, row_id: Any, values: Row) -> None:
        """Change the given columns of a row (one already there, or one inserted by this batch)."""
        assert table in TABLES, table
        if self.immediate:
            self.w.update(table, row_id, values)
            return
        pending = self._pending.get((table, row_id))
        if pending is not None:
            pending.update(values)
        else:
            self._updates.setdefault(table, {}).setdefault(row_id, {}).update(values)

    def flush(self) -> None:
        """Write what is kept: inserts parents first, then updates; the batch is then empty."""
        self._pending.clear()  # no update() comes during the flush: each table's rows go once written
        for table in self._insert_order():
            key = "year" if table in ("plan_year", "calendar_year") else "id"
            reserved = [r[key] for r in self._inserts[table]]
            ids = self.w.insert_many(table, self._inserts.pop(table))  # no other reference: freed once written
            assert ids == reserved, f"{table}: ids reserved by the batch were taken meanwhile"
        for table, updates in self._updates.items():
            self.w.update_many(table, updates)
        self._inserts.clear()
        self._pending.clear()
        self._updates.clear()
        self._next.clear()

    def _insert_order(self) -> list[str]:
        """The tables with rows to insert, each after the tables its foreign keys name (ties:
        the order they were first given)."""
        tables = list(self._inserts)
        parents = {t: {r["table"] for r in self.w.db.query(f"PRAGMA foreign_key_list({t})")} & set(tables) - {t}
                   for t in tables}
        out: list[str] = []
        while len(out) < len(tables):
            ready = next((t for t in tables if t not in out and parents[t] <= set(out)), None)
            assert ready is not None, f"foreign keys in a circle: {tables}"
            out.append(ready)
        return out


@contextmanager
def batch(w: Writer, immediate: bool | None = None) -> Iterator[Batch]:
    """A Batch flushed at the end of the block (nothing is written if the block raises: the
    action's transaction rolls back anyway)."""
    b = Batch(w, immediate)
    yield b
    b.flush()
