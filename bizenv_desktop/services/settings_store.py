"""Settings kept in the database itself (both faces read them): backups to keep, etc."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..storage.database import Database

if TYPE_CHECKING:  # the writer only in annotations: reading needs no storage.changes
    from ..storage.changes import Writer

DEFAULTS: dict[str, Any] = {"backup.keep": 20, "backup.daily": True,
                            "department.name": "", "department.short": "",
                            "superior.name": "", "superior.short": "",  # '' = the default (services/department.py)
                            # issue 16: work-plan deadline (MM-DD), warning levels and auto-close (working days)
                            "workplan.due": "03-31", "supervision.warn_yellow": 5, "supervision.warn_red": 2,
                            "dispatch.auto_close_workdays": 0}


def get_setting(db: Database, key: str) -> Any:
    default = DEFAULTS[key]
    value = db.scalar("SELECT value FROM setting WHERE key = ?", (key,))
    if value is None:
        return default
    if isinstance(default, bool):
        return value in ("1", "true", "True")
    if isinstance(default, int):
        try:
            return int(value)
        except ValueError:
            return default
    return value


def set_setting(w: Writer, key: str, value: Any) -> None:
    assert key in DEFAULTS, key
    text = ("1" if value else "0") if isinstance(value, bool) else str(value)
    existing = w.db.scalar("SELECT id FROM setting WHERE key = ?", (key,))
    if existing is None:
        w.insert("setting", {"key": key, "value": text})
    else:
        w.update("setting", existing, {"value": text})
