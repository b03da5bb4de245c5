"""Who the database belongs to: the department's name and how it names itself (我厅/我局/我委),
and the superior office it reports to (省软环境建设办公室, 省软环境办 by default).

Nothing department-specific lives in code: the name is a setting of the database. Until the
liaison sets it (first start, 文件 › 设置), it falls back to the 发文机关 of the newest plan
year (the built-in plan's office), and the short form to 我 + the name's last
character when that is an office word (厅/局/委/办…), else 我单位.

The superior office (get_superior, also Department.superior) is the receiving office of the
quarterly report, the 主送机关 of reports to it, the office named in the 待办 list and in the
supervision ledger's sources (…交办, …督办). Every provincial department's liaison reports to
the same office under the provincial template, so the defaults are its names; a department
elsewhere (a city, another province) sets its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..core import messages
from ..core.errors import InvalidInput
from ..storage.database import Database
from .settings_store import get_setting, set_setting

if TYPE_CHECKING:  # the writer only in annotations: reading needs no storage.changes
    from ..storage.changes import Writer

NAME_KEY, SHORT_KEY = "department.name", "department.short"
SUPERIOR_NAME_KEY, SUPERIOR_SHORT_KEY = "superior.name", "superior.short"
DEFAULT_SUPERIOR_NAME, DEFAULT_SUPERIOR_SHORT = "省软环境建设办公室", "省软环境办"
OFFICE_WORDS = "厅局委办院署会部"

messages.register({
    "department.empty_name": ("单位名称不能为空。", "The department's name cannot be empty."),
    "department.long_name": ("单位名称过长（{length} 个字），请不超过 60 个字。",
                             "The department's name is too long ({length} characters); keep it to 60."),
    "department.bad_short": ("简称“{short}”应以“我”开头，如“我厅”“我局”。",
                             "The short form “{short}” should start with “我”, as in “我厅” or “我局”."),
    "department.empty_superior": ("上级主管办公室的名称不能为空。", "The superior office's name cannot be empty."),
    "department.long_superior": ("上级主管办公室的{what}过长（{length} 个字），请不超过 {limit} 个字。",
                                 "The superior office's {what} is too long ({length} characters); keep it to "
                                 "{limit}."),
    "department.superior_full": ("全称", "full name"), "department.superior_short": ("简称", "short name"),
})


@dataclass(frozen=True)
class Superior:
    """The office the department reports to."""
    name: str           # 省软环境建设办公室: the 主送机关 of a report to it
    short: str          # 省软环境办: in titles, the 待办 list, the ledger's sources
    configured: bool    # set by the liaison (not the default)

    @property
    def sources(self) -> tuple[str, str]:
        """The supervision ledger's sources for items it hands down and supervises."""
        return f"{self.short}交办", f"{self.short}督办"


DEFAULT_SUPERIOR = Superior(DEFAULT_SUPERIOR_NAME, DEFAULT_SUPERIOR_SHORT, False)


@dataclass(frozen=True)
class Department:
    name: str
    short: str          # 我厅 / 我局 / 我委 / 我单位
    configured: bool    # set by the liaison (not a fallback)
    superior: Superior = field(default=DEFAULT_SUPERIOR)  # the office it reports to

    @property
    def office(self) -> str:
        """The department as its leaders' title names it: 厅 (厅主要领导), 局, 委 … or 单位."""
        return self.short[1:] if self.short.startswith("我") and len(self.short) > 1 else "单位"


def default_short(name: str) -> str:
    name = name.strip()
    return f"我{name[-1]}" if name and name[-1] in OFFICE_WORDS else "我单位"


def get_department(db: Database) -> Department:
    name = str(get_setting(db, NAME_KEY) or "").strip()
    configured = bool(name)
    if not name:
        name = db.scalar("SELECT office FROM plan_year WHERE office <> '' ORDER BY year DESC LIMIT 1") or ""
    short = str(get_setting(db, SHORT_KEY) or "").strip() or default_short(name)
    return Department(name, short, configured, get_superior(db))


def get_superior(db: Database) -> Superior:
    """The superior office's full and short names (the defaults until the liaison sets them)."""
    name = str(get_setting(db, SUPERIOR_NAME_KEY) or "").strip()
    if not name:
        return DEFAULT_SUPERIOR
    return Superior(name, str(get_setting(db, SUPERIOR_SHORT_KEY) or "").strip() or name, True)


def set_superior(w: Writer, name: str, short: str = "") -> None:
    """Keep the superior office's full name and short name (the full name when short is empty)."""
    name, short = " ".join(name.split()), " ".join(short.split())
    if not name:
        raise InvalidInput("department.empty_superior")
    for what, value, limit in (("department.superior_full", name, 60), ("department.superior_short", short, 30)):
        if len(value) > limit:
            raise InvalidInput("department.long_superior", what=what, length=len(value), limit=limit)
    set_setting(w, SUPERIOR_NAME_KEY, name)
    set_setting(w, SUPERIOR_SHORT_KEY, short or name)


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
