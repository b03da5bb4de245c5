"""Typed errors the core, storage and services raise; the faces turn them into sentences.

Raise with a message id from core/messages.py and its arguments:
`raise InvalidInput("report.bad_quarter", quarter=q)`. `str(error)` is the sentence in the
current UI language, `error.text(lang)` in a given one, `error.message_id` / `error.args_map`
what a test or a face may inspect. A finished sentence (older code) still works as before.
"""
from __future__ import annotations

from typing import Any

from . import messages


class BizenvError(Exception):
    """Base of every error the app expects and explains to the user."""

    def __init__(self, message: str = "", /, **args: Any) -> None:
        self.message_id: str | None = message if messages.is_message_id(message) else None
        self.args_map: dict[str, Any] = dict(args)
        self._sentence = message
        # Exception.args keeps the Chinese sentence: pickling, logging and old tests see text
        super().__init__(self.text("zh"))

    def text(self, lang: str | None = None) -> str:
        if self.message_id is None:
            return self._sentence
        return messages.render(self.message_id, self.args_map, lang)

    def __str__(self) -> str:
        return self.text()


class NotOurDatabase(BizenvError):
    """The file exists but is not a bizenv-desktop database (or not a database at all)."""

    def __init__(self, path: str, detail: str | messages.Phrase) -> None:  # a Phrase: in the UI language
        super().__init__("db.not_ours", path=path, detail=detail)
        self.path = path
        self.detail = detail


class NewerDatabase(BizenvError):
    """The file was written by a newer version of the app."""

    def __init__(self, path: str, found: int, supported: int) -> None:
        super().__init__("db.newer", path=path, found=found, supported=supported)
        self.path = path
        self.found = found
        self.supported = supported


class DatabaseBusy(BizenvError):
    """Another writer holds the database."""


class DatabaseDamaged(BizenvError):
    """The file is ours (or claims to be) but SQLite finds it damaged (malformed pages)."""

    def __init__(self, path: str, detail: str) -> None:
        super().__init__("db.damaged", path=path, detail=detail)
        self.path = path
        self.detail = detail


class StorageFull(BizenvError):
    """A write failed because the disk (or the file-size limit) is full; nothing was written."""


class InvalidInput(BizenvError):
    """A value the user gave cannot be stored; the message says which and why."""


class NotFound(BizenvError):
    """A record named by the user does not exist."""


class UndoConflict(BizenvError):
    """A record changed since the action being undone or redone; nothing was applied."""
