"""需要领导协调解决的事项: the flag on a dispatch row or a supervised item that puts it under
五、需要领导协调解决的事项 in the quarter-end report to the leaders. Writes take the action's Writer."""
from __future__ import annotations

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer

TABLES = {"dispatch_row": "dispatch_row", "supervision_item": "supervision_item"}

messages.register({
    "coordination.bad_kind": ("只有月调度行和督办事项可以标记为需要领导协调（收到：{kind}）。",
                              "Only dispatch rows and supervised items can be flagged for the leaders (got: {kind})."),
    "coordination.not_found": ("要标记的记录不存在（{kind} {row_id}），可能已被删除。",
                               "The record to flag does not exist ({kind} {row_id}); it may have been deleted."),
})


def set_needs_coordination(w: Writer, kind: str, row_id: int, flag: bool = True) -> None:
    """Flag (or unflag) a dispatch row or a supervised item as needing the leaders' coordination."""
    if kind not in TABLES:
        raise InvalidInput("coordination.bad_kind", kind=kind)
    if w.get(TABLES[kind], row_id) is None:
        raise NotFound("coordination.not_found", kind=kind, row_id=row_id)
    w.update(TABLES[kind], row_id, {"needs_coordination": int(bool(flag))})
