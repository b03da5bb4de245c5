"""The Chinese working-day calendar: the State Council's schedule, with the user's overrides.

chinese-calendar knows each year once the State Council has published it (holidays and
调休 make-up working days). For a year it does not know yet, the holidays package gives a
guess (fixed public holidays, no make-up days); such dates are "unconfirmed" and every
result that rests on one says so, until the user confirms the year by hand.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache, cache
from typing import Any


def _library() -> Any:
    import chinese_calendar  # on first use, not at the window's start-up (its tables: 5 ms)

    return chinese_calendar


@lru_cache(maxsize=1)
def _library_years() -> tuple[int, int]:
    """The first and last year chinese-calendar has the State Council's schedule of."""
    years = [d.year for d in _library().holidays]
    return min(years), max(years)


def library_knows(year: int) -> bool:
    first, last = _library_years()
    return first <= year <= last


@cache
def _library_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(holidays, make-up working days) of a year the library knows, from its public tables:
    its is_workday scans the whole holiday table on every call (min/max in _validate_date,
    about 40 µs a day; the 待办 list asks for hundreds of days)."""
    lib = _library()
    return (frozenset(d for d in lib.holidays if d.year == year),
            frozenset(d for d in lib.workdays if d.year == year))


@lru_cache(maxsize=1)
def _guess_table() -> dict[str, list[str]]:
    """data/guessed_holidays.json: holidays.China's guess for the years after chinese-calendar's
    last, written by .ci/guessed_holidays.py when the libraries are upgraded."""
    from ..paths import data_text

    try:
        text = data_text("guessed_holidays.json")
    except OSError:  # not shipped: every unknown year asks the holidays package
        return {}
    return json.loads(text)["years"]


@cache
def _guessed_holidays(year: int) -> frozenset[date]:
    if str(year) in _guess_table():
        return frozenset(date.fromisoformat(d) for d in _guess_table()[str(year)])
    import holidays  # 0.4 s and 9 MB (all countries): only for a year beyond the table

    return frozenset(holidays.China(years=year).keys())


def _library_workday(day: date) -> bool:
    """chinese_calendar.is_workday's answer (a make-up working day, or Monday-Friday and not a
    holiday); for a year it does not know, the guessed holidays'."""
    if library_knows(day.year):
        holidays, makeup = _library_year(day.year)
        return day in makeup or (day.weekday() < 5 and day not in holidays)
    return day.weekday() < 5 and day not in _guessed_holidays(day.year)


@dataclass(frozen=True)
class Dated:
    """A date computed from the calendar, and whether every day it rests on is confirmed."""

    day: date
    confirmed: bool


@dataclass
class WorkCalendar:
    """overrides: date -> is working day (the user's corrections); confirmed_years: years the
    user has confirmed by hand although the library does not know them."""

    overrides: dict[date, bool] = field(default_factory=dict)
    confirmed_years: set[int] = field(default_factory=set)
    # year -> working days from 1 January up to each day of the year (workdays_between); kept
    # with the overrides they were counted under, so an override changed later is seen
    _counts: dict[int, list[int]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _counted_under: frozenset[tuple[date, bool]] = field(default=frozenset(), init=False, repr=False,
                                                           compare=False)

    def is_workday(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        return _library_workday(day)

    def is_confirmed(self, day: date) -> bool:
        return day in self.overrides or library_knows(day.year) or day.year in self.confirmed_years

    def nth_workday_from(self, start: date, n: int) -> Dated:
        """The n-th working day counting from start (start itself counts if it is one)."""
        if n < 1:
            raise ValueError("n must be at least 1")
        day, seen, confirmed = start, 0, True
        while True:
            confirmed = confirmed and self.is_confirmed(day)
            if self.is_workday(day):
                seen += 1
                if seen == n:
                    return Dated(day, confirmed)
            day += timedelta(days=1)

    def add_workdays(self, start: date, n: int) -> Dated:
        """The working day n working days after start (n >= 0; 0 = start or the next one)."""
        if n == 0:
            return self.nth_workday_from(start, 1)
        return self.nth_workday_from(start + timedelta(days=1), n)

    def last_workday_on_or_before(self, day: date) -> Dated:
        confirmed = True
        while True:
            confirmed = confirmed and self.is_confirmed(day)
            if self.is_workday(day):
                return Dated(day, confirmed)
            day -= timedelta(days=1)

    def workdays_between(self, start: date, end: date) -> int:
        """Working days after start up to and including end (negative if end is earlier)."""
        if end < start:
            return -self.workdays_between(end, start)
        if (end - start).days < 20:  # a few days: counting them is cheaper than a year's table
            return sum(1 for i in range(1, (end - start).days + 1) if self.is_workday(start + timedelta(days=i)))
        # counted from tables of the years (the ledger's warnings ask this for every item, on
        # spans of months: a day-by-day count took 0.2 s of the GUI thread for 5 000 items)
        return (sum(self._year_counts(y)[-1] for y in range(start.year, end.year)) + self._upto(end)
                - self._upto(start))

    def _upto(self, day: date) -> int:
        """Working days from 1 January of day's year up to and including day."""
        return self._year_counts(day.year)[day.timetuple().tm_yday - 1]

    def _year_counts(self, year: int) -> list[int]:
        under = frozenset(self.overrides.items())
        if under != self._counted_under:
            self._counts.clear()
            self._counted_under = under
        counts = self._counts.get(year)
        if counts is None:
            counts, seen, day = [], 0, date(year, 1, 1)
            while day.year == year:
                seen += self.is_workday(day)
                counts.append(seen)
                day += timedelta(days=1)
            self._counts[year] = counts
        return counts


def quarter_start(year: int, quarter: int) -> date:
    return date(year, 3 * (quarter - 1) + 1, 1)


def quarter_end(year: int, quarter: int) -> date:
    return (quarter_start(year + 1, 1) if quarter == 4 else quarter_start(year, quarter + 1)) - timedelta(days=1)


def month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)
