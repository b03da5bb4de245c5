"""自我评价报告: every second-level indicator against its standard, for a quarter or the year (portrait).

Per indicator: the standard, the rating or score, the narrative and how many pieces of
evidence support it; then the indicators not evaluated yet.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from ...core.errors import InvalidInput
from ...core.model import Plan
from ...storage.database import Database
from ..plan_read import load_plan
from ..self_evaluation import RATINGS, Evaluation, load_evaluations
from .common import grid_table, head, p
from .layout import Metadata, Styles, build_pdf, make_styles
from .periods import QUARTER_WORDS, ending, issue_date, number, section

TABLE = ("序号", "指标", "考评内容及标准", "评价等级/得分", "自评情况", "佐证材料")
TABLE_W = (12, 27, 41, 19, 43, 14)
MISSING = ("序号", "指标", "责任处室")
MISSING_W = (12, 94, 50)


def period_of(year: int, quarter: int | None) -> str:
    return f"{year}Q{quarter}" if quarter else str(year)


def period_words(year: int, quarter: int | None) -> str:
    return f"{year}年{QUARTER_WORDS[quarter]}" if quarter else f"{year}年度"


def title_of(year: int, quarter: int | None) -> str:
    return f"{period_words(year, quarter)}营商环境考核评价自我评价报告"


def _grade(e: Evaluation) -> str:
    parts = [e.rating] if e.rating else []
    if e.score is not None:
        parts.append(f"{number(e.score)}分" + (f"（满分{number(e.max_score)}）" if e.max_score is not None else ""))
    return "\n".join(parts) or "—"


def _summary(evals: list[Evaluation], styles: Styles) -> list[Flowable]:
    done = [e for e in evals if not e.missing]
    ratings = Counter(e.rating for e in done if e.rating)
    text = f"本期共{len(evals)}项二级指标，已完成自我评价{len(done)}项，尚未评价{len(evals) - len(done)}项"
    if ratings:
        text += "；评价等级为" + "、".join(f"{r}{ratings[r]}项" for r in RATINGS if ratings[r])
    scored = [e for e in done if e.score is not None]
    if scored:
        total = sum(e.score or 0 for e in scored)
        full = sum(e.max_score or 0 for e in scored)
        text += f"；已打分{len(scored)}项，合计{number(total)}分（满分{number(full)}分）"
    evidence = sum(e.evidence_count for e in done)
    return [*section("一、总体情况", styles), p(f"{text}；共附佐证材料{evidence}份。", styles.body)]


def _table(plan: Plan, evals: list[Evaluation], styles: Styles) -> list[Flowable]:
    by_id = {e.indicator_id: e for e in evals}
    rows: list[list[object]] = []
    groups: list[int] = []
    n = 0
    for dim in plan.dimensions:
        for first in dim.indicators:
            kids = [by_id[c.id] for c in first.children if c.id in by_id]
            if not kids:
                continue
            groups.append(len(rows))
            rows.append([f"{first.code}、{first.name}" if first.code else first.name])
            for e in kids:
                n += 1
                rows.append([str(n), f"{e.code} {e.name}", e.criteria or "—", _grade(e),
                             e.narrative or "（未评价）", f"{e.evidence_count}份" if e.evidence_count else "—"])
    return [*section("二、逐项自我评价情况", styles),
            grid_table(TABLE, rows, TABLE_W, styles, group_rows=groups, center_cols=(0, 3, 5))]


def _missing(plan: Plan, evals: list[Evaluation], styles: Styles) -> list[Flowable]:
    out = section("三、尚未评价的指标", styles)
    missing = [e for e in evals if e.missing]
    if not missing:
        return out + [p("全部指标均已完成自我评价。", styles.body)]
    owners = {i.id: "、".join(a.name for a in i.assignments if a.role != "cooperate") for i in plan.second_level()}
    out.append(p(f"以下{len(missing)}项指标尚未填写自我评价，请责任处室尽快补充：", styles.body))
    rows = [[str(n), f"{e.code} {e.name}", owners.get(e.indicator_id) or "—"] for n, e in enumerate(missing, 1)]
    return out + [grid_table(MISSING, rows, MISSING_W, styles, center_cols=(0, 2))]


def story(db: Database, plan: Plan, quarter: int | None, styles: Styles, today: date) -> list[Flowable]:
    evals = load_evaluations(db, plan.year, [period_of(plan.year, quarter)])
    out = head(styles, title_of(plan.year, quarter))
    out += _summary(evals, styles) + _table(plan, evals, styles)
    return out + ending(styles, plan.office, today, _missing(plan, evals, styles))


def build(db: Database, year: int, quarter: int | None, path: str | Path, today: date | None = None,
          font_folder: str | None = None) -> int:
    if quarter is not None and not 1 <= quarter <= 4:
        raise InvalidInput(f"季度应为 1–4，收到：{quarter}。")
    plan = load_plan(db, year)
    styles = make_styles(font_folder)
    title = title_of(year, quarter)
    return build_pdf(path, story(db, plan, quarter, styles, issue_date(today)), styles,
                     Metadata(title, plan.office, "营商环境考核评价自我评价"))
