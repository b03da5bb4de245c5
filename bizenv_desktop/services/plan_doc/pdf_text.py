"""Text copied out of a PDF, made into paragraphs again.

A PDF's text comes out one printed line at a time: sentences broken at every line end,
page numbers (—3—, - 3 -, 第3页) and the running header of each page between them. These
are taken out and the broken lines joined. A text is read as PDF text only when many of its
lines have the same (full) length, as a typeset page's lines do; a text typed or saved from
Word has one line per paragraph and is left as it is.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .markers import label_of, marker_of
from .source import Block

_PAGE = re.compile(r"^(?:[-—－–~～_]+\s*\d{1,4}\s*[-—－–~～_]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
                   r"|\d{1,4}\s*[/／]\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$")
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_NO_LINE_START = "，。、；：？！）》」』”’,.;:?!)]%"


def width(text: str) -> float:
    """Printed width in characters: a half-width character counts as half."""
    return sum(0.5 if unicodedata.east_asian_width(ch) in ("Na", "H") else 1.0 for ch in text)


def is_page_line(text: str) -> bool:
    return bool(_PAGE.match(text.replace(" ", "")) or _PAGE.match(text))


def _full_width(blocks: list[Block]) -> float | None:
    """The length of a full printed line, if the text looks typeset (else None): many lines
    as long as the longest usual ones, few longer."""
    widths = sorted((round(width(b.text)) for b in blocks if not b.is_table and width(b.text) >= 10), reverse=True)
    if len(widths) < 6:
        return None
    top = widths[len(widths) // 10]
    near = [w for w in widths if top - 2 <= w <= top + 1]
    longer = sum(1 for w in widths if w > top + 1)
    if len(near) >= 4 and len(near) >= 0.15 * len(widths) and longer <= 0.1 * len(widths):
        return float(Counter(near).most_common(1)[0][0])
    return None


def _running_lines(blocks: list[Block], breaks: list[int]) -> set[str]:
    """Lines printed at the top (or foot) of two pages or more: the running header/footer."""
    tops: Counter[str] = Counter()
    for start in breaks:
        seen = set()
        for b in blocks[start:start + 2]:
            if b.text not in seen:
                seen.add(b.text)
                tops[b.text] += 1
    return {text for text, n in tops.items() if n >= 2 and marker_of(text) is None and label_of(text) is None}


def clean_pdf_text(blocks: list[Block]) -> tuple[list[Block], bool]:
    """Page lines and running headers out, broken lines joined; (blocks, was PDF text)."""
    out: list[Block] = []
    breaks: list[int] = []
    pending = False
    for b in blocks:
        if not b.is_table and is_page_line(b.text):
            pending = True
            continue
        if b.page_break or pending:
            breaks.append(len(out))
            b.page_break = True
            pending = False
        out.append(b)
    full = _full_width(out)
    if full is None and not breaks:
        return out, False
    if full is not None:
        out = [b for b in out if b.is_table or not _BARE_NUMBER.match(b.text)]
        breaks = [i for i, b in enumerate(out) if b.page_break]
    running = _running_lines(out, breaks)
    if running:
        first = out[0].text if out else ""
        out = [b for i, b in enumerate(out) if b.text not in running or (i == 0 and b.text == first)]
    if full is None:
        return out, bool(breaks)
    indented = sum(1 for b in out if b.indent) >= 2
    joined: list[Block] = []
    for b in out:
        if joined and _continues(joined[-1], b, full, indented):
            prev = joined[-1]
            glue = " " if prev.text[-1:].isascii() and b.text[:1].isascii() and prev.text[-1:].isalnum() else ""
            prev.text = prev.text + glue + b.text
            prev.last_width = width(b.text)
            continue
        b.last_width = width(b.text)
        joined.append(b)
    return joined, True


def _continues(prev: Block, line: Block, full: float, indented: bool) -> bool:
    """Is line the rest of prev's paragraph (prev's last printed line was full)?"""
    if prev.is_table or line.is_table:
        return False
    if line.text[0] in _NO_LINE_START:
        return True  # no line of Chinese print starts with these
    if marker_of(line.text) is not None or label_of(line.text) is not None or (indented and line.indent):
        return False
    # a paragraph goes on only where its last printed line was full
    return (prev.last_width or width(prev.text)) >= full - 2
