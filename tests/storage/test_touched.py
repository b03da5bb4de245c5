"""Touched: what a change wrote, derived from the ChangeSet of a real apply, undo and redo."""
from __future__ import annotations

from typing import Any

from bizenv_desktop.services import events
from bizenv_desktop.storage.touched import AUDIT, Touched


def _event(w: Any, title: str, day: str = "2026-03-02") -> int:
    return events.add_event(w, "media", day, title, level="省级")


def test_a_change_names_its_tables_and_rows(workspace: Any) -> None:
    ids: list[int] = []
    changes = workspace.apply("两件事", lambda w: (ids.append(_event(w, "报道一")),
                                                 ids.append(w.insert("setting", {"key": "ui.test", "value": "1"}))))
    touched = Touched.of(changes)
    assert touched.tables == {"event", "setting", AUDIT}  # the audit trail comes with every change
    assert touched.ids("event") == {ids[0]} and touched.ids("setting") == {ids[1]}
    assert touched.ids("dispatch_row") == frozenset()
    assert touched.touches({"event"}) and touched.touches({"dispatch_row", "setting"})
    assert not touched.touches({"dispatch_row", "indicator"})
    assert touched.touches({AUDIT})


def test_undo_and_redo_touch_what_the_change_did(workspace: Any) -> None:
    changes = workspace.apply("报道", lambda w: _event(w, "报道二"))
    workspace.undo(changes)
    assert workspace.db.scalar("SELECT count(*) FROM event WHERE title = '报道二'") == 0
    workspace.redo(changes)
    assert Touched.of(changes).tables == {"event", AUDIT}


def test_nothing_written_touches_nothing(workspace: Any) -> None:
    touched = Touched.of(workspace.apply("空", lambda w: None))
    assert not touched and touched.tables == frozenset()
    assert not touched.touches({"event", AUDIT})


def test_a_scope_keeps_the_rows_of_what_is_shown(workspace: Any) -> None:
    ids: list[int] = []
    touched = Touched.of(workspace.apply("三月", lambda w: ids.append(_event(w, "三月报道", "2026-03-09"))))
    march, april = {"event": {"date": {"2026-03-09"}}}, {"event": {"date": {"2026-04-01"}}}
    assert touched.touches({"event"}, march)
    assert not touched.touches({"event"}, april)
    assert touched.touches({"event"}, {"event": {"no_such_column": {1}}})  # a row without the column counts
    assert touched.touches({"event", AUDIT}, april)  # the audit table is never limited
    assert touched.touches({"event"}, {"setting": {"value": {"x"}}})  # a scope of another table limits nothing here
    # a row moved out of what is shown counts (its before image was shown)
    moved = Touched.of(workspace.apply("改期", lambda w: w.update("event", ids[0], {"date": "2026-05-01"})))
    assert moved.touches({"event"}, march) and moved.touches({"event"}, {"event": {"date": {"2026-05-01"}}})
    assert not moved.touches({"event"}, april)


def test_everything_touches_every_table() -> None:
    touched = Touched.everything()
    assert touched and touched.touches({"event"}, {"event": {"date": {"x"}}}) and touched.touches({AUDIT})
    assert touched.ids("event") == frozenset()
