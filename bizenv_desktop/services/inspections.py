"""督查 records (四（三）定期对考核评价工作进行督查): when, what it looked at (indicators and
divisions), what it found, and the follow-up items it asked for, each of which can become a
supervised item (source 厅内督查, the 督查's indicators linked to it). Evidence files link
with kind 'inspection'. No Qt.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from ..storage.database import Database
from .lookup import iso_date

SOURCE = "厅内督查"

messages.register({
    "inspection.not_found": ("督查记录 {inspection_id} 不存在（可能已被删除）。",
                             "Inspection {inspection_id} does not exist (it may have been deleted)."),
    "inspection.no_title": ("请填写督查的名称（例如“第一季度营商环境考核评价工作督查”）。",
                            "Please give the inspection a title (e.g. “Q1 assessment-work inspection”)."),
    "inspection.followup_not_found": ("督查整改事项 {followup_id} 不存在（可能已被删除）。",
                                      "Follow-up item {followup_id} does not exist (it may have been deleted)."),
    "inspection.no_content": ("请填写整改（跟进）事项的内容。", "Please describe the follow-up item."),
    "inspection.already_item": ("这一整改事项已转为督办事项 {no}，无需再转。",
                                "This follow-up item already became supervised item {no}."),
    "inspection.promoted": ("督查“{title}”有 {count} 个整改事项已转为督办事项，不能删除；请先删除那些督办事项。",
                            "{count} follow-up item(s) of inspection “{title}” became supervised items; delete those "
                            "first."),
    "inspection.has_evidence": ("督查“{title}”关联了 {count} 份佐证材料，不能删除；请先移除佐证材料。",
                                "Inspection “{title}” has {count} evidence file(s) attached and cannot be deleted; "
                                "remove the evidence first."),
    "inspection.unknown_fields": ("不能修改的字段：{fields}", "Fields that cannot be changed: {fields}"),
    "field.inspection_date": ("督查日期", "the inspection date"),
    "field.followup_deadline": ("整改时限", "the follow-up deadline"),
})


@dataclass(frozen=True)
class Followup:
    id: int
    content: str
    division_id: int | None
    division: str
    deadline: str
    item_id: int | None
    item_no: str


@dataclass(frozen=True)
class Inspection:
    id: int
    date: str
    title: str
    findings: str
    note: str
    indicator_ids: list[int] = field(default_factory=list)
    indicator_codes: list[str] = field(default_factory=list)
    division_ids: list[int] = field(default_factory=list)
    divisions: list[str] = field(default_factory=list)
    followups: list[Followup] = field(default_factory=list)
    evidence_count: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "date": self.date, "title": self.title, "findings": self.findings, "note": self.note,
                "indicators": self.indicator_codes, "divisions": self.divisions,
                "followups": [{"id": f.id, "content": f.content, "division": f.division or None,
                               "deadline": f.deadline or None, "supervision_no": f.item_no or None}
                              for f in self.followups], "evidence_count": self.evidence_count}


def _check(w: Writer, title: str, day: Any) -> tuple[str, str]:
    title = " ".join((title or "").split())
    if not title:
        raise InvalidInput("inspection.no_title")
    return title, iso_date(day, "field.inspection_date", required=True)


def _set_scope(w: Writer, inspection_id: int, indicators: Iterable[int] | None,
               divisions: Iterable[int] | None) -> None:
    for column, wanted in (("indicator_id", indicators), ("division_id", divisions)):
        if wanted is None:
            continue
        wanted = list(dict.fromkeys(wanted))
        table = "indicator" if column == "indicator_id" else "division"
        for target in wanted:
            if w.get(table, target) is None:
                raise NotFound("ranking.no_indicator" if table == "indicator" else "workplan.no_division",
                               **{column: target})
        have = {r[column]: r["id"] for r in w.db.query(
            f"SELECT id, {column} FROM inspection_scope WHERE inspection_id = ? AND {column} IS NOT NULL",
            (inspection_id,))}
        for target, row_id in have.items():
            if target not in wanted:
                w.delete("inspection_scope", row_id)
        for target in wanted:
            if target not in have:
                w.insert("inspection_scope", {"inspection_id": inspection_id, column: target})


def add_inspection(w: Writer, day: str | date, title: str, findings: str = "", note: str = "",
                   indicators: Iterable[int] = (), divisions: Iterable[int] = ()) -> int:
    title, iso = _check(w, title, day)
    new_id = int(w.insert("inspection", {"date": iso, "title": title, "findings": (findings or "").strip(),
                                         "note": (note or "").strip()}))
    _set_scope(w, new_id, indicators, divisions)
    return new_id


def update_inspection(w: Writer, inspection_id: int, **fields: Any) -> None:
    row = w.get("inspection", inspection_id)
    if row is None:
        raise NotFound("inspection.not_found", inspection_id=inspection_id)
    unknown = set(fields) - {"date", "title", "findings", "note", "indicators", "divisions"}
    if unknown:
        raise InvalidInput("inspection.unknown_fields", fields=", ".join(sorted(unknown)))
    merged = {**row, **{k: v for k, v in fields.items() if k not in ("indicators", "divisions")}}
    title, iso = _check(w, merged["title"], merged["date"])
    w.update("inspection", inspection_id, {"date": iso, "title": title, "findings": (merged["findings"] or "").strip(),
                                           "note": (merged["note"] or "").strip()})
    _set_scope(w, inspection_id, fields.get("indicators"), fields.get("divisions"))


def delete_inspection(w: Writer, inspection_id: int) -> None:
    row = w.get("inspection", inspection_id)
    if row is None:
        raise NotFound("inspection.not_found", inspection_id=inspection_id)
    promoted = w.db.scalar("SELECT count(*) FROM inspection_followup WHERE inspection_id = ? AND item_id IS NOT NULL",
                           (inspection_id,))
    if promoted:
        raise InvalidInput("inspection.promoted", title=row["title"], count=promoted)
    links = w.db.scalar("SELECT count(*) FROM evidence_link WHERE target_kind = 'inspection' AND target_id = ?",
                        (inspection_id,))
    if links:
        raise InvalidInput("inspection.has_evidence", title=row["title"], count=links)
    for table in ("inspection_followup", "inspection_scope"):
        for r in w.db.query(f"SELECT id FROM {table} WHERE inspection_id = ?", (inspection_id,)):
            w.delete(table, r["id"])
    w.delete("inspection", inspection_id)


def add_followup(w: Writer, inspection_id: int, content: str, division_id: int | None = None,
                 deadline: str = "") -> int:
    if w.get("inspection", inspection_id) is None:
        raise NotFound("inspection.not_found", inspection_id=inspection_id)
    content = (content or "").strip()
    if not content:
        raise InvalidInput("inspection.no_content")
    if division_id is not None and w.get("division", division_id) is None:
        raise NotFound("workplan.no_division", division_id=division_id)
    position = (w.db.scalar("SELECT max(position) FROM inspection_followup WHERE inspection_id = ?",
                            (inspection_id,)) or 0) + 1
    return int(w.insert("inspection_followup", {
        "inspection_id": inspection_id, "content": content, "division_id": division_id,
        "deadline": iso_date(deadline, "field.followup_deadline"), "position": position}))


def delete_followup(w: Writer, followup_id: int) -> None:
    row = w.get("inspection_followup", followup_id)
    if row is None:
        raise NotFound("inspection.followup_not_found", followup_id=followup_id)
    if row["item_id"] is not None:
        no = w.db.scalar("SELECT no FROM supervision_item WHERE id = ?", (row["item_id"],)) or ""
        raise InvalidInput("inspection.already_item", no=no)
    w.delete("inspection_followup", followup_id)


def promote_followup(w: Writer, followup_id: int, today: date | None = None) -> int:
    """Make the follow-up item a supervised item (待签收, received on the 督查's date, its division
    leading, the 督查's indicators linked); returns the new item's id."""
    from . import supervision
    from .supervision_links import set_indicators

    row = w.get("inspection_followup", followup_id)
    if row is None:
        raise NotFound("inspection.followup_not_found", followup_id=followup_id)
    if row["item_id"] is not None:
        no = w.db.scalar("SELECT no FROM supervision_item WHERE id = ?", (row["item_id"],)) or ""
        raise InvalidInput("inspection.already_item", no=no)
    inspection = w.get("inspection", row["inspection_id"]) or {}
    item_id = supervision.add_item(
        w, row["content"], source=SOURCE, received_on=inspection["date"], deadline=row["deadline"],
        lead=[row["division_id"]] if row["division_id"] else [], note=f"来自督查：{inspection['title']}",
        today=today)
    indicators = [r[0] for r in w.db.query("SELECT indicator_id FROM inspection_scope WHERE inspection_id = ?"
                                           " AND indicator_id IS NOT NULL ORDER BY id", (row["inspection_id"],))]
    if indicators:
        set_indicators(w, item_id, indicators)
    w.update("inspection_followup", followup_id, {"item_id": item_id})
    return item_id


def list_inspections(db: Database, year: int | None = None) -> list[Inspection]:
    """Inspections by date (of one year if given), with scope and follow-ups. Four queries."""
    where, params = ("WHERE date >= ? AND date < ?", [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]) if year else ("", [])
    heads = db.query("SELECT i.*, (SELECT count(*) FROM evidence_link l WHERE l.target_kind = 'inspection'"
                     f" AND l.target_id = i.id) AS evidence_count FROM inspection i {where} ORDER BY date, id", params)
    ids = [h["id"] for h in heads]
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    scope: dict[int, dict[str, list[Any]]] = {i: {"ii": [], "ic": [], "di": [], "dn": []} for i in ids}
    for r in db.query("SELECT s.inspection_id, s.indicator_id, i.code, s.division_id, d.name FROM inspection_scope s"
                      " LEFT JOIN indicator i ON i.id = s.indicator_id LEFT JOIN division d ON d.id = s.division_id"
                      f" WHERE s.inspection_id IN ({marks}) ORDER BY s.id", ids):
        entry = scope[r["inspection_id"]]
        if r["indicator_id"] is not None:
            entry["ii"].append(r["indicator_id"])
            entry["ic"].append(r["code"])
        else:
            entry["di"].append(r["division_id"])
            entry["dn"].append(r["name"])
    followups: dict[int, list[Followup]] = {i: [] for i in ids}
    for r in db.query("SELECT f.*, coalesce(d.name, '') AS division, coalesce(s.no, '') AS item_no"
                      " FROM inspection_followup f LEFT JOIN division d ON d.id = f.division_id"
                      " LEFT JOIN supervision_item s ON s.id = f.item_id"
                      f" WHERE f.inspection_id IN ({marks}) ORDER BY f.position, f.id", ids):
        followups[r["inspection_id"]].append(Followup(r["id"], r["content"], r["division_id"], r["division"],
                                                      r["deadline"], r["item_id"], r["item_no"]))
    return [Inspection(h["id"], h["date"], h["title"], h["findings"], h["note"], scope[h["id"]]["ii"],
                       scope[h["id"]]["ic"], scope[h["id"]]["di"], scope[h["id"]]["dn"], followups[h["id"]],
                       h["evidence_count"]) for h in heads]
