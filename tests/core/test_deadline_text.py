"""derive_deadline: deadlines as offices write them, read into dates (pure, no database)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from bizenv_desktop.core.deadline_text import derive_deadline, is_ongoing, normalize

REF = date(2026, 3, 15)


@pytest.mark.parametrize("text, expected", [
    # full dates in every separator style
    ("2024-06-30", date(2024, 6, 30)),
    ("2024/6/30", date(2024, 6, 30)),
    ("2024.6.30", date(2024, 6, 30)),
    ("2024年6月30日", date(2024, 6, 30)),
    ("2024年6月30日前", date(2024, 6, 30)),
    ("2024年6月30号之前办结", date(2024, 6, 30)),
    ("2024 年 6 月 30 日", date(2024, 6, 30)),
    ("请于2026年4月3日前反馈", date(2026, 4, 3)),
    # year and month: the month's last day
    ("2024年6月底前", date(2024, 6, 30)),
    ("2024年6月底", date(2024, 6, 30)),
    ("2024年2月底前", date(2024, 2, 29)),
    ("2025年2月末", date(2025, 2, 28)),
    ("2024年6月", date(2024, 6, 30)),
    ("2024年11月份", date(2024, 11, 30)),
    ("2024-06", date(2024, 6, 30)),
    ("2024.9", date(2024, 9, 30)),
    # no year: the reference year
    ("6月底前", date(2026, 6, 30)),
    ("6月30日前", date(2026, 6, 30)),
    ("6月30号", date(2026, 6, 30)),
    ("12月底前完成", date(2026, 12, 31)),
    ("1月底前", date(2026, 1, 31)),  # before the reference date: still the reference year
    ("六月底前", date(2026, 6, 30)),
    ("十二月底", date(2026, 12, 31)),
    ("十一月", date(2026, 11, 30)),
    ("6月上旬", date(2026, 6, 10)),
    ("6月中旬前", date(2026, 6, 20)),
    ("6月下旬", date(2026, 6, 30)),
    ("6月中", date(2026, 6, 15)),
    ("9月初", date(2026, 9, 10)),
    # year end and halves
    ("年底前", date(2026, 12, 31)),
    ("年内", date(2026, 12, 31)),
    ("年末", date(2026, 12, 31)),
    ("全年", date(2026, 12, 31)),
    ("本年度内完成", date(2026, 12, 31)),
    ("今年年底", date(2026, 12, 31)),
    ("2027年底前", date(2027, 12, 31)),
    ("2027年内", date(2027, 12, 31)),
    ("明年底", date(2027, 12, 31)),
    ("明年6月底前", date(2027, 6, 30)),
    ("次年3月", date(2027, 3, 31)),
    ("上半年", date(2026, 6, 30)),
    ("下半年", date(2026, 12, 31)),
    ("2025年上半年", date(2025, 6, 30)),
    # quarters
    ("第三季度", date(2026, 9, 30)),
    ("三季度末", date(2026, 9, 30)),
    ("一季度", date(2026, 3, 31)),
    ("第4季度", date(2026, 12, 31)),
    ("2025年第二季度", date(2025, 6, 30)),
    ("明年一季度", date(2027, 3, 31)),
    # relative to the reference month or quarter
    ("本月底", date(2026, 3, 31)),
    ("本月内", date(2026, 3, 31)),
    ("月底前", date(2026, 3, 31)),
    ("下月底", date(2026, 4, 30)),
    ("下个月底前", date(2026, 4, 30)),
    ("本季度末", date(2026, 3, 31)),
    ("下季度", date(2026, 6, 30)),
    # days after the reference
    ("10日内", date(2026, 3, 25)),
    ("收到后15天内反馈", date(2026, 3, 30)),
    # full-width digits and punctuation
    ("２０２４年６月３０日", date(2024, 6, 30)),
    ("２０２４／６／３０", date(2024, 6, 30)),
    ("６月底前", date(2026, 6, 30)),
    ("第３季度", date(2026, 9, 30)),
    # the first readable date wins, and a date wins over an ongoing word
    ("6月底前完成初稿，9月底前印发", date(2026, 6, 30)),
    ("持续推进，年底前见成效", date(2026, 12, 31)),
    ("长期坚持，2026年6月底前完成阶段任务", date(2026, 6, 30)),
    # an impossible date is skipped, the next readable one is taken
    ("2024-13-01，6月底前", date(2026, 6, 30)),
])
def test_reads_dates(text: str, expected: date) -> None:
    assert derive_deadline(text, REF) == expected


@pytest.mark.parametrize("text", [
    "", "长期", "持续推进", "常态化", "常态化推进", "长效机制", "久久为功", "不定期",
    "立即整改", "尽快", "按要求", "2月30日", "2024-02-30",
    "每月底前报送", "每季度末", "每月10日前报送进展",
    "自2024年3月起持续推进", "2024年3月以来", "自3月起",
    "5个工作日内",  # needs a working-day calendar
])
def test_names_no_date(text: str) -> None:
    assert derive_deadline(text, REF) is None


def test_year_comes_from_the_reference() -> None:
    assert derive_deadline("6月底前", date(2025, 12, 20)) == date(2025, 6, 30)
    assert derive_deadline("年底前", date(2024, 1, 2)) == date(2024, 12, 31)
    assert derive_deadline("上半年", date(2030, 7, 1)) == date(2030, 6, 30)


def test_relative_month_and_quarter_cross_the_year() -> None:
    dec = date(2026, 12, 5)
    assert derive_deadline("下月底", dec) == date(2027, 1, 31)
    assert derive_deadline("下季度末", dec) == date(2027, 3, 31)
    assert derive_deadline("本季度", dec) == date(2026, 12, 31)
    assert derive_deadline("本月底", date(2024, 2, 10)) == date(2024, 2, 29)


def test_working_days_use_the_given_calendar() -> None:
    def add_workdays(start: date, n: int) -> date:  # weekends off, nothing else
        day = start
        while n:
            day += timedelta(days=1)
            n -= day.weekday() < 5
        return day
    friday = date(2026, 3, 13)
    assert derive_deadline("5个工作日内", friday, add_workdays) == date(2026, 3, 20)
    assert derive_deadline("收到后3个工作日内办结", friday, add_workdays) == date(2026, 3, 18)
    assert derive_deadline("10日内", friday, add_workdays) == date(2026, 3, 23)  # calendar days


def test_ongoing_words_and_normalize() -> None:
    assert is_ongoing("持续推进") and is_ongoing("常态化开展") and is_ongoing("长期")
    assert not is_ongoing("6月底前")
    assert normalize("２０２４／６／３０　前") == "2024/6/30前"
