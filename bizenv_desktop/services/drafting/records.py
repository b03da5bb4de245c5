"""What the reports say of the records issue 16 keeps: rankings of ranking-kind indicators ((7)),
the publications ((1) the plan, (15) policy measures) and the 催办 of supervised items, as of the
period's end. Small phrases the leadership and provincial drafts add (leadership: 一、总体进展
（六）; provincial: under (1), (7), (15) and the ledger indicator). No Qt.
"""
from __future__ import annotations

from datetime import date

from ...core.model import Indicator
from .. import publications, rankings
from .context import Context
from .words import Text, iso_chinese


def ranking_phrase(ctx: Context, ind: Indicator) -> str:
    """'长春市在全国营商环境评价中列第3位（共40个，2025年数据，来源：…）。' or ''."""
    k = rankings.rankings(ctx.db, ctx.year).get(ind.id)
    if k is None:
        return ""
    extra = "，".join(x for x in (f"共{k.field_size}个", f"{k.data_year}年数据" if k.data_year else "",
                                  f"来源：{k.source}" if k.source else "") if x)
    return f"{k.benchmark}排名第{k.rank}位（{extra}）。"


def plan_phrase(ctx: Context) -> str:
    """(1): '年度实施方案已于2026年2月10日在厅门户网站公开。' (as of the period's end) or that it is not."""
    plan = publications.plan_publication(ctx.db, ctx.year)
    if plan is None or plan.published_on > ctx.as_of.isoformat():
        return f"{ctx.year}年度实施方案尚未登记公开。"
    where = f"在{plan.outlet}" if plan.outlet else ""
    return f"{ctx.year}年度实施方案已于{iso_chinese(plan.published_on)}{where}公开。"


def policy_phrase(ctx: Context, first: date) -> str:
    """(15): '本期公布落实政策的具体措施2次（《…》等）。' over first .. the period's end."""
    found = [p for p in publications.list_publications(ctx.db, ctx.year, "policy")
             if first.isoformat() <= p.published_on <= ctx.as_of.isoformat()]
    if not found:
        return "本期未公布落实政策的具体措施。"
    titles = "、".join(f"《{p.title}》" for p in found[:2]) + ("等" if len(found) > 2 else "")
    return f"本期公布落实政策的具体措施{len(found)}次（{titles}）。"


def urge_phrase(ctx: Context, first: date) -> str:
    """'本期对N项交办督办事项催办M次。' (催办 records dated first .. the period's end), or ''."""
    row = ctx.db.execute("SELECT count(*), count(DISTINCT item_id) FROM supervision_reminder WHERE date BETWEEN ? AND ?",
                         (first.isoformat(), ctx.as_of.isoformat())).fetchone()
    times, items = int(row[0]), int(row[1])
    return f"本期对{items}项交办督办事项催办{times}次。" if times else ""


def in_use(ctx: Context) -> bool:
    """Whether the year has any of these records (a database that keeps none gets no paragraph)."""
    return bool(ctx.db.scalar(
        "SELECT (SELECT count(*) FROM ranking r JOIN indicator i ON i.id = r.indicator_id JOIN dimension d"
        " ON d.id = i.dimension_id WHERE d.year = :y) + (SELECT count(*) FROM publication WHERE year = :y)"
        " + (SELECT count(*) FROM supervision_reminder WHERE date LIKE :like)", {"y": ctx.year, "like": f"{ctx.year}-%"}))


def leadership_paragraph(t: Text, ctx: Context, first: date, numeral: str) -> None:
    """（六）排名、公开和催办情况 of the leaders' report (when the year keeps any of these records)."""
    if not in_use(ctx):
        return
    ranked = [ranking_phrase(ctx, ind) for ind in ctx.plan.second_level() if ind.kind == "ranking"]
    ranking = "".join(f"{ind.code}{p}" for ind, p in zip(
        [i for i in ctx.plan.second_level() if i.kind == "ranking"], ranked) if p)
    t.add("（" + numeral + "）排名、公开和催办情况。{ranking}{plan}{policy}{urge}",
          ranking=ranking or "国标任务排名数据尚未登记。", plan=plan_phrase(ctx), policy=policy_phrase(ctx, first),
          urge=urge_phrase(ctx, first) or "本期未催办交办督办事项。")


def provincial_text(ctx: Context, ind: Indicator, first: date) -> str:
    """The provincial report's words for (1), (7), (15) from these records ('' when none apply)."""
    if ind.kind == "ranking":
        return ranking_phrase(ctx, ind)
    kinds = ctx.publication_kinds.get(ind.id, set())
    if "plan" in kinds:
        return plan_phrase(ctx)
    if "policy" in kinds:
        return policy_phrase(ctx, first)
    return ""


