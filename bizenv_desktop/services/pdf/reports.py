"""The report kinds both faces offer, behind one call: build_report(db, ReportRequest, path)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ...core.errors import InvalidInput
from ...storage.database import Database
from . import assignment, leadership, monthly, plan, provincial, selfeval


@dataclass(frozen=True)
class ReportRequest:
    kind: str
    year: int
    month: int | None = None     # 1..12, for the monthly report
    quarter: int | None = None   # 1..4, for quarterly reports (selfeval: None = the whole year)
    division: str | None = None  # the assignment sheet of one division
    today: date | None = None    # the issue date printed on the document
    font_folder: str | None = None


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str          # Chinese name, shown in the window and the CLI help
    orientation: str
    needs: tuple[str, ...]  # which of month / quarter / division the report uses
    build: Callable[[Database, ReportRequest, Path], int]


def _assignment(db: Database, r: ReportRequest, path: Path) -> int:
    return assignment.build(db, r.year, path, r.division, r.today, r.font_folder)


def _plan(db: Database, r: ReportRequest, path: Path) -> int:
    return plan.build(db, r.year, path, r.today, r.font_folder)


def _monthly(db: Database, r: ReportRequest, path: Path) -> int:
    return monthly.build(db, r.year, r.month or 0, path, r.today, r.font_folder)


def _provincial(db: Database, r: ReportRequest, path: Path) -> int:
    return provincial.build(db, r.year, r.quarter or 0, path, r.today, r.font_folder)


def _leadership(db: Database, r: ReportRequest, path: Path) -> int:
    return leadership.build(db, r.year, r.quarter or 0, path, r.today, r.font_folder)


def _selfeval(db: Database, r: ReportRequest, path: Path) -> int:
    return selfeval.build(db, r.year, r.quarter, path, r.today, r.font_folder)


KINDS: dict[str, ReportKind] = {
    "assignment": ReportKind("assignment", "任务分工表", "landscape", ("division",), _assignment),
    "plan": ReportKind("plan", "年度实施方案", "portrait", (), _plan),
    "monthly": ReportKind("monthly", "月调度情况", "portrait", ("month",), _monthly),
    "provincial": ReportKind("provincial", "季度报告（报省软环境办）", "portrait", ("quarter!",), _provincial),
    "leadership": ReportKind("leadership", "季度汇报（厅主要领导）", "portrait", ("quarter!",), _leadership),
    "selfeval": ReportKind("selfeval", "自我评价报告", "portrait", ("quarter",), _selfeval),
}


def check_request(r: ReportRequest) -> None:
    """Refuse a bad period before anything is written."""
    if r.kind not in KINDS:
        raise InvalidInput(f"未知的报告类型“{r.kind}”，可用：{'、'.join(KINDS)}。")
    if not 2000 <= r.year <= 2100:
        raise InvalidInput(f"年度 {r.year} 无效。")
    needs = KINDS[r.kind].needs
    if "month" in needs and (r.month is None or not 1 <= r.month <= 12):
        raise InvalidInput(f"{KINDS[r.kind].title}需要月份（1–12），收到：{r.month}。")
    if any(n.startswith("quarter") for n in needs) and r.quarter is not None and not 1 <= r.quarter <= 4:
        raise InvalidInput(f"季度应为 1–4，收到：{r.quarter}。")
    if "quarter!" in needs and r.quarter is None:
        raise InvalidInput(f"{KINDS[r.kind].title}需要季度（1–4）。")


def build_report(db: Database, request: ReportRequest, path: str | Path) -> int:
    """Write the report to path (atomically); returns its page count."""
    check_request(request)
    return KINDS[request.kind].build(db, request, Path(path))


def describe(kinds: dict[str, ReportKind] = KINDS) -> dict[str, Any]:
    return {k: v.title for k, v in kinds.items()}
