"""storage.rows: columns read by their labels, whatever order the query gives them in."""
from __future__ import annotations

from pathlib import Path

import pytest

from bizenv_desktop.services import dispatch
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.storage.rows import columns


def test_columns_are_picked_by_label_and_a_missing_one_is_named(tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "plan.sqlite3", first_year=2026)
    try:
        sql = "SELECT name AS b, id AS a, kind AS c FROM division ORDER BY id"
        rows = columns(ws.db, sql, (), ["a", "b"])
        assert rows == [(r["id"], r["name"]) for r in ws.db.query("SELECT id, name FROM division ORDER BY id")]
        assert columns(ws.db, sql, (), ["c"])[0] == ("division",)
        with pytest.raises(KeyError, match="position"):
            columns(ws.db, sql, (), ["a", "position"])
    finally:
        ws.close()


def test_a_month_reads_every_field_of_its_rows_by_name(tmp_path: Path) -> None:
    """Each DispatchRow field holds the column of its name (a reordered SELECT cannot shift them)."""
    ws = open_workspace(tmp_path / "plan.sqlite3", first_year=2026)
    try:
        ws.apply("s", lambda w: dispatch.start_month(w, "2026-05"))
        row = next(r for r in dispatch.load_month(ws.db, "2026-05").rows if r.kind == "quantitative")
        ws.apply("f", lambda w: dispatch.update_row(w, row.id, status="推进中", progress="进展", problems="问题",
                                                   next_steps="打算", person="张三", numerator=8, denominator=10,
                                                   remarks="备注"))
        got = next(r for r in dispatch.load_month(ws.db, "2026-05").rows if r.id == row.id)
        stored = ws.db.query("SELECT * FROM dispatch_row WHERE id = ?", (row.id,))[0]
        for name in ("month", "indicator_id", "subtask_id", "division_id", "status", "progress", "problems",
                     "next_steps", "person", "numerator", "denominator", "value", "remarks"):
            assert getattr(got, name) == stored[name], name
        ind = ws.db.query("SELECT * FROM indicator WHERE id = ?", (row.indicator_id,))[0]
        assert (got.indicator_code, got.indicator_name, got.kind) == (ind["code"], ind["name"], ind["kind"])
        assert got.target is not None and (got.target.op, got.target.value) == (ind["target_op"], ind["target_value"])
    finally:
        ws.close()
