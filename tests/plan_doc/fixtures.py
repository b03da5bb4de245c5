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
