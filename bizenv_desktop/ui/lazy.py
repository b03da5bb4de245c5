"""Tabs that read the database only while they are on screen."""
from __future__ import annotations

from typing import Any


class ReloadWhenShown:
    """Mixin for a QWidget with reload(): a change made while the widget is hidden (another
    tab is in front) marks it stale, and it re-reads once, when it is next shown. Connect
    controller.changed to reload_when_shown instead of reload. A view that reads in the
    background overrides refresh_stale() (by default reload())."""

    _stale = False

    def refresh_stale(self) -> None:
        self.reload()  # type: ignore[attr-defined]

    def reload_when_shown(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self._stale = False
            self.refresh_stale()
        else:
            self._stale = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        if self._stale:
            self._stale = False
            self.refresh_stale()
        super().showEvent(event)  # type: ignore[misc]
