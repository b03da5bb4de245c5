"""Planning and applying the import of a 督办事项台账 read by supervision_import (nothing is
written by planning).

Items are matched by 编号 (a 序号 standing for one only when the content agrees too), else by
content and date received; changed fields are updated, statuses only move forward, empty cells
never erase and nothing is deleted, so importing the same file again writes nothing. Every unit
the ledger names is mapped first (services.unit_mapping): existing divisions, remembered or
suggested aliases, groups, new divisions, and names that are no unit (people), which are left
out; the caller may pass the mapping the liaison confirmed. New items are checked row by row and
written together (supervision.ItemBatch).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ...core import messages
from ...core.errors import BizenvError, InvalidInput
from ...core.gc_pause import collector_paused
from ...core.progress import Progress, every
from ...storage.changes import Writer
from ...storage.database import Database
from ..calendar import load_calendar
from ..supervision import LEDGER_FIELDS, STATUS_DATES, STATUSES, ItemBatch, NewItem
from ..unit_mapping import UnitMap, map_units, resolve

_DONE = STATUSES.index("已办结")
CHANGE_NAMES = {"no": "编号", "source": "来源", "content": "事项内容", "received_on": "交办日期", "progress": "办理进度",
                "note": "备注", "deadline": "办结时限", "lead": "牵头处室", "cooperating": "配合处室",
                "closure_report": "办结情况", "status": "状态", "requirements": "督办内容及要求",
                "supervision_type": "督办类型", "urgency": "紧急程度", "leader": "分管领导", "feedback_cycle": "反馈周期",
                "completion": "完成进度", "urge_count": "催办次数"}




@dataclass
class LedgerChange:
    action: str                                  # create, update
    row: int                                     # the row of the ledger
    label: str
    fields: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # {field: (old, new)} of an update

    def describe(self) -> str:
        text = f"{'新建' if self.action == 'create' else '更新'}督办事项{self.label}（第 {self.row} 行）"
        return text + ("：" + "；".join(f"{CHANGE_NAMES[f]} {_short(o)} → {_short(n)}"
                                       for f, (o, n) in self.fields.items()) if self.fields else "")


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def _short(value: Any) -> str:
    text = "、".join(value) if isinstance(value, list) else " ".join(str(value or "").split())
    return "（空）" if not text else text if len(text) <= 30 else text[:29] + "…"


@dataclass
class LedgerChanges:
    changes: list[LedgerChange] = field(default_factory=list)
    divisions: list[str] = field(default_factory=list)     # divisions (and groups) the import creates
    warnings: list[str] = field(default_factory=list)
    numbers: dict[int, str] = field(default_factory=dict)  # ledger row -> 编号 in the database (after apply)
    units: UnitMap = field(default_factory=UnitMap)        # how every unit the ledger names is mapped

    def __bool__(self) -> bool:
        return bool(self.changes)

    def summary(self) -> str:
        counts = [(sum(1 for c in self.changes if c.action == a), f"{verb} {{}} 项督办事项") for a, verb in
                  (("create", "新建"), ("update", "更新"))] + [(len(self.divisions), "新建 {} 个处室")]
        parts = [text.format(n) for n, text in counts if n]
        return "导入督办事项台账：" + "、".join(parts) + "。" if self.changes else "督办事项已与台账一致，不需要导入任何内容。"


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def ledger_units(db: Database, preview: Any) -> UnitMap:
    """The proposed mapping of every unit the ledger names (lead and cooperating), with its rows."""
    found: dict[str, list[int]] = {}
    groups: set[str] = set()
    for it in preview.items:
        for name in it.lead + it.cooperating:
            found.setdefault(name, []).append(it.row)
        groups |= it.groups
    return map_units(db, found, groups)


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def plan_supervision_import(db: Database, preview: Any, units: UnitMap | None = None,
                            progress: Progress | None = None) -> LedgerChanges:
    """What importing preview would create and update (nothing is written); units: the mapping
    the liaison confirmed (default: the one proposed)."""
    return _run(db, None, preview, date.today(), units, progress)


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def apply_supervision_import(w: Writer, preview: Any, today: date | None = None,
                             units: UnitMap | None = None, progress: Progress | None = None) -> LedgerChanges:
    """Write preview with the Writer of one Workspace.apply; an error names the row and undoes all.
    Steps reached without a date in the ledger are dated today (never before an earlier step).
    progress: every 100 items (core/progress.py)."""
    with collector_paused():
        return _run(w.db, w, preview, today or date.today(), units, progress)


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def mapped_units(it: Any, unit_map: UnitMap) -> tuple[list[str], list[str]]:
    """(lead, cooperating) division names of a ledger item as mapped: aliases to their division,
    names that are no unit left out, a unit in both lists kept as lead."""
    def mapped(names: list[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            target = unit_map.target(name)
            if target is not None and target not in out:
                out.append(target)
        return out
    lead = mapped(it.lead)
    return lead, [n for n in mapped(it.cooperating) if n not in lead]


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def _run(db: Database, w: Writer | None, pv: Any, today: date, units: UnitMap | None,
         progress: Progress | None = None) -> LedgerChanges:
    from .supervision_import import text_deadline

    unit_map = units if units is not None else ledger_units(db, pv)
    out = LedgerChanges(units=unit_map)
    out.divisions = [u.name for u in unit_map if u.kind in ("new", "group") and u.division_id is None]
    rows = {r["id"]: dict(r) for r in db.query("SELECT * FROM supervision_item ORDER BY id")}
    stored: dict[int, dict[str, list[str]]] = {i: {"lead": [], "cooperate": []} for i in rows}
    for link in db.query("SELECT s.item_id, s.role, d.name FROM supervision_division s JOIN division d"
                         " ON d.id = s.division_id ORDER BY s.position, s.id"):
        stored[link[0]][link[1]].append(link[2])
    by_no = {r["no"]: r for r in rows.values() if r["no"]}
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for item_row in rows.values():
        by_key.setdefault((item_row["content"], item_row["received_on"]), item_row)
    calendar = load_calendar(db)
    for it in pv.items:  # working days on the user's calendar (the reader had the published one only)
        if it.deadline_text and "工作日" in it.deadline_text:
            it.deadline = text_deadline(it.deadline_text, it.reference, calendar)
    if w is not None:
        resolve(w, unit_map)  # new divisions and groups made, aliases remembered
    division_ids = {r[0]: r[1] for r in db.query("SELECT name, id FROM division")} if w is not None else {}
    batch = ItemBatch(w, today) if w is not None else None
    used: dict[int, int] = {}
    tick = every(progress, 100)
    for n, it in enumerate(pv.items, 1):
        tick(n, len(pv.items), "")
        row = _match(it, by_no, by_key)
        where = f"工作表“{pv.sheet}”第 {it.row} 行"
        if row is not None and row["id"] in used:
            out.warnings.append(f"{where}：与第 {used[row['id']]} 行是数据库中的同一事项，已跳过")
            continue
        lead, coop = mapped_units(it, unit_map)
        fields = {} if row is None else _diff(it, lead, coop, row, stored[row["id"]], out.warnings, where)
        if row is None or fields:
            label = f"“{(it.no + ' ') if it.no else ''}{_short(it.content)}”"
            out.changes.append(LedgerChange("create" if row is None else "update", it.row, label, fields))
        if row is not None:
            used[row["id"]] = it.row
        if batch is None or not (row is None or fields):
            out.numbers[it.row] = row["no"] if row is not None else ""
            continue
        try:
            out.numbers[it.row] = _write(batch, division_ids, it, lead, coop, row, fields, today, out.warnings, where)
        except BizenvError as exc:
            raise InvalidInput("ledger_import.row_refused", name=pv.path.name,
                               where=messages.Phrase("excel.where_row", sheet=pv.sheet, row=it.row),
                               problem=exc) from None
    if batch is not None:
        batch.flush()
    return out


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def _match(it: Any, by_no: dict[str, dict[str, Any]], by_key: dict[tuple[str, str], dict[str, Any]]
           ) -> dict[str, Any] | None:
    """The stored item a ledger row is: by 编号, else by content and date received. A number read
    from a 序号 (1, 2, 3 … in every ledger) stands for an item only when the content agrees too."""
    row = by_no.get(it.no) if it.no else None
    if row is not None and it.no_from_seq and row["content"] != it.content:
        row = None
    return row or by_key.get((it.content, it.received))


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def _diff(it: Any, it_lead: list[str], it_coop: list[str], row: dict[str, Any], units: dict[str, list[str]],
          warnings: list[str], where: str) -> dict[str, tuple[Any, Any]]:
    wanted = {"no": "" if it.no_from_seq else it.no, "source": it.source, "content": it.content,
              "received_on": it.received, "progress": it.progress, "note": it.note,
              **{f: v for f, v in it.ledger.items() if f != "urge_count"}}
    fields = {k: (row[k], v) for k, v in wanted.items() if v and v != row[k]}
    if it.ledger.get("urge_count", 0) > row["urge_count"]:
        fields["urge_count"] = (row["urge_count"], it.ledger["urge_count"])
    if (it.deadline_text and it.deadline_text != row["deadline_text"]) or (
            not it.deadline_text and it.deadline and (it.deadline != row["deadline"] or row["deadline_text"])):
        fields["deadline"] = (row["deadline_text"] or row["deadline"], it.deadline_text or it.deadline)
    lead = it_lead or units["lead"]
    coop = it_coop or [n for n in units["cooperate"] if n not in lead]
    for key, old, new in (("lead", units["lead"], lead), ("cooperating", units["cooperate"], coop)):
        if new != old:  # the other list stays as stored, which never overlaps this one
            fields[key] = (old, new)
    step, target = STATUSES.index(row["status"]), STATUSES.index(it.status)
    if target > step:
        fields["status"] = (row["status"], it.status)
    elif target < step and it.status_given:
        warnings.append(f"{where}：数据库中该事项已是“{row['status']}”，表中为“{it.status}”，状态未改回")
    if target <= step and step >= _DONE and it.closure and it.closure != row["closure_report"]:
        fields["closure_report"] = (row["closure_report"], it.closure)
    return fields


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def _write(batch: ItemBatch, division_ids: dict[str, int], it: Any, lead: list[str], coop: list[str],
           row: dict[str, Any] | None, fields: dict[str, tuple[Any, Any]], today: date, warnings: list[str],
           where: str) -> str:
    """Create or update the item of ledger row it; returns its number."""
    def to_ids(names: list[str]) -> list[int]:
        return list(dict.fromkeys(division_ids[n] for n in names if n in division_ids))
    item: NewItem | int
    if row is None:
        no = it.no
        if it.no_from_seq and batch.taken(no):  # another ledger's 序号 3: the item is numbered anew
            warnings.append(f"{where}：序号“{no}”已是另一事项的编号，已自动编号，序号记在备注中")
            no, note = "", "\n".join(filter(None, [it.note, f"台账序号：{it.no}"]))
        else:
            note = it.note
        item = batch.add_item(it.content, no=no, source=it.source, received_on=it.received,
                              deadline=it.deadline_text or it.deadline, lead=to_ids(lead),
                              cooperating=to_ids(coop), progress=it.progress, note=note,
                              deadline_on=it.deadline if it.deadline_text else None, **it.ledger)
        current = item.current
    else:
        item_id = int(row["id"])
        item = item_id
        values = {k: to_ids(new) if k in ("lead", "cooperating") else new for k, (_old, new) in fields.items()
                  if k != "status"}
        if values:
            batch.update_item(item_id, **values)
        current = batch.w.get("supervision_item", item_id)  # type: ignore[assignment]
    assert current is not None
    floor = max((current[c] for c in STATUS_DATES.values() if current[c]), default="")
    for step in range(STATUSES.index(current["status"]) + 1, STATUSES.index(it.status) + 1):
        status = STATUSES[step]
        day = max(it.dates.get(STATUS_DATES[status]) or max(floor, today.isoformat()), floor)
        batch.advance(item, status, on=day, text=(it.closure or it.progress) if step >= _DONE else "")
        floor = day
    return item.current["no"] if isinstance(item, NewItem) else _row_no(batch, item)


messages.register({
    "ledger_import.row_refused": ("“{name}”{where}不能导入：{problem} 整个台账未导入任何内容；请在表中改正该行后重新导入。",
                                  "“{name}”, {where} cannot be imported: {problem} Nothing of the ledger was "
                                  "imported; correct that row in the table and import it again."),
})


def _row_no(batch: ItemBatch, item_id: int) -> str:
    row = batch.w.get("supervision_item", item_id)
    assert row is not None
    return row["no"]


__all__ = ["CHANGE_NAMES", "LEDGER_FIELDS", "LedgerChange", "LedgerChanges", "apply_supervision_import",
           "ledger_units", "mapped_units", "plan_supervision_import"]
