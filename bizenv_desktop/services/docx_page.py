"""The page of a Word document in the GB/T 9704 set-up (services.docx_writer writes its content):
A4 (or landscape), margins 37 / 35 / 28 / 26 mm, a line grid of 22 lines, 28 characters a
line from the text styles' character spacing, the named paragraph styles (标题, 一级标题 …
正文, 表格文字, 署名, 附件标签, 版记, 页码) and page numbers "— 1 —" in 4号 宋体, odd pages right
and even pages left, one character in. Also the font and OOXML helpers both use."""
from __future__ import annotations

import math
from typing import Any

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..core.document import Document

FONTS = {"title": "方正小标宋简体", "body": "仿宋", "heading1": "黑体", "heading2": "楷体", "number": "宋体"}
BODY_PT, TITLE_PT, CELL_PT, NUMBER_PT = 16, 22, 10.5, 14
# 28.95 pt: 22 lines in 225 mm, rounded down to Word's twentieths of a point (29.00 pt, rounded to
# the nearest, makes 22 lines 225.07 mm: LibreOffice then sets 21 a page)
LINE_PT = math.floor(225 / 22 * 72 / 25.4 * 20) / 20
CELL_LEADING = 1.35                     # a table line's pitch in cell-font sizes, as in the PDF
FOOTER_BELOW_DASH_MM = 2.4             # the number line's bottom below its dashes' middle (measured)
SHORT_TABLE = 0.7                       # of the block's height: a table kept whole with the signature
CELL_PAD_PT = (3, 4)                    # a cell's top/bottom and left/right padding, as in the PDF
PITCH_PT = 156 / 28 * 72 / 25.4         # 15.79 pt: 28 characters in 156 mm
CONDENSE_PT = 0.25                      # character spacing of the text styles (16 pt − 0.25 pt < 15.79 pt)
PORTRAIT = {"width": 210, "height": 297, "top": 37, "bottom": 35, "left": 28, "right": 26}
LANDSCAPE = {"width": 297, "height": 210, "top": 28, "bottom": 26, "left": 37, "right": 35}


def _fonts(rpr: Any, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), font)


def _set(parent: Any, tag: str, **attrs: Any) -> Any:
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    for k, v in attrs.items():
        el.set(qn(f"w:{k}"), str(v))
    return el


class PageSetup:
    """A python-docx document with the page, styles and page numbers set up for doc."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.word = WordDocument()
        self.geometry = LANDSCAPE if doc.orientation == "landscape" else PORTRAIT
        self.block_mm = self.geometry["width"] - self.geometry["left"] - self.geometry["right"]
        self._styles()
        self._page()

    # -- set-up ---------------------------------------------------------------------------------
    def _style(self, name: str, font: str, size: float, *, align: Any = WD_ALIGN_PARAGRAPH.JUSTIFY,
               indent_chars: float = 0, line: float | None = LINE_PT, keep: bool = False, grid: bool = True,
               outline: int | None = None, condense: bool = True) -> Any:
        styles = self.word.styles
        style = styles[name] if name in [s.name for s in styles] else styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = None
        style.font.size = Pt(size)
        style.font.bold = False
        rpr = style.element.get_or_add_rPr()
        _fonts(rpr, font)
        if condense:  # 16 pt characters 0.25 pt closer: 28 of them in the 156 mm line
            _set(rpr, "w:spacing", val=round(-CONDENSE_PT * 20 * size / BODY_PT))
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.widow_control = True
        fmt.keep_with_next = keep
        if line:
            fmt.line_spacing = Pt(line)
            fmt.line_spacing_rule = 4  # WD_LINE_SPACING.EXACTLY
        else:
            fmt.line_spacing = 1.0
        ppr = style.element.get_or_add_pPr()
        if indent_chars:
            _set(ppr, "w:ind", firstLineChars=int(indent_chars * 100), firstLine=int(indent_chars * PITCH_PT * 20))
        _set(ppr, "w:snapToGrid", val="1" if grid else "0")
        if outline is not None:
            _set(ppr, "w:outlineLvl", val=outline)
        return style

    def _styles(self) -> None:
        normal = self.word.styles["Normal"]
        normal.font.size = Pt(BODY_PT)
        _fonts(normal.element.get_or_add_rPr(), FONTS["body"])
        self._style("正文", FONTS["body"], BODY_PT, indent_chars=2)
        self._style("标题", FONTS["title"], TITLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, line=1.25 * LINE_PT,
                    keep=True, grid=False, outline=0, condense=False)
        self._style("一级标题", FONTS["heading1"], BODY_PT, indent_chars=2, keep=True, outline=1)
        self._style("二级标题", FONTS["heading2"], BODY_PT, indent_chars=2, keep=True, outline=2)
        self._style("三级标题", FONTS["body"], BODY_PT, indent_chars=2, keep=True, outline=3)
        self._style("主送机关", FONTS["body"], BODY_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
        self._style("署名", FONTS["body"], BODY_PT, align=WD_ALIGN_PARAGRAPH.RIGHT)
        self._style("附件标签", FONTS["heading1"], BODY_PT, align=WD_ALIGN_PARAGRAPH.LEFT, keep=True)
        self._style("表格文字", FONTS["body"], CELL_PT, align=WD_ALIGN_PARAGRAPH.LEFT, line=CELL_PT * CELL_LEADING,
                    grid=False, condense=False)
        self._style("版记", FONTS["body"], NUMBER_PT, align=WD_ALIGN_PARAGRAPH.LEFT, line=None, grid=False)
        self._style("页码", FONTS["number"], NUMBER_PT, align=WD_ALIGN_PARAGRAPH.RIGHT, line=NUMBER_PT, grid=False,
                    condense=False)

    def _page(self) -> None:
        g = self.geometry
        section = self.word.sections[0]
        if self.doc.orientation == "landscape":
            section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(g["width"]), Mm(g["height"])
        section.top_margin, section.bottom_margin = Mm(g["top"]), Mm(g["bottom"])
        section.left_margin, section.right_margin = Mm(g["left"]), Mm(g["right"])
        section.header_distance = Mm(15)
        # the footer's one line (exactly 4号 high) sits so that the dashes of "— 1 —" are 7 mm below the
        # block: Word and LibreOffice put the footer's last line footer_distance above the page's edge
        section.footer_distance = Mm(g["bottom"] - 7 - FOOTER_BELOW_DASH_MM)
        # 22 lines on the line grid; 28 characters come from the text styles' spacing (-0.25 pt), which
        # Word, WPS and LibreOffice all read alike (a character grid they do not)
        grid = _set(section._sectPr, "w:docGrid", type="lines", linePitch=round(LINE_PT * 20))
        grid.getparent().remove(grid)
        section._sectPr.append(grid)
        self.word.settings.odd_and_even_pages_header_footer = True
        self._number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right")
        self._number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")
        props = self.word.core_properties
        props.title = self.doc.title.replace("\n", "")
        props.author = self.doc.author or self.doc.fields.issuer
        props.subject = self.doc.subject

    def _number(self, footer: Any, align: Any, side: str) -> None:
        p = footer.paragraphs[0]
        p.style = self.word.styles["页码"]
        p.alignment = align
        if side == "right":
            p.paragraph_format.right_indent = Pt(NUMBER_PT)
        else:
            p.paragraph_format.left_indent = Pt(NUMBER_PT)
        p.add_run("— ")
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        field.append(run)
        p._p.append(field)
        p.add_run(" —")
