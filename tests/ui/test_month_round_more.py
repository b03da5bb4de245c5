"""The month view over a skipped month (what it compares with, said), the 报送情况 panel's
send-back (reason, re-issued form that collects again, history) and the 季度快照 panel."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from bizenv_desktop.services import dispatch, forms
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.month_view import MonthView


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def view(qtbot: Any, controller: Controller) -> MonthView:
    v = MonthView(controller)
    qtbot.addWidget(v)
    v.show()
    return v


def test_a_month_after_a_gap_says_what_it_compares_with(qtbot: Any, view: MonthView) -> None:
    assert view.start_month("2026-02")
    assert view.start_month("2026-04")
    qtbot.waitUntil(lambda: view.model.month is not None and view.model.month.month == "2026-04")
    assert view.changed_only.text() == "只看与 2026-02 相比有变化的行（2026-03 未调度）"
    view.side_tabs.setCurrentWidget(view.changes)
    assert view.changes.toPlainText().splitlines()[0] == "与 2026-02 比较（2026-03 未调度）"


def test_send_back_from_the_returns_panel_reissues_a_form_that_collects_again(
        qtbot: Any, view: MonthView, controller: Controller, workspace: Any, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert view.start_month("2026-05")
    panel = view.returns
    panel.fixed_today = date(2026, 5, 27)
    qtbot.waitUntil(lambda: panel.month == "2026-05")
    fg = workspace.db.scalar("SELECT id FROM division WHERE name = '法规处'")
    form = forms.make_forms(workspace.db, "2026-05", tmp_path / "out", date(2026, 5, 20), only=[fg])[0]
    pv = forms.collect_preview(workspace.db, [form], "2026-05")[0]
    assert controller.run("收", lambda w: forms.apply_form(w, w.db, pv.form, "2026-05", date(2026, 5, 26)))
    qtbot.waitUntil(lambda: panel.returned.count() == 1)
    assert not panel.sendback_button.isEnabled()  # nothing selected yet
    panel.returned.setCurrentRow(0)
    assert panel.sendback_button.isEnabled() and panel.selected_returned() == fg
    # the user's way: the reason asked for, then a folder for the re-issued form
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("请补充五月的进展", True))
    again_dir = tmp_path / "again"
    again_dir.mkdir()
    monkeypatch.setattr("bizenv_desktop.ui.file_dialogs.existing_dir", lambda *a, **k: str(again_dir))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    panel.ask_send_back()
    qtbot.waitUntil(lambda: panel.returned.count() == 0)
    assert "法规处（已退回修改）" in [panel.missing.item(i).text() for i in range(panel.missing.count())]
    assert "法规处" in panel.missing_text().split("、")
    [again] = list(again_dir.glob("*.xlsx"))
    assert shown and str(again) in shown[0]
    sheet = openpyxl.load_workbook(again)[forms.SHEET]
    assert "退回修改" in sheet["A2"].value and "请补充五月的进展" in sheet["A2"].value
    pv = forms.collect_preview(workspace.db, [again], "2026-05")[0]
    assert pv.ok
    assert controller.run("收", lambda w: forms.apply_form(w, w.db, pv.form, "2026-05", date(2026, 5, 28)))
    qtbot.waitUntil(lambda: panel.returned.count() == 1)
    assert panel.returned.item(0).text() == "法规处（2026-05-28），退回 1 次后重交"
    history = panel.history_lines()
    assert [line.split("：")[0] for line in history] == ["2026-05-26 法规处 交回", "2026-05-27 法规处 退回修改",
                                                         "2026-05-28 法规处 交回"]
    assert "请补充五月的进展" in history[1]


def test_the_snapshot_panel_compares_a_closed_quarter_with_now(qtbot: Any, view: MonthView,
                                                               controller: Controller, workspace: Any) -> None:
    for m in ("2026-01", "2026-02", "2026-03"):
        assert view.start_month(m)
    view.side_tabs.setCurrentWidget(view.snapshot)
    assert "还没有季度快照" in view.snapshot.lines()[0]
    assert controller.run("关", lambda w: dispatch.close_month(w, "2026-03"))
    assert controller.run("开", lambda w: dispatch.reopen_month(w, "2026-03", "补充数据"))
    row = next(r for r in dispatch.load_month(workspace.db, "2026-03").rows if r.indicator_code == "(10)")
    assert controller.run("改", lambda w: dispatch.update_row(w, row.id, status="推进中"))
    view.show_month("2026-03")
    qtbot.waitUntil(lambda: view.snapshot.quarter == "2026Q1")
    lines = view.snapshot.lines()
    assert lines[0].endswith("1 处变化")
    assert lines[1].startswith("• [月调度] 2026-03 (10)") and lines[1].endswith("状态：未启动 → 推进中")
