"""Columns chosen, ordered and sized per view, and remembered (right-click the header).

`ColumnChooser(header, "month", keep=(COL_INDICATOR,))` restores the header as the user last
left it (the settings key `columns/<name>`), offers every column in a check-list on the
header's context menu (the identifying columns in `keep` cannot be hidden), and saves the
header's state shortly after any change: shown, hidden, moved or resized.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QMenu

from . import settings

SAVE_DELAY_MS = 400  # a drag resizes a column many times: save once it stops


class ColumnChooser(QObject):
    def __init__(self, header: QHeaderView, name: str, keep: Sequence[int] = (),
                 hidden_by_default: Sequence[int] = ()) -> None:
        super().__init__(header)
        self.header = header
        self.key = f"columns/{name}"
        self.keep = set(keep)
        for col in hidden_by_default:
            header.hideSection(col)
        self.initial_state = header.saveState()  # what 恢复默认列 goes back to
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.restore()
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_menu)
        header.sectionMoved.connect(lambda *_a: self._timer.start())
        header.sectionResized.connect(lambda *_a: self._timer.start())
        header.destroyed.connect(self._timer.stop)

    def restore(self) -> None:
        state = settings.get(self.key)
        if isinstance(state, bytes):
            state = QByteArray(state)
        if isinstance(state, QByteArray) and not state.isEmpty():
            count = self.header.count()
            if not self.header.restoreState(state) or self.header.count() != count:
                self.header.restoreState(self.initial_state)  # saved by an older version with other columns
        for col in self.keep:
            self.header.showSection(col)

    def save(self) -> None:
        settings.put(self.key, self.header.saveState())

    def title(self, col: int) -> str:
        model = self.header.model()
        text = model.headerData(col, self.header.orientation(), Qt.ItemDataRole.DisplayRole) if model else None
        return str(text or col + 1)

    def menu(self) -> QMenu:
        """The check-list of columns (also what the tests drive)."""
        menu = QMenu(self.header)
        for visual in range(self.header.count()):
            col = self.header.logicalIndex(visual)
            action = QAction(self.title(col), menu)
            action.setCheckable(True)
            action.setChecked(not self.header.isSectionHidden(col))
            action.setEnabled(col not in self.keep)
            action.setData(col)
            action.toggled.connect(lambda on, c=col: self.set_shown(c, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction(self.tr("恢复默认列"))
        reset.triggered.connect(self.reset)
        return menu

    def show_menu(self, pos: QPoint) -> None:
        menu = self.menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.header.mapToGlobal(pos))

    def set_shown(self, col: int, shown: bool) -> None:
        if col in self.keep and not shown:
            return
        self.header.setSectionHidden(col, not shown)
        self.save()

    def reset(self) -> None:
        self.header.restoreState(self.initial_state)
        self.save()

    def hidden(self) -> list[int]:
        return [c for c in range(self.header.count()) if self.header.isSectionHidden(c)]


def widen_to_titles(header: QHeaderView, texts: dict[int, list[str]] | None = None) -> None:
    """No column narrower than its title (English titles are longer than the Chinese ones the
    widths were set for), nor than the longest of `texts[col]` (status words of its cells)."""
    model = header.model()
    if model is None:
        return
    metrics = header.fontMetrics()
    bold_font = QFont(header.font())
    bold_font.setBold(True)
    bold = QFontMetrics(bold_font)  # the cells' words may be bold (a changed or late status)
    margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin) + 12
    for col in range(header.count()):
        title = str(model.headerData(col, header.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        need = max([metrics.horizontalAdvance(title)] + [bold.horizontalAdvance(w) for w in (texts or {}).get(col, [])])
        need += margin
        if header.sectionSize(col) < need and header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
            header.resizeSection(col, need)
