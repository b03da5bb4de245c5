"""Page layout of an official document (GB/T 9704-2012) and the paragraph styles.

A4; portrait: top margin 37 mm, binding (left) margin 28 mm, text block 156 × 225 mm;
body 16 pt (3号) 仿宋, 28 characters on a 156/28 mm pitch and 22 lines on a 225/22 mm pitch
(typeset.py lays the body text out); title 22 pt (2号) 小标宋; headings 黑体 / 楷体; page
numbers "— 1 —" in 14 pt (4号) 宋体 with the dashes' line 7 mm below the text block, odd pages
on the right and even pages on the left, each inset by one character.
Landscape pages (wide tables) are the portrait page turned: the same 156 × 225 mm block lying
on its side (225 mm wide), the page number 7 mm below it.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from struct import unpack
from typing import Any

from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus import paragraph as _paragraph

from ...storage import files
from .fonts import FontChoice, choose_fonts

# reportlab's CJK wrapping lets full-width ，：；！？》” start a line; add them to the characters
# that hang at the end of the previous line instead (as it already does for 。、）). Both modules
# hold their own copy (one-fragment paragraphs wrap in textsplit, others in paragraph).
for _module in (_textsplit, _paragraph):
    _module.ALL_CANNOT_START += "".join(c for c in "，：；！？》”’〉" if c not in _module.ALL_CANNOT_START)

BODY_PT, TITLE_PT, NUMBER_PT = 16, 22, 14
LINE_PT = 225 * mm / 22  # 22 lines in the 225 mm text block
PITCH = 156 * mm / 28    # 28 characters in the 156 mm line


@dataclass(frozen=True)
class PageGeometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float

    @property
    def frame_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def frame_height(self) -> float:
        return self.height - self.top - self.bottom


PORTRAIT = PageGeometry(A4[0], A4[1], left=28 * mm, right=A4[0] - 28 * mm - 156 * mm, top=37 * mm,
                        bottom=A4[1] - 37 * mm - 225 * mm)
# Landscape: the portrait block turned (its binding edge at the top), 225 mm wide and 156 mm high.
LANDSCAPE = PageGeometry(landscape(A4)[0], landscape(A4)[1], left=37 * mm, right=landscape(A4)[0] - 37 * mm - 225 * mm,
                         top=28 * mm, bottom=landscape(A4)[1] - 28 * mm - 156 * mm)


@dataclass
class Styles:
    """Paragraph styles bound to the chosen fonts."""

    fonts: dict[str, FontChoice]
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    body_left: ParagraphStyle
    signature: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle


def make_styles(font_folder: str | None = None, cell_pt: float = 10.5) -> Styles:
    fonts = choose_fonts(font_folder)
    body_font, head1, head2, title_font = (fonts[r].name for r in ("body", "heading1", "heading2", "title"))

    def style(name: str, font: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)
    return Styles(
        fonts=fonts,
        title=style("title", title_font, TITLE_PT, TITLE_PT * 1.5, alignment=TA_CENTER, spaceAfter=LINE_PT),
        subtitle=style("subtitle", head2, BODY_PT, LINE_PT, alignment=TA_CENTER, spaceAfter=LINE_PT / 2),
        heading1=style("heading1", head1, BODY_PT, LINE_PT, firstLineIndent=2 * BODY_PT),
        heading2=style("heading2", head2, BODY_PT, LINE_PT, firstLineIndent=2 * BODY_PT),
        body=style("body", body_font, BODY_PT, LINE_PT, firstLineIndent=2 * BODY_PT, alignment=TA_JUSTIFY),
        body_left=style("body_left", body_font, BODY_PT, LINE_PT, alignment=TA_LEFT),
        signature=style("signature", body_font, BODY_PT, LINE_PT, alignment=TA_RIGHT, rightIndent=4 * BODY_PT),
        cell=style("cell", body_font, cell_pt, cell_pt * 1.35),
        cell_center=style("cell_center", body_font, cell_pt, cell_pt * 1.35, alignment=TA_CENTER),
        cell_head=style("cell_head", head1, cell_pt, cell_pt * 1.35, alignment=TA_CENTER),
        small=style("small", body_font, 12, 18),
    )


@lru_cache(maxsize=16)
def dash_middle(font: str) -> float:
    """Where the ink of the font's em dash lies above the baseline, in ems (about 0.38)."""
    try:
        face = pdfmetrics.getFont(font).face
        gid = face.charToGlyph[ord("—")]
        pos = face.get_table_pos("glyf")[0] + face.glyphPos[gid]
        _contours, _x0, y0, _x1, y1 = unpack(">hhhhh", face._ttf_data[pos:pos + 10])
        return (y0 + y1) / 2 / face.unitsPerEm
    except Exception:  # a font without outlines we can read: the usual place
        return 0.38


def _page_number(canvas: Any, doc: Any, geometry: PageGeometry, font: str) -> None:
    """— n —, its dashes 7 mm below the text block; odd pages right, even pages left, one character in."""
    number = canvas.getPageNumber()
    text = f"— {number} —"
    y = geometry.bottom - 7 * mm - dash_middle(font) * NUMBER_PT
    canvas.saveState()
    canvas.setFont(font, NUMBER_PT)
    if number % 2:
        canvas.drawRightString(geometry.width - geometry.right - NUMBER_PT, y, text)
    else:
        canvas.drawString(geometry.left + NUMBER_PT, y, text)
    canvas.restoreState()


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: str = ""


def build_pdf(path: str | Path, story: Sequence[Flowable], styles: Styles, meta: Metadata,
              orientation: str = "portrait", on_page: Callable[[Any, Any], None] | None = None) -> int:
    """Write the story as a PDF at path (atomically: a failure leaves no half file).

    Returns the number of pages.
    """
    geometry = LANDSCAPE if orientation == "landscape" else PORTRAIT
    path = Path(path)
    folder = path.parent if path.parent.exists() else Path(tempfile.gettempdir())
    files.sweep(folder, legacy_prefixes=(".bizenv-",))  # what a killed build left there
    tmp = str(files.temp_file(folder, "report", ".pdf"))  # reportlab takes a str
    number_font = styles.fonts["number"].name

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.setTitle(meta.title)
        canvas.setAuthor(meta.author)
        canvas.setSubject(meta.subject)
        canvas.setKeywords(meta.keywords)
        canvas.setCreator("bizenv-desktop 营商环境考核评价工作台")
        _page_number(canvas, doc, geometry, number_font)
        if on_page:
            on_page(canvas, doc)
    try:
        doc = BaseDocTemplate(tmp, pagesize=(geometry.width, geometry.height), leftMargin=geometry.left,
                              rightMargin=geometry.right, topMargin=geometry.top, bottomMargin=geometry.bottom,
                              title=meta.title, author=meta.author, subject=meta.subject,
                              # each page starts in the body font: no unembedded Helvetica anywhere
                              initialFontName=styles.fonts["body"].name, initialFontSize=BODY_PT)
        frame = Frame(geometry.left, geometry.bottom, geometry.frame_width, geometry.frame_height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
        doc.build(list(story))
        pages = doc.page
        files.make_document(tmp)  # a document to pass on (README: files and permissions)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return pages


def frame_width(orientation: str) -> float:
    return (LANDSCAPE if orientation == "landscape" else PORTRAIT).frame_width
