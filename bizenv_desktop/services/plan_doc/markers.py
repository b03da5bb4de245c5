"""The numbering and labels of a plan's paragraphs: 一、 （一） 1. （1） 1) ①, 考评内容及标准：…

Chinese official documents number their levels in a fixed order (GB/T 9704: 一、 > （一） >
1. > （1）), and plans add （1）'s children as 1) or ①. Each kind has a rank: a paragraph
numbered with a deeper kind nests under the last one of a shallower kind. Word heading levels
without a number take the rank of the level they stand for (标题 1 = 一、 …). Full- and
half-width brackets, digits and stops are read alike: PDFs and WPS mix them freely.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

RANKS = {"cn": 10, "pcn": 20, "num": 30, "pnum": 40, "nump": 45, "circ": 50}
BARE_RANK = 90           # a task paragraph with no number (units after it)
ROW_RANK = 95            # a row of a task table

_CN_DIGITS = "零〇一二三四五六七八九十百"
_WIDTH = str.maketrans("０１２３４５６７８９（）．：，；", "0123456789().:,;")
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pcn", re.compile(rf"^[（(]\s*([{_CN_DIGITS}]{{1,4}})\s*[）)]\s*")),
    ("cn", re.compile(rf"^([{_CN_DIGITS}]{{1,4}})\s*[、，,.．]\s*(?=\S)")),
    ("pnum", re.compile(r"^[（(]\s*(\d{1,3})\s*[）)]\s*")),
    ("nump", re.compile(r"^(\d{1,3})\s*[）)]\s*")),
    ("num", re.compile(r"^(\d{1,3})\s*(?:[、．]|\.(?!\d))\s*")),
    ("circ", re.compile(r"^([\u2460-\u2473\u3251-\u325f])\s*")),
)


@dataclass(frozen=True)
class Marker:
    kind: str          # cn, pcn, num, pnum, nump, circ
    number: str        # as written: 一, 12, ①
    value: int         # its value: 1 for 一, 12, 1 for ①
    length: int        # characters the marker takes at the start of the text

    @property
    def rank(self) -> int:
        return RANKS[self.kind]

    def code(self) -> str:
        """The code the plan keeps: 一, 1, (1), 1), ①."""
        if self.kind in ("pcn", "pnum"):
            return f"({self.number})"
        if self.kind == "nump":
            return f"{self.number})"
        return self.number


def chinese_value(text: str) -> int:
    """一 -> 1, 十二 -> 12, 二十三 -> 23, 一百 -> 100; 0 when it is not a numeral."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    total, current = 0, 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return 0
    return total + current


def marker_of(text: str) -> Marker | None:
    """The number at the start of a paragraph, if it has one."""
    probe = text.translate(_WIDTH)
    for kind, pattern in _MARKERS:
        m = pattern.match(probe)
        if m is None:
            continue
        number = m.group(1)
        if kind in ("cn", "pcn"):
            value = chinese_value(number)
            if not value:
                continue
            if kind == "cn" and probe[m.end(1):m.end(1) + 1] in ",，" and len(number) == 1:
                continue  # 一，二… is a list inside a sentence, not a heading
        elif kind == "circ":
            ch = number
            value = ord(ch) - 0x2460 + 1 if ord(ch) <= 0x2473 else ord(ch) - 0x3251 + 21
        else:
            value = int(number)
            if value == 0:
                continue
        if m.end() >= len(probe):
            continue  # a number alone is a page number or a table cell, not a heading
        return Marker(kind, number, value, m.end())
    return None


# -- labels: 考评内容及标准： 责任处室： 时限要求： 分值： --------------------------------------------

LABELS: dict[str, tuple[str, ...]] = {
    "criteria": ("考评内容及标准", "考核内容及标准", "考评内容", "考评标准", "考核内容", "考核标准", "评分标准", "评价标准",
                 "评分细则", "评分办法", "评分方法", "考核方式", "考核方法", "工作内容", "主要内容", "具体内容", "任务内容",
                 "工作要求", "目标要求", "具体措施", "工作措施", "工作目标", "指标说明", "考核要点", "评价要点"),
    "responsibility": ("责任处室", "责任科室", "责任股室"),
    "responsible": ("责任单位", "责任部门", "承办单位", "实施单位", "落实单位", "负责单位", "责任主体"),
    "lead": ("牵头单位", "牵头处室", "牵头部门", "牵头科室", "牵头股室", "主办单位", "主责单位", "主责部门"),
    "cooperate": ("配合单位", "配合处室", "配合部门", "配合科室", "配合股室", "协办单位", "协同单位", "参与单位"),
    "deadline": ("完成时限", "时限要求", "完成时间", "时间要求", "时间节点", "进度安排", "时间安排", "时限"),
    "score": ("分值", "分数", "权重", "标准分"),
    "person": ("责任人", "联系人"),
}
UNIT_LABELS = ("responsibility", "responsible", "lead", "cooperate")
_WORDS = sorted(((w, k) for k, ws in LABELS.items() for w in ws), key=lambda p: -len(p[0]))
_LABEL_KIND = dict(_WORDS)
_ALT = "|".join(w for w, _k in _WORDS)
_LABEL_LINE = re.compile(rf"^\s*(?:[【\[]\s*({_ALT})\s*[】\]]\s*[：:]?|({_ALT})\s*[：:])\s*(.*)$", re.S)


@dataclass(frozen=True)
class Label:
    kind: str          # a key of LABELS
    word: str          # the label as written: 考评内容及标准
    value: str         # what follows the colon


def label_of(text: str) -> Label | None:
    m = _LABEL_LINE.match(text)
    if m is None:
        return None
    word = m.group(1) or m.group(2)
    return Label(_LABEL_KIND[word], word, m.group(3).strip())


def label_word_kind(cell: str) -> str | None:
    """The label kind of a table cell holding only a label word (考评内容及标准, 责任处室：)."""
    word = re.sub(r"[\s：:【】\[\]]", "", cell)
    return _LABEL_KIND.get(word)


# -- a whole level in one paragraph: （一）……。1.……；2.……；3.…… -------------------------------------

_INLINE = {
    "num": re.compile(r"(?:(?<=^)|(?<=[。；;：:！？!?\s]))(\d{1,2})\s*[.．、](?!\d)"),
    "pnum": re.compile(r"(?:(?<=^)|(?<=[。；;：:！？!?\s，,]))[（(](\d{1,2})[)）]"),
    "circ": re.compile(r"([\u2460-\u2473])"),
}


def inline_items(text: str, after_rank: int) -> tuple[str, list[tuple[Marker, str]]] | None:
    """Split a paragraph holding a whole level: the lead-in text and the numbered items, when
    it holds two or more items numbered 1, 2, 3 … (or continuing, n, n+1 …) of one kind deeper
    than the paragraph's own; None otherwise. Items in a sentence of prose (一是…二是…) are
    not split: only numbers after a stop, a colon or a space count."""
    for kind in ("num", "pnum", "circ"):
        if RANKS[kind] <= after_rank:
            continue
        matches = list(_INLINE[kind].finditer(text))
        if len(matches) < 2:
            continue
        values = [ord(m.group(1)) - 0x2460 + 1 if kind == "circ" else int(m.group(1)) for m in matches]
        # the longest run of consecutive numbers, from the first match
        run = [0]
        for i in range(1, len(values)):
            if values[i] == values[run[-1]] + 1:
                run.append(i)
        if len(run) < 2:
            continue
        chosen = [matches[i] for i in run]
        lead = text[:chosen[0].start()].strip()
        items: list[tuple[Marker, str]] = []
        for n, m in enumerate(chosen):
            end = chosen[n + 1].start() if n + 1 < len(chosen) else len(text)
            body = text[m.end():end].strip()
            if not body:
                return None
            number = m.group(1)
            items.append((Marker(kind, number, values[run[n]], 0), body))
        return lead, items
    return None
