"""The dashboard (看板): where the year stands, one function per panel.

Each function reads what its panel shows in a fixed handful of queries (aggregated in
SQL where it can be), never one per indicator, month or division, so the dashboard
stays quick on a file holding ten years of monthly dispatch.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from ..core import dispatch as rules
from ..core.model import Target
from ..storage.database import Database
from .deadlines import Deadline, list_deadlines

# The most urgent status a cell of the grid shows when several rows (divisions, sub-tasks)
# report on one indicator in a month: one late division makes the indicator late.
URGENCY = (rules.LATE, rules.NOT_STARTED, rules.IN_PROGRESS, rules.DONE, rules.NOT_APPLICABLE)
SUPERVISION_STATUSES = ("待签收", "办理中", "已办结", "已报结", "已销号")
OPEN_SUPERVISION = ("待签收", "办理中")
OVERDUE = "overdue"

IndicatorHead = tuple[int, str, str]  # (id, code, name)
Series = tuple[str, str, Target, list[tuple[str, float | None]]]


def year_months(year: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(1, 13)]


def _second_level(db: Database, year: int, kind: str | None = None) -> list[Any]:
    """Second-level indicators of a year in plan order (one query)."""
    sql = ("SELECT i.id, i.code, i.name, i.target_op, i.target_value, i.target_unit, i.target_metric"
           " FROM indicator i JOIN indicator f ON f.id = i.parent_id JOIN dimension d ON d.id = i.dimension_id"
           " WHERE d.year = ?" + (" AND i.kind = ?" if kind else "") +
           " ORDER BY d.position, f.position, i.position, i.id")
    return db.query(sql, (year, kind) if kind else (year,))


def status_grid(db: Database, year: int) -> tuple[list[IndicatorHead], list[str], dict[tuple[int, str], str | None]]:
    """(indicators, the year's twelve months, {(indicator id, month): most urgent status}).

    A cell is None when the month has no row for the indicator (month not started, or the
    indicator was added later). Two queries whatever the size of the file.
    """
    indicators = [(r["id"], r["code"], r["name"]) for r in _second_level(db, year)]
    months = year_months(year)
    rank_sql = " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(URGENCY))
    urgent = {(r["indicator_id"], r["month"]): URGENCY[r["rank"]] for r in db.query(
        f"SELECT indicator_id, month, min(CASE status {rank_sql} END) AS rank FROM dispatch_row"
        " WHERE month BETWEEN ? AND ? GROUP BY indicator_id, month", (months[0], months[-1]))}
    cells: dict[tuple[int, str], str | None] = {
        (ind_id, month): urgent.get((ind_id, month)) for ind_id, _code, _name in indicators for month in months}
    return indicators, months, cells


def month_end(month: str) -> date:
    year, mon = int(month[:4]), int(month[5:7])
    return date(year, mon, calendar.monthrange(year, mon)[1])


def late_by_division(db: Database, month: str, today: date | None = None) -> list[tuple[str, int, int]]:
    """[(division name, late (滞后) dispatch rows of the month, overdue supervised items it leads)].

    An item counts as overdue when, on the month's last day (or today, if that comes first),
    its deadline had passed and it was not yet 办结: still open, or 办结 only later.
    Only divisions with something late are listed, the most late first; '' stands for
    rows without a division. Three queries.
    """
    month = rules.check_month(month)
    as_of = min(month_end(month), today or date.today()).isoformat()
    late: dict[int | None, int] = {r[0]: r[1] for r in db.query(
        "SELECT division_id, count(*) FROM dispatch_row WHERE month = ? AND status = ? GROUP BY division_id",
        (month, rules.LATE))}
    marks = ", ".join("?" * len(OPEN_SUPERVISION))
    overdue: dict[int | None, int] = {r[0]: r[1] for r in db.query(
        "SELECT sd.division_id, count(*) FROM supervision_division sd"
        " JOIN supervision_item s ON s.id = sd.item_id"
        " WHERE sd.role = 'lead' AND s.deadline != '' AND s.deadline < ?"
        f" AND (s.status IN ({marks}) OR s.done_on > ?) GROUP BY sd.division_id",
        (as_of, *OPEN_SUPERVISION, as_of))}
    divisions = {r["id"]: (r["name"], r["position"]) for r in db.query("SELECT id, name, position FROM division")}
    result = []
    for division_id in set(late) | set(overdue):
        name, position = divisions.get(division_id, ("", 1 << 30)) if division_id else ("", 1 << 30)
        result.append((late.get(division_id, 0), overdue.get(division_id, 0), position, name))
    result.sort(key=lambda r: (-(r[0] + r[1]), -r[0], r[2], r[3]))
    return [(name, n_late, n_overdue) for n_late, n_overdue, _pos, name in result]


def _worst(values: list[float], target: Target) -> float:
    """The least favourable of several divisions' figures for one indicator and month.

    The indicator is only met when every reporting division meets it, so the dashboard shows
    the weakest figure: for the usual "≥ x %" targets that is the lowest value (a higher one
    would show the target met while a division is still below it); for "≤" targets, where a
    smaller figure is better, it is the highest.
    """
    return max(values) if target.op in ("<=", "<") else min(values)


def quantitative_series(db: Database, year: int) -> list[Series]:
    """[(code, name, target, [(month, figure or None) for the twelve months])] of the year's
    quantitative indicators; a figure follows DispatchRow.figure (the rate from numerator and
    denominator when both are given, else the value). Two queries."""
    months = year_months(year)
    heads = _second_level(db, year, "quantitative")
    targets = {r["id"]: Target(r["target_op"], r["target_value"], r["target_unit"], r["target_metric"])
               for r in heads}
    figures: dict[tuple[int, str], list[float]] = {}
    for r in db.query(
            "SELECT r.indicator_id, r.month, r.numerator, r.denominator, r.value FROM dispatch_row r"
            " JOIN indicator i ON i.id = r.indicator_id"
            " WHERE r.month BETWEEN ? AND ? AND i.kind = 'quantitative'", (months[0], months[-1])):
        target = targets.get(r["indicator_id"])
        if target is None:
            continue
        figure = rules.effective_value(r["numerator"], r["denominator"], r["value"], target)
        if figure is not None:
            figures.setdefault((r["indicator_id"], r["month"]), []).append(figure)
    out: list[Series] = []
    for h in heads:
        target = targets[h["id"]]
        points = [(m, _worst(figures[(h["id"], m)], target) if (h["id"], m) in figures else None) for m in months]
        out.append((h["code"], h["name"], target, points))
    return out


def supervision_by_status(db: Database, today: date) -> dict[str, int]:
    """{status: number of supervised items, …, 'overdue': open items past their deadline}. One query."""
    counts = dict.fromkeys((*SUPERVISION_STATUSES, OVERDUE), 0)
    marks = ", ".join("?" * len(OPEN_SUPERVISION))
    for r in db.query(
            "SELECT status, count(*) AS n, coalesce(sum(deadline != '' AND deadline < ?"
            f" AND status IN ({marks})), 0) AS late FROM supervision_item GROUP BY status",
            (today.isoformat(), *OPEN_SUPERVISION)):
        counts[r["status"]] = r["n"]
        counts[OVERDUE] += r["late"]
    return counts


def next_deadlines(db: Database, today: date, n: int = 8, days: int = 366, look_back: int = 60) -> list[Deadline]:
    """The open deadlines that are overdue (within the last look_back days, as the 待办 panel
    lists them) and then the next ones (within `days`), n in all, by date: the overdue ones
    first, never left out to make room."""
    items = [d for d in list_deadlines(db, today - timedelta(days=look_back), today + timedelta(days=days))
             if not d.done_on]
    overdue = [d for d in items if d.overdue(today)]
    return overdue + [d for d in items if not d.overdue(today)][:max(0, n - len(overdue))]
