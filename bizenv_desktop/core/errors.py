"""Typed errors the core, storage and services raise; the faces turn them into sentences."""
from __future__ import annotations


class BizenvError(Exception):
    """Base of every error the app expects and explains to the user."""


class NotOurDatabase(BizenvError):
    """The file exists but is not a bizenv-desktop database (or not a database at all)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__(
            f"“{path}” 不是本程序的数据库（{detail}）。文件未作任何改动；请选择其他文件，"
            f"或用 --db 指定一个新的文件名。"
        )
        self.path = path
        self.detail = detail


class NewerDatabase(BizenvError):
    """The file was written by a newer version of the app."""

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__(
            f"“{path}” 由更新版本的程序创建（数据库版本 {found}，本程序支持到 {supported}）。"
            f"文件未作任何改动；请升级本程序后再打开。"
        )
        self.path = path
        self.found = found
        self.supported = supported


class DatabaseBusy(BizenvError):
    """Another writer holds the database."""


class InvalidInput(BizenvError):
    """A value the user gave cannot be stored; the message says which and why."""


class NotFound(BizenvError):
    """A record named by the user does not exist."""


class UndoConflict(BizenvError):
    """A record changed since the action being undone or redone; nothing was applied."""
