"""任务分工表: the task assignment sheet, for the whole plan or one division (landscape)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from ...core.errors import NotFound
from ...core.model import Indicator, Plan
from ..plan_read import list_divisions, load_plan
from ...storage.database import Database
from .common import grid_table, head, p, signature
from .layout import Metadata, Styles, build_pdf, make_styles

HEADER = ("序号", "指标", "考评内容及标准", "牵头处室", "配合处室", "责任人", "完成时限")
WIDTHS = (14, 52, 92, 34, 34, 20, 26)  # mm, 272 mm = the landscape text block


def _involves(ind: Indicator, division: str | None) -> bool:
    if division is None:
        return True
    return any(a.name == division for a in ind.assignments) or any(s.division_name == division
                                                                    for s in ind.subtasks)


def rows_for(plan: Plan, division: str | None) -> tuple[list[list[str]], list[int]]:
    """Table rows and the indexes of group rows (dimensions and first-level indicators)."""
    rows: list[list[str]] = []
    groups: list[int] = []
    for dim in plan.dimensions:
        firsts = [(f, [s for s in f.children if _involves(s, division)]) for f in dim.indicators]
        firsts = [(f, kids) for f, kids in firsts if kids]
        if not firsts:
            continue
        groups.append(len(rows))
        rows.append([f"（{dim.code}）{dim.name}" if dim.code else dim.name])
        for first, kids in firsts:
            groups.append(len(rows))
            rows.append([f"{first.code}、{first.name}" if first.code else first.name])
            for ind in kids:
                leads = ind.names_with_role("lead") + ind.names_with_role("responsible")
                people = list(dict.fromkeys(s.person for s in ind.subtasks if s.person))
                # each sub-task row names its own person; a long list here would make one row
                # taller than a page (reportlab cannot lay that out)
                persons = "、".join(people) if len(people) <= 4 else "见各分解任务"
                rows.append([ind.code, ind.name, ind.criteria, "、".join(leads),
                             "、".join(ind.names_with_role("cooperate")), persons, ind.deadline])
                for sub in ind.subtasks:
                    if division is None or sub.division_name == division:  # only its own sub-tasks
                        rows.append([f"{ind.code}-{sub.position}", f"└ {sub.name}", sub.note, sub.division_name,
                                     "", sub.person, sub.deadline])
    return rows, groups


def story(plan: Plan, styles: Styles, division: str | None, today: date) -> list[Flowable]:
    title = f"{plan.year}年度营商环境考核评价任务分工表"
    subtitle = f"（{division}）" if division else ""
    rows, groups = rows_for(plan, division)
    out = head(styles, title, subtitle)
    if not rows:
        out.append(p(f"{division}在{plan.year}年度没有分工任务。", styles.body))
        return out + signature(styles, plan.office, today)
    out.append(grid_table(HEADER, rows, WIDTHS, styles, group_rows=groups, center_cols=(0, 5, 6),
                          tail=signature(styles, plan.office, today)))  # never alone on the last page
    return out


def build(db: Database, year: int, path: str | Path, division: str | None = None,
          today: date | None = None, font_folder: str | None = None) -> int:
    plan = load_plan(db, year)
    if division is not None and division not in {d.name for d in list_divisions(db)}:
        raise NotFound(f"没有名为“{division}”的处室。可用的处室：{'、'.join(d.name for d in list_divisions(db, False))}")
    styles = make_styles(font_folder)
    title = f"{year}年度营商环境考核评价任务分工表" + (f"（{division}）" if division else "")
    return build_pdf(path, story(plan, styles, division, today or date.today()), styles,
                     Metadata(title, plan.office, "营商环境考核评价任务分工"), orientation="landscape")
