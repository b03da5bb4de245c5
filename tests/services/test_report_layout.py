"""GB/T 9704-2012, measured in every report kind, on the realistic year and on a large generated
database, from the PDF files themselves (tests/services/layout_measure.py)."""
from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import layout_measure as lm
import report_fixture as fx
from bizenv_desktop.services.pdf.reports import ReportRequest, build_report
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.storage.database import open_reader
from reading import body_pages

TODAY = date(2026, 10, 9)
SIGNATURE, DATE = "吉林省科学技术厅", "2026年10月9日"
KINDS = {"assignment": {}, "plan": {}, "monthly": {"month": 11}, "provincial": {"quarter": 3},
         "leadership": {"quarter": 3}, "selfeval": {"quarter": 3}}
TOLERANCE = 0.3  # mm
CHAR = lm.PITCH   # one body character on the grid, mm
NUMBER_CHAR = 14 / lm.MM  # one character of 4号, mm


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from benchmarks.generate import generate

    folder = tmp_path_factory.mktemp("layout")
    sample = folder / "sample.sqlite3"
    ws = open_workspace(sample, first_year=fx.YEAR)
    try:
        fx.build(ws, folder / "evidence")
    finally:
        ws.close()
    large = folder / "large.sqlite3"
    generate(large, years=2, division_count=12, supervision=600, today=date(2026, 11, 20))
    open_workspace(large).close()  # brought to the current schema
    return {"sample": sample, "large": large}


@pytest.fixture(scope="module")
def built(databases: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("layout-pdf")
    files = {}
    for name, path in databases.items():
        db = open_reader(path)
        try:
            for kind, fields in KINDS.items():
                pdf = out / f"{name}-{kind}.pdf"
                build_report(db, ReportRequest(kind, fx.YEAR, today=TODAY, **fields), pdf)
                files[(name, kind)] = pdf
        finally:
            db.close()
    return files


CASES = [(name, kind) for name in ("sample", "large") for kind in KINDS]


@pytest.mark.parametrize("name, kind", CASES)
def test_gbt_9704_measured(name: str, kind: str, built: dict[tuple[str, str], Path]) -> None:
    pdf = built[(name, kind)]
    orientation = "landscape" if kind == "assignment" else "portrait"
    block = lm.LANDSCAPE if orientation == "landscape" else lm.PORTRAIT
    m = lm.measure(pdf, orientation, SIGNATURE, DATE)
    # nothing outside the text block: every body and title glyph (hanging punctuation too), every table rule
    assert m.leftmost >= block["left"] - TOLERANCE and m.rightmost <= block["right"] + TOLERANCE, (m.leftmost, m.rightmost)
    assert m.topmost >= block["top"] - 8 and m.lowest <= block["bottom"] + TOLERANCE  # (the first line's em box)
    if m.table_right > 0:
        assert m.table_left >= block["left"] - TOLERANCE and m.table_right <= block["right"] + TOLERANCE
    # 28 characters a line (a closing mark squeezed in makes 29, one pulled back 27), 22 lines a page
    counts = Counter(m.chars_per_full_line)
    assert set(counts) <= {27, 28, 29}, counts
    if sum(counts.values()) >= 5:
        assert counts.most_common(1)[0][0] == 28, counts
    assert max(m.lines_per_page) <= 22
    if kind in ("plan", "provincial"):
        assert 22 in m.lines_per_page
    # page numbers: the dashes 7 mm below the block, odd pages on the right, even on the left, a character in
    assert all(abs(gap - 7) <= TOLERANCE for gap in m.number_gap), m.number_gap
    assert len(m.number_inset) == m.pages
    assert all(abs(inset - NUMBER_CHAR) <= TOLERANCE for _n, inset in m.number_inset), m.number_inset
    # signature two characters in from the right, the date two characters right of it (7.3.5), on a page with text
    assert m.signature_page, "signature and date not found on one page"
    assert abs(m.signature_right - 2 * CHAR) <= TOLERANCE and abs(m.date_shift - 2 * CHAR) <= TOLERANCE
    assert m.lines_before_signature >= 2
    # the pages: none blank, none with fewer than 3 lines but the last; no widow, orphan or lonely heading
    assert m.blank_pages == [] and m.thin_pages == [], (m.blank_pages, m.thin_pages)
    assert m.widows == [] and m.orphans == [] and m.lonely_headings == [], (m.widows, m.orphans, m.lonely_headings)
    # a table that goes on to the next page is closed by a rule at the foot of each page
    assert m.open_table_ends == []
    # the title: between words, in a balanced shape
    assert m.title_lines and lm.title_is_balanced(m.title_lines), m.title_lines
    if kind in ("leadership", "monthly"):
        assert m.attachment_fonts and all("MicroHei" in f or "SimHei" in f or "heiti" in f.lower()
                                          for f in m.attachment_fonts), m.attachment_fonts


@pytest.mark.parametrize("name", ["sample", "large"])
def test_the_leaders_body_is_at_most_four_pages(name: str, built: dict[tuple[str, str], Path]) -> None:
    assert body_pages(built[(name, "leadership")], DATE) <= 4


def test_titles_break_where_words_end(built: dict[tuple[str, str], Path]) -> None:
    m = lm.measure(built[("sample", "provincial")], "portrait", ink_pages=())
    assert m.title_lines == ["吉林省科学技术厅关于2026年", "第三季度营商环境建设重点工作任务", "推进落实情况的报告"]
    assert not lm.title_is_balanced(["吉林省科学技术厅关于2026年第三季度营商", "环境建设重点工作任务推进落实情况的报告"])
    assert not lm.title_is_balanced(["关于2026年第三季度营商环境建设工作情况的", "汇报"])


def test_a_closing_rule_where_a_long_table_breaks(built: dict[tuple[str, str], Path]) -> None:
    """The large database's monthly report runs its tables over many pages: each page that a
    table leaves is closed with a rule under its last row (measured above); there are such pages."""
    pdf = built[("large", "monthly")]
    m = lm.measure(pdf, "portrait", ink_pages=())
    assert m.pages >= 10 and m.open_table_ends == []
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        continued = sum(1 for page in doc.pages[1:] if page.edges and min(e["top"] for e in page.edges) < 38 * lm.MM)
    assert continued >= 5


def test_a_row_longer_than_a_page_fills_the_pages_and_each_is_closed(workspace: object, tmp_path: Path) -> None:
    """A progress text of 1,300 characters in a narrow column goes on from piece to piece: the
    pages are full (not one piece a page) and each page the row leaves has its closing rule."""
    from bizenv_desktop.services import dispatch

    ws: Any = workspace
    ws.apply("开始", lambda w: dispatch.start_month(w, "2026-11"))
    row = next(r for r in dispatch.load_month(ws.db, "2026-11").rows if r.indicator_code == "(1)")
    long = "".join(f"第{n:03d}项工作已按要求推进，" for n in range(120))
    ws.apply("填写", lambda w: dispatch.update_row(w, row.id, status="推进中", progress=long))
    pdf = tmp_path / "long.pdf"
    build_report(ws.db, ReportRequest("monthly", fx.YEAR, month=11, today=TODAY), pdf)
    m = lm.measure(pdf, "portrait", ink_pages=())
    assert m.open_table_ends == [] and m.thin_pages == [] and m.blank_pages == []
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:  # the row's pages: their table reaches the foot of the block
        lows = [max(e["bottom"] for e in page.edges) / lm.MM for page in doc.pages[3:-2] if page.edges]
    assert lows and all(low > lm.PORTRAIT["bottom"] - 50 for low in lows), lows
