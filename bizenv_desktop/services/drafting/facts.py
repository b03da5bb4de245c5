"""What the data says as of a period's end, for every report: supervised items with their
status on that day, the divisions that did not report a month, cooperating divisions'
opinions, items flagged for the leaders, counted events, self-evaluations.

An item closed on 10-25 was open on 9-30: a supervised item's status on a day is read from
the dates it reached each status (a missing date counts as reached, unless a later step's date
is after the day). A few queries per call, never one per row.
"""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...core import dispatch as rules
from ...storage.database import Database
from ..dispatch_read import DispatchRow, Month, load_month
from ..events import Event, list_events
from ..form_returns import returned_divisions
from ..self_evaluation import Evaluation, load_evaluations
from ..supervision_read import OPEN_STATUSES, STATUS_DATES, STATUSES
from .words import NOT_REPORTED, quarter_months


# -- supervised items on a day --------------------------------------------------------------

@dataclass
class ItemOnDay:
    id: int
    no: str
    source: str
    content: str
    received_on: str
    deadline: str
    status: str             # its status on the day
    progress: str
    done_on: str
    needs_coordination: bool
    leads: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    days_overdue: int = 0   # on the day; 0 when not overdue

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def overdue(self) -> bool:
        return self.days_overdue > 0


def status_on(row: Mapping[str, Any] | sqlite3.Row, day: str) -> str | None:
    """The status an item had on day (ISO), or None when it was not received yet."""
    dates = [row[STATUS_DATES[s]] or "" for s in STATUSES]
    if dates[0] and dates[0] > day:
        return None
    current = STATUSES.index(row["status"])
    for k in range(current, -1, -1):
        if dates[k] and dates[k] > day:
            continue
        if any(d and d > day for d in dates[1:k]):
            continue
        return STATUSES[k]
    return STATUSES[0]


def supervision_on(db: Database, day: date, since: date | None = None) -> list[ItemOnDay]:
    """Every item received by day, with its status on that day (two queries); with since, only
    those received since then or not finished by then (ten years of closed items are not read)."""
    iso = day.isoformat()
    where, params = "(received_on = '' OR received_on <= ?)", [iso]
    if since is not None:
        where += " AND (received_on = '' OR received_on >= ? OR done_on = '' OR done_on >= ?)"
        params += [since.isoformat()] * 2
    rows = db.query(f"SELECT * FROM supervision_item WHERE {where} ORDER BY deadline = '', deadline, no, id",
                    params)
    units: dict[int, tuple[list[str], list[str]]] = {}
    ids = json.dumps([r["id"] for r in rows])  # the units of those items only, not a second scan of them all
    for item_id, role, name in db.query(
            "SELECT sd.item_id, sd.role, d.name FROM supervision_division sd JOIN division d ON d.id = sd.division_id"
            " WHERE sd.item_id IN (SELECT value FROM json_each(?)) ORDER BY sd.item_id, sd.position, sd.id", (ids,)):
        units.setdefault(item_id, ([], []))[0 if role == "lead" else 1].append(name)
    out = []
    for r in rows:
        status = status_on(r, iso)
        if status is None:
            continue
        late = 0
        if status in OPEN_STATUSES and r["deadline"] and r["deadline"] < iso:
            late = (day - date.fromisoformat(r["deadline"])).days
        leads, coop = units.get(r["id"], ([], []))
        out.append(ItemOnDay(r["id"], r["no"], r["source"], r["content"], r["received_on"], r["deadline"], status,
                             r["progress"], r["done_on"] if r["done_on"] and r["done_on"] <= iso else "",
                             bool(r["needs_coordination"]), leads, coop, late))
    return out


# -- a month's reporting ------------------------------------------------------------------

@dataclass
class MonthFacts:
    month: Month
    divisions: list[str]                    # divisions with rows to report on (no groups)
    not_reported: list[str]                 # divisions that reported nothing (named 未报送)
    silent_ids: set[int]
    opinions: list[tuple[DispatchRow, str, str]]  # (row, cooperating division, its opinion)
    flagged: list[DispatchRow]              # rows flagged as needing the leaders' coordination
    _by_indicator: dict[int, list[DispatchRow]] | None = field(default=None, init=False, repr=False, compare=False)

    def status(self, r: DispatchRow) -> str:
        """The row's status, or 未报送 when its division reported nothing this month."""
        return NOT_REPORTED if r.division_id in self.silent_ids else r.status

    def statuses(self) -> list[str]:
        return [self.status(r) for r in self.month.rows]

    def reported_rows(self) -> list[DispatchRow]:
        return [r for r in self.month.rows if r.division_id not in self.silent_ids]

    def reported_of(self, indicator_id: int) -> list[DispatchRow]:
        """reported_rows() of one indicator, in their order (grouped once: a report asks for each)."""
        if self._by_indicator is None:
            self._by_indicator = {}
            for r in self.reported_rows():
                self._by_indicator.setdefault(r.indicator_id, []).append(r)
        return self._by_indicator.get(indicator_id, [])


_OPINION = re.compile(r"\n(?=【[^】\n]+】)")


def opinions_of(remarks: str) -> list[tuple[str, str]]:
    """(division, text) of each cooperating division's paragraph 【规划处】…… in a row's remarks."""
    out = []
    for part in _OPINION.split(remarks or ""):
        part = part.strip()
        match = re.match(r"【([^】\n]+)】(.*)", part, re.S)
        if match and match.group(2).strip():
            out.append((match.group(1).strip(), " ".join(match.group(2).split())))
    return out


def _filled(r: DispatchRow, m: Month) -> bool | None:
    """Whether the division reported on this row this month: True, False, or None for a
    finished row (its carried-over words say nothing about this month)."""
    if r.status in (rules.DONE, rules.NOT_APPLICABLE):
        return None
    if r.progress.strip():  # progress starts blank each month
        return True
    change = m.diff.changes.get(r.key)
    if change is None:
        return False
    if change.is_new:
        return r.status != rules.NOT_STARTED or any((r.problems, r.next_steps)) or any(
            v is not None for v in (r.numerator, r.denominator, r.value))
    return True


def month_facts(db: Database, month: str | Month) -> MonthFacts:
    m = month if isinstance(month, Month) else load_month(db, month)
    returned = {d.division_id for d in returned_divisions(db, m.month)[0]}
    kinds = {r["id"]: r["kind"] for r in db.query("SELECT id, kind FROM division")}
    by_division: dict[int, list[DispatchRow]] = {}
    for r in m.rows:
        if r.division_id and kinds.get(r.division_id) != "group":
            by_division.setdefault(r.division_id, []).append(r)
    silent = set()
    for d, rows in by_division.items():
        said = [_filled(r, m) for r in rows]
        if d not in returned and True not in said and False in said:
            silent.add(d)
    names = [rows[0].division_name for d, rows in by_division.items() if d in silent]
    opinions = [(r, who, text) for r in m.rows for who, text in opinions_of(r.remarks)]
    flagged_ids = {row[0] for row in db.query(
        "SELECT id FROM dispatch_row WHERE month = ? AND needs_coordination = 1", (m.month,))}
    return MonthFacts(m, [rows[0].division_name for rows in by_division.values()], names, silent, opinions,
                      [r for r in m.rows if r.id in flagged_ids])


def months_with_rows(db: Database, first: str, last: str) -> list[str]:
    """The dispatch months from first through last that have rows, in order (one query)."""
    return [r[0] for r in db.query(
        "SELECT m.month FROM dispatch_month m WHERE m.month BETWEEN ? AND ?"
        " AND EXISTS (SELECT 1 FROM dispatch_row r WHERE r.month = m.month) ORDER BY m.month", (first, last))]


def last_month_of_quarter(db: Database, year: int, quarter: int) -> str | None:
    months = quarter_months(year, quarter)
    found = months_with_rows(db, months[0], months[-1])
    return found[-1] if found else None


# -- events and self-evaluation -------------------------------------------------------------

EVENT_WORDS = {"commendation": ("通报表扬", "次"), "media": ("媒体宣传报道", "篇"), "briefing": ("简报刊发", "期"),
               "promotion": ("全省推广经验介绍", "次")}


def events_between(db: Database, first: date, last: date) -> list[Event]:
    out: list[Event] = []
    for year in range(first.year, last.year + 1):
        out += [e for e in list_events(db, year) if first.isoformat() <= e.date <= last.isoformat()]
    return out


def event_phrase(events: Iterable[Event]) -> str:
    """'通报表扬1次、媒体宣传报道3篇' (kinds without events left out), '' when none."""
    counts: dict[str, int] = {}
    for e in events:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    return "、".join(f"{EVENT_WORDS[k][0]}{counts[k]}{EVENT_WORDS[k][1]}" for k in EVENT_WORDS if counts.get(k))


def evaluations(db: Database, year: int, quarter: int | None) -> list[Evaluation]:
    return load_evaluations(db, year, [f"{year}Q{quarter}" if quarter else str(year)])
