"""The blocks of a Word .docx (python-docx): paragraphs in body order with their heading level,
Word's automatic numbering written out as it shows on the page (（一）, 1., (1) …), and tables.

Word keeps a list's numbers out of the paragraph's text (numbering.xml); a plan laid out with
heading styles and automatic numbering would otherwise lose every code, so the number each
paragraph shows is rebuilt from its list level (decimal, 一二三, ①②③, 甲乙丙, letters).
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from .source import MAX_BLOCKS, Block, DocumentError, Place

MAX_XML = 200_000_000  # bytes of document.xml unpacked: more is a zip bomb, not a plan

_HEADING = re.compile(r"(?i)^(?:heading|标题)\s*([1-9])$")
_TITLES = {"title", "标题", "subtitle", "副标题"}
_CN = "零一二三四五六七八九"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 23 -> 二十三 (up to 99; beyond, the digits)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CN[tens]) + "十" if tens else "") + (_CN[ones] if ones else "")


def _format(value: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_number(value)
    if fmt == "ideographTraditional":
        return _TIANGAN[(value - 1) % 10]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (value - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return str(value)
    if fmt in ("none", "bullet"):
        return ""
    return str(value)  # decimal, decimalFullWidth, decimalZero …


class _Numbering:
    """Counters of Word's lists, and the text each numbered paragraph shows before its words."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        # numId -> ilvl -> (format, text, start, restart); restart: None = after any shallower
        # level, 0 = never, n = after a level up to n (w:lvlRestart)
        self.levels: dict[str, dict[int, tuple[str, str, int, int | None]]] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int, int | None]]] = {}
        for an in root.findall(qn("w:abstractNum")):
            abstract[an.get(qn("w:abstractNumId")) or ""] = {
                self._int(lvl.get(qn("w:ilvl"))): self._level(lvl) for lvl in an.findall(qn("w:lvl"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else "", {}))
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                ilvl = self._int(override.get(qn("w:ilvl")))
                if start is not None and ilvl in levels:
                    fmt, text, _s, restart = levels[ilvl]
                    levels[ilvl] = (fmt, text, self._int(start.get(qn("w:val")), 1), restart)
            self.levels[num.get(qn("w:numId")) or ""] = levels

    @staticmethod
    def _int(text: str | None, default: int = 0) -> int:
        try:
            return int(text or default)
        except ValueError:
            return default

    def _level(self, lvl: Any) -> tuple[str, str, int, int | None]:
        qn = self.qn
        fmt = lvl.find(qn("w:numFmt"))
        text = lvl.find(qn("w:lvlText"))
        start = lvl.find(qn("w:start"))
        restart = lvl.find(qn("w:lvlRestart"))
        return (fmt.get(qn("w:val")) if fmt is not None else "decimal",
                text.get(qn("w:val")) if text is not None else "",
                self._int(start.get(qn("w:val")) if start is not None else None, 1),
                self._int(restart.get(qn("w:val"))) if restart is not None else None)

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or num_id == "0":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        if not 0 <= ilvl < 10:
            return ""
        for k in range(ilvl + 1, 10):
            restart = levels[k][3] if k in levels else None
            if restart is None or (restart and ilvl < restart):
                counters[k] = 0
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        fmt, text, _start, _restart = levels[ilvl]
        if fmt in ("bullet", "none"):
            return ""

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            return _format(counters[k] or levels[k][2], levels[k][0])
        return re.sub(r"%([1-9])", value, text)


def _style_chain(style: Any) -> list[Any]:
    chain: list[Any] = []
    while style is not None and len(chain) < 20:
        chain.append(style)
        style = style.base_style
    return chain


def _outline(element: Any, qn: Any) -> int | None:
    ppr = element.find(qn("w:pPr"))
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if lvl is None:
        return None
    try:
        value = int(lvl.get(qn("w:val")) or 9)
    except ValueError:
        return None
    return value + 1 if 0 <= value < 9 else 0


def _num_pr(element: Any, qn: Any) -> tuple[str, int] | None:
    ppr = element.find(qn("w:pPr"))
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is None:
        return None
    num, ilvl = numpr.find(qn("w:numId")), numpr.find(qn("w:ilvl"))
    try:
        return (num.get(qn("w:val")) or "" if num is not None else "",
                int(ilvl.get(qn("w:val")) or 0) if ilvl is not None else 0)
    except ValueError:
        return None


def _paragraph(p: Any, numbering: _Numbering, qn: Any) -> tuple[str, int, bool]:
    """(text with its list number, heading level, is a title) of a python-docx Paragraph."""
    chain = _style_chain(p.style)
    heading, title = _outline(p._p, qn), False
    numpr = _num_pr(p._p, qn)
    for style in chain:
        name = (style.name or "").strip()
        if name.lower() in _TITLES:
            title = True
        match = _HEADING.match(name)
        if heading is None and match:
            heading = int(match.group(1))
        if heading is None:
            heading = _outline(style.element, qn)
        if numpr is None:
            numpr = _num_pr(style.element, qn)
    text = p.text
    if numpr is not None and numpr[0] and text.strip():
        text = numbering.label(numpr[0], numpr[1]) + text.lstrip()
    return text, heading or 0, title


def _rows(table: Any) -> list[list[str]]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells, last = [], None
        for cell in row.cells:
            if cell._tc is last:  # a cell merged across columns is listed once per column
                continue
            last = cell._tc
            cells.append(cell.text.strip())
        rows.append(cells)
    return rows


def docx_blocks(data: bytes, name: str) -> list[Block]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:  # 7.4: zip version
        raise DocumentError("plan_doc.bad_docx", file=name, detail=f"{type(exc).__name__}: {exc}") from None
    if "xl/workbook.xml" in names or "content.xml" in names and "word/document.xml" not in names:
        raise DocumentError("plan_doc.spreadsheet", file=name)
    if "word/document.xml" not in names:
        raise DocumentError("plan_doc.bad_docx", file=name, detail="word/document.xml")
    if sum(i.file_size for i in archive.infolist()) > MAX_XML:
        raise DocumentError("plan_doc.too_big", file=name, size=MAX_XML // 1_000_000)
    try:
        import docx
        from docx.oxml.ns import qn
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        blocks: list[Block] = []
        para_no = table_no = 0
        body = document.element.body
        elements = list(body.iterchildren())
        while elements:
            el = elements.pop(0)
            if el.tag == qn("w:sdt"):  # a content control: its paragraphs and tables are the body's
                content = el.find(qn("w:sdtContent"))
                elements[:0] = list(content.iterchildren()) if content is not None else []
            elif el.tag == qn("w:p"):
                text, heading, title = _paragraph(Paragraph(el, document), numbering, qn)
                if "\n" in text or "\v" in text:  # line breaks inside a paragraph: one block each
                    parts = [t.strip() for t in re.split(r"[\n\v]", text)]
                else:
                    parts = [text.strip()]
                for part in parts:
                    if part:
                        para_no += 1
                        blocks.append(Block(part, Place("para", para_no), heading=heading, title=title))
            elif el.tag == qn("w:tbl"):
                table_no += 1
                rows = _rows(Table(el, document))
                if any(any(c for c in r) for r in rows):
                    blocks.append(Block("", Place("table", table_no, 1), rows=rows))
            if len(blocks) > MAX_BLOCKS:
                raise DocumentError("plan_doc.too_long", file=name, count=MAX_BLOCKS)
    except DocumentError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on a damaged part
        raise DocumentError("plan_doc.bad_docx", file=name, detail=type(exc).__name__) from None
    if not blocks:
        raise DocumentError("plan_doc.empty", file=name)
    return blocks
