"""What a change did to the file, told to the views so each re-reads only what it shows.

A `Touched` is derived from the RowChanges a ChangeSet already holds (nothing is recorded
twice): the tables written, the ids of their rows, and the rows' before/after images for a
scope test. The audit table comes with every change (the Writer writes an audit row for each
RowChange). `Touched.everything()` stands for a change of the whole file: another database
opened, a restore. A view asks `touched.touches(WATCHED, scope)`.

    touched = Touched.of(changes)                # after apply, undo or redo of changes
    touched.tables                               # frozenset({'dispatch_row', 'audit'})
    touched.ids("dispatch_row")                  # frozenset({17})
    touched.touches({"dispatch_row"}, {"dispatch_row": {"month": {"2026-05"}}})
"""
from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from .changes import ChangeSet, RowChange

AUDIT = "audit"  # written with every RowChange (Writer._record_all)

# {table: {column: the values that matter}}: a row of table counts only if one of its images
# has, for every column named, a value listed (a row without the column always counts)
Scope = Mapping[str, Mapping[str, Collection[Any]]]


@dataclass(frozen=True)
class Touched:
    rows: Mapping[str, frozenset[Any]] = field(default_factory=dict)  # {table: ids of rows written}
    changes: tuple[RowChange, ...] = ()
    whole_file: bool = False

    @classmethod
    def of(cls, changes: ChangeSet) -> Touched:
        ids: dict[str, set[Any]] = {}
        for change in changes.changes:
            ids.setdefault(change.table, set()).add(change.row_id)
        rows = {table: frozenset(found) for table, found in ids.items()}
        if rows:
            rows[AUDIT] = frozenset()
        return cls(rows, tuple(changes.changes))

    @classmethod
    def everything(cls) -> Touched:
        return cls(whole_file=True)

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)

    def __bool__(self) -> bool:
        return self.whole_file or bool(self.rows)

    def ids(self, table: str) -> frozenset[Any]:
        """Ids of the rows of table written (empty for the audit table and for everything())."""
        return self.rows.get(table, frozenset())

    def touches(self, tables: Collection[str], scope: Scope | None = None) -> bool:
        """Whether this change wrote any of tables (within scope, for the tables it names)."""
        if self.whole_file:
            return True
        hit = [t for t in tables if t in self.rows]
        if not hit:
            return False
        if not scope:
            return True
        for table in hit:
            limits = scope.get(table)
            if not limits or table == AUDIT:
                return True
            if any(_within(c, limits) for c in self.changes if c.table == table):
                return True
        return False


def _within(change: RowChange, limits: Mapping[str, Collection[Any]]) -> bool:
    return any(image is not None and all(col not in image or image[col] in allowed for col, allowed in limits.items())
               for image in (change.before, change.after))
