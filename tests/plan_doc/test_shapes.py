"""The other shapes plans come in: 行动方案 with units inline, 工作要点 with a whole level in one
paragraph, 任务分工 with 责任单位：/时限要求： lines and sub-tasks, 考核细则 scoring tables (Word
and pasted text), prose that lists things, brackets that are no unit list, a cut-off document."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from bizenv_desktop.services.plan_doc import read_plan_document, read_plan_text

from .fixtures import ACTION_PLAN, DIVISION_OF_TASKS, SCORING_ROWS, WORK_POINTS, seed_text, table_docx, text_docx


def units(ind: Any) -> list[tuple[str, str, bool]]:
    return [(u.name, u.role, u.is_group) for u in ind.units]


def test_action_plan_with_units_written_at_the_end_of_each_task() -> None:
    plan = read_plan_text(ACTION_PLAN)
    assert (plan.title, plan.year, plan.office) == ("江川市2027年优化营商环境行动方案", 2027, "")
    assert [(d.code, d.name) for d in plan.dimensions] == [("二", "主要任务")]
    assert [(f.code, f.name) for f in plan.first_level()] == [("一", "优化政务服务环境"), ("二", "优化市场环境")]
    s = plan.second_level()
    assert [(i.code, i.name) for i in s] == [("1", "推行“一网通办”"), ("2", "深化“一窗受理”"), ("3", "压缩审批时限"),
                                             ("4", "规范涉企收费"), ("5", "加强信用监管"),
                                             ("6", "落实《江川市优化营商环境若干措施（试行）》（以下简称《若干措施》）")]
    assert units(s[0]) == [("市政务服务局", "lead", False), ("各县（市、区）人民政府", "responsible", True)]
    assert s[0].deadline == "6月底完成"
    assert s[0].criteria == "依托市政务服务平台，推动高频事项全程网办，网上可办率达到95%以上。"
    assert units(s[1]) == [("市政务服务局", "lead", False), ("市发展改革委", "cooperate", False),
                           ("市司法局", "cooperate", False)]
    assert units(s[2]) == [("市政务服务局", "lead", False), ("市直各有关部门", "cooperate", True)]
    assert units(s[3]) == [("市发展改革委", "responsible", False)]
    assert units(s[4]) == [("市发展改革委", "responsible", False), ("市市场监管局", "responsible", False)]
    # brackets that are not a unit list stay in the text; a task without units is still a task
    # a long first sentence: its first clause names the task, the sentence stays whole in the standard
    assert s[5].units == [] and s[5].criteria == \
        "落实《江川市优化营商环境若干措施（试行）》（以下简称《若干措施》），按季度通报落实情况。"
    assert s[0].kind == "quantitative" and s[0].target is not None and s[0].target.value == 95
    # 一、总体要求 and 三、保障措施 (its （一）（二） list no units) are plan prose, word for word
    assert [(x.heading, x.paragraphs, x.indicator_table) for x in plan.sections] == [
        ("一、总体要求", ["以企业和群众满意为导向，对标先进地区，着力破解企业反映强烈的突出问题。"], False),
        ("", [], True),
        ("三、保障措施", ["（一）加强组织领导。成立市优化营商环境工作领导小组，统筹推进各项工作。",
                      "（二）强化督促检查。市营商环境局定期调度，对工作不力的予以通报。"], False)]
    assert plan.preamble == [ACTION_PLAN.splitlines()[1]]


def test_work_points_with_a_whole_level_in_one_paragraph() -> None:
    plan = read_plan_text(WORK_POINTS)
    assert plan.office == "某某省市场监督管理局" and plan.year == 2027
    assert [(d.code, d.name) for d in plan.dimensions] == [("", plan.title)]
    assert [(f.code, f.name) for f in plan.first_level()] == [("一", "持续优化准入服务"), ("二", "加强事中事后监管")]
    s = plan.second_level()
    assert [i.code for i in s] == ["1", "2", "3", "4", "5"]
    assert (s[0].name, s[0].criteria) == ("推进经营主体登记便利化，年底前实现登记全程电子化", "")
    assert units(s[0]) == [("登记注册局", "responsible", False)]
    assert units(s[1]) == [("法规处", "lead", False), ("各业务处室", "cooperate", True)]
    assert units(s[4]) == [("法规处", "responsible", False)]
    assert [x.heading for x in plan.sections] == ["", "三、工作要求"]
    assert plan.sections[1].paragraphs == ["各处室要对照要点细化措施，每季度末向局办公室报送进展情况。"]


def test_division_of_tasks_with_unit_and_deadline_lines_and_sub_tasks() -> None:
    plan = read_plan_text(DIVISION_OF_TASKS)
    s = plan.second_level()
    assert [(i.code, i.name) for i in s] == [("1", "全面推行证明事项告知承诺制"), ("2", "推进涉农审批事项“一网通办”"),
                                             ("3", "开展涉企收费专项检查")]
    # 排在第一位的为牵头单位，其他为配合单位
    assert units(s[0]) == [("法规处", "lead", False), ("办公室", "cooperate", False), ("行政审批处", "cooperate", False)]
    assert s[0].deadline == "2027年6月底前" and s[1].deadline == "长期坚持"
    assert [(t.name, [u.name for u in t.units], t.deadline_text) for t in s[1].subtasks] == [
        ("梳理审批事项清单", ["行政审批处"], "2027年3月底前"), ("完成系统对接", ["信息中心"], "2027年9月底前")]
    assert units(s[2]) == [("计划财务处", "lead", False), ("市场与信息化处", "cooperate", False),
                           ("各市（州）农业农村局", "cooperate", True)]
    assert [x.heading for x in plan.sections] == ["", "二、保障措施"]


def check_scoring(plan: Any) -> None:
    assert [(f.code, f.name, f.score) for f in plan.first_level()] == [("一", "政务服务", 30.0), ("二", "市场环境", 20.0)]
    s = plan.second_level()
    assert [(i.name, i.score) for i in s] == [("一网通办", 10.0), ("一窗受理", 20.0), ("公平竞争审查", 20.0)]
    assert s[0].criteria == "网上可办率达到90%得10分，每低1个百分点扣1分。"
    assert s[0].kind == "quantitative" and s[0].target is not None and s[0].target.value == 90
    assert units(s[1]) == [("市政务服务局", "responsible", False), ("各县（市、区）政府", "responsible", True)]
    assert "合计" not in [f.name for f in plan.first_level()] + [i.name for i in s]


def test_scoring_table_in_word_with_merged_project_cells(tmp_path: Path) -> None:
    path = table_docx(tmp_path / "细则.docx", ["江川市营商环境考核细则", "考核采取百分制，具体如下："],
                      SCORING_ROWS, ["本细则由市营商环境局负责解释。"], merges=[(1, 0, 2, 0)])
    plan = read_plan_document(path)
    assert plan.title == "江川市营商环境考核细则"
    check_scoring(plan)


def test_scoring_table_pasted_as_text() -> None:
    text = "江川市营商环境考核细则\n" + "\n".join("\t".join(r) for r in SCORING_ROWS) + "\n"
    check_scoring(read_plan_text(text))


def test_prose_that_lists_things_is_not_turned_into_indicators() -> None:
    text = seed_text().replace("二、工作目标\n", "二、工作目标\n（一）建立机制。形成常态化工作机制。\n（二）提升质效。1.服务更优；2.效率更高。\n")
    plan = read_plan_text(text)
    assert len(plan.second_level()) == 23
    assert plan.sections[1].paragraphs[:2] == ["（一）建立机制。形成常态化工作机制。", "（二）提升质效。1.服务更优；2.效率更高。"]


def test_a_cut_off_document_imports_what_it_has_and_says_where_it_stopped() -> None:
    text = seed_text()
    cut = text[: text.index("省直媒体宣传报道")]  # inside (21)'s standard
    plan = read_plan_text(cut)
    assert len(plan.second_level()) == 21
    assert plan.stopped is not None
    said = plan.stopped.text()
    assert "读到第" in said and "23 个二级指标，只读到 21 个" in said and "最后一句没有结束" in said
    assert "only 21 were read" in plan.stopped.text("en")


def test_word_headings_with_a_label_row_table_under_each_indicator(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("某某局营商环境考核评价实施方案", style="Title")
    document.add_heading("一、主要任务", level=1)
    document.add_heading("（一）基础建设", level=2)
    document.add_heading("1、加强基础建设", level=3)
    for n, (name, criteria, line) in enumerate([("制定年度计划", "制定计划并公开。", "法规处"),
                                                  ("指定专人负责", "配备联络员。", "办公室牵头，各处室配合")], 1):
        document.add_heading(f"（{n}）{name}。", level=4)
        table = document.add_table(rows=2, cols=2)
        for c, text in enumerate(("考评内容及标准", "责任处室")):
            table.cell(0, c).text = text
        table.cell(1, 0).text, table.cell(1, 1).text = criteria, line
    path = tmp_path / "方案.docx"
    document.save(str(path))
    plan = read_plan_document(path)
    assert [(i.code, i.name, i.criteria, i.responsibility) for i in plan.second_level()] == [
        ("(1)", "制定年度计划", "制定计划并公开。", "法规处"), ("(2)", "指定专人负责", "配备联络员。", "办公室牵头，各处室配合")]
    assert units(plan.second_level()[1]) == [("办公室", "lead", False), ("各处室", "cooperate", True)]


def test_the_action_plan_as_a_word_document_reads_as_its_text(tmp_path: Path) -> None:
    lines = ACTION_PLAN.splitlines()
    styles = {0: "Title", **{i: "Heading 1" for i, t in enumerate(lines) if t[:2] in ("一、", "二、", "三、")},
              **{i: "Heading 2" for i, t in enumerate(lines) if t.startswith("（") and i < 12}}
    from_word = read_plan_document(text_docx(tmp_path / "方案.docx", lines, styles))
    from_text = read_plan_text(ACTION_PLAN)
    assert from_word.to_builtin_dict() == from_text.to_builtin_dict()
    assert [i.deadline for i in from_word.second_level()] == [i.deadline for i in from_text.second_level()]


def test_scoring_rules_written_as_label_lines() -> None:
    text = """江川市营商环境考核细则（试行）
一、政务服务（30分）
（一）一网通办（10分）
考核内容：政务服务事项网上可办情况。
评分标准：网上可办率达到90%得10分，每低1个百分点扣1分。
责任单位：市政务服务局
（二）一窗受理（20分）
考核内容：综合窗口设置情况。
评分标准：实现综合窗口受理得20分。
责任单位：市政务服务局
二、市场环境（20分）
（一）公平竞争审查
分值：20分
考核内容：政策措施审查情况。
责任单位：市市场监管局
"""
    plan = read_plan_text(text)
    assert plan.title == "江川市营商环境考核细则（试行）"
    assert [(f.name, f.score) for f in plan.first_level()] == [("政务服务", 30.0), ("市场环境", 20.0)]
    s = plan.second_level()
    assert [(i.name, i.score) for i in s] == [("一网通办", 10.0), ("一窗受理", 20.0), ("公平竞争审查", 20.0)]
    assert s[0].criteria == "政务服务事项网上可办情况。\n评分标准：网上可办率达到90%得10分，每低1个百分点扣1分。"
    assert [d.name for d in plan.dimensions] == [plan.title]


def test_inline_unit_variants() -> None:
    text = """某某市2027年优化营商环境重点任务
一、重点任务
1.推行企业开办“一日办结”。（市市场监管局牵头负责）
2.建设“无证明城市”。（牵头单位：市司法局、市政务服务局，责任单位：市直各有关部门，12月底前完成）
3.优化获得电力服务。〔牵头单位：国网某某供电公司；配合单位：市发展改革委〕
4.提升纳税便利度（市税务局负责），持续压减纳税时间。
"""
    s = read_plan_text(text).second_level()
    assert units(s[0]) == [("市市场监管局", "lead", False)]
    assert units(s[1]) == [("市司法局", "lead", False), ("市政务服务局", "lead", False),
                           ("市直各有关部门", "responsible", True)]
    assert s[1].deadline == "12月底前完成"
    assert units(s[2]) == [("国网某某供电公司", "lead", False), ("市发展改革委", "cooperate", False)]
    # a bracket inside the text (not at its end) is no unit list of the task: it stays
    assert s[3].units == [] and s[3].name == "提升纳税便利度（市税务局负责），持续压减纳税时间"


def test_subtitle_and_sign_off() -> None:
    text = ("江川市营商环境考核细则\n（试行）\n一、政务服务\n1.一网通办。\n责任单位：市政务服务局\n"
            "江川市营商环境建设局\n2027年1月5日\n抄送：市委办公室，市人大常委会办公室。\n江川市营商环境建设局办公室 2027年1月6日印发\n")
    plan = read_plan_text(text)
    assert plan.title == "江川市营商环境考核细则（试行）" and plan.year is None
    assert [i.name for i in plan.second_level()] == ["一网通办"] and plan.stopped is None
    assert "落款和版记（4 段" in " ".join(n.text() for n in plan.notes)
    assert all("印发" not in p for s in plan.sections for p in s.paragraphs)


COUNTY_POINTS = """江川县市场监督管理局2027年优化营商环境工作要点
一、提升政务服务
（一）推行“一窗受理”。整合登记窗口，实现一窗通办（政务服务科负责）。
（二）压缩办理时限。企业开办时间压缩至1个工作日以内（行政审批股牵头，各业务股室配合）。
二、规范执法监管
（一）规范涉企检查。推行“综合查一次”。
责任股室：法规股牵头，综合执法大队、各市场监管所配合
（二）加强信用监管。开展信用修复（信用监管科、信息中心）。
"""


def test_a_county_bureau_names_its_units_gu_ke_shi_zhan_suo() -> None:
    plan = read_plan_text(COUNTY_POINTS)
    s = plan.second_level()
    assert [i.name for i in s] == ["推行“一窗受理”", "压缩办理时限", "规范涉企检查", "加强信用监管"]
    assert units(s[0]) == [("政务服务科", "responsible", False)]
    assert s[0].criteria == "整合登记窗口，实现一窗通办。"
    assert units(s[1]) == [("行政审批股", "lead", False), ("各业务股室", "cooperate", True)]
    assert units(s[2]) == [("法规股", "lead", False), ("综合执法大队", "cooperate", False),
                           ("各市场监管所", "cooperate", True)]
    assert units(s[3]) == [("信用监管科", "responsible", False), ("信息中心", "responsible", False)]
