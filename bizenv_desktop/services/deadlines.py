"""Every date the liaison must meet, generated from the plan, the calendar and the ledgers.

Kinds: monthly_dispatch (last working day of each month), leadership_quarterly_report
(last working day of each quarter, 每季度末向厅主要领导汇报), provincial_quarterly_report
(5th working day of each quarter, about the previous quarter, to the superior office:
省软环境办 unless the liaison set another, services/department.py), subtask,
supervision, supervision_feedback (the due dates of an item's 反馈周期), work_plan (the
divisions' work plans of a year, 四（二）) and liaison_report (a liaison change reported within
one working day; an unreported change stays listed, overdue, until its report is recorded).
A deadline is done when its work is done (month closed, item closed, change reported) or
when the user marks it done (deadline_done, optionally with a file).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import messages
from ..core.errors import InvalidInput
from ..core.workdays import WorkCalendar, month_end, quarter_end, quarter_start
from ..storage.database import Database
from .calendar import load_calendar

if TYPE_CHECKING:  # the writer only in annotations: reading needs no storage.changes
    from ..storage.changes import Writer

CLOSED_SUPERVISION = ("已办结", "已报结", "已销号")

# the titles are generated in the language of the messages (the UI's, or the CLI's --lang)
messages.register({
    "deadline.monthly": ("{month} 月调度", "Monthly dispatch {month}"),
    "deadline.leadership": ("{year}年{quarter}工作情况向{office}主要领导汇报",
                            "Report on {quarter} {year} to the principal leaders of the {office}"),
    # how the department's leaders are named: 厅 of 我厅, 局 of 我局 … (services/department.py)
    "deadline.office_ting": ("厅", "department"), "deadline.office_ju": ("局", "bureau"),
    "deadline.office_wei": ("委", "commission"), "deadline.office_ban": ("办", "office"),
    "deadline.office_yuan": ("院", "institute"), "deadline.office_shu": ("署", "administration"),
    "deadline.office_hui": ("会", "association"), "deadline.office_bu": ("部", "ministry"),
    "deadline.office_unit": ("单位", "unit"),
    "deadline.provincial": ("向{office}报送{year}年{quarter}重点工作任务推进落实情况",
                            "Report to {office} on the key tasks of {quarter} {year}"),
    # the superior office until the liaison names another (services/department.py)
    "deadline.superior_default": ("省软环境办", "the provincial soft-environment office"),
    "deadline.quarter1": ("第一季度", "Q1"),
    "deadline.quarter2": ("第二季度", "Q2"),
    "deadline.quarter3": ("第三季度", "Q3"),
    "deadline.quarter4": ("第四季度", "Q4"),
    "deadline.subtask": ("子任务：{name}", "Sub-task: {name}"),
    "deadline.subtask_of": ("子任务：{name}（{division}）", "Sub-task: {name} ({division})"),
    "deadline.supervision": ("督办事项 {no}：{title}", "Supervised item {no}: {title}"),
    "deadline.feedback": ("督办事项 {no} 定期反馈：{title}", "Supervised item {no}, periodic feedback: {title}"),
    "deadline.liaison": ("联络员变更报备：{name}", "Report the liaison change: {name}"),
    "deadline.bad_key": ("无效的待办标识：{key}", "Not a valid to-do key: {key}"),
    "deadline.no_db_path": ("附加文件需要数据库位置。", "Attaching a file needs the database's location."),
})


@dataclass(frozen=True)
class Deadline:
    kind: str
    key: str          # stable identity, used to mark it done
    title: str
    due: date
    period: str | None
    confirmed: bool   # False when the date rests on a year the calendar does not know
    done_on: str = ""  # '' while open

    def overdue(self, today: date) -> bool:
        return not self.done_on and self.due < today

    def as_json(self, today: date) -> dict[str, Any]:
        return {"kind": self.kind, "title": self.title, "due": self.due.isoformat(), "period": self.period,
                "overdue": self.overdue(today), "confirmed": self.confirmed}


def _quarters(first: date, last: date) -> list[tuple[int, int]]:
    out, year, q = [], first.year, (first.month - 1) // 3 + 1
    while (year, q) <= (last.year, (last.month - 1) // 3 + 1):
        out.append((year, q))
        year, q = (year + 1, 1) if q == 4 else (year, q + 1)
    return out


_OFFICE_IDS = {"厅": "deadline.office_ting", "局": "deadline.office_ju", "委": "deadline.office_wei",
               "办": "deadline.office_ban", "院": "deadline.office_yuan", "署": "deadline.office_shu",
               "会": "deadline.office_hui", "部": "deadline.office_bu"}


def office_word(short: str) -> str:
    """The message id naming the department's leaders' office: 我厅 -> 厅, 我局 -> 局, else 单位."""
    return _OFFICE_IDS.get(short.removeprefix("我"), "deadline.office_unit")


def superior_word(db: Database) -> str:
    """The superior office as the 待办 list names it: its short name once the liaison set it,
    else the message id of the default (translated in English)."""
    from .department import get_superior

    superior = get_superior(db)
    return superior.short if superior.configured else "deadline.superior_default"


def _plan_deadlines(cal: WorkCalendar, first: date, last: date,
                    office: str = "deadline.office_ting", superior: str = "deadline.superior_default"
                    ) -> list[Deadline]:
    """office: a message id naming whose principal leaders the quarterly report goes to;
    superior: the office the provincial report goes to (superior_word)."""
    out: list[Deadline] = []
    for year, q in _quarters(first - timedelta(days=100), last + timedelta(days=100)):
        for mon in range(3 * q - 2, 3 * q + 1):
            due = cal.last_workday_on_or_before(month_end(year, mon))
            month = f"{year}-{mon:02d}"
            out.append(Deadline("monthly_dispatch", f"monthly_dispatch:{month}",
                                messages.render("deadline.monthly", {"month": month}), due.day, month,
                                due.confirmed))
        end = cal.last_workday_on_or_before(quarter_end(year, q))
        out.append(Deadline("leadership_quarterly_report", f"leadership_quarterly_report:{year}Q{q}",
                            messages.render("deadline.leadership", {"year": year, "quarter": f"deadline.quarter{q}",
                                                             "office": office}),
                            end.day, f"{year}Q{q}", end.confirmed))
        prev_year, prev_q = (year - 1, 4) if q == 1 else (year, q - 1)
        fifth = cal.nth_workday_from(quarter_start(year, q), 5)
        out.append(Deadline("provincial_quarterly_report", f"provincial_quarterly_report:{prev_year}Q{prev_q}",
                            messages.render("deadline.provincial",
                                            {"year": prev_year, "quarter": f"deadline.quarter{prev_q}",
                                             "office": superior}),
                            fifth.day, f"{prev_year}Q{prev_q}", fifth.confirmed))
    return out


def _record_deadlines(db: Database, cal: WorkCalendar, first: date, last: date) -> list[Deadline]:
    """Deadlines of sub-tasks, supervised items and liaison changes that can fall in first..last
    (rows outside the range are left in the database: thousands of closed items are not read)."""
    out: list[Deadline] = []
    span = (first.isoformat(), last.isoformat())
    for r in db.query(
            "SELECT s.id, s.name, s.deadline, coalesce(dv.name, '') AS division,"
            " (SELECT r.status FROM dispatch_row r WHERE r.subtask_id = s.id ORDER BY r.month DESC LIMIT 1)"
            " AS last_status, (SELECT max(r.month) FROM dispatch_row r WHERE r.subtask_id = s.id"
            " AND r.status = '已完成') AS done_month"
            " FROM subtask s LEFT JOIN division dv ON dv.id = s.division_id"
            " WHERE s.deadline != '' AND s.deadline BETWEEN ? AND ?", span):
        done = f"{r['done_month']}" if r["last_status"] == "已完成" else ""
        title = (messages.render("deadline.subtask_of", {"name": r["name"], "division": r["division"]})
                 if r["division"] else messages.render("deadline.subtask", {"name": r["name"]}))
        out.append(Deadline("subtask", f"subtask:{r['id']}", title,
                            date.fromisoformat(r["deadline"]), None, True, done))
    for r in db.query("SELECT id, no, content, deadline, status, done_on FROM supervision_item"
                      " WHERE deadline != '' AND deadline BETWEEN ? AND ?", span):
        done = (r["done_on"] or r["status"]) if r["status"] in CLOSED_SUPERVISION else ""
        title = r["content"] if len(r["content"]) <= 40 else r["content"][:39] + "…"
        out.append(Deadline("supervision", f"supervision:{r['id']}",
                            messages.render("deadline.supervision", {"no": r["no"], "title": title}),
                            date.fromisoformat(r["deadline"]), None, True, done))
    # reported one working day after the start: 20 calendar days cover the longest holiday;
    # a change not yet reported is listed whenever it started, until its report is recorded
    for r in db.query("SELECT id, name, start_date, reported_on FROM liaison WHERE start_date BETWEEN ? AND ?"
                      " OR (reported_on = '' AND start_date <= ?)",
                      ((first - timedelta(days=20)).isoformat(), last.isoformat(), last.isoformat())):
        due = cal.add_workdays(date.fromisoformat(r["start_date"]), 1)
        out.append(Deadline("liaison_report", f"liaison_report:{r['id']}",
                            messages.render("deadline.liaison", {"name": r["name"]}),
                            due.day, None, due.confirmed, r["reported_on"]))
    out += _issue16_deadlines(db, cal, first, last)
    return out


def _issue16_deadlines(db: Database, cal: WorkCalendar, first: date, last: date) -> list[Deadline]:
    """Feedback due dates of supervised items and the divisions' work plans."""
    from . import supervision_watch, work_plans

    out: list[Deadline] = []
    for item_id, no, content, dated, done in supervision_watch.feedback_deadlines(db, cal, first, last):
        title = content if len(content) <= 30 else content[:29] + "…"
        out.append(Deadline("supervision_feedback", f"supervision_feedback:{item_id}:{dated.day.isoformat()}",
                            messages.render("deadline.feedback", {"no": no, "title": title}), dated.day, None,
                            dated.confirmed, done))
    for year, every in work_plans.work_plans_of_years(db, list(range(first.year - 1, last.year + 1)), cal).items():
        plans = [p for p in every if p.owes]
        if not plans:
            continue
        late = [p for p in plans if p.missing]
        due = date.fromisoformat(min(p.due_on for p in (late or plans)))
        done = "" if late else max(p.received_on for p in plans)
        names = "、".join(p.division for p in late[:6]) + ("等" if len(late) > 6 else "")
        title = (messages.render("workplan.deadline", {"year": year, "count": len(late), "names": names})
                 if late else messages.render("workplan.deadline_done", {"year": year}))
        out.append(Deadline("work_plan", f"work_plan:{year}", title, due, str(year), True, done))
    return out


def list_deadlines(db: Database, first: date, last: date) -> list[Deadline]:
    """Every deadline due from first through last, by date (a handful of queries in all)."""
    cal = load_calendar(db)
    marked = {r["key"]: r["done_on"] for r in db.query("SELECT key, done_on FROM deadline_done")}
    closed = {r["month"]: r["closed_at"][:10] for r in
              db.query("SELECT month, closed_at FROM dispatch_month WHERE closed_at IS NOT NULL")}
    years = {r[0] for r in db.query("SELECT year FROM plan_year")}
    items = []
    from .department import get_department

    office = office_word(get_department(db).short)
    for d in _plan_deadlines(cal, first, last, office, superior_word(db)) + _record_deadlines(db, cal, first, last):
        if not first <= d.due <= last and not (d.kind == "liaison_report" and not d.done_on and d.due < first):
            continue  # (an unreported liaison change stays listed, however long ago it was due)
        if d.period and int(d.period[:4]) not in years:  # a period with no plan year: not ours to report
            continue
        done = d.done_on or marked.get(d.key, "")
        if not done and d.kind == "monthly_dispatch":
            done = closed.get(d.period or "", "")
        items.append(Deadline(d.kind, d.key, d.title, d.due, d.period, d.confirmed, done))
    return sorted(items, key=lambda d: (d.due, d.kind, d.key))


def warning_of(d: Deadline, today: date, cal: WorkCalendar, yellow: int, red: int) -> str:
    """黄/红 for an open supervision deadline (or feedback date) near or past, else ''."""
    if d.done_on or d.kind not in ("supervision", "supervision_feedback"):
        return ""
    from .supervision_watch import level_for

    left = -1 if d.due < today else cal.workdays_between(today, d.due)
    return level_for(left, yellow, red)


def due_report(db: Database, today: date, days: int = 45) -> dict[str, Any]:
    """The `bizenv due --json` form: every deadline from today-days through today+days;
    supervised items' deadlines carry their warning level (黄/红, or null)."""
    from .supervision_watch import levels

    items = list_deadlines(db, today - timedelta(days=days), today + timedelta(days=days))
    cal, (yellow, red) = load_calendar(db), levels(db)
    return {"today": today.isoformat(),
            "items": [{**d.as_json(today), "warning": warning_of(d, today, cal, yellow, red) or None}
                      for d in items]}


def reminders(db: Database, today: date, workdays: int = 5,
              look_back: int = 60) -> tuple[list[Deadline], list[Deadline]]:
    """(overdue within the last look_back days, due within the next `workdays` working days)."""
    cal = load_calendar(db)
    horizon = cal.add_workdays(today, workdays).day
    items = list_deadlines(db, today - timedelta(days=look_back), horizon)
    overdue = [d for d in items if d.overdue(today)]
    soon = [d for d in items if not d.done_on and today <= d.due <= horizon]
    return overdue, soon


def mark_done(w: Writer, key: str, done_on: str = "", note: str = "", file: str | Path | None = None,
              db_path: str | Path | None = None) -> None:
    """Record that a deadline was met: when, and optionally with which file (kept as evidence)."""
    if not key or ":" not in key:
        raise InvalidInput("deadline.bad_key", key=key)
    from .plan_edit import check_date  # here: plan_edit loads the plan model, which reading the deadlines never needs

    day = check_date(done_on, "field.done_on") or date.today().isoformat()
    evidence_id = None
    if file is not None:
        from .evidence import store_evidence

        if db_path is None:
            raise InvalidInput("deadline.no_db_path")
        evidence_id, _new = store_evidence(w, db_path, file)
    existing = w.db.scalar("SELECT id FROM deadline_done WHERE key = ?", (key,))
    values = {"key": key, "done_on": day, "note": note.strip(), "evidence_id": evidence_id}
    if existing is None:
        w.insert("deadline_done", values)
    else:
        w.update("deadline_done", existing, values)


def unmark_done(w: Writer, key: str) -> None:
    existing = w.db.scalar("SELECT id FROM deadline_done WHERE key = ?", (key,))
    if existing is not None:
        w.delete("deadline_done", existing)
