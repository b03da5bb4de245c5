"""What kind of indicator each one is (定性, 定量 with its target, 排名, 计数 of events), where the
document does not say.

An indicator whose name and standard are word for word those of a known one (the plan year
it follows, or the built-in plan's) takes that one's kind, target and event type. Otherwise
its standard is read: 网上可办率不低于90% or 70%以上… is quantitative (≥ 90 %), 排序/排名 is
a ranking, 通报表扬 / 媒体宣传报道 / 简报采用 / 会议上作经验介绍 are counted events.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ...core.model import Target
from .model import ParsedPlan, PlanIndicator


@dataclass(frozen=True)
class Reference:
    name: str
    criteria: str
    kind: str
    target: Target | None
    event_type: str


def key(name: str, criteria: str) -> tuple[str, str]:
    def norm(text: str) -> str:
        return re.sub(r"[\s。；;，,.、：:]", "", text.replace("（", "(").replace("）", ")"))
    return norm(name), norm(criteria)


def builtin_references() -> list[Reference]:
    from ..builtin_plan import builtin_plan

    out = []
    for dim in builtin_plan()["dimensions"]:
        for first in dim["indicators"]:
            for s in first["children"]:
                t = s.get("target")
                target = Target(t["op"], float(t["value"]), t.get("unit", ""), t.get("metric", "")) if t else None
                out.append(Reference(s["name"], s["criteria"], s["kind"], target, s.get("event_type", "")))
    return out


_PERCENT = r"(?P<value>\d+(?:\.\d+)?)\s*[%％]"
_AT_LEAST = re.compile(rf"(?P<metric>[^，,。；;：:]*?)(?:不低于|不少于|达到|高于|超过)\s*{_PERCENT}(?:以上)?")
_AT_MOST = re.compile(rf"(?P<metric>[^，,。；;：:]*?)(?:不高于|不超过|低于|控制在)\s*{_PERCENT}(?:以内|以下)?")
_ABOVE = re.compile(rf"{_PERCENT}\s*以上(?P<metric>[^，,。；;：:]*)")
_CHANGED = re.compile(rf"(?P<metric>[^，,。；;：:]*?)(?P<verb>减少|压减|压缩|降低|提高|提升|增长)\s*{_PERCENT}\s*以上")
# counted events are what happens to the department (被…表扬, 被…报道, 被…采用), not what it does
_EVENTS = (("commendation", re.compile(r"被.{0,20}(通报表扬|通报表彰|表扬|表彰)")),
           ("media", re.compile(r"被.{0,20}媒体.{0,8}(宣传|报道|刊发|播发)")),
           ("briefing", re.compile(r"被.{0,16}(采用|采纳|刊发)")),
           ("promotion", re.compile(r"会议上?作.{0,4}经验介绍|作经验介绍|作典型发言|经验交流发言")))


def infer(name: str, criteria: str) -> tuple[str, Target | None, str]:
    """(kind, target, event type) read from an indicator's name and standard."""
    text = criteria or name
    for pattern, op in ((_AT_LEAST, ">="), (_AT_MOST, "<="), (_CHANGED, ">=")):
        m = pattern.search(text)
        if m:
            metric = re.sub(r"^(其中|并且|并|且|实现|确保|力争)", "", m.group("metric").strip())
            if "verb" in m.groupdict():
                metric += m.group("verb") + "比例"
            return "quantitative", Target(op, float(m.group("value")), "%", metric), ""
    m = _ABOVE.search(text)
    if m:
        return "quantitative", Target(">=", float(m.group("value")), "%", m.group("metric").strip() + "比例"), ""
    if re.search(r"排序|排名|名次", text):
        return "ranking", None, ""
    for event, pattern in _EVENTS:
        if pattern.search(name + "\n" + criteria):
            return "counted", None, event
    return "qualitative", None, ""


def annotate(plan: ParsedPlan, references: Iterable[Reference] = ()) -> None:
    """Set kind, target and event type of every second-level indicator of plan."""
    known: dict[tuple[str, str], Reference] = {}
    for ref in [*references, *builtin_references()]:
        known.setdefault(key(ref.name, ref.criteria), ref)
    for ind in plan.second_level():
        _annotate(ind, known)


def _annotate(ind: PlanIndicator, known: dict[tuple[str, str], Reference]) -> None:
    ref = known.get(key(ind.name, ind.criteria))
    if ref is not None:
        ind.kind, ind.target, ind.event_type, ind.annotated_from = ref.kind, ref.target, ref.event_type, "reference"
        return
    ind.kind, ind.target, ind.event_type = infer(ind.name, ind.criteria)
    ind.annotated_from = "text"
