"""An item of a 督办事项台账 as read (LedgerItem), the whole ledger read (LedgerPreview), and
how a row's cells become an item (_fill: numbers, dates, deadline, divisions, status, with a
warning naming the row and column for what cannot be taken as written).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..supervision import LEDGER_FIELDS, STATUS_DATES, STATUSES
from .divisions_cell import parse_division_cell
from .ledger_fields import _ADD, _DONE, FIELD_NAMES, _derive, parse_date, status_of, text_deadline
from .preview import Note

@dataclass
class LedgerItem:
    row: int
    no: str = ""
    source: str = ""
    content: str = ""
    received: str = ""          # ISO date or ''
    deadline: str = ""          # ISO date given or read from deadline_text, '' if none
    deadline_text: str = ""     # the deadline as written when it is not a plain date
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)   # names that stand for several divisions
    status: str = STATUSES[0]
    status_given: bool = False
    progress: str = ""
    closure: str = ""
    note: str = ""
    dates: dict[str, str] = field(default_factory=dict)  # signed_on … closed_on from their columns
    ledger: dict[str, Any] = field(default_factory=dict)  # LEDGER_FIELDS as read (督办内容及要求 …)
    no_from_seq: bool = False   # the ledger has no 编号: its 序号 is the item's number
    reference: str = ""         # the day a text deadline is read from (交办日期, else 1 January of the document's year)

    def to_json(self, no: str | None = None) -> dict[str, Any]:
        return {"no": self.no if no is None else no, "source": self.source, "content": self.content,
                "lead": self.lead, "cooperating": self.cooperating, "received": self.received or None,
                "deadline": self.deadline or None, "deadline_text": self.deadline_text, "status": self.status,
                "progress": self.progress, "note": self.note,
                **{f: self.ledger.get(f, 0 if f == "urge_count" else "") for f in LEDGER_FIELDS}}


@dataclass
class LedgerPreview:
    path: Path
    sheet: str
    sheets: list[str]
    title: str
    header_rows: tuple[int, int]
    columns: dict[int, str]                 # {column number: field}
    headers: list[str]                      # header text of each column (two levels joined by ' / ')
    items: list[LedgerItem] = field(default_factory=list)
    warnings: list[Note] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)  # page numbers, repeated headers, 注 rows
    year_hint: int | None = None  # the document's year (title, 注 rows): for deadlines of items with no 交办日期

    def to_json(self, numbers: dict[int, str] | None = None, more: list[str] | None = None,
                units: Any = None) -> dict[str, Any]:
        """The items as read (numbers: 编号 in the database by row; units: a UnitMap, to give lead
        and cooperating as mapped) and the warnings (more: those of planning or applying)."""
        from .supervision_apply import mapped_units

        numbers = numbers or {}
        items = []
        for i in self.items:
            entry = i.to_json(numbers.get(i.row))
            if units is not None:
                entry["lead"], entry["cooperating"] = mapped_units(i, units)
            items.append(entry)
        return {"items": items, "warnings": [str(w) for w in self.warnings] + list(more or [])}


def _key(it: LedgerItem) -> str:
    """What makes two rows one item: the 编号, else (a 序号 restarts in each part of a ledger)
    the content and the date received."""
    return it.no if it.no and not it.no_from_seq else f"{it.content}\x1f{it.received}"


_SHOWN = re.compile(r"(.+?)\s*[（(]\d{4}-\d\d-\d\d[)）]")


@lru_cache(maxsize=4096)
def _units(text: str, role: str) -> tuple[Any, ...]:
    """parse_division_cell, once per distinct cell."""
    return tuple(parse_division_cell(text, role)) if text else ()


def _fill(pv: LedgerPreview, it: LedgerItem, cells: dict[str, str], col: dict[str, int], numbered: bool) -> None:
    def warn(f: str, message: str) -> None:
        pv.warnings.append(Note(pv.sheet, it.row, col.get(f), message))
    it.no = " ".join(cells.get("no", "").split())
    if not numbered and cells.get("seq", "").strip():  # no 编号 column: the 序号 bulletins cite is the number
        it.no, it.no_from_seq = " ".join(cells["seq"].split()), True
    for f in LEDGER_FIELDS[:-1]:
        text = cells.get(f, "").strip()
        if text:
            it.ledger[f] = " ".join(text.split()) if f != "requirements" else text
    count = cells.get("urge_count", "").strip()
    if count:
        number = re.search(r"\d+", unicodedata.normalize("NFKC", count))
        if number and int(number.group()) < 10**6:
            it.ledger["urge_count"] = int(number.group())
        elif count not in ("无", "/", "-", "—"):
            warn("urge_count", f"催办次数“{count}”不是数字，已按 0 次导入")
    it.source, it.content = cells.get("source", "").strip(), cells.get("content", "").strip()
    it.progress, it.closure, it.note = (cells.get(f, "").strip() for f in ("progress", "closure", "note"))
    for f in ("received", "signed_on", "done_on", "reported_on", "closed_on"):
        text = cells.get(f, "").strip()
        day = parse_date(text) if text else ""
        if day is None:
            warn(f, f"{FIELD_NAMES[f]}“{text}”不是日期，已留空；请按 2024-06-03 的样式填写")
        elif f == "received":
            it.received = day
        elif day:
            it.dates[f] = day
    deadline = " ".join(cells.get("deadline", "").split())
    shown = _SHOWN.fullmatch(deadline)  # '6月底前（2024-06-30）' as exported
    deadline = shown.group(1) if shown else deadline
    it.reference = it.received or (f"{pv.year_hint}-01-01" if pv.year_hint else "")
    if deadline:
        day = parse_date(deadline)
        it.deadline, it.deadline_text = (day, "") if day else (text_deadline(deadline, it.reference), deadline)
        if not day and not it.deadline and not it.reference and _derive(deadline, date(2000, 1, 1), _ADD):
            warn("deadline", f"办结时限“{deadline}”没有写年份，表中也没有交办日期和年份，未推算日期；请补填交办日期")
    for f, role in (("lead", "lead"), ("responsible", "responsible"), ("cooperate", "cooperate")):
        for unit in _units(cells.get(f, ""), role):
            names, name = it.cooperating if unit.role == "cooperate" else it.lead, " ".join(unit.name.split())
            if name and name not in names:
                names.append(name)
            if unit.is_group:
                it.groups.add(name)
    for name in [n for n in it.cooperating if n in it.lead]:
        it.cooperating.remove(name)
        warn("cooperate", f"“{name}”既是牵头处室又是配合处室，按牵头处室导入")
    text = cells.get("status", "").strip()
    found = status_of(text) if text else None
    it.status_given = found is not None
    if text and found is None:
        warn("status", f"状态“{text}”无法识别，按“{STATUSES[0]}”导入；可用的状态：{'、'.join(STATUSES)}")
    reached = [s for s in STATUSES[1:] if it.dates.get(STATUS_DATES[s])]
    it.status = found or (reached[-1] if reached and not text else STATUSES[0])
    previous = (it.received, FIELD_NAMES["received"])
    for s in STATUSES[1:STATUSES.index(it.status) + 1]:  # dates of steps reached, in order
        column = STATUS_DATES[s]
        day = it.dates.get(column, "")
        if day and previous[0] and day < previous[0]:
            warn(column, f"{FIELD_NAMES[column]}（{day}）早于{previous[1]}（{previous[0]}），已不采用；"
                         f"导入时按 {previous[0]} 之后记")
            del it.dates[column]
        elif day:
            previous = (day, FIELD_NAMES[column])
    if STATUSES.index(it.status) >= _DONE and not (it.closure or it.progress):  # 已办结 needs its report
        done = it.dates.get("done_on", "")
        warn("status", f"状态为“{it.status}”，但没有办结情况（办结报告），按“{STATUSES[_DONE - 1]}”导入"
                       + (f"（台账中的办结日期 {done} 未导入）" if done else "") + "；请补填办结报告后在程序中办结")
        it.status = STATUSES[_DONE - 1]
    if it.deadline and it.received and it.deadline < it.received:  # a deadline before receipt is refused
        warn("deadline", f"办结时限（{it.deadline_text or it.deadline}，即 {it.deadline}）早于交办日期（{it.received}），"
                         f"未导入该时限，原文已记入备注；请核实后在程序中填写")
        it.note = "；".join(filter(None, [it.note, f"原办结时限：{it.deadline_text or it.deadline}"]))
        it.deadline, it.deadline_text = "", ""
