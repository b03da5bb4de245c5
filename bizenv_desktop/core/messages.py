"""The sentences the services show the user, by message id, in Chinese and English.

Services raise `BizenvError("area.what", name=value, ...)` with a message id registered here;
the faces never see a finished sentence until they ask for one: `str(error)` renders it in
the language chosen by `set_language` (the window sets the UI language at start-up, the
CLI its `--lang`), `error.text("en")` in a given one. Chinese is the source language; each
entry holds the Chinese template and its English translation, with `{named}` arguments.

Modules add their own entries with `register({...})` at import time (so a service's
messages sit beside the service), and tests/core/test_messages.py checks every entry: both
languages present, the same arguments in both, no Chinese characters in the English.

An error raised with a finished Chinese sentence instead of an id (older code) is shown as it
is in both languages; new code uses ids.
"""
from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("zh", "en")

# id -> (Chinese template, English template)
MESSAGES: dict[str, tuple[str, str]] = {}

_language = "zh"
_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


def register(entries: Mapping[str, tuple[str, str]]) -> None:
    """Add message entries; an id may be registered once only (same text again is fine)."""
    for key, pair in entries.items():
        if not _ID.match(key):
            raise ValueError(f"message id {key!r} is not of the form area.what")
        if key in MESSAGES and MESSAGES[key] != tuple(pair):
            raise ValueError(f"message id {key!r} registered twice with different texts")
        MESSAGES[key] = (pair[0], pair[1])


def set_language(lang: str | None) -> None:
    """The language str(error) and text() use from now on ('zh' or 'en'; None keeps Chinese)."""
    global _language
    _language = "en" if lang == "en" else "zh"


def language() -> str:
    return _language


def is_message_id(text: str) -> bool:
    return text in MESSAGES


def fields(template: str) -> set[str]:
    """The {named} arguments a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class _Lenient(dict[str, Any]):
    def __missing__(self, key: str) -> str:  # a missing argument shows as {key}, never a crash
        return "{" + key + "}"


def render(message_id: str, args: Mapping[str, Any] | None = None, lang: str | None = None) -> str:
    """The sentence for message_id in lang (default: the current language)."""
    pair = MESSAGES.get(message_id)
    if pair is None:
        return message_id
    template = pair[1] if (lang or _language) == "en" else pair[0]
    values = _Lenient({k: _localized(v, lang or _language) for k, v in (args or {}).items()})
    return string.Formatter().vformat(template, (), values)


class Phrase:
    """A message id with arguments standing as an argument of another message: rendered in
    the language of the sentence it is in (a period, "2026 年第二季度" / "Q2 2026")."""

    def __init__(self, message_id: str, /, **args: Any) -> None:
        self.message_id = message_id
        self.args = args

    def text(self, lang: str | None = None) -> str:
        return render(self.message_id, self.args, lang)

    def __str__(self) -> str:
        return self.text()

    def __repr__(self) -> str:
        return f"Phrase({self.message_id!r}, {self.args!r})"


def _localized(value: Any, lang: str) -> Any:
    """Arguments may themselves be message ids (a status word, a report name) or Phrases."""
    if isinstance(value, Phrase) or (isinstance(value, Exception) and hasattr(value, "text")):
        return value.text(lang)  # a BizenvError standing in another one's sentence
    if isinstance(value, str) and value in MESSAGES:
        return render(value, None, lang)
    if isinstance(value, (list, tuple)):
        sep = ", " if lang == "en" else "、"
        return sep.join(str(_localized(v, lang)) for v in value)
    return value


def translate(text: str, lang: str | None = None) -> str:
    """A generated label (status, report name) in the language: ids are rendered, other text kept."""
    return render(text, None, lang) if text in MESSAGES else text


register({
    "db.not_ours": ("“{path}” 不是本程序的数据库（{detail}）。文件未作任何改动；请选择其他文件，"
                    "或用 --db 指定一个新的文件名。",
                    "“{path}” is not a bizenv-desktop database ({detail}). The file was not changed; choose "
                    "another file, or give a new file name with --db."),
    "db.newer": ("“{path}” 由更新版本的程序创建（数据库版本 {found}，本程序支持到 {supported}）。"
                 "文件未作任何改动；请升级本程序后再打开。",
                 "“{path}” was made by a newer version of the program (database version {found}; this version "
                 "supports up to {supported}). The file was not changed; upgrade the program to open it."),
    "db.read_only": ("数据库正被另一处使用，此处以只读方式打开，不能修改。",
                     "The database is in use elsewhere and is open read-only here; it cannot be changed."),
    "cli.error": ("错误：{text}", "Error: {text}"),
    "cli.file_error": ("错误：无法访问文件：{detail}", "Error: cannot access a file: {detail}"),
    "cli.db_error": ("错误：无法读写数据库：{detail}（文件可能被其他程序占用，或磁盘已满、目录只读）。",
                     "Error: cannot read or write the database: {detail} (another program may hold the file, "
                     "or the disk is full or the folder read-only)."),
    "cli.bad_today": ("--today “{value}”不是有效日期，请按 年-月-日 填写。",
                      "--today “{value}” is not a valid date; write it as YYYY-MM-DD."),
    "cli.negative_days": ("--days 不能为负数。", "--days cannot be negative."),
})
