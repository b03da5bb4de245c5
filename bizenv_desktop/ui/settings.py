"""Settings declared once (QSettings), and the mixin that remembers window geometry."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

ORGANIZATION = "bizenv-desktop"
APPLICATION = "bizenv-desktop"

# key -> default; every setting the app reads is listed here.
DEFAULTS: dict[str, Any] = {
    "ui/language": "zh",
    "ui/last_year": 0,
    "ui/detail_visible": True,
    "pdf/font_folder": "",
}


def settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def get(key: str) -> Any:
    default = DEFAULTS[key]
    value = settings().value(key, default)
    if isinstance(default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    return value


def put(key: str, value: Any) -> None:
    assert key in DEFAULTS, key
    settings().setValue(key, value)


class PreserveGeometry:
    """Saves and restores a window's geometry (and a main window's state) by class name."""

    def restore_geometry(self) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        data = settings().value(f"geometry/{type(self).__name__}")
        if isinstance(data, QByteArray):
            widget.restoreGeometry(data)
        state = settings().value(f"state/{type(self).__name__}")
        if isinstance(state, QByteArray) and hasattr(widget, "restoreState"):
            widget.restoreState(state)

    def save_geometry(self) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        store = settings()
        store.setValue(f"geometry/{type(self).__name__}", widget.saveGeometry())
        if hasattr(widget, "saveState"):
            store.setValue(f"state/{type(self).__name__}", widget.saveState())
