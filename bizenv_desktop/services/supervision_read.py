"""Reading the 交办督办事项台账: the items with their divisions, overdue flags and counts.

list_items is two queries whatever the number of items (items, then their divisions);
counts is one query plus the working-day calendar. Writing is in services.supervision,
which re-exports everything here.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from ..core.errors import NotFound
from ..storage.database import Database
from ..storage.rows import columns
from .calendar import load_calendar
from .department import DEFAULT_SUPERIOR, get_superior

if TYPE_CHECKING:
    from ..storage.changes import Writer

OTHER_SOURCES = ("明察暗访", "投诉", "领导批示", "会议议定", "其他")
# with the default superior office; sources(db) gives them with the one the liaison set
SOURCES = (*DEFAULT_SUPERIOR.sources, *OTHER_SOURCES)
COMPLAINT = "投诉"
STATUSES = ("待签收", "办理中", "已办结", "已报结", "已销号")
STATUS_DATES = {"待签收": "received_on", "办理中": "signed_on", "已办结": "done_on",
                "已报结": "reported_on", "已销号": "closed_on"}
OPEN_STATUSES = STATUSES[:2]   # still being handled: can be overdue
DONE_STATUSES = STATUSES[2:]
DUE_SOON_WORKDAYS = 5
# the stored columns SupervisionItem holds (list_items reads them by name, storage.rows)
# what full ledgers carry besides (督办内容及要求, 督办类型, 紧急程度, 分管领导, 反馈周期, 完成进度, 催办次数)
LEDGER_FIELDS = ("requirements", "supervision_type", "urgency", "leader", "feedback_cycle", "completion", "urge_count")
ITEM_COLUMNS = ("i.id, i.no, i.source, i.received_on, i.content, i.deadline, i.deadline_text, i.progress, i.status,"
                " i.signed_on, i.done_on, i.reported_on, i.closed_on, i.closure_report, i.complaint_verified,"
                " i.accountability, i.note, " + ", ".join(f"i.{f}" for f in LEDGER_FIELDS))
SEARCHED = ("i.no", "i.source", "i.content", "i.deadline_text", "i.progress", "i.closure_report",
            "i.accountability", "i.note", "i.requirements", "i.leader")


@dataclass(frozen=True)
class SupervisionItem:
    id: int
    no: str
    source: str
    received_on: str
    content: str
    deadline: str           # ISO date or '' (read from deadline_text when that is set)
    deadline_text: str      # the deadline as written when it is not a plain date, else ''
    progress: str
    status: str
    signed_on: str
    done_on: str
    reported_on: str
    closed_on: str
    closure_report: str
    complaint_verified: bool
    accountability: str
    note: str
    lead_ids: list[int] = field(default_factory=list)
    lead_names: list[str] = field(default_factory=list)
    cooperating_ids: list[int] = field(default_factory=list)
    cooperating_names: list[str] = field(default_factory=list)
    deadline_date: date | None = None
    overdue: bool = False
    days_overdue: int = 0   # calendar days past the deadline, when overdue
    evidence_count: int = 0
    requirements: str = ""      # 督办内容及要求
    supervision_type: str = ""  # 督办类型
    urgency: str = ""           # 紧急程度
    leader: str = ""            # 分管领导 (people, never divisions)
    feedback_cycle: str = ""    # 反馈周期, as written
    completion: str = ""        # 完成进度, as written (80%, 基本完成 …)
    urge_count: int = 0         # 催办次数 as the ledger gives it

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def step(self) -> int:
        return STATUSES.index(self.status)

    @property
    def next_status(self) -> str | None:
        return STATUSES[self.step + 1] if self.step + 1 < len(STATUSES) else None

    @property
    def deadline_shown(self) -> str:
        """The deadline as written, with the date read from it: '6月底前（2026-06-30）'."""
        if not self.deadline_text:
            return self.deadline
        return f"{self.deadline_text}（{self.deadline}）" if self.deadline else self.deadline_text

    @property
    def status_date(self) -> str:
        return getattr(self, STATUS_DATES[self.status])

    @property
    def needs_accountability(self) -> bool:
        return self.complaint_verified and not self.accountability

    @property
    def finished_late(self) -> bool:
        return bool(self.deadline and self.done_on and self.done_on > self.deadline)


def sources(db: Database) -> tuple[str, ...]:
    """The ledger's sources: what the superior office (services/department.py) hands down and
    supervises (省软环境办交办, 省软环境办督办 by default), then 明察暗访, 投诉 …"""
    return (*get_superior(db).sources, *OTHER_SOURCES)


def _where(status: str | None, division_id: int | None, text: str | None, overdue_only: bool,
           today: date) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if status:
        where.append("i.status = ?")
        params.append(status)
    if division_id is not None:
        where.append("EXISTS (SELECT 1 FROM supervision_division s WHERE s.item_id = i.id AND s.division_id = ?)")
        params.append(division_id)
    for word in (text or "").split():
        like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        columns = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in SEARCHED)
        where.append(f"({columns} OR EXISTS (SELECT 1 FROM supervision_division s JOIN division d"
                     f" ON d.id = s.division_id WHERE s.item_id = i.id AND d.name LIKE ? ESCAPE '\\'))")
        params += [like] * (len(SEARCHED) + 1)
    if overdue_only:
        where.append(f"i.status IN ({', '.join('?' * len(OPEN_STATUSES))}) AND i.deadline <> '' AND i.deadline < ?")
        params += [*OPEN_STATUSES, today.isoformat()]
    return (" WHERE " + " AND ".join(where) if where else ""), params


def list_items(db: Database, status: str | None = None, division_id: int | None = None,
               text: str | None = None, overdue_only: bool = False, today: date | None = None
               ) -> list[SupervisionItem]:
    """Items by date received (undated last), then number. text matches every word (space-separated)
    in number, source, content, deadline, progress, reports, note or a division's name.
    Two queries: the items, then the divisions of those items."""
    today = today or date.today()
    where, params = _where(status, division_id, text, overdue_only, today)
    rows = columns(db, f"SELECT {ITEM_COLUMNS}, (SELECT count(*) FROM evidence_link l WHERE l.target_kind ="
                   " 'supervision_item' AND l.target_id = i.id) AS evidence_count FROM supervision_item i" + where
                   + " ORDER BY i.received_on = '', i.received_on, i.no, i.id", params, _STORED)
    units: dict[int, dict[str, list[Any]]] = {}
    for r in db.query(
            "SELECT s.item_id, s.role, d.id, d.name FROM supervision_division s JOIN division d ON d.id = s.division_id"
            " WHERE s.item_id IN (SELECT i.id FROM supervision_item i" + where + ") ORDER BY s.position, s.id",
            params):
        u = units.setdefault(r["item_id"], {"lead": [], "lead_n": [], "cooperate": [], "cooperate_n": []})
        u[r["role"]].append(r["id"])
        u[r["role"] + "_n"].append(r["name"])
    items = []
    empty: dict[str, list[Any]] = {"lead": [], "lead_n": [], "cooperate": [], "cooperate_n": []}
    for v in rows:  # each field from the column of its name (storage.rows: no sqlite3.Row per row)
        stored = dict(zip(_STORED, v))
        u = units.get(stored["id"], empty)
        deadline = date.fromisoformat(stored["deadline"]) if stored["deadline"] else None
        overdue = stored["status"] in OPEN_STATUSES and deadline is not None and deadline < today
        stored["complaint_verified"] = bool(stored["complaint_verified"])
        items.append(SupervisionItem(
            **stored, lead_ids=u["lead"], lead_names=u["lead_n"], cooperating_ids=u["cooperate"],
            cooperating_names=u["cooperate_n"], deadline_date=deadline, overdue=overdue,
            days_overdue=(today - deadline).days if overdue and deadline else 0))
    return items


def counts(db: Database, today: date | None = None) -> dict[str, int]:
    """{status: n for every status, 'overdue': n, 'due_soon': n}: due_soon counts open items whose
    deadline is today or within the next DUE_SOON_WORKDAYS working days (the user's calendar)."""
    today = today or date.today()
    out = dict.fromkeys(STATUSES, 0) | {"overdue": 0, "due_soon": 0}
    calendar = None
    for r in db.query("SELECT status, deadline FROM supervision_item"):
        out[r["status"]] += 1
        if r["status"] not in OPEN_STATUSES or not r["deadline"]:
            continue
        deadline = date.fromisoformat(r["deadline"])
        if deadline < today:
            out["overdue"] += 1
            continue
        if (deadline - today).days > 31:  # far beyond 5 working days, even across 春节
            continue
        calendar = calendar or load_calendar(db)
        if calendar.workdays_between(today, deadline) <= DUE_SOON_WORKDAYS:
            out["due_soon"] += 1
    return out


def workdays_left(db: Database, items: list[SupervisionItem], today: date | None = None) -> dict[int, int]:
    """{item id: working days from today to the deadline} for open items not yet overdue."""
    today = today or date.today()
    calendar = load_calendar(db)
    return {i.id: calendar.workdays_between(today, i.deadline_date) for i in items
            if i.is_open and i.deadline_date is not None and i.deadline_date >= today}


# what list_items reads from the item's row: every field but the divisions and what is worked out
_STORED = tuple(f.name for f in fields(SupervisionItem) if f.name not in (
    "lead_ids", "lead_names", "cooperating_ids", "cooperating_names", "deadline_date", "overdue", "days_overdue"))


def item_row(w: Writer, item_id: int) -> dict[str, Any]:
    """The stored row of a supervised item (for a write); NotFound when it is gone."""
    row = w.get("supervision_item", item_id)
    if row is None:
        raise NotFound("supervision.no_item", item_id=item_id)
    return row


def item_label(row: dict[str, Any]) -> str:
    """An item as a message names it: its number and the start of its content."""
    content = row["content"] if len(row["content"]) <= 20 else row["content"][:20] + "…"
    return f"{row['no']}“{content}”" if row["no"] else f"“{content}”"
