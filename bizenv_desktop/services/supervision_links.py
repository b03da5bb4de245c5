"""Which indicators a supervised item concerns (usually (17) 落实交办、督办事项): links kept in
supervision_indicator, set as a whole list per item. No Qt.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from ..storage.database import Database

messages.register({
    "supervision.no_item": ("督办事项 {item_id} 不存在（可能已被删除）。",
                            "Supervised item {item_id} does not exist (it may have been deleted)."),
    "supervision.first_level": ("“{label}”是一级指标；督办事项请关联到二级指标。",
                                "“{label}” is a first-level indicator; link supervised items to second-level ones."),
})


def set_indicators(w: Writer, item_id: int, indicator_ids: Iterable[int]) -> None:
    """Make the item's linked indicators exactly indicator_ids (in that order, no repeats)."""
    if w.get("supervision_item", item_id) is None:
        raise NotFound("supervision.no_item", item_id=item_id)
    wanted = list(dict.fromkeys(int(i) for i in indicator_ids))
    for indicator_id in wanted:
        row = w.get("indicator", indicator_id)
        if row is None:
            raise NotFound("ranking.no_indicator", indicator_id=indicator_id)
        if row["level"] != 2:
            raise InvalidInput("supervision.first_level", label=f"{row['code']} {row['name']}".strip())
    have = {r["indicator_id"]: r["id"] for r in w.db.query(
        "SELECT id, indicator_id FROM supervision_indicator WHERE item_id = ?", (item_id,))}
    for indicator_id, row_id in have.items():
        if indicator_id not in wanted:
            w.delete("supervision_indicator", row_id)
    for indicator_id in wanted:
        if indicator_id not in have:
            w.insert("supervision_indicator", {"item_id": item_id, "indicator_id": indicator_id})


def clear_item(w: Writer, item_id: int) -> None:
    """For deleting an item: drop its links, and forget that a 督查 follow-up became it."""
    for r in w.db.query("SELECT id FROM supervision_indicator WHERE item_id = ?", (item_id,)):
        w.delete("supervision_indicator", r["id"])
    for r in w.db.query("SELECT id FROM inspection_followup WHERE item_id = ?", (item_id,)):
        w.update("inspection_followup", r["id"], {"item_id": None})


def indicators_of(db: Database, item_ids: Iterable[int] | None = None) -> dict[int, list[tuple[int, str]]]:
    """{item id: [(indicator id, code)]} for the given items (all items when None). One query."""
    ids = None if item_ids is None else list(item_ids)
    sql = ("SELECT s.item_id, s.indicator_id, i.code FROM supervision_indicator s"
           " JOIN indicator i ON i.id = s.indicator_id")
    if ids is not None:
        if not ids:
            return {}
        sql += f" WHERE s.item_id IN ({', '.join('?' * len(ids))})"
    out: dict[int, list[tuple[int, str]]] = {}
    for r in db.query(sql + " ORDER BY s.id", ids or ()):
        out.setdefault(r["item_id"], []).append((r["indicator_id"], r["code"]))
    return out


def items_of_indicator(db: Database, indicator_id: int) -> list[int]:
    return [r[0] for r in db.query("SELECT item_id FROM supervision_indicator WHERE indicator_id = ? ORDER BY item_id",
                                   (indicator_id,))]
