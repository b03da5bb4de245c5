"""Units written inline at the end of a task, read and taken out of its text.

The commonest layout of a 任务分工方案 puts the units after each task:

    ……压缩企业开办时间。（牵头单位：省市场监管厅、省公安厅，责任单位：各市（州）政府）
    ……推行"一网通办"〔牵头单位：省政数局；责任单位：省直各有关部门〕
    ……（省发改委牵头，省财政厅配合）    ……（省科技厅负责）    ……（法规处牵头负责）
    ……（牵头单位：省商务厅；责任单位：各市（州）政府，6月底完成）
    ……（省发改委、省财政厅）            units in brackets with no label

take_inline_units(text) gives the text without its unit list, the units with their roles
(core.responsibility.Responsible: lead 牵头, responsible 责任/负责/listed alone, cooperate
配合/参与/协办) and a deadline written inside the list. Brackets that are not a unit list
(（试行）, （2024年）, （以下简称“条例”）) stay in the text. Lists are split only outside
brackets: 各县（市、区）人民政府 is one unit; generic groups (各县（市、区）…, 各相关处室,
有关部门, 相关业务处室 …) are kept whole and marked is_group. parse_units(text) reads a unit
phrase on its own (a 责任单位： line, a cell of a table). Pure functions: no database, no Qt.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from .responsibility import Responsible, is_group_name

__all__ = ["InlineUnits", "is_group", "looks_like_unit", "parse_units", "split_unit_list", "take_inline_units"]

OPEN, CLOSE = "（(〔【［[｛{", "）)〕】］]｝}"
_PAIR = dict(zip(CLOSE, OPEN))

# label words before a colon; the first that matches at a place wins (longest first)
_LABELS: tuple[tuple[str, str], ...] = (
    ("牵头单位", "lead"), ("牵头部门", "lead"), ("牵头处室", "lead"), ("牵头科室", "lead"), ("牵头", "lead"),
    ("牵头股室", "lead"), ("主办单位", "lead"), ("主责单位", "lead"), ("主责部门", "lead"),
    ("责任单位", "responsible"), ("责任部门", "responsible"), ("责任处室", "responsible"),
    ("责任科室", "responsible"), ("责任股室", "responsible"), ("责任主体", "responsible"), ("承办单位", "responsible"),
    ("实施单位", "responsible"), ("落实单位", "responsible"), ("负责单位", "responsible"),
    ("责任", "responsible"),
    ("配合单位", "cooperate"), ("配合部门", "cooperate"), ("配合处室", "cooperate"), ("配合科室", "cooperate"),
    ("配合股室", "cooperate"), ("协办单位", "cooperate"),
    ("协同单位", "cooperate"), ("参与单位", "cooperate"), ("配合", "cooperate"),
    ("完成时限", "deadline"), ("完成时间", "deadline"), ("时限要求", "deadline"), ("时间节点", "deadline"),
    ("时限", "deadline"), ("时间安排", "deadline"),
)
_LABEL = re.compile("(" + "|".join(w for w, _ in _LABELS) + r")\s*[:：]\s*")
_LABEL_ROLE = dict(_LABELS)

# role words after the units: X牵头, X牵头负责, X负责, Y配合, Y按职责分工负责 …
_ROLE_WORDS = re.compile(r"(牵头负责|牵头抓总|牵头|按职责分工负责|按职责分工落实|按职责负责|分工负责|分别负责|共同负责|"
                         r"具体负责|负责|配合|协助|协办|参与)")
_ROLE_OF = {"牵头负责": "lead", "牵头抓总": "lead", "牵头": "lead", "配合": "cooperate", "协助": "cooperate",
            "协办": "cooperate", "参与": "cooperate"}

_SEPARATORS = "、，,；;／/\n"
_JOINERS = ("以及", "会同", "及")
_ETC = re.compile(r"等(?:有关|相关)?(?:部门|单位|处室|科室)?$")
_EDGE = re.compile(r"^[\s:：、，,；;。.]+|[\s:：、，,；;。.！!]+$")
_UNIT_SUFFIX = re.compile(
    r"(?:(?<![全局内外东西南北中上下])部|(?<![各此到该每])处|(?<![教卧议览待客浴温密])室|(?<![通代帮承主协督交领包举开创申快网即掌好易联并近上次成面时助理查])办|"
    r"(?<![大客餐展])厅|(?<![格布全大结开])局|(?<![原])委|府|院|(?<![为城])中心|单位|部门|公司|集团|会|署|(?<![互关串并物])联|海关|机关|"
    r"银行|支行|分行|馆|报社|出版社|合作社|电视台|电台|"
    r"小组|工作组|专班|党组|学校|党校|高校|医院|园区|政府|街道|乡镇|企业|机构|"
    # the units of county and city bureaus: 法规股, 政务服务科, 监测站, 检验所, 执法大队 — not 入股, 本科,
    # 网站, 加油站, 场所, 团队, 落实到科
    r"(?<![入控参持配炒新个始干一到])股|(?<![本专学工理文医牙内外儿妇眼骨分前百预农到])科|"
    r"(?<![网车油电基间驿小首到进出交铁一])站|(?<![场住厕处诊会居寓哨托之无有到])所|(?<![团排梯球车领带列组入归插到])队)$")
_SHORT_UNITS = frozenset(("省委", "市委", "县委", "区委", "海关", "团委", "妇联", "残联", "文联", "科协", "侨联", "法院", "税务"))
_NOT_UNITS = re.compile(r"(?:研讨|座谈|推进|调度|联席|协调|培训|发布|交流|现场|推介|招聘|展销|博览|年)会$")
_REGION_START = re.compile(r"^(?:市|县|区|州|乡|镇|街道|旗|盟)")
_DEADLINE = re.compile(r"\d{1,4}\s*年|[0-9一二三四五六七八九十]{1,2}\s*月|年底|年末|年内|上半年|下半年|季度|每年|每季|每月|每周|"
                       r"长期|持续|常态化|长效|立即|即时|工作日|日前|底前|前完成|完成$")
_EXTRA_GROUPS = re.compile(r"成员单位$|^(?:省直|中省直|市直|县直|区直|厅直|局直|驻省)(?:各)?(?:有关|相关)?|^(?:其他|其余)|"
                           # 业务股室, 内设科室, 局属单位, 基层站所: a kind of unit, not one unit
                           r"^(?:(?:厅|局|委|办|中心|机关)?(?:业务|职能|内设|基层|直属|下属|所属)|(?:厅|局|委|中心)属)"
                           r"(?:处室|科室|股室|站所|部门|单位|机构)$")
_LEADING = re.compile(r"^(?:由|请)")
_MAX_UNIT = 40  # characters: a longer piece is a sentence, not a unit


@dataclass(frozen=True)
class InlineUnits:
    text: str                                    # the task's text with its unit list taken out
    units: tuple[Responsible, ...] = ()          # in order, each with its role
    deadline: str = ""                           # a deadline written inside the unit list, as written
    removed: str = ""                            # what was taken out, brackets included

    def __bool__(self) -> bool:
        return bool(self.units)


def is_group(name: str) -> bool:
    """True for names that stand for several units: 各县（市、区）人民政府, 有关部门, 相关业务处室,
    省直各有关部门, 各成员单位 …"""
    return is_group_name(name) or bool(_EXTRA_GROUPS.search(name))


def looks_like_unit(name: str, known: Collection[str] = ()) -> bool:
    """True when name reads as one unit or a group: ends as units do (处, 厅, 局, 委, 中心, 政府 …)
    or is a group or one of the known names; never a sentence (over 40 characters, or sentence
    punctuation), never a word such as 试行, 大厅, 座谈会, 一网通办."""
    name = name.strip()
    if not name or len(name) > _MAX_UNIT or re.search(r"[。！？!?“”\"：:]", name):
        return False
    if is_group(name) or name in known or name in _SHORT_UNITS:
        return True
    bare = re.sub(r"[（(][^（）()]*[)）]", "", name)  # 各市（州）: the suffix is the word's, not the bracket's
    return len(bare) >= 3 and bool(_UNIT_SUFFIX.search(bare)) and not _NOT_UNITS.search(bare)


def _top_level(text: str) -> list[int]:
    """Bracket depth before each character (0 = outside every bracket)."""
    depth, out = 0, []
    for ch in text:
        if ch in CLOSE and depth:
            depth -= 1
        out.append(depth)
        if ch in OPEN:
            depth += 1
    return out


def split_unit_list(text: str) -> list[str]:
    """The units of a list, split at 、，；/ and 及 outside brackets only (各县（市、区）人民政府
    stays one); 等部门 after a unit dropped; 各市（州）、县（市、区）政府 kept as one group."""
    depth = _top_level(text)
    parts, start, i = [], 0, 0
    while i < len(text):
        if depth[i] == 0 and text[i] in _SEPARATORS:
            parts.append(text[start:i])
            start = i + 1
        elif depth[i] == 0 and any(text.startswith(j, i) for j in _JOINERS) and i > start:
            joiner = next(j for j in _JOINERS if text.startswith(j, i))
            parts.append(text[start:i])
            start = i + len(joiner)
            i = start
            continue
        i += 1
    parts.append(text[start:])
    out: list[str] = []
    for part in [p for whole in parts for p in _split_and(whole)]:
        part = re.sub(r"\s+", "", _EDGE.sub("", part))
        part = _LEADING.sub("", part)
        if len(part) > 2 and not part.endswith("等"):
            part = _ETC.sub("", part) or part
        elif part.endswith("等") and len(part) > 1:
            part = part[:-1]
        if not part:
            continue
        if out and out[-1].startswith("各") and _REGION_START.match(part) and not is_group(part):
            out[-1] += "、" + part  # 各市（州）、县（市、区）政府: one group of governments
        elif part not in out:
            out.append(part)
    return out


def _split_and(part: str) -> list[str]:
    """法规处和规划处 is two units, 省人力资源和社会保障厅 one: split at 和/与 (outside brackets) only
    where both sides read as units."""
    depth = _top_level(part)
    for i, ch in enumerate(part):
        if ch in "和与" and depth[i] == 0:
            left, right = _EDGE.sub("", part[:i]), part[i + 1:]
            if looks_like_unit(left) and _split_and(right) and all(looks_like_unit(_EDGE.sub("", r))
                                                                   for r in _split_and(right)):
                return [left, *_split_and(right)]
    return [part]


def _units(chunk: str, role: str, seen: dict[str, Responsible], out: list[Responsible]) -> None:
    for name in split_unit_list(chunk):
        if name in seen:
            continue
        unit = Responsible(name, role, is_group(name))
        seen[name] = unit
        out.append(unit)


def _is_deadline(text: str) -> bool:
    t = text.strip()
    return bool(t) and len(t) <= 30 and bool(_DEADLINE.search(t)) and not looks_like_unit(t)


def _split_deadline(chunk: str) -> tuple[str, str]:
    """(units, deadline) of a chunk whose last comma-separated piece may be a deadline."""
    depth = _top_level(chunk)
    cuts = [i for i, ch in enumerate(chunk) if depth[i] == 0 and ch in "，,；;"]
    for cut in cuts:
        tail = chunk[cut + 1:]
        if _is_deadline(tail) and not any(looks_like_unit(p) for p in split_unit_list(tail)):
            return chunk[:cut], _EDGE.sub("", tail)
    return chunk, ""


def _labelled(text: str) -> list[tuple[str, str]] | None:
    """[(role, chunk)] of a labelled phrase (牵头单位：…；责任单位：…), None without labels at top level."""
    depth = _top_level(text)
    found = [m for m in _LABEL.finditer(text) if depth[m.start()] == 0]
    if not found:
        return None
    pieces = []
    head = text[: found[0].start()]
    if _EDGE.sub("", head):
        pieces.append(("", head))
    for m, nxt in zip(found, found[1:] + [None]):
        pieces.append((_LABEL_ROLE[m.group(1)], text[m.end(): nxt.start() if nxt else len(text)]))
    return pieces


def _with_role_words(text: str) -> list[tuple[str, str]] | None:
    """[(role, chunk)] of X牵头，Y配合 / X负责 / X牵头负责, None when no role word is at top level."""
    depth = _top_level(text)
    marks = [m for m in _ROLE_WORDS.finditer(text) if depth[m.start()] == 0]
    if not marks:
        return None
    pieces, start = [], 0
    for m in marks:
        pieces.append((_ROLE_OF.get(m.group(1), "responsible"), text[start:m.start()]))
        start = m.end()
    if _EDGE.sub("", text[start:]):
        pieces.append(("", text[start:]))
    out: list[tuple[str, str]] = []
    for role, chunk in pieces:
        # 法规处、审批办，相关处室配合: units before a comma in one piece are listed alone (jointly responsible)
        d = _top_level(chunk)
        cut = max((i for i, ch in enumerate(chunk) if d[i] == 0 and ch in "，,；;"), default=-1)
        if role and cut >= 0 and _EDGE.sub("", chunk[:cut]):
            out.append(("", chunk[:cut]))
            chunk = chunk[cut + 1:]
        if _EDGE.sub("", chunk):
            out.append((role, chunk))
    return out


def parse_units(text: str, first_is_lead: bool = False) -> tuple[list[Responsible], str]:
    """(units with roles, deadline) of a unit phrase: labelled (牵头单位：A、B，责任单位：C),
    with role words (A牵头，B配合), or a bare list (A、B、C: jointly responsible, or the first
    the lead when first_is_lead). The deadline is one written inside the phrase ('6月底完成')."""
    text = text.strip()
    pieces = _labelled(text)
    labelled = pieces is not None
    if pieces is None:
        pieces = _with_role_words(text) or [("", text)]
    units: list[Responsible] = []
    seen: dict[str, Responsible] = {}
    deadline = ""
    if labelled:  # text before the first label may name its units with role words (X牵头；责任单位：…)
        pieces = [p for role, chunk in pieces for p in
                  ((_with_role_words(chunk) or [(role, chunk)]) if not role else [(role, chunk)])]
    has_role = any(role and role != "deadline" for role, _ in pieces)
    for role, chunk in pieces:
        if role == "deadline":
            deadline = deadline or _EDGE.sub("", chunk)
            continue
        chunk, found = _split_deadline(chunk)
        deadline = deadline or found
        before = len(units)
        _units(chunk, role or "responsible", seen, units)
        if not has_role and first_is_lead and before == 0 and units:
            units[0] = seen[units[0].name] = Responsible(units[0].name, "lead", units[0].is_group)
    return units, deadline


def _unit_phrase(inner: str, known: Collection[str] = ()) -> tuple[list[Responsible], str] | None:
    """The units and deadline of a bracket's text when it is a unit list, else None."""
    labelled = _labelled(inner) is not None
    units, deadline = parse_units(inner)
    if not units:
        return None
    if labelled:
        return units, deadline
    # no label: every name must read as a unit (（试行）, （以下简称“条例”）, （按程序负责） stay)
    if all(looks_like_unit(u.name, known) for u in units):
        return units, deadline
    return None


_TAIL = re.compile(r"[\s。．.；;，,、！!]*$")
_BODY_EDGE = re.compile(r"[\s、，,；;:：]+$")


def _last_bracket(text: str) -> tuple[int, int] | None:
    """(start, end) of the bracket group that ends text, None if text does not end with a
    complete bracket."""
    if not text or text[-1] not in CLOSE:
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in CLOSE:
            depth += 1
        elif ch in OPEN:
            depth -= 1
            if depth == 0:
                return i, len(text)
    return None


def _deadline_only(inner: str) -> str | None:
    """The deadline a bracket holds when it holds nothing else (（6月底前完成）, （时限：年底前））."""
    pieces = _labelled(inner)
    if pieces is not None:
        if all(role == "deadline" for role, _ in pieces):
            return _EDGE.sub("", pieces[0][1]) or None
        return None
    return inner.strip() if _is_deadline(inner) else None


def take_inline_units(text: str, known: Collection[str] = ()) -> InlineUnits:
    """The task text without the unit list written at its end, and the units read from it.

    Looks at the bracket groups that end the text (before a final 。), then at a top-level
    label (……。牵头单位：A；责任单位：B). A bracket holding only a deadline next to a unit list
    (（6月底前完成）) is taken with it. known: names of divisions the caller knows, accepted as
    units in a bracket with no label even when they do not end as units do. Text without a unit
    list comes back unchanged (stripped)."""
    original = text.strip()
    tail_at = _TAIL.search(original)
    start = tail_at.start() if tail_at else len(original)
    body, tail = original[:start], original[start:].strip()
    units: list[Responsible] = []
    deadline = ""
    removed: list[str] = []
    pending: tuple[str, str, str] | None = None  # a deadline bracket waiting for the unit list before it
    while (span := _last_bracket(body)) is not None:
        inner = body[span[0] + 1: span[1] - 1]
        found = _unit_phrase(inner, known)
        if found is not None:
            new_units, found_deadline = found
            names = {u.name for u in units}
            units = [u for u in new_units if u.name not in names] + units
            if pending is not None:
                deadline = deadline or pending[0]
                removed.insert(0, pending[1])
                pending = None
            deadline = found_deadline or deadline
            removed.insert(0, body[span[0]:])
            body = body[: span[0]].rstrip()
            continue
        only = _deadline_only(inner) if not units and pending is None else None
        if only is None:
            break
        pending = (only, body[span[0]:], body)
        body = body[: span[0]].rstrip()
    if pending is not None:  # no unit list before the deadline bracket: it stays
        body = pending[2]
    if not units:
        label = _trailing_label(body)
        if label is None:
            return InlineUnits(original)
        at, (units, deadline) = label
        removed = [body[at:]]
        body = body[:at]
    body = _BODY_EDGE.sub("", body)
    if tail and tail[0] in "。．.！!" and body and body[-1] not in "。．.！!？?":
        body += tail[0]
    return InlineUnits(body, tuple(units), deadline, "".join(removed))


def _trailing_label(body: str) -> tuple[int, tuple[list[Responsible], str]] | None:
    """(where it starts, what it names) of a top-level 牵头单位：/责任单位： phrase ending the text."""
    depth = _top_level(body)
    for m in _LABEL.finditer(body):
        if depth[m.start()] or _LABEL_ROLE[m.group(1)] == "deadline" or m.start() == 0:
            continue
        if body[m.start() - 1] not in "。．.；;，, \u3000\n":
            continue  # a label word inside a sentence
        units, deadline = parse_units(body[m.start():])
        return (m.start(), (units, deadline)) if units else None
    return None
