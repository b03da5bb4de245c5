"""季度汇报（本单位主要领导，如厅主要领导）: where the department stands at a quarter's end, for its leaders.

The body is short (a leader reads the first page): 一、总体进展 (figures and the change since
last quarter, supervised items, quantitative targets, self-evaluation, counted events),
二、主要工作及成效, 三、存在的问题 (by division), 四、下一步工作安排, 五、需要领导协调解决的事项;
the detail tables are 附件. Every figure is as of the quarter's end (or the 成文日期 if earlier).
"""
from __future__ import annotations

from collections import Counter
from datetime import date

from ...core import dispatch as rules
from ...core.document import ATTACHMENT, Document, Section
from ...core.workdays import quarter_end, quarter_start
from ..deadlines import list_deadlines
from . import records
from .context import Context
from .facts import (ItemOnDay, MonthFacts, evaluations, event_phrase, events_between, last_month_of_quarter,
                    month_facts, supervision_on)
from .tables import figures_table, late_table, overdue_table, progress_table, series
from .words import (QUARTER_WORDS, Text, chinese_date, codes, count_phrase, first_sentence, iso_chinese,
                    label_maker, month_word, next_quarter, previous_quarter, quarter_months, sentence)

MAX_DIVISIONS = 6   # divisions named one by one under 三、存在的问题 (the rest in one sentence)


def title_of(year: int, quarter: int) -> str:
    return f"关于{year}年{QUARTER_WORDS[quarter]}营商环境建设工作情况的汇报"


def _relevant(items: list[ItemOnDay], year: int) -> list[ItemOnDay]:
    """Items of the plan year, and older ones still open on the day."""
    return [i for i in items if not i.received_on or i.received_on >= f"{year}-01-01" or i.is_open]


def _overview(ctx: Context, q: int, facts: MonthFacts | None, before: MonthFacts | None,
              items: list[ItemOnDay]) -> Section:
    t = Text()
    year = ctx.year
    if facts is None:
        t.add("（一）任务推进情况。{quarter}尚未开展月调度，暂无推进数据。", quarter=QUARTER_WORDS[q])
    else:
        statuses = facts.statuses()
        late = [r for r in facts.reported_rows() if r.status == rules.LATE]
        owners = Counter(r.division_name or "未明确处室" for r in late)
        t.add("（一）任务推进情况。截至{month}调度，纳入调度的任务共{total}项，其中{counts}。{late}{silent}{change}",
              month=month_word(facts.month.month), total=len(statuses), counts=count_phrase(statuses),
              late=_owners(owners) if late else "",
              silent=(f"{_names(facts.not_reported, 8)}未报送{month_word(facts.month.month)}调度情况，所涉"
                      f"{sum(1 for r in facts.month.rows if r.division_id in facts.silent_ids)}项按未报送统计。"
                      if facts.not_reported else ""),
              change=_change(facts, before))
    mine = _relevant(items, year)
    done = [i for i in mine if not i.is_open]
    t.add("（二）交办督办事项办理情况。截至{as_of}，{year}年共有交办、督办等事项{total}项，已办结{done}项，"
          "正在办理{open}项{overdue}。",
          as_of=ctx.date_words(), year=year, total=len(mine), done=len(done), open=len(mine) - len(done),
          overdue=(f"，其中逾期{sum(1 for i in mine if i.overdue)}项" if any(i.overdue for i in mine) else "，无逾期事项"))
    data = series(ctx.db, ctx.plan, f"{year:04d}-01", facts.month.month if facts else f"{year:04d}-00")
    if data:
        last = facts.month.month if facts else ""
        met = [c for c, _n, target, v in data if last in v and target.met_by(v[last])]
        unmet = [c for c, _n, target, v in data if last in v and not target.met_by(v[last])]
        blank = [c for c, _n, _t, v in data if last not in v]
        t.add("（三）定量指标完成情况。{total}项定量指标中，季末达标{met}项{unmet}{blank}。", total=len(data),
              met=len(met), unmet=f"，{codes(unmet)}未达标" if unmet else "",
              blank=f"，{codes(blank)}未填报数值" if blank else "")
    evals = evaluations(ctx.db, year, q)
    missing = [e for e in evals if e.missing]
    ratings = Counter(e.rating for e in evals if e.rating)
    t.add("（四）自我评价情况。{quarter}已完成自我评价{done}项，尚未评价{missing}项{which}{ratings}。",
          quarter=QUARTER_WORDS[q], done=len(evals) - len(missing), missing=len(missing),
          which=f"（{codes(e.code for e in missing)}）" if missing else "",
          ratings=("；评价等级为" + "、".join(f"{k}{v}项" for k, v in ratings.items())) if ratings else "")
    start, end = quarter_start(year, q), ctx.as_of
    quarter_events = events_between(ctx.db, start, end)
    year_events = events_between(ctx.db, date(year, 1, 1), end)
    t.add("（五）宣传推广和表扬情况。本季度{quarter}；{year}年以来累计{total}。",
          quarter=event_phrase(quarter_events) or "暂无通报表扬、媒体宣传、简报刊发和全省推广事项",
          year=year, total=event_phrase(year_events) or "暂无")
    records.leadership_paragraph(t, ctx, start, "六")  # rankings, publications, 催办 (issue 16)
    return Section("overview", "总体进展", t.template, t.values)


def _owners(owners: Counter[str], limit: int = 5) -> str:
    """'滞后事项涉及规划处2项、审批办1项。' (the five with most, then 等N个处室)."""
    top = owners.most_common()
    text = "、".join(f"{d}{n}项" for d, n in top[:limit])
    return f"滞后事项涉及{text}" + (f"等{len(top)}个处室" if len(top) > limit else "") + "。"


def _names(names: list[str], limit: int = 5) -> str:
    unique = list(dict.fromkeys(n for n in names if n))
    return "、".join(unique[:limit]) + (f"等{len(unique)}个处室" if len(unique) > limit else "")


def _change(facts: MonthFacts, before: MonthFacts | None) -> str:
    if before is None:
        return ""
    now, then = Counter(facts.statuses()), Counter(before.statuses())

    def moved(word: str, status: str) -> str:
        d = now[status] - then[status]
        return f"{word}增加{d}项" if d > 0 else f"{word}减少{-d}项" if d < 0 else f"{word}项数持平"
    return (f"与上季度末（{month_word(before.month.month)}调度）相比，{moved('已完成', rules.DONE)}，"
            f"{moved('滞后', rules.LATE)}。")


def _work(ctx: Context, facts: MonthFacts | None) -> Section:
    t = Text()
    if facts is None:
        return Section("work", "主要工作及成效", "本季度尚未开展月调度。", carry=False)
    rows = facts.reported_rows()
    n = 0
    for dim in ctx.plan.dimensions:
        for first in dim.indicators:
            ids = {c.id for c in first.children}
            mine = [r for r in rows if r.indicator_id in ids]
            if not mine:
                continue
            done = [r for r in mine if r.status == rules.DONE]
            doing = [r for r in mine if r.status == rules.IN_PROGRESS]
            examples: list[str] = []
            for r in done + doing:
                text = first_sentence(r.progress, 40)
                if text and r.indicator_name not in {x.split("：")[0] for x in examples}:
                    examples.append(f"{r.indicator_name}：{text}")
                if len(examples) == 2:
                    break
            n += 1
            numeral = "一二三四五六七八九十"[n - 1] if n <= 10 else str(n)
            t.add("（" + numeral + "）{name}。{counts}。{examples}", name=first.name.rstrip("。"),
                  counts=f"已完成{len(done)}项、推进中{len(doing)}项",
                  examples="；".join(examples) + ("。" if examples else ""))
    if not t.lines:
        t.add("本季度没有已填报的推进情况。")
    return Section("work", "主要工作及成效", t.template, t.values, carry=False)


def _problems(facts: MonthFacts | None) -> Section:
    t = Text()
    if facts is None:
        return Section("problems", "存在的问题", "本季度尚未开展月调度。", carry=False)
    rows = [r for r in facts.reported_rows() if r.problems.strip() and r.status not in (rules.DONE, rules.NOT_APPLICABLE)]
    by_division: dict[str, list] = {}
    for r in sorted(rows, key=lambda r: r.status != rules.LATE):
        by_division.setdefault(r.division_name or "未明确处室", []).append(r)
    order = sorted(by_division, key=lambda d: (-sum(r.status == rules.LATE for r in by_division[d]),
                                                -len(by_division[d])))
    for n, division in enumerate(order[:MAX_DIVISIONS], 1):
        mine = by_division[division]
        problems = list(dict.fromkeys(first_sentence(r.problems, 50) for r in mine))[:2]
        late = sum(r.status == rules.LATE for r in mine)
        t.add("（" + "一二三四五六七八九十"[n - 1] + "）{division}：{problems}（涉及{codes}{late}）。",
              division=division, problems="；".join(problems), codes=codes((r.indicator_code for r in mine), 4),
              late=f"，其中滞后{late}项" if late else "")
    rest = order[MAX_DIVISIONS:]
    if rest:
        t.add("此外，{names}等{n}个处室也反映了存在的问题，详见附件。", names="、".join(rest[:3]), n=len(rest))
    if not t.lines:
        t.add("本季度各处室未反映存在的问题。")
    return Section("problems", "存在的问题", t.template, t.values, carry=False)


def _next(ctx: Context, q: int, facts: MonthFacts | None, items: list[ItemOnDay]) -> Section:
    ny, nq = next_quarter(ctx.year, q)
    first, last = quarter_start(ny, nq), quarter_end(ny, nq)
    plan_dates = [d for d in list_deadlines(ctx.db, first, last)
                  if d.kind in ("provincial_quarterly_report", "leadership_quarterly_report")]
    due = [i for i in items if i.is_open and i.deadline and first.isoformat() <= i.deadline <= last.isoformat()]
    late = [r for r in facts.reported_rows() if r.status == rules.LATE] if facts else []
    t = Text()
    t.add("（一）抓好滞后事项推进。{late}", late=(
        f"督促{_names([r.division_name for r in late])}"
        f"按照下步打算推进{len(late)}项滞后事项，逐项明确完成时限，按月跟踪销号。" if late
        else "继续按月调度各项任务，防止出现新的滞后事项。"))
    t.add("（二）按时报送和办理。{dates}{due}", dates="；".join(
        f"{chinese_date(d.due)}前{d.title}" for d in plan_dates) + (
        "。" if plan_dates else ""),
        due=f"下季度到期的交办督办事项{len(due)}项，提前督促牵头处室按时办结、报结。" if due else "")
    t.add("（三）做好自我评价和宣传推广。对照考评内容及标准逐项开展自我评价、补齐佐证材料，及时报送优化营商环境工作信息。")
    return Section("next", "下一步工作安排", t.template, t.values)


def _coordination(ctx: Context, facts: MonthFacts | None, items: list[ItemOnDay]) -> Section:
    label = label_maker(ctx.plan)
    t = Text()
    n = 0
    for r in (facts.flagged if facts else []):
        n += 1
        t.add("（" + "一二三四五六七八九十"[min(n, 10) - 1] + "）{what}（{who}）：{why}", what=label(r),
              who=r.division_name or "未明确处室", why=sentence(first_sentence(r.problems or r.progress, 80)))
    for i in items:
        if i.needs_coordination and i.is_open:
            n += 1
            t.add("（" + "一二三四五六七八九十"[min(n, 10) - 1] + "）{what}（牵头：{who}，办结时限{due}）：{why}",
                  what=f"{i.no} {first_sentence(i.content, 60)}".strip(), who="、".join(i.leads) or "未明确",
                  due=iso_chinese(i.deadline) or "未定", why=sentence(first_sentence(i.progress, 80)) or "正在办理。")
    if not t.lines:
        t.add("本季度暂无需要领导协调解决的事项。")
    return Section("coordination", "需要领导协调解决的事项", t.template, t.values, carry=False)


def draft(ctx: Context) -> Document:
    q = ctx.request.quarter or 1
    year = ctx.year
    last = last_month_of_quarter(ctx.db, year, q)
    facts = month_facts(ctx.db, last) if last else None
    py, pq = previous_quarter(year, q)
    before_month = last_month_of_quarter(ctx.db, py, pq) if py == year else None
    before = month_facts(ctx.db, before_month) if before_month else None
    items = supervision_on(ctx.db, ctx.as_of, date(ctx.year, 1, 1))
    opening = Text().add("{period}，{we}认真落实营商环境考核评价各项任务，坚持按月调度、逐项推进。现将有关情况汇报如下：",
                         period=f"{year}年{QUARTER_WORDS[q]}", we=ctx.we)
    sections = [Section("opening", "", opening.template, opening.values),
                _overview(ctx, q, facts, before, items), _work(ctx, facts), _problems(facts),
                _next(ctx, q, facts, items), _coordination(ctx, facts, items)]
    if facts is not None:
        sections.append(Section("att_progress", "各项指标推进情况表", "", {}, [progress_table(ctx.plan, facts)],
                                part=ATTACHMENT, carry=False))
    late = [x for x in (late_table(ctx.plan, facts) if facts else None, overdue_table(_relevant(items, year)))
            if x is not None]
    if late:
        sections.append(Section("att_late", "滞后事项和逾期未办结事项清单", "", {}, late, part=ATTACHMENT, carry=False))
    data = series(ctx.db, ctx.plan, f"{year:04d}-01", last or f"{year:04d}-00")
    if data:
        sections.append(Section("att_figures", "定量指标完成情况表", "", {},
                                [figures_table(data, quarter_months(year, q), last)], part=ATTACHMENT, carry=False))
    return Document("leadership", title_of(year, q), ctx.default_fields(), sections, author=ctx.department.name,
                    subject=f"季度工作情况（向{ctx.department.office}主要领导汇报）")


