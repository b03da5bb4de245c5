"""What the quantitative chart shows, shared by the 看板's QPainter chart (ui/chart_widget) and
the reportlab chart of the PDF reports (services/charts): the series, the colours, the value
axis and the gaps. Neither Qt nor reportlab here, so the screen and the paper agree."""
from __future__ import annotations

from collections.abc import Sequence

from .model import Target

Series = tuple[str, str, Target, Sequence[tuple[str, float | None]]]  # code, name, target, (month, value)

# Colour per line, the same on screen and paper.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f")
PERCENT = ("%", "％")


def all_percent(series: Sequence[Series]) -> bool:
    return bool(series) and all(target.unit in PERCENT for _c, _n, target, _p in series)


def y_range(series: Sequence[Series]) -> tuple[float, float, float]:
    """(min, max, step) of the value axis: 0–100 when every indicator is a percentage."""
    if all(target.unit in PERCENT for _c, _n, target, _p in series):
        return 0.0, 100.0, 20.0
    values = [v for _c, _n, target, points in series for v in (*(p[1] for p in points), target.value)
              if v is not None]
    top = max(values, default=1.0) or 1.0
    step = 10 ** len(str(int(top))) / 10 or 1.0
    return 0.0, float(step * (int(top / step) + 1)), float(step)


def runs(values: Sequence[float | None]) -> list[list[tuple[int, float]]]:
    """Consecutive known values as separate lines, [(month 1–12, value), …] each, so that a
    missing month is a gap, not a bridge."""
    out: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for month, value in enumerate(values, 1):
        if value is None:
            if current:
                out.append(current)
            current = []
        else:
            current.append((month, float(value)))
    if current:
        out.append(current)
    return out
