"""Tables the drafters share: a month's rows by indicator, late items, figures by month."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ...core import dispatch as rules
from ...core.document import Table
from ...core.model import Plan, Target
from ...storage.database import Database
from ..dispatch_read import DispatchRow
from .facts import ItemOnDay, MonthFacts
from .words import figure_text, iso_chinese, label_maker, met_text, month_word


def grouped(plan: Plan, rows: Sequence[DispatchRow],
            cells: Callable[[DispatchRow], list[str]]) -> tuple[list[list[str]], list[int]]:
    """Table rows under first-level group rows, in plan order, numbered 1, 2, …; cells(row) gives
    a row's cells after the number. Rows whose indicator is not in the plan come last."""
    by_indicator: dict[int, list[DispatchRow]] = {}
    for r in rows:
        by_indicator.setdefault(r.indicator_id, []).append(r)
    out: list[list[str]] = []
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


def progress_table(plan: Plan, facts: MonthFacts) -> Table:
    label = label_maker(plan)
    rows, groups = grouped(plan, facts.month.rows, lambda r: [
        label(r), r.division_name or "—", facts.status(r), r.progress or "—", _problem_and_next(r)])
    return Table(["序号", "指标", "责任处室", "状态", "进展情况", "存在问题及下步打算"], rows, groups, [0, 2, 3])


def _problem_and_next(r: DispatchRow) -> str:
    parts = ([f"问题：{r.problems}"] if r.problems.strip() else []) + (
        [f"下步：{r.next_steps}"] if r.next_steps.strip() else [])
    return "\n".join(parts) or "—"


def late_table(plan: Plan, facts: MonthFacts) -> Table | None:
    label = label_maker(plan)
    late = [r for r in facts.reported_rows() if r.status == rules.LATE]
    if not late:
        return None
    return Table(["序号", "指标", "责任处室", "责任人", "存在问题", "下步打算"],
                 [[str(n), label(r), r.division_name or "—", r.person or "—", r.problems or "—", r.next_steps or "—"]
                  for n, r in enumerate(late, 1)], center=[0, 2, 3], caption="滞后事项：")


def overdue_table(items: Sequence[ItemOnDay]) -> Table | None:
    late = [i for i in items if i.overdue]
    if not late:
        return None
    return Table(["编号", "来源", "事项内容", "牵头处室", "办结时限", "状态", "逾期天数"],
                 [[i.no or "—", i.source or "—", i.content, "、".join(i.leads) or "—", iso_chinese(i.deadline),
                   i.status, f"{i.days_overdue}天"] for i in late], center=[1, 3, 4, 5, 6],
                 caption="逾期未办结的交办督办事项：")


def series(db: Database, plan: Plan, first: str, last: str) -> list[tuple[str, str, Target, dict[str, float]]]:
    """(code, name, target, {month: figure}) of each quantitative indicator, months first..last;
    a month's figure is the worst division's (every division must meet the target). One query."""
    quantitative = [ind for ind in plan.second_level() if ind.kind == "quantitative" and ind.target is not None]
    if not quantitative:
        return []
    by_id = {ind.id: ind for ind in quantitative}
    found: dict[tuple[int, str], list[float]] = {}
    marks = ", ".join("?" * len(by_id))
    for month, indicator_id, numerator, denominator, value in db.query(
            f"SELECT month, indicator_id, numerator, denominator, value FROM dispatch_row WHERE month BETWEEN ? AND ?"
            f" AND indicator_id IN ({marks})", (first, last, *by_id)):
        figure = rules.effective_value(numerator, denominator, value, by_id[indicator_id].target)
        if figure is not None:
            found.setdefault((indicator_id, month), []).append(figure)
    out = []
    for ind in quantitative:
        assert ind.target is not None
        worst = max if ind.target.op in ("<=", "<") else min
        out.append((ind.code, ind.name, ind.target, {m: worst(v) for (i, m), v in found.items() if i == ind.id}))
    return out


def figures_table(data: list[tuple[str, str, Target, dict[str, float]]], months: list[str],
                  last: str | None) -> Table:
    rows = []
    for code, name, target, values in data:
        final = values.get(last or "")
        rows.append([f"{code} {name}", target.text(), *(figure_text(values.get(m), target) for m in months),
                     met_text(None if final is None else target.met_by(final))])
    return Table(["指标", "考核目标", *(month_word(m) for m in months), "期末是否达标"], rows,
                 center=list(range(1, len(months) + 3)))
