"""The shipped table of guessed holidays is what the holidays package says (.ci/guessed_holidays.py)."""
from __future__ import annotations

from datetime import date

import holidays

from bizenv_desktop.core import workdays


def test_table_matches_the_holidays_package_for_every_year_it_holds() -> None:
    table = workdays._guess_table()
    assert table, "run .ci/guessed_holidays.py"
    for year, days in table.items():
        assert {date.fromisoformat(d) for d in days} == set(holidays.China(years=int(year))), year


def test_a_year_beyond_the_table_still_gets_a_guess() -> None:
    far = max(int(y) for y in workdays._guess_table()) + 1
    assert date(far, 10, 1) in workdays._guessed_holidays(far)
