"""The department's particulars kept in one undoable step: name, short form, divisions."""
from __future__ import annotations

import pytest

from bizenv_desktop.core.errors import BizenvError
from bizenv_desktop.services.department import get_department
from bizenv_desktop.services.department_setup import division_names, needs_setup, plan_divisions, setup_department
from bizenv_desktop.services.divisions import retire_division
from bizenv_desktop.services.workspace import Workspace


def test_divisions_listed_are_kept_and_the_others_go(workspace: Workspace) -> None:
    assert needs_setup(workspace.db) and plan_divisions(workspace.db) == division_names(workspace.db)
    retired = workspace.db.scalar("SELECT id FROM division WHERE name = '诚信处'")
    workspace.apply("停用", lambda w: retire_division(w, retired))
    workspace.apply("新增", lambda w: w.insert("division", {"name": "旧处", "kind": "division", "position": 99}))
    holder = {}
    changes = workspace.apply("设置", lambda w: holder.setdefault("r", setup_department(
        w, "某某省某某局", "", ["法规处", " 规划处 ", "办公室", "诚信处", "数据管理处", "数据管理处", ""])))
    result = holder["r"]
    assert (result.added, result.restored, result.deleted) == (("数据管理处",), ("诚信处",), ("旧处",))
    assert result.retired == ("审批办", "机关党委")  # assigned in the plan: retired, history kept
    assert division_names(workspace.db) == ["法规处", "规划处", "办公室", "诚信处", "数据管理处"]
    dept = get_department(workspace.db)
    assert (dept.name, dept.short, dept.configured) == ("某某省某某局", "我局", True) and not needs_setup(workspace.db)
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE kind = 'group'") == 4  # groups untouched
    workspace.undo(changes)
    assert needs_setup(workspace.db) and "旧处" in division_names(workspace.db)


def test_refusals_change_nothing(workspace: Workspace) -> None:
    before = division_names(workspace.db)
    for args, said in ((("", "", ["法规处"]), "不能为空"), (("某局", "本局", ["法规处"]), "应以“我”开头"),
                       (("某局", "", ["  ", ""]), "至少列出一个处室"), (("某局", "", ["处" * 41]), "过长")):
        with pytest.raises(BizenvError, match=said):
            workspace.apply("设置", lambda w, a=args: setup_department(w, *a))
    assert division_names(workspace.db) == before and needs_setup(workspace.db)


def test_deadlines_name_the_departments_own_leaders(workspace: Workspace) -> None:
    from datetime import date

    from bizenv_desktop.services.deadlines import list_deadlines

    def titles() -> list[str]:
        return [d.title for d in list_deadlines(workspace.db, date(2026, 3, 1), date(2026, 4, 30))
                if d.kind == "leadership_quarterly_report"]
    assert titles() == ["2026年第一季度工作情况向厅主要领导汇报"]
    workspace.apply("设置", lambda w: setup_department(w, "某某市某某局"))
    assert titles() == ["2026年第一季度工作情况向局主要领导汇报"]
    workspace.apply("设置", lambda w: setup_department(w, "某某市营商环境建设中心", "我单位"))
    assert titles() == ["2026年第一季度工作情况向单位主要领导汇报"]
