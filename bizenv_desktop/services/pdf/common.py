"""Pieces every report shares: the document head, tables with a repeated header, dates."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

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


def p(text: Any, style: Any) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return CJKParagraph(escape(str(text if text is not None else "")).replace("\n", "<br/>"), style)


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
                 p(cell, styles.cell_center if c in center_cols else styles.cell) for c, cell in enumerate(row)]
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
