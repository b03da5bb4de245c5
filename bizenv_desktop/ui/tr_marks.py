"""QT_TRANSLATE_NOOP typed as it behaves: PySide6's stub says it returns object, but the marked
text is the string itself. `from .tr_marks import QT_TRANSLATE_NOOP` (lupdate finds the calls by name)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, text: str) -> str: ...  # noqa: N802
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
