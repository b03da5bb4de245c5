"""Divisions (处室/直属单位) and division groups: add, rename, merge, retire, restore.

Divisions outlive plan years. Retiring keeps every assignment and sub-task that names the
division (history stays readable); merging moves them to the surviving division.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..core.model import DIVISION_KINDS
from ..storage.batch import delete_rows, update_rows
from ..storage.changes import Writer

messages.register({
    "division.name_empty": ("处室名称不能为空。", "The division's name cannot be empty."),
    "division.unknown_kind": ("未知的单位类型：{kind}", "Unknown kind of unit: {kind}"),
    "division.name_taken": ("已有名为“{name}”的处室或分组。", "There is already a division or group named “{name}”."),
    "division.name_taken_merge": ("已有名为“{name}”的处室或分组；要合并两个处室请用“合并”。",
                                  "There is already a division or group named “{name}”; to join two divisions "
                                  "use Merge."),
    "division.merge_self": ("不能把处室合并到它自己。", "A division cannot be merged into itself."),
    "division.merge_retired": ("“{name}”已停用，不能作为合并目标。",
                               "“{name}” is retired and cannot be the division merged into."),
    "division.in_use": ("“{name}”仍被 {count} 条记录引用，不能删除；可改为“停用”，历史记录会保留。",
                        "“{name}” is still named by {count} records and cannot be deleted; retire it instead "
                        "(its history is kept)."),
    "division.missing": ("处室 {division_id} 不存在。", "Division {division_id} does not exist."),
})


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput("division.name_empty")
    return name


def find_division(w: Writer, name: str) -> int | None:
    return w.db.scalar("SELECT id FROM division WHERE name = ?", (name,))


def ensure_division(w: Writer, name: str, kind: str = "division") -> int:
    """Id of the division or group called name, creating it if it does not exist."""
    existing = find_division(w, name)
    if existing is not None:
        return existing
    return add_division(w, name, kind)


def add_division(w: Writer, name: str, kind: str = "division") -> int:
    name = _clean_name(name)
    if kind not in DIVISION_KINDS:
        raise InvalidInput("division.unknown_kind", kind=kind)
    if find_division(w, name) is not None:
        raise InvalidInput("division.name_taken", name=name)
    position = (w.db.scalar("SELECT max(position) FROM division") or 0) + 1
    return w.insert("division", {"name": name, "kind": kind, "position": position})


def rename_division(w: Writer, division_id: int, name: str) -> None:
    name = _clean_name(name)
    other = find_division(w, name)
    if other is not None and other != division_id:
        raise InvalidInput("division.name_taken_merge", name=name)
    _require(w, division_id)
    w.update("division", division_id, {"name": name})


def set_division_kind(w: Writer, division_id: int, kind: str) -> None:
    if kind not in DIVISION_KINDS:
        raise InvalidInput("division.unknown_kind", kind=kind)
    _require(w, division_id)
    w.update("division", division_id, {"kind": kind})


def retire_division(w: Writer, division_id: int, on: date | None = None) -> None:
    _require(w, division_id)
    w.update("division", division_id, {"retired_on": (on or date.today()).isoformat()})


def restore_division(w: Writer, division_id: int) -> None:
    _require(w, division_id)
    w.update("division", division_id, {"retired_on": None, "merged_into": None})


def merge_divisions(w: Writer, source_id: int, target_id: int) -> None:
    """Move everything of source onto target; source is retired, marked merged."""
    if source_id == target_id:
        raise InvalidInput("division.merge_self")
    _require(w, source_id)
    target = _require(w, target_id)
    if target["retired_on"] is not None:
        raise InvalidInput("division.merge_retired", name=target["name"])
    rank = {"lead": 0, "responsible": 1, "cooperate": 2}
    mine = w.db.query("SELECT * FROM assignment WHERE division_id = ?", (source_id,))
    theirs = {r["indicator_id"]: r for r in w.db.query("SELECT * FROM assignment WHERE division_id = ?", (target_id,))}
    moved: dict[int, dict[str, Any]] = {}
    dropped: list[int] = []
    for a in mine:
        clash = theirs.get(a["indicator_id"])
        if clash is None:
            moved[a["id"]] = {"division_id": target_id}
        else:  # both were assigned: keep the stronger role once
            if rank[a["role"]] < rank[clash["role"]]:
                moved[clash["id"]] = {"role": a["role"]}
            dropped.append(a["id"])
    update_rows(w, "assignment", moved)  # in bulk: the RowChanges and audit rows of one update each
    delete_rows(w, "assignment", dropped)
    for table in ("subtask", "liaison"):
        update_rows(w, table, {r["id"]: {"division_id": target_id} for r in w.db.query(
            f"SELECT id FROM {table} WHERE division_id = ?", (source_id,))})
    w.update("division", source_id, {"retired_on": date.today().isoformat(), "merged_into": target_id})


def delete_division(w: Writer, division_id: int) -> None:
    """Only a division nothing refers to may be deleted; others are retired instead."""
    row = _require(w, division_id)
    uses = w.db.scalar(
        "SELECT (SELECT count(*) FROM assignment WHERE division_id = :d)"
        " + (SELECT count(*) FROM subtask WHERE division_id = :d)"
        " + (SELECT count(*) FROM liaison WHERE division_id = :d)"
        " + (SELECT count(*) FROM division WHERE merged_into = :d)"
        " + (SELECT count(*) FROM dispatch_row WHERE division_id = :d)"
        " + (SELECT count(*) FROM form_return WHERE division_id = :d)"
        " + (SELECT count(*) FROM form_sendback WHERE division_id = :d)", {"d": division_id})
    if uses:
        raise InvalidInput("division.in_use", name=row["name"], count=uses)
    for alias in w.db.query("SELECT id FROM unit_alias WHERE division_id = ?", (division_id,)):
        w.delete("unit_alias", alias["id"])  # other names remembered for it go with it
    w.delete("division", division_id)


def _require(w: Writer, division_id: int) -> dict:
    row = w.get("division", division_id)
    if row is None:
        raise NotFound("division.missing", division_id=division_id)
    return row
