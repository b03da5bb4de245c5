"""The evidence of a year's package beyond dispatch rows, self-evaluations and events: what each
file supports and the sub-folder that says so (issue 16).

Each source yields (indicator id or None, the evidence+link row, what it supports, sub-folder,
top folder or None). The top folder is the indicator's when the record is tied to one; records
tied to no indicator go to a folder named for their kind (督办事项, 公开发布, 各处室工作方案,
督查). Sub-folders name the record: 督办事项 DB-2026-003, 公开发布 2026-01-15 标题, 排名 …
No Qt.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..storage.database import Database

Support = tuple[int | None, Any, str, str, str | None]
COLS = "e.id AS evidence_id, e.sha256, e.original_name, e.size, e.added_at, e.added_by, l.name AS link_name"
FOLDERS = {"supervision_item": "督办事项（未关联指标）", "publication": "公开发布（未关联指标）",
           "work_plan": "各处室工作方案", "inspection": "督查"}


def _short(text: str, n: int = 24) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[:n] + "…"


def extra_supports(db: Database, year: int) -> Iterator[Support]:
    like = f"{year}-%"
    for r in db.query(f"SELECT {COLS}, x.id AS x_id FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id"
                      " JOIN indicator x ON l.target_kind = 'indicator' AND x.id = l.target_id"
                      " JOIN dimension d ON d.id = x.dimension_id WHERE d.year = ? ORDER BY l.id", (year,)):
        yield r["x_id"], r, "指标佐证", "", None
    for r in db.query(f"SELECT {COLS}, k.indicator_id, k.benchmark, k.rank, k.field_size FROM evidence_link l"
                      " JOIN evidence e ON e.id = l.evidence_id JOIN ranking k ON l.target_kind = 'ranking'"
                      " AND k.id = l.target_id JOIN indicator x ON x.id = k.indicator_id"
                      " JOIN dimension d ON d.id = x.dimension_id WHERE d.year = ? ORDER BY l.id", (year,)):
        what = f"排名：{r['benchmark']} 第 {r['rank']} 名 / 共 {r['field_size']}"
        yield r["indicator_id"], r, what, "排名", None
    # a supervised item belongs to the year it was received in (else the year of its deadline)
    items = db.query(
        f"SELECT {COLS}, s.id AS item_id, s.no, s.content, (SELECT min(si.indicator_id) FROM supervision_indicator si"
        " JOIN indicator x ON x.id = si.indicator_id JOIN dimension d ON d.id = x.dimension_id"
        " WHERE si.item_id = s.id AND d.year = ?) AS indicator_id FROM evidence_link l"
        " JOIN evidence e ON e.id = l.evidence_id JOIN supervision_item s ON l.target_kind = 'supervision_item'"
        " AND s.id = l.target_id WHERE (s.received_on LIKE ? OR (s.received_on = '' AND s.deadline LIKE ?))"
        " ORDER BY s.received_on, s.no, l.id", (year, like, like))
    for r in items:
        sub = f"督办事项 {r['no'] or r['item_id']}"
        yield r["indicator_id"], r, f"督办事项 {r['no']}：{_short(r['content'])}", sub, \
            None if r["indicator_id"] else FOLDERS["supervision_item"]
    for r in db.query(f"SELECT {COLS}, p.indicator_id, p.published_on, p.title, p.kind FROM evidence_link l"
                      " JOIN evidence e ON e.id = l.evidence_id JOIN publication p ON l.target_kind = 'publication'"
                      " AND p.id = l.target_id WHERE p.year = ? ORDER BY p.published_on, l.id", (year,)):
        sub = f"公开发布 {r['published_on']} {_short(r['title'], 20)}"
        yield r["indicator_id"], r, f"公开发布：{r['published_on']} {r['title']}", sub, \
            None if r["indicator_id"] else FOLDERS["publication"]
    for r in db.query(f"SELECT {COLS}, dv.name FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id"
                      " JOIN work_plan w ON l.target_kind = 'work_plan' AND w.id = l.target_id"
                      " JOIN division dv ON dv.id = w.division_id WHERE w.year = ? ORDER BY dv.position, l.id",
                      (year,)):
        yield None, r, f"{r['name']} {year} 年度工作方案", r["name"], FOLDERS["work_plan"]
    for r in db.query(f"SELECT {COLS}, i.date, i.title FROM evidence_link l JOIN evidence e ON e.id = l.evidence_id"
                      " JOIN inspection i ON l.target_kind = 'inspection' AND i.id = l.target_id"
                      " WHERE i.date LIKE ? ORDER BY i.date, l.id", (like,)):
        yield None, r, f"督查：{r['date']} {r['title']}", f"{r['date']} {_short(r['title'], 20)}", \
            FOLDERS["inspection"]
