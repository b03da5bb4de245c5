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
    "ui/last_tab": "",  # the tab open when the window last closed
    "ui/reminded_on": "",  # the day the start-up reminder was last shown (once a day)
    # the columns of a view as the user left them (QHeaderView.saveState)
    "columns/month": b"",
    "columns/supervision": b"",
    "columns/plan": b"",
}
# the folder each kind of file dialog last used (ui/file_dialogs.py)
FOLDER_KINDS = ("forms_out", "forms_in", "reports", "imports", "exports", "evidence", "database", "backups",
                "fonts", "submitted")
DEFAULTS.update({f"folders/{kind}": "" for kind in FOLDER_KINDS})


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
        """The remembered geometry, brought inside the screen it now opens on (a smaller
        monitor than last time); without one, the size the window set, fitted to the screen."""
        from .screen_fit import bring_inside

        widget: QWidget = self  # type: ignore[assignment]
        data = settings().value(f"geometry/{type(self).__name__}")
        if isinstance(data, QByteArray):
            widget.restoreGeometry(data)
        state = settings().value(f"state/{type(self).__name__}")
        if isinstance(state, QByteArray) and hasattr(widget, "restoreState"):
            widget.restoreState(state)
        bring_inside(widget)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        """Once the window is shown its frame is known: bring it inside again, now exactly
        (and after the window system placed it, on the next turn of the event loop)."""
        from PySide6.QtCore import QTimer

        from .screen_fit import bring_inside

        super().showEvent(event)  # type: ignore[misc]
        widget: QWidget = self  # type: ignore[assignment]
        bring_inside(widget)
        QTimer.singleShot(0, widget, lambda: bring_inside(widget))

    def save_geometry(self) -> None:
        widget: QWidget = self  # type: ignore[assignment]
        store = settings()
        store.setValue(f"geometry/{type(self).__name__}", widget.saveGeometry())
        if hasattr(widget, "saveState"):
            store.setValue(f"state/{type(self).__name__}", widget.saveState())
