"""What the dashboard flags about the records the plan asks for (issue 16): (1) the plan published,
(15) policy publications per quarter, ranking-kind indicators' rankings, the divisions' work
plans, and supervised items warned of (黄/红). One function; a handful of queries. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..core import messages
from ..storage.database import Database
from . import publications, rankings, supervision_watch, work_plans

messages.register({
    "flags.plan": ("(1) 年度实施方案公开", "(1) Annual plan published"),
    "flags.plan_done": ("已于 {day} 公开（{where}）", "published on {day} ({where})"),
    "flags.plan_missing": ("尚未登记公开", "no publication recorded yet"),
    "flags.policy": ("(15) 政策措施公布", "(15) Policy measures published"),
    "flags.quarter": ("第{q}季度 {n} 次", "Q{q}: {n}"),
    "flags.quarter_missing": ("第{q}季度 0 次（缺）", "Q{q}: none (missing)"),
    "flags.ranking_missing": ("尚未登记排名", "no ranking recorded yet"),
    "flags.work_plans": ("处室工作方案", "Divisions' work plans"),
    "flags.work_plans_done": ("已全部收到（{count} 个）", "all received ({count})"),
    "flags.work_plans_missing": ("未交 {count} 个（截止 {due}）：{names}", "{count} not yet in (due {due}): {names}"),
    "flags.warnings": ("督办预警", "Supervision warnings"),
    "flags.warnings_text": ("红 {red} 项，黄 {yellow} 项", "red {red}, yellow {yellow}"),
})


@dataclass(frozen=True)
class Flag:
    label: str
    text: str
    flagged: bool  # needs the liaison's attention


def flags(db: Database, year: int, today: date) -> list[Flag]:
    out: list[Flag] = []
    plan = publications.plan_publication(db, year)
    out.append(Flag(messages.render("flags.plan"),
                    messages.render("flags.plan_done", {"day": plan.published_on, "where": plan.outlet or plan.title})
                    if plan else messages.render("flags.plan_missing"), plan is None))
    quarters = [q for q in publications.policy_quarters(db, year, today) if q.state != "future"]
    sep = "，" if messages.language() == "zh" else ", "
    out.append(Flag(messages.render("flags.policy"), sep.join(
        messages.render("flags.quarter_missing" if q.flagged else "flags.quarter", {"q": q.quarter, "n": q.count})
        for q in quarters) or "—", any(q.flagged for q in quarters)))
    found = rankings.rankings(db, year)
    for r in db.query("SELECT i.id, i.code, i.name FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
                      " WHERE d.year = ? AND i.level = 2 AND i.kind = 'ranking' ORDER BY i.position", (year,)):
        k = found.get(r["id"])
        out.append(Flag(f"{r['code']} {r['name']}", k.text if k else messages.render("flags.ranking_missing"),
                        k is None))
    plans = [p for p in work_plans.list_work_plans(db, year) if p.owes]
    if plans:
        late = [p for p in plans if p.missing]
        text = (messages.render("flags.work_plans_missing", {"count": len(late), "due": min(p.due_on for p in late),
                                                              "names": [p.division for p in late]})
                if late else messages.render("flags.work_plans_done", {"count": len(plans)}))
        out.append(Flag(messages.render("flags.work_plans"), text,
                        bool(late) and min(p.due_on for p in late) < today.isoformat()))
    watch = supervision_watch.watch(db, today)
    red = sum(1 for w in watch.values() if w.level == supervision_watch.RED)
    yellow = sum(1 for w in watch.values() if w.level == supervision_watch.YELLOW)
    out.append(Flag(messages.render("flags.warnings"), messages.render("flags.warnings_text",
                                                                       {"red": red, "yellow": yellow}), red > 0))
    return out
