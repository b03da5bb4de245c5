"""A Document (core.document) as a PDF in the GB/T 9704-2012 layout.

Order on the page: 发文字号 / 签发人 (when given), the title (balanced lines, 2号 小标宋), a
subtitle, 主送机关, the body sections (一、 headings in 黑体, （一） in 楷体, text in 仿宋 on the
28 × 22 grid, tables), 附件说明, the signature and 成文日期 (7.3.5: two characters in from the
right, the date two characters right of the signature's start), 附注 (the contact line); then
each attachment on a page of its own ("附件1" in 3号 黑体 at the top left, its title, its text and
tables); 版记 (抄送, 印发机关 and 印发日期) at the foot of the last page.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from ...core.document import Document, Section, paragraphs
from ...core.document import Table as DocTable
from ...core.linebreak import balance_title, title_words
from ...core.table_fit import fit_widths
from .common import grid_table
from .layout import (BODY_PT, LANDSCAPE, LINE_PT, PITCH, PORTRAIT, TITLE_PT, Metadata, PageGeometry, Styles,
                     build_pdf, make_styles)
from .typeset import Line, Para, Run, TextBlock, blank, layout, text_width

RED = colors.HexColor("#e60012")
TITLE_LEADING = 1.25 * LINE_PT
CELL_PAD_EM = 1.0   # a cell's left and right padding in ems of the cell font (see grid_table)


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        return date.today()


class KeepWithNext(Flowable):
    """A text block that must not end a page alone (a heading or a table's caption) and the
    table after it: they start a page together unless the text and the table's first rows fit."""

    SHORT = 30  # a table of more rows is not laid out whole here only to learn it does not fit

    def __init__(self, text: TextBlock, table: Table) -> None:
        super().__init__()
        self.text, self.table = text, table

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803
        _w, h1 = self.text.wrap(aW, aH)
        if len(self.table._cellvalues) > self.SHORT:
            h2 = 1e6  # split: the table lays itself out where it goes
        else:
            _w, h2 = self.table.wrap(aW, aH - h1)
        self.width, self.height = aW, h1 + h2
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        _w, h1 = self.text.wrap(aW, aH)
        if h1 + self._first_rows(aW) <= aH or aH >= self.text.page_height - 1:
            return [self.text, self.table]
        return []

    def _first_rows(self, aW: float) -> float:  # noqa: N803
        """The height of the table's header and first row (not the whole table: it may be long)."""
        if not hasattr(self, "_head_height"):
            rows = self.table._cellvalues[:3]
            first = Table([list(r) for r in rows[:2]], colWidths=self.table._colWidths)
            _w, self._head_height = first.wrap(aW, 1e6)
        return self._head_height

    def draw(self) -> None:  # only drawn when it fits whole
        self.text.drawOn(self.canv, 0, self.table._height if hasattr(self.table, "_height") else 0)
        self.table.drawOn(self.canv, 0, 0)


class FootBlock(Flowable):
    """Lines drawn at the foot of the page (版记): it takes the rest of the page."""

    def __init__(self, lines: list[Line], width: float, rules: list[tuple[int, float]]) -> None:
        super().__init__()
        self.lines, self.rules = lines, rules  # rules: (after line k, or -1 above the first; thickness)
        self.block_width = width
        self.need = sum(ln.leading for ln in lines)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803
        self.width = aW
        self.height = aH if aH >= self.need else self.need
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        return []

    def draw(self) -> None:
        block = TextBlock(self.lines)
        block.wrap(self.width, self.need)
        block.drawOn(self.canv, 0, 0)
        canvas = self.canv
        y = self.need
        tops = [y]
        for ln in self.lines:
            y -= ln.leading
            tops.append(y)
        canvas.saveState()
        for k, thick in self.rules:
            at = tops[k + 1]
            canvas.setLineWidth(thick)
            canvas.line(0, at, self.block_width, at)
        canvas.restoreState()


class Renderer:
    """Turns one Document into reportlab flowables with the chosen fonts."""

    def __init__(self, doc: Document, styles: Styles) -> None:
        self.doc = doc
        self.styles = styles
        self.geometry: PageGeometry = LANDSCAPE if doc.orientation == "landscape" else PORTRAIT
        self.width = self.geometry.frame_width
        fonts = styles.fonts
        self.body, self.h1, self.h2, self.title = (fonts[r].name for r in ("body", "heading1", "heading2", "title"))

    # -- text ---------------------------------------------------------------------------------
    def block(self, paras: Sequence[Para], keep_last: int = 0) -> TextBlock:
        return TextBlock.of(paras, self.width, PITCH, LINE_PT, self.geometry.frame_height, keep_last)

    def section_paras(self, heading: str, text: str) -> list[Para]:
        out = [Para([Run(heading, self.h1)], keep_next=True)] if heading else []
        for par in paragraphs(text):
            if par.level == 0:
                out.append(Para([Run(par.rest, self.body)]))
                continue
            head_font = {1: self.h1, 2: self.h2}.get(par.level, self.body)
            runs = ([Run(par.head, head_font)] if par.head else []) + ([Run(par.rest, self.body)] if par.rest else [])
            out.append(Para(runs, keep_next=par.standalone))
        return out

    def title_paras(self, title: str) -> list[Para]:
        per_line = self.width / (PITCH * TITLE_PT / BODY_PT)
        words = [w for w in (self.doc.author, self.doc.fields.issuer) if w]
        explicit = [line.strip() for line in title.split("\n") if line.strip()]
        lines = explicit if len(explicit) > 1 else balance_title(title_words(title.strip(), words), int(per_line))
        return [Para([Run(line, self.title)], size=TITLE_PT, leading=TITLE_LEADING, align="center", keep_next=True)
                for line in lines]

    # -- tables ----------------------------------------------------------------------------------
    def table(self, t: DocTable, tail: Sequence[Flowable] = ()) -> Table:
        cell_pt = self.styles.cell.fontSize
        total_em = self.width / cell_pt
        if t.widths:
            scale = self.width / (sum(t.widths) * mm)
            widths = [w * scale for w in t.widths]  # never wider than the block
        else:
            ems = fit_widths(t.header, t.rows, total_em, padding=CELL_PAD_EM + 0.4, skip=t.groups)
            widths = [e * cell_pt / mm for e in ems]
        return grid_table(t.header, t.rows, widths, self.styles, group_rows=t.groups, center_cols=t.center,
                          tail=tail)

    # -- the document ----------------------------------------------------------------------------
    def signature(self) -> list[Para]:
        f = self.doc.fields
        issuer = f.issuer or self.doc.author
        day = chinese_date(_date(f.date))
        unit = PITCH
        sig_w = text_width(issuer, self.body, BODY_PT, PITCH) / unit
        date_w = text_width(day, self.body, BODY_PT, PITCH) / unit
        # 7.3.5: the signature two characters in from the right, the date's first character two
        # right of the signature's; a date longer than the signature ends two characters in instead
        right = self.width / unit - 2
        sig_x = right - sig_w
        date_x = sig_x + 2
        if date_w > sig_w:
            date_x = right - date_w
            sig_x = date_x - 2
        out = [blank(), Para([Run(issuer, self.body)], align="at", at=sig_x, first_indent=0),
               Para([Run(day, self.body)], align="at", at=date_x, first_indent=0)]
        if f.contact:
            contact = f.contact if f.contact.startswith(("（", "(")) else f"（{f.contact}）"
            out.append(Para([Run(contact, self.body)]))
        return out

    def attachment_note(self) -> list[Para]:
        names = self.doc.attachment_names()
        if not names:
            return []
        out = [blank()]
        if len(names) == 1:
            out.append(Para([Run(f"附件：{names[0]}", self.body)], indent=5, first_indent=-3))
            return out
        for n, name in enumerate(names, 1):
            number = f"{n}."
            lead = text_width(number, self.body, BODY_PT, PITCH) / PITCH
            if n == 1:
                out.append(Para([Run(f"附件：{number}{name}", self.body)], indent=5 + lead, first_indent=-3 - lead))
            else:
                out.append(Para([Run(f"{number}{name}", self.body)], indent=5 + lead, first_indent=-lead))
        return out

    def head(self) -> list[Flowable]:
        f = self.doc.fields
        out: list[Flowable] = []
        if f.doc_no or f.signer:
            paras = []
            if f.doc_no:
                paras.append(Para([Run(f.doc_no, self.body)], align="left", first_indent=1,
                                  keep_next=bool(f.signer)))
            if f.signer:
                label = "签发人："
                w = (text_width(label, self.body, BODY_PT, PITCH) + text_width(f.signer, self.h2, BODY_PT, PITCH)
                     ) / PITCH
                paras.append(Para([Run(label, self.body), Run(f.signer, self.h2)], align="at",
                                  at=self.width / PITCH - 1 - w, first_indent=0))
            lines = layout(paras, self.width, PITCH, LINE_PT)
            if f.doc_no and f.signer and len(lines) == 2:  # one line: 文号 on the left, 签发人 on the right
                lines[0].runs += lines[1].runs
                lines = lines[:1]
            out += [TextBlock(lines, len(lines), self.geometry.frame_height), Rule(self.width, RED, 1.0),
                    Spacer(1, LINE_PT)]
        return out

    def story(self) -> list[Flowable]:
        doc = self.doc
        out = self.head()
        top = self.title_paras(doc.title)
        if doc.subtitle:
            top.append(Para([Run(doc.subtitle, self.h2)], align="center", keep_next=True))
        top.append(blank())
        if doc.fields.addressee:
            name = doc.fields.addressee.rstrip("：:")
            top.append(Para([Run(f"{name}：", self.body)], align="left", first_indent=0))
        printed = doc.numbered_headings()
        body = doc.body()
        pending: list[Para] = top
        ending = self.attachment_note() + self.signature()
        for n, section in enumerate(body):
            pending += self.section_paras(printed.get(section.key, ""), section.text)
            last = n == len(body) - 1
            tables = [t for t in section.tables if t.rows]
            for k, t in enumerate(tables):
                if t.caption:
                    pending.append(Para([Run(t.caption, self.body)], keep_next=True))
                tail = ([self.block(ending, keep_last=len(ending))] if last and k == len(tables) - 1 else [])
                table = self.table(t, tail)
                if pending:
                    text = self.block(pending)
                    out.append(KeepWithNext(text, table) if text.lines and text.lines[-1].keep_next else text)
                    if not (text.lines and text.lines[-1].keep_next):
                        out.append(table)
                    pending = []
                else:
                    out.append(table)
                out.append(Spacer(1, LINE_PT / 3))
                if tail:
                    ending = []
        if ending or pending:
            out.append(self.block(pending + ending, keep_last=len(ending)))
        for n, section in enumerate(doc.attachments(), 1):
            out += self.attachment(section, n, len(doc.attachments()))
        out += self.record()
        return _tidy(out)

    def attachment(self, section: Section, n: int, count: int) -> list[Flowable]:
        label = "附件" if count == 1 else f"附件{n}"
        paras = [Para([Run(label, self.h1)], align="left", first_indent=0, keep_next=True)]
        paras += self.title_paras(section.heading) if section.heading else []
        paras.append(blank(0.5))
        paras += self.section_paras("", section.text)
        out: list[Flowable] = [CondPageBreak(self.geometry.frame_height - 1)]
        tables = [t for t in section.tables if t.rows]
        if not tables:
            return out + [self.block(paras)]
        for t in tables:
            if t.caption:
                paras.append(Para([Run(t.caption, self.body)], keep_next=True))
            table = self.table(t)
            if paras:
                text = self.block(paras)
                out.append(KeepWithNext(text, table))
                paras = []
            else:
                out.append(table)
            out.append(Spacer(1, LINE_PT / 3))
        return out

    def record(self) -> list[Flowable]:
        """版记: 抄送 and 印发机关 + 印发日期 in 4号 仿宋 between rules, at the foot of the last page."""
        f = self.doc.fields
        if not (f.cc or f.printed_by):
            return []
        size = 14.0
        paras = []
        if f.cc:
            cc = f.cc.rstrip("。") + "。"
            paras.append(Para([Run(f"抄送：{cc}", self.body)], size=size, align="left", first_indent=1, indent=0,
                              right=1))
        if f.printed_by:
            day = f"{chinese_date(_date(f.printed_on or f.date))}印发"
            paras.append(Para([Run(f.printed_by, self.body)], size=size, align="left", first_indent=1))
            paras.append(Para([Run(day, self.body)], size=size, align="at",
                              at=(self.width - text_width(day, self.body, size, PITCH * size / BODY_PT)
                                  ) / (PITCH * size / BODY_PT) - 1, first_indent=0))
        lines = layout(paras, self.width, PITCH, LINE_PT * 0.8)
        if f.printed_by:  # 印发机关 and the date on one line
            lines[-2].runs += lines[-1].runs
            lines.pop()
        rules = [(-1, 0.35 * mm)] + [(k, 0.25 * mm) for k in range(len(lines) - 1)] + [(len(lines) - 1, 0.35 * mm)]
        return [FootBlock(lines, self.width, rules)]


def _tidy(story: list[Flowable]) -> list[Flowable]:
    """No space at the end, nor before a new page: a spacer alone would make a blank page."""
    out: list[Flowable] = []
    for f in story:
        if isinstance(f, CondPageBreak):
            while out and isinstance(out[-1], Spacer):
                out.pop()
        out.append(f)
    while out and isinstance(out[-1], Spacer):
        out.pop()
    return out


class Rule(Flowable):
    """A horizontal rule across the block (the 版头's separator)."""

    def __init__(self, width: float, color: Any, thickness: float) -> None:
        super().__init__()
        self.rule_width, self.color, self.thickness = width, color, thickness

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803
        return aW, self.thickness + 2

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 1, self.rule_width, 1)
        self.canv.restoreState()


def render_pdf(doc: Document, path: str | Path, font_folder: str | None = None) -> int:
    """Write doc as a PDF at path (atomically); returns its page count."""
    styles = make_styles(font_folder)
    story = Renderer(doc, styles).story()
    return build_pdf(path, story, styles, Metadata(doc.title.replace("\n", ""), doc.author or doc.fields.issuer,
                                                   doc.subject), orientation=doc.orientation)


