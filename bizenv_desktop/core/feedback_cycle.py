"""Recurring feedback cycles (反馈周期) as ledgers write them, and the due dates they make.

    每月25日前, 每月25号, 每个月25日        the 25th of every month (the month's last day if shorter)
    每月底前, 每月末, 每月月底               the last day of every month
    每月前5个工作日, 每月初                  the 5th working day of every month (每月初: 5)
    每季度末, 每季末, 每季度底               the last day of every quarter
    每季度前5个工作日, 每季度初              the 5th working day of every quarter (每季度初: 5)
    每周五, 每周星期五, 每周                 every Friday (每周 alone: Friday)
    每月, 每季度 (alone)                     the month's / the quarter's last day
    每半月                                   the 15th and the last day of every month
    每10个工作日, 每个工作日, 每天           every n working days from the start
    每年6月30日前                            once a year on that day

A due date that falls on a day off moves back to the last working day before it (报送 "前"
means the office must have it by then). Dates are produced after `start` (the day the item
was received or signed for) up to `end` (today's horizon, or the day the item was closed).
Pure functions over a WorkCalendar: no database, no Qt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .workdays import Dated, WorkCalendar, month_end, quarter_end, quarter_start

__all__ = ["Cycle", "due_dates", "parse_cycle"]

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789", "\u3000 \t")
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
             "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_N = r"(\d{1,2}|[一二两三四五六七八九十]{1,3})"
_EVERY = r"每(?:个|一个)?"
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("yearly", r"每年(?:的)?" + _N + r"月" + _N + r"[日号]"),
    ("month_workday", _EVERY + r"月(?:的)?(?:初|前)" + _N + r"个工作日"),
    ("month_workday5", _EVERY + r"月(?:的)?初"),
    ("month_end", _EVERY + r"月(?:的)?(?:月底|月末|底|末)"),
    ("month_day", _EVERY + r"月(?:的)?" + _N + r"[日号]"),
    ("quarter_workday", _EVERY + r"季度?(?:的)?(?:初|前)" + _N + r"个工作日"),
    ("quarter_workday5", _EVERY + r"季度?(?:的)?初"),
    ("quarter_end", _EVERY + r"季度?(?:的)?(?:末|底)"),
    ("half_month", r"每半(?:个)?月"),
    ("weekly", r"每(?:周|星期)(?:星期|周)?([一二三四五六日天1-7])"),
    ("weekly5", r"每(?:周|星期)"),
    ("workdays", r"每" + _N + r"个工作日"),
    ("workdays1", r"每(?:个)?工作日|每天|每日"),
    ("month_end", _EVERY + r"月"),          # 每月 alone: by the month's end
    ("quarter_end", _EVERY + r"季度?"),     # 每季度 alone: by the quarter's end
)


@cache
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns compiled on first use (2 ms that `bizenv due` and the window's start need not pay
    when no item has a cycle)."""
    return tuple((kind, re.compile(pattern)) for kind, pattern in _PATTERNS)


@dataclass(frozen=True)
class Cycle:
    """A parsed cycle: kind and its numbers (day of month, n-th working day, weekday 0-6 …)."""

    kind: str       # month_day, month_end, month_workday, quarter_end, quarter_workday, weekly,
    #                 half_month, workdays, yearly
    n: int = 0
    month: int = 0  # yearly only
    text: str = ""


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + _DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _DIGITS[tens] * 10 + _DIGITS.get(ones, 0)
    return _DIGITS[text]


def parse_cycle(text: str) -> Cycle | None:
    """The cycle the text names, or None when it names none that can be read ('' included)."""
    clean = (text or "").translate(_FULL_WIDTH)
    for kind, pattern in _rules():
        match = pattern.search(clean)
        if match is None:
            continue
        groups = match.groups()
        if kind.endswith("5") or kind == "workdays1":
            return Cycle(kind[:-1], 1 if kind == "workdays1" else 5 if kind != "weekly5" else 4, 0, text)
        if kind == "weekly":
            return Cycle(kind, _WEEKDAYS[groups[0]], 0, text)
        if kind == "yearly":
            month, day = _number(groups[0]), _number(groups[1])
            return Cycle(kind, day, month, text) if 1 <= month <= 12 and 1 <= day <= 31 else None
        if kind in ("month_end", "quarter_end", "half_month"):
            return Cycle(kind, 0, 0, text)
        n = _number(groups[0])
        if kind == "month_day" and not 1 <= n <= 31:
            return None
        return Cycle(kind, n, 0, text) if n >= 1 else None
    return None


def _nominal(cycle: Cycle, start: date, end: date, cal: WorkCalendar) -> list[date | Dated]:
    """The cycle's days from the month (or quarter, week) of start through end, not yet moved."""
    out: list[date | Dated] = []
    if cycle.kind == "workdays":
        day = start
        while day <= end:
            dated = cal.add_workdays(day, cycle.n)
            out.append(dated)
            day = dated.day
        return out
    if cycle.kind == "weekly":
        day = start - timedelta(days=start.weekday()) + timedelta(days=cycle.n)
        while day <= end + timedelta(days=7):
            out.append(day)
            day += timedelta(days=7)
        return out
    if cycle.kind == "yearly":
        for year in range(start.year, end.year + 2):
            out.append(min(date(year, cycle.month, 1) + timedelta(days=cycle.n - 1), month_end(year, cycle.month)))
        return out
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        last = month_end(year, month)
        if cycle.kind == "month_day":
            out.append(min(date(year, month, 1) + timedelta(days=cycle.n - 1), last))
        elif cycle.kind == "month_end":
            out.append(last)
        elif cycle.kind == "half_month":
            out += [date(year, month, 15), last]
        elif cycle.kind == "month_workday":
            out.append(cal.nth_workday_from(date(year, month, 1), cycle.n))
        elif month % 3 == 1 and cycle.kind == "quarter_workday":
            out.append(cal.nth_workday_from(quarter_start(year, (month + 2) // 3), cycle.n))
        elif month % 3 == 0 and cycle.kind == "quarter_end":
            out.append(quarter_end(year, month // 3))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def due_dates(cycle: Cycle, start: date, end: date, cal: WorkCalendar) -> list[Dated]:
    """The cycle's due dates after start, up to and including end, each a working day
    (a day off moved back to the working day before it), in order, without repeats."""
    seen: dict[date, Dated] = {}
    for value in _nominal(cycle, start, end, cal):
        dated = value if isinstance(value, Dated) else cal.last_workday_on_or_before(value)
        if start < dated.day <= end and dated.day not in seen:
            seen[dated.day] = dated
    return [seen[d] for d in sorted(seen)]
