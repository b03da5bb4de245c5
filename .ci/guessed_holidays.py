"""Write bizenv_desktop/data/guessed_holidays.json: the holidays package's guess of China's
public holidays for the years after the last one chinese-calendar knows (through 2040).

core.workdays reads the table instead of importing `holidays` (0.4 s and 9 MB at every
start-up while a deadline falls in an unpublished year). Run it again after upgrading
chinese-calendar or holidays: python .ci/guessed_holidays.py
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import chinese_calendar
import holidays

LAST = 2040
OUT = Path(__file__).resolve().parents[1] / "bizenv_desktop" / "data" / "guessed_holidays.json"


def unknown(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return True
    return False


def main() -> None:
    years = {str(y): sorted(d.isoformat() for d in holidays.China(years=y))
             for y in range(2004, LAST + 1) if unknown(y)}
    OUT.write_text(json.dumps({"source": f"holidays {holidays.__version__}: holidays.China (public holidays, "
                                         f"no make-up working days)", "years": years}, ensure_ascii=False, indent=0)
                   + "\n", encoding="utf-8")
    print(f"{OUT}: {len(years)} years ({min(years, default='-')}–{max(years, default='-')})")


if __name__ == "__main__":
    main()
