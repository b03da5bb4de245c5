"""Finding records by what a user types (indicator code, division name, date): one place for the
command line and the window, with the same messages.

No Qt.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.database import Database

messages.register({
    "lookup.no_indicator": ("{year} 年度方案中没有编号为“{code}”的二级指标；请用 bizenv indicators --year {year} 查看编号。",
                            "The {year} plan has no second-level indicator numbered “{code}”; see the numbers with "
                            "bizenv indicators --year {year}."),
    "lookup.no_division": ("没有名为“{name}”的处室；请检查名称，或先在“处室”中添加。",
                           "There is no division named “{name}”; check the name, or add it under Divisions first."),
    "lookup.bad_date": ("{what}“{value}”不是有效日期，请按 年-月-日 填写，例如 2026-06-30。",
                        "{what} “{value}” is not a valid date; write it as YYYY-MM-DD, e.g. 2026-06-30."),
    "lookup.need_date": ("请填写{what}。", "Please give the {what}."),
    "lookup.no_year": ("数据库中没有 {year} 年度的方案，请先创建该年度。",
                       "The database holds no plan for {year}; create that year first."),
})
_CODE = re.compile(r"^[（(]?\s*(\d+)\s*[)）]?$")


def _code_number(code: str) -> str | None:
    match = _CODE.match((code or "").strip())
    return match.group(1) if match else None


def indicator_by_code(db: Database, year: int, code: str) -> int:
    """The second-level indicator of the year coded like `7`, `(7)` or `（7）`."""
    number = _code_number(str(code))
    for r in db.query("SELECT i.id, i.code FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
                      " WHERE d.year = ? AND i.level = 2", (year,)):
        if r["code"] == code or (number is not None and _code_number(r["code"]) == number):
            return int(r["id"])
    raise NotFound("lookup.no_indicator", year=year, code=code)


def division_by_name(db: Database, name: str) -> int:
    row = db.scalar("SELECT id FROM division WHERE name = ?", ((name or "").strip(),))
    if row is None:
        raise NotFound("lookup.no_division", name=name)
    return int(row)


def require_year(db: Database, year: int) -> None:
    if db.scalar("SELECT 1 FROM plan_year WHERE year = ?", (year,)) is None:
        raise NotFound("lookup.no_year", year=year)


def iso_date(value: Any, what: str, required: bool = False) -> str:
    """'' or the ISO form of value (a date or text YYYY-MM-DD); what names the field (Chinese)."""
    if isinstance(value, date):
        return value.isoformat()
    text = (value or "").strip() if isinstance(value, str) else ("" if value is None else str(value))
    if not text:
        if required:
            raise InvalidInput("lookup.need_date", what=what)
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidInput("lookup.bad_date", what=what, value=text) from None


def indicator_label(db: Database, indicator_id: int | None) -> str:
    if indicator_id is None:
        return ""
    row = db.execute("SELECT code, name FROM indicator WHERE id = ?", (indicator_id,)).fetchone()
    return f"{row['code']} {row['name']}".strip() if row else ""
