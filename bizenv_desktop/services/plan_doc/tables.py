"""Tables inside a plan document: a table per indicator (考评内容及标准 | …), and task or scoring
tables (序号 | 考核项目 | 分值 | 考核内容 | 评分标准 | 责任单位 …).

A two-column table whose first column holds label words is read as those label lines. A table
with a header row becomes items: a first-level column (考核项目, 一级指标 …) groups the rows
(a merged cell repeats its text, an empty one means "as above"); the item column (二级指标,
任务 …, else 考核内容) names each row; the other columns are its standard, score, units and
deadline. 合计/小计/总计 rows are left out. Any other table is kept as text, a line per row.
"""
from __future__ import annotations

import re

from .markers import ROW_RANK, Label, Marker, label_word_kind, marker_of
from .source import Block, Place
from .tree import Node, Segment, segment

# header words -> column role, first match wins (a header may hold several words)
_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("seq", re.compile(r"^(序号|编号|序|No\.?)$", re.I)),
    ("dimension", re.compile(r"维度")),
    ("level1", re.compile(r"一级指标|考核项目|评价项目|考评项目|^项目$|类别|领域|方面|板块")),
    ("level3", re.compile(r"三级指标|子任务|分解任务|具体工作")),
    ("level2", re.compile(r"二级指标|指标名称|考核指标|评价指标|^指标$|工作任务|重点任务|主要任务|具体任务|任务名称|^任务$|工作事项"
                          r"|考核事项|^事项$")),
    ("criteria", re.compile(r"考评内容|考核内容|评分标准|考核标准|评价标准|评分细则|评分办法|指标说明|工作内容|主要内容|具体措施"
                            r"|工作措施|工作要求|目标要求|^标准$|^内容$|工作目标")),
    ("score", re.compile(r"分值|分数|权重|标准分")),
    ("responsibility", re.compile(r"责任处室|责任科室|责任股室")),
    ("lead", re.compile(r"牵头")),
    ("cooperate", re.compile(r"配合|协办|参与")),
    ("responsible", re.compile(r"责任单位|责任部门|承办单位|实施单位")),
    ("person", re.compile(r"责任人|联系人")),
    ("deadline", re.compile(r"时限|完成时间|时间节点|进度安排")),
    ("note", re.compile(r"备注|说明")),
)
_TOTAL = re.compile(r"^(合计|小计|总计|总分|共计)")
_SCORE = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]\s*$")


def column_role(header: str) -> str | None:
    text = re.sub(r"\s+", "", header)
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    return None


def _header(rows: list[list[str]]) -> tuple[int, list[str | None]] | None:
    for r, row in enumerate(rows[:3]):
        roles = [column_role(c) if c else None for c in row]
        named = [x for x in roles if x is not None]
        if len(set(named)) >= 2 and any(x in ("level1", "level2", "level3", "criteria") for x in named):
            return r, roles
    return None


def read_table(block: Block, index: int, parent: Node) -> None:
    rows = block.rows
    place = block.place
    if _label_header(rows):  # | 考评内容及标准 | 责任处室 | over one row: the heading's label lines
        seg = parent.segment()
        for r, row in enumerate(rows[1:], 2):
            for c, cell in enumerate(row):
                kind = label_word_kind(rows[0][c]) if c < len(rows[0]) else None
                if kind and cell.strip():
                    seg.labels.append((Label(kind, rows[0][c].strip(" ：:"), cell.strip()),
                                       Place("table", place.number, r), index))
        return
    if _key_value(rows):
        for r, row in enumerate(rows):
            kind = label_word_kind(row[0])
            value = _join(row[1:])
            seg = parent.segment()
            where = Place("table", place.number, r + 1)
            if kind is None:
                parent.body.append(Segment(_join(row), where, index))
            elif value:
                seg.labels.append((Label(kind, row[0].strip(" ：:"), value), where, index))
        return
    header = _header(rows)
    if header is None:
        for r, row in enumerate(rows):
            if any(row):
                parent.body.append(Segment("\t".join(row), Place("table", place.number, r + 1), index))
        return
    start, roles = header
    _task_rows(rows[start + 1:], start + 1, roles, place.number, index, parent, rows[start])


def _join(cells: list[str]) -> str:
    out: list[str] = []
    for c in cells:
        if c and c not in out:
            out.append(c)
    return "\n".join(out)


def _label_header(rows: list[list[str]]) -> bool:
    head = [c for c in rows[0] if c.strip()] if rows else []
    return (2 <= len(rows) <= 3 and len(head) >= 2 and all(label_word_kind(c) for c in head)
            and not any(label_word_kind(r[0]) for r in rows[1:] if r))


def _key_value(rows: list[list[str]]) -> bool:
    if not rows or any(len(r) < 2 for r in rows):
        return False
    labelled = sum(1 for r in rows if label_word_kind(r[0]) is not None)
    return labelled >= max(1, round(0.6 * len(rows)))


def _cell_node(text: str, rank: int, where: Place, index: int) -> Node:
    marker = marker_of(text)
    words = text[marker.length:].strip() if marker else text.strip()
    node = Node(rank, segment(words, where, index), marker)
    m = _SCORE.search(words)
    if m:
        node.score = float(m.group(1))
        node.header.text = words[:m.start()].strip()
    return node


def _task_rows(rows: list[list[str]], offset: int, roles: list[str | None], table_no: int, index: int,
               parent: Node, header_row: list[str]) -> None:
    present = set(r for r in roles if r)
    if "level2" not in present and "level3" not in present:
        level1 = [row[roles.index("level1")] for row in rows if "level1" in present and len(row) > roles.index("level1")]
        repeated = len(set(x for x in level1 if x)) < len([x for x in level1 if x])
        if "level1" in present and not repeated:
            roles = ["level2" if r == "level1" else r for r in roles]
        elif "criteria" in present:
            roles = list(roles)
            roles[roles.index("criteria")] = "level2"  # 考核内容 names the row; 评分标准 is its standard
        present = set(r for r in roles if r)
    item_role = "level3" if "level3" in present else "level2"
    groups = [r for r in ("dimension", "level1", "level2") if r in present and r != item_role]
    open_groups: dict[str, tuple[str, Node]] = {}
    last_item: Node | None = None
    for r, row in enumerate(rows):
        where = Place("table", table_no, offset + r + 1)
        cells = {role: (row[c].strip() if c < len(row) else "") for c, role in enumerate(roles) if role}
        first = next((c for c in row if c.strip()), "")
        if not first or _TOTAL.match(first.replace(" ", "")) or row == header_row:
            continue
        container = parent
        for depth, role in enumerate(groups):
            text = cells.get(role, "")
            held = open_groups.get(role)
            if text and (held is None or held[0] != text):
                node = container.add(_cell_node(text, ROW_RANK - len(groups) + depth, where, index))
                node.table_group = True
                open_groups[role] = (text, node)
                for deeper in groups[depth + 1:]:
                    open_groups.pop(deeper, None)
            held = open_groups.get(role)
            if held is not None:
                container = held[1]
        text = cells.get(item_role, "")
        if not text:
            if last_item is not None:  # a row continuing the one above (its cells split by a page)
                _labels(last_item, roles, header_row, row, where, index)
            continue
        item = container.add(_cell_node(text, ROW_RANK, where, index))
        if item.marker is None:
            item.marker = number_marker(cells.get("seq", ""))
        _labels(item, roles, header_row, row, where, index)
        last_item = item


def number_marker(text: str) -> Marker | None:
    """The marker of a 序号 cell: 1, 1., （1）, 一、 …"""
    text = text.strip()
    if text.isdigit() and 0 < int(text) < 1000:
        return Marker("num", text, int(text), 0)
    found = marker_of(text + "x")
    return Marker(found.kind, found.number, found.value, 0) if found else None


def _labels(item: Node, roles: list[str | None], header_row: list[str], row: list[str],
            where: Place, index: int) -> None:
    seg = item.header
    for c, role in enumerate(roles):
        if role in (None, "seq", "dimension", "level1", "level2", "level3") or c >= len(row) or not row[c].strip():
            continue
        word = header_row[c].strip() if c < len(header_row) else ""
        kind = {"note": "criteria"}.get(role or "", role or "")
        seg.labels.append((Label(kind, re.sub(r"\s+", "", word), row[c].strip()), where, index))
