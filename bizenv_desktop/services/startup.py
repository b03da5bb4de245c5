"""Where the database lives by default, and opening it ready for use."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .. import APP_NAME
from ..storage.database import Database
from .workspace import Workspace


def default_database_path() -> Path:
    """One file in the user's data folder (e.g. %LOCALAPPDATA%\\bizenv-desktop on Windows)."""
    from platformdirs import user_data_path  # only without --db: kept out of every start-up

    return user_data_path(APP_NAME, appauthor=False) / "bizenv.sqlite3"


def ensure_builtin_year(db: Database, year: int) -> bool:
    """Install the built-in plan as `year` unless the year exists; True if it was added."""
    from .years import create_builtin_year  # the built-in plan's data: only for a new file

    if db.scalar("SELECT count(*) FROM plan_year WHERE year = ?", (year,)):
        return False
    Workspace(db).apply(f"创建 {year} 年度（内置方案）", lambda w: create_builtin_year(w, year))
    return True


def open_workspace(path: str | Path | None, first_year: int | None = None,
                   read_only_ok: bool = False) -> Workspace:
    """Open (creating if needed) the database; a new, empty file gets the built-in plan."""
    ws = Workspace.open(path or default_database_path(), read_only_ok)
    if not ws.read_only and not ws.db.scalar("SELECT count(*) FROM plan_year"):  # (plan_read: not for every command)
        ensure_builtin_year(ws.db, first_year or date.today().year)
    return ws
