"""Chinese line breaking in the PDFs: no line starts with ，。、）” and none ends with “《（."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from reportlab.platypus import SimpleDocTemplate

from bizenv_desktop.services.pdf.common import OPENERS, _last_char, p
from bizenv_desktop.services.pdf.layout import make_styles

CLOSERS = "，。、；：！？）”》』」】"
TEXTS = [
    "字" * 7 + "“引号”后面还有一些文字继续写下去直到第二行结束为止。",
    "字" * 7 + "《吉林省科学技术厅营商环境考核评价实施方案》已印发，" + "字" * 6 + "（含附件）请各处室落实。",
    "按照“谁主管、谁负责”的原则，由《方案》确定的牵头处室（法规处）会同“相关业务处室”推进。" * 3,
    "第一段" + "字" * 5 + "“一\n第二段" + "字" * 8 + "《二》完。",
]


def line_texts(para) -> list[str]:
    return [("".join(line[1]) if isinstance(line, tuple) else "".join(getattr(w, "text", "") for w in line.words))
            for line in para.blPara.lines]


@pytest.mark.parametrize("width_chars", [6, 7, 8, 9, 10, 13, 17])
@pytest.mark.parametrize("text", TEXTS)
def test_no_line_ends_with_an_opening_mark(text: str, width_chars: int) -> None:
    styles = make_styles(None)
    for style in (styles.body, styles.cell):
        para = p(text, style)
        para.wrap(style.fontSize * width_chars + 1, 10_000)
        lines = line_texts(para)
        assert "".join(lines).replace(" ", "") == text.replace("\n", "")  # nothing lost or doubled
        assert not any(_last_char(line) in OPENERS for line in para.blPara.lines[:-1]), lines
        assert not any(line[:1] in CLOSERS for line in lines[1:]), lines


def test_a_printed_page_keeps_the_marks_with_their_words(tmp_path: Path) -> None:
    styles = make_styles(None)
    out = tmp_path / "marks.pdf"
    doc = SimpleDocTemplate(str(out), leftMargin=28, rightMargin=28)
    doc.build([p(text, styles.body) for text in TEXTS * 4])
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) > 20
    assert not [line for line in lines if line[-1] in OPENERS]
