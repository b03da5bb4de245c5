"""反馈周期 texts and the due dates they make on the working-day calendar (2026's schedule:
春节 2-15…2-23 off with 2-14 and 2-28 worked, 劳动节 5-1…5-5 off with 5-9 worked, 国庆 10-1…10-8 off)."""
from __future__ import annotations

from datetime import date

import pytest

from bizenv_desktop.core.feedback_cycle import due_dates, parse_cycle
from bizenv_desktop.core.workdays import WorkCalendar

CAL = WorkCalendar()


def days(text: str, start: str, end: str, cal: WorkCalendar = CAL) -> list[str]:
    cycle = parse_cycle(text)
    assert cycle is not None, text
    return [d.day.isoformat() for d in due_dates(cycle, date.fromisoformat(start), date.fromisoformat(end), cal)]


def test_monthly_before_the_25th_moves_back_to_a_working_day() -> None:
    assert days("每月25日前", "2026-01-10", "2026-06-30") == [
        "2026-01-23",  # the 25th is a Sunday
        "2026-02-25", "2026-03-25", "2026-04-24", "2026-05-25", "2026-06-25"]
    assert days("每个月２５号报送", "2026-03-26", "2026-05-31") == ["2026-04-24", "2026-05-25"]  # after the start only


def test_quarter_end_and_month_end() -> None:
    assert days("每季度末", "2026-02-01", "2026-12-31") == ["2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"]
    assert days("每季末报送进展", "2026-07-01", "2026-12-31") == ["2026-09-30", "2026-12-31"]
    assert days("每月底前", "2026-01-15", "2026-05-31") == ["2026-01-30", "2026-02-28", "2026-03-31", "2026-04-30",
                                                          "2026-05-29"]  # 2-28 is a make-up working Saturday


def test_working_day_counts_and_weeks() -> None:
    assert days("每季度前5个工作日", "2026-01-01", "2026-10-31") == ["2026-01-08", "2026-04-08", "2026-07-07",
                                                                   "2026-10-13"]  # 10-13: as the plan's (16)
    assert days("每周五", "2026-02-09", "2026-03-01") == ["2026-02-13", "2026-02-14", "2026-02-27"]  # 2-20 off
    assert days("每10个工作日", "2026-04-27", "2026-06-01") == ["2026-05-13", "2026-05-27"]  # 5-9 worked
    assert days("每年6月30日前", "2025-08-01", "2026-12-31") == ["2026-06-30"]


def test_the_users_calendar_is_followed() -> None:
    cal = WorkCalendar({date(2026, 3, 25): False})  # a day off the user entered
    assert days("每月25日前", "2026-03-01", "2026-03-31", cal) == ["2026-03-24"]


@pytest.mark.parametrize("text", ["", "一次性", "办结后报送", "按要求", "每月40日"])
def test_texts_that_name_no_cycle(text: str) -> None:
    assert parse_cycle(text) is None


def test_parsed_kinds() -> None:
    assert (parse_cycle("每月二十五日前").kind, parse_cycle("每月二十五日前").n) == ("month_day", 25)  # type: ignore[union-attr]
    assert parse_cycle("每半月").kind == "half_month"  # type: ignore[union-attr]
    assert parse_cycle("每周").n == 4  # type: ignore[union-attr]  # 每周 alone: Friday
    assert parse_cycle("每月初").n == 5  # type: ignore[union-attr]
    # the words of the ledger dialog's list: 每月 / 每季度 alone mean by the month's / quarter's end
    assert parse_cycle("每月").kind == "month_end"  # type: ignore[union-attr]
    assert parse_cycle("每季度").kind == "quarter_end"  # type: ignore[union-attr]
    assert parse_cycle("办结后") is None
