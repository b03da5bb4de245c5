"""A plan document as a list of blocks: from a .txt file, text pasted into the dialog, or a .docx.

A block is a paragraph (its text, where it is, the Word heading level if it has one) or a
table (rows of cell texts; a merged cell repeats its text in every row and column it covers,
as python-docx gives it). Nothing here knows the plan's structure; structure.py reads it.

Text files are read as UTF-8 (with or without BOM), UTF-16 with a BOM, else GB18030 (which
covers GBK/GB2312, what Notepad and WPS save on Chinese Windows). Files that are not text or
.docx (a .doc, a PDF, a spreadsheet, a binary) are refused with a message saying what to do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...core import messages
from ...core.errors import InvalidInput

MAX_BYTES = 20_000_000     # a plan is a few hundred kB; anything far larger is not one
MAX_BLOCKS = 20_000        # paragraphs and table rows read at most

messages.register({
    "plan_doc.at_line": ("第 {n} 行", "line {n}"),
    "plan_doc.at_para": ("第 {n} 段", "paragraph {n}"),
    "plan_doc.at_table": ("第 {n} 个表格第 {row} 行", "table {n}, row {row}"),
    "plan_doc.missing": ("找不到文件“{file}”。请检查路径后重试。", "Cannot find the file “{file}”. Check the path and try again."),
    "plan_doc.not_file": ("“{file}”不是文件（可能是文件夹）。请选择 .docx 或 .txt 文件。",
                          "“{file}” is not a file (perhaps a folder). Choose a .docx or .txt file."),
    "plan_doc.unreadable": ("无法读取“{file}”：{detail}。文件未导入，请检查文件是否被占用或损坏。",
                            "Cannot read “{file}”: {detail}. Nothing was imported; check that the file is not "
                            "open elsewhere or damaged."),
    "plan_doc.empty": ("“{file}”是空的，没有可导入的内容。", "“{file}” is empty: there is nothing to import."),
    "plan_doc.too_big": ("“{file}”有 {size} MB，不像方案文档（方案通常不足 1 MB）。请检查是否选错了文件。",
                         "“{file}” is {size} MB, too large for a plan document (plans are usually under 1 MB). "
                         "Check that this is the right file."),
    "plan_doc.old_doc": ("“{file}”是 Word 97-2003 文档（.doc）或其他旧格式文件。请在 Word 或 WPS 中“另存为” .docx 后再导入。",
                         "“{file}” is a Word 97-2003 document (.doc) or another old format. Save it as .docx in "
                         "Word or WPS, then import it."),
    "plan_doc.pdf": ("“{file}”是 PDF 文件，不能直接导入。请在 PDF 阅读器中全选并复制文字，粘贴到导入窗口的文本框中；"
                     "或另存为 .txt 后导入。",
                     "“{file}” is a PDF, which cannot be imported directly. Select all its text in a PDF reader and "
                     "paste it into the text box of the import window, or save it as .txt and import that."),
    "plan_doc.spreadsheet": ("“{file}”是电子表格，不是方案文档。指标表请用“导入指标表”导入。",
                             "“{file}” is a spreadsheet, not a plan document. Import an indicator table with "
                             "“Import indicator table” instead."),
    "plan_doc.bad_docx": ("“{file}”不是有效的 Word 文档（{detail}）。请在 Word 或 WPS 中打开并重新保存为 .docx，"
                          "或复制文字粘贴到导入窗口。",
                          "“{file}” is not a valid Word document ({detail}). Open it in Word or WPS and save it again "
                          "as .docx, or copy its text and paste it into the import window."),
    "plan_doc.binary": ("“{file}”不是文本文件（{where}含有无法识别的字符）。请选择 .docx 或 .txt 文件。",
                        "“{file}” is not a text file ({where} holds characters that are not text). Choose a .docx or "
                        ".txt file."),
    "plan_doc.bad_encoding": ("无法识别“{file}”的文字编码（{where}）。请在记事本或 WPS 中另存为 UTF-8 编码的 .txt 后再导入。",
                              "Cannot tell the text encoding of “{file}” ({where}). Save it as a UTF-8 .txt in "
                              "Notepad or WPS, then import it."),
    "plan_doc.too_long": ("“{file}”有 {count} 段以上，不像一份方案。只读取方案文档，请检查是否选错了文件。",
                          "“{file}” has more than {count} paragraphs, too many for a plan. Check that this is the "
                          "right file."),
})


@dataclass(frozen=True)
class Place:
    """Where a block is: line n of a text, paragraph n of a .docx, row r of its n-th table."""

    kind: str        # line, para, table
    number: int
    row: int = 0

    def text(self, lang: str | None = None) -> str:
        if self.kind == "table":
            return messages.render("plan_doc.at_table", {"n": self.number, "row": self.row}, lang)
        return messages.render(f"plan_doc.at_{self.kind}", {"n": self.number}, lang)


class DocumentError(InvalidInput):
    """A refusal naming the file and, where it applies, the place in it."""

    def __init__(self, message_id: str, place: Place | None = None, **args: Any) -> None:
        self.place = place
        super().__init__(message_id, **args)

    def text(self, lang: str | None = None) -> str:
        if self.message_id is None:
            return super().text(lang)
        args = dict(self.args_map)
        if self.place is not None:
            args["where"] = self.place.text(lang)
        return messages.render(self.message_id, args, lang)


@dataclass
class Block:
    text: str                       # the paragraph, whitespace at both ends taken off
    place: Place
    heading: int = 0                # Word heading level 1..9 (0: body text)
    title: bool = False             # Word's Title style
    indent: bool = False            # the line began with spaces (a new paragraph in PDF text)
    page_break: bool = False        # a form feed or a page-number line stood here (removed)
    rows: list[list[str]] = field(default_factory=list)   # a table's cells (then text is "")
    last_width: float = 0.0         # PDF text: printed width of the paragraph's last line

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


@dataclass
class Source:
    name: str                       # the file name (or 粘贴的文本) for messages
    blocks: list[Block]
    kind: str                       # text, docx


_LINES = re.compile(r"\r\n|[\n\r\v\u2028\u2029\x85]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_SPACE = " \t\u3000\u00a0\ufeff\u200b"


def text_blocks(text: str) -> list[Block]:
    """Each line of a text a block (empty lines dropped); a form feed marks a page break."""
    blocks: list[Block] = []
    pending_break = False
    for number, line in enumerate(_LINES.split(text), 1):
        if "\f" in line:
            pending_break = True
            line = line.replace("\f", "")
        stripped = line.strip(_SPACE + "\f")
        if not stripped:
            continue
        blocks.append(Block(stripped, Place("line", number), indent=line[:1] in _SPACE,
                            page_break=pending_break))
        pending_break = False
    return blocks


def from_text(text: str, name: str) -> Source:
    """Text pasted into the dialog (or read from a .txt file). A stray control character (a PDF
    reader's copy holds some) is dropped; a text full of them, or of NULs, is not text."""
    controls = _CONTROL.findall(text)
    if "\x00" in text or len(controls) > max(3, len(text) // 100):
        bad = _CONTROL.search(text)
        line = text.count("\n", 0, bad.start()) + 1 if bad else 1
        raise DocumentError("plan_doc.binary", Place("line", line), file=name)
    if controls:
        text = _CONTROL.sub("", text)
    blocks = text_blocks(text)
    if not blocks:
        raise DocumentError("plan_doc.empty", file=name)
    if len(blocks) > MAX_BLOCKS:
        raise DocumentError("plan_doc.too_long", file=name, count=MAX_BLOCKS)
    return Source(name, blocks, "text")


def decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError("plan_doc.bad_encoding", _line_of(data, exc.start), file=name) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DocumentError("plan_doc.bad_encoding", _line_of(data, exc.start), file=name) from None


def _line_of(data: bytes, offset: int) -> Place:
    return Place("line", data.count(b"\n", 0, offset) + 1)


def read_source(path: str | Path) -> Source:
    """The blocks of a .docx or .txt file, by its content (a .docx renamed .txt still reads)."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise DocumentError("plan_doc.missing", file=str(path))
    if not path.is_file():
        raise DocumentError("plan_doc.not_file", file=str(path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError("plan_doc.too_big", file=name, size=round(size / 1e6))
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError("plan_doc.unreadable", file=name, detail=exc.strerror or str(exc)) from None
    if not data.strip():
        raise DocumentError("plan_doc.empty", file=name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError("plan_doc.old_doc", file=name)
    if data.lstrip().startswith(b"%PDF"):
        raise DocumentError("plan_doc.pdf", file=name)
    if data.startswith(b"{\\rtf"):
        raise DocumentError("plan_doc.old_doc", file=name)
    if data.startswith(b"PK"):
        from .docx_source import docx_blocks

        return Source(name, docx_blocks(data, name), "docx")
    return from_text(decode(data, name), name)

