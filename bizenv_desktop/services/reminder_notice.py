"""The printable 催办单 (reminder notice) of one supervised item, or of every open item a division
leads, in the report style (core.document rendered by services/pdf/render and services/docx_writer:
GB/T 9704 page, title, 主送, body, table, signature and date, 附注 contact line).

build(db, item_ids=…, division_id=…, today) -> Document; write(db, path, …) writes .pdf or .docx by
the extension (atomically, as reports are written) and, with record=True, keeps one 催办 record
(method 催办单) per item in the caller's Writer. Figures are as of `today`. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..core import messages
from ..core.document import Document, Fields, Section, Table, escape
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from ..storage.database import Database
from . import supervision_read, supervision_watch
from .calendar import load_calendar
from .department import get_department
from .plan_read import list_liaisons

OPEN = supervision_read.OPEN_STATUSES
METHOD = "催办单"
HEADER = ["编号", "事项内容", "交办日期", "办结时限", "状态", "已催办"]
WIDTHS = [26.0, 52.0, 23.0, 23.0, 18.0, 14.0]  # mm, 156 in all (dates on one line)

messages.register({
    "notice.nothing": ("没有要催办的事项：{what}没有待签收或办理中的督办事项。",
                       "Nothing to remind about: {what} has no supervised item waiting or in hand."),
    "notice.no_item": ("督办事项 {item_id} 不存在（可能已被删除）。",
                       "Supervised item {item_id} does not exist (it may have been deleted)."),
    "notice.finished": ("事项{no}已{status}，不需要催办单。", "Item {no} is already {status}; it needs no reminder."),
    "notice.bad_format": ("不支持的文件类型“{suffix}”：请用 .pdf 或 .docx 结尾的文件名。",
                          "Unsupported file type “{suffix}”: give a file name ending in .pdf or .docx."),
    "notice.pick": ("请指定要催办的事项或处室。", "Name the items or the division to remind."),
    "notice.selected": ("所选事项", "the items chosen"),
})


def _chinese(day: str) -> str:
    try:
        d = date.fromisoformat(day)
    except (TypeError, ValueError):
        return day or "未定"
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class Notice:
    document: Document
    item_ids: list[int]
    division_ids: list[int]  # the divisions addressed (the items' lead divisions)


def _items(db: Database, item_ids: list[int] | None, division_id: int | None, today: date) -> list[Any]:
    items = supervision_read.list_items(db, division_id=division_id, today=today)
    if item_ids is not None:
        wanted = set(item_ids)
        found = [i for i in items if i.id in wanted]
        for missing in wanted - {i.id for i in found}:
            raise NotFound("notice.no_item", item_id=missing)
        for i in found:
            if i.status not in OPEN:
                raise InvalidInput("notice.finished", no=i.no or i.id, status=i.status)
        return found
    return [i for i in items if i.status in OPEN and (division_id in i.lead_ids or not i.lead_ids)]


def _liaison_line(db: Database, today: date) -> str:
    day = today.isoformat()
    found = next((x for x in list_liaisons(db) if x.start_date <= day and (not x.end_date or x.end_date >= day)), None)
    if found is None:
        return ""
    return f"联系人：{found.name}" + (f"，联系电话：{found.phone}" if found.phone else "")


def build(db: Database, item_ids: list[int] | None = None, division_id: int | None = None,
          today: date | None = None, reply_workdays: int = 3) -> Notice:
    """The 催办单 of the given items, or of every open item division_id leads."""
    today = today or date.today()
    if item_ids is None and division_id is None:
        raise InvalidInput("notice.pick")
    items = _items(db, item_ids, division_id, today)
    if not items:
        name = db.scalar("SELECT name FROM division WHERE id = ?", (division_id,)) if division_id else ""
        raise InvalidInput("notice.nothing", what=name or "notice.selected")
    watch = supervision_watch.watch(db, today, [i.id for i in items])
    reply_by = load_calendar(db).add_workdays(today, reply_workdays).day
    leads = list(dict.fromkeys(n for i in items for n in (i.lead_names or [])))
    lead_ids = list(dict.fromkeys(d for i in items for d in i.lead_ids))
    if division_id is not None:
        name = db.scalar("SELECT name FROM division WHERE id = ?", (division_id,)) or ""
        leads, lead_ids = [name], [division_id]
    department = get_department(db)
    issuer = db.scalar("SELECT coalesce(d.name, '') FROM liaison l LEFT JOIN division d ON d.id = l.division_id"
                       " WHERE l.start_date <= ? AND (l.end_date = '' OR l.end_date >= ?) ORDER BY l.start_date DESC",
                       (today.isoformat(), today.isoformat())) or department.name
    overdue = [i for i in items if i.overdue]
    warned = [i for i in items if not i.overdue and watch[i.id].level]
    body: list[str] = []
    if len(items) == 1:
        i = items[0]
        cal = load_calendar(db)
        state = f"已逾期{i.days_overdue}天" if i.overdue else (
            f"距办结时限还有{cal.workdays_between(today, i.deadline_date)}个工作日" if i.deadline_date else "尚未办结")
        body.append(f"{_chinese(i.received_on)}交办的“{escape(i.content)}”（编号{escape(i.no)}，来源：{escape(i.source or '—')}），"
                    f"办结时限为{escape(_chinese(i.deadline) if i.deadline else (i.deadline_text or '未定'))}。"
                    f"截至{_chinese(today.isoformat())}，该事项{i.status}，{state}。")
        w = watch[i.id]
        if w.next_kind == "feedback" and w.next_due is not None:
            when = _chinese(w.next_due.isoformat())
            body.append(f"按反馈周期（{escape(w.cycle)}），应于{when}反馈的办理进展尚未报送。" if w.next_due < today
                        else f"按反馈周期（{escape(w.cycle)}），应于{when}前反馈办理进展。")
    else:
        body.append(f"截至{_chinese(today.isoformat())}，{'你处' if division_id else '以下'}牵头办理的交办督办事项"
                    f"尚有{len(items)}项未办结，其中已逾期{len(overdue)}项、临近办结时限{len(warned)}项（见下表）。")
    body.append(f"请抓紧办理，于{_chinese(reply_by.isoformat())}前将办理进展报送{escape(issuer)}；已办结的，请同时报送"
                f"办结报告和佐证材料。")
    rows = [[i.no, i.content if len(i.content) <= 60 else i.content[:59] + "…", i.received_on or "—",
             i.deadline or i.deadline_text or "未定",
             i.status + (f"（逾期{i.days_overdue}天）" if i.overdue else ""), f"{watch[i.id].reminders + 1}次"]
            for i in items]
    table = Table(HEADER, rows, center=[0, 2, 3, 4, 5], widths=WIDTHS)
    fields = Fields(issuer=issuer, date=today.isoformat(), addressee="、".join(leads),
                    contact=_liaison_line(db, today))
    sections = [Section("body", "", "\n".join(body)), Section("items", "", "", {}, [table])]
    doc = Document("reminder", "督办事项催办单", fields, sections,
                   subtitle=f"（{items[0].no}）" if len(items) == 1 else "", author=department.name,
                   subject="交办督办事项催办单")
    return Notice(doc, [i.id for i in items], lead_ids)


def write(doc: Document, path: str | Path, font_folder: str | None = None) -> int:
    """Write the notice as .pdf (returns its pages) or .docx (returns 0)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".docx":
        from .docx_writer import render_docx

        render_docx(doc, path)
        return 0
    if suffix != ".pdf":
        raise InvalidInput("notice.bad_format", suffix=suffix or Path(path).name)
    from .pdf.render import render_pdf

    return render_pdf(doc, path, font_folder)


def record(w: Writer, notice: Notice, today: date | None = None) -> int:
    """One 催办 record (method 催办单, to the item's lead division) per item of the notice."""
    today = today or date.today()
    n = 0
    for item_id in notice.item_ids:
        lead = w.db.scalar("SELECT division_id FROM supervision_division WHERE item_id = ? AND role = 'lead'"
                           " ORDER BY position, id LIMIT 1", (item_id,))
        supervision_watch.add_reminder(w, item_id, today, lead, "", METHOD, "打印催办单", today)
        n += 1
    return n
