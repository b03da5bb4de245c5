"""The front of a plan: its title (past a cover letter 关于印发《…》的通知), the year and the
office the title names, and the document's own rules about its unit lists.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .markers import label_of, marker_of
from .source import Block

_TITLE_END = re.compile(r"(方案|要点|细则|计划|办法|清单|任务分工|分工表|措施|意见|安排|规划|任务|指标体系|评价体系)"
                        r"\s*[(（]?(试行|修订|修订稿|征求意见稿|送审稿|\d{4}年?版?)?[)）]?$")
_COVER = re.compile(r"关于印发\s*《(.+?)》\s*的通知")
_SUBJECT = re.compile(r"\d{4}\s*[-—至~～]?\s*(\d{4})?\s*年|关于|营商环境|优化|深化|持续|进一步|考核|考评|评价|工作要点|行动|实施|"
                      r"年度|全面|加快|推进|推动")
_OFFICE_END = re.compile(r"(委员会|办公厅|办公室|厅|局|委|政府|院|署|部|中心|办|管委会)$")
_YEAR = re.compile(r"(20\d{2})\s*(?:[-—－至~～]\s*20\d{2}\s*)?年")
_YEAR_SUBTITLE = re.compile(r"^[（(]\s*(20\d{2})\s*年度?\s*[）)]$")
_NOTE_SUBTITLE = re.compile(r"^[（(]\s*(试行|修订|修订稿|征求意见稿|送审稿|讨论稿|草案)\s*[）)]$")
_FIRST_IS_LEAD = re.compile(r"(排在?第一位?|排名第一|排在首位|列第一位|首位|第一个)的?(单位|部门|处室)?为牵头")
_REST_COOPERATE = re.compile(r"(其他|其余|其它)(单位|部门|处室)?为配合")


@dataclass
class Front:
    title: str
    title_index: int          # index of the title block (-1: none)
    start: int                # first block of the plan after the title
    skipped: int              # blocks before the title left out (a cover letter, 附件1 …)
    year: int | None
    office: str
    first_is_lead: bool       # 责任单位 lists: the first unit named leads
    rest_cooperate: bool      # … and the others cooperate


def _is_title(text: str) -> bool:
    return len(text) <= 80 and not text.endswith(("。", "；", "：", ":")) and bool(_TITLE_END.search(text))


def office_of(title: str) -> str:
    """The office a title names before its subject: 某某省某某厅营商环境… -> 某某省某某厅."""
    m = _SUBJECT.search(title)
    prefix = title[:m.start()] if m else ""
    prefix = re.sub(r"^\d{4}\s*年(度)?", "", prefix).strip()
    return prefix if len(prefix) >= 3 and _OFFICE_END.search(prefix) else ""


def read_front(blocks: list[Block]) -> Front:
    first_marker = next((i for i, b in enumerate(blocks)
                         if not b.is_table and (marker_of(b.text) or b.heading or label_of(b.text))), len(blocks))
    head = list(range(min(first_marker, 40)))
    title_index = -1
    cover = next((m.group(1) for i in head if (m := _COVER.search(blocks[i].text))), None)
    for i in head:  # Word's Title style wins
        if blocks[i].title and not blocks[i].is_table:
            title_index = i
            break
    if title_index < 0 and cover:
        title_index = next((i for i in head if blocks[i].text.strip() == cover.strip()
                            or cover.endswith(blocks[i].text.strip()) and len(blocks[i].text) > 6), -1)
    if title_index < 0:
        title_index = next((i for i in head[:6] if not blocks[i].is_table and _is_title(blocks[i].text)), -1)
    if title_index < 0 and head and not blocks[0].is_table:
        text = blocks[0].text
        if len(text) <= 40 and not re.search(r"[。；：:，,]$", text):
            title_index = 0
    title = blocks[title_index].text if title_index >= 0 else ""
    start = title_index + 1
    if 0 <= title_index and start < len(blocks) and start < first_marker and not _is_title(title):
        nxt = blocks[start].text  # a title printed on two lines
        if not blocks[start].is_table and len(nxt) <= 40 and _is_title(title + nxt):
            title, start = title + nxt, start + 1
    year_found = _YEAR.search(title)
    year = int(year_found.group(1)) if year_found else None
    while 0 <= title_index and start < len(blocks) and not blocks[start].is_table:
        sub = blocks[start].text.strip()  # a subtitle: （2026年度） gives the year, （试行） joins the title
        if m := _YEAR_SUBTITLE.match(sub):
            year = year or int(m.group(1))
        elif _NOTE_SUBTITLE.match(sub):
            title += sub
        else:
            break
        start += 1
    text = "\n".join(b.text for b in blocks if not b.is_table)
    return Front(title, title_index, max(start, 0), max(title_index, 0), year, office_of(title),
                 bool(_FIRST_IS_LEAD.search(text)), bool(_REST_COOPERATE.search(text)))
