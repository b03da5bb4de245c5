"""Reading the monthly dispatch (月调度): a month's rows and last month's, the months there are.

"Last month" is the last month that was dispatched before this one (started in the app), not
the calendar month before: April after a March without a dispatch carries over from February
and compares with it, and says so (Month.previous_month, Month.skipped).

A month is read with two queries (its rows and last month's), never one per row, so the
month view stays quick on ten years of data. The writes are in services.dispatch, which
re-exports everything here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any

from ..core import dispatch as rules
from ..core import messages
from ..core.errors import NotFound
from ..core.model import Target
from ..storage.database import Database
from ..storage.rows import columns

Key = tuple[int, int, int]  # (indicator, sub-task or 0, division or 0)
_filled = attrgetter(*rules.FILLED)  # what a division reports, for as_dict (two months' rows per load)
ROLE_RANK = {"lead": 0, "responsible": 1, "cooperate": 2}



@dataclass
class DispatchRow:
    id: int
    month: str
    indicator_id: int
    indicator_code: str
    indicator_name: str
    kind: str
    target: Target | None
    subtask_id: int | None
    subtask_name: str
    division_id: int | None
    division_name: str
    status: str
    progress: str
    problems: str
    next_steps: str
    person: str
    numerator: float | None
    denominator: float | None
    value: float | None
    remarks: str
    evidence_count: int = 0

    @property
    def key(self) -> Key:
        return (self.indicator_id, self.subtask_id or 0, self.division_id or 0)

    @property
    def figure(self) -> float | None:
        """The value compared with the target (rate from numerator/denominator, or value)."""
        if self.kind != "quantitative":
            return None
        return rules.effective_value(self.numerator, self.denominator, self.value, self.target)

    @property
    def target_met(self) -> bool | None:
        return rules.target_met(self.figure, self.target)

    @property
    def label(self) -> str:
        name = f"{self.indicator_code} {self.indicator_name}"
        return f"{name} / {self.subtask_name}" if self.subtask_name else name

    def as_dict(self) -> dict[str, Any]:
        values = dict(zip(rules.FILLED, _filled(self)))
        values["key"] = self.key
        return values


@dataclass
class Month:
    month: str
    year: int
    closed_at: str | None
    reopen_reason: str
    rows: list[DispatchRow] = field(default_factory=list)
    # last month's rows by key: their figures and names, but evidence_count is not read (0)
    previous: dict[Key, DispatchRow] = field(default_factory=dict)
    diff: rules.MonthDiff = field(default_factory=rules.MonthDiff)
    previous_month: str | None = None  # the last month dispatched before this one, compared with
    closed_by: str = ""                # 'auto' when closed on its own after its deadline

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def skipped(self) -> list[str]:
        """The calendar months between previous_month and this one that were not dispatched."""
        if self.previous_month is None:
            return []
        out, m = [], rules.next_month(self.previous_month)
        while m < self.month:
            out.append(m)
            m = rules.next_month(m)
        return out

    @property
    def compare_note(self) -> str:
        """'与 2026-02 比较（2026-03 未调度）', '与上月（2026-03）比较', or '' with nothing before."""
        if self.previous_month is None:
            return messages.render("dispatch.no_previous")
        if not self.skipped:
            return messages.render("dispatch.compared_with", {"month": self.previous_month})
        return messages.render("dispatch.compared_over_gap", {"month": self.previous_month, "skipped": self.skipped})


# Each column labelled with the DispatchRow field it fills (the target's four as target_*), read
# by name once per query (storage.rows): no sqlite3.Row per row, no order to keep in step.
_COLUMNS = """r.id AS id, r.month AS month, r.indicator_id AS indicator_id, i.code AS indicator_code,
       i.name AS indicator_name, i.kind AS kind, i.target_op AS target_op, i.target_value AS target_value,
       i.target_unit AS target_unit, i.target_metric AS target_metric, r.subtask_id AS subtask_id,
       coalesce(s.name, '') AS subtask_name, r.division_id AS division_id, coalesce(dv.name, '') AS division_name,
       r.status AS status, r.progress AS progress, r.problems AS problems, r.next_steps AS next_steps,
       r.person AS person, r.numerator AS numerator, r.denominator AS denominator, r.value AS value,
       r.remarks AS remarks"""
_ROW_SQL = f"""
SELECT {_COLUMNS},
       (SELECT count(*) FROM evidence_link l WHERE l.target_kind = 'dispatch_row' AND l.target_id = r.id)
       AS evidence_count
FROM dispatch_row r
JOIN indicator i ON i.id = r.indicator_id
JOIN indicator f ON f.id = i.parent_id
JOIN dimension d ON d.id = i.dimension_id
LEFT JOIN subtask s ON s.id = r.subtask_id
LEFT JOIN division dv ON dv.id = r.division_id
WHERE r.month = ?
ORDER BY d.position, f.position, i.position, coalesce(s.position, 0), r.position, r.id
"""
# Last month's rows are only looked up by key (to compare, and for last month's figures):
# no plan order and no evidence count (left 0), so no sort and no sub-query per row.
_PREVIOUS_SQL = f"""
SELECT {_COLUMNS}, 0 AS evidence_count
FROM dispatch_row r
JOIN indicator i ON i.id = r.indicator_id
LEFT JOIN subtask s ON s.id = r.subtask_id
LEFT JOIN division dv ON dv.id = r.division_id
WHERE r.month = ?
"""
_TARGET = ("target_op", "target_value", "target_unit", "target_metric")  # Target's fields, in its order
_FIELDS = [f.name for f in fields(DispatchRow)]
_HEAD, _TAIL = _FIELDS[:_FIELDS.index("target")], _FIELDS[_FIELDS.index("target") + 1:]
_NAMES = (*_HEAD, *_TARGET, *_TAIL)
_INDICATOR = _NAMES.index("indicator_id")


def _rows(db: Database, sql: str, month: str) -> list[DispatchRow]:
    """DispatchRows of sql's rows, each field from the column labelled with its name; one Target
    per indicator, shared by its rows."""
    targets: dict[int, Target | None] = {}
    out = []
    head, top = len(_HEAD), len(_HEAD) + len(_TARGET)
    for v in columns(db, sql, (month,), _NAMES):
        indicator_id = v[_INDICATOR]
        if indicator_id in targets:
            target = targets[indicator_id]
        else:
            op, value = v[head], v[head + 1]
            target = targets[indicator_id] = Target(*v[head:top]) if op is not None and value is not None else None
        out.append(DispatchRow(*v[:head], target, *v[top:]))  # type: ignore[call-arg]  # _HEAD, _TAIL: its fields
    return out


def list_months(db: Database, year: int | None = None) -> list[dict[str, Any]]:
    sql = ("SELECT m.*, (SELECT count(*) FROM dispatch_row r WHERE r.month = m.month) AS rows"
           " FROM dispatch_month m" + (" WHERE m.year = ?" if year else "") + " ORDER BY m.month")
    return [dict(r) for r in db.query(sql, (year,) if year else ())]


def month_heads(db: Database) -> list[tuple[str, str | None]]:
    """[(month, closed_at or None)] in order: list_months without counting each month's rows
    (which reads every row of ten years), for the month picker."""
    return [(r[0], r[1]) for r in db.query("SELECT month, closed_at FROM dispatch_month ORDER BY month")]


def due_month(db: Database, today: date, heads: list[tuple[str, str | None]] | None = None) -> str:
    """The month whose round is due: the earliest month started and still open (up to this
    month), else the month after the last closed one (if it has come), else this month.
    heads: month_heads(db) when the caller has read them already."""
    this = today.strftime("%Y-%m")
    heads = month_heads(db) if heads is None else heads
    still_open = [m for m, closed in heads if closed is None and m <= this]
    if still_open:
        return still_open[0]
    closed = [m for m, closed_at in heads if closed_at is not None]
    if closed and rules.next_month(max(closed)) <= this:
        return rules.next_month(max(closed))
    return this


def startable_months(db: Database, today: date) -> list[str]:
    """Months that can be started now, oldest first: months of a plan year not started yet,
    from the first month ever started (or January of this year) through next month."""
    years = {r[0] for r in db.query("SELECT year FROM plan_year")}
    started = {m for m, _closed in month_heads(db)}
    last = rules.next_month(today.strftime("%Y-%m"))
    month = min(started) if started else f"{today.year:04d}-01"
    out = []
    while month <= last:
        if int(month[:4]) in years and month not in started:
            out.append(month)
        month = rules.next_month(month)
    return out


def month_head(db: Database, month: str) -> dict[str, Any] | None:
    """The dispatch_month row of month, or None when the month has not been started."""
    row = db.execute("SELECT * FROM dispatch_month WHERE month = ?", (month,)).fetchone()
    return None if row is None else dict(row)


def last_dispatched_before(db: Database, month: str) -> str | None:
    """The latest month before `month` that was dispatched (started), or None."""
    found = db.scalar("SELECT max(month) FROM dispatch_month WHERE month < ?", (month,))
    return str(found) if found else None


def load_month(db: Database, month: str) -> Month:
    month = rules.check_month(month)
    head = db.execute("SELECT m.*, (SELECT max(p.month) FROM dispatch_month p WHERE p.month < m.month) AS before"
                      " FROM dispatch_month m WHERE m.month = ?", (month,)).fetchone()
    if head is None:
        raise NotFound("dispatch.not_started", month=month)
    result = Month(month, head["year"], head["closed_at"], head["reopen_reason"],
                   _rows(db, _ROW_SQL, month), previous_month=head["before"],
                   closed_by=head["closed_by"] or "")
    result.previous = {row.key: row for row in _rows(db, _PREVIOUS_SQL, result.previous_month or "")}
    result.diff = rules.diff_rows([r.as_dict() for r in result.previous.values()],
                                  [r.as_dict() for r in result.rows])
    return result


def planned_rows(db: Database, year: int) -> list[Key]:
    """The rows a month of `year` should have, from the plan: one per sub-task, or else one
    per lead and responsible division of each second-level indicator."""
    units: dict[int, list[tuple[int, str]]] = {}
    for a in db.query("SELECT a.indicator_id, a.division_id, a.role FROM assignment a"
                      " JOIN indicator i ON i.id = a.indicator_id JOIN dimension d ON d.id = i.dimension_id"
                      " WHERE d.year = ? ORDER BY a.position", (year,)):
        units.setdefault(a["indicator_id"], []).append((a["division_id"], a["role"]))
    subtasks: dict[int, list[tuple[int, int | None]]] = {}
    for s in db.query("SELECT s.id, s.indicator_id, s.division_id FROM subtask s JOIN indicator i"
                      " ON i.id = s.indicator_id JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?"
                      " ORDER BY s.position", (year,)):
        subtasks.setdefault(s["indicator_id"], []).append((s["id"], s["division_id"]))
    keys: list[Key] = []
    for ind in db.query("SELECT i.id FROM indicator i JOIN indicator f ON f.id = i.parent_id"
                        " JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?"
                        " ORDER BY d.position, f.position, i.position", (year,)):
        owners = sorted((u for u in units.get(ind["id"], []) if u[1] != "cooperate"),
                        key=lambda u: ROLE_RANK[u[1]])
        if ind["id"] in subtasks:
            for sub_id, division_id in subtasks[ind["id"]]:
                keys.append((ind["id"], sub_id, division_id or (owners[0][0] if owners else 0)))
        elif owners:
            keys.extend((ind["id"], 0, division_id) for division_id, _role in owners)
        else:
            keys.append((ind["id"], 0, 0))
    return keys


def month_json(m: Month) -> dict[str, Any]:
    """The `bizenv dispatch --json` form."""
    return {
        "month": m.month, "closed": m.closed, "closed_by": m.closed_by or None,
        "compared_with": m.previous_month, "skipped": m.skipped, "compare_note": m.compare_note,
        "rows": [{"indicator": r.indicator_code, "indicator_name": r.indicator_name,
                  "division": r.division_name or None, "status": r.status, "progress": r.progress,
                  "problems": r.problems, "next_steps": r.next_steps, "value": r.figure,
                  "target_met": r.target_met} for r in m.rows],
    }


messages.register({
    "dispatch.not_started": ("{month} 的月调度尚未开始。", "The dispatch of {month} has not been started."),
    "dispatch.no_previous": ("此前没有月调度，无可比较的月份", "No earlier dispatch to compare with"),
    "dispatch.compared_with": ("与上月（{month}）比较", "Compared with the previous month ({month})"),
    "dispatch.compared_over_gap": ("与 {month} 比较（{skipped} 未调度）",
                                   "Compared with {month} ({skipped} not dispatched)"),
})
