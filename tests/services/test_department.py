"""The department's name and short form: a database setting with a fallback to the plan's office."""
from __future__ import annotations

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services.department import default_short, get_department, set_department


def test_falls_back_to_the_plan_office_until_set(workspace) -> None:
    dept = get_department(workspace.db)
    assert dept == dept.__class__("吉林省科学技术厅", "我厅", False)
    workspace.apply("设置单位", lambda w: set_department(w, "吉林省市场监督管理局"))
    dept = get_department(workspace.db)
    assert (dept.name, dept.short, dept.configured) == ("吉林省市场监督管理局", "我局", True)
    changes = workspace.apply("设置单位", lambda w: set_department(w, "某某省发展和改革委员会", "我委"))
    assert get_department(workspace.db).short == "我委"
    workspace.undo(changes)
    assert get_department(workspace.db).name == "吉林省市场监督管理局"


@pytest.mark.parametrize("name, short", [("", ""), ("某厅", "厅里"), ("长" * 61, "")])
def test_bad_values_are_refused_and_change_nothing(workspace, name: str, short: str) -> None:
    with pytest.raises(InvalidInput):
        workspace.apply("设置单位", lambda w: set_department(w, name, short))
    assert get_department(workspace.db).configured is False


def test_default_short() -> None:
    assert [default_short(n) for n in ("吉林省科学技术厅", "某市统计局", "某省卫生健康委", "某某中心")] == \
        ["我厅", "我局", "我委", "我单位"]
