"""年度实施方案: the plan itself laid out like the department's own document."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from ...core.model import Plan
from ...core.responsibility import Responsible, format_responsibility
from ...storage.database import Database
from ..plan_read import load_plan
from .common import head, p, signature
from .layout import Metadata, Styles, build_pdf, make_styles


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？", "；")) else text + "。"


def indicator_paragraphs(plan: Plan, styles: Styles) -> list[Flowable]:
    """（一）dimension / 1、first-level / （1）second-level, 考评内容及标准, 责任处室 lines."""
    out: list[Flowable] = []
    for dim in plan.dimensions:
        out.append(p(f"（{dim.code}）{dim.name}" if dim.code else dim.name, styles.heading2))
        for first in dim.indicators:
            out.append(p(_sentence(f"{first.code}、{first.name}" if first.code else first.name), styles.body))
            for ind in first.children:
                code = ind.code.replace("(", "（").replace(")", "）")
                out.append(p(_sentence(f"{code}{ind.name}"), styles.body))
                if ind.criteria:
                    out.append(p(f"考评内容及标准：{ind.criteria}", styles.body))
                units = [Responsible(a.name, a.role, a.is_group) for a in ind.assignments]
                if units:
                    out.append(p(f"责任处室：{format_responsibility(units)}", styles.body))
    return out


def story(db: Database, plan: Plan, styles: Styles, today: date) -> list[Flowable]:
    out = head(styles, plan.title, f"（{plan.year}年度）")
    for s in db.query("SELECT heading, body, is_indicator_table FROM plan_section WHERE year = ? ORDER BY position",
                      (plan.year,)):
        if s["heading"]:
            out.append(p(s["heading"], styles.heading1))
        for para in filter(None, (line.strip() for line in s["body"].split("\n"))):
            out.append(p(para, styles.body))
        if s["is_indicator_table"]:
            out += indicator_paragraphs(plan, styles)
    out += signature(styles, plan.office, today)
    return out


def build(db: Database, year: int, path: str | Path, today: date | None = None,
          font_folder: str | None = None) -> int:
    plan = load_plan(db, year)
    styles = make_styles(font_folder)
    return build_pdf(path, story(db, plan, styles, today or date.today()), styles,
                     Metadata(f"{plan.title}（{year}年度）", plan.office, "年度营商环境建设实施方案"))
