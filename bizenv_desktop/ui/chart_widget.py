"""The 看板's chart of the quantitative indicators, drawn with QPainter.

The same drawing as services.charts.quantitative_chart (which the PDF reports use): one line
per indicator over the twelve months, its target as a dashed line of the same colour labelled
“目标 ≥90%”, and a legend of code and name below. Drawn here rather than through reportlab
and SVG so the tab needs no reportlab (17 MB, 0.4 s to import). A month without a figure is
a gap, not a bridge; each line has its own marker, so a black-and-white print keeps them
apart. Painting goes through QPainter only, so QWidget.render (the dashboard's print and
image) draws it as sharp as the target device allows.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.chart_scale import PALETTE, Series, all_percent, runs, y_range

MARKERS = ("circle", "square", "triangle", "diamond")  # filled for the first four lines, hollow after
GRID = QColor("#dddddd")
LEFT, RIGHT, TOP = 44, 78, 10  # room for the value labels, the target labels, the top label
X_LABELS = 20                  # room for the month labels under the plot


class QuantChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: list[Series] = []
        self.month_labels: list[str] = []  # set_series gives the translated words
        self.target_word = ""
        font = QFont(self.font())
        font.setPointSizeF(9)
        self.setFont(font)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_series(self, series: Sequence[Series], month_labels: Sequence[str], target_word: str) -> None:
        """What to draw: the texts are the caller's, translated."""
        self.series = list(series)
        self.month_labels = list(month_labels)
        self.target_word = target_word
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(800, 300)

    # -- geometry (also for tests: where a value is drawn) ----------------------------------
    def legend_row(self) -> int:
        return self.fontMetrics().height() + 4

    def legend_height(self) -> int:
        return self.legend_row() * max(1, len(self.series)) + 6

    def plot_rect(self) -> QRectF:
        bottom = self.height() - self.legend_height() - X_LABELS
        return QRectF(LEFT, TOP, max(50.0, self.width() - LEFT - RIGHT), max(50.0, bottom - TOP))

    def point(self, month: float, value: float) -> QPointF:
        """Where (month 1–12, value) is drawn; the axis runs from month 0.5 to 12.5."""
        plot = self.plot_rect()
        low, high, _step = y_range(self.series)
        x = plot.left() + (month - 0.5) / 12 * plot.width()
        y = plot.bottom() - (value - low) / ((high - low) or 1.0) * plot.height()
        return QPointF(x, y)

    def target_labels(self) -> list[str]:
        return [f"{self.target_word} {target.text()}" for _c, _n, target, _p in self.series]

    def legend_labels(self) -> list[str]:
        return [f"{code} {name}" for code, name, _t, _p in self.series]

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(self.font())
            self._axes(painter)
            painter.save()
            painter.setClipRect(self.plot_rect().adjusted(-4, -4, 4, 4))  # a figure off the scale stays in the plot
            for i, (_code, _name, target, points) in enumerate(self.series):
                self._target_line(painter, i, float(target.value))
                for run in runs([v for _m, v in points]):
                    self._line(painter, i, run)
            painter.restore()
            self._target_texts(painter)
            self._legend(painter)
        finally:
            painter.end()

    def _axes(self, painter: QPainter) -> None:
        plot = self.plot_rect()
        low, high, step = y_range(self.series)
        percent = all_percent(self.series)
        metrics = self.fontMetrics()
        text_pen = QPen(self.palette().windowText().color())
        value = low
        while value <= high + step / 1000:
            y = self.point(1, value).y()
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_pen)
            label = f"{value:.0f}%" if percent else f"{value:g}"
            painter.drawText(QRectF(0, y - metrics.height() / 2, LEFT - 6, metrics.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label)
            value += step
        painter.setPen(QPen(text_pen.color(), 1))
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        for month in range(1, 13):
            x = self.point(month, low).x()
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3))
            label = self.month_labels[month - 1] if month <= len(self.month_labels) else ""
            painter.drawText(QRectF(x - 30, plot.bottom() + 4, 60, X_LABELS - 4),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), label)

    @staticmethod
    def _color(i: int) -> QColor:
        return QColor(PALETTE[i % len(PALETTE)])

    def _target_line(self, painter: QPainter, i: int, value: float) -> None:
        pen = QPen(self._color(i), 1.2, Qt.PenStyle.CustomDashLine)
        pen.setDashPattern([5, 3])
        painter.setPen(pen)
        painter.drawLine(self.point(0.5, value), self.point(12.5, value))

    def _line(self, painter: QPainter, i: int, run: list[tuple[int, float]]) -> None:
        color = self._color(i)
        painter.setPen(QPen(color, 1.8))
        painter.drawPolyline(QPolygonF([self.point(m, v) for m, v in run]))
        for m, v in run:
            self._marker(painter, i, self.point(m, v), 5)

    def _marker(self, painter: QPainter, i: int, at: QPointF, size: float) -> None:
        """The line's marker: circle, square, triangle, diamond; filled for lines 1–4, hollow for 5–8."""
        color = self._color(i)
        shape = MARKERS[i % len(MARKERS)]
        filled = (i % len(PALETTE)) < len(MARKERS)
        painter.setPen(QPen(color, 1.2))
        painter.setBrush(QBrush(color) if filled else QBrush(QColor("white")))
        r = size / 2
        if shape == "circle":
            painter.drawEllipse(at, r, r)
        elif shape == "square":
            painter.drawRect(QRectF(at.x() - r, at.y() - r, size, size))
        else:
            path = QPainterPath()
            if shape == "triangle":
                corners = [(0, -r * 1.2), (r * 1.1, r * 0.8), (-r * 1.1, r * 0.8)]
            else:
                corners = [(0, -r * 1.3), (r * 1.1, 0), (0, r * 1.3), (-r * 1.1, 0)]
            path.addPolygon(QPolygonF([QPointF(at.x() + dx, at.y() + dy) for dx, dy in corners]))
            path.closeSubpath()
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _target_texts(self, painter: QPainter) -> None:
        """Each target's words beside its line; pushed apart when two targets are close."""
        plot = self.plot_rect()
        height = self.fontMetrics().height()
        placed: list[tuple[float, int]] = sorted(
            (self.point(12.5, float(t.value)).y(), i) for i, (_c, _n, t, _p) in enumerate(self.series))
        last = -1e9
        for y, i in placed:
            y = max(y, last + height)
            last = y
            painter.setPen(QPen(self._color(i)))
            painter.drawText(QRectF(plot.right() + 4, y - height / 2, RIGHT - 4, height),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             self.target_labels()[i])

    def _legend(self, painter: QPainter) -> None:
        row = self.legend_row()
        top = self.height() - self.legend_height() + 4
        x = LEFT
        text_pen = QPen(self.palette().windowText().color())
        for i, label in enumerate(self.legend_labels()):
            y = top + i * row + row / 2
            color = self._color(i)
            painter.setPen(QPen(color, 1.8))
            painter.drawLine(QPointF(x, y), QPointF(x + 22, y))
            self._marker(painter, i, QPointF(x + 11, y), 7)
            dash = QPen(color, 1.2, Qt.PenStyle.CustomDashLine)
            dash.setDashPattern([5, 3])
            painter.setPen(dash)
            painter.drawLine(QPointF(x + 28, y), QPointF(x + 46, y))
            painter.setPen(text_pen)
            painter.drawText(QRectF(x + 52, y - row / 2, self.width() - x - 52, row),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), label)
