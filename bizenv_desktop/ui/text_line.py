"""A one-line text for a line that changes often (counts, state), cheaper than a QLabel.

QLabel.setText always asks its parent's layout, and so every layout up to the window, to
lay out again, and the window then repaints whole: about 10 ms on the month view, at every
month switch. A TextLine has a fixed height and takes the width it is given, so a new text
repaints only the line itself. Too long a text is elided, and shown whole as a tool tip.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget


class TextLine(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._elided = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.fontMetrics().height() + 4)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (the QLabel name)
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name) the same whatever the text: see the module doc
        return QSize(200, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(0, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        rect = self.contentsRect().adjusted(1, 0, -1, 0)
        shown = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight, rect.width())
        self._elided = shown != self._text
        painter = QPainter(self)
        # not QStyle.drawItemText: PySide6 makes QStyle's hundreds of enum members on first use (25 ms)
        group = QPalette.ColorGroup.Active if self.isEnabled() else QPalette.ColorGroup.Disabled
        painter.setPen(self.palette().color(group, QPalette.ColorRole.WindowText))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FontChange:
            self.setFixedHeight(self.fontMetrics().height() + 4)
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and not self.toolTip():
            if self._elided:
                QToolTip.showText(event.globalPos(), self._text, self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
