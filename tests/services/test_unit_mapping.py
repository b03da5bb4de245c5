"""Units named by a file mapped to the divisions (services.unit_mapping): exact, alias, near
match, new, group, not a unit; choices remembered in the database for the next file."""
from __future__ import annotations

import pytest

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import divisions
from bizenv_desktop.services.department import set_department
from bizenv_desktop.services.unit_mapping import (is_person_or_post, list_aliases, map_units, region_prefixes, resolve)


def kinds(unit_map) -> dict[str, tuple[str, str, bool]]:
    return {u.name: (u.kind, u.division, u.suggested) for u in unit_map}


def test_every_kind_proposed(workspace) -> None:
    found = map_units(workspace.db, {"法规处": [3], "政策法规处": [4, 9], "省科技厅": [5], "各县（市、区）人民政府": [5],
                                     "各相关处室": [6], "有关部门": [6], "王明": [7], "分管领导": [7],
                                     "省发改委": [8], "相关业务处室": [8], "机关党委": [2]})
    assert kinds(found) == {
        "法规处": ("existing", "法规处", False), "政策法规处": ("alias", "法规处", True),
        "省科技厅": ("new", "", False), "各县（市、区）人民政府": ("group", "", False),
        "各相关处室": ("group", "", False), "有关部门": ("group", "", False), "王明": ("not_unit", "", False),
        "分管领导": ("not_unit", "", False), "省发改委": ("new", "", False),
        "相关业务处室": ("group", "相关业务处室", False), "机关党委": ("existing", "机关党委", False)}
    assert found["政策法规处"].rows == [4, 9]
    assert found.to_json()[1] == {"name": "政策法规处", "mapping": "alias", "division": "法规处", "rows": [4, 9],
                                  "suggested": True}
    assert "可能是“法规处”" in found["政策法规处"].describe("zh")
    assert "probably" in found["政策法规处"].describe("en")


def test_near_matches_need_one_best_candidate(workspace) -> None:
    ws = workspace
    ws.apply("处室", lambda w: (divisions.add_division(w, "科学技术厅"), divisions.add_division(w, "综合规划处")))
    found = map_units(ws.db, ["科技厅", "省法规处", "吉林省审批办", "规划", "诚信建设处", "人事处"])
    assert kinds(found)["科技厅"] == ("alias", "科学技术厅", True)
    assert kinds(found)["省法规处"] == ("alias", "法规处", True)
    assert kinds(found)["吉林省审批办"] == ("alias", "审批办", True)
    assert kinds(found)["规划"][0] == "new"            # no unit ending: not a near match
    assert kinds(found)["诚信建设处"] == ("alias", "诚信处", True)  # an abbreviation: 诚信…处
    assert kinds(found)["人事处"][0] == "new"


def test_choices_are_remembered_for_the_next_file(workspace) -> None:
    ws = workspace
    first = map_units(ws.db, ["政策法规处", "张三", "督查专班", "各市（州）政府"])
    first.choose("督查专班", "existing", "办公室")
    first.choose("张三", "not_unit")
    holder: dict = {}
    ws.apply("导入", lambda w: holder.setdefault("ids", resolve(w, first)))
    ids = holder["ids"]
    fg = ws.db.scalar("SELECT id FROM division WHERE name = '法规处'")
    office = ws.db.scalar("SELECT id FROM division WHERE name = '办公室'")
    group = ws.db.scalar("SELECT id FROM division WHERE name = '各市（州）政府' AND kind = 'group'")
    assert ids == {"政策法规处": fg, "张三": None, "督查专班": office, "各市（州）政府": group}
    assert set(list_aliases(ws.db)) == {("政策法规处", "法规处"), ("督查专班", "办公室"), ("张三", None)}
    again = map_units(ws.db, ["政策法规处", "张三", "督查专班", "各市（州）政府"])
    assert kinds(again) == {"政策法规处": ("alias", "法规处", False), "张三": ("not_unit", "", False),
                            "督查专班": ("alias", "办公室", False), "各市（州）政府": ("group", "各市（州）政府", False)}
    assert all(u.remembered for u in again if u.kind != "group")


def test_new_units_are_made_by_resolve_and_undone_with_the_import(workspace) -> None:
    ws = workspace
    found = map_units(ws.db, ["省发改委"])
    before = ws.db.scalar("SELECT count(*) FROM division")
    changes = ws.apply("导入", lambda w: resolve(w, found))
    assert ws.db.scalar("SELECT kind FROM division WHERE name = '省发改委'") == "division"
    ws.undo(changes)
    assert ws.db.scalar("SELECT count(*) FROM division") == before


def test_merged_and_retired_divisions(workspace) -> None:
    ws = workspace
    def act(w):
        old = divisions.add_division(w, "政研室")
        divisions.merge_divisions(w, old, w.db.scalar("SELECT id FROM division WHERE name = '法规处'"))
        divisions.retire_division(w, w.db.scalar("SELECT id FROM division WHERE name = '诚信处'"))
    ws.apply("调整", act)
    found = map_units(ws.db, ["政研室", "诚信处"])
    assert kinds(found)["政研室"] == ("alias", "法规处", False)
    assert found["诚信处"].kind == "existing" and found["诚信处"].retired


def test_bad_choices_are_refused(workspace) -> None:
    found = map_units(workspace.db, ["政策法规处"])
    with pytest.raises(InvalidInput, match="不存在"):
        found.choose("政策法规处", "alias", "没有这个处")
    with pytest.raises(InvalidInput, match="无效"):
        found.choose("政策法规处", "maybe")
    with pytest.raises(InvalidInput, match="没有单位"):
        found.choose("别的处", "new")
    assert found.choose("政策法规处", "new").kind == "new" and found.target("政策法规处") == "政策法规处"


def test_deleting_a_division_forgets_its_aliases(workspace) -> None:
    ws = workspace
    new_id = ws.apply("新处室", lambda w: divisions.add_division(w, "数据处")).created_id("division")
    found = map_units(ws.db, ["数据管理处"])
    assert kinds(found)["数据管理处"] == ("alias", "数据处", True)
    ws.apply("导入", lambda w: resolve(w, found))
    ws.apply("删除", lambda w: divisions.delete_division(w, new_id))
    assert list_aliases(ws.db) == []


@pytest.mark.parametrize("name, expected", [
    ("王明", True), ("欧阳晓东", True), ("李 强", True), ("分管领导", True), ("分管厅领导", True), ("副厅长", True),
    ("待定", True), ("法规处", False), ("王府井街道", False), ("各相关处室", False), ("省发改委", False),
    ("审批办", False), ("规划处处长", True)])
def test_people_and_posts(name: str, expected: bool) -> None:
    assert is_person_or_post(name) is expected


@pytest.mark.parametrize("department, regions", [
    ("吉林省科学技术厅", ("吉林省",)), ("江川市市场监督管理局", ("江川市",)), ("某某省市场监督管理局", ("某某省",)),
    ("长春市朝阳区市场监督管理局", ("长春市朝阳区", "长春市", "朝阳区")), ("长白朝鲜族自治县商务局", ("长白朝鲜族自治县",)),
    ("新疆维吾尔自治区发展和改革委员会", ("新疆维吾尔自治区",)), ("国家税务总局吉林省税务局", ()), ("", ())])
def test_region_prefixes_come_from_the_department_name(department: str, regions: tuple[str, ...]) -> None:
    assert region_prefixes(department) == regions


def test_near_matches_strip_the_department_s_own_region_and_any_province_or_city(workspace) -> None:
    # 政法科 ~ 政策法规科 is an abbreviation: found only once what comes before the unit is stripped
    ws = workspace
    ws.apply("单位", lambda w: (set_department(w, "长春市朝阳区市场监督管理局"), divisions.add_division(w, "政策法规科")))
    found = map_units(ws.db, ["朝阳区政法科", "长春市朝阳区政法科", "某某省政法科", "江川县政法科", "延边朝鲜族自治州政法科",
                              "本局政法科", "市政法科", "城市政法科", "市场政法科"])
    assert {n: (k, d) for n, (k, d, _s) in kinds(found).items()} == {
        "朝阳区政法科": ("alias", "政策法规科"),        # the department's own district, from its name
        "长春市朝阳区政法科": ("alias", "政策法规科"), "某某省政法科": ("alias", "政策法规科"),  # any province
        "江川县政法科": ("alias", "政策法规科"), "延边朝鲜族自治州政法科": ("alias", "政策法规科"),
        "本局政法科": ("alias", "政策法规科"), "市政法科": ("alias", "政策法规科"),
        "城市政法科": ("new", ""), "市场政法科": ("new", "")}  # 城市, 市场: no city
    # another department: its own district is no longer stripped; provinces and cities still are
    ws.apply("单位", lambda w: set_department(w, "某某省科学技术厅"))
    found = map_units(ws.db, ["朝阳区政法科", "某某省政法科", "吉林省政法科"])
    assert [kinds(found)[n][:2] for n in ("朝阳区政法科", "某某省政法科", "吉林省政法科")] == [
        ("new", ""), ("alias", "政策法规科"), ("alias", "政策法规科")]
