"""Which rows SQLite gives back exactly as they were written, so that a Writer can keep the
rows it inserted or updated as their after-images instead of reading them again: the columns'
exact types of a STRICT table, each column's literal default, and the checks of a row's values.
"""
from __future__ import annotations

import math
import re
import sqlite3
from collections.abc import Callable
from operator import itemgetter
from typing import Any

from .change_set import Row, key_of
from .database import Database

_HAS_TABLE_LIST = sqlite3.sqlite_version_info >= (3, 37, 0)  # PRAGMA table_list, STRICT tables
# stored and read back unchanged in a STRICT table; a float too, unless NaN (stored as NULL) or
# -0.0 (read back as 0.0), which _plain() looks for
_EXACT: dict[str, type] = {"INTEGER": int, "INT": int, "TEXT": str, "REAL": float}


def _plain(v: float) -> bool:
    return v == v and (v != 0.0 or math.copysign(1.0, v) > 0)


def stored_as_given(row: Row, shape: dict[str, type | None], types: tuple[type | None, ...],
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


def values_of(cols: list[str]) -> Callable[[Row], tuple[Any, ...]]:
    """row -> (row[c] for c in cols) as a tuple, in C (operator.itemgetter)."""
    get = itemgetter(*cols)
    return get if len(cols) > 1 else lambda row: (get(row),)


class Shapes:
    """The STRICT shapes and literal defaults of the tables one Writer touches (read once each)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._shapes: dict[str, dict[str, type | None] | None] = {}
        self._defaults: dict[str, dict[str, Any]] = {}

    def shape(self, table: str) -> dict[str, type | None] | None:
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

    def complete(self, table: str, row: Row, shape: dict[str, type | None]) -> Row | None:
        """row with the columns it leaves out as SQLite fills them (their literal defaults), in the
        table's order; None when one has no default it can be sure of."""
        if len(row) == len(shape):
            return row
        defaults = self._defaults[table]
        missing = [c for c in shape if c not in row]
        if not all(c in defaults for c in missing):
            return None
        return {c: row[c] if c in row else defaults[c] for c in shape}

    def as_stored(self, table: str, rows: list[Row]) -> dict[Any, Row] | None:
        """{id: the row as SELECT * gives it back} made from the rows inserted, without reading
        them: for a STRICT table when every row's values are stored as given (None otherwise). A
        row completed with its defaults is already a new dict in the table's order and is kept
        as its image; a whole row given is copied in that order (the caller may change its own)."""
        shape = self.shape(table)
        if shape is None:
            return None
        key, types = key_of(table), tuple(shape.values())
        columns, values = list(shape), values_of(list(shape))
        out: dict[Any, Row] = {}
        for r in rows:
            full = self.complete(table, r, shape)
            if full is None or not stored_as_given(full, shape, types):
                return None
            out[full[key]] = full if full is not r else dict(zip(columns, values(r)))
        return out
