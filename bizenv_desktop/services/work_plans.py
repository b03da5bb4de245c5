"""Division work plans (四（二）各处室…形成工作方案): for each year, which divisions owe a
工作方案, by when, when it came in, and the file (evidence kind 'work_plan').

Who owes one: every division (not a group, not retired) that leads or answers for an indicator
of the year, unless the liaison marks it as not owing; any other division the liaison adds.
A row in work_plan exists only once something was recorded (owing changed, due date set,
received). The default due date is the last working day on or before the setting
workplan.due (MM-DD, default 03-31) of the year. Missing plans make a 待办 deadline
(deadlines.py) and a line of the chase list (chase_line). No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.database import Database
from ..core.workdays import WorkCalendar
from .calendar import load_calendar
from .lookup import iso_date, require_year
from .settings_store import get_setting

if TYPE_CHECKING:  # the writer only in annotations: reading needs no storage.changes
    from ..storage.changes import Writer

messages.register({
    "workplan.no_division": ("处室 {division_id} 不存在（可能已被删除）。",
                             "Division {division_id} does not exist (it may have been deleted)."),
    "workplan.group": ("“{name}”是处室组，不是一个处室，不能单独报送工作方案。",
                       "“{name}” is a group of divisions, not one division; it cannot hand in a work plan."),
    "workplan.bad_due": ("设置中的工作方案报送期限“{value}”无效，应为 月-日，例如 03-31。",
                         "The work-plan deadline in the settings, “{value}”, is not valid; write it as MM-DD, e.g. "
                         "03-31."),
    "workplan.not_owed": ("{name}不在 {year} 年度须报送工作方案的处室之列；如需登记，请先把它设为须报送。",
                          "{name} is not among the divisions that owe a {year} work plan; mark it as owing first."),
    "workplan.not_received": ("{name}的 {year} 年度工作方案尚未收到，无需撤销。",
                              "{name}'s {year} work plan has not been received; there is nothing to undo."),
    "field.received_on": ("收到日期", "the date received"),
    "field.due_on": ("报送期限", "the deadline"),
})


@dataclass(frozen=True)
class WorkPlan:
    year: int
    division_id: int
    division: str
    owes: bool
    due_on: str
    received_on: str
    title: str
    note: str
    evidence_count: int
    row_id: int | None  # None while nothing was recorded for the division

    @property
    def missing(self) -> bool:
        return self.owes and not self.received_on

    def as_json(self) -> dict[str, Any]:
        return {"division": self.division, "owes": self.owes, "due_on": self.due_on or None,
                "received_on": self.received_on or None, "title": self.title, "note": self.note,
                "evidence_count": self.evidence_count, "missing": self.missing}


def default_due(db: Database, year: int, calendar: WorkCalendar | None = None, setting: str | None = None) -> str:
    """The last working day on or before the setting workplan.due (MM-DD) of the year."""
    text = setting if setting is not None else str(get_setting(db, "workplan.due"))
    try:
        day = date.fromisoformat(f"{year:04d}-{text}")
    except ValueError:
        raise InvalidInput("workplan.bad_due", value=text) from None
    return (calendar or load_calendar(db)).last_workday_on_or_before(day).day.isoformat()


def list_work_plans(db: Database, year: int, include_not_owed: bool = False) -> list[WorkPlan]:
    """The divisions owing a work plan in the year (and, if asked, those marked as not owing),
    in division order, with what was recorded."""
    return work_plans_of_years(db, [year], include_not_owed=include_not_owed).get(year, [])


def work_plans_of_years(db: Database, years: list[int], calendar: WorkCalendar | None = None,
                        include_not_owed: bool = False) -> dict[int, list[WorkPlan]]:
    """list_work_plans for several years at once, in four queries whatever their number;
    years with no plan (no owing division) are left out."""
    if not years:
        return {}
    marks = ", ".join("?" * len(years))
    names: dict[int, tuple[int, str]] = {}  # division id -> (position, name), of the divisions concerned
    planned: dict[int, set[int]] = {}
    for r in db.query(
            "SELECT DISTINCT d.year, a.division_id, dv.name, dv.position FROM assignment a"
            " JOIN indicator i ON i.id = a.indicator_id JOIN dimension d ON d.id = i.dimension_id"
            " JOIN division dv ON dv.id = a.division_id"
            f" WHERE d.year IN ({marks}) AND a.role IN ('lead', 'responsible') AND dv.kind != 'group'"
            " AND dv.retired_on IS NULL", years):
        planned.setdefault(r["year"], set()).add(r["division_id"])
        names[r["division_id"]] = (r["position"], r["name"])
    rows: dict[int, dict[int, Any]] = {}
    for r in db.query(
            "SELECT w.*, dv.name, dv.position, (SELECT count(*) FROM evidence_link l WHERE l.target_kind = 'work_plan'"
            " AND l.target_id = w.id) AS evidence_count FROM work_plan w JOIN division dv ON dv.id = w.division_id"
            f" WHERE w.year IN ({marks})", years):
        rows.setdefault(r["year"], {})[r["division_id"]] = r
        names[r["division_id"]] = (r["position"], r["name"])
    order = sorted(names, key=lambda d: (names[d][0], d))
    setting = str(get_setting(db, "workplan.due")) if planned or rows else ""
    out: dict[int, list[WorkPlan]] = {}
    for year in years:
        if year not in planned and year not in rows:
            continue
        due = default_due(db, year, calendar, setting)
        plans = []
        for d in order:
            got = rows.get(year, {}).get(d)
            owes = bool(got["owes"]) if got is not None else d in planned.get(year, set())
            if got is None and d not in planned.get(year, set()):
                continue
            if not owes and (got is None or not include_not_owed):
                continue
            plans.append(WorkPlan(year, d, names[d][1], owes, (got["due_on"] if got is not None else "") or due,
                                  got["received_on"] if got is not None else "", got["title"] if got is not None else "",
                                  got["note"] if got is not None else "", got["evidence_count"] if got is not None else 0,
                                  got["id"] if got is not None else None))
        out[year] = plans
    return out


def _planned(db: Database, year: int) -> set[int]:
    return {r[0] for r in db.query(
        "SELECT DISTINCT a.division_id FROM assignment a JOIN indicator i ON i.id = a.indicator_id"
        " JOIN dimension d ON d.id = i.dimension_id JOIN division dv ON dv.id = a.division_id"
        " WHERE d.year = ? AND a.role IN ('lead', 'responsible') AND dv.kind != 'group' AND dv.retired_on IS NULL",
        (year,))}


def missing(db: Database, year: int) -> list[WorkPlan]:
    return [p for p in list_work_plans(db, year) if p.missing]


def _division(w: Writer, division_id: int) -> dict[str, Any]:
    row = w.get("division", division_id)
    if row is None:
        raise NotFound("workplan.no_division", division_id=division_id)
    if row["kind"] == "group":
        raise InvalidInput("workplan.group", name=row["name"])
    return row


def _row(w: Writer, year: int, division_id: int) -> int:
    """The work_plan row of the division and year, made (owing as planned) when there is none."""
    require_year(w.db, year)
    _division(w, division_id)
    existing = w.db.scalar("SELECT id FROM work_plan WHERE year = ? AND division_id = ?", (year, division_id))
    if existing is not None:
        return int(existing)
    return int(w.insert("work_plan", {"year": year, "division_id": division_id,
                                      "owes": int(division_id in _planned(w.db, year))}))


def set_owes(w: Writer, year: int, division_id: int, owes: bool) -> None:
    w.update("work_plan", _row(w, year, division_id), {"owes": int(bool(owes))})


def set_due(w: Writer, year: int, due_on: str, division_id: int | None = None) -> int:
    """Set the deadline of one division's plan, or of every owing division's; returns how many."""
    day = iso_date(due_on, "field.due_on", required=True)
    targets = [division_id] if division_id is not None else [p.division_id for p in list_work_plans(w.db, year)]
    for d in targets:
        w.update("work_plan", _row(w, year, d), {"due_on": day})
    return len(targets)


def receive(w: Writer, year: int, division_id: int, on: str | date | None = None, title: str = "",
            note: str = "", file: str | Path | None = None, db_path: str | Path | None = None,
            today: date | None = None) -> int:
    """Record that the division's work plan came in (default today), optionally with its file."""
    row_id = _row(w, year, division_id)
    row = w.get("work_plan", row_id) or {}
    if not row.get("owes"):
        raise InvalidInput("workplan.not_owed", name=_division(w, division_id)["name"], year=year)
    day = iso_date(on, "field.received_on") or (today or date.today()).isoformat()
    values = {"received_on": day}
    if title.strip():
        values["title"] = title.strip()
    if note.strip():
        values["note"] = note.strip()
    w.update("work_plan", row_id, values)
    if file is not None:
        from .evidence import attach

        attach(w, db_path if db_path is not None else w.db.path, file, "work_plan", row_id)
    return row_id


def unreceive(w: Writer, year: int, division_id: int) -> None:
    row_id = w.db.scalar("SELECT id FROM work_plan WHERE year = ? AND division_id = ? AND received_on != ''",
                         (year, division_id))
    if row_id is None:
        raise InvalidInput("workplan.not_received", name=_division(w, division_id)["name"], year=year)
    w.update("work_plan", row_id, {"received_on": ""})


def chase_line(db: Database, year: int, overdue_on: date | None = None) -> str:
    """'2026 年度工作方案未交（截止 2026-03-31）：规划处、审批办' or '' when none is missing;
    overdue_on: only the plans whose deadline has passed by then (the month's 催报名单)."""
    late = missing(db, year)
    if overdue_on is not None:
        late = [p for p in late if p.due_on and p.due_on < overdue_on.isoformat()]
    if not late:
        return ""
    due = min(p.due_on for p in late)
    return messages.render("workplan.chase_line", {"year": year, "due": due,
                                                   "names": [p.division for p in late]})  # 、 or ", "


messages.register({
    "workplan.chase_line": ("{year} 年度工作方案未交（截止 {due}）：{names}",
                            "{year} work plans not yet in (due {due}): {names}"),
    "workplan.deadline": ("各处室 {year} 年度工作方案（未交 {count} 个：{names}）",
                          "Divisions' {year} work plans ({count} not yet in: {names})"),
    "workplan.deadline_done": ("各处室 {year} 年度工作方案（已全部收到）", "Divisions' {year} work plans (all received)"),
})
