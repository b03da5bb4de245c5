"""任务分工表: the task assignment sheet, for the whole plan or one division (landscape)."""
from __future__ import annotations

from ...core.document import Document, Section, Table
from ...core.model import Indicator, Plan
from .context import Context

HEADER = ["序号", "指标", "考评内容及标准", "牵头处室", "配合处室", "责任人", "完成时限"]


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
                # each sub-task row names its own person; a long list here would make one row very tall
                persons = "、".join(people) if len(people) <= 4 else "见各分解任务"
                rows.append([ind.code, ind.name, ind.criteria, "、".join(leads),
                             "、".join(ind.names_with_role("cooperate")), persons, ind.deadline])
                for sub in ind.subtasks:
                    if division is None or sub.division_name == division:  # only its own sub-tasks
                        rows.append([f"{ind.code}-{sub.position}", f"└ {sub.name}", sub.note, sub.division_name,
                                     "", sub.person, sub.deadline])
    return rows, groups


def title_of(year: int) -> str:
    return f"{year}年度营商环境考核评价任务分工表"


def draft(ctx: Context) -> Document:
    division = ctx.request.division
    rows, groups = rows_for(ctx.plan, division)
    if rows:
        table = Section("table", "", "", {}, [Table(HEADER, rows, groups, [0, 5, 6])], carry=False)
    else:
        table = Section("table", "", f"{division}在{ctx.year}年度没有分工任务。", carry=False)
    return Document("assignment", title_of(ctx.year), ctx.default_fields(), [table], orientation="landscape",
                    subtitle=f"（{division}）" if division else "", author=ctx.department.name,
                    subject="营商环境考核评价任务分工")
