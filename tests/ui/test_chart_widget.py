"""QuantChart (the 看板's chart, drawn with QPainter) on real data: the series and the pixels."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QWidget

from bizenv_desktop.core.model import Target
from bizenv_desktop.services import dashboard, dispatch
from bizenv_desktop.ui.chart_widget import PALETTE, QuantChart, runs, y_range

MONTHS = [f"{m}月" for m in range(1, 13)]
WHITE = QColor("white")


def fill(ws: Any, month: str, **values: float) -> None:
    ws.apply(f"开始 {month}", lambda w: dispatch.start_month(w, month))
    for row in dispatch.load_month(ws.db, month).rows:
        if row.indicator_code in values:
            ws.apply("填写", lambda w, r=row: dispatch.update_row(w, r.id, value=values[r.indicator_code]))


def rendered(chart: QuantChart) -> QImage:
    image = QImage(chart.size(), QImage.Format.Format_RGB32)
    image.fill(WHITE)
    painter = QPainter(image)
    chart.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)  # on white paper
    painter.end()
    return image


def distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def near(image: QImage, at: QPointF, color: str, radius: int = 2) -> bool:
    """Some pixel within radius of at is of this colour, or (a thin antialiased line) nearer to it than to white."""
    want = QColor(color)
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            got = image.pixelColor(round(at.x()) + dx, round(at.y()) + dy)
            if distance(got, want) < 60 or distance(got, want) < distance(got, WHITE):
                return True
    return False


def background(color: QColor) -> bool:
    """White, or the light grey of the grid."""
    return color.red() == color.green() == color.blue() and color.red() >= 0xc0


@pytest.fixture
def chart(qtbot: Any) -> QuantChart:
    widget = QuantChart()
    qtbot.addWidget(widget)
    widget.setFixedSize(800, 300)
    return widget


def test_draws_each_indicator_its_target_and_gaps(chart: QuantChart, workspace: Any) -> None:
    fill(workspace, "2026-01", **{"(10)": 80, "(11)": 50})
    fill(workspace, "2026-02", **{"(10)": 85})
    fill(workspace, "2026-04", **{"(10)": 64})
    series = dashboard.quantitative_series(workspace.db, 2026)
    chart.set_series(series, MONTHS, "目标")
    assert [s[0] for s in chart.series] == ["(10)", "(11)", "(12)"]
    assert chart.legend_labels()[0] == "(10) 一网通办"
    assert chart.target_labels() == ["目标 ≥90%", "目标 ≥70%", "目标 ≥60%"]
    assert y_range(chart.series) == (0.0, 100.0, 20.0)  # all percentages
    image = rendered(chart)
    blue, red = PALETTE[0], PALETTE[1]
    for month, value in ((1, 80), (2, 85), (4, 64)):  # the markers of (10), where its figures are
        assert near(image, chart.point(month, value), blue, 0)
    assert near(image, chart.point(1.5, 82.5), blue)  # the line from January to February
    assert near(image, chart.point(3, 74.5), blue) is False  # no figure in March: a gap, not a line 85 → 64
    assert near(image, chart.point(1, 50), red, 0)  # (11)'s one figure
    target = [near(image, chart.point(m / 4, 90), blue, 1) for m in range(4, 50)]
    assert sum(target) > len(target) / 2  # the dashed target line across the year
    assert near(image, chart.point(7, 70), red, 1) or near(image, chart.point(7.2, 70), red, 1)
    plot = chart.plot_rect()
    assert background(image.pixelColor(round(plot.left()) + 200, round(plot.top()) + 40))


def test_an_empty_year_draws_the_axes_only(chart: QuantChart) -> None:
    chart.set_series([], MONTHS, "目标")
    image = rendered(chart)
    plot = chart.plot_rect()
    assert image.pixelColor(round(plot.left()), round(plot.center().y())) != WHITE  # the value axis
    assert all(background(image.pixelColor(x, round(plot.center().y())))
               for x in range(round(plot.left()) + 5, round(plot.right()) - 5, 7))


def test_values_other_than_percentages_get_a_scale_that_holds_them() -> None:
    target = Target(">=", 30, "天")
    series = [("(9)", "办理时限", target, [("2026-01", 12.0), ("2026-02", 140.0)] + [("m", None)] * 10)]
    low, high, step = y_range(series)
    assert low == 0 and high >= 140 and step > 0 and (high - low) / step <= 20
    assert runs([1.0, None, 2.0, 3.0]) == [[(1, 1.0)], [(3, 2.0), (4, 3.0)]]


def test_prints_sharp_at_a_larger_scale(chart: QuantChart, workspace: Any) -> None:
    fill(workspace, "2026-03", **{"(12)": 40})
    chart.set_series(dashboard.quantitative_series(workspace.db, 2026), MONTHS, "目标")
    image = QImage(2400, 900, QImage.Format.Format_RGB32)  # as print_to renders the dashboard, at 3 ×
    image.fill(WHITE)
    painter = QPainter(image)
    painter.scale(3, 3)
    chart.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)  # on white paper
    painter.end()
    at = chart.point(3, 40)
    assert near(image, QPointF(at.x() * 3, at.y() * 3), PALETTE[2], 0)  # (12)'s marker, drawn at 3 ×
