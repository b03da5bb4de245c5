"""Counted events of indicators (20)–(23): commendations, media reports, briefings, talks.

Each event is dated, has a level, title and outlet (or meeting) and counts for one
second-level indicator of its date's year — by default the one whose event_type is the
event's kind, as the built-in plan sets for (20)–(23). Reads are one query each.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from ..storage.database import Database
from .plan_edit import check_date

EVENT_KINDS = {"commendation": "通报表扬", "media": "媒体宣传", "briefing": "简报刊发", "promotion": "全省推广"}
LEVELS = ("国家级", "省级", "其他")
MEDIA_LEVELS = ("国家级", "省级")  # the standard of (21): national or provincial media
FIELDS = ("kind", "date", "level", "title", "outlet", "note", "indicator_id")
KIND_IDS = {"commendation": "event.kind.commendation", "media": "event.kind.media",
            "briefing": "event.kind.briefing", "promotion": "event.kind.promotion"}

messages.register({
    "event.kind.commendation": ("通报表扬", "commendations"),
    "event.kind.media": ("媒体宣传", "media reports"),
    "event.kind.briefing": ("简报刊发", "briefings adopted"),
    "event.kind.promotion": ("全省推广", "province-wide promotion"),
    "event.indicator_missing": ("指标 {indicator_id} 不存在（可能已被删除）。",
                                "Indicator {indicator_id} does not exist (it may have been deleted)."),
    "event.first_level": ("“{label}”是一级指标；事件须计入二级指标。",
                          "“{label}” is a first-level indicator; events count towards second-level indicators."),
    "event.other_year": ("指标“{label}”属于 {ind_year} 年度方案，而事件日期在 {year} 年；请选择 {year} 年度的指标。",
                         "Indicator “{label}” belongs to the plan of {ind_year} but the event is dated {year}; "
                         "choose an indicator of {year}."),
    "event.wrong_kind": ("指标“{label}”统计的是{counts}，不能计入{kind}。",
                         "Indicator “{label}” counts {counts}; it cannot count {kind}."),
    "event.unknown_kind": ("未知的事件类别：{kind}（应为通报表扬、媒体宣传、简报刊发或全省推广）。",
                           "Unknown kind of event: {kind} (it should be a commendation, a media report, a briefing "
                           "adopted or a province-wide promotion)."),
    "event.date_needed": ("请填写事件日期。", "Fill in the event's date."),
    "event.title_needed": ("请填写事件标题。", "Fill in the event's title."),
    "event.media_level": ("媒体宣传须为国家级或省级媒体的报道（指标 (21) 的标准），请选择级别“国家级”或“省级”。",
                          "A media report must be by national or provincial media (the standard of indicator (21)); "
                          "choose the level national or provincial."),
    "event.unknown_level": ("未知的级别：{level}（应为国家级、省级或其他）。",
                            "Unknown level: {level} (it should be national, provincial or other)."),
    "event.no_indicator": ("{year} 年度方案中没有统计“{kind}”的二级指标；请先建立 {year} 年度方案，或选择要计入的指标。",
                           "The plan of {year} has no second-level indicator counting {kind}; create the plan of "
                           "{year} first, or choose the indicator to count it towards."),
    "event.not_editable": ("不能修改的字段：{fields}", "Fields that cannot be changed: {fields}"),
    "event.missing": ("事件 {event_id} 不存在（可能已被删除）。", "Event {event_id} does not exist (it may have been deleted)."),
    "event.has_evidence": ("事件“{title}”关联了 {count} 份佐证材料，不能删除；请先移除佐证材料，再删除事件。",
                           "Event “{title}” has {count} evidence files attached and cannot be deleted; remove the "
                           "evidence first, then delete the event."),
    "field.event_date": ("事件日期", "Event date"),
})


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
        raise NotFound("event.indicator_missing", indicator_id=indicator_id)
    label = f"{row['code']} {row['name']}".strip()
    if row["level"] != 2:
        raise InvalidInput("event.first_level", label=label)
    ind_year = w.db.scalar("SELECT year FROM dimension WHERE id = ?", (row["dimension_id"],))
    if ind_year != year:
        raise InvalidInput("event.other_year", label=label, ind_year=ind_year, year=year)
    if row["event_type"] and row["event_type"] != kind:
        raise InvalidInput("event.wrong_kind", label=label, counts=KIND_IDS.get(row["event_type"], row["event_type"]),
                           kind=KIND_IDS[kind])


def _validated(w: Writer, row: dict[str, Any], pick_indicator: bool) -> dict[str, Any]:
    """The event's columns checked and cleaned; picks the indicator by kind if asked to."""
    kind = row["kind"]
    if kind not in EVENT_KINDS:
        raise InvalidInput("event.unknown_kind", kind=kind)
    day = check_date(row["date"] or "", "field.event_date")
    if not day:
        raise InvalidInput("event.date_needed")
    title = (row["title"] or "").strip()
    if not title:
        raise InvalidInput("event.title_needed")
    level = (row["level"] or "").strip()
    if kind == "media" and level not in MEDIA_LEVELS:
        raise InvalidInput("event.media_level")
    if level and level not in LEVELS:
        raise InvalidInput("event.unknown_level", level=level)
    year = int(day[:4])
    indicator_id = row["indicator_id"]
    if pick_indicator:
        indicator_id = default_indicator(w.db, kind, year)
        if indicator_id is None:
            raise InvalidInput("event.no_indicator", year=year, kind=KIND_IDS[kind])
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
        raise NotFound("event.missing", event_id=event_id)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise InvalidInput("event.not_editable", fields=", ".join(sorted(unknown)))
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
        raise NotFound("event.missing", event_id=event_id)
    links = w.db.scalar("SELECT count(*) FROM evidence_link WHERE target_kind = 'event' AND target_id = ?",
                        (event_id,))
    if links:
        raise InvalidInput("event.has_evidence", title=row["title"], count=links)
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
