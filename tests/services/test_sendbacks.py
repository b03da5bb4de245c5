"""Send-backs: a division's returned rows sent back with a reason re-issue its form with the reason
on it, the re-issued form collects again, the history of returns is kept per division and month,
and the on-time return rate per division (DHIS2-style timeliness)."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from bizenv_desktop.core.errors import InvalidInput
from bizenv_desktop.services import dispatch, forms, sendbacks

MAY = "2026-05"
PROGRESS = get_column_letter(forms.COL["progress"])  # 本月进展, wherever the form has it


def collect(ws: Any, path: Path, today: date) -> None:
    pv = forms.collect_preview(ws.db, [path], MAY)[0]
    assert pv.ok, [p.text for p in pv.problems]
    ws.apply("收", lambda w: forms.apply_form(w, w.db, pv.form, MAY, today))


def fill(path: Path, column: str, value: Any, code: str = "(1)") -> Path:
    wb = openpyxl.load_workbook(path)
    sheet = wb[forms.SHEET]
    r = next(r for r in range(4, sheet.max_row + 1) if str(sheet[f"B{r}"].value).startswith(code + " "))
    sheet[f"{column}{r}"] = value
    wb.save(path)
    return path


@pytest.fixture
def may(workspace: Any, tmp_path: Path) -> Any:
    workspace.apply("s", lambda w: dispatch.start_month(w, MAY))
    return workspace


def test_send_back_reissues_a_form_that_collects_again(may: Any, div: Any, tmp_path: Path, snapshot: Any) -> None:
    fg = div("法规处")
    first = forms.make_forms(may.db, MAY, tmp_path / "out", date(2026, 5, 20), only=[fg])[0]
    collect(may, fill(first, PROGRESS, "五月已起草初稿"), date(2026, 5, 26))
    assert fg in [r.division_id for r in forms.returned_divisions(may.db, MAY)[0]]
    with pytest.raises(InvalidInput, match="须说明原因"):
        may.apply("退", lambda w: sendbacks.send_back(w, MAY, fg, "  "))
    may.apply("退", lambda w: sendbacks.send_back(w, MAY, fg, "进展过简，请写明起草进度和下步时间", date(2026, 5, 27)))
    returned, missing = forms.returned_divisions(may.db, MAY)
    assert fg in [r.division_id for r in missing] and fg not in [r.division_id for r in returned]
    again = sendbacks.reissue_form(may.db, MAY, fg, tmp_path / "again", date(2026, 5, 27))
    guide = openpyxl.load_workbook(again)[forms.SHEET]["A2"].value
    assert guide.startswith("【退回修改】2026-05-27 退回，原因：进展过简，请写明起草进度和下步时间。")
    # the re-issued form shows what the division sent, and collects like any other
    collect(may, fill(again, PROGRESS, "五月已起草初稿，6月10日前征求意见"), date(2026, 5, 28))
    row = next(r for r in dispatch.load_month(may.db, MAY).rows if r.indicator_code == "(1)")
    assert row.progress == "五月已起草初稿，6月10日前征求意见"
    history = sendbacks.history(may.db, MAY, fg)
    assert [(e.kind, e.on) for e in history] == [("returned", "2026-05-26"), ("sent_back", "2026-05-27"),
                                                 ("returned", "2026-05-28")]
    assert history[1].note == "进展过简，请写明起草进度和下步时间"
    with pytest.raises(InvalidInput, match="尚未交回"):
        may.apply("退", lambda w: sendbacks.send_back(w, MAY, div("规划处"), "原因"))
    may.apply("关", lambda w: dispatch.close_month(w, MAY))
    before = snapshot()
    with pytest.raises(InvalidInput, match="已关闭"):
        may.apply("退", lambda w: sendbacks.send_back(w, MAY, fg, "原因"))
    assert snapshot() == before


def test_on_time_rate_per_division(may: Any, div: Any, tmp_path: Path) -> None:
    fg, gh = div("法规处"), div("规划处")
    paths = {p.name: p for p in forms.make_forms(may.db, MAY, tmp_path / "out", date(2026, 5, 20), only=[fg, gh])}
    f_fg = next(p for n, p in paths.items() if "法规处" in n)
    f_gh = next(p for n, p in paths.items() if "规划处" in n)
    collect(may, f_fg, date(2026, 5, 29))      # on time: the deadline is Friday 29 May
    collect(may, f_gh, date(2026, 6, 2))       # late
    may.apply("退", lambda w: sendbacks.send_back(w, MAY, fg, "补充数据", date(2026, 6, 3)))  # first return counts
    rates = {t.division: t for t in sendbacks.on_time_rates(may.db, 2026, date(2026, 6, 10))}
    assert (rates["法规处"].expected, rates["法规处"].on_time, rates["法规处"].sent_back, rates["法规处"].rate) == (
        1, 1, 1, 100.0)
    assert (rates["规划处"].expected, rates["规划处"].late, rates["规划处"].rate) == (1, 1, 0.0)
    assert rates["办公室"].missing == 1 and rates["办公室"].rate == 0.0
    # before the deadline nothing not yet returned is counted
    early = {t.division: t for t in sendbacks.on_time_rates(may.db, 2026, date(2026, 5, 25))}
    assert "办公室" not in early or early["办公室"].expected == 0
    assert sendbacks.month_deadline(may.db, MAY) == date(2026, 5, 29)
