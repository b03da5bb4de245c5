"""Report drafts: every report is drafted from the data as sections, which the liaison may edit;
the edited draft is kept in the database per report kind and period.

The API the report dialog and the command line use (no Qt; reads take a Database, writes the
Writer of one `Workspace.apply(label, fn)` — so every change is undoable and audited):

Reading
- ``document(db, request) -> Document`` — what will be printed: the saved draft of that kind and
  period merged with today's data (sections not edited follow the data, edited ones keep the
  liaison's wording with live figures), or, with none saved, a fresh draft: from the data, and
  with the wording the liaison gave the previous period's draft (carried sections, custom
  sections, order, headings, document fields other than date and 文号).
- ``has_draft(db, request) -> bool`` — whether a draft of that kind and period is saved.
- ``draft_json(document) -> dict`` / ``document_from_json(db, request, data) -> Document`` —
  ``{"kind", "period", "title", "fields", "sections": [{"key", "heading", "text", "part"}]}``
  (``bizenv report … --draft-json`` / ``--draft-from``); headings as printed (一、总体进展).

Writing (each one action; the first one saves the whole current draft)
- ``save_sections(w, request, sections, title=None, fields=None)`` — the dialog's state as a whole:
  the sections in order, each ``{"key"?, "heading", "text", "part"?}``; a known key whose text
  is unchanged stays drafted, one whose text changed is kept as edited (figures the edit did not
  touch stay live), a missing key is dropped, an item without a key is a new section.
- ``save_section(w, request, key, heading=None, text=None)`` — one section's heading and/or text.
- ``regenerate_section(w, request, key)`` — the section drafted afresh from the data.
- ``add_section(w, request, heading, text="", after=None, part="body") -> key``
- ``drop_section(w, request, key)`` / ``restore_section(w, request, key)``
- ``move_section(w, request, key, index)`` — to position index among the shown sections.
- ``set_title(w, request, title)`` ('' = the drafted title), ``set_fields(w, request, **fields)``
  (see core.document.Fields; remembered for the next draft of that kind).
- ``discard_draft(w, request)`` — back to the drafted document.

Errors are BizenvError with message ids (report.*), rendered in the UI language.
"""
from __future__ import annotations

import copy
from datetime import date
from typing import Any

from ...core import messages
from ...core.document import (ATTACHMENT, BODY, PARTS, Document, Fields, Section, escape, retemplate,
                              strip_numeral)
from ...core.errors import InvalidInput, NotFound
from ...storage.changes import Writer
from ...storage.database import Database
from . import assignment, leadership, monthly, plan, provincial, selfeval, store
from .context import Context
from .kinds import KINDS, ReportKind, ReportRequest, check_request
from .store import DROPPED, SavedDraft, SavedSection

__all__ = ["KINDS", "ReportKind", "ReportRequest", "check_request", "document", "has_draft", "draft_json",
           "document_from_json", "save_sections", "save_section", "regenerate_section", "add_section",
           "drop_section", "restore_section", "move_section", "set_title", "set_fields", "discard_draft"]

messages.register({
    "report.no_section": ("草稿中没有“{key}”这一部分。", "The draft has no section “{key}”."),
    "report.not_drafted": ("“{key}”是自己添加的部分，没有可重新生成的内容。",
                           "“{key}” is a section you added; there is nothing to regenerate it from."),
    "report.bad_part": ("部分类型“{part}”无效，应为 body 或 attachment。",
                        "The part “{part}” is not valid; use body or attachment."),
    "report.bad_json": ("草稿文件格式不对：{detail}", "The draft file is not in the expected form: {detail}"),
    "report.json_not_object": ("sections[{n}] 不是对象", "sections[{n}] is not an object"),
    "report.json_needs_sections": ("需要 {{\"sections\": [{{\"heading\", \"text\"}}, …]}}",
                                   "it needs {{\"sections\": [{{\"heading\", \"text\"}}, …]}}"),
    "report.bad_date": ("成文日期“{value}”不是有效日期，请按 年-月-日 填写。",
                        "The date “{value}” is not valid; write it as YYYY-MM-DD."),
})

DRAFTERS = {"assignment": assignment.draft, "plan": plan.draft, "monthly": monthly.draft,
            "provincial": provincial.draft, "leadership": leadership.draft, "selfeval": selfeval.draft}
NOT_CARRIED = ("date", "doc_no", "printed_on", "attachments")


# -- reading ------------------------------------------------------------------------------------

def _fresh(db: Database, request: ReportRequest, day: date) -> Document:
    check_request(request)
    return DRAFTERS[request.kind](Context.make(db, request, day))


def _day(request: ReportRequest, fields: dict[str, Any]) -> date:
    if request.today is not None:
        return request.today
    try:
        return date.fromisoformat(str(fields.get("date") or ""))
    except ValueError:
        return date.today()


def _merge(fresh: Document, saved: SavedDraft, carried: bool) -> Document:
    """fresh (from the data) with the saved draft's order, headings, edited texts and custom
    sections; carried: the previous period's draft, whose data-only sections are not taken."""
    drafted = {s.key: s for s in fresh.sections}
    out: list[Section] = []
    placed: set[str] = set()
    for s in saved.shown():
        if s.key in drafted:
            section = drafted[s.key]
            if s.heading or section.heading == "":
                section.heading = s.heading or section.heading
            if s.edited and (section.carry or not carried):
                section.template, section.edited = s.body, True
            out.append(section)
        elif s.key.startswith("custom-"):
            out.append(Section(s.key, s.heading, s.body, part=s.part, edited=True, custom=True))
        else:
            continue
        placed.add(s.key)
    dropped = saved.dropped_keys()
    # drafted sections the saved draft does not know (new data): where the drafter puts them
    for index, section in enumerate(fresh.sections):
        if section.key in placed or section.key in dropped:
            continue
        before = next((fresh.sections[j].key for j in range(index - 1, -1, -1) if fresh.sections[j].key in placed),
                      None)
        at = next((k + 1 for k, s in enumerate(out) if s.key == before), 0)
        out.insert(at, section)
        placed.add(section.key)
    doc = copy.copy(fresh)
    doc.sections = out
    if saved.title and not carried:
        doc.title = saved.title
    kept = {k: v for k, v in saved.fields.items() if not (carried and k in NOT_CARRIED)}
    doc.fields = fresh.fields.merged(kept)
    return doc


def document(db: Database, request: ReportRequest) -> Document:
    """The document to print: the saved draft with today's data, or a fresh draft; a request
    with a date (request.today) prints that 成文日期."""
    doc = _document(db, request)
    if request.today is not None:
        doc.fields.date = request.today.isoformat()
    return doc


def _document(db: Database, request: ReportRequest) -> Document:
    check_request(request)
    saved = store.load(db, request)
    if saved is not None:
        return _merge(_fresh(db, request, _day(request, saved.fields)), saved, carried=False)
    fresh = _fresh(db, request, _day(request, {}))
    before = store.load_before(db, request)
    if before is not None:
        return _merge(fresh, before, carried=True)
    remembered = {k: v for k, v in store.latest_fields(db, request.kind).items() if k not in NOT_CARRIED}
    fresh.fields = fresh.fields.merged(remembered)
    return fresh


def has_draft(db: Database, request: ReportRequest) -> bool:
    return store.load(db, request) is not None


def draft_json(doc: Document) -> dict[str, Any]:
    printed = doc.numbered_headings()
    return {"kind": doc.kind, "title": doc.title, "fields": doc.fields.as_dict(),
            "sections": [{"key": s.key, "heading": printed.get(s.key, s.heading), "text": s.text, "part": s.part}
                         for s in doc.sections]}


# -- from the dialog's (or a file's) sections to a saved draft ------------------------------------

def _saved_from(doc: Document, title: str | None = None) -> SavedDraft:
    """The draft as it would be saved: every shown section in order, edited text where edited."""
    return SavedDraft(title or "", doc.fields.as_dict(),
                      [SavedSection(s.key, s.heading, s.template if s.edited else "", s.edited, s.part, n)
                       for n, s in enumerate(doc.sections)])


def _apply_items(doc: Document, items: list[dict[str, Any]]) -> Document:
    """doc with its sections replaced by items (the dialog's or a JSON file's), in their order."""
    current = {s.key: s for s in doc.sections}
    used = {s.key for s in doc.sections}
    out: list[Section] = []
    for n, item in enumerate(items):
        if not isinstance(item, dict):
            raise InvalidInput("report.bad_json", detail=messages.Phrase("report.json_not_object", n=n))
        part = str(item.get("part") or "")
        if part and part not in PARTS:
            raise InvalidInput("report.bad_part", part=part)
        heading = strip_numeral(str(item.get("heading") or ""))
        text = str(item.get("text") if item.get("text") is not None else "").replace("\r\n", "\n")
        key = str(item.get("key") or "")
        section = current.get(key)
        if section is None:  # a new section (or one from another draft): the liaison's own words
            key = _new_key(used)
            used.add(key)
            out.append(Section(key, heading, escape(text), part=part or BODY, edited=True, custom=True))
            continue
        section = copy.copy(section)
        section.heading = heading if heading or "heading" in item else section.heading
        if text != section.text:
            section.template = retemplate(section.template, section.values, text) if not section.custom \
                else escape(text)
            section.edited = True
        if part:
            section.part = part
        out.append(section)
    doc = copy.copy(doc)
    doc.sections = out
    return doc


def _new_key(used: set[str]) -> str:
    n = 1
    while f"custom-{n}" in used:
        n += 1
    return f"custom-{n}"


def document_from_json(db: Database, request: ReportRequest, data: Any) -> Document:
    """The document with a file's sections (and title, fields when given), not saved."""
    if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
        raise InvalidInput("report.bad_json", detail=messages.Phrase("report.json_needs_sections"))
    doc = _apply_items(document(db, request), data["sections"])
    if isinstance(data.get("title"), str) and data["title"].strip():
        doc.title = data["title"].strip()
    if isinstance(data.get("fields"), dict):
        doc.fields = doc.fields.merged(data["fields"])
    return doc


# -- writing ----------------------------------------------------------------------------------------

def _current(w: Writer, request: ReportRequest) -> tuple[Document, SavedDraft]:
    doc = document(w.db, request)
    saved = store.load(w.db, request)
    return doc, saved if saved is not None else _saved_from(doc)


def _write(w: Writer, request: ReportRequest, doc: Document, saved: SavedDraft) -> None:
    """Save doc's sections (in order) keeping what saved already knows (dropped sections)."""
    draft = _saved_from(doc, saved.title)
    shown = {s.key for s in draft.sections}
    draft.fields = saved.fields if saved.fields else draft.fields
    draft.sections += [SavedSection(s.key, s.heading, s.body, s.edited, s.part, DROPPED)
                       for s in saved.sections if s.key not in shown and not s.key.startswith("custom-")]
    store.write(w, request, draft)


def save_sections(w: Writer, request: ReportRequest, sections: list[dict[str, Any]], title: str | None = None,
                  fields: dict[str, Any] | None = None) -> None:
    doc, saved = _current(w, request)
    new = _apply_items(doc, sections)
    # drafted sections left out are dropped (kept as dropped, so new data does not bring them back)
    gone = [s for s in doc.sections if s.key not in {x.key for x in new.sections} and not s.custom]
    saved.sections = [s for s in saved.sections if s.key not in {g.key for g in gone}] + [
        SavedSection(s.key, s.heading, s.template if s.edited else "", s.edited, s.part, DROPPED) for s in gone]
    if title is not None:
        saved.title = title.strip()
    saved.fields = {**doc.fields.as_dict(), **(_checked_fields(fields) if fields else {})}
    _write(w, request, new, saved)


def _section(doc: Document, key: str) -> Section:
    found = doc.section(key)
    if found is None:
        raise NotFound("report.no_section", key=key)
    return found


def save_section(w: Writer, request: ReportRequest, key: str, heading: str | None = None,
                 text: str | None = None) -> None:
    doc, saved = _current(w, request)
    s = _section(doc, key)
    item = {"key": key, "heading": s.heading if heading is None else heading, "text": s.text if text is None else text}
    new = _apply_items(doc, [item if x.key == key else {"key": x.key, "heading": x.heading, "text": x.text}
                             for x in doc.sections])
    saved.fields = saved.fields or doc.fields.as_dict()
    _write(w, request, new, saved)


def regenerate_section(w: Writer, request: ReportRequest, key: str) -> None:
    doc, saved = _current(w, request)
    s = _section(doc, key)
    if s.custom:
        raise InvalidInput("report.not_drafted", key=key)
    fresh = _section(_fresh(w.db, request, _day(request, saved.fields)), key)
    s.template, s.values, s.edited, s.heading = fresh.template, fresh.values, False, fresh.heading
    saved.fields = saved.fields or doc.fields.as_dict()
    _write(w, request, doc, saved)


def add_section(w: Writer, request: ReportRequest, heading: str, text: str = "", after: str | None = None,
                part: str = BODY) -> str:
    if part not in PARTS:
        raise InvalidInput("report.bad_part", part=part)
    doc, saved = _current(w, request)
    key = _new_key({s.key for s in doc.sections} | {s.key for s in saved.sections})
    section = Section(key, strip_numeral(heading), escape(text), part=part, edited=True, custom=True)
    at = len(doc.sections) if after is None else doc.sections.index(_section(doc, after)) + 1
    if after is None and part == BODY:  # a new body section goes before the attachments
        at = next((k for k, s in enumerate(doc.sections) if s.part == ATTACHMENT), len(doc.sections))
    doc.sections.insert(at, section)
    saved.fields = saved.fields or doc.fields.as_dict()
    _write(w, request, doc, saved)
    return key


def drop_section(w: Writer, request: ReportRequest, key: str) -> None:
    doc, saved = _current(w, request)
    s = _section(doc, key)
    doc.sections.remove(s)
    if not s.custom:
        saved.sections = [x for x in saved.sections if x.key != key] + [
            SavedSection(key, s.heading, s.template if s.edited else "", s.edited, s.part, DROPPED)]
    saved.fields = saved.fields or doc.fields.as_dict()
    _write(w, request, doc, saved)


def restore_section(w: Writer, request: ReportRequest, key: str) -> None:
    """Bring back a dropped drafted section where the drafter puts it."""
    doc, saved = _current(w, request)
    saved.sections = [x for x in saved.sections if x.key != key]
    store.write(w, request, saved)


def move_section(w: Writer, request: ReportRequest, key: str, index: int) -> None:
    doc, saved = _current(w, request)
    s = _section(doc, key)
    doc.sections.remove(s)
    doc.sections.insert(max(0, min(index, len(doc.sections))), s)
    saved.fields = saved.fields or doc.fields.as_dict()
    _write(w, request, doc, saved)


def set_title(w: Writer, request: ReportRequest, title: str) -> None:
    doc, saved = _current(w, request)
    saved.title = (title or "").strip()
    saved.fields = saved.fields or doc.fields.as_dict()
    _write(w, request, doc, saved)


def _checked_fields(fields: dict[str, Any]) -> dict[str, Any]:
    out = Fields.from_dict(fields).as_dict()
    out = {k: v for k, v in out.items() if k in fields}
    for key in ("date", "printed_on"):
        if out.get(key):
            try:
                date.fromisoformat(out[key])
            except ValueError:
                raise InvalidInput("report.bad_date", value=out[key]) from None
    return out


def set_fields(w: Writer, request: ReportRequest, **fields: Any) -> None:
    doc, saved = _current(w, request)
    saved.fields = {**doc.fields.as_dict(), **_checked_fields(fields)}
    _write(w, request, doc, saved)


def discard_draft(w: Writer, request: ReportRequest) -> bool:
    return store.delete(w, request)
