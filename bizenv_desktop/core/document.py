"""A report as a document: sections of text (with live figures) and tables, and its fields.

Pure data, no Qt, no reportlab: services/drafting makes Documents from the data and the
saved drafts; services/pdf and services/docx_writer render them.

- A Section's text is paragraphs, one a line. A paragraph starting with 一、 / （一） / 1. /
  （1） is a heading of that level (黑体 / 楷体 / 仿宋 / 仿宋); a short one with nothing after
  it stands alone and is kept with what follows.
- Figures in a section's text are fields: the drafted text is a template such as
  "任务共{total}项" whose values come from the period's data when the document is made, so
  a wording carried over to the next quarter shows that quarter's figures. The liaison edits
  the expanded text; `retemplate` keeps every figure the edit left untouched as a field.
- A section's heading is kept without its numeral: 一、二、… (body) and 附件1、附件2 (attachments)
  follow the order of the sections, so dropping or moving one renumbers the rest.
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass, field, fields as dc_fields, replace
from difflib import SequenceMatcher
from typing import Any

NUMERALS = "一二三四五六七八九十"
BODY, ATTACHMENT = "body", "attachment"
PARTS = (BODY, ATTACHMENT)


def numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 23 -> 二十三 (headings 一、 （一）)."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + "十" + (NUMERALS[ones - 1] if ones else "")


# -- headings inside a text ----------------------------------------------------------------

_LEVELS = (
    (1, re.compile(r"^[一二三四五六七八九十]{1,3}、")),
    (2, re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]")),
    (3, re.compile(r"^\d{1,2}[.．](?!\d)")),
    (4, re.compile(r"^[（(]\d{1,2}[）)]")),
)
HEADING_CHARS = 30   # a numbered line no longer than this (and without a 。 inside) is a heading
_NUMBERED_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|附件\s*\d*\s*[：:]?\s*)")


@dataclass(frozen=True)
class Paragraph:
    level: int      # 0 body text, 1 一、, 2 （一）, 3 1., 4 （1）
    head: str       # the heading part (up to its first 。 when text runs on after it), '' for body text
    rest: str       # the text after the heading part (all of a body paragraph)

    @property
    def text(self) -> str:
        return self.head + self.rest

    @property
    def standalone(self) -> bool:
        """A heading on a line of its own (kept with at least two lines of what follows)."""
        return self.level > 0 and not self.rest


def level_of(line: str) -> int:
    return next((level for level, pattern in _LEVELS if pattern.match(line)), 0)


def paragraphs(text: str) -> list[Paragraph]:
    """The paragraphs of a section's text (blank lines dropped), each with its heading level."""
    out = []
    for raw in (text or "").split("\n"):
        line = raw.strip()
        if not line:
            continue
        level = level_of(line)
        if level == 0:
            out.append(Paragraph(0, "", line))
            continue
        stop = line.find("。")
        if 0 <= stop < len(line) - 1:  # （一）加强基础建设。完成……: the heading is up to its 。
            out.append(Paragraph(level, line[:stop + 1], line[stop + 1:]))
        elif len(line) <= HEADING_CHARS:
            out.append(Paragraph(level, line, ""))
        else:  # a numbered paragraph of one long sentence: text, not a heading
            out.append(Paragraph(level, "", line))
    return out


def strip_numeral(heading: str) -> str:
    """'一、总体进展' -> '总体进展', '附件2：清单' -> '清单' (the numbering follows the order)."""
    return _NUMBERED_HEADING.sub("", heading or "", count=1).strip()


# -- figures as fields ----------------------------------------------------------------------

_FORMATTER = string.Formatter()
_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def escape(text: str) -> str:
    """Plain text as a template (braces doubled)."""
    return (text or "").replace("{", "{{").replace("}", "}}")


def _pieces(template: str) -> list[tuple[str, str | None]]:
    """[(literal, field or None)] of a template; a malformed one is all literal."""
    try:
        parsed = list(_FORMATTER.parse(template or ""))
    except ValueError:
        return [(template or "", None)]
    out: list[tuple[str, str | None]] = []
    for literal, name, _spec, _conv in parsed:
        if name is not None and not _FIELD.match(name):  # not one of ours: keep it as written
            out.append((literal + "{" + name + "}", None))
        else:
            out.append((literal, name))
    return out


def expand_spans(template: str, values: dict[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    """The text and where each field's value stands in it: [(start, end, name)]."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    at = 0
    for literal, name in _pieces(template):
        parts.append(literal)
        at += len(literal)
        if name is not None:
            value = str(values.get(name, ""))
            parts.append(value)
            spans.append((at, at + len(value), name))
            at += len(value)
    return "".join(parts), spans


def expand(template: str, values: dict[str, str]) -> str:
    return expand_spans(template, values)[0]


def template_fields(template: str) -> list[str]:
    return [name for _literal, name in _pieces(template) if name is not None]


def retemplate(template: str, values: dict[str, str], text: str) -> str:
    """The template of an edited text: the figures the edit left as they were stay fields,
    everything else (what the liaison typed, figures retyped) becomes literal text."""
    expanded, spans = expand_spans(template, values)
    if text == expanded:
        return template
    blocks = SequenceMatcher(None, expanded, text, autojunk=False).get_matching_blocks()
    kept: list[tuple[int, int, str]] = []  # (start, end) in the new text
    for start, end, name in spans:
        if start == end:
            continue
        for a, b, size in blocks:
            if a <= start and end <= a + size:
                kept.append((b + start - a, b + end - a, name))
                break
    out, at = [], 0
    for start, end, name in sorted(kept):
        if start < at:
            continue
        out += [escape(text[at:start]), "{" + name + "}"]
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


# -- the document -----------------------------------------------------------------------------

@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    groups: list[int] = field(default_factory=list)   # rows that span all columns (their first cell)
    center: list[int] = field(default_factory=list)   # centred columns
    widths: list[float] | None = None                 # mm; None: fitted to the text
    caption: str = ""                                 # a line above the table (in the text's style)


@dataclass
class Section:
    key: str                      # a drafted section's key ('overview', …) or 'custom-N'
    heading: str = ""             # without its numeral; '' for an unnumbered part (opening, closing)
    template: str = ""            # the text, figures as {fields}
    values: dict[str, str] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    part: str = BODY              # body, or attachment (a page of its own after the signature)
    edited: bool = False          # the text is the liaison's, not the drafted one
    carry: bool = True            # its wording goes on to the next period's draft
    custom: bool = False          # added by the liaison (no data behind it)

    @property
    def text(self) -> str:
        return expand(self.template, self.values)


@dataclass
class Fields:
    """What a document says besides its text (GB/T 9704 elements), remembered per database."""

    issuer: str = ""              # 发文机关署名
    date: str = ""                # 成文日期, ISO
    doc_no: str = ""              # 发文字号, e.g. 吉科法〔2026〕12号
    addressee: str = ""           # 主送机关 (without the colon)
    signer: str = ""              # 签发人 (a report to a superior body)
    attachments: list[str] | None = None  # 附件说明 names; None: the attachment sections' headings
    contact: str = ""             # 附注, e.g. 联系人：陈静，联系电话：0431-88880000
    cc: str = ""                  # 版记: 抄送
    printed_by: str = ""          # 版记: 印发机关
    printed_on: str = ""          # 版记: 印发日期, ISO

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dc_fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fields:
        known = {f.name for f in dc_fields(cls)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        for k, v in list(values.items()):
            if k == "attachments":
                values[k] = None if v is None else [str(x).strip() for x in v if str(x).strip()]
            else:
                values[k] = "" if v is None else str(v).strip()
        return cls(**values)

    def merged(self, other: dict[str, Any]) -> Fields:
        return replace(self, **Fields.from_dict({**self.as_dict(), **other}).as_dict())


@dataclass
class Document:
    kind: str
    title: str
    fields: Fields
    sections: list[Section] = field(default_factory=list)
    orientation: str = "portrait"
    subtitle: str = ""            # a line under the title, e.g. （规划处）
    author: str = ""              # the PDF's author (the department)
    subject: str = ""

    def body(self) -> list[Section]:
        return [s for s in self.sections if s.part == BODY]

    def attachments(self) -> list[Section]:
        return [s for s in self.sections if s.part == ATTACHMENT]

    def numbered_headings(self) -> dict[str, str]:
        """key -> the heading as printed: 一、总体进展 … for body sections with a heading,
        the attachment's title for attachments."""
        out: dict[str, str] = {}
        n = 0
        for s in self.body():
            if s.heading:
                n += 1
                out[s.key] = f"{numeral(n)}、{s.heading}"
        for s in self.attachments():
            out[s.key] = s.heading
        return out

    def attachment_names(self) -> list[str]:
        if self.fields.attachments is not None:
            return list(self.fields.attachments)
        return [s.heading for s in self.attachments() if s.heading]

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)
