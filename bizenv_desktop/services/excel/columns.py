"""Column roles of an indicator table, guessed from the header text.

The header is compared with all spaces taken out and full-width letters made half-width,
so '二 级 指 标', '二级\\n指标' and '二级指标' are the same. With a two-level header the
lower (more specific) text decides: '责任单位' over '牵头' | '配合' gives lead and cooperate.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# role -> what the preview calls it (the GUI shows its own translated names)
ROLE_NAMES: dict[str, str] = {
    "ignore": "（不导入）", "seq": "序号", "dimension": "维度", "first": "一级指标", "second": "二级指标",
    "subtask": "子任务", "criteria": "考评内容及标准", "score": "分值", "lead": "牵头处室", "responsible": "责任处室",
    "cooperate": "配合处室", "person": "责任人", "deadline": "完成时限", "note": "备注",
}
ROLES = tuple(ROLE_NAMES)
DIVISION_ROLES = ("lead", "responsible", "cooperate")
SINGLE_ROLES = ("seq", "dimension", "first", "second", "subtask", "score", "deadline", "person")

# Checked in this order; the first rule whose word the text contains wins.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("person", ("责任人", "联系人", "经办人", "负责人")),
    ("lead", ("牵头",)),
    ("cooperate", ("配合", "协办", "协助")),
    ("responsible", ("责任单位", "责任处室", "责任部门", "责任科室", "责任股室", "主责", "承办", "主办", "责任主体")),
    ("dimension", ("维度",)),
    ("first", ("一级",)),
    ("second", ("二级",)),
    ("third", ("三级",)),
    ("subtask", ("子任务", "分解任务", "任务分解", "具体任务")),
    ("score", ("分值", "分数", "权重", "满分", "赋分")),
    ("deadline", ("时限", "完成时间", "期限", "时间节点", "截止")),
    ("note", ("备注",)),
    ("criteria", ("内容", "标准", "要求", "细则", "评分", "考评", "考核办法", "评价方法", "措施", "举措")),
)
# a criteria-like header that names the tasks themselves when the table has no name column
_TASK_WORDS = ("任务", "事项", "工作", "举措", "措施", "项目")
_GENERIC_NAME = ("指标", "任务", "事项", "项目")
_SEQ = {"序号", "编号", "序", "no", "no.", "#"}


@lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Header text compared: no spaces or line breaks, full-width made half-width, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def role_of(text: str) -> str:
    """The role a header text names, 'generic' for a bare 指标/任务 column, else 'ignore'."""
    t = norm(text)
    if not t:
        return "ignore"
    if t in _SEQ or t.startswith("序号"):
        return "seq"
    if t in ("分", "得分"):
        return "score"
    if t == "责任":
        return "responsible"
    for role, words in _RULES:
        if any(w in t for w in words):
            return role
    if any(w in t for w in _GENERIC_NAME):
        return "generic"
    return "ignore"


def detect_roles(headers: list[list[str]]) -> list[str]:
    """Roles of the columns from their header texts, top row first (one list per column).

    The lowest text that names a role decides. Bare 指标 columns become the first-level
    column, then the second-level one, when no column says 一级/二级 (leftmost first).
    Other duplicates of one-per-table roles are left out ('ignore').
    """
    roles: list[str] = []
    for texts in headers:
        found = "ignore"
        for text in reversed([t for t in texts if t]):
            found = role_of(text)
            if found != "ignore":
                break
        roles.append(found)
    if "third" in roles:  # 一级 / 二级 / 三级: the levels the plan has (维度 / 一级 / 二级)
        if "dimension" in roles:
            roles = ["subtask" if r == "third" else r for r in roles]
        else:
            shift = {"first": "dimension", "second": "first", "third": "second"}
            roles = [shift.get(r, r) for r in roles]
    generic = [i for i, r in enumerate(roles) if r == "generic"]
    if not generic and not {"first", "second"} & set(roles):
        named = [i for i, r in enumerate(roles) if r == "criteria"]
        tasks = [i for i in named if any(w in norm(headers[i][-1] if headers[i] else "") for w in _TASK_WORDS)]
        if tasks:  # 序号 | 任务内容 | 责任单位: the tasks are the indicators
            roles[tasks[0]] = "second"
    if generic and "second" not in roles:
        roles[generic.pop()] = "second"  # the rightmost bare 指标 column
    if "second" in roles and "first" not in roles:
        left = [i for i in generic if i < roles.index("second")]
        if left:
            roles[left[-1]] = "first"
            generic.remove(left[-1])
    for i in generic:
        roles[i] = "ignore"
    if "second" not in roles and "first" in roles and "dimension" in roles:  # 维度 | 指标: the indicators
        roles[roles.index("first")] = "second"
    # one column per single role; a later duplicate is left out
    for role in SINGLE_ROLES:
        seen = False
        for i, r in enumerate(roles):
            if r == role:
                if seen:
                    roles[i] = "ignore"
                seen = True
    return roles
