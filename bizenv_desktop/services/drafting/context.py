"""What every drafter starts from: the request, the plan, the department, the dates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from ...core.document import Fields
from ...core.model import Plan
from ...core.workdays import month_end, quarter_end
from ...storage.database import Database
from ..department import Department, get_department
from ..plan_read import list_liaisons, load_plan
from ..publications import list_publications
from .kinds import ReportRequest
from .words import chinese_date


@dataclass
class Context:
    db: Database
    request: ReportRequest
    plan: Plan
    department: Department
    day: date           # 成文日期

    @classmethod
    def make(cls, db: Database, request: ReportRequest, day: date) -> Context:
        return cls(db, request, load_plan(db, request.year), get_department(db), day)

    @property
    def year(self) -> int:
        return self.request.year

    @property
    def we(self) -> str:
        return self.department.short

    @property
    def period_end(self) -> date:
        r = self.request
        if r.month:
            return month_end(r.year, r.month)
        if r.quarter:
            return quarter_end(r.year, r.quarter)
        return date(r.year, 12, 31)

    @property
    def as_of(self) -> date:
        """The day every figure is taken on: the period's end, or the 成文日期 when earlier."""
        return min(self.period_end, self.day)

    @cached_property
    def scheme(self) -> str:
        """The provincial scheme the plan follows, as the plan's own text cites it:
        《…实施方案（试行）》, or '' when the plan names none."""
        for (body,) in self.db.query("SELECT heading || char(10) || body FROM plan_section WHERE year = ?"
                                     " ORDER BY position", (self.year,)):
            found = re.search(r"《[^《》]*(?:方案|办法|意见)[^《》]*》", body or "")
            if found and self.department.name not in found.group(0):
                return found.group(0)
        return ""

    @cached_property
    def publication_kinds(self) -> dict[int | None, set[str]]:
        """The kinds of the year's registered publications (plan, policy …) by indicator: read once
        a report, not once an indicator."""
        out: dict[int | None, set[str]] = {}
        for p in list_publications(self.db, self.year):
            out.setdefault(p.indicator_id, set()).add(p.kind)
        return out

    def liaison_line(self) -> str:
        """联系人：陈静，联系电话：0431-88880000 (the liaison on the document's date), or ''."""
        today = self.day.isoformat()
        found = next((x for x in list_liaisons(self.db) if x.start_date <= today
                      and (not x.end_date or x.end_date >= today)), None)
        if found is None:
            return ""
        return f"联系人：{found.name}" + (f"，联系电话：{found.phone}" if found.phone else "")

    def default_fields(self, addressee: str = "", contact: bool = False) -> Fields:
        return Fields(issuer=self.department.name, date=self.day.isoformat(), addressee=addressee,
                      contact=self.liaison_line() if contact else "")

    def date_words(self) -> str:
        return chinese_date(self.as_of)
