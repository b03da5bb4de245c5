"""From the tree of numbered paragraphs to the plan: which items are indicators, which are
groups above them, and which text stays plan prose.

Items that carry label lines (units, a standard, a deadline, a score) are tasks. Their most
common rank is the task level: items of that rank are second-level indicators when a sibling
of theirs is a task (so a list in prose — 一、指导思想 … （一）（二） without any units — stays
text); items below a task are its sub-tasks. Above the tasks, the nearest group is the
first-level indicator and the one above it the dimension; where the plan has fewer levels,
the 一、 section (or the title) stands in. A section with no task in it is prose, kept
paragraph for paragraph as written.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ...core import messages
from ...core.responsibility import Responsible
from .docx_source import chinese_number
from .front import Front
from .markers import RANKS, Label
from .model import Note, ParsedPlan, PlanDimension, PlanIndicator, PlanSection, PlanSubtask
from .source import Block, Place
from .tree import Node
from .units import task_units

messages.register({
    "plan_doc.prose_in_tasks": ("{where}“{text}”下没有指标或任务（没有责任单位、考评标准等），作为方案正文保留。",
                                "{where}: “{text}” holds no indicator or task (no units, standard or deadline); it "
                                "is kept as plan text."),
    "plan_doc.group_units": ("{where}“{text}”是维度，它的责任单位（{units}）没有导入：责任单位只记在指标上。",
                             "{where}: “{text}” is a dimension; its units ({units}) were not imported, as units "
                             "belong to indicators."),
    "plan_doc.dimension_text": ("{where}维度“{text}”下的说明文字没有导入（维度没有说明栏）。",
                                "{where}: the text under the dimension “{text}” was not imported (a dimension "
                                "has no text of its own)."),
    "plan_doc.person_dropped": ("{where}“{text}”的责任人（{person}）没有导入：指标没有责任人栏，可在子任务中填写。",
                                "{where}: the person ({person}) of “{text}” was not imported; indicators have no "
                                "person field, sub-tasks do."),
    "plan_doc.bad_score": ("{where}“{text}”的分值“{score}”不是数字，没有导入。",
                           "{where}: the score “{score}” of “{text}” is not a number and was not imported."),
})

_OPEN, _CLOSE = "（(《“‘〔【[<「『", "）)》”’〕】]>」』"
_SCORE = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*[。.]?$")
_END = "。．.；;！!？?"


def split_name(text: str) -> tuple[str, str]:
    """(name, the rest) of a heading: the name is the first sentence without its stop; a first
    sentence over 40 characters gives its first clause as the name and stays whole in the rest."""
    text = text.strip()
    depth, end = 0, len(text)
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _END or ch in "：:" and i <= 30 and i + 1 < len(text)):
            end = i
            break
    first, rest = text[:end].strip(), text[end + 1:].strip()
    if len(first) > 40:
        clause = re.split(r"[，,、]", first, maxsplit=1)[0]
        if 4 <= len(clause) <= 40 and clause != first:
            return clause, text
    return first, rest


def _short(text: str, n: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[:n - 1] + "…"


@dataclass
class _Task:
    node: Node
    chain: list[Node]              # the groups between its section and it


@dataclass
class Assembly:
    blocks: list[Block]
    front: Front
    source: str
    notes: list[Note] = field(default_factory=list)
    counters: Counter[str] = field(default_factory=Counter)

    # -- which nodes are tasks -----------------------------------------------------------
    def task_rank(self, root: Node) -> int | None:
        ranks = Counter(n.rank for n in root.walk() if n.rank > 0 and n.has_evidence())
        if not ranks:
            return None
        best = max(ranks.values())
        return max(r for r, n in ranks.items() if n == best)

    def tasks(self, node: Node, rank: int, chain: list[Node], out: list[_Task]) -> None:
        for child in node.children:
            peers = [s for s in node.children if s.rank == child.rank]
            if child.rank >= rank and (child.has_evidence() or any(p.has_evidence() for p in peers)):
                out.append(_Task(child, chain))
            else:
                self.tasks(child, rank, [*chain, child], out)

    # -- the plan ----------------------------------------------------------------------------
    def plan(self, root: Node) -> ParsedPlan:
        plan = ParsedPlan(self.source, self.front.title, self.front.office, self.front.year)
        sections = [c for c in root.children if c.rank == RANKS["cn"]]
        rank = self.task_rank(root)
        found: list[_Task] = []
        if rank is not None:
            self.tasks(root, rank, [], found)
        by_section: dict[int, list[_Task]] = {}
        for t in found:
            top = t.chain[0] if t.chain and t.chain[0].rank == RANKS["cn"] else (
                t.node if t.node.rank == RANKS["cn"] else None)
            by_section.setdefault(id(top) if top is not None else 0, []).append(t)
            if top is not None and t.chain and t.chain[0] is top:
                t.chain = t.chain[1:]
        containers: set[int] = set()
        dims: dict[int, PlanDimension] = {}
        firsts: dict[tuple[int, int], PlanIndicator] = {}
        title_key = -1
        for key, section in [(0, None), *((id(s), s) for s in sections)]:
            for t in by_section.get(key, []):
                dim_node, first_node = self._groups(t, section)
                containers.update(id(n) for n in (dim_node, first_node) if n is not None)
                dim = dims.get(id(dim_node) if dim_node else title_key)
                if dim is None:
                    dim = self._dimension(dim_node, plan)
                    dims[id(dim_node) if dim_node else title_key] = dim
                    plan.dimensions.append(dim)
                fkey = (id(dim_node) if dim_node else title_key, id(first_node) if first_node else title_key)
                first = firsts.get(fkey)
                if first is None:
                    first = self._first(first_node, plan)
                    firsts[fkey] = first
                    dim.indicators.append(first)
                first.children.append(self._second(t.node))
        used = {id(t.node) for t in found} | {id(c) for t in found for c in t.chain}
        self._prose(root, sections, by_section, used | containers, {id(t.node) for t in found}, plan)
        return plan

    def _groups(self, t: _Task, section: Node | None) -> tuple[Node | None, Node | None]:
        chain = t.chain
        if len(chain) >= 2:
            return chain[-2], chain[-1]
        if len(chain) == 1:
            return section, chain[0]
        return None, section

    def _dimension(self, node: Node | None, plan: ParsedPlan) -> PlanDimension:
        self.counters["dim"] += 1
        if node is None:
            return PlanDimension("", plan.title or "主要任务", None)
        name, rest = split_name(node.header.text)
        if rest or node.body:
            self.notes.append(Note.make("plan_doc.dimension_text", node.header.place, text=_short(name)))
        units = self._units(node)[0]
        if units:
            self.notes.append(Note.make("plan_doc.group_units", node.header.place, text=_short(name),
                                        units="、".join(u.name for u in units)))
        code = node.marker.number if node.marker else (chinese_number(self.counters["dim"]) if node.heading else "")
        return PlanDimension(code, _SCORE.sub("", name).strip(), node.header.place)

    def _first(self, node: Node | None, plan: ParsedPlan) -> PlanIndicator:
        self.counters["first"] += 1
        if node is None:
            return PlanIndicator(1, "", plan.title or "主要任务", Place("line", 0))
        ind = self._indicator(node, 1)
        if node.marker:
            ind.code = node.marker.number
        elif node.heading:
            ind.code = str(self.counters["first"])
        return ind

    def _second(self, node: Node) -> PlanIndicator:
        self.counters["second"] += 1
        ind = self._indicator(node, 2)
        if node.marker is None and node.heading:
            ind.code = f"({self.counters['second']})"
        for sub in node.walk()[1:]:
            ind.subtasks.append(self._subtask(sub))
        return ind

    def _labels(self, node: Node) -> list[Label]:
        return [lab for seg in (node.header, *node.body) for lab, _p, _b in seg.labels]

    def _units(self, node: Node) -> tuple[list[Responsible], str, list[str]]:
        inline = [seg.inline for seg in (node.header, *node.body) if seg.inline]
        return task_units(self._labels(node), inline, self.front.first_is_lead, self.front.rest_cooperate)

    def _indicator(self, node: Node, level: int) -> PlanIndicator:
        name, rest = split_name(node.header.text)
        score = node.score
        m = _SCORE.search(name)
        if m:
            score, name = float(m.group(1)), name[:m.start()].strip()
        name = name.rstrip(_END)
        ind = PlanIndicator(level, node.marker.code() if node.marker else "", name, node.header.place)
        parts: list[str] = [rest] if rest else []
        words: set[str] = set()
        deadlines: list[str] = []
        for seg in (node.header, *node.body):
            if seg is not node.header and seg.text:
                parts.append(seg.text)
            for lab, place, _b in seg.labels:
                if lab.kind == "criteria" and lab.value:
                    parts.append(lab.value if not words or lab.word in words else f"{lab.word}：{lab.value}")
                    words.add(lab.word)
                elif lab.kind == "deadline" and lab.value:
                    deadlines.append(lab.value)
                elif lab.kind == "score" and lab.value:
                    value = re.search(r"\d+(?:\.\d+)?", lab.value)
                    if value:
                        score = float(value.group())
                    else:
                        self.notes.append(Note.make("plan_doc.bad_score", place, text=_short(name), score=lab.value))
                elif lab.kind == "person" and lab.value:
                    self.notes.append(Note.make("plan_doc.person_dropped", place, text=_short(name),
                                                person=lab.value))
        ind.criteria = "\n".join(p for p in parts if p)
        ind.units, ind.responsibility, written = self._units(node)
        ind.score = score
        ind.deadline = "；".join(deadlines + [d for d in written if d not in deadlines])
        return ind

    def _subtask(self, node: Node) -> PlanSubtask:
        name, rest = split_name(node.header.text)
        units, _line, written = self._units(node)
        labels = self._labels(node)
        note = [rest] if rest else []
        note += [s.text for s in node.body if s.text]
        note += [f"{lab.word}：{lab.value}" for lab in labels if lab.kind == "criteria" and lab.value]
        if len(units) > 1:
            note.append("、".join(f"{u.name}（{_ROLE_WORDS[u.role]}）" for u in units[1:]))
        return PlanSubtask(name.rstrip(_END) or _short(node.header.text), node.header.place, units,
                           "；".join([lab.value for lab in labels if lab.kind == "deadline" and lab.value] + written),
                           "、".join(lab.value for lab in labels if lab.kind == "person" and lab.value),
                           "\n".join(note))

    # -- the prose -------------------------------------------------------------------------
    def _texts(self, indices: list[int]) -> list[str]:
        out = []
        for i in indices:
            b = self.blocks[i]
            out.extend(["\t".join(r) for r in b.rows if any(r)] if b.is_table else [b.text])
        return out

    def _heading(self, node: Node, number: int) -> tuple[str, list[str]]:
        """(heading, text after it) of a 一、 section whose paragraph may hold both."""
        block = self.blocks[node.header.block]
        text = block.text if node.marker else f"{chinese_number(number)}、{block.text}"
        name, rest = split_name(node.header.text)
        if rest and len(name) <= 30:
            head = text[:len(text) - len(node.header.text)] + name
            return head, [rest]
        return text, []

    def _prose_nodes(self, node: Node, used: set[int], tasks: set[int], out: list[Node]) -> list[Node]:
        """The nodes under node that are neither tasks nor groups of tasks (with their subtrees)."""
        for child in node.children:
            if id(child) not in used:
                out.append(child)
            elif id(child) not in tasks:
                self._prose_nodes(child, used, tasks, out)
        return out

    def _prose(self, root: Node, sections: list[Node], by_section: dict[int, list[_Task]], used: set[int],
               tasks: set[int], plan: ParsedPlan) -> None:
        start = self.front.start
        first_section = sections[0].header.block if sections else len(self.blocks)
        pre = [i for i in range(start, first_section)]
        if 0 in by_section:  # tasks before any 一、 section: only the plain paragraphs are preamble
            own = set(i for c in root.children if c.rank != RANKS["cn"] for i in c.blocks())
            pre = [i for i in pre if i not in own]
        plan.preamble = self._texts(pre)
        flagged = False
        if 0 in by_section:
            plan.sections.append(PlanSection("", [], True))
            flagged = True
        bounds = [s.header.block for s in sections] + [len(self.blocks)]
        for n, section in enumerate(sections):
            heading, lead = self._heading(section, n + 1)
            inside = list(range(bounds[n] + 1, bounds[n + 1]))
            if id(section) not in by_section:
                plan.sections.append(PlanSection(heading, lead + self._texts(inside)))
                continue
            keep = [s.block for s in section.body]
            for child in self._prose_nodes(section, used, tasks, []):
                keep.extend(child.blocks())
                self.notes.append(Note.make("plan_doc.prose_in_tasks", child.header.place,
                                            text=_short(child.header.text)))
            paragraphs = lead + self._texts(sorted(set(keep)))
            if id(section) in used and not paragraphs:
                if not flagged:
                    plan.sections.append(PlanSection("", [], True))
                    flagged = True
                continue
            plan.sections.append(PlanSection(heading, paragraphs, not flagged))
            flagged = True


_ROLE_WORDS = {"lead": "牵头", "responsible": "负责", "cooperate": "配合"}
