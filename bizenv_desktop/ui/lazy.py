"""Views that re-read only what a change touched, and only while they are on screen.

The controller's `changed` signal carries a storage.touched.Touched (the tables and rows the
change wrote). A view declares the tables its reload() reads and lets the mixin do the rest:

    class EventsView(ReloadWhenShown, QWidget):
        WATCHES = frozenset({"event", "evidence_link", "indicator", "plan_year"})

        def __init__(self, controller, parent=None):
            ...
            self.watch(controller)          # instead of controller.changed.connect(self.reload)

        def watch_scope(self):              # optional: only rows of what is shown count
            return {"event": {"year": {self.year}}}

tests/ui/test_watches.py checks each view's WATCHES against the tables its reload() really
reads (an SQLite authorizer), so a service that starts reading another table fails there.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from ..storage.touched import Scope, Touched


class ReloadWhenShown:
    """Mixin for a QWidget with reload(): a change touching WATCHES re-reads it at once if it is
    on screen; made while it is hidden (another tab in front, a closed dialog), it marks the
    widget stale and it re-reads once, when next shown. A view that reads in the background
    overrides refresh_stale() (by default reload()); reload_when_shown() re-reads (or marks)
    whatever changed."""

    WATCHES: ClassVar[frozenset[str]] = frozenset()  # the tables reload() reads
    _stale = False
    reloads = 0  # re-reads a change (or showing it after one) caused: tests count them

    def watch(self, controller: Any, queued: bool = True) -> None:
        """Follow controller.changed (queued: after the action that changed it has returned)."""
        kind = Qt.ConnectionType.QueuedConnection if queued else Qt.ConnectionType.AutoConnection
        controller.changed.connect(self.on_change, kind)

    def watch_scope(self) -> Scope | None:
        """{table: {column: values}}: of the tables named, only rows with these values count
        (see storage/touched.py); None: every row of WATCHES counts."""
        return None

    def on_change(self, touched: Touched) -> None:
        if touched.touches(self.WATCHES, self.watch_scope()):
            self.reload_when_shown()

    def refresh_stale(self) -> None:
        self.reload()  # type: ignore[attr-defined]

    def reload_when_shown(self) -> None:
        if self.isVisible():  # type: ignore[attr-defined]
            self._refresh()
        else:
            self._stale = True

    def _refresh(self) -> None:
        self._stale = False
        self.reloads += 1
        self.refresh_stale()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        if self._stale:
            self._refresh()
        super().showEvent(event)  # type: ignore[misc]
