"""The department's own particulars, as the first-start page and 文件 › 设置 keep them: its name,
its short self-reference (我厅/我局/我委) and its divisions.

setup_department(w, name, short, divisions) is one action (one undo step): the name and short
form are kept (services/department.py), the listed divisions exist and are active afterwards
(added or restored), and the divisions not listed go: deleted when nothing refers to them,
retired (history kept) otherwise. Groups (相关处室 …) are never touched here.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import messages
from ..core.errors import InvalidInput
from ..storage.changes import Writer
from ..storage.database import Database
from .department import get_department, set_department
from .divisions import add_division, delete_division, restore_division, retire_division

messages.register({
    "department.long_division": ("处室名称“{name}”过长（{length} 个字），请不超过 40 个字。",
                                 "The division name “{name}” is too long ({length} characters); keep it to 40."),
    "department.no_divisions": ("请至少列出一个处室（每行一个）。", "List at least one division (one per line)."),
})


@dataclass(frozen=True)
class SetupResult:
    added: tuple[str, ...]
    restored: tuple[str, ...]
    deleted: tuple[str, ...]
    retired: tuple[str, ...]


def division_names(db: Database) -> list[str]:
    """The active divisions (not groups), in their order."""
    return [r[0] for r in db.query("SELECT name FROM division WHERE kind <> 'group' AND retired_on IS NULL"
                                   " ORDER BY position, id")]


def plan_divisions(db: Database) -> list[str]:
    """The active divisions the newest plan year assigns, in their order (all active ones when
    it assigns none): what the first-start page offers."""
    used = [r[0] for r in db.query(
        "SELECT DISTINCT dv.name FROM division dv JOIN assignment a ON a.division_id = dv.id"
        " JOIN indicator i ON i.id = a.indicator_id JOIN dimension d ON d.id = i.dimension_id"
        " WHERE d.year = (SELECT max(year) FROM plan_year) AND dv.kind <> 'group' AND dv.retired_on IS NULL"
        " ORDER BY dv.position, dv.id")]
    return used or division_names(db)


def _clean(names: list[str]) -> list[str]:
    out: list[str] = []
    for raw in names:
        name = " ".join(raw.split())
        if not name or name in out:
            continue
        if len(name) > 40:
            raise InvalidInput("department.long_division", name=name[:20] + "…", length=len(name))
        out.append(name)
    return out


def keep_divisions(w: Writer, names: list[str]) -> SetupResult:
    wanted = _clean(names)
    if not wanted:
        raise InvalidInput("department.no_divisions")
    rows = {r["name"]: r for r in w.db.query("SELECT * FROM division")}
    added, restored, deleted, retired = [], [], [], []
    for name in wanted:
        row = rows.get(name)
        if row is None:
            add_division(w, name)
            added.append(name)
        elif row["retired_on"] is not None:
            restore_division(w, row["id"])
            restored.append(name)
    for name, row in rows.items():
        if name in wanted or row["kind"] == "group" or row["retired_on"] is not None:
            continue
        uses = w.db.scalar(
            "SELECT (SELECT count(*) FROM assignment WHERE division_id = :d)"
            " + (SELECT count(*) FROM subtask WHERE division_id = :d)"
            " + (SELECT count(*) FROM liaison WHERE division_id = :d)"
            " + (SELECT count(*) FROM division WHERE merged_into = :d)"
            " + (SELECT count(*) FROM dispatch_row WHERE division_id = :d)"
            " + (SELECT count(*) FROM supervision_division WHERE division_id = :d)"
            " + (SELECT count(*) FROM unit_alias WHERE division_id = :d)", {"d": row["id"]})
        if uses:
            retire_division(w, row["id"])
            retired.append(name)
        else:
            delete_division(w, row["id"])
            deleted.append(name)
    return SetupResult(tuple(added), tuple(restored), tuple(deleted), tuple(retired))


def setup_department(w: Writer, name: str, short: str = "", divisions: list[str] | None = None) -> SetupResult:
    set_department(w, name, short)
    if divisions is None:
        return SetupResult((), (), (), ())
    return keep_divisions(w, divisions)


def needs_setup(db: Database) -> bool:
    """True until the liaison has said who the database belongs to (first start)."""
    return not get_department(db).configured
