"""Rows read by column name at the speed of reading by position.

sqlite3.Row looks each name up per row: for a month of 400 dispatch rows of 24 columns that
costs more than the query. `columns(db, sql, params, names)` runs the query on a plain cursor,
finds each name's place in the result once, and hands back tuples of those columns in the
order asked for (operator.itemgetter, in C). A query that does not give a column asked for
fails at once (KeyError naming it), so the SQL and the dataclass it fills cannot drift apart
by a reordered column.
"""
from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from .database import Database


def columns(db: Database, sql: str, params: Any, names: Sequence[str]) -> list[tuple[Any, ...]]:
    """The rows of sql, each as the tuple of the columns `names` (labels of the result)."""
    cur = db.conn.cursor()
    cur.row_factory = None
    cur.execute(sql, params)
    given = {d[0]: n for n, d in enumerate(cur.description)}
    missing = [n for n in names if n not in given]
    if missing:
        raise KeyError(f"the query gives no column {', '.join(missing)}")
    if len(names) == 1:
        at = given[names[0]]
        return [(v[at],) for v in cur]
    pick = itemgetter(*(given[n] for n in names))
    return [pick(v) for v in cur]
