"""Undo and redo: a Writer puts the rows of a ChangeSet back to their before (undo) or after
(redo) image, refusing with UndoConflict, changing nothing, if a row is not as the action left
it. Runs of rows of one table and one kind (an import's) are put back a few statements per few
hundred rows, with the same checks, RowChanges and audit rows as one row at a time.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core import messages
from ..core.errors import UndoConflict
from ..core.progress import Progress, step
from .change_set import ChangeSet, Row, RowChange, key_of

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .database import Database

REPLAY_RUN = 2000     # rows put back together at most: a cancel is seen between two runs


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


class Replaying:
    """The undo and redo of storage.changes.Writer (a base class of it: self is the Writer)."""

    if TYPE_CHECKING:  # what it uses of the Writer
        db: Database

        def get(self, table: str, row_id: Any) -> Row | None: ...
        def insert(self, table: str, values: Row) -> Any: ...
        def insert_many(self, table: str, rows: Iterable[Row]) -> list[Any]: ...
        def update(self, table: str, row_id: Any, values: Row) -> bool: ...
        def delete(self, table: str, row_id: Any) -> None: ...
        def _get_many(self, table: str, ids: list[Any]) -> dict[Any, Row]: ...
        def _record_all(self, changes: list[RowChange]) -> None: ...

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
            self.db.conn.executemany(f"DELETE FROM {table} WHERE {key_of(table)} = ?", [(i,) for i, _t in targets])
            self._record_all([RowChange(table, i, before, None) for i, before in targets if before is not None])

    def _update_in_order(self, table: str, rows: list[tuple[Any, Row | None, Row | None]]) -> None:
        """update() of each (id, current, target) in this order (a unique column may need it):
        one executemany per stretch of rows changing the same columns."""
        key = key_of(table)
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

