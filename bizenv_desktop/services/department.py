"""Who the database belongs to: the department's name and how it names itself (我厅/我局/我委).

Nothing department-specific lives in code: the name is a setting of the database. Until the
liaison sets it (first start, 文件 › 设置), it falls back to the 发文机关 of the newest plan
year (the built-in plan's office), and the short form to 我 + the name's last
character when that is an office word (厅/局/委/办…), else 我单位.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core import messages
from ..core.errors import InvalidInput
from ..storage.changes import Writer
from ..storage.database import Database
from .settings_store import get_setting, set_setting

NAME_KEY, SHORT_KEY = "department.name", "department.short"
OFFICE_WORDS = "厅局委办院署会部"

messages.register({
    "department.empty_name": ("单位名称不能为空。", "The department's name cannot be empty."),
    "department.long_name": ("单位名称过长（{length} 个字），请不超过 60 个字。",
                             "The department's name is too long ({length} characters); keep it to 60."),
    "department.bad_short": ("简称“{short}”应以“我”开头，如“我厅”“我局”。",
                             "The short form “{short}” should start with “我”, as in “我厅” or “我局”."),
})


@dataclass(frozen=True)
class Department:
    name: str
    short: str          # 我厅 / 我局 / 我委 / 我单位
    configured: bool    # set by the liaison (not a fallback)


def default_short(name: str) -> str:
    name = name.strip()
    return f"我{name[-1]}" if name and name[-1] in OFFICE_WORDS else "我单位"


def get_department(db: Database) -> Department:
    name = str(get_setting(db, NAME_KEY) or "").strip()
    configured = bool(name)
    if not name:
        name = db.scalar("SELECT office FROM plan_year WHERE office <> '' ORDER BY year DESC LIMIT 1") or ""
    short = str(get_setting(db, SHORT_KEY) or "").strip() or default_short(name)
    return Department(name, short, configured)


def set_department(w: Writer, name: str, short: str = "") -> None:
    """Keep the department's name and short form (one transaction with the caller's others)."""
    name, short = name.strip(), short.strip()
    if not name:
        raise InvalidInput("department.empty_name")
    if len(name) > 60:
        raise InvalidInput("department.long_name", length=len(name))
    if short and not short.startswith("我"):
        raise InvalidInput("department.bad_short", short=short)
    set_setting(w, NAME_KEY, name)
    set_setting(w, SHORT_KEY, short or default_short(name))
