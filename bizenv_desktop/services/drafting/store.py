"""Drafts as the database keeps them (report_draft, report_section), read and written.

A saved draft holds the liaison's order of sections, their headings, the text of the ones
edited (figures as {fields}), the sections dropped (position -1, so new data does not bring
them back), the title when changed and the document fields. Writes go through the caller's
Writer (undo, redo and the audit trail come from it) and touch only the rows that change.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from ...storage.changes import Writer
from ...storage.database import Database
from .kinds import ReportRequest

DROPPED = -1


@dataclass(frozen=True)
class SavedSection:
    key: str
    heading: str
    body: str          # the edited text (template); '' when not edited
    edited: bool
    part: str
    position: int      # DROPPED for a section the liaison removed

    @property
    def dropped(self) -> bool:
        return self.position == DROPPED


@dataclass
class SavedDraft:
    title: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    sections: list[SavedSection] = field(default_factory=list)
    id: int | None = None
    updated_at: str = ""

    def shown(self) -> list[SavedSection]:
        return sorted((s for s in self.sections if not s.dropped), key=lambda s: s.position)

    def dropped_keys(self) -> set[str]:
        return {s.key for s in self.sections if s.dropped}


def _key(request: ReportRequest) -> tuple[str, str, str]:
    return request.kind, request.period, request.division or ""


def _read(db: Database, row: Any) -> SavedDraft:
    sections = [SavedSection(r["key"], r["heading"], r["body"], bool(r["edited"]), r["part"], r["position"])
                for r in db.query("SELECT * FROM report_section WHERE draft_id = ? ORDER BY position, id",
                                  (row["id"],))]
    try:
        fields = json.loads(row["fields"] or "{}")
    except ValueError:
        fields = {}
    return SavedDraft(row["title"], fields if isinstance(fields, dict) else {}, sections, row["id"],
                      row["updated_at"])


def load(db: Database, request: ReportRequest) -> SavedDraft | None:
    row = db.execute("SELECT * FROM report_draft WHERE kind = ? AND period = ? AND division = ?",
                     _key(request)).fetchone()
    return None if row is None else _read(db, row)


def load_before(db: Database, request: ReportRequest) -> SavedDraft | None:
    """The latest saved draft of the same kind (and division) for an earlier period."""
    row = db.execute("SELECT * FROM report_draft WHERE kind = ? AND division = ? AND period < ?"
                     " ORDER BY period DESC LIMIT 1", (request.kind, request.division or "", request.period)
                     ).fetchone()
    return None if row is None else _read(db, row)


def latest_fields(db: Database, kind: str) -> dict[str, Any]:
    """The document fields of the draft of this kind saved last (any period): what the
    database remembers for the next one."""
    value = db.scalar("SELECT fields FROM report_draft WHERE kind = ? ORDER BY updated_at DESC, id DESC LIMIT 1",
                      (kind,))
    try:
        found = json.loads(value or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def write(w: Writer, request: ReportRequest, draft: SavedDraft) -> int:
    """Make the database hold draft for request: insert, update or delete only what differs."""
    now = datetime.now().isoformat(timespec="seconds")
    old = load(w.db, request)
    head = {"title": draft.title, "fields": json.dumps(draft.fields, ensure_ascii=False, sort_keys=True)}
    if old is None:
        kind, period, division = _key(request)
        draft_id = w.insert("report_draft", {"kind": kind, "period": period, "division": division, **head,
                                             "updated_at": now})
        before: dict[str, tuple[int, SavedSection]] = {}
    else:
        draft_id = old.id
        w.update("report_draft", draft_id, {**head, "updated_at": now})
        before = {r["key"]: (r["id"], SavedSection(r["key"], r["heading"], r["body"], bool(r["edited"]), r["part"],
                                                   r["position"]))
                  for r in w.db.query("SELECT * FROM report_section WHERE draft_id = ?", (draft_id,))}
    wanted = {s.key: s for s in draft.sections}
    for key, (row_id, _s) in before.items():
        if key not in wanted:
            w.delete("report_section", row_id)
    # positions are unique only in use: move changed rows out of the way first is not needed (no UNIQUE)
    for s in draft.sections:
        values = {"heading": s.heading, "body": s.body if s.edited else "", "edited": int(s.edited), "part": s.part,
                  "position": s.position}
        found = before.get(s.key)
        if found is None:
            w.insert("report_section", {"draft_id": draft_id, "key": s.key, **values})
        elif replace(found[1], body=found[1].body if found[1].edited else "") != replace(
                s, body=s.body if s.edited else ""):
            w.update("report_section", found[0], values)
    return draft_id


def delete(w: Writer, request: ReportRequest) -> bool:
    old = load(w.db, request)
    if old is None:
        return False
    for r in w.db.query("SELECT id FROM report_section WHERE draft_id = ?", (old.id,)):
        w.delete("report_section", r["id"])
    w.delete("report_draft", old.id)
    return True
