"""Fuzzing the inline-unit reader (core.inline_units) and the unit mapping (services.unit_mapping):
hypothesis-made task texts from the pieces real 任务分工方案 use, and any text at all. Reading never
raises; what is taken out of a text is its end, and the rest plus what was taken is the text."""
from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bizenv_desktop.core.inline_units import CLOSE, OPEN, parse_units, split_unit_list, take_inline_units
from bizenv_desktop.services.unit_mapping import KINDS, map_units

FUZZ = settings(max_examples=300, deadline=None, database=None, derandomize=not os.environ.get("BIZENV_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow])

UNITS = ["省发改委", "法规处", "各县（市、区）人民政府", "各相关处室", "有关部门", "省人力资源和社会保障厅", "审批办",
         "相关业务处室", "王明", "分管领导", "各市（州）", "县（市、区）政府", "省直各有关部门", "试行", "2024年"]
WORDS = ["牵头单位：", "责任单位：", "配合单位：", "牵头", "负责", "牵头负责", "配合", "按职责分工负责", "完成时限：", "6月底完成",
         "2024年底前", "持续推进", "、", "，", "；", ",", ";", "及", "等部门", "。", " ", "\n", "（", "）", "〔", "〕", "【", "】",
         "(", ")", "“", "”", "以下简称", "推进", "优化营商环境"]
PIECES = st.lists(st.sampled_from(UNITS + WORDS), max_size=14).map("".join)
TASKS = st.tuples(st.sampled_from(["优化审批流程", "（1）压缩开办时间", "推进“一网通办”", ""]), PIECES,
                  st.sampled_from(["", "。", "；", " "])).map("".join)
ANY = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)


def _squeeze(text: str) -> str:
    return re.sub(r"[\s。．.；;，,、:：！!]", "", text)


@FUZZ
@given(text=st.one_of(TASKS, ANY))
def test_take_inline_units_never_breaks_and_keeps_the_text(text: str) -> None:
    found = take_inline_units(text)
    if not found.units:
        assert found.text == text.strip() and not found.removed and not found.deadline
        return
    assert found.removed and (found.removed[0] in OPEN) == (found.removed[-1] in CLOSE)
    # the text kept plus what was taken out is the text (up to the punctuation and spaces around them)
    assert _squeeze(text).startswith(_squeeze(found.text)) and _squeeze(found.removed) in _squeeze(text)
    for unit in found.units:
        assert unit.name.strip() == unit.name and unit.name
        assert unit.role in ("lead", "responsible", "cooperate")
    assert len({u.name for u in found.units}) == len(found.units)


@FUZZ
@given(text=st.one_of(PIECES, ANY), first=st.booleans())
def test_parse_and_split_never_break(text: str, first: bool) -> None:
    units, deadline = parse_units(text, first_is_lead=first)
    assert all(u.name for u in units) and isinstance(deadline, str)
    for part in split_unit_list(text):
        assert part and not part[0] in "、，,；;"


@settings(max_examples=60, deadline=None, database=None, derandomize=not os.environ.get("BIZENV_FUZZ_RANDOM"),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.one_of(st.sampled_from(UNITS), ANY), max_size=12))
def test_map_units_gives_every_name_one_mapping(names: list[str], workspace) -> None:
    found = map_units(workspace.db, names)
    wanted = {re.sub(r"\s+", "", n) for n in names} - {""}
    assert {u.name for u in found} == wanted
    assert all(u.kind in KINDS for u in found)
    assert all(bool(u.division) == (u.division_id is not None) for u in found)
