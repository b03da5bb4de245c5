"""季度报告（报省软环境办）: the department's letter on the key tasks of a quarter (portrait).

Due on the 5th working day of the next quarter (每季度前5个工作日内报上季度情况). Progress is
told quarter by quarter up to the reported one, each quarter by its last dispatched month.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from reportlab.platypus import Flowable

from ...core.errors import InvalidInput
from ...core.model import Indicator, Plan
from ...core.workdays import quarter_end, quarter_start
from ...storage.database import Database
from ..calendar import load_calendar
from ..deadlines import list_deadlines
from ..dispatch import DispatchRow, Month
from ..plan_read import list_liaisons, load_plan
from .common import chinese_date, head, p
from .layout import Metadata, Styles, build_pdf, make_styles
from .periods import (QUARTER_WORDS, count_sentence, ending, figure_text, issue_date, keep, met_text, month_word,
                      numeral, quarter_months_loaded, section, we)

ADDRESSEE = "省软环境建设办公室："


def title_of(office: str, year: int, quarter: int) -> str:
    return f"{office}关于{year}年{QUARTER_WORDS[quarter]}营商环境建设重点工作任务推进落实情况的报告"


def due_date(db: Database, year: int, quarter: int) -> tuple[date, bool]:
    """(the 5th working day of the next quarter, whether the calendar for it is confirmed)."""
    end = quarter_end(year, quarter)
    key = f"provincial_quarterly_report:{year}Q{quarter}"
    found = [d for d in list_deadlines(db, end, end + timedelta(days=40)) if d.key == key]
    if found:
        return found[0].due, found[0].confirmed
    start = quarter_start(year + 1, 1) if quarter == 4 else quarter_start(year, quarter + 1)
    fifth = load_calendar(db).nth_workday_from(start, 5)
    return fifth.day, fifth.confirmed


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith(("。", "！", "？", "；", "…")) else text + "。"


def _row_text(r: DispatchRow, many: bool) -> str:
    """'法规处：推进中。进展……' (the division only where several report on one indicator)."""
    who = f"{r.division_name}：" if many and r.division_name else ""
    figure = ""
    if r.figure is not None:
        figure = f"{r.target.metric if r.target and r.target.metric else '数值'}{figure_text(r.figure, r.target)}" \
                 f"（{met_text(r.target_met)}）。"
    return f"{who}{r.status}。{figure}{_sentence(r.progress)}"


def _progress(rows_by_quarter: dict[int, list[DispatchRow]], months: dict[int, Month | None],
              styles: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for q, m in months.items():
        rows = rows_by_quarter.get(q, [])
        if m is None or not rows:
            continue
        many = len({r.division_name for r in rows}) > 1
        out.append(p(f"{QUARTER_WORDS[q]}（{month_word(m.month)}调度）：" +
                     "".join(_row_text(r, many) for r in rows), styles.body))
    return out


def _problems(rows: list[DispatchRow], styles: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    many = len({r.division_name for r in rows}) > 1
    for word, field in (("存在问题", "problems"), ("下步打算", "next_steps")):
        texts = [(r.division_name, getattr(r, field).strip()) for r in rows if getattr(r, field).strip()]
        if texts:
            out.append(p(f"{word}：" + "".join(_sentence(f"{who}：{t}" if many and who else t)
                                               for who, t in dict.fromkeys(texts)), styles.body))
    return out


def _indicator(ind: Indicator, months: dict[int, Month | None], quarter: int, styles: Styles) -> list[Flowable]:
    code = ind.code.replace("(", "（").replace(")", "）")
    out: list[Flowable] = [p(f"{code}{_sentence(ind.name)}", keep(styles.body))]
    rows_by_q = {q: [r for r in m.rows if r.indicator_id == ind.id] for q, m in months.items() if m}
    if not any(rows_by_q.values()):
        return out + [p("本年度尚未纳入月调度。", styles.body)]
    if ind.subtasks:
        for sub in ind.subtasks:
            who = "，".join(x for x in (sub.division_name, f"责任人{sub.person}" if sub.person else "",
                                       f"完成时限{chinese_date(date.fromisoformat(sub.deadline))}"
                                       if sub.deadline else "") if x)
            out.append(p(f"{code}-{sub.position} {sub.name}" + (f"（{who}）" if who else ""), keep(styles.body)))
            mine = {q: [r for r in rows if r.subtask_id == sub.id] for q, rows in rows_by_q.items()}
            out += _progress(mine, months, styles) + _problems(mine.get(quarter, []), styles)
        rest = {q: [r for r in rows if not r.subtask_id] for q, rows in rows_by_q.items()}
        return out + _progress(rest, months, styles) + _problems(rest.get(quarter, []), styles)
    return out + _progress(rows_by_q, months, styles) + _problems(rows_by_q.get(quarter, []), styles)


def story(db: Database, plan: Plan, quarter: int, styles: Styles, today: date) -> list[Flowable]:
    year = plan.year
    months = quarter_months_loaded(db, year, quarter)
    due, confirmed = due_date(db, year, quarter)
    out = head(styles, title_of(plan.office, year, quarter),
               f"（报送时限：{chinese_date(due)}前{'，工作日历尚未确认' if not confirmed else ''}）")
    out.append(p(ADDRESSEE, styles.body_left))
    out.append(p(f"按照《吉林省营商环境考核评价实施方案（试行）》关于每季度前5个工作日内将上季度重点工作任务推进落实情况"
                 f"报省软环境建设办公室的要求，现将{we(plan.office)}{year}年{QUARTER_WORDS[quarter]}"
                 f"营商环境建设重点工作任务推进落实情况报告如下：", styles.body))
    out += section("一、总体推进情况", styles, with_next=True)
    current = months[quarter]
    if current is None:
        out.append(p(f"{QUARTER_WORDS[quarter]}尚未开展月调度，暂无推进数据。", styles.body))
    else:
        out.append(p(f"{we(plan.office)}{year}年度营商环境考核评价共{len(plan.second_level())}项二级指标。截至"
                     f"{month_word(current.month)}调度，纳入调度的具体任务共"
                     f"{count_sentence(r.status for r in current.rows)}。", styles.body))
    for q, m in months.items():
        if q != quarter:
            state = f"以{month_word(m.month)}调度为准，共{count_sentence(r.status for r in m.rows)}" if m else "未开展月调度"
            out.append(p(f"{QUARTER_WORDS[q]}：{state}。", styles.body))
    out += section("二、重点工作任务推进情况", styles, with_next=True)
    for n, dim in enumerate(plan.dimensions, 1):
        out.append(p(f"（{numeral(n)}）{dim.name}", keep(styles.heading2)))
        for first in dim.indicators:
            out.append(p(f"{first.code}.{first.name}" if first.code else first.name, keep(styles.body)))
            for ind in first.children:
                out += _indicator(ind, months, quarter, styles)
    # the last paragraph goes with 特此报告 and the signature, so they never stand alone on a page
    out += ending(styles, plan.office, today, [out.pop(), p("特此报告。", styles.body)])
    liaison = next((x for x in list_liaisons(db) if x.start_date <= today.isoformat()
                    and (not x.end_date or x.end_date >= today.isoformat())), None)
    if liaison is not None:
        phone = f"，联系电话：{liaison.phone}" if liaison.phone else ""
        out.append(p(f"（联系人：{liaison.name}{phone}）", styles.body))
    return out


def build(db: Database, year: int, quarter: int, path: str | Path, today: date | None = None,
          font_folder: str | None = None) -> int:
    if not 1 <= quarter <= 4:
        raise InvalidInput(f"季度应为 1–4，收到：{quarter}。")
    plan = load_plan(db, year)
    styles = make_styles(font_folder)
    title = title_of(plan.office, year, quarter)
    return build_pdf(path, story(db, plan, quarter, styles, issue_date(today)), styles,
                     Metadata(title, plan.office, "季度重点工作任务推进落实情况（报省软环境办）"))
