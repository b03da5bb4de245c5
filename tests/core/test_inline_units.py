"""Units written inline at the end of a task's text (core.inline_units): every shape of issue 13."""
from __future__ import annotations

import pytest

from bizenv_desktop.core.inline_units import (is_group, looks_like_unit, parse_units, split_unit_list,
                                              take_inline_units)

L, R, C = "lead", "responsible", "cooperate"


def read(text: str) -> tuple[str, list[tuple[str, str, bool]], str]:
    found = take_inline_units(text)
    return found.text, [(u.name, u.role, u.is_group) for u in found.units], found.deadline


SHAPES = [
    # (牵头单位：A、B、C，责任单位：…)
    ("压缩企业开办时间。（牵头单位：省市场监管厅、省公安厅、省税务局，责任单位：各市（州）政府）",
     ("压缩企业开办时间。", [("省市场监管厅", L, False), ("省公安厅", L, False), ("省税务局", L, False),
                    ("各市（州）政府", R, True)], "")),
    # 〔牵头单位：…；责任单位：…〕
    ("全面推行“一网通办”〔牵头单位：省政数局；责任单位：省直各有关部门〕",
     ("全面推行“一网通办”", [("省政数局", L, False), ("省直各有关部门", R, True)], "")),
    ("全面推行“一网通办”。【牵头单位：省政数局；配合单位：省财政厅】",
     ("全面推行“一网通办”。", [("省政数局", L, False), ("省财政厅", C, False)], "")),
    # (X牵头，Y配合)
    ("优化审批服务（省发改委牵头，省财政厅、省自然资源厅配合）。",
     ("优化审批服务。", [("省发改委", L, False), ("省财政厅", C, False), ("省自然资源厅", C, False)], "")),
    # (X负责), (X牵头负责)
    ("做好政策宣传解读（省科技厅负责）", ("做好政策宣传解读", [("省科技厅", R, False)], "")),
    ("建立问题台账（法规处牵头负责）。", ("建立问题台账。", [("法规处", L, False)], "")),
    # a deadline inside the list
    ("开展跨境贸易便利化试点（牵头单位：省商务厅；责任单位：各市（州）政府，6月底完成）",
     ("开展跨境贸易便利化试点", [("省商务厅", L, False), ("各市（州）政府", R, True)], "6月底完成")),
    ("开展试点（牵头单位：省商务厅；完成时限：2024年9月底前）",
     ("开展试点", [("省商务厅", L, False)], "2024年9月底前")),
    # a deadline in a bracket of its own after the unit list
    ("清理证明事项（省司法厅牵头）（2024年底前完成）", ("清理证明事项", [("省司法厅", L, False)], "2024年底前完成")),
    # units in brackets with no label
    ("完善信用修复制度（省发改委、人民银行长春中心支行）",
     ("完善信用修复制度", [("省发改委", R, False), ("人民银行长春中心支行", R, False)], "")),
    # lists split only outside brackets; groups kept whole
    ("推进工程建设项目审批改革（省住房和城乡建设厅牵头，各县（市、区）人民政府、各相关处室、有关部门配合）",
     ("推进工程建设项目审批改革", [("省住房和城乡建设厅", L, False), ("各县（市、区）人民政府", C, True),
                          ("各相关处室", C, True), ("有关部门", C, True)], "")),
    ("推进工作（省人力资源和社会保障厅牵头，各市（州）、县（市、区）政府配合）",
     ("推进工作", [("省人力资源和社会保障厅", L, False), ("各市（州）、县（市、区）政府", C, True)], "")),
    ("推进（法规处、审批办，相关业务处室配合）",
     ("推进", [("法规处", R, False), ("审批办", R, False), ("相关业务处室", C, True)], "")),
    ("推进（省发改委牵头，省财政厅、省科技厅按职责分工负责）",
     ("推进", [("省发改委", L, False), ("省财政厅", R, False), ("省科技厅", R, False)], "")),
    ("推进（省发改委牵头；责任单位：省财政厅等部门）", ("推进", [("省发改委", L, False), ("省财政厅", R, False)], "")),
    # a label after the sentence, no bracket
    ("按季度通报工作进展。牵头单位：法规处；责任单位：审批办、规划处",
     ("按季度通报工作进展。", [("法规处", L, False), ("审批办", R, False), ("规划处", R, False)], "")),
]


@pytest.mark.parametrize("text, expected", SHAPES, ids=[t[:14] for t, _ in SHAPES])
def test_shapes(text: str, expected: tuple) -> None:
    assert read(text) == expected


NOT_UNITS = ["制定营商环境实施办法（试行）", "落实《条例》（以下简称“条例”）", "2024年重点任务（2024年）",
             "推进帮办代办（按程序负责）", "清理证明事项（2024年底前完成）", "优化政务服务大厅（政务服务大厅）",
             "推广（一网通办）", "召开会议（座谈会、研讨会）", "（1）落实重点任务", "", "   ",
             "扩大开放（含县级）", "推进“放管服”改革（放管服）"]


@pytest.mark.parametrize("text", NOT_UNITS)
def test_brackets_that_are_not_unit_lists_stay(text: str) -> None:
    found = take_inline_units(text)
    assert not found and found.units == () and found.text == text.strip() and found.removed == ""


def test_removed_is_what_was_taken_out() -> None:
    found = take_inline_units("清理证明事项（省司法厅牵头）（2024年底前完成）。")
    assert found.removed == "（省司法厅牵头）（2024年底前完成）" and found.text == "清理证明事项。"


def test_known_names_are_units_in_a_bracket_without_label() -> None:
    assert not take_inline_units("推进工作（数据组、宣传组甲）")
    found = take_inline_units("推进工作（数据组、宣传组甲）", known={"数据组", "宣传组甲"})
    assert [u.name for u in found.units] == ["数据组", "宣传组甲"]


def test_split_only_outside_brackets() -> None:
    assert split_unit_list("各县（市、区）人民政府、省发改委及省财政厅") == ["各县（市、区）人民政府", "省发改委", "省财政厅"]
    assert split_unit_list("省人力资源和社会保障厅、省工业和信息化厅") == ["省人力资源和社会保障厅", "省工业和信息化厅"]
    assert split_unit_list("省发改委等有关部门；省财政厅等") == ["省发改委", "省财政厅"]
    assert split_unit_list("由省发改委会同省财政厅") == ["省发改委", "省财政厅"]


def test_parse_units_on_its_own_line() -> None:
    units, deadline = parse_units("省发改委、省财政厅、省科技厅", first_is_lead=True)
    assert [(u.name, u.role) for u in units] == [("省发改委", L), ("省财政厅", R), ("省科技厅", R)]
    units, _ = parse_units("省发改委、省财政厅")
    assert [u.role for u in units] == [R, R]
    units, deadline = parse_units("责任单位：省商务厅，2024年6月底前完成")
    assert [(u.name, u.role) for u in units] == [("省商务厅", R)] and deadline == "2024年6月底前完成"


@pytest.mark.parametrize("name, unit", [
    ("法规处", True), ("省发改委", True), ("省委", True), ("各市（州）", True), ("人民银行长春中心支行", True),
    ("省软环境办", True), ("试行", False), ("一网通办", False), ("帮办代办", False), ("政务服务大厅", False),
    ("座谈会", False), ("全部", False), ("网站", False), ("这是一个完整的句子。", False), ("王某某", False)])
def test_looks_like_unit(name: str, unit: bool) -> None:
    assert looks_like_unit(name) is unit


@pytest.mark.parametrize("name", ["各县（市、区）人民政府", "各相关处室", "有关部门", "相关业务处室", "省直各有关部门",
                                  "厅内各处室", "各成员单位", "其他成员单位"])
def test_groups(name: str) -> None:
    assert is_group(name)


# county and city bureaus name their units 股/科/室/中心/站/所/队 (follow-up of issue 13)
BUREAU_SHAPES = [
    ("完善行政执法制度（法规股牵头，各业务股室配合）",
     ("完善行政执法制度", [("法规股", L, False), ("各业务股室", C, True)], "")),
    ("推行“一窗受理”（政务服务科负责）。", ("推行“一窗受理”。", [("政务服务科", R, False)], "")),
    ("做好监测工作（法规科牵头，办公室、财务室、信息中心、环境监测站、产品检验所、执法大队配合）",
     ("做好监测工作", [("法规科", L, False), ("办公室", C, False), ("财务室", C, False), ("信息中心", C, False),
                   ("环境监测站", C, False), ("产品检验所", C, False), ("执法大队", C, False)], "")),
    ("清理涉企收费（综合股、审批股）", ("清理涉企收费", [("综合股", R, False), ("审批股", R, False)], "")),
    ("规范检查（牵头股室：法规股；配合股室：各股室，9月底前完成）",
     ("规范检查", [("法规股", L, False), ("各股室", C, True)], "9月底前完成")),
    ("压缩办理时限（行政审批科牵头，业务科室、各市场监管所配合）",
     ("压缩办理时限", [("行政审批科", L, False), ("业务科室", C, True), ("各市场监管所", C, True)], "")),
    ("推进便民服务（责任科室：政务服务科；配合科室：相关股室、局属单位）",
     ("推进便民服务", [("政务服务科", R, False), ("相关股室", C, True), ("局属单位", C, True)], "")),
]


@pytest.mark.parametrize("text, expected", BUREAU_SHAPES, ids=[t[:10] for t, _ in BUREAU_SHAPES])
def test_bureau_unit_shapes(text: str, expected: tuple) -> None:
    assert read(text) == expected


# brackets that end in those characters but are no unit list
BUREAU_NOT_UNITS = ["在门户网站公开（政府网站）", "召开推进会（三楼会议室）", "坚持服务理念（以企业为中心）",
                    "压实责任（责任到股）", "核查登记信息（经营场所、住所）", "组建服务力量（专业团队）",
                    "保障能源供应（加油站、充电站）", "引进人才（含本科、专科）", "规范国企改革（国有控股、参股）",
                    "优化服务（一站式）", "加强队伍建设（人才梯队）"]


@pytest.mark.parametrize("text", BUREAU_NOT_UNITS)
def test_bureau_words_that_are_not_units_stay(text: str) -> None:
    found = take_inline_units(text)
    assert not found and found.text == text and found.removed == ""


@pytest.mark.parametrize("name, unit", [
    ("法规股", True), ("政务服务科", True), ("财务室", True), ("信息中心", True), ("环境监测站", True),
    ("市场监管所", True), ("执法大队", True), ("司法所", True), ("入股", False), ("国有控股", False),
    ("本科", False), ("重点学科", False), ("政府网站", False), ("加油站", False), ("经营场所", False),
    ("专业团队", False), ("会议室", False), ("以企业为中心", False)])
def test_bureau_unit_words(name: str, unit: bool) -> None:
    assert looks_like_unit(name) is unit


@pytest.mark.parametrize("name", ["各业务股室", "各股室", "各科室", "相关股室", "相关业务科室", "有关科室",
                                  "局内各股室", "机关各科室", "业务股室", "业务科室", "内设科室", "局属单位",
                                  "基层站所", "各站所"])
def test_bureau_groups(name: str) -> None:
    assert is_group(name)


@pytest.mark.parametrize("name", ["法规股", "政务服务科", "办公室", "信息中心", "业务指导科"])
def test_bureau_units_are_not_groups(name: str) -> None:
    assert not is_group(name)
