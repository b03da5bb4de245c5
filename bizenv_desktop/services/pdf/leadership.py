"""季度汇报（厅主要领导）: where the year stands at a quarter's end (portrait).

First the overview — counts by status, late items and who owns them, supervised items open
and overdue, quantitative indicators with a chart, next quarter's deadlines — then, as an
attachment after the signature, every indicator's progress in the quarter's last month.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from ...core import dispatch as rules
from ...core.errors import InvalidInput
from ...core.model import Plan, Target
from ...core.workdays import quarter_end, quarter_start
from ...storage.database import Database
from ..charts import quantitative_chart
from ..deadlines import list_deadlines
from ..dispatch import Month, load_month
from ..plan_read import load_plan
from .common import chinese_date, grid_table, head, p
from .layout import LINE_PT, Metadata, Styles, build_pdf, make_styles
from .periods import (QUARTER_WORDS, REPORT_ORDER, count_sentence, ending, figure_text, grouped, issue_date, keep,
                      label_maker, last_month_of_quarter, met_text, month_word, months_with_rows, quarter_months,
                      section)

SUPERVISION_STATUSES = ("待签收", "办理中", "已办结", "已报结", "已销号")
OPEN_SUPERVISION = ("待签收", "办理中")
LATE = ("序号", "指标", "责任处室", "责任人", "存在问题", "下步打算")
LATE_W = (12, 35, 19, 17, 36, 37)
OVERDUE = ("编号", "来源", "事项内容", "牵头处室", "办结时限", "状态", "逾期天数")
OVERDUE_W = (25, 20, 33, 19, 24, 16, 19)
DEADLINES = ("序号", "日期", "事项", "备注")
DEADLINES_W = (12, 32, 88, 24)
DETAIL = ("序号", "指标", "责任处室", "状态", "进展情况", "存在问题", "下步打算")
DETAIL_W = (12, 30, 19, 16, 29, 25, 25)


def title_of(year: int, quarter: int) -> str:
    return f"关于{year}年{QUARTER_WORDS[quarter]}营商环境建设工作情况的汇报"


def _counts_table(labels: Sequence[str], values: Sequence[int], styles: Styles) -> Flowable:
    width = 156 / len(labels)
    return grid_table(labels, [[str(v) for v in values]], [width] * len(labels), styles,
                      center_cols=range(len(labels)))


def _overview(m: Month | None, quarter: int, styles: Styles, label: Any) -> list[Flowable]:
    out = section("一、总体情况", styles)
    if m is None:
        return out + [p(f"{QUARTER_WORDS[quarter]}尚未开展月调度，暂无推进数据。", styles.body),
                      *section("二、滞后事项及责任处室", styles), p("本季度没有调度数据。", styles.body)]
    statuses = [r.status for r in m.rows]
    out.append(p(f"截至{month_word(m.month)}调度，纳入调度的任务共{count_sentence(statuses)}。", styles.body))
    found = Counter(statuses)
    out.append(_counts_table(("合计", *REPORT_ORDER), [len(statuses), *(found[s] for s in REPORT_ORDER)], styles))
    late = [r for r in m.rows if r.status == rules.LATE]
    out += section("二、滞后事项及责任处室", styles)
    if not late:
        return out + [p("本季度末没有滞后事项。", styles.body)]
    owners = Counter(r.division_name or "未明确处室" for r in late)
    out.append(p(f"滞后{len(late)}项，涉及" + "、".join(f"{d}{n}项" for d, n in owners.most_common()) + "。",
                 styles.body))
    rows = [[str(n), label(r), r.division_name or "—", r.person or "—", r.problems or "—", r.next_steps or "—"]
            for n, r in enumerate(late, 1)]
    return out + [grid_table(LATE, rows, LATE_W, styles, center_cols=(0, 2, 3))]


def _supervision(db: Database, as_of: date, styles: Styles) -> list[Flowable]:
    items = db.query(
        "SELECT i.no, i.source, i.content, i.deadline, i.status, i.done_on,"
        " coalesce((SELECT group_concat(d.name, '、') FROM supervision_division sd JOIN division d"
        "  ON d.id = sd.division_id WHERE sd.item_id = i.id AND sd.role = 'lead'), '') AS leads"
        " FROM supervision_item i WHERE i.received_on = '' OR i.received_on <= ? ORDER BY i.deadline, i.no, i.id",
        (as_of.isoformat(),))
    out = section("三、交办督办事项办理情况", styles)
    if not items:
        return out + [p(f"截至{chinese_date(as_of)}，没有省软环境办交办、督办事项。", styles.body)]

    def overdue(r: Any) -> bool:
        return bool(r["deadline"]) and r["deadline"] < as_of.isoformat() and (
            r["status"] in OPEN_SUPERVISION or (bool(r["done_on"]) and r["done_on"] > as_of.isoformat()))
    late = [r for r in items if overdue(r)]
    found = Counter(r["status"] for r in items)
    still_open = sum(found[s] for s in OPEN_SUPERVISION)
    out.append(p(f"截至{chinese_date(as_of)}，共有交办、督办事项{len(items)}项，未办结{still_open}项，"
                 f"其中逾期{len(late)}项。", styles.body))
    out.append(_counts_table(("合计", *SUPERVISION_STATUSES, "逾期"),
                             [len(items), *(found[s] for s in SUPERVISION_STATUSES), len(late)], styles))
    if late:
        out += [Spacer(1, LINE_PT / 4), p("逾期未办结事项：", keep(styles.body))]
        rows = [[r["no"], r["source"], r["content"], r["leads"] or "—", r["deadline"], r["status"],
                 f"{(as_of - date.fromisoformat(r['deadline'])).days}天"] for r in late]
        out.append(grid_table(OVERDUE, rows, OVERDUE_W, styles, center_cols=(3, 4, 5, 6)))
    return out


def _series(db: Database, plan: Plan, last: str) -> list[tuple[str, str, Target, list[tuple[str, float | None]]]]:
    """(code, name, target, twelve (month, figure)) of each quantitative indicator up to month last."""
    months = [f"{plan.year:04d}-{m:02d}" for m in range(1, 13)]
    rows: dict[tuple[str, str], list[float]] = {}
    for month in months_with_rows(db, months[0], last):
        for r in load_month(db, month).rows:
            if r.figure is not None:
                rows.setdefault((r.indicator_code, month), []).append(r.figure)
    out = []
    for ind in plan.second_level():
        if ind.kind == "quantitative" and ind.target is not None:
            worst = max if ind.target.op in ("<=", "<") else min  # every division must meet the target
            out.append((ind.code, ind.name, ind.target,
                        [(m, worst(rows[(ind.code, m)]) if (ind.code, m) in rows else None) for m in months]))
    return out


def _chart(series: list, styles: Styles) -> Drawing:
    font = styles.fonts["body"].name
    drawing = quantitative_chart(series, width=156 * mm, height=55 * mm + 14 * len(series), font_name=font)
    drawing.initialFontName = font  # the renderer would otherwise start in (unembedded) Helvetica
    for item in drawing.contents:  # the chart's value axis labels use Helvetica: embed our font instead
        if isinstance(item, LinePlot):
            item.yValueAxis.labels.fontName = font
            item.xValueAxis.labels.fontName = font
    return drawing


def _figures(db: Database, plan: Plan, year: int, quarter: int, last: str | None,
             styles: Styles) -> list[Flowable]:
    out = section("四、定量指标完成情况", styles)
    series = _series(db, plan, last or f"{year:04d}-00")
    if not series:
        return out + [p("本年度方案中没有定量指标。", styles.body)]
    months = quarter_months(year, quarter)
    values = {code: dict(points) for code, _n, _t, points in series}
    header = ("指标", "考核目标", *(month_word(m) for m in months), "季末是否达标")
    rows = []
    for code, name, target, _points in series:
        final = values[code].get(last or "")
        rows.append([f"{code} {name}", target.text(), *(figure_text(values[code].get(m), target) for m in months),
                     met_text(None if final is None else target.met_by(final))])
    met = sum(1 for r in rows if r[-1] == "达标")
    drawn = any(v is not None for _c, _n, _t, points in series for _m, v in points)
    out.append(p(f"定量指标{len(series)}项，季末达标{met}项；各月数值见下表" +
                 ("和下图（图中虚线为目标值）。" if drawn else "（本年度尚未填报数值）。"), styles.body))
    out.append(grid_table(header, rows, (44, 22, 20, 20, 20, 30), styles, center_cols=(1, 2, 3, 4, 5)))
    return out + ([Spacer(1, LINE_PT / 3), _chart(series, styles)] if drawn else [])


def _deadlines(db: Database, year: int, quarter: int, styles: Styles) -> list[Flowable]:
    ny, nq = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    first, last = quarter_start(ny, nq), quarter_end(ny, nq)
    items = list_deadlines(db, first, last)
    out = section(f"五、下季度（{ny}年{QUARTER_WORDS[nq]}）重点时间节点", styles)
    if not items:
        return out + [p("下季度没有已知的时间节点。", styles.body)]
    rows = [[str(n), chinese_date(d.due), d.title,
             "已完成" if d.done_on else ("日历未确认" if not d.confirmed else "")] for n, d in enumerate(items, 1)]
    return out + [grid_table(DEADLINES, rows, DEADLINES_W, styles, center_cols=(0, 1, 3))]


def _attachment(plan: Plan, m: Month | None, styles: Styles, label: Any) -> list[Flowable]:
    out: list[Flowable] = [PageBreak(), p("附件", styles.body_left)]
    out += head(styles, "各项指标推进情况", f"（{month_word(m.month)}调度）" if m else "")
    if m is None:
        return out + [p("本季度尚未开展月调度。", styles.body)]
    rows, groups = grouped(plan, m.rows, lambda r: [
        label(r), r.division_name or "—", r.status, r.progress or "—", r.problems or "—", r.next_steps or "—"])
    return out + [grid_table(DETAIL, rows, DETAIL_W, styles, group_rows=groups, center_cols=(0, 2, 3))]


def story(db: Database, plan: Plan, quarter: int, styles: Styles, today: date) -> list[Flowable]:
    year = plan.year
    last = last_month_of_quarter(db, year, quarter)
    m = load_month(db, last) if last else None
    label = label_maker(plan)
    as_of = min(quarter_end(year, quarter), today)
    out = head(styles, title_of(year, quarter), f"（截至{month_word(last)}调度）" if last else "")
    out += _overview(m, quarter, styles, label)
    out += _supervision(db, as_of, styles)
    out += _figures(db, plan, year, quarter, last, styles)
    # the last section, the attachment note and the signature stay on one page
    tail = [*_deadlines(db, year, quarter, styles), Spacer(1, LINE_PT / 2), p("附件：各项指标推进情况", styles.body)]
    out += ending(styles, plan.office, today, tail)
    return out + _attachment(plan, m, styles, label)


def build(db: Database, year: int, quarter: int, path: str | Path, today: date | None = None,
          font_folder: str | None = None) -> int:
    if not 1 <= quarter <= 4:
        raise InvalidInput(f"季度应为 1–4，收到：{quarter}。")
    plan = load_plan(db, year)
    styles = make_styles(font_folder)
    return build_pdf(path, story(db, plan, quarter, styles, issue_date(today)), styles,
                     Metadata(f"{year}年{QUARTER_WORDS[quarter]}营商环境建设工作情况汇报", plan.office,
                              "季度工作情况（向厅主要领导汇报）"))
