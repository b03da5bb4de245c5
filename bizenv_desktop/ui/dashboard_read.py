"""What the 看板 tab shows, read in one go on a worker's read-only connection (ui/tasks.py).

read_dashboard(db, year, month, today) is every service call of the tab's panels (a few
queries each, services.dashboard and friends) and nothing of Qt: the view starts it with
tasks.quiet_read through its tasks.Latest, as the 督办事项 ledger reads, and fills its panels
on the GUI thread when the answer arrives. On the ten-year database the reads took about
100 ms of the GUI thread after every change; the panels' filling is a few ms.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ..services import dashboard, plan_read
from ..services import dispatch as dispatch_service

if TYPE_CHECKING:
    from ..core.workdays import WorkCalendar
    from ..services.assessment_flags import Flag
    from ..services.deadlines import Deadline
    from ..services.sendbacks import Timeliness
    from ..storage.database import Database


@dataclass(frozen=True)
class Request:
    """What the view asks for: the year and 截至 month it shows ('' for the default) on `today`."""

    year: int
    month: str
    today: date


@dataclass(frozen=True)
class DashboardData:
    """One read of every panel, for the year and month it settled on."""

    request: Request
    year: int
    month: str
    years: list[int]
    grid: tuple[list[dashboard.IndicatorHead], list[str], dict[tuple[int, str], str | None]]
    late: list[tuple[str, int, int]]
    series: list[dashboard.Series]
    supervision: dict[str, int]
    calendar: WorkCalendar
    deadlines: list[Deadline]
    flags: list[Flag]
    rates: list[Timeliness]


def default_month(db: Database, year: int, today: date) -> str:
    """The last month dispatched in the year; none yet: today's month (this year) or December."""
    months = [m["month"] for m in dispatch_service.list_months(db, year)]
    if months:
        return str(months[-1])
    return f"{year:04d}-{today.month if today.year == year else 12:02d}"


def settle(db: Database, request: Request) -> tuple[list[int], int, str]:
    """(the plan years, the year shown, its 截至 month): a year the file does not hold becomes
    today's (or the last one), a month of another year the default month."""
    years = plan_read.list_years(db)
    year, month, today = request.year, request.month, request.today
    if year not in years:
        year = today.year if today.year in years else (years[-1] if years else today.year)
        month = ""
    if not month or int(month[:4]) != year:
        month = default_month(db, year, today)
    return years, year, month


def read_dashboard(db: Database, request: Request) -> DashboardData:
    """Every panel's data (any thread: no Qt here, only services on `db`)."""
    from ..services import assessment_flags, sendbacks
    from ..services.calendar import load_calendar

    years, year, month = settle(db, request)
    today = request.today
    return DashboardData(
        request=request, year=year, month=month, years=years,
        grid=dashboard.status_grid(db, year),
        late=dashboard.late_by_division(db, month, today),
        series=dashboard.quantitative_series(db, year),
        supervision=dashboard.supervision_by_status(db, today),
        # the same items and working-day counts as the 待办 panel
        calendar=load_calendar(db), deadlines=dashboard.next_deadlines(db, today),
        flags=assessment_flags.flags(db, year, today),
        rates=sendbacks.on_time_rates(db, year, today))


def reader(request: Request) -> Any:
    """read(db) for tasks.quiet_read."""
    return lambda db: read_dashboard(db, request)
