"""Body text on the GB/T 9704 grid: 16 pt characters, 28 a line, 22 lines a page.

reportlab's Paragraph cannot set character spacing, so 28 characters of 3号 (16 pt) never fit
its 156 mm line (27 do); TextBlock lays text out itself with core.linebreak (each character on a
156/28 mm pitch, closing marks squeezed in or pulled back so they stay inside the block) and
draws each line with one character spacing. It splits between pages only where no widow or
orphan line is left, never right after a heading (a heading keeps at least two lines of what
follows) and never inside a kept tail (the signature with the last lines of text). Blank lines
at the top of a page are dropped.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ...core.linebreak import break_lines, is_narrow

CJK_ASCENT = 0.88   # of an ideographic em box above the baseline (its centre is at 0.38 em)


@lru_cache(maxsize=65536)
def glyph(ch: str, font: str, size: float) -> float:
    if not is_narrow(ch):
        return size
    return stringWidth(ch, font, size)


@dataclass(frozen=True)
class Run:
    text: str
    font: str


@dataclass
class Para:
    """A paragraph to lay out: runs of text in their fonts, and how it sits."""

    runs: list[Run]
    size: float = 16.0
    leading: float = 0.0           # 0: the block's line pitch
    first_indent: float = 2.0      # in characters
    indent: float = 0.0            # every line, in characters (附件说明's names, a hanging list)
    right: float = 0.0             # characters kept free on the right
    align: str = "justify"         # justify, left, center, right, or at (x from `at` characters)
    at: float = 0.0
    keep_next: bool = False        # a heading: kept with at least two lines of what follows
    blank: bool = False            # an empty line


@dataclass
class Line:
    runs: list[tuple[str, str, float]]   # (text, font, x of its first character)
    y_size: float
    spacing: float
    leading: float
    para: int
    index: int          # line number inside its paragraph
    count: int          # lines of its paragraph
    keep_next: bool = False
    blank: bool = False
    locked: bool = False   # no break after this line (inside a kept tail)


def blank(lines: float = 1.0) -> Para:
    return Para([], leading=0.0, blank=True, first_indent=0, size=16.0 * lines)


def layout(paras: Sequence[Para], width: float, pitch: float, leading: float) -> list[Line]:
    """Lines of every paragraph; pitch is the grid's character width (156 mm / 28)."""
    out: list[Line] = []
    for n, para in enumerate(paras):
        line_pitch = para.leading or leading
        if para.blank:
            out.append(Line([], para.size, 0.0, line_pitch * (para.size / 16.0), n, 0, 1, blank=True))
            continue
        text = "".join(r.text for r in para.runs)
        fonts = [r.font for r in para.runs for _c in r.text]
        unit = pitch * para.size / 16.0          # a character's cell at this size
        trail = unit - para.size                  # spacing after each glyph on the grid
        widths = [glyph(c, f, para.size) + trail for c, f in zip(text, fonts)]
        left = para.indent * unit
        room = width - left - para.right * unit
        first = para.first_indent * unit if para.align in ("justify", "left") else 0.0
        if para.align == "justify":
            lines = break_lines(text, widths, room, first, trail=trail)
        else:
            lines = break_lines(text, widths, room, first, trail=trail, squeeze=0.0)
        for k, ln in enumerate(lines):
            spacing = trail + ln.extra if para.align == "justify" else trail
            if para.align != "justify" and ln.extra < 0:
                spacing = trail + ln.extra
            visible = sum(widths[ln.start:ln.end]) - trail + (ln.end - ln.start - 1) * (spacing - trail)
            x = left + (first if k == 0 else 0.0)
            if para.align == "center":
                x = left + (room - visible) / 2
            elif para.align == "right":
                x = left + room - visible
            elif para.align == "at":
                x = para.at * unit
            runs: list[tuple[str, str, float]] = []
            pos = x
            i = ln.start
            while i < ln.end:
                j = i
                while j < ln.end and fonts[j] == fonts[i]:
                    j += 1
                runs.append((text[i:j], fonts[i], pos))
                pos += sum(widths[i:j]) + (j - i) * (spacing - trail)
                i = j
            out.append(Line(runs, para.size, spacing, line_pitch, n, k, len(lines), para.keep_next))
    return out


def text_width(text: str, font: str, size: float, pitch: float) -> float:
    """How wide text is on the grid (the last glyph without spacing after it)."""
    unit = pitch * size / 16.0
    trail = unit - size
    return sum(glyph(c, font, size) + trail for c in text) - trail if text else 0.0


class TextBlock(Flowable):
    """Lines on the grid; see the module docstring for where it may break."""

    def __init__(self, lines: list[Line], keep_last: int = 0, page_height: float = 1e9) -> None:
        super().__init__()
        self.lines = lines
        self.keep_last = keep_last       # the last n lines go to a page together (with 2 lines before)
        self.page_height = page_height   # the frame's height: at the top of a page, break anyway
        self._breakable = _breaks(lines, keep_last)

    @classmethod
    def of(cls, paras: Sequence[Para], width: float, pitch: float, leading: float, page_height: float,
           keep_last_paras: int = 0) -> TextBlock:
        lines = layout(paras, width, pitch, leading)
        keep = 0
        if keep_last_paras:
            first_kept = len(paras) - keep_last_paras
            keep = sum(1 for ln in lines if ln.para >= first_kept)
        return cls(lines, keep, page_height)

    def height_of(self, lines: Sequence[Line]) -> float:
        return sum(ln.leading for ln in lines)

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        self.width = aW
        self.height = self.height_of(self.lines)
        return aW, self.height

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803
        fit, used = 0, 0.0
        for ln in self.lines:
            if used + ln.leading > aH + 1e-6:
                break
            used += ln.leading
            fit += 1
        if fit >= len(self.lines):
            return [self]
        cut = next((k for k in range(fit, 0, -1) if self._breakable[k - 1]), 0)
        at_top = aH >= self.page_height - 1
        if cut == 0 and at_top and fit > 0:
            cut = fit  # nothing else would ever fit: break where the page ends
        if cut == 0:
            return []
        head, tail = self.lines[:cut], self.lines[cut:]
        while tail and tail[0].blank:  # no blank line at the top of a page
            tail = tail[1:]
        while head and head[-1].blank:
            head = head[:-1]
        if not tail:
            return [TextBlock(head, 0, self.page_height)]
        kept = min(self.keep_last, len(tail))
        return [TextBlock(head, 0, self.page_height), TextBlock(tail, kept, self.page_height)]

    def draw(self) -> None:
        canvas = self.canv
        y = self.height
        for ln in self.lines:
            top = y
            y -= ln.leading
            if ln.blank or not ln.runs:
                continue
            # the em box centred in the line: baseline 0.38 em below the line's middle
            baseline = top - ln.leading / 2 - (CJK_ASCENT - 0.5) * ln.y_size
            t = canvas.beginText()
            t.setCharSpace(ln.spacing)
            for text, font, x in ln.runs:
                t.setTextOrigin(x, baseline)
                t.setFont(font, ln.y_size)
                t.textOut(text)
            canvas.drawText(t)

    def last_paragraph_lines(self) -> int:
        return sum(1 for ln in self.lines if ln.para == self.lines[-1].para) if self.lines else 0


def _breaks(lines: Sequence[Line], keep_last: int) -> list[bool]:
    """breakable[k]: the page may end after line k."""
    n = len(lines)
    ok = [True] * n
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < n else None
        if nxt is not None and nxt.para == ln.para:
            # inside a paragraph: two lines at least on each side (no orphan, no widow)
            if ln.index < 1 or ln.count - ln.index - 1 < 2:
                ok[k] = False
        if ln.keep_next:
            ok[k] = False
    # a heading keeps two lines of what follows: no break right after its first following line
    for k, ln in enumerate(lines):
        if ln.keep_next and (k + 1 >= n or not lines[k + 1].keep_next):
            following = [j for j in range(k + 1, n) if not lines[j].blank][:1]
            for j in range(k + 1, following[0] + 1 if following else k + 1):
                ok[j] = False
    if keep_last:
        start = n - keep_last
        for k in range(max(0, start - 2), n):  # the tail with two lines of text before it
            ok[k] = False
    if n:
        ok[-1] = True
    return ok
