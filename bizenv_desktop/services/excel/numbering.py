"""Numbering styles of task and indicator labels, outermost first, and what a table's rows say
about its levels.

    一、 / 第一      'cn'       the outermost parts of a 方案 (sections)
    （一）           'pcn'
    1. / 1、 / 1     'num'
    1.1              'dot'
    （1） / (1)      'pnum'
    ①               'circ'
    A / A1 / A1.1    'letter' / 'letnum' / 'letdot' (scoring tables coded by letters)

A label numbered in a style further in than the task above it in the same column is a sub-task
of it (1. 推进… then （1）…, （2）…); a row holding one text in a style further out than the
tasks is a heading (a group), one in the tasks' own style is a task whose other cells are empty.
Also: rows that only total the scores (合计, 小计, 总计).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .labels import NUMERALS

RANK = {"cn": 0, "pcn": 1, "num": 2, "dot": 3, "pnum": 4, "circ": 5, "letter": 0, "letnum": 2, "letdot": 3}
_STYLES = (
    ("pcn", re.compile(rf"^[（(]\s*[{NUMERALS}]+\s*[)）]")),
    ("pnum", re.compile(r"^[（(]\s*[0-9]+\s*[)）]")),
    ("cn", re.compile(rf"^第?[{NUMERALS}]+\s*[、.,，:：]")),
    ("dot", re.compile(r"^[0-9]+\s*[.]\s*[0-9]+")),
    ("num", re.compile(r"^[0-9]+\s*(?:[、.,，:：]|\s|$)")),
    ("circ", re.compile(r"^[①-⑳]")),
    ("letdot", re.compile(r"^[A-Z][0-9]+[.][0-9]+")),
    ("letnum", re.compile(r"^[A-Z][0-9]+")),
    ("letter", re.compile(r"^[A-Z]\s*(?:[、.:：]|$)")),
)
_TOTALS = frozenset(("合计", "小计", "总计", "总分", "合计分值", "分值合计", "总分值", "共计", "累计"))


def style_of(label: str) -> str:
    """The numbering style a label starts with, '' when it has none."""
    t = unicodedata.normalize("NFKC", label or "").lstrip()
    if t[:1] and "①" <= t[0] <= "⑳":
        return "circ"
    for name, pattern in _STYLES:
        if pattern.match(t):
            return name
    return ""


def inner(style: str, than: str) -> bool:
    """True when style numbers a level further in than the style than (same family)."""
    if not style or not than or style == than:
        return False
    letters = style.startswith("let"), than.startswith("let")
    if letters[0] != letters[1] and not (style in ("pnum", "circ") and letters[1]):
        return False
    return RANK[style] > RANK[than]


def outer(style: str, than: str) -> bool:
    return bool(style and than and style != than and inner(than, style))


def is_total(text: str) -> bool:
    """True for a cell that totals the scores: 合计, 小 计, 总计（100分）."""
    t = re.sub(r"[\s:：]|[（(].*?[)）]", "", unicodedata.normalize("NFKC", text or ""))
    return t in _TOTALS


def main_style(labels: list[str]) -> str:
    """The commonest numbering style of the labels (the tasks'), '' when none is numbered."""
    counts = Counter(s for s in map(style_of, labels) if s)
    return counts.most_common(1)[0][0] if counts else ""


def seq_style(seq: str) -> str:
    """The style of a bare 序号 cell: '1' numbers as 1、, '一' as 一、, '(1)' as itself."""
    t = (seq or "").strip()
    if not t:
        return ""
    return style_of(t if re.search(r"[、.,，:：)）]$", t) or t[:1] in "(（①②③④⑤⑥⑦⑧⑨⑩" else t + "、")


def year_of(text: str) -> int | None:
    """The year a title or note names (2022年…), None when none."""
    found = re.search(r"(?<!\d)(20\d\d)\s*年", text or "")
    return int(found.group(1)) if found else None
