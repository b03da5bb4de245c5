"""What one user action changed: the before and after image of each row it touched (RowChange),
the action's ChangeSet (all undo and redo need), the tables a Writer may touch, and the audit
rows the changes become (who, when, what, old -> new). storage/changes.py's Writer makes them.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

TABLES = frozenset({
    "plan_year", "plan_section", "dimension", "indicator", "division", "assignment",
    "subtask", "liaison", "dispatch_month", "dispatch_row", "evidence", "evidence_link",
    "self_evaluation", "event", "workday_override", "calendar_year", "deadline_done", "supervision_item", "setting",
    "supervision_division", "unit_alias",
    "ranking", "publication", "work_plan", "inspection", "inspection_scope", "inspection_followup",
    "supervision_indicator", "supervision_reminder", "supervision_feedback", "form_sendback", "quarter_snapshot",
    "form_return",
    "report_draft", "report_section",
})
Row = dict[str, Any]
AuditRow = tuple[str, str, str, str, Any, str, str | None, str | None]


@dataclass(frozen=True, slots=True)  # slots: an import keeps tens of thousands
class RowChange:
    table: str
    row_id: Any
    before: Row | None
    after: Row | None


@dataclass
class ChangeSet:
    """What one user action did; label is the text shown in the Edit menu."""

    label: str
    changes: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def created_id(self, table: str) -> Any:
        """Id of the first row of table this action inserted (None if none)."""
        for change in self.changes:
            if change.table == table and change.before is None:
                return change.row_id
        return None


def current_user() -> str:
    try:
        import getpass  # here: it loads termios, and reading commands never ask

        return getpass.getuser()
    except Exception:  # no login name (some services and containers)
        return "unknown"



def key_of(table: str) -> str:
    """The column that names a row of table (its primary key)."""
    return "year" if table in ("plan_year", "calendar_year") else "id"


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(v, ensure_ascii=False) without a new encoder each time


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else _JSON.encode(value)


def audit_rows(changes: list[RowChange], at: str, user: str, action: str) -> Iterator[AuditRow]:
    """The audit rows of changes: an insert or a delete is one row holding the whole record, an
    update one row per changed field."""
    insert, delete, update = (f"{action} [{verb}]" for verb in ("insert", "delete", "update"))
    for c in changes:
        if c.before is None:
            yield at, user, insert, c.table, c.row_id, "", None, _text(c.after)
        elif c.after is None:
            yield at, user, delete, c.table, c.row_id, "", _text(c.before), None
        else:
            before = c.before
            for k, new in c.after.items():
                if before.get(k) != new:
                    yield at, user, update, c.table, c.row_id, k, _text(before[k]), _text(new)
