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


def p(text: Any, style: Any) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(escape(str(text if text is not None else "")).replace("\n", "<br/>"), style)


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
               group_rows: Sequence[int] = (), center_cols: Sequence[int] = ()) -> Table:
    """A bordered table whose header repeats on every page; group rows span all columns.

    rows hold strings (wrapped as paragraphs) or ready flowables.
    """
    body: list[list[Any]] = [[p(h, styles.cell_head) for h in header]]
    for i, row in enumerate(rows, 1):
        if i - 1 in group_rows:
            body.append([p(row[0], styles.cell_head)] + [""] * (len(header) - 1))
            continue
        body.append([cell if isinstance(cell, Flowable) else
                     p(cell, styles.cell_center if c in center_cols else styles.cell) for c, cell in enumerate(row)])
    table = Table(body, colWidths=[w * mm for w in widths_mm], repeatRows=1, splitByRow=1)
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.6, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), styles.cell.fontName),  # plain cells too: no unembedded Helvetica
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG), ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    for g in group_rows:
        commands += [("SPAN", (0, g + 1), (-1, g + 1)), ("BACKGROUND", (0, g + 1), (-1, g + 1), GROUP_BG)]
    table.setStyle(TableStyle(commands))
    return table
