"""Fuzzing the plan document reader: hypothesis-made texts and Word documents, and broken files.

Reading (then previewing and importing in one Workspace.apply) either works or raises a
BizenvError whose message is Chinese; never another exception. A refused import leaves the
database file byte for byte as it was. Derandomized like tests/fuzz/test_importers_fuzz.py.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bizenv_desktop.core.errors import BizenvError
from bizenv_desktop.services.plan_doc import read_plan_document, read_plan_text
from bizenv_desktop.services.plan_import import apply_plan_import, preview_plan_import
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.services.workspace import Workspace
from tests.plan_doc.fixtures import SEED, plan_docx

CJK = re.compile(r"[\u4e00-\u9fff]")
FUZZ = settings(max_examples=40, deadline=None, database=None,
                derandomize=not os.environ.get("BIZENV_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

LINES = ["吉林省某某厅2027年营商环境考核评价实施方案", "一、指导思想", "二、主要任务", "三、保障措施", "（一）基础建设",
         "（二）", "1、加强基础建设。", "2.强化执行", "（1）制定年度计划。", "(2)指定专人", "①建立台账", "1）细化分解",
         "考评内容及标准：制定方案并公开。", "考评内容及标准:", "责任处室：法规处", "责任处室：审批办牵头，相关业务处室配合。",
         "责任单位：各县（市、区）人民政府", "牵头单位：市发展改革委；配合单位：市财政局", "时限要求：2027年6月底前",
         "完成时限：长期坚持", "分值：10分", "分值：十分", "责任人：张三", "注：责任单位中排在第一位的为牵头单位。",
         "—3—", "- 12 -", "第 3 页 共 9 页", "吉林省某某厅", "具体工作任务包括2个维度、6个一级指标、23个二级指标。",
         "（一）优化政务服务。1.推行一网通办；2.推进一窗受理；3.压缩办理时限。", "一是加强领导，二是强化督导。",
         "考核项目\t分值\t考核内容\t评分标准", "一、政务服务（30分）\t10\t一网通办\t网上可办率达到90%得10分",
         "合计\t100\t\t", "\t\t\t", "（试行）", "附件1", "关于印发《某某方案》的通知", "网上可办率不低于90%",
         "70%以上事项一窗受理", "被国务院通报表扬", "", " ", "\u3000\u3000", "\f", "\x0b", "\u2028", "😀📈",
         "\u200b\ufeff", "（" * 50, "）" * 30, "1." * 40, "（1）" * 30, "字" * 3000, "责任处室：" + "、".join(["处"] * 300)]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
LINE = st.one_of(st.sampled_from(LINES), st.sampled_from(LINES), st.sampled_from(LINES), TEXT)
DOCS = st.lists(LINE, min_size=0, max_size=40)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plan_fuzz")
    ws = open_workspace(root / "template.sqlite3", first_year=2026)
    ws.close()
    return root / "template.sqlite3"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def chinese(message: str) -> None:
    assert message.strip() and CJK.search(message), f"not a Chinese message: {message!r}"


def check(read: Callable[[], Any], template: Path, scratch: Path) -> str:
    """'ok' or 'refused' (a BizenvError in Chinese, the database unchanged)."""
    db = scratch / "fuzz.sqlite3"
    shutil.copyfile(template, db)
    before = sha(db)
    ws = Workspace.open(db)
    outcome = "ok"
    try:
        plan = read()
        for note in plan.notes + ([plan.stopped] if plan.stopped else []):
            chinese(note.text())
            assert note.text("en").strip()
        preview = preview_plan_import(ws.db, plan, 2030)
        for note in preview.notes:
            chinese(note.text())
        ws.apply("导入方案", lambda w: apply_plan_import(w, plan, 2030))
    except BizenvError as exc:
        chinese(str(exc))
        assert exc.text("en").strip()
        outcome = "refused"
    finally:
        ws.close()
    if outcome == "refused":
        assert sha(db) == before, "refused, yet the database changed"
    return outcome


@FUZZ
@given(lines=DOCS, newline=st.sampled_from(["\n", "\r\n", "\r"]))
def test_random_pasted_texts(lines: list[str], newline: str, template: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        check(lambda: read_plan_text(newline.join(lines)), template, Path(tmp))


@FUZZ
@given(lines=DOCS, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "latin-1", "big5"]))
def test_random_text_files(lines: list[str], encoding: str, template: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "方案.txt"
        path.write_bytes("\n".join(lines).encode(encoding, errors="replace"))
        check(lambda: read_plan_document(path), template, Path(tmp))


STYLES = [None, None, "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "List Number", "List Bullet"]


@FUZZ
@given(paragraphs=st.lists(st.tuples(LINE, st.sampled_from(STYLES)), max_size=25),
       tables=st.lists(st.lists(st.lists(LINE, min_size=1, max_size=5), min_size=1, max_size=5), max_size=3))
def test_random_word_documents(paragraphs: list[tuple[str, str | None]], tables: list[list[list[str]]],
                               template: Path) -> None:
    import docx

    illegal = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(illegal.sub("", text), style=style)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = illegal.sub("", text)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "方案.docx"
        document.save(str(path))
        check(lambda: read_plan_document(path), template, Path(tmp))


# -- deliberately broken files -------------------------------------------------------------------

def good_docx(tmp: Path) -> bytes:
    from bizenv_desktop.services.builtin_plan import builtin_plan

    return plan_docx(tmp / "good.docx", builtin_plan()).read_bytes()


def rezip(source: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in src.namelist():
            data = change(name, src.read(name))
            if data is not None:
                dst.writestr(name, data)
    return out.getvalue()


def member(which: str, data: bytes | None) -> Callable[[Path], bytes]:
    return lambda tmp: rezip(good_docx(tmp), lambda n, d: data if n == which else d)


def document_xml(edit: Callable[[str], str]) -> Callable[[Path], bytes]:
    return lambda tmp: rezip(good_docx(tmp), lambda n, d: edit(d.decode()).encode() if n == "word/document.xml" else d)


def truncated(fraction: float) -> Callable[[Path], bytes]:
    return lambda tmp: (lambda data: data[:max(1, int(len(data) * fraction))])(good_docx(tmp))


def bomb(tmp: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * 250_000_000 + b"/>")
    return out.getvalue()


def xlsx(tmp: Path) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["二级指标", "考评内容及标准", "责任处室"])
    wb.save(tmp / "t.xlsx")
    return (tmp / "t.xlsx").read_bytes()


BROKEN: dict[str, Callable[[Path], bytes | None]] = {
    "truncated-5%": truncated(0.05), "truncated-50%": truncated(0.5), "truncated-99%": truncated(0.99),
    "no-document-part": member("word/document.xml", None),
    "garbage-document-xml": member("word/document.xml", b"<w:document><<"),
    "garbage-content-types": member("[Content_Types].xml", b"\x00garbage"),
    "garbage-styles": member("word/styles.xml", b"<w:styles><<"),
    "garbage-numbering": member("word/numbering.xml", b"<w:numbering><<"),
    "no-body": document_xml(lambda s: re.sub(r"<w:body>.*</w:body>", "", s, flags=re.S)),
    "bad-outline-level": document_xml(lambda s: s.replace("<w:pPr>", '<w:pPr><w:outlineLvl w:val="x"/>', 3)),
    "bad-numbering-reference": document_xml(lambda s: s.replace(
        "<w:pPr>", '<w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="abc"/></w:numPr>', 5)),
    "zip-bomb": bomb,
    "spreadsheet": xlsx,
    "doc-97-2003": lambda tmp: bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "WordDocument".encode("utf-16-le"),
    "pdf": lambda tmp: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n",
    "rtf": lambda tmp: b"{\\rtf1\\ansi hello}",
    "binary": lambda tmp: bytes(range(256)) * 20,
    "zero-bytes": lambda tmp: b"",
    "only-blank-lines": lambda tmp: b"\n\n \r\n\t\n",
    "seed-in-big5": lambda tmp: SEED.read_text(encoding="utf-8").encode("big5", errors="replace"),
    "gb18030-mixed-with-utf8": lambda tmp: "一、指导思想\n".encode("gb18030") + "（1）制定计划\n".encode(),
    "directory": lambda tmp: None,
    "missing": lambda tmp: None,
}
READABLE = {"garbage-styles", "garbage-numbering", "bad-outline-level", "bad-numbering-reference",
            "seed-in-big5", "gb18030-mixed-with-utf8"}  # odd, not necessarily refused


@pytest.mark.parametrize("broken", list(BROKEN))
@pytest.mark.parametrize("suffix", [".docx", ".txt"])
def test_broken_files(broken: str, suffix: str, template: Path, tmp_path: Path) -> None:
    path = tmp_path / f"{broken}{suffix}"
    data = BROKEN[broken](tmp_path)
    if broken == "directory":
        path.mkdir()
    elif data is not None:
        path.write_bytes(data)
    started = time.monotonic()
    outcome = check(lambda: read_plan_document(path), template, tmp_path)
    assert time.monotonic() - started < 20, f"{broken}: took {time.monotonic() - started:.1f} s"
    if broken not in READABLE:
        assert outcome == "refused", f"accepted {broken}"
