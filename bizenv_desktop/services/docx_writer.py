"""A Document (core.document) as a Word file (.docx) the liaison finishes in WPS or Word.

The same sections and tables as the PDF, in the GB/T 9704 page set-up: A4, margins 37 / 35 /
28 / 26 mm (the 156 × 225 mm block; landscape turns it), a document grid of 22 lines × 28
characters, named paragraph styles 标题, 一级标题, 二级标题, 三级标题, 正文, 表格文字, 署名, 附件标签;
real tables with a repeated header row; page numbers "— 1 —" in 4号 宋体, odd pages right and
even pages left, one character in. Fonts are named as on a Chinese Windows (仿宋, 黑体, 楷体,
宋体, 方正小标宋简体); WPS and Word substitute what a computer lacks. Written atomically.
"""
from __future__ import annotations

import math
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ..core.document import Document, Section, paragraphs
from ..core.document import Table as DocTable
from ..core.linebreak import balance_title, ems, title_words
from ..core.table_fit import fit_widths

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


def _chinese_date(text: str) -> str:
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        day = date.today()
    return f"{day.year}年{day.month}月{day.day}日"


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


class Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.word = WordDocument()
        self.geometry = LANDSCAPE if doc.orientation == "landscape" else PORTRAIT
        self.block_mm = self.geometry["width"] - self.geometry["left"] - self.geometry["right"]
        self._table_heights: dict[Any, float] = {}  # a w:tbl (kept alive: the same proxy) -> its height (pt)
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

    # -- content ----------------------------------------------------------------------------------
    def para(self, text: str = "", style: str = "正文", runs: list[tuple[str, str]] | None = None) -> Any:
        p = self.word.add_paragraph(style=style)
        for piece, font in runs or ([(text, "")] if text else []):
            run = p.add_run(piece)
            if font:
                _fonts(run._r.get_or_add_rPr(), font)
        return p

    def title(self, text: str) -> None:
        per_line = self.block_mm * 72 / 25.4 / (PITCH_PT * TITLE_PT / BODY_PT)
        words = [w for w in (self.doc.author, self.doc.fields.issuer) if w]
        explicit = [line.strip() for line in text.split("\n") if line.strip()]
        lines = explicit if len(explicit) > 1 else balance_title(title_words(text.strip(), words), int(per_line))
        p = self.word.add_paragraph(style="标题")
        for k, line in enumerate(lines):
            run = p.add_run(line)
            if k < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    def text(self, heading: str, text: str) -> None:
        if heading:
            self.para(heading, "一级标题")
        for par in paragraphs(text):
            if par.level == 0 or not par.head:
                self.para(par.text, "正文")
            elif par.standalone:
                self.para(par.head, {1: "一级标题", 2: "二级标题"}.get(par.level, "三级标题"))
            else:
                font = {1: FONTS["heading1"], 2: FONTS["heading2"]}.get(par.level, "")
                self.para(style="正文", runs=[(par.head, font), (par.rest, "")])

    def table(self, t: DocTable) -> None:
        if t.caption:
            self.para(t.caption, "正文").paragraph_format.keep_with_next = True
        cols = len(t.header)
        total_em = self.block_mm * 72 / 25.4 / CELL_PT
        if t.widths:
            scale = self.block_mm / sum(t.widths)
            widths = [w * scale for w in t.widths]
        else:
            widths = [e * CELL_PT * 25.4 / 72 for e in fit_widths(t.header, t.rows, total_em, padding=1.4,
                                                                  skip=t.groups)]
        table = self.word.add_table(rows=1 + len(t.rows), cols=cols)
        table.style = self.word.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        _set(tbl_pr, "w:tblLayout", type="fixed")
        _set(tbl_pr, "w:tblW", w=round(sum(widths) / 25.4 * 1440), type="dxa")
        margins = _set(tbl_pr, "w:tblCellMar")
        for side, pad in (("top", CELL_PAD_PT[0]), ("bottom", CELL_PAD_PT[0]), ("left", CELL_PAD_PT[1]),
                          ("right", CELL_PAD_PT[1])):
            _set(margins, f"w:{side}", w=pad * 20, type="dxa")
        grid = table._tbl.tblGrid
        for col, w in zip(grid.findall(qn("w:gridCol")), widths):
            col.set(qn("w:w"), str(round(w / 25.4 * 1440)))
        header = table.rows[0]
        _set(header._tr.get_or_add_trPr(), "w:tblHeader", val="1")  # repeated on every page
        for c, text in enumerate(t.header):
            self._cell(header.cells[c], text, widths[c], head=True)
        groups = set(t.groups)
        for r, row in enumerate(t.rows, 1):
            cells = table.rows[r].cells
            if r - 1 in groups:
                merged = cells[0].merge(cells[-1])
                self._cell(merged, str(row[0] if row else ""), sum(widths), head=True, shade="EEEEEE")
                continue
            for c in range(cols):
                value = row[c] if c < len(row) else ""
                self._cell(cells[c], str(value or ""), widths[c], center=c in t.center)
        texts = [list(t.header)] + [[str(v or "") for v in row] + [""] * (cols - len(row)) for row in t.rows]
        self._table_heights[table._tbl] = self._estimate_height(texts, widths)
        self.para("", "表格文字")  # a table is followed by a paragraph (Word needs one between tables)

    def _cell(self, cell: Any, text: str, width_mm: float, head: bool = False, center: bool = False,
              shade: str = "DDDDDD") -> None:
        cell.width = Mm(width_mm)
        lines = text.split("\n") or [""]
        first = cell.paragraphs[0]
        first.style = self.word.styles["表格文字"]
        for k, line in enumerate(lines):
            p = first if k == 0 else cell.add_paragraph(style="表格文字")
            run = p.add_run(line)
            if head:
                _fonts(run._r.get_or_add_rPr(), FONTS["heading1"])
            if head or center:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if head:
            tc_pr = cell._tc.get_or_add_tcPr()
            _set(tc_pr, "w:shd", val="clear", color="auto", fill=shade)

    def signature(self) -> None:
        f = self.doc.fields
        issuer = f.issuer or self.doc.author
        day = _chinese_date(f.date)
        sig_w, date_w = ems(issuer), ems(day)
        sig_right = 2.0  # 7.3.5, as in the PDF: the date's first character 2 right of the signature's
        date_right = sig_w - 2 - date_w + sig_right
        if date_w > sig_w:  # a date longer than the signature ends 2 characters in; the signature moves left
            date_right = 2.0
            sig_right = date_right + date_w + 2 - sig_w
        self._keep_with_what_follows()
        self.para("", "正文").paragraph_format.keep_with_next = True
        for text, right in ((issuer, sig_right), (day, date_right)):
            p = self.para(text, "署名")
            p.paragraph_format.keep_with_next = text == issuer  # the date on the signature's page
            _set(p._p.get_or_add_pPr(), "w:ind", rightChars=int(right * 100), right=int(right * PITCH_PT * 20))
        if f.contact:
            contact = f.contact if f.contact.startswith(("（", "(")) else f"（{f.contact}）"
            self.para(contact, "正文")

    def _keep_with_what_follows(self) -> None:
        """The body's last text goes to the next page with the signature block rather than leave it
        alone there: the last paragraph (with its widow control, its last two lines), or the last
        table's last row, is kept with what follows; a table shorter than most of a page, every
        row of it (LibreOffice 7.4 keeps a table with the next paragraph only when every row is
        marked, and then moves the whole table: right for a short one, a blank page for a long one)."""
        body = self.word.element.body
        last = next((el for el in reversed(body) if el.tag in (qn("w:p"), qn("w:tbl"))
                     and (el.tag == qn("w:tbl") or "".join(el.itertext()).strip())), None)
        if last is None:
            return
        if last.tag == qn("w:tbl"):
            short = self._table_heights.get(last, 1e9) <= SHORT_TABLE * self._block_height_pt()
            rows = last.findall(qn("w:tr")) if short else last.findall(qn("w:tr"))[-1:]
            paras = [p for tr in rows for p in tr.findall(".//" + qn("w:p"))]
        else:
            paras = [last]
        start = list(body).index(last)
        paras += [el for el in list(body)[start + 1:] if el.tag == qn("w:p")]  # the blank ones after it
        for p in paras:
            Paragraph(p, self.word._body).paragraph_format.keep_with_next = True

    def _block_height_pt(self) -> float:
        g = self.geometry
        return (g["height"] - g["top"] - g["bottom"]) * 72 / 25.4

    def _estimate_height(self, rows: list[list[str]], widths: list[float]) -> float:
        """The table's height in points as its cells wrap (characters of 五号 in each column)."""
        total = 0.0
        for row in rows:
            lines = 1
            for text, width in zip(row, widths):
                per_line = max(1.0, (width * 72 / 25.4 - 2 * CELL_PAD_PT[1]) / CELL_PT)
                lines = max(lines, sum(max(1, math.ceil(ems(part) / per_line)) for part in text.split("\n")))
            total += lines * CELL_PT * CELL_LEADING + 2 * CELL_PAD_PT[0]
        return total

    def attachment_note(self) -> None:
        names = self.doc.attachment_names()
        if not names:
            return
        self._keep_with_what_follows()
        self.para("", "正文").paragraph_format.keep_with_next = True
        for n, name in enumerate(names, 1):
            label = "附件：" if n == 1 else ""
            number = f"{n}." if len(names) > 1 else ""
            p = self.para(f"{label}{number}{name}", "正文")
            p.paragraph_format.keep_with_next = True  # the list and the signature on one page
            hang = 3 + ems(number) if n == 1 else ems(number)
            left = 5 + ems(number)
            _set(p._p.get_or_add_pPr(), "w:ind", leftChars=int(left * 100), left=int(left * PITCH_PT * 20),
                 hangingChars=int(hang * 100), hanging=int(hang * PITCH_PT * 20))

    def head(self) -> None:
        f = self.doc.fields
        if not (f.doc_no or f.signer):
            return
        p = self.para("", "主送机关")
        fmt = p.paragraph_format
        fmt.left_indent = Pt(PITCH_PT)
        fmt.tab_stops.add_tab_stop(Mm(self.block_mm) - Pt(PITCH_PT * 2), alignment=2)  # right
        if f.doc_no:
            p.add_run(f.doc_no)
        if f.signer:
            p.add_run("\t签发人：")
            _fonts(p.add_run(f.signer)._r.get_or_add_rPr(), FONTS["heading2"])
        borders = _set(p._p.get_or_add_pPr(), "w:pBdr")
        _set(borders, "w:bottom", val="single", sz=8, space=4, color="E60012")
        self.para("", "主送机关")

    def record(self) -> None:
        f = self.doc.fields
        if not (f.cc or f.printed_by):
            return
        self.para("", "正文")
        lines = []
        if f.cc:
            lines.append(f"抄送：{f.cc.rstrip('。')}。")
        if f.printed_by:
            lines.append(f"{f.printed_by}\t{_chinese_date(f.printed_on or f.date)}印发")
        for k, text in enumerate(lines):
            p = self.para(text, "版记")
            p.paragraph_format.left_indent = Pt(NUMBER_PT)
            p.paragraph_format.tab_stops.add_tab_stop(Mm(self.block_mm) - Pt(NUMBER_PT * 2), alignment=2)
            borders = _set(p._p.get_or_add_pPr(), "w:pBdr")
            if k == 0:
                _set(borders, "w:top", val="single", sz=8, space=1, color="000000")
            _set(borders, "w:bottom", val="single", sz=8 if k == len(lines) - 1 else 4, space=1, color="000000")

    def attachment(self, section: Section, n: int, count: int) -> None:
        label = self.para("附件" if count == 1 else f"附件{n}", "附件标签")
        label.paragraph_format.page_break_before = True
        if section.heading:
            self.title(section.heading)
        self.text("", section.text)
        for t in section.tables:
            if t.rows:
                self.table(t)

    def build(self) -> Any:
        doc = self.doc
        self.head()
        self.title(doc.title)
        if doc.subtitle:
            p = self.para(doc.subtitle, "主送机关")
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fonts(p.runs[0]._r.get_or_add_rPr(), FONTS["heading2"])
        self.para("", "正文")
        if doc.fields.addressee:
            self.para(doc.fields.addressee.rstrip("：:") + "：", "主送机关")
        printed = doc.numbered_headings()
        for section in doc.body():
            self.text(printed.get(section.key, ""), section.text)
            for t in section.tables:
                if t.rows:
                    self.table(t)
        self.attachment_note()
        self.signature()
        attachments = doc.attachments()
        for n, section in enumerate(attachments, 1):
            self.attachment(section, n, len(attachments))
        self.record()
        return self.word


def render_docx(doc: Document, path: str | Path) -> None:
    """Write doc as a .docx at path (atomically: a failure leaves no half file)."""
    path = Path(path)
    word = Writer(doc).build()
    fd, tmp = tempfile.mkstemp(prefix=".bizenv-", suffix=".docx", dir=path.parent if path.parent.exists() else None)
    os.close(fd)
    try:
        word.save(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
