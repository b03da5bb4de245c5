"""The reports as Word files: read back with python-docx (page set-up, named styles, real tables
with a repeated header row, page numbers) and converted to PDF by LibreOffice, which must give
the same number of body pages as the app's own PDF (±1)."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

import layout_measure as lm
import report_fixture as fx
from bizenv_desktop.services.pdf.reports import ReportRequest, build_report
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.storage.database import open_reader
from reading import body_pages, flat, text_of

TODAY = date(2026, 10, 9)
DATE = "2026年10月9日"
KINDS = {"assignment": {}, "plan": {}, "monthly": {"month": 11}, "provincial": {"quarter": 3},
         "leadership": {"quarter": 3}, "selfeval": {"quarter": 3}}
MM_EMU = 36000


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    """Every kind from the realistic year as .docx and .pdf, and the large database's leaders'
    report; the .docx files converted by LibreOffice in one run."""
    from benchmarks.generate import generate

    folder = tmp_path_factory.mktemp("docx")
    sample = folder / "sample.sqlite3"
    ws = open_workspace(sample, first_year=fx.YEAR)
    try:
        fx.build(ws, folder / "evidence")
    finally:
        ws.close()
    large = folder / "large.sqlite3"
    generate(large, years=2, division_count=12, supervision=600, today=date(2026, 11, 20))
    open_workspace(large).close()
    out: dict[str, dict[str, Path]] = {}
    for name, path, kinds in (("sample", sample, KINDS), ("large", large, KINDS)):
        db = open_reader(path)
        try:
            for kind, fields in kinds.items():
                request = ReportRequest(kind, fx.YEAR, today=TODAY, **fields)
                key = f"{name}-{kind}"
                out[key] = {"docx": folder / f"{key}.docx", "pdf": folder / f"{key}.pdf"}
                build_report(db, request, out[key]["docx"])
                build_report(db, request, out[key]["pdf"])
        finally:
            db.close()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (libreoffice-writer-nogui, installed by .ci/setup) is needed"
    converted = folder / "lo"
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(converted), *(str(v["docx"]) for v in out.values())],
                   check=True, capture_output=True, timeout=600)
    for key, v in out.items():
        v["lo"] = converted / f"{key}.pdf"
        assert v["lo"].exists(), key
    return out


def style_font(style: object) -> tuple[str, float]:
    rpr = style.element.rPr  # type: ignore[attr-defined]
    return rpr.rFonts.get(qn("w:eastAsia")), style.font.size.pt  # type: ignore[attr-defined]


@pytest.mark.parametrize("key", [f"{name}-{k}" for name in ("sample", "large") for k in KINDS])
def test_word_file_page_set_up_styles_and_tables(key: str, files: dict[str, dict[str, Path]]) -> None:
    kind = key.split("-", 1)[1]
    doc = WordDocument(str(files[key]["docx"]))
    section = doc.sections[0]
    landscape = kind == "assignment"
    width, height = (297, 210) if landscape else (210, 297)
    assert (round(section.page_width / MM_EMU), round(section.page_height / MM_EMU)) == (width, height)
    margins = (28, 26, 37, 35) if landscape else (37, 35, 28, 26)
    assert tuple(round(m / MM_EMU) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                               section.right_margin)) == margins
    block = width - margins[2] - margins[3]
    grid = section._sectPr.find(qn("w:docGrid"))
    line = 225 / 22 * 72 / 25.4  # 22 lines in 225 mm: 28.99 pt, in twentieths of a point rounded down
    assert grid is not None and grid.get(qn("w:linePitch")) == str(int(line * 20))
    styles = {s.name: s for s in doc.styles}
    assert style_font(styles["标题"]) == ("方正小标宋简体", 22.0)
    assert style_font(styles["一级标题"]) == ("黑体", 16.0) and style_font(styles["二级标题"]) == ("楷体", 16.0)
    assert style_font(styles["正文"]) == ("仿宋", 16.0)
    body = styles["正文"].paragraph_format
    assert body.line_spacing.pt == pytest.approx(line, abs=0.05) and body.first_line_indent is not None
    used = [p.style.name for p in doc.paragraphs]
    assert used[0] == "标题" and "正文" in used and "署名" in used
    if kind in ("leadership", "provincial", "monthly", "selfeval"):
        headings = [p.text for p in doc.paragraphs if p.style.name == "一级标题"]
        assert headings and all(h[:2] in {"一、", "二、", "三、", "四、", "五、", "六、"} for h in headings), headings
    texts = [p.text for p in doc.paragraphs]
    assert "吉林省科学技术厅" in texts and DATE in texts
    if kind not in ("plan", "provincial"):  # the province gets text only
        assert doc.tables
    for table in doc.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None  # repeated on every page
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(widths) / 1440 * 25.4 <= block + 0.5  # never wider than the block
    footers = [section.footer, section.even_page_footer]
    assert doc.settings.odd_and_even_pages_header_footer
    for footer, align in zip(footers, ("RIGHT", "LEFT")):
        p = footer.paragraphs[0]
        assert p.alignment.name == align and "PAGE" in p._p.xml and p.text.startswith("— ")


def test_the_same_sections_and_tables_as_the_pdf(files: dict[str, dict[str, Path]]) -> None:
    doc = WordDocument(str(files["sample-leadership"]["docx"]))
    words = flat("".join(p.text for p in doc.paragraphs))
    pdf = flat(text_of(files["sample-leadership"]["pdf"]))
    for heading in ("一、总体进展", "二、主要工作及成效", "三、存在的问题", "四、下一步工作安排", "五、需要领导协调解决的事项",
                    "附件：1.各项指标推进情况表", "附件1", "附件2", "附件3"):
        assert heading in words and heading in pdf, heading
    assert [p.text for p in doc.paragraphs if p.style.name == "附件标签"] == ["附件1", "附件2", "附件3"]
    assert len(doc.tables) == 4  # progress, late items, overdue items, figures
    assert [c.text for c in doc.tables[0].rows[0].cells] == ["序号", "指标", "责任处室", "状态", "进展情况",
                                                             "存在问题及下步打算"]


CASES = [f"{name}-{k}" for name in ("sample", "large") for k in KINDS]


@pytest.mark.parametrize("key", CASES)
def test_libreoffice_gives_the_same_body_pages(key: str, files: dict[str, dict[str, Path]]) -> None:
    ours = body_pages(files[key]["pdf"], DATE)
    theirs = body_pages(files[key]["lo"], DATE)
    print(f"{key}: body pages {ours} (PDF) / {theirs} (LibreOffice from .docx)")
    assert abs(ours - theirs) <= 1, (key, ours, theirs)


@pytest.mark.parametrize("key", CASES)
def test_the_word_file_as_libreoffice_lays_it_out(key: str, files: dict[str, dict[str, Path]]) -> None:
    """GB/T 9704 measured on LibreOffice's PDF of the .docx: 22 lines a page (29.00 pt lines made
    21), the page number's dashes 7 mm below the block (they were 9.9 mm), the signature two
    characters in with the date on its page and text above it (the date went alone to the next
    page), no page but the last with fewer than 3 lines (the signature alone on page 19 of the
    large monthly report)."""
    kind = key.split("-", 1)[1]
    c = lm.measure_converted(files[key]["lo"], "landscape" if kind == "assignment" else "portrait",
                             "吉林省科学技术厅", DATE)
    assert max(c.lines_per_page) <= 22
    if kind in ("plan", "provincial"):
        assert 22 in c.lines_per_page, c.lines_per_page
    assert all(abs(gap - 7) <= 0.3 for gap in c.number_gap), c.number_gap
    assert c.signature_page, "signature and date not on one page"
    assert abs(c.signature_right - 2) <= 0.1, c.signature_right
    assert c.thin_pages == [], c.thin_pages
    if kind == "leadership":
        assert body_pages(files[key]["lo"], DATE) <= 4
    last = last_text_before_signature(files[key]["docx"])
    if last.tag == qn("w:tbl"):
        # Word and WPS keep a row whose paragraphs are kept with the next with what follows;
        # LibreOffice 7.4 does so only for a table marked in every row, and then moves it whole
        rows = last.findall(qn("w:tr"))
        assert all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in rows[-1].iter(qn("w:p")))
    else:
        assert c.lines_above_signature >= 2, c.lines_above_signature


def last_text_before_signature(docx: Path) -> Any:
    """The body's last paragraph with text, or table, before the signature (and the 附件 list)."""
    doc = WordDocument(str(docx))
    body = list(doc.element.body)
    sign = next(k for k, el in enumerate(body) if el.tag == qn("w:p") and "署名" in el.xml)
    for el in reversed(body[:sign]):
        if el.tag == qn("w:tbl"):
            return el
        text = "".join(el.itertext()).strip()
        if text and not text.startswith("附件：") and not re.match(r"^\d+\.", text):
            return el
    raise AssertionError("no text before the signature")


@pytest.mark.parametrize("rows, kept", [(8, "all"), (120, "last")])
def test_a_table_ending_the_body_is_kept_with_the_signature(rows: int, kept: str, tmp_path: Path) -> None:
    """A short table at the body's end is kept whole with the signature (every row marked: the
    only way LibreOffice keeps a table with what follows); a long one only by its last row (marking
    every row made LibreOffice leave the first page with the title alone)."""
    from bizenv_desktop.core.document import Document, Fields, Section, Table
    from bizenv_desktop.services.docx_writer import render_docx

    table = Table(["序号", "指标", "责任处室"], [[str(n), f"（{n}）指标名称", "法规处"] for n in range(1, rows + 1)])
    doc = Document("selfeval", "测试报告", Fields(issuer="某某厅", date="2026-10-09"),
                   [Section("a", "总体情况", "正文一段。"), Section("b", "清单", "", {}, [table])])
    out = tmp_path / "t.docx"
    render_docx(doc, out)
    tr = WordDocument(str(out)).tables[-1]._tbl.findall(qn("w:tr"))
    marked = [all(p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None for p in row.iter(qn("w:p"))) for row in tr]
    assert marked[-1] and (all(marked) if kept == "all" else not any(marked[:-1])), marked
