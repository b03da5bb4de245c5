"""月调度情况: one month's dispatch for the department (portrait).

Summary counts, the items that need attention (late first), every indicator's status and
progress, quantitative figures against targets, and what changed since last month.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from ...core import dispatch as rules
from ...core.model import Plan
from ...storage.database import Database
from ..dispatch import DispatchRow, Month, load_month
from ..plan_read import load_plan
from .common import chinese_date, grid_table, head, p
from .layout import Metadata, Styles, build_pdf, make_styles
from .periods import (count_text, ending, figure_text, grouped, issue_date, label_maker, met_text, month_word,
                      section)

Label = Callable[[DispatchRow], str]

ATTENTION = ("序号", "指标", "责任处室", "状态", "存在问题", "下步打算")
ATTENTION_W = (12, 36, 19, 16, 36, 37)
DETAIL = ("序号", "指标", "责任处室", "状态", "进展情况", "存在问题", "下步打算")
DETAIL_W = (12, 30, 19, 16, 29, 25, 25)
FIGURES = ("序号", "指标", "考核目标", "责任处室", "本月数值", "上月数值", "是否达标")
FIGURES_W = (12, 40, 20, 19, 22, 21, 22)
CHANGES = ("序号", "指标", "责任处室", "上月状态", "本月状态", "变化")
CHANGES_W = (12, 52, 19, 22, 22, 29)


def title_of(month: str) -> str:
    return f"{int(month[:4])}年{int(month[5:7])}月营商环境建设工作月调度情况"


def _who(r: DispatchRow) -> str:
    return r.division_name or "—"


def _summary(m: Month, styles: Styles) -> list[Flowable]:
    out: list[Flowable] = [*section("一、总体情况", styles),
                           p(f"本月共调度 {count_text(r.status for r in m.rows)}。", styles.body)]
    figures = [r for r in m.rows if r.kind == "quantitative"]
    if figures:
        met = sum(1 for r in figures if r.target_met is True)
        unmet = sum(1 for r in figures if r.target_met is False)
        blank = len(figures) - met - unmet
        out.append(p(f"定量指标 {len(figures)} 项：达标 {met}，未达标 {unmet}" +
                     (f"，未填报数值 {blank}" if blank else "") + "。", styles.body))
    if m.closed:
        try:
            closed = chinese_date(date.fromisoformat((m.closed_at or "")[:10]))
        except ValueError:
            closed = m.closed_at or ""
        out.append(p(f"本月调度已于{closed}关闭。", styles.body))
    else:
        out.append(p("本月调度尚未关闭，以下为截至成文日期的填报情况。", styles.body))
    return out


def _attention(m: Month, styles: Styles, label: Label) -> list[Flowable]:
    late = [r for r in m.rows if r.status == rules.LATE]
    other = [r for r in m.rows if r.status != rules.LATE and r.problems.strip()
             and r.status not in (rules.DONE, rules.NOT_APPLICABLE)]
    out: list[Flowable] = [*section("二、需关注事项", styles)]
    if not late and not other:
        out.append(p("本月没有滞后或反映存在问题的事项。", styles.body))
        return out
    out.append(p(f"滞后 {len(late)} 项" + (f"，其他反映存在问题的 {len(other)} 项（滞后事项列在前面）" if other
                                           else "") + "。", styles.body))
    rows = [[str(n), label(r), _who(r), r.status, r.problems or "—", r.next_steps or "—"]
            for n, r in enumerate(late + other, 1)]
    out.append(grid_table(ATTENTION, rows, ATTENTION_W, styles, center_cols=(0, 2, 3)))
    return out


def _details(plan: Plan, m: Month, styles: Styles, label: Label) -> list[Flowable]:
    rows, groups = grouped(plan, m.rows, lambda r: [
        label(r), _who(r), r.status, r.progress or "—", r.problems or "—", r.next_steps or "—"])
    return [*section("三、各项指标推进情况", styles),
            grid_table(DETAIL, rows, DETAIL_W, styles, group_rows=groups, center_cols=(0, 2, 3))]


def _figures(m: Month, styles: Styles, label: Label) -> list[Flowable]:
    figures = [r for r in m.rows if r.kind == "quantitative"]
    out: list[Flowable] = [*section("四、定量指标完成情况", styles)]
    if not figures:
        out.append(p("本月调度中没有定量指标。", styles.body))
        return out
    rows = []
    for n, r in enumerate(figures, 1):
        before = m.previous.get(r.key)
        metric = f"\n（{r.target.metric}）" if r.target and r.target.metric else ""
        rows.append([str(n), label(r) + metric, r.target.text() if r.target else "—", _who(r),
                     figure_text(r.figure, r.target), figure_text(before.figure if before else None, r.target),
                     met_text(r.target_met)])
    out.append(grid_table(FIGURES, rows, FIGURES_W, styles, center_cols=(0, 2, 3, 4, 5, 6)))
    return out


def _compared(m: Month, styles: Styles, label: Label) -> list[Flowable]:
    out: list[Flowable] = [*section("五、与上月相比", styles)]
    last = rules.previous_month(m.month)
    if not m.previous:
        out.append(p(f"上月（{int(last[:4])}年{month_word(last)}）未开展调度，没有可比较的数据。", styles.body))
        return out
    by_key = {r.key: r for r in m.rows}
    changes = [c for c in m.diff.changes.values() if c.key in by_key]
    moved = [c for c in changes if c.status_changed]
    new = [c for c in changes if c.is_new]
    done = [c for c in moved if c.newly_done]
    late = [c for c in moved if c.newly_late]
    updated = [c for c in changes if not c.is_new and not c.status_changed]
    removed = [k for k in m.previous if k not in by_key]
    text = (f"与上月相比，完成状态变化 {len(moved)} 项，其中新完成 {len(done)} 项、新增滞后 {len(late)} 项；"
            f"状态未变但填报内容有更新 {len(updated)} 项")
    text += f"；新纳入调度 {len(new)} 项" if new else ""
    text += f"；上月有、本月不再调度 {len(removed)} 项" if removed else ""
    out.append(p(text + "。", styles.body))
    order = {r.key: n for n, r in enumerate(m.rows)}
    listed = sorted(moved + new, key=lambda c: order[c.key])
    if listed:
        rows = []
        for n, c in enumerate(listed, 1):
            r = by_key[c.key]
            what = ("新纳入调度" if c.is_new else "新完成" if c.newly_done else "新增滞后" if c.newly_late
                    else "状态变化")
            rows.append([str(n), label(r), _who(r), c.old_status or "—", c.new_status, what])
        out.append(grid_table(CHANGES, rows, CHANGES_W, styles, center_cols=(0, 2, 3, 4, 5)))
    return out


def story(plan: Plan, m: Month, styles: Styles, today: date) -> list[Flowable]:
    label = label_maker(plan)
    out = head(styles, title_of(m.month))
    for part in (_summary(m, styles), _attention(m, styles, label), _details(plan, m, styles, label),
                 _figures(m, styles, label)):
        out += part
    out += ending(styles, plan.office, today, _compared(m, styles, label))
    return out


def build(db: Database, year: int, month: int, path: str | Path, today: date | None = None,
          font_folder: str | None = None) -> int:
    plan = load_plan(db, year)
    m = load_month(db, f"{year:04d}-{month:02d}")
    styles = make_styles(font_folder)
    title = title_of(m.month)
    return build_pdf(path, story(plan, m, styles, issue_date(today)), styles,
                     Metadata(title, plan.office, "营商环境建设工作月调度情况"))
