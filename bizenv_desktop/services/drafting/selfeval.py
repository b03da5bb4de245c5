"""自我评价报告: every second-level indicator against its standard, for a quarter or the year."""
from __future__ import annotations

from collections import Counter

from ...core.document import Document, Section, Table
from ..self_evaluation import RATINGS, Evaluation
from .context import Context
from .facts import evaluations, event_phrase, events_between
from .words import QUARTER_WORDS, Text, number


def period_words(year: int, quarter: int | None) -> str:
    return f"{year}年{QUARTER_WORDS[quarter]}" if quarter else f"{year}年度"


def title_of(year: int, quarter: int | None) -> str:
    return f"{period_words(year, quarter)}营商环境考核评价自我评价报告"


def _grade(e: Evaluation) -> str:
    parts = [e.rating] if e.rating else []
    if e.score is not None:
        parts.append(f"{number(e.score)}分" + (f"（满分{number(e.max_score)}）" if e.max_score is not None else ""))
    return "\n".join(parts) or "—"


def draft(ctx: Context) -> Document:
    from datetime import date

    q = ctx.request.quarter
    year = ctx.year
    evals = evaluations(ctx.db, year, q)
    done = [e for e in evals if not e.missing]
    ratings = Counter(e.rating for e in done if e.rating)
    scored = [e for e in done if e.score is not None]
    start = date(year, 3 * q - 2, 1) if q else date(year, 1, 1)
    events = event_phrase(events_between(ctx.db, start, ctx.as_of))
    summary = Text().add("本期共{total}项二级指标，已完成自我评价{done}项，尚未评价{missing}项{ratings}{scores}；"
                         "共附佐证材料{evidence}份。{events}",
                         total=len(evals), done=len(done), missing=len(evals) - len(done),
                         ratings=("；评价等级为" + "、".join(f"{r}{ratings[r]}项" for r in RATINGS if ratings[r]))
                         if ratings else "",
                         scores=(f"；已打分{len(scored)}项，合计{number(sum(e.score or 0 for e in scored))}分"
                                 f"（满分{number(sum(e.max_score or 0 for e in scored))}分）") if scored else "",
                         evidence=sum(e.evidence_count for e in done),
                         events=f"本期{events}（计入相应指标）。" if events else "")
    by_id = {e.indicator_id: e for e in evals}
    rows: list[list[str]] = []
    groups: list[int] = []
    n = 0
    for dim in ctx.plan.dimensions:
        for first in dim.indicators:
            kids = [by_id[c.id] for c in first.children if c.id in by_id]
            if not kids:
                continue
            groups.append(len(rows))
            rows.append([f"{first.code}、{first.name}" if first.code else first.name])
            for e in kids:
                n += 1
                rows.append([str(n), f"{e.code} {e.name}", e.criteria or "—", _grade(e), e.narrative or "（未评价）",
                             f"{e.evidence_count}份" if e.evidence_count else "—"])
    table = Table(["序号", "指标", "考评内容及标准", "评价等级/得分", "自评情况", "佐证材料"], rows, groups, [0, 3, 5])
    missing = [e for e in evals if e.missing]
    owners = {i.id: "、".join(a.name for a in i.assignments if a.role != "cooperate") for i in ctx.plan.second_level()}
    rest = Text()
    rest_tables = []
    if missing:
        rest.add("以下{n}项指标尚未填写自我评价，请责任处室尽快补充：", n=len(missing))
        rest_tables.append(Table(["序号", "指标", "责任处室"], [[str(k), f"{e.code} {e.name}", owners.get(e.indicator_id)
                                                               or "—"] for k, e in enumerate(missing, 1)],
                                 center=[0, 2]))
    else:
        rest.add("全部指标均已完成自我评价。")
    # with nothing evaluated yet the table would repeat the list of section 三 line for line
    listed = Section("table", "逐项自我评价情况", "", {}, [table], carry=False) if done else Section(
        "table", "逐项自我评价情况", "本期尚无指标完成自我评价，尚未评价的指标及责任处室见下文。", {}, [], carry=False)
    sections = [Section("summary", "总体情况", summary.template, summary.values),
                listed,
                Section("missing", "尚未评价的指标", rest.template, rest.values, rest_tables, carry=False)]
    return Document("selfeval", title_of(year, q), ctx.default_fields(), sections, author=ctx.department.name,
                    subject="营商环境考核评价自我评价")
