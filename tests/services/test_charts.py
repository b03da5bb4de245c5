"""The quantitative chart as a reportlab drawing and its SVG."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from reportlab.graphics.shapes import Drawing

from bizenv_desktop.core.model import Target
from bizenv_desktop.services.charts import quantitative_chart, to_svg

MONTHS = [f"2026-{m:02d}" for m in range(1, 13)]
SVG = "{http://www.w3.org/2000/svg}"


def series(*values: list[float | None]) -> list:
    names = [("(10)", "一网通办", 90), ("(11)", "一窗受理", 70), ("(12)", "最多跑一次改革", 60)]
    return [(code, name, Target(">=", target, "%"), list(zip(MONTHS, v)))
            for (code, name, target), v in zip(names, values)]


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg.encode("utf-8")).iter(f"{SVG}text")]


def test_svg_has_every_indicator_the_targets_and_the_months() -> None:
    data = series([80, 85, None, 88, 91, None, None, None, None, None, None, None],
                  [50, 55, 60, 65, 69, 72] + [None] * 6, [None] * 12)
    drawing = quantitative_chart(data, 640, 300)
    assert isinstance(drawing, Drawing) and (drawing.width, drawing.height) == (640, 300)
    svg = to_svg(drawing)
    words = texts(svg)
    for code, name, _t, _p in data:
        assert f"{code} {name}" in words
    assert {"目标 ≥90%", "目标 ≥70%", "目标 ≥60%"} <= set(words)
    assert [f"{m}月" for m in range(1, 13)] == [w for w in words if w.endswith("月")]
    assert "0%" in words and "100%" in words  # a percentage axis from 0 to 100
    assert svg.count("stroke-dasharray") >= 3  # one dashed target line each (and their legend swatches)
    assert "fill: None" not in svg and "<clipPath" not in svg  # what Qt would paint black


def test_a_missing_month_breaks_the_line() -> None:
    svg = to_svg(quantitative_chart(series([80, 85, None, 88, 91] + [None] * 7), 640, 300))
    solid = [p for p in ET.fromstring(svg.encode("utf-8")).iter(f"{SVG}polyline")
             if "dasharray" not in p.get("style", "")]
    assert sorted(len(p.get("points", "").split(",")) for p in solid) == [2, 2]  # Jan–Feb and Apr–May


def test_all_missing_and_no_series_do_not_crash() -> None:
    svg = to_svg(quantitative_chart(series([None] * 12, [None] * 12), 500, 260))
    assert "(10) 一网通办" in texts(svg) and "目标 ≥90%" in texts(svg)
    empty = to_svg(quantitative_chart([], 500, 260))
    assert "<svg" in empty and "1月" in texts(empty)


def test_labels_come_from_the_caller() -> None:
    labels = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    svg = to_svg(quantitative_chart(series([95] * 12), 640, 300, month_labels=labels, target_word="Target"))
    assert "Target ≥90%" in texts(svg) and "Dec" in texts(svg)


def test_other_units_get_an_axis_of_their_own() -> None:
    data = [("(30)", "办理时限", Target("<=", 5, "天"), list(zip(MONTHS, [7, 6, 4.5] + [None] * 9)))]
    words = texts(to_svg(quantitative_chart(data, 640, 300)))
    assert "目标 ≤5天" in words and "100%" not in words and "8" in words  # 0–8 covers the 7
