"""The department's name and short form: a database setting with a fallback to the plan's office."""
from __future__ import annotations

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services.department import (DEFAULT_SUPERIOR, default_short, get_department, get_superior,
                                                set_department, set_superior)


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


def test_the_superior_office_is_a_setting_with_the_provincial_office_as_default(workspace) -> None:
    superior = get_superior(workspace.db)
    assert (superior.name, superior.short, superior.configured) == ("省软环境建设办公室", "省软环境办", False)
    assert superior.sources == ("省软环境办交办", "省软环境办督办") and get_department(workspace.db).superior == superior
    changes = workspace.apply("上级", lambda w: set_superior(w, " 市优化营商环境 建设办公室 ", "市营商办"))
    superior = get_department(workspace.db).superior
    assert (superior.name, superior.short, superior.configured) == ("市优化营商环境 建设办公室", "市营商办", True)
    assert superior.sources == ("市营商办交办", "市营商办督办")
    second = workspace.apply("上级", lambda w: set_superior(w, "县营商环境办公室"))  # no short name: the full one
    assert (get_superior(workspace.db).name, get_superior(workspace.db).short) == ("县营商环境办公室", "县营商环境办公室")
    workspace.undo(second)
    assert get_superior(workspace.db).short == "市营商办"
    workspace.undo(changes)
    assert get_superior(workspace.db) == DEFAULT_SUPERIOR


@pytest.mark.parametrize("name, short, words", [("", "省软环境办", ["不能为空"]), ("长" * 61, "", ["全称过长", "61"]),
                                                ("某办公室", "简" * 31, ["简称过长", "31"])])
def test_bad_superior_names_are_refused_and_change_nothing(workspace, name: str, short: str, words: list[str]) -> None:
    with pytest.raises(InvalidInput) as info:
        workspace.apply("上级", lambda w: set_superior(w, name, short))
    assert all(word in info.value.text("zh") for word in words), info.value.text("zh")
    assert "superior office" in info.value.text("en")
    assert get_superior(workspace.db) == DEFAULT_SUPERIOR
