"""WorkCalendar.workdays_between counts from per-year tables: the same answers as counting day by
day, across years, both directions, and after an override is added or changed."""
from __future__ import annotations

import random
from datetime import date, timedelta

from bizenv_desktop.core.workdays import WorkCalendar


def _by_day(cal: WorkCalendar, start: date, end: date) -> int:
    if end < start:
        return -_by_day(cal, end, start)
    return sum(1 for i in range(1, (end - start).days + 1) if cal.is_workday(start + timedelta(days=i)))


def test_counts_match_a_day_by_day_count() -> None:
    cal = WorkCalendar(overrides={date(2026, 2, 14): True, date(2026, 3, 3): False})
    rng = random.Random(7)
    for _ in range(400):
        start = date(2020, 1, 1) + timedelta(days=rng.randrange(3000))
        end = start + timedelta(days=rng.randrange(-900, 900))
        assert cal.workdays_between(start, end) == _by_day(cal, start, end), (start, end)
    assert cal.workdays_between(date(2026, 1, 1), date(2026, 1, 1)) == 0
    assert cal.workdays_between(date(2025, 12, 31), date(2027, 1, 1)) == _by_day(cal, date(2025, 12, 31),
                                                                                 date(2027, 1, 1))


def test_an_override_changed_after_counting_is_seen() -> None:
    cal = WorkCalendar()
    start, end = date(2026, 1, 1), date(2026, 6, 30)
    before = cal.workdays_between(start, end)
    cal.overrides[date(2026, 3, 4)] = False  # a Wednesday made a day off
    assert cal.workdays_between(start, end) == before - 1
    cal.overrides[date(2026, 3, 4)] = True
    cal.overrides[date(2026, 3, 7)] = True  # a Saturday made a working day
    assert cal.workdays_between(start, end) == before + 1 == _by_day(cal, start, end)


def test_library_days_agree_with_chinese_calendar() -> None:
    """The calendar reads chinese-calendar's tables per year (its is_workday rescans the whole
    table each call): every day of every year it knows gets the library's own answer, and the
    years it knows are the years its is_workday accepts."""
    import chinese_calendar

    from bizenv_desktop.core import workdays

    known = [y for y in range(2000, 2040) if workdays.library_knows(y)]
    assert known and known == list(range(known[0], known[-1] + 1))
    for year in (known[0] - 1, known[-1] + 1):
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            pass
        else:
            raise AssertionError(f"chinese-calendar knows {year}, WorkCalendar says it does not")
    cal = WorkCalendar()
    day = date(known[0], 1, 1)
    while day.year <= known[-1]:
        assert cal.is_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
