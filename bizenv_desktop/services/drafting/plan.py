"""年度实施方案: the plan itself laid out like the department's own document."""
from __future__ import annotations

from ...core.document import Document, Section, escape, strip_numeral
from ...core.model import Plan
from ...core.responsibility import Responsible, format_responsibility
from .context import Context
from .words import paren_code, sentence


def indicator_lines(plan: Plan) -> list[str]:
    """（一）dimension / 1.first-level / （1）second-level, 考评内容及标准, 责任处室 lines."""
    out: list[str] = []
    for dim in plan.dimensions:
        out.append(f"（{dim.code}）{dim.name}" if dim.code else dim.name)
        for first in dim.indicators:
            out.append(sentence(f"{first.code}.{first.name}" if first.code else first.name))
            for ind in first.children:
                out.append(sentence(f"{paren_code(ind.code)}{ind.name}"))
                if ind.criteria:
                    out.append(f"考评内容及标准：{ind.criteria}")
                units = [Responsible(a.name, a.role, a.is_group) for a in ind.assignments]
                if units:
                    out.append(f"责任处室：{format_responsibility(units)}")
    return out


def draft(ctx: Context) -> Document:
    plan = ctx.plan
    sections = []
    for n, s in enumerate(ctx.db.query("SELECT heading, body, is_indicator_table FROM plan_section WHERE year = ?"
                                       " ORDER BY position", (plan.year,)), 1):
        lines = [line.strip() for line in (s["body"] or "").split("\n") if line.strip()]
        if s["is_indicator_table"]:
            lines += indicator_lines(plan)
        heading = strip_numeral(s["heading"] or "")
        sections.append(Section(f"plan-{n}", heading, "\n".join(escape(x) for x in lines), carry=False))
    return Document("plan", plan.title, ctx.default_fields(), sections, subtitle=f"（{plan.year}年度）",
                    author=ctx.department.name, subject="年度营商环境建设实施方案")
