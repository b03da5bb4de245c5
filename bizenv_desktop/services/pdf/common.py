"""Pieces every report shares: the document head, tables with a repeated header, dates."""
from __future__ import annotations

import weakref
from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.paragraph import cleanBlockQuotedText

from .layout import LINE_PT, Styles

GRID = colors.HexColor("#333333")
GROUP_BG = colors.HexColor("#eeeeee")
HEAD_BG = colors.HexColor("#dddddd")


OPENERS = "‘“（〔［｛〈《「『【([{"  # an opening mark never ends a line: it goes down with what it opens


def _last_char(line: Any) -> str:
    """The last character of one line as breakLinesCJK lays it out (one fragment or several)."""
    if isinstance(line, tuple):  # (extra space, [text])
        text = "".join(line[1])
    else:
        text = "".join(getattr(word, "text", "") for word in getattr(line, "words", ()))
    return text.rstrip()[-1:] if text.strip() else ""


class CJKParagraph(Paragraph):
    """reportlab's CJK wrapping, which keeps ，。、）” off a line's start (layout.py), plus the
    other half of the rule: a line that would end with an opening mark (“《（…) ends one
    character earlier instead, so the mark starts the next line with what it opens."""

    _marks: int | None = None  # opening marks in the text, counted once

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 (reportlab's name)
        if self._marks is None:
            text = str(getattr(self, "text", ""))
            self._marks = sum(map(text.count, OPENERS))
        if not self._marks:  # most cells: reportlab's wrapping as it is (it runs many times a page)
            return super().breakLinesCJK(maxWidths)
        widths = list(maxWidths) if isinstance(maxWidths, (list, tuple)) else [maxWidths]
        rest = widths[-1]  # the width of every line past the list
        for _attempt in range(self._marks + 1):  # each attempt moves one mark down a line
            result = super().breakLinesCJK(widths)
            lines = list(getattr(result, "lines", ()))
            late = next((k for k, line in enumerate(lines[:-1]) if _last_char(line) in OPENERS
                         and _last_char(line)), None)
            if late is None:
                return result
            widths += [rest] * (late + 2 - len(widths))  # the lines after it keep their width
            widths[late] -= self.style.fontSize  # a full character less on that line
        return result


_PLAIN = weakref.WeakKeyDictionary[ParagraphStyle, Any]()  # style -> the fragment a plain text parses to
_MARKUP = set("&<>\n")


def p(text: Any, style: Any) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept).

    Most cells are plain text: their one fragment is made here from the style's (the same
    attributes reportlab's parser gives it) instead of sending every cell through the XML
    parser, which took a third of a long report's build. Text with &, <, > or line breaks is
    parsed as before."""
    raw = str(text if text is not None else "")
    if _MARKUP.isdisjoint(raw):
        clean = cleanBlockQuotedText(raw)
        if clean:
            return CJKParagraph(clean, style, frags=[_plain_frag(style, clean)])
    return CJKParagraph(escape(raw).replace("\n", "<br/>"), style)


def _cell(text: Any, style: ParagraphStyle, width: float) -> Any:
    """A table cell: its paragraph, or for text of a few lines (问题：… / 下步：…) one paragraph a
    line, stacked. reportlab lays out a paragraph with line breaks fragment by fragment, many
    times slower than a one-fragment paragraph, and a table wraps its cells again on every
    page; stacked, the lines land where the line breaks put them. A cell that may need
    splitting (PIECE_PT), or whose lines have spaces at their ends or markup, stays one paragraph."""
    para = p(text, style)
    raw = str(text if text is not None else "")
    if "\n" not in raw or _may_be_taller(para, width):
        return para
    lines = raw.split("\n")
    if any(not x or cleanBlockQuotedText(x) != x or not _MARKUP.isdisjoint(x) or x[-1] in OPENERS for x in lines):
        return para
    return [p(x, style) for x in lines]


def _plain_frag(style: ParagraphStyle, text: str) -> Any:
    template = _PLAIN.get(style)
    if template is None:
        template = _PLAIN[style] = Paragraph("x", style).frags[0]
    return template.clone(text=text, link=[], us_lines=[])


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def head(styles: Styles, title: str, subtitle: str = "") -> list[Flowable]:
    out: list[Flowable] = [p(title, styles.title)]
    if subtitle:
        out.append(p(subtitle, styles.subtitle))
    return out


def signature(styles: Styles, office: str, day: date) -> list[Flowable]:
    """The issuing office and the date, right-aligned at the end of the text."""
    return [Spacer(1, LINE_PT), p(office, styles.signature), p(chinese_date(day), styles.signature)]


def grid_table(header: Sequence[str], rows: Sequence[Sequence[Any]], widths_mm: Sequence[float], styles: Styles,
               group_rows: Sequence[int] = (), center_cols: Sequence[int] = (),
               tail: Sequence[Flowable] = ()) -> Table:
    """A bordered table whose header repeats on every page; group rows span all columns.

    rows hold strings (wrapped as paragraphs) or ready flowables. A row taller than PIECE_PT
    (a long progress report in a narrow column) is laid out as several rows, its long cells
    continued from one to the next with no rule between them, so it can break across pages.
    tail (a signature) goes below the table, unruled, and is never parted from its last row:
    a page that would hold only the signature gets that row too, under the repeated header.
    """
    right = 4 + 0.35 * styles.cell.fontSize  # room for the ink of a ，。、）” hanging past the line end
    body: list[list[Any]] = [[p(h, styles.cell_head) for h in header]]
    joins: list[int] = []  # body rows continued in the next row
    groups: list[int] = []
    for i, row in enumerate(rows):
        if i in group_rows:
            groups.append(len(body))
            body.append([p(row[0], styles.cell_head)] + [""] * (len(header) - 1))
            continue
        cells = [cell if isinstance(cell, Flowable) else
                 _cell(cell, styles.cell_center if c in center_cols else styles.cell, widths_mm[c] * mm - 4 - right)
                 if c < len(widths_mm) else p(cell, styles.cell) for c, cell in enumerate(row)]
        pieces = _pieces(cells, widths_mm, 4 + right)
        joins += range(len(body), len(body) + len(pieces) - 1)
        body += pieces
    if tail:
        body.append([list(tail)] + [""] * (len(header) - 1))
    table = RuledTable(body, colWidths=[w * mm for w in widths_mm], repeatRows=1, splitByRow=1)
    ruled = len(body) - 1 - (1 if tail else 0)  # the last row with borders
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, ruled), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # plain cells too: no unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), right)]
    for r in joins:  # a continued row: no rule below it, its text runs on from the top
        commands += [("LINEBELOW", (0, r), (-1, r), 0.8, colors.white), ("VALIGN", (0, r), (-1, r + 1), "TOP"),
                     ("BOTTOMPADDING", (0, r), (-1, r), 0), ("TOPPADDING", (0, r + 1), (-1, r + 1), 0)]
    for g in groups:
        commands += [("SPAN", (0, g), (-1, g)), ("BACKGROUND", (0, g), (-1, g), GROUP_BG)]
        if g + 1 < len(body):  # a group row does not end a page: it goes over with its first row
            commands.append(("NOSPLIT", (0, g), (-1, g + 1)))
    if tail:
        t = len(body) - 1
        commands += [("SPAN", (0, t), (-1, t)), ("NOSPLIT", (0, t - 1), (-1, t)), ("VALIGN", (0, t), (-1, t), "TOP"),
                     ("LEFTPADDING", (0, t), (-1, t), 0), ("RIGHTPADDING", (0, t), (-1, t), 0),
                     ("TOPPADDING", (0, t), (-1, t), 0), ("BOTTOMPADDING", (0, t), (-1, t), 0)]
    table.setStyle(TableStyle(commands))
    return table


class RuledTable(Table):
    """A table that, where a page ends inside it, closes the part on that page with a rule under
    its last row (a continued row has none of its own)."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        if len(parts) > 1:
            parts[0].setStyle(TableStyle([("LINEBELOW", (0, -1), (-1, -1), 0.6, GRID)]))
        return parts

    # reportlab maps every cell of the table to its span (and its no-split range) each time the
    # table is measured: for a long table, its rest after every page, twice. The same maps are
    # made here once a table part (the same result, in the same order, built faster).
    def _calcSpanRanges(self) -> None:  # noqa: N802 (reportlab's names)
        key = (self._nrows, self._ncols, repr(self._spanCmds))
        if getattr(self, "_span_key", None) != key:
            self._spanRanges, self._colSpanCells, self._rowSpanCells = _ranges(self._spanCmds, self._ncols,
                                                                                self._nrows)
            self._span_key = key
            self._spanned = {c for c, r in self._spanRanges.items() if r != c + c}  # heading or inside a span
            self._inside = [c for c in self._spanned if self._spanRanges[c] is None]
            self._heads = sorted((r[3], c, r) for c, r in self._spanRanges.items() if r is not None and r != c + c)

    def _calcSpanRects(self) -> None:  # noqa: N802
        """reportlab's, with the cells outside every span placed in one pass over the rows laid
        out so far (reportlab walks every cell of the table's rest for each page)."""
        rects = getattr(self, "_spanRects", {})
        hmax = getattr(self, "_hmax", None)
        if rects and (not self._longTableOptimize or hmax == getattr(self, "_hmax_spanRects", None)):
            return
        cols, rows = self._colpositions, self._rowpositions
        rlim = len(rows) - 1
        spanned = self._spanned
        for y in range(min(self._nrows, rlim)):
            top, bottom = rows[y], rows[y + 1]
            for x in range(self._ncols):
                if (x, y) not in spanned:
                    rects[x, y] = (cols[x], bottom, cols[x + 1] - cols[x], top - bottom)
        v_blocks: dict[float, list] = {}
        h_blocks: dict[float, list] = {}
        rects.update(dict.fromkeys(self._inside))  # the cells a span covers
        for row1, coord, (col0, row0, col1, _row1) in self._heads:  # by their last row
            if row1 >= rlim:
                break
            for c in range(col0 + 1, col1 + 1):
                v_blocks.setdefault(cols[c], []).append((rows[row1 + 1], rows[row0]))
            for r in range(row0 + 1, row1 + 1):
                h_blocks.setdefault(rows[r], []).append((cols[col0], cols[col1 + 1]))
            x, y0 = cols[col0], rows[row1 + 1]
            rects[coord] = (x, y0, cols[col1 + 1] - x, rows[row0] - y0)
        for blocks in (h_blocks, v_blocks):
            for value in blocks.values():
                value.sort()
        self._spanRects, self._vBlocks, self._hBlocks = rects, v_blocks, h_blocks
        self._hmax_spanRects = hmax

    def _calcNoSplitRanges(self) -> None:  # noqa: N802
        key = (self._nrows, self._ncols, repr(self._nosplitCmds))
        if getattr(self, "_nosplit_key", None) != key:
            self._nosplitRanges, self._colNoSplitCells, self._rowNoSplitCells = _ranges(
                self._nosplitCmds, self._ncols, self._nrows)
            self._nosplit_key = key


def _ranges(cmds: Sequence[Any], ncols: int, nrows: int) -> tuple[dict, list, list]:
    """reportlab's Table._calcSpanRanges / _calcNoSplitRanges as one function: (col, row) -> the
    range the cell heads, None for a cell inside one; the cells of column and of row ranges."""
    ranges: dict[tuple[int, int], Any] = {(x, y): (x, y, x, y) for x in range(ncols) for y in range(nrows)}
    col_cells: list[tuple[int, int]] = []
    row_cells: list[tuple[int, int]] = []
    for _cmd, (x0, y0), (x1, y1) in cmds:
        x0, x1 = x0 + ncols if x0 < 0 else x0, x1 + ncols if x1 < 0 else x1
        y0, y1 = y0 + nrows if y0 < 0 else y0, y1 + nrows if y1 < 0 else y1
        x0, x1 = min(x0, x1), max(x0, x1)
        y0, y1 = min(y0, y1), max(y0, y1)
        if x0 == x1 and y0 == y1:
            continue
        cells = [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
        if x0 != x1:
            col_cells += cells
        if y0 != y1:
            row_cells += cells
        for cell in cells:
            ranges[cell] = None
        ranges[x0, y0] = (x0, y0, x1, y1)
    return ranges, col_cells, row_cells


PIECE_PT = 180  # the tallest table row: a longer one goes on in the next rows (a page then wastes little)


def _may_be_taller(para: Paragraph, width: float) -> bool:
    """Whether para could be taller than PIECE_PT: a bound from its length, every character
    (markup too) counted a full em wide, each line break a line of its own."""
    text = getattr(para, "text", None)
    if not isinstance(text, str) or width <= 0:
        return True
    style = para.style
    per_line = max(1, int(width // style.fontSize))
    lines = len(text) // per_line + 1 + text.count("<br")
    return lines * style.leading > PIECE_PT


def _pieces(cells: list[Any], widths_mm: Sequence[float], padding: float) -> list[list[Any]]:
    """The row as one row, or as several when it is taller than PIECE_PT: each long paragraph
    split into parts of at most PIECE_PT, the other cells in the first part."""
    parts: list[list[Any]] = []
    for cell, width in zip(cells, widths_mm):
        found: list[Any] = []
        rest = cell
        if isinstance(rest, Paragraph) and not _may_be_taller(rest, width * mm - padding):
            parts.append([rest])  # most cells: not wrapped here only to be wrapped again in the table
            continue
        while isinstance(rest, Paragraph) and rest.wrap(width * mm - padding, 1e6)[1] > PIECE_PT:
            split = rest.split(width * mm - padding, PIECE_PT)
            if len(split) < 2:
                break
            found.append(split[0])
            rest = split[1]
        parts.append(found + [rest])
    count = max(len(x) for x in parts)
    return [[x[n] if n < len(x) else "" for x in parts] for n in range(count)]
