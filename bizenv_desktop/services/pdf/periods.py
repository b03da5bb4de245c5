"""What the periodic reports share: quarters and their dispatch months, status counts, figures.

Reads are a query or two per call (never one per indicator or row). No Qt.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from ...core import dispatch as rules
from ...core.model import Plan, Target
from ...storage.database import Database
from ..dispatch import DispatchRow, Month, load_month
from .common import p, signature
from .layout import LINE_PT, Styles

QUARTER_WORDS = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
NUMERALS = "一二三四五六七八九十"


def numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 23 -> 二十三 (headings 一、 （一）)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


def quarter_months(year: int, quarter: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(3 * quarter - 2, 3 * quarter + 1)]


def month_word(month: str) -> str:
    """'2026-09' -> '9月'."""
    return f"{int(month[5:7])}月"


def months_with_rows(db: Database, first: str, last: str) -> list[str]:
    """The dispatch months from first through last that have rows, in order (one query)."""
    return [r[0] for r in db.query(
        "SELECT m.month FROM dispatch_month m WHERE m.month BETWEEN ? AND ?"
        " AND EXISTS (SELECT 1 FROM dispatch_row r WHERE r.month = m.month) ORDER BY m.month", (first, last))]


def last_month_of_quarter(db: Database, year: int, quarter: int) -> str | None:
    """The last month of the quarter that has dispatch rows, or None."""
    months = quarter_months(year, quarter)
    found = months_with_rows(db, months[0], months[-1])
    return found[-1] if found else None


def quarter_months_loaded(db: Database, year: int, up_to: int) -> dict[int, Month | None]:
    """{quarter: its last dispatched month (rows loaded) or None} for quarters 1..up_to."""
    out: dict[int, Month | None] = {}
    for q in range(1, up_to + 1):
        month = last_month_of_quarter(db, year, q)
        out[q] = load_month(db, month) if month else None
    return out


# the order the office reports statuses in: finished first, then what is under way, late, …
REPORT_ORDER = (rules.DONE, rules.IN_PROGRESS, rules.LATE, rules.NOT_STARTED, rules.NOT_APPLICABLE)


def counts(statuses: Iterable[str]) -> tuple[int, list[tuple[str, int]]]:
    """(total, [(status, count)…]) in REPORT_ORDER, zero counts left out."""
    total, found = rules.count_line(statuses)
    by_status = dict(found)
    return total, [(s, by_status[s]) for s in REPORT_ORDER if by_status.get(s)]


def count_text(statuses: Iterable[str]) -> str:
    """'29 项：已完成 5，推进中 10，滞后 3，未启动 11' (zero counts left out)."""
    total, found = counts(statuses)
    return f"{total} 项：" + "，".join(f"{s} {n}" for s, n in found) if total else "0 项"


def count_sentence(statuses: Iterable[str]) -> str:
    """'32项，其中已完成4项、推进中24项、滞后3项' for running text."""
    total, found = counts(statuses)
    return f"{total}项，其中" + "、".join(f"{s}{n}项" for s, n in found) if total else "0项"


def keep(style: ParagraphStyle) -> ParagraphStyle:
    """The style kept on one page with what follows (headings, an indicator's first line)."""
    return ParagraphStyle(f"{style.name}-keep", parent=style, keepWithNext=1)


def label_maker(plan: Plan) -> Callable[[DispatchRow], str]:
    """A row's label: '(10) 一网通办', or '(3)-2 sub-task name' numbered as in the 任务分工表."""
    positions = {s.id: s.position for ind in plan.second_level() for s in ind.subtasks}

    def label(r: DispatchRow) -> str:
        if r.subtask_id:
            return f"{r.indicator_code}-{positions.get(r.subtask_id, '')} {r.subtask_name}"
        return f"{r.indicator_code} {r.indicator_name}"
    return label


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def figure_text(value: float | None, target: Target | None) -> str:
    """'92.5%' or '—'."""
    if value is None:
        return "—"
    return number(value) + (target.unit if target else "")


def met_text(met: bool | None) -> str:
    return "—" if met is None else ("达标" if met else "未达标")


def grouped(plan: Plan, rows: Sequence[DispatchRow],
            cells: Callable[[DispatchRow], list[object]]) -> tuple[list[list[object]], list[int]]:
    """Table rows under first-level group rows, in plan order, numbered 1, 2, …; cells(row) gives
    a row's cells after the number. Rows whose indicator is not in the plan come last."""
    by_indicator: dict[int, list[DispatchRow]] = {}
    for r in rows:
        by_indicator.setdefault(r.indicator_id, []).append(r)
    out: list[list[object]] = []
    groups: list[int] = []
    n = 0
    seen: set[int] = set()
    for dim in plan.dimensions:
        for first in dim.indicators:
            kids = [r for c in first.children for r in by_indicator.get(c.id, [])]
            if not kids:
                continue
            groups.append(len(out))
            out.append([f"{first.code}、{first.name}" if first.code else first.name])
            for r in kids:
                n += 1
                seen.add(r.id)
                out.append([str(n), *cells(r)])
    rest = [r for r in rows if r.id not in seen]
    if rest:
        groups.append(len(out))
        out.append(["其他"])
        for r in rest:
            n += 1
            out.append([str(n), *cells(r)])
    return out, groups


def we(office: str) -> str:
    """How the office names itself: 吉林省科学技术厅 -> 我厅, …局 -> 我局, otherwise 我单位."""
    return f"我{office[-1]}" if office and office[-1] in "厅局委办院署会部" else "我单位"


def issue_date(today: date | None) -> date:
    return today or date.today()


def section(title: str, styles: Styles, with_next: bool = False) -> list[Flowable]:
    """A 一、 heading with a little air above it, on a new page when fewer than four lines are left.

    with_next keeps it on one page with the next paragraph; not before a table: kept with a long
    table, the heading would push the whole table to a new page.
    """
    return [CondPageBreak(4 * LINE_PT), Spacer(1, LINE_PT / 3),
            p(title, keep(styles.heading1) if with_next else styles.heading1)]


def ending(styles: Styles, office: str, day: date, tail: Sequence[Flowable] = ()) -> list[Flowable]:
    """The signature kept on one page with the last part of the text, never alone on a page."""
    return [KeepTogether([*tail, *signature(styles, office, day)])]
