"""The report kinds, what each needs (month, quarter, division), and a request for one.

No reportlab here: the window and the command line list the kinds without loading it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...core import messages
from ...core.errors import InvalidInput

messages.register({
    "report.unknown_kind": ("未知的报告类型“{kind}”，可用：{kinds}。", "Unknown report kind “{kind}”; available: {kinds}."),
    "report.bad_year": ("年度 {year} 无效。", "The year {year} is not valid."),
    "report.needs_month": ("{title}需要月份（1–12），收到：{month}。", "{title} needs a month (1–12); got: {month}."),
    "report.bad_quarter": ("季度应为 1–4，收到：{quarter}。", "The quarter should be 1–4; got: {quarter}."),
    "report.needs_quarter": ("{title}需要季度（1–4）。", "{title} needs a quarter (1–4)."),
})


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    year: int
    month: int | None = None     # 1..12, for the monthly report
    quarter: int | None = None   # 1..4, for quarterly reports (selfeval: None = the whole year)
    division: str | None = None  # the assignment sheet of one division
    today: date | None = None    # the 成文日期 printed on the document (None: the draft's, else today)
    font_folder: str | None = None

    @property
    def period(self) -> str:
        """The draft's period: 2026, 2026Q3 or 2026-11."""
        if self.kind == "monthly":
            return f"{self.year:04d}-{self.month or 0:02d}"
        if self.kind in ("provincial", "leadership") or (self.kind == "selfeval" and self.quarter):
            return f"{self.year}Q{self.quarter}"
        return str(self.year)


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str          # Chinese name, shown in the window and the CLI help
    orientation: str
    needs: tuple[str, ...]  # which of month / quarter / division the report uses ("quarter!": required)


KINDS: dict[str, ReportKind] = {
    "assignment": ReportKind("assignment", "任务分工表", "landscape", ("division",)),
    "plan": ReportKind("plan", "年度实施方案", "portrait", ()),
    "monthly": ReportKind("monthly", "月调度情况", "portrait", ("month",)),
    "provincial": ReportKind("provincial", "季度报告（报上级）", "portrait", ("quarter!",)),
    "leadership": ReportKind("leadership", "季度汇报（主要领导）", "portrait", ("quarter!",)),
    "selfeval": ReportKind("selfeval", "自我评价报告", "portrait", ("quarter",)),
}


def kind_title(key: str, superior_short: str = "", office: str = "") -> str:
    """The kind's name for this department: 季度报告（报省软环境办）, 季度汇报（局主要领导）; the
    generic name (KINDS) without them. The names come from the database's settings
    (services.department), never from code."""
    if key == "provincial" and superior_short:
        return f"季度报告（报{superior_short}）"
    if key == "leadership" and office:
        return f"季度汇报（{office}主要领导）"
    return KINDS[key].title if key in KINDS else key


def check_request(r: ReportRequest) -> None:
    """Refuse a bad kind or period before anything is read or written."""
    if r.kind not in KINDS:
        raise InvalidInput("report.unknown_kind", kind=r.kind, kinds=list(KINDS))
    if not 2000 <= r.year <= 2100:
        raise InvalidInput("report.bad_year", year=r.year)
    needs = KINDS[r.kind].needs
    if "month" in needs and (r.month is None or not 1 <= r.month <= 12):
        raise InvalidInput("report.needs_month", title=KINDS[r.kind].title, month=r.month)
    if any(n.startswith("quarter") for n in needs) and r.quarter is not None and not 1 <= r.quarter <= 4:
        raise InvalidInput("report.bad_quarter", quarter=r.quarter)
    if "quarter!" in needs and r.quarter is None:
        raise InvalidInput("report.needs_quarter", title=KINDS[r.kind].title)
