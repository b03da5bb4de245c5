"""The pure document model: headings in a text, figures as fields and editing around them,
line breaking on the grid, balanced titles, table widths."""
from __future__ import annotations

from bizenv_desktop.core.document import (Document, Fields, Section, expand, paragraphs, retemplate,
                                          strip_numeral)
from bizenv_desktop.core.linebreak import CLOSING, OPENING, balance_title, break_lines, ems, is_narrow, title_words
from bizenv_desktop.core.table_fit import fit_widths

PITCH = 442.2 / 28
TRAIL = PITCH - 16


def widths(text: str) -> list[float]:
    return [(8.0 if is_narrow(c) else 16.0) + TRAIL for c in text]


def test_heading_levels_and_run_in_headings() -> None:
    text = ("一、总体进展\n（一）任务推进。截至9月，共32项。\n1.落实重点任务\n（1）一网通办。推进中。\n正文一段。\n\n"
            "（二）部分处室对指标要求理解不一致，佐证材料收集不及时，个别事项需要协调推进，影响整体进度。")
    found = [(p.level, p.head, p.rest, p.standalone) for p in paragraphs(text)]
    assert found == [(1, "一、总体进展", "", True), (2, "（一）任务推进。", "截至9月，共32项。", False),
                     (3, "1.落实重点任务", "", True), (4, "（1）一网通办。", "推进中。", False),
                     (0, "", "正文一段。", False),
                     (2, "", "（二）部分处室对指标要求理解不一致，佐证材料收集不及时，个别事项需要协调推进，影响整体进度。", False)]
    assert strip_numeral("一、总体进展") == "总体进展" and strip_numeral("附件2：清单") == "清单"
    assert strip_numeral("（一）不是一级标题") == "（一）不是一级标题"


def test_an_edit_keeps_the_figures_it_did_not_touch() -> None:
    template = "截至{month}调度，共{total}项，其中已完成{done}项。"
    values = {"month": "9月", "total": "32", "done": "4"}
    text = expand(template, values)
    assert text == "截至9月调度，共32项，其中已完成4项。"
    edited = "我厅高度重视。截至9月调度，纳入调度的任务共32项，其中已完成5项。"
    new = retemplate(template, values, edited)
    assert new == "我厅高度重视。截至{month}调度，纳入调度的任务共{total}项，其中已完成5项。"
    assert expand(new, {"month": "12月", "total": "40", "done": "9"}) == \
        "我厅高度重视。截至12月调度，纳入调度的任务共40项，其中已完成5项。"
    assert retemplate(template, values, text) == template
    braces = retemplate(template, values, "写{不是字段}的文字")
    assert expand(braces, values) == "写{不是字段}的文字"


def test_numbering_follows_the_order() -> None:
    doc = Document("leadership", "标题", Fields(), [
        Section("opening", "", "开头"), Section("a", "总体进展"), Section("b", "问题"),
        Section("x", "表一", part="attachment"), Section("y", "表二", part="attachment")])
    assert doc.numbered_headings() == {"a": "一、总体进展", "b": "二、问题", "x": "表一", "y": "表二"}
    assert doc.attachment_names() == ["表一", "表二"]
    doc.fields.attachments = ["只列一个"]
    assert doc.attachment_names() == ["只列一个"]


def test_lines_hold_28_characters_and_closing_marks_stay_inside() -> None:
    text = "营商环境" * 7 + "，" + "建设工作" * 10 + "。"
    lines = break_lines(text, widths(text), 442.2, trail=TRAIL)
    assert lines[0].end - lines[0].start == 29 and text[lines[0].end - 1] == "，"  # squeezed in
    for ln in lines[:-1]:
        visible = sum(widths(text[ln.start:ln.end])) - TRAIL + (ln.end - ln.start - 1) * ln.extra
        assert abs(visible - 442.2) < 0.01
        assert text[ln.start] not in CLOSING and text[ln.end - 1] not in OPENING
    plain = "营商环境建设" * 10
    assert [ln.end - ln.start for ln in break_lines(plain, widths(plain), 442.2, trail=TRAIL)][:2] == [28, 28]
    assert break_lines(plain, widths(plain), 442.2, 2 * PITCH, trail=TRAIL)[0].end == 26
    two = "营" * 28 + "。”" + "建设"  # two marks cannot be squeezed: the last character goes down with them
    lines = break_lines(two, widths(two), 442.2, trail=TRAIL)
    assert lines[0].end == 27 and two[lines[1].start:lines[1].start + 3] == "营。”"
    opener = "营" * 27 + "《条例》"
    lines = break_lines(opener, widths(opener), 442.2, trail=TRAIL)
    assert opener[lines[0].end - 1] != "《" and opener[lines[1].start] == "《"
    number = "截至" + "营" * 25 + "2026年"  # 27 characters and a number two wide: it goes down whole
    lines = break_lines(number, widths(number), 442.2, trail=TRAIL)
    assert lines[0].end == 27 and number[lines[1].start:].startswith("2026年")


def test_titles_break_between_words_in_a_balanced_shape() -> None:
    title = "吉林省科学技术厅关于2026年第三季度营商环境建设重点工作任务推进落实情况的报告"
    lines = balance_title(title_words(title, ["吉林省科学技术厅"]), 20)
    assert "".join(lines) == title and len(lines) == 3
    assert all(ems(x) <= 20 for x in lines)
    for word in ("营商环境", "吉林省科学技术厅", "重点工作任务", "推进落实情况"):
        assert any(word in x for x in lines), word
    lengths = [ems(x) for x in lines]
    assert lengths[1] >= lengths[0] >= lengths[2] or lengths == sorted(lengths, reverse=True)
    assert min(lengths) >= 5
    short = balance_title(title_words("关于2026年第三季度营商环境建设工作情况的汇报"), 20)
    assert len(short) == 2 and ems(short[0]) >= ems(short[1]) >= 5 and "营商" not in short[1][:2]


def test_column_widths_fit_the_text_and_the_block() -> None:
    header = ["序号", "指标", "责任处室", "状态", "进展情况"]
    rows = [[str(n), "(3)-2 科技成果转化政策兑现“免申即享”改革", "规划处", "推进中", "已按计划推进，" * 12]
            for n in range(1, 40)]
    w = fit_widths(header, rows, 42.0, padding=1.0)
    assert abs(sum(w) - 42.0) < 1e-6
    assert w[2] >= 4.0 + 1.0 and w[3] >= 3.0 + 1.0  # 责任处室 and 推进中 on one line
    assert w[4] > w[1] > w[0]  # the most text gets the most room
    narrow = fit_widths(["序号", "名称"], [["1", "短"]], 42.0)
    assert abs(sum(narrow) - 42.0) < 1e-6
