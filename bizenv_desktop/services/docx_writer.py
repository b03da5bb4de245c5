"""A Document (core.document) as a Word file (.docx) the liaison finishes in WPS or Word.

The same sections and tables as the PDF, in the GB/T 9704 page set-up: A4, margins 37 / 35 /
28 / 26 mm (the 156 × 225 mm block; landscape turns it), a document grid of 22 lines × 28
characters, named paragraph styles 标题, 一级标题, 二级标题, 三级标题, 正文, 表格文字, 署名, 附件标签;
real tables with a repeated header row; page numbers "— 1 —" in 4号 宋体, odd pages right and
even pages left, one character in (the page, styles and numbers are set up in docx_page).
Fonts are named as on a Chinese Windows (仿宋, 黑体, 楷体, 宋体, 方正小标宋简体); WPS and Word
substitute what a computer lacks. Written atomically.
"""
from __future__ import annotations

import math
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from ..core.document import Document, Section, paragraphs
from ..core.document import Table as DocTable
from ..core.linebreak import balance_title, ems, title_words
from ..core.table_fit import fit_widths

from .docx_page import (BODY_PT, CELL_LEADING, CELL_PAD_PT, CELL_PT, FONTS, LANDSCAPE, LINE_PT, NUMBER_PT,  # noqa: F401
                        PITCH_PT, PORTRAIT, SHORT_TABLE, TITLE_PT, PageSetup, _fonts, _set)


def _chinese_date(text: str) -> str:
    try:
        day = date.fromisoformat(text)
    except (TypeError, ValueError):
        day = date.today()
    return f"{day.year}年{day.month}月{day.day}日"



class Writer(PageSetup):
    def __init__(self, doc: Document) -> None:
        self._table_heights: dict[Any, float] = {}  # a w:tbl (kept alive: the same proxy) -> its height (pt)
        super().__init__(doc)

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
