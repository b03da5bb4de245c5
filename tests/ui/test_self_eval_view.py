"""SelfEvalView on a real database with a real Controller: rating, score, narrative, missing, undo."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from bizenv_desktop.services import events, plan_edit, plan_read, self_evaluation as se
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.self_eval_view import (COL_CRITERIA, COL_NAME, COL_NARRATIVE, COL_RATING, COL_SCORE,
                                              NarrativeDialog, SelfEvalView)


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def view(qtbot: Any, controller: Controller) -> SelfEvalView:
    v = SelfEvalView(controller)
    qtbot.addWidget(v)
    v.show()
    return v


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def ind_id(workspace: Any, code: str, year: int = 2026) -> int:
    return next(i.id for i in plan_read.load_plan(workspace.db, year).second_level() if i.code == code)


def db_rows(workspace: Any) -> list[tuple]:
    return [tuple(r) for r in workspace.db.query(
        "SELECT indicator_id, period, rating, score, narrative FROM self_evaluation ORDER BY id")]


def cell(view: SelfEvalView, indicator_id: int, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    for r in range(view.proxy.rowCount()):
        index = view.proxy.index(r, col)
        if view.rows()[r].indicator_id == indicator_id:
            return index if role is None else index.data(role)
    raise AssertionError(f"indicator {indicator_id} not shown")


def test_every_second_level_indicator_is_listed(view: SelfEvalView, workspace: Any) -> None:
    plan = plan_read.load_plan(workspace.db, 2026)
    assert view.year == 2026 and view.period == "2026"
    assert [r.code for r in view.rows()] == [i.code for i in plan.second_level()]
    headers = [view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(view.proxy.columnCount())]
    assert headers == ["编号", "指标", "考评内容及标准", "评价等级", "分值", "自评说明", "佐证数"]
    first = plan.second_level()[0]
    assert cell(view, first.id, COL_CRITERIA, Qt.ItemDataRole.ToolTipRole) == first.criteria
    assert view.count_label.text() == "未自评 23 项（共 23 项）"
    assert view.year_label.text() == "本年度各期未自评：第一季度 23，第二季度 23，第三季度 23，第四季度 23，全年 23"
    assert [view.period_box.itemText(i) for i in range(view.period_box.count())] == \
        ["第一季度", "第二季度", "第三季度", "第四季度", "全年"]


def test_rate_narrate_filter_and_undo(qtbot: Any, view: SelfEvalView, controller: Controller,
                                      workspace: Any) -> None:
    i3, i4 = ind_id(workspace, "(3)"), ind_id(workspace, "(4)")
    view.set_period(2026, "Q2")
    assert view.period == "2026Q2" and view.period_box.currentText() == "第二季度"
    assert view.set_rating(i3, "良好")
    assert view.set_narrative(i3, "重点任务按期推进")  # before the queued refresh: the rating is kept
    assert db_rows(workspace) == [(i3, "2026Q2", "良好", None, "重点任务按期推进")]
    qtbot.waitUntil(lambda: view.row_of(i3).narrative == "重点任务按期推进")
    assert cell(view, i3, COL_RATING) == "良好"
    assert view.count_label.text() == "未自评 22 项（共 23 项）"
    assert "第二季度 22，" in view.year_label.text() and "第一季度 23，" in view.year_label.text()
    # a rating through the table's model (as the combo delegate sets it)
    assert view.proxy.setData(cell(view, i4, COL_RATING, None), "较差")
    qtbot.waitUntil(lambda: view.row_of(i4).rating == "较差")
    assert view.missing_count() == 21
    # only the missing ones
    view.missing_only.setChecked(True)
    assert len(view.rows()) == 21 and i3 not in [r.indicator_id for r in view.rows()]
    view.missing_only.setChecked(False)
    assert len(view.rows()) == 23
    # another period does not show Q2's evaluation
    view.set_period(2026, "Q1")
    assert view.row_of(i3).missing and view.missing_count() == 23
    view.set_period(2026, "2026Q2")
    assert view.row_of(i3).rating == "良好"
    # undo, one step each
    assert controller.undo_stack.count() == 3
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: view.row_of(i4).missing)
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: view.row_of(i3).narrative == "")
    assert view.row_of(i3).rating == "良好"
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: view.missing_count() == 23)
    assert db_rows(workspace) == []


def test_refused_edits_say_why_and_change_nothing(qtbot: Any, view: SelfEvalView, controller: Controller,
                                                  workspace: Any, warnings: list[str]) -> None:
    i3 = ind_id(workspace, "(3)")
    assert not view.set_rating(i3, "满意")
    assert "优秀、良好、一般或较差" in warnings[-1]
    assert not view.set_score(i3, "5")
    assert "没有设定分值" in warnings[-1]
    assert not (view.model.flags(view.model.index(2, COL_SCORE)) & Qt.ItemFlag.ItemIsEditable)
    assert db_rows(workspace) == [] and controller.undo_stack.count() == 0
    # give (3) a score of 10: the score cell becomes editable and is checked against it
    controller.run("分值", lambda w: plan_edit.update_indicator(w, i3, score=10.0))
    qtbot.waitUntil(lambda: view.row_of(i3).max_score == 10.0)
    index = cell(view, i3, COL_SCORE, None)
    assert view.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "满分 10"
    assert not view.proxy.setData(index, "12")
    assert "0 到 10" in warnings[-1]
    assert db_rows(workspace) == []
    assert view.proxy.setData(index, "9.5")
    qtbot.waitUntil(lambda: view.row_of(i3).score == 9.5)
    assert cell(view, i3, COL_SCORE) == "9.5"
    assert db_rows(workspace) == [(i3, "2026", "", 9.5, "")]


def test_narrative_dialog(qtbot: Any, view: SelfEvalView, workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    i7 = ind_id(workspace, "(7)")
    view.set_period(2026, "Q3")
    assert view.select(i7)
    shown: list[str] = []

    def fill(dialog: NarrativeDialog) -> int:
        shown.append(dialog.edit.toPlainText())
        dialog.edit.setPlainText("第一行\n第二行")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NarrativeDialog, "exec", fill)
    qtbot.mouseClick(view.narrative_button, Qt.MouseButton.LeftButton)
    assert shown == [""]
    assert se.find_evaluation(workspace.db, i7, "2026Q3")["narrative"] == "第一行\n第二行"
    qtbot.waitUntil(lambda: cell(view, i7, COL_NARRATIVE) == "第一行\n第二行")
    view.ask_narrative(view.row_of(i7))  # the same text again: no new step
    assert shown[-1] == "第一行\n第二行"
    assert view.controller.undo_stack.count() == 1


def test_counted_indicators_show_their_events(qtbot: Any, view: SelfEvalView, controller: Controller,
                                               workspace: Any) -> None:
    i21 = ind_id(workspace, "(21)")
    assert cell(view, i21, COL_NAME) == "媒体宣传（本年已登记 0 条）"
    assert cell(view, ind_id(workspace, "(3)"), COL_NAME) == "落实重点工作任务"
    controller.run("登记", lambda w: events.add_event(w, "media", "2026-05-06", "报道", level="国家级"))
    qtbot.waitUntil(lambda: cell(view, i21, COL_NAME) == "媒体宣传（本年已登记 1 条）")


def test_year_switch_and_new_year(qtbot: Any, view: SelfEvalView, controller: Controller, workspace: Any) -> None:
    from bizenv_desktop.services import years

    controller.run("2027", lambda w: years.create_builtin_year(w, 2027))
    qtbot.waitUntil(lambda: view.year_box.count() == 2)
    assert view.year == 2026  # the shown year stays
    view.set_period(2027, "Q4")
    assert view.period == "2027Q4" and view.year_box.currentData() == 2027
    assert view.set_rating(ind_id(workspace, "(1)", 2027), "优秀")
    assert db_rows(workspace)[0][1:3] == ("2027Q4", "优秀")
