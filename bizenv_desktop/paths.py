"""Where the app's own files are: inside the package, or at the top of a source checkout.

bizenv_desktop/resources and bizenv_desktop/storage/db_schema.sql are symbolic links to the
top-level resources/ and db_schema.sql. A checkout without symbolic links (Windows by
default) has small text files there instead, so each lookup falls back to the top level.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TOP = PACKAGE.parent


def resource_dir() -> Path:
    inside = PACKAGE / "resources"
    return inside if inside.is_dir() else TOP / "resources"


def data_text(name: str) -> str:
    """A file of bizenv_desktop/data, read from the package's folder (importlib.resources, which
    costs every command 3-5 ms of imports, only where the package is not a folder)."""
    try:
        return (PACKAGE / "data" / name).read_text(encoding="utf-8")
    except FileNotFoundError:
        from importlib import resources

        return resources.files("bizenv_desktop.data").joinpath(name).read_text(encoding="utf-8")


def schema_file() -> Path:
    inside = PACKAGE / "storage" / "db_schema.sql"
    try:
        if inside.is_file() and inside.read_text(encoding="utf-8").lstrip().startswith("--"):
            return inside
    except (OSError, UnicodeDecodeError):
        pass
    return TOP / "db_schema.sql"
