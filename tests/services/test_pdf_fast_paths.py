"""The report tables' shortcuts give what reportlab itself gives: plain-text cells made without the
XML parser have the parser's fragments, and the span maps a long table keeps across its pages are
reportlab's own."""
from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table

from bizenv_desktop.core.linebreak import ems, is_narrow
from bizenv_desktop.services.pdf.common import _cell, grid_table, p
from bizenv_desktop.services.pdf.layout import make_styles

TEXTS = ["企业开办", "  前后 有空格\t的文字  ", "2026年11月30日", "（一）牵头处室：法规处", "A&B 公司", "<b>不是标记</b>",
         "第一行\n第二行", "全角\u3000空格", "…… —— “引号”", "x", "Ωé漢字😀"]


@pytest.mark.parametrize("text", TEXTS)
def test_a_cell_has_the_fragments_the_parser_gives(text: str) -> None:
    styles = make_styles(None)
    for style in (styles.cell, styles.cell_head, styles.cell_center, styles.body):
        fast = p(text, style)
        parsed = Paragraph(escape(text).replace("\n", "<br/>"), style)
        assert fast.text == parsed.text
        assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]
        assert fast.wrap(60, 1000) == parsed.wrap(60, 1000)


def test_cells_do_not_share_their_fragments() -> None:
    style = make_styles(None).cell
    a, b = p("甲", style), p("乙", style)
    assert a.frags[0] is not b.frags[0] and a.frags[0].link is not b.frags[0].link
    assert (a.frags[0].text, b.frags[0].text) == ("甲", "乙")


def test_ems_counts_half_width_characters_as_halves() -> None:
    for text in TEXTS + ["", "abc", "——……“”‘’·", "\u2e80\u2e7f"]:
        assert ems(text) == sum(0.5 if is_narrow(c) else 1.0 for c in text)


def _maps(table: Table) -> tuple:
    names = ("_spanRanges", "_colSpanCells", "_rowSpanCells", "_nosplitRanges", "_rowNoSplitCells", "_spanRects",
             "_vBlocks", "_hBlocks")
    return tuple(getattr(table, n, None) for n in names) + (list(getattr(table, "_spanRanges", ())),)


def test_a_long_table_keeps_reportlab_s_span_maps_on_every_page() -> None:
    styles = make_styles(None)
    rows: list[list[str]] = []
    groups = []
    for g in range(12):
        groups.append(len(rows))
        rows.append([f"第{g + 1}组"])
        rows += [[str(n), f"事项{n}" * (n % 5 + 1), "法规处"] for n in range(15)]
    table = grid_table(["序号", "事项", "处室"], rows, [15, 100, 30], styles, group_rows=groups)
    parts = spans = 0
    while True:
        table.wrap(156 * mm, 225 * mm)
        mine = _maps(table)
        spans += bool(table._spanCmds)
        if table._spanCmds:
            Table._calcSpanRanges(table)
            del table._spanRects
            Table._calcSpanRects(table)
        if table._nosplitCmds:
            Table._calcNoSplitRanges(table)
        assert _maps(table) == mine
        pieces = table.split(156 * mm, 225 * mm)
        if len(pieces) < 2:
            break
        table = pieces[1]
        parts += 1
    assert parts >= 3 and spans >= 3  # the table went over several pages, group rows on each


@pytest.mark.parametrize("text", ["问题：材料报送不及时\n下步：继续推进，按时报送佐证材料", "第一行\n第二行\n第三行较长的一行文字需要换行才能放下",
                                  "（一）\n（二）"])
def test_a_cell_of_lines_is_as_tall_and_breaks_as_its_paragraph(text: str) -> None:
    styles = make_styles(None)
    width = 80.0
    stacked = _cell(text, styles.cell, width)
    assert isinstance(stacked, list) and len(stacked) == text.count("\n") + 1
    whole = Paragraph(escape(text).replace("\n", "<br/>"), styles.cell)
    _w, height = whole.wrap(width, 1000)
    lines = ["".join(getattr(w, "text", "") for w in ln.words) if not isinstance(ln, tuple) else "".join(ln[1])
             for ln in whole.blPara.lines]
    mine: list[str] = []
    for para in stacked:
        para.wrap(width, 1000)
        mine += [("".join(ln[1]) if isinstance(ln, tuple) else "".join(getattr(w, "text", "") for w in ln.words))
                 for ln in para.blPara.lines]
    assert sum(x.wrap(width, 1000)[1] for x in stacked) == height
    assert [x.strip() for x in mine] == [x.strip() for x in lines if x.strip()]


@pytest.mark.parametrize("text", ["一行", "结尾有空格 \n下一行", "A&B\n下一行", "空行\n\n之后", "开口“\n下一行", "长" * 400 + "\n完"])
def test_other_cells_stay_one_paragraph(text: str) -> None:
    assert isinstance(_cell(text, make_styles(None).cell, 80.0), Paragraph)
