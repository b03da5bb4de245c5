"""Charts as reportlab Drawings, for the PDF reports (and SVG for `to_svg`). The 看板 draws the
same chart with QPainter (ui/chart_widget); both take their scale and colours from core.chart_scale.

No Qt here. Texts are passed in by the caller (the GUI passes its translated words), so
the default Chinese labels are only what the command line and the reports use.
Strings use one font name (Helvetica, a standard font reportlab needs no file for); the SVG
output names it and the viewer's font fallback draws the Chinese (e.g. WenQuanYi).
A PDF report that prints Chinese passes a registered CJK font as font_name.
"""
from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from ..core import chart_scale
from ..core.chart_scale import Series, all_percent

# Colour and marker per line: different markers keep the lines apart when printed in black and white.
PALETTE = tuple(colors.HexColor(c) for c in chart_scale.PALETTE)
MARKERS = ("FilledCircle", "FilledSquare", "FilledTriangle", "FilledDiamond", "Circle", "Square", "Triangle",
           "Diamond")
DEFAULT_MONTHS = tuple(f"{m}月" for m in range(1, 13))
LEGEND_ROW = 14


def quantitative_chart(series: Sequence[Series], width: float = 640, height: float = 300,
                       month_labels: Sequence[str] = DEFAULT_MONTHS, target_word: str = "目标",
                       font_name: str = "Helvetica", font_size: float = 9) -> Drawing:
    """One line per indicator over the twelve months with its target as a dashed line of the
    same colour (labelled e.g. "目标 ≥90%"), and a legend of code and name below the plot."""
    legend_height = LEGEND_ROW * max(1, len(series)) + 6
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 42, legend_height + 22
    plot.width = max(50.0, width - plot.x - 70)
    plot.height = max(50.0, height - plot.y - 12)
    data: list[list[tuple[float, float]]] = []
    styles: list[tuple[int, bool]] = []  # (series index, is target) of each data row
    for i, (_code, _name, target, points) in enumerate(series):
        for run in chart_scale.runs([v for _m, v in points]):
            data.append([(float(m), v) for m, v in run])
            styles.append((i, False))
        data.append([(0.5, float(target.value)), (12.5, float(target.value))])
        styles.append((i, True))
    if not data:  # no quantitative indicator: an empty frame with its axes
        data, styles = [[(0.5, 0.0), (0.5, 0.0)]], [(-1, True)]
    plot.data = data
    for row, (i, is_target) in enumerate(styles):
        line = plot.lines[row]
        color = PALETTE[i % len(PALETTE)] if i >= 0 else colors.white
        line.strokeColor = color
        line.strokeWidth = 1 if is_target else 1.8
        if is_target:
            line.strokeDashArray = [5, 3]
        else:
            line.symbol = makeMarker(MARKERS[i % len(MARKERS)], size=5, fillColor=color, strokeColor=color)
    low, high, step = chart_scale.y_range(series)
    percent = all_percent(series)
    y_axis = plot.yValueAxis
    y_axis.valueMin, y_axis.valueMax, y_axis.valueStep = low, high, step
    y_axis.labelTextFormat = "%d%%" if percent else "%g"
    y_axis.labels.fontName, y_axis.labels.fontSize, y_axis.labels.dx = "Helvetica", font_size, -7
    y_axis.visibleGrid, y_axis.gridStrokeColor, y_axis.gridStrokeWidth = True, colors.HexColor("#dddddd"), 0.5
    x_axis = plot.xValueAxis
    x_axis.valueMin, x_axis.valueMax = 0.5, 12.5
    x_axis.valueSteps = [float(m) for m in range(1, 13)]
    labels = list(month_labels)
    x_axis.labelTextFormat = lambda v: labels[int(round(v)) - 1] if 1 <= round(v) <= len(labels) else ""
    x_axis.labels.fontName, x_axis.labels.fontSize = font_name, font_size
    drawing.add(plot)
    scale = plot.height / (high - low)
    for i, (_code, _name, target, _points) in enumerate(series):  # the target's words beside its line
        y = plot.y + (float(target.value) - low) * scale - font_size / 3
        drawing.add(String(plot.x + plot.width + 4, y, f"{target_word} {target.text()}", fontName=font_name,
                           fontSize=font_size - 1, fillColor=PALETTE[i % len(PALETTE)]))
    for i, (code, name, _target, _points) in enumerate(series):  # legend: swatch, marker, code and name
        y = legend_height - LEGEND_ROW * (i + 1)
        color = PALETTE[i % len(PALETTE)]
        drawing.add(Line(plot.x, y + 3, plot.x + 22, y + 3, strokeColor=color, strokeWidth=1.8))
        marker = makeMarker(MARKERS[i % len(MARKERS)], size=7, fillColor=color, strokeColor=color, x=plot.x + 11,
                            y=y + 3)
        drawing.add(marker)
        drawing.add(Line(plot.x + 28, y + 3, plot.x + 46, y + 3, strokeColor=color, strokeWidth=1,
                         strokeDashArray=[5, 3]))
        drawing.add(String(plot.x + 52, y, f"{code} {name}", fontName=font_name, fontSize=font_size))
    return drawing


def to_svg(drawing: Drawing) -> str:
    """The drawing as an SVG document (UTF-8 text) that Qt's SVG renderer draws as browsers do.

    useClip: a <clipPath> definition is painted as a black rectangle by QtSvg, the clip
    attribute is not. renderSVG writes "fill: None" for polylines, which is no SVG colour, so
    renderers fall back to black and fill the area under each line: it must be "none".
    """
    return renderSVG.drawToString(drawing, useClip=True).replace("fill: None;", "fill: none;")
