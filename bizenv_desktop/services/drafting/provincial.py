"""季度报告（报上级主管机关，如省软环境办）: the department's report on the key tasks of the last quarter.

Due within the first 5 working days of the next quarter. About that quarter only: the tasks'
progress by indicator (一、（一）1.（1）), (17) from the supervised-items ledger, (20)–(23) from
the counted events; no internal notes (due dates, calendar remarks, remarks columns).
"""
from __future__ import annotations

from datetime import date

from ...core import dispatch as rules
from ...core.document import Document, Section, escape
from ...core.model import Indicator
from ...core.workdays import quarter_start
from ..dispatch_read import DispatchRow
from . import records
from .context import Context
from .facts import (ItemOnDay, MonthFacts, event_phrase, events_between, last_month_of_quarter,
                    month_facts, months_with_rows, supervision_on)
from .words import (QUARTER_WORDS, Text, chinese_date, codes, count_phrase, figure_text, first_sentence, met_text,
                    paren_code, quarter_months, sentence)

MANY_ROWS = 4   # more rows than this for one indicator (every division reports on it): summed up


def title_of(office: str, year: int, quarter: int) -> str:
    return f"{office}关于{year}年{QUARTER_WORDS[quarter]}营商环境建设重点工作任务推进落实情况的报告"


def _is_ledger(ind: Indicator) -> bool:
    """The indicator scored on the supervised items (17 落实交办、督办事项 in the plan)."""
    return "交办" in ind.name or "督办" in ind.name


def _row_text(r: DispatchRow, many: bool) -> str:
    who = f"{r.subtask_name or r.division_name}：" if many and (r.subtask_name or r.division_name) else ""
    figure = ""
    if r.figure is not None:
        metric = r.target.metric if r.target and r.target.metric else "数值"
        figure = f"{metric}{figure_text(r.figure, r.target)}（{met_text(r.target_met)}），"
    progress = first_sentence(r.progress, 120)
    return f"{who}{r.status}，{figure}{progress}" if progress else f"{who}{r.status}{('，' + figure.rstrip('，')) if figure else ''}"


def _ledger_text(items: list[ItemOnDay], ctx: Context, q: int) -> str:
    start = quarter_start(ctx.year, q).isoformat()
    new = [i for i in items if i.received_on and i.received_on >= start]
    mine = [i for i in items if i.received_on >= start or i.is_open or (i.done_on and i.done_on >= start)]
    if not mine:
        return ""
    done = [i for i in mine if not i.is_open]
    overdue = [i for i in mine if i.overdue]
    return (f"本季度收到交办、督办等事项{len(new)}项；截至季末，本季度涉及的{len(mine)}项事项已办结{len(done)}项、"
            f"正在办理{len(mine) - len(done)}项" + (f"，其中逾期{len(overdue)}项" if overdue else "，无逾期事项") + "。")


def _indicator_text(ind: Indicator, facts: MonthFacts | None, items: list[ItemOnDay], ctx: Context, q: int) -> str:
    """The indicator's words, with what issue 16's records add: (1), (7), (15) and the 催办 of (17)."""
    text, first = _indicator_base(ind, facts, items, ctx, q), quarter_start(ctx.year, q)
    if _is_ledger(ind):
        return text + records.urge_phrase(ctx, first)
    return records.provincial_text(ctx, ind, first) + text


def _indicator_base(ind: Indicator, facts: MonthFacts | None, items: list[ItemOnDay], ctx: Context, q: int) -> str:
    if _is_ledger(ind):
        return _ledger_text(items, ctx, q)
    if ind.event_type:
        start = quarter_start(ctx.year, q)
        mine = [e for e in events_between(ctx.db, start, ctx.as_of) if e.indicator_id == ind.id]
        if not mine:
            return ""
        titles = "；".join(f"{e.title}（{e.outlet}）" if e.outlet else e.title for e in mine[:3])
        return f"本季度{event_phrase(mine)}：{titles}" + ("等" if len(mine) > 3 else "") + "。"
    if facts is None:
        return ""
    rows = list(facts.reported_of(ind.id))
    if not rows:
        return ""
    if len(rows) > MANY_ROWS:  # many divisions report on it: the counts, the late ones, two examples
        late = [r.subtask_name or r.division_name for r in rows if r.status == rules.LATE]
        shown = [r for r in rows if r.status in (rules.DONE, rules.IN_PROGRESS) and r.progress.strip()][:2]
        text = f"{len(rows)}项具体任务中，{count_phrase(r.status for r in rows)}"
        text += f"，滞后的为{codes(late, 4).replace('项', '个')}" if late else ""
        return sentence(text) + "".join(sentence(_row_text(r, True)) for r in shown)
    many = len(rows) > 1
    return "；".join(_row_text(r, many) for r in rows).rstrip("。") + "。"


def draft(ctx: Context) -> Document:
    q = ctx.request.quarter or 1
    year = ctx.year
    last = last_month_of_quarter(ctx.db, year, q)
    facts = month_facts(ctx.db, last) if last else None
    items = supervision_on(ctx.db, ctx.as_of, date(ctx.year, 1, 1))
    scheme = ctx.scheme
    opening = Text().add("{basis}，现将{we}{period}营商环境建设重点工作任务推进落实情况报告如下：",
                         basis=(f"按照{scheme}关于每季度前5个工作日内将上季度重点工作任务推进落实情况报{ctx.department.superior.name}的要求"
                                if scheme else "按照营商环境考核评价工作要求"),
                         we=ctx.we, period=f"{year}年{QUARTER_WORDS[q]}")
    summary = Text()
    if facts is None:
        summary.add("{period}，{we}尚未开展月调度。", period=f"{year}年{QUARTER_WORDS[q]}", we=ctx.we)
    else:
        months = months_with_rows(ctx.db, *quarter_months(year, q)[::2])
        statuses = facts.statuses()
        summary.add("{period}，{we}对照{n}项二级指标，按月调度重点工作任务{months}次。截至{end}，纳入调度的具体任务"
                    "共{total}项，其中{counts}。{events}",
                    period=f"{year}年{QUARTER_WORDS[q]}", we=ctx.we, n=len(ctx.plan.second_level()),
                    months=len(months), end=chinese_date(ctx.as_of), total=len(statuses), counts=count_phrase(statuses),
                    events=(f"本季度{event_phrase(events_between(ctx.db, quarter_start(year, q), ctx.as_of))}。"
                            if event_phrase(events_between(ctx.db, quarter_start(year, q), ctx.as_of)) else ""))
    tasks = Text()
    for n, dim in enumerate(ctx.plan.dimensions, 1):
        dim_lines: list[tuple[str, dict]] = []
        for first in dim.indicators:
            kids = [(ind, _indicator_text(ind, facts, items, ctx, q)) for ind in first.children]
            kids = [(ind, text) for ind, text in kids if text]
            if not kids:
                continue
            dim_lines.append((f"{first.code}.{first.name.rstrip('。')}" if first.code else first.name, {}))
            for ind, text in kids:
                dim_lines.append((escape(paren_code(ind.code)) + "{name}{text}", {"name": sentence(ind.name), "text": text}))
        if dim_lines:
            tasks.add("（" + "一二三四五六七八九十"[n - 1] + "）{dim}", dim=dim.name)
            for template, values in dim_lines:
                if values:
                    tasks.add(template, **values)
                else:
                    tasks.plain(template)
    if not tasks.lines:
        tasks.add("本季度没有已填报的推进情况。")
    problems = Text()
    if facts is not None:
        rows = [r for r in facts.reported_rows() if r.problems.strip() and r.status != rules.DONE]
        texts: dict[str, list[str]] = {}
        for r in sorted(rows, key=lambda r: r.status != rules.LATE):
            texts.setdefault(first_sentence(r.problems, 80), []).append(r.indicator_code)
        for k, (text, where) in enumerate(list(texts.items())[:6], 1):
            problems.add("（" + "一二三四五六七八九十"[k - 1] + "）{text}（涉及{codes}）。", text=text,
                         codes=codes(where, 4))
    if not problems.lines:
        problems.add("本季度各项任务推进中未发现突出问题。")
    nexts = Text()
    if facts is not None:
        steps = list(dict.fromkeys(first_sentence(r.next_steps, 60) for r in facts.reported_rows()
                                   if r.status == rules.LATE and r.next_steps.strip()))
        if steps:
            nexts.add("（一）推进滞后任务。{steps}。", steps="；".join(steps[:3]))
    nexts.add("（" + "一二三四"[len(nexts.lines)] + "）持续抓好落实。继续实行月调度，对照考评内容及标准逐项推进，"
              "及时办理{superior}交办、督办事项，按时报送推进落实情况。", superior=ctx.department.superior.short)
    sections = [Section("opening", "", opening.template, opening.values),
                Section("summary", "总体推进情况", summary.template, summary.values),
                Section("tasks", "重点工作任务推进情况", tasks.template, tasks.values, carry=False),
                Section("problems", "存在的问题", problems.template, problems.values, carry=False),
                Section("next", "下一步工作打算", nexts.template, nexts.values),
                Section("closing", "", "特此报告。")]
    return Document("provincial", title_of(ctx.department.name, year, q),
                    ctx.default_fields(ctx.department.superior.name, contact=True), sections, author=ctx.department.name,
                    subject=f"季度重点工作任务推进落实情况（报{ctx.department.superior.short}）")


