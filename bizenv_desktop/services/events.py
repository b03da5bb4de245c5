"""Counted events of indicators (20)–(23): commendations, media reports, briefings, talks.

Each event is dated, has a level, title and outlet (or meeting) and counts for one
second-level indicator of its date's year — by default the one whose event_type is the
event's kind, as the built-in plan sets for (20)–(23). Reads are one query each.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from ..storage.database import Database
from .plan_edit import check_date

EVENT_KINDS = {"commendation": "通报表扬", "media": "媒体宣传", "briefing": "简报刊发", "promotion": "全省推广"}
LEVELS = ("国家级", "省级", "其他")
MEDIA_LEVELS = ("国家级", "省级")  # the standard of (21): national or provincial media
FIELDS = ("kind", "date", "level", "title", "outlet", "note", "indicator_id")


@dataclass(frozen=True)
class Event:
    id: int
    kind: str
    date: str
    level: str
    title: str
    outlet: str
    note: str
    indicator_id: int | None
    indicator_code: str
    indicator_name: str
    evidence_count: int

    @property
    def kind_name(self) -> str:
        return EVENT_KINDS.get(self.kind, self.kind)

    @property
    def year(self) -> int:
        return int(self.date[:4])


def default_indicator(db: Database, kind: str, year: int) -> int | None:
    """The second-level indicator of the year that counts events of this kind (first in plan order)."""
    return db.scalar(
        "SELECT i.id FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
        " JOIN indicator p ON p.id = i.parent_id"
        " WHERE d.year = ? AND i.level = 2 AND i.event_type = ?"
        " ORDER BY d.position, d.id, p.position, p.id, i.position, i.id LIMIT 1", (year, kind))


def _check_indicator(w: Writer, indicator_id: int, kind: str, year: int) -> None:
    row = w.get("indicator", indicator_id)
    if row is None:
        raise NotFound(f"指标 {indicator_id} 不存在（可能已被删除）。")
    label = f"{row['code']} {row['name']}".strip()
    if row["level"] != 2:
        raise InvalidInput(f"“{label}”是一级指标；事件须计入二级指标。")
    ind_year = w.db.scalar("SELECT year FROM dimension WHERE id = ?", (row["dimension_id"],))
    if ind_year != year:
        raise InvalidInput(f"指标“{label}”属于 {ind_year} 年度方案，而事件日期在 {year} 年；"
                           f"请选择 {year} 年度的指标。")
    if row["event_type"] and row["event_type"] != kind:
        raise InvalidInput(f"指标“{label}”统计的是{EVENT_KINDS.get(row['event_type'], row['event_type'])}，"
                           f"不能计入{EVENT_KINDS[kind]}。")


def _validated(w: Writer, row: dict[str, Any], pick_indicator: bool) -> dict[str, Any]:
    """The event's columns checked and cleaned; picks the indicator by kind if asked to."""
    kind = row["kind"]
    if kind not in EVENT_KINDS:
        raise InvalidInput(f"未知的事件类别：{kind}（应为通报表扬、媒体宣传、简报刊发或全省推广）。")
    day = check_date(row["date"] or "", "事件日期")
    if not day:
        raise InvalidInput("请填写事件日期。")
    title = (row["title"] or "").strip()
    if not title:
        raise InvalidInput("请填写事件标题。")
    level = (row["level"] or "").strip()
    if kind == "media" and level not in MEDIA_LEVELS:
        raise InvalidInput("媒体宣传须为国家级或省级媒体的报道（指标 (21) 的标准），请选择级别“国家级”或“省级”。")
    if level and level not in LEVELS:
        raise InvalidInput(f"未知的级别：{level}（应为国家级、省级或其他）。")
    year = int(day[:4])
    indicator_id = row["indicator_id"]
    if pick_indicator:
        indicator_id = default_indicator(w.db, kind, year)
        if indicator_id is None:
            raise InvalidInput(f"{year} 年度方案中没有统计“{EVENT_KINDS[kind]}”的二级指标；"
                               f"请先建立 {year} 年度方案，或选择要计入的指标。")
    else:
        _check_indicator(w, indicator_id, kind, year)
    return {"kind": kind, "date": day, "level": level, "title": title,
            "outlet": (row["outlet"] or "").strip(), "note": (row["note"] or "").strip(),
            "indicator_id": indicator_id}


def add_event(w: Writer, kind: str, date: str, title: str, level: str = "", outlet: str = "",
              note: str = "", indicator_id: int | None = None) -> int:
    """Register an event; without indicator_id it counts for the year's indicator of its kind."""
    row = {"kind": kind, "date": date, "level": level, "title": title, "outlet": outlet, "note": note,
           "indicator_id": indicator_id}
    return w.insert("event", _validated(w, row, pick_indicator=indicator_id is None))


def update_event(w: Writer, event_id: int, **fields: Any) -> None:
    """Change any of kind, date, level, title, outlet, note, indicator_id.

    When the kind or date changes without an indicator being given and the current one no
    longer fits (other kind or year), the event moves to the year's indicator of its kind;
    indicator_id=None asks for that explicitly.
    """
    current = w.get("event", event_id)
    if current is None:
        raise NotFound(f"事件 {event_id} 不存在（可能已被删除）。")
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise InvalidInput(f"不能修改的字段：{', '.join(sorted(unknown))}")
    row = {**current, **fields}
    pick = "indicator_id" in fields and fields["indicator_id"] is None
    if not pick and "indicator_id" not in fields and current["indicator_id"] is not None:
        try:
            _check_indicator(w, current["indicator_id"], row["kind"], int(check_date(row["date"] or "", "")[:4]))
        except (InvalidInput, NotFound, ValueError):
            pick = True  # the old indicator no longer fits; a bad date is reported below
    pick = pick or row["indicator_id"] is None
    values = _validated(w, row, pick_indicator=pick)
    w.update("event", event_id, values)


def delete_event(w: Writer, event_id: int) -> None:
    row = w.get("event", event_id)
    if row is None:
        raise NotFound(f"事件 {event_id} 不存在（可能已被删除）。")
    links = w.db.scalar("SELECT count(*) FROM evidence_link WHERE target_kind = 'event' AND target_id = ?",
                        (event_id,))
    if links:
        raise InvalidInput(f"事件“{row['title']}”关联了 {links} 份佐证材料，不能删除；请先移除佐证材料，再删除事件。")
    w.delete("event", event_id)


def list_events(db: Database, year: int | None = None, kind: str | None = None) -> list[Event]:
    """Events by date (then entry order), of one year and/or kind if given. One query."""
    where, params = [], []
    if year is not None:
        where.append("e.date >= ? AND e.date < ?")
        params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    if kind:
        where.append("e.kind = ?")
        params.append(kind)
    rows = db.query(
        "SELECT e.*, coalesce(i.code, '') AS indicator_code, coalesce(i.name, '') AS indicator_name,"
        " (SELECT count(*) FROM evidence_link l WHERE l.target_kind = 'event' AND l.target_id = e.id)"
        "  AS evidence_count"
        " FROM event e LEFT JOIN indicator i ON i.id = e.indicator_id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY e.date, e.id", params)
    return [Event(r["id"], r["kind"], r["date"], r["level"], r["title"], r["outlet"], r["note"],
                  r["indicator_id"], r["indicator_code"], r["indicator_name"], r["evidence_count"]) for r in rows]


def event_years(db: Database) -> list[int]:
    """The years that have events, ascending."""
    return [int(r[0]) for r in db.query("SELECT DISTINCT substr(date, 1, 4) FROM event ORDER BY 1")]


def counts(db: Database, year: int) -> dict[int, int]:
    """{indicator id: number of events} for the year's second-level indicators that count
    events (event_type set, 0 when none yet) or have events. One query."""
    rows = db.query(
        "SELECT i.id, count(e.id) AS n FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
        " LEFT JOIN event e ON e.indicator_id = i.id"
        " WHERE d.year = ? AND i.level = 2"
        " GROUP BY i.id HAVING i.event_type <> '' OR count(e.id) > 0", (year,))
    return {r["id"]: r["n"] for r in rows}


def kind_counts(events: list[Event]) -> dict[str, int]:
    """{kind: number} over the given events, every kind present (for summary lines)."""
    out = dict.fromkeys(EVENT_KINDS, 0)
    for e in events:
        out[e.kind] = out.get(e.kind, 0) + 1
    return out
