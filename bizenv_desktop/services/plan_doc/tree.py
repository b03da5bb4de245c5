"""The document as a tree of numbered paragraphs, each with the lines that follow it.

Every numbered paragraph (or Word heading) opens a node; a node of a deeper rank nests under
the last open one of a shallower rank (markers.RANKS). The paragraphs after a node's heading
are its segments: a plain paragraph starts one, and the label lines after it (考评内容及标准：,
责任处室：, 时限要求： …) belong to it; label lines right after the heading belong to the
heading's own segment. A paragraph holding a whole level (（一）……。1.……；2.……) is split into
its items first. settle() then turns plain paragraphs that carry their own units (推行一网通办。
/ 责任单位：A) into items of their own when a node has several of them.
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from ...core.inline_units import InlineUnits, take_inline_units
from .markers import BARE_RANK, RANKS, UNIT_LABELS, Label, Marker, inline_items, label_of, marker_of
from .source import Block, Place


@dataclass
class Segment:
    text: str                        # the paragraph's words (a heading: after its number)
    place: Place
    block: int                       # index of the block it came from (-1: none)
    labels: list[tuple[Label, Place, int]] = field(default_factory=list)
    inline: InlineUnits | None = None  # units written at the end of the text (taken out of it)

    def has_units(self) -> bool:
        return bool(self.inline) or any(lab.kind in UNIT_LABELS for lab, _p, _b in self.labels)

    def has_evidence(self) -> bool:
        """What only a task carries: units, a standard, a deadline, a score."""
        return bool(self.labels) or bool(self.inline)


def segment(text: str, place: Place, block: int, known: Collection[str] = ()) -> Segment:
    """A paragraph's segment, with a unit list written at its end taken out of its text."""
    found = take_inline_units(text, known) if text else None
    if found:
        return Segment(found.text, place, block, inline=found)
    return Segment(text, place, block)


@dataclass
class Node:
    rank: int                        # markers.RANKS, BARE_RANK, ROW_RANK; 0 for the root
    header: Segment
    marker: Marker | None = None
    heading: int = 0                 # Word heading level, when the node is a heading without a number
    body: list[Segment] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None
    table_group: bool = False        # a first-level cell of a task table
    score: float | None = None       # a score written in a heading or a 分值 cell

    def segment(self) -> Segment:
        return self.body[-1] if self.body else self.header

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def has_evidence(self) -> bool:
        return self.header.has_evidence() or any(s.has_evidence() for s in self.body)

    def walk(self) -> list[Node]:
        out = [self]
        for c in self.children:
            out.extend(c.walk())
        return out

    def blocks(self) -> list[int]:
        """Indices of every block of this subtree, in document order."""
        found: set[int] = set()
        for node in self.walk():
            for seg in (node.header, *node.body):
                if seg.block >= 0:
                    found.add(seg.block)
                found.update(b for _l, _p, b in seg.labels)
        return sorted(found)


def _pieces(block: Block) -> list[tuple[Marker | None, str]]:
    """The paragraph as (marker, words) pieces: one, or its items when it holds a whole level."""
    marker = marker_of(block.text)
    words = block.text[marker.length:].strip() if marker else block.text
    own_rank = marker.rank if marker else (block.heading * 10 if block.heading else 0)
    split = inline_items(words, own_rank) if own_rank else None
    if split is None and marker is not None:
        split = _sibling_items(marker, words)
        if split is not None:
            return [(marker, split[0]), *split[1]]
    if split is None:
        return [(marker, words)]
    lead, items = split
    return [(marker, lead), *items]


def _sibling_items(marker: Marker, words: str) -> tuple[str, list[tuple[Marker, str]]] | None:
    """1.……；2.……；3.…… in one paragraph that starts with 1.: the items are siblings."""
    found = inline_items(words, 0)
    if found is None:
        return None
    lead, items = found
    if not lead or items[0][0].kind != marker.kind or items[0][0].value != marker.value + 1:
        return None
    return lead, items


def build_tree(blocks: list[Block], tables: Callable[[Block, int, Node], None] | None = None,
               known: Collection[str] = ()) -> Node:
    """The tree of blocks (tables are handed to tables(block, index, parent) when given);
    known: division names, taken as units in a bracket without a label."""
    root = Node(0, Segment("", Place("line", 0), -1))
    stack = [root]
    for index, block in enumerate(blocks):
        if block.is_table:
            if tables is not None:
                tables(block, index, stack[-1])
            continue
        label = label_of(block.text)
        if label is not None:
            stack[-1].segment().labels.append((label, block.place, index))
            continue
        for marker, words in _pieces(block):
            rank = marker.rank if marker else (block.heading * 10 if block.heading else 0)
            if not rank:
                stack[-1].body.append(segment(words, block.place, index, known))
                continue
            while stack[-1].rank >= rank:
                stack.pop()
            node = stack[-1].add(Node(rank, segment(words, block.place, index, known), marker,
                                      0 if marker else block.heading))
            stack.append(node)
    settle(root)
    return root


def settle(node: Node) -> None:
    """Plain paragraphs with their own units become items (bottom-up)."""
    for child in node.children:
        settle(child)
    with_units = [s for s in node.body if s.has_units()]
    if not with_units:
        return
    if node.rank > RANKS["cn"] and not node.header.has_units() and len(with_units) == 1:
        return  # the description of the node, with the node's units after it
    keep: list[Segment] = []
    items: list[Node] = []
    current: Node | None = None
    for seg in node.body:
        if seg.has_units():
            current = Node(BARE_RANK, seg, parent=node)
            items.append(current)
        elif current is not None:
            current.body.append(seg)
        else:
            keep.append(seg)
    node.body = keep
    node.children = sorted(node.children + items, key=lambda n: n.header.block)
