"""Plan documents of every shape the reader takes, made by the tests themselves.

The built-in plan's source text (the seed) is laid out again as a PDF's copied text and as Word
documents (heading styles and a table per indicator, with or without Word's own numbering);
the other shapes (行动方案, 工作要点, 任务分工, 考核细则) are short texts of our own.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

# The seed plan, kept in the package (CI clones have no ../shared); tests/services/test_builtin_plan.py
# checks it is the same text as ../shared/seed when that is there.
SEED = Path(__file__).resolve().parents[2] / "bizenv_desktop" / "data" / "builtin_plan_source.txt"
NO_LINE_START = "，。、；：？！）》”’,.;:?!)"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_paragraphs() -> list[str]:
    return [line.strip() for line in seed_text().splitlines() if line.strip()]


def _width(ch: str) -> float:
    return 0.5 if unicodedata.east_asian_width(ch) in ("Na", "H") else 1.0


def wrap(paragraph: str, width: int, indent: int = 0) -> list[str]:
    """Lines of a printed paragraph: full lines of `width` characters; a stop that may not start
    a line is pulled back onto the line before (as GB/T 9704 typesetting does)."""
    lines: list[str] = []
    line, used = " " * indent, float(indent)
    for ch in paragraph:
        if used + _width(ch) > width and line.strip():
            if ch in NO_LINE_START:
                line += ch
                lines.append(line)
                line, used = "", 0.0
                continue
            lines.append(line)
            line, used = "", 0.0
        line += ch
        used += _width(ch)
    if line.strip():
        lines.append(line)
    return lines


def half_width_numbers(paragraph: str) -> str:
    """（1） -> (1), 考评内容及标准： -> 考评内容及标准: (what a PDF of a WPS document often holds)."""
    paragraph = re.sub(r"^（(\d+)）", r"(\1)", paragraph)
    return re.sub(r"^(考评内容及标准|责任处室)：", r"\1:", paragraph)


def as_pdf_text(paragraphs: list[str], width: int = 28, per_page: int = 22, header: str = "",
                indent: bool = False, half_width: bool = True, dash: str = "—") -> str:
    """The text a PDF reader copies: printed lines, '— n —' at each page's foot, the running
    header at the top of every page after the first."""
    lines: list[str] = []
    for n, para in enumerate(paragraphs):
        para = half_width_numbers(para) if half_width else para
        lines.extend(wrap(para, width, 2 if indent and n else 0))
    out: list[str] = []
    page = 1
    for i, line in enumerate(lines):
        if i and i % per_page == 0:
            out.append(f"{dash}{page}{dash}" if dash == "—" else f"{dash} {page} {dash}")
            page += 1
            if header:
                out.append(header)
        out.append(line)
    out.append(f"{dash}{page}{dash}")
    return "\n".join(out) + "\n"


# -- Word documents --------------------------------------------------------------------------------

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _add_list(document: Any) -> str:
    """A four-level list like the seed's: 一、 / （一） / 1、 / （1）, the last two never restarting."""
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    levels = [("chineseCounting", "%1、", None), ("chineseCounting", "（%2）", None),
              ("decimal", "%3、", 0), ("decimal", "（%4）", 0)]
    xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + (f'<w:lvlRestart w:val="{restart}"/>' if restart is not None else "")
        + f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text, restart) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
                         f"{xml}</w:abstractNum>")
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {W} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    return "77"


def _number(paragraph: Any, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def plan_docx(path: Path, plan: dict[str, Any], numbering: str = "text") -> Path:
    """The plan (in builtin_plan.json's shape) as a Word document: Title style, 标题 1 sections,
    标题 2 / 3 / 4 for dimension, first- and second-level indicator, and under each second-level
    indicator a two-column table (考评内容及标准 | …, 责任处室 | …).

    numbering: "text" writes the numbers into the headings (一、 （一） 1、 （1）); "word" uses
    Word's automatic numbering (numbering.xml); "none" leaves the headings unnumbered."""
    import docx

    document = docx.Document()
    document.add_paragraph(plan["title"], style="Title")
    for para in plan["preamble"]:
        document.add_paragraph(para)
    num_id = _add_list(document) if numbering == "word" else ""

    def heading(text: str, level: int, numbered: str) -> None:
        if numbering == "text":
            p = document.add_heading(numbered + text, level=level)
        else:
            p = document.add_heading(text, level=level)
            if numbering == "word":
                _number(p, num_id, level - 1)

    for section in plan["sections"]:
        head = re.sub(r"^[一二三四五六七八九十]+、", "", section["heading"])
        heading(head, 1, section["heading"][: len(section["heading"]) - len(head)])
        for para in section["paragraphs"]:
            document.add_paragraph(para)
        if not section.get("indicator_table"):
            continue
        for dim in plan["dimensions"]:
            heading(dim["name"], 2, f"（{dim['code']}）")
            for first in dim["indicators"]:
                heading(first["name"], 3, f"{first['code']}、")
                for second in first["children"]:
                    heading(second["name"], 4, second["code"].replace("(", "（").replace(")", "）"))
                    table = document.add_table(rows=2, cols=2)
                    table.style = "Table Grid"
                    for r, (label, value) in enumerate((("考评内容及标准", second["criteria"]),
                                                        ("责任处室", second["responsibility"]))):
                        table.cell(r, 0).text = label
                        table.cell(r, 1).text = value
    document.save(str(path))
    return path


def text_docx(path: Path, paragraphs: list[str], styles: dict[int, str] | None = None) -> Path:
    """A Word document with one paragraph per text (styles: paragraph index -> style name)."""
    import docx

    document = docx.Document()
    for i, text in enumerate(paragraphs):
        document.add_paragraph(text, style=(styles or {}).get(i))
    document.save(str(path))
    return path


def table_docx(path: Path, before: list[str], rows: list[list[str]], after: list[str] = (),  # type: ignore[assignment]
               merges: list[tuple[int, int, int, int]] = ()) -> Path:  # type: ignore[assignment]
    """Paragraphs, one table (merges: (row, col, to_row, to_col) cells merged), paragraphs."""
    import docx

    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        keep = table.cell(r0, c0).text
        merged = table.cell(r0, c0).merge(table.cell(r1, c1))
        merged.text = keep
    for text in after:
        document.add_paragraph(text)
    document.save(str(path))
    return path


# -- the other shapes departments and cities write plans in (our own public-looking text) ------------

ACTION_PLAN = """\
江川市2027年优化营商环境行动方案
为深入贯彻《优化营商环境条例》，持续打造市场化、法治化、国际化营商环境，结合我市实际，制定本方案。
一、总体要求
以企业和群众满意为导向，对标先进地区，着力破解企业反映强烈的突出问题。
二、主要任务
（一）优化政务服务环境
1.推行“一网通办”。依托市政务服务平台，推动高频事项全程网办，网上可办率达到95%以上。（牵头单位：市政务服务局；责任单位：各县（市、区）人民政府，6月底完成）
2.深化“一窗受理”。整合部门分设的办事窗口，实行前台综合受理、后台分类审批。〔牵头单位：市政务服务局；配合单位：市发展改革委、市司法局〕
3.压缩审批时限。一般企业投资项目审批时间压缩至30个工作日以内。（市政务服务局牵头，市直各有关部门配合）
（二）优化市场环境
4.规范涉企收费。全面清理规范涉企经营服务性收费。（市发展改革委负责）
5.加强信用监管。推行信用承诺制，实施分级分类监管。（市发展改革委、市市场监管局）
6.落实《江川市优化营商环境若干措施（试行）》（以下简称《若干措施》），按季度通报落实情况。
三、保障措施
（一）加强组织领导。成立市优化营商环境工作领导小组，统筹推进各项工作。
（二）强化督促检查。市营商环境局定期调度，对工作不力的予以通报。
"""

WORK_POINTS = """\
某某省市场监督管理局2027年营商环境工作要点
一、持续优化准入服务。1.推进经营主体登记便利化，年底前实现登记全程电子化（登记注册局负责）；2.推行告知承诺制（法规处牵头，各业务处室配合）；3.优化窗口服务（政务服务中心负责）。
二、加强事中事后监管。4.全面推行“双随机、一公开”监管（执法总队负责）；5.规范行政处罚裁量权（法规处负责）。
三、工作要求
各处室要对照要点细化措施，每季度末向局办公室报送进展情况。
"""

DIVISION_OF_TASKS = """\
某某省农业农村厅2027年优化营商环境重点任务分工方案
为抓好2027年优化营商环境重点任务落实，制定本分工方案。各项任务的责任单位中，排在第一位的为牵头单位，其他为配合单位。
一、重点任务
（一）提升政务服务效能
1.全面推行证明事项告知承诺制。
责任单位：法规处、办公室、行政审批处
时限要求：2027年6月底前
2.推进涉农审批事项“一网通办”。
责任单位：行政审批处
时限要求：长期坚持
（1）梳理审批事项清单。
责任单位：行政审批处
时限要求：2027年3月底前
（2）完成系统对接。
责任单位：信息中心
时限要求：2027年9月底前
（二）优化涉农市场环境
3.开展涉企收费专项检查。
牵头单位：计划财务处
配合单位：市场与信息化处、各市（州）农业农村局
时限要求：2027年10月底前
二、保障措施
各责任单位要明确专人负责，按月报送工作进展。
"""

SCORING_ROWS = [
    ["考核项目", "分值", "考核内容", "评分标准", "责任单位"],
    ["一、政务服务（30分）", "10", "一网通办", "网上可办率达到90%得10分，每低1个百分点扣1分。", "市政务服务局"],
    ["一、政务服务（30分）", "20", "一窗受理", "综合窗口受理率达到70%以上得20分，否则不得分。", "市政务服务局、各县（市、区）政府"],
    ["二、市场环境（20分）", "20", "公平竞争审查", "新出台政策措施全部经过审查得20分，发现一件未审查扣5分。", "市市场监管局"],
    ["合计", "50", "", "", ""],
]
