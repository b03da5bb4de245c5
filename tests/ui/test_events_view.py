"""EventsView on a real database with a real Controller: register, filter, count, edit, delete, undo."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from bizenv_desktop.services import events, plan_read, years
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.events_view import EventDialog, EventsView


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def view(qtbot: Any, controller: Controller) -> EventsView:
    v = EventsView(controller, year=2026)
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


def shown(view: EventsView) -> list[list[str]]:
    return [[view.proxy.index(r, c).data() for c in range(view.proxy.columnCount())]
            for r in range(view.proxy.rowCount())]


def fill_three(view: EventsView) -> tuple[int, int, int]:
    a = view.add("briefing", "2026-04-02", "营商环境信息", outlet="省软环境办专报第3期")
    b = view.add("media", "2026-03-01", "经验做法获报道", level="国家级", outlet="人民日报")
    c = view.add("promotion", "2026-06-15", "全省会议经验介绍", level="省级", outlet="全省软环境建设推进会")
    assert a and b and c
    return a, b, c


def test_register_shows_rows_and_counts(qtbot: Any, view: EventsView, workspace: Any) -> None:
    assert view.rows() == []
    assert view.summary_text() == "2026 年：通报表扬 0，媒体宣传 0，简报刊发 0，全省推广 0"
    headers = [view.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(view.proxy.columnCount())]
    assert headers[:6] == ["日期", "类别", "级别", "标题", "媒体/会议", "指标"]
    a, b, c = fill_three(view)
    view.add("briefing", "2026-09-09", "第二篇专报")
    qtbot.waitUntil(lambda: len(view.rows()) == 4)
    assert shown(view)[0] == ["2026-03-01", "媒体宣传", "国家级", "经验做法获报道", "人民日报", "(21) 媒体宣传", ""]
    assert [e.id for e in view.rows()][:3] == [b, a, c]  # by date
    assert view.summary_text() == "2026 年：通报表扬 0，媒体宣传 1，简报刊发 2，全省推广 1"
    assert events.counts(workspace.db, 2026)[ind_id(workspace, "(22)")] == 2
    view.set_kind("briefing")
    assert [e.title for e in view.rows()] == ["营商环境信息", "第二篇专报"]
    assert view.kind_box.currentData() == "briefing"
    assert view.summary_text().endswith("简报刊发 2，全省推广 1")  # counts stay for every kind
    view.set_kind(None)
    assert len(view.rows()) == 4


def test_refused_add_and_edit_change_nothing(qtbot: Any, view: EventsView, controller: Controller,
                                             workspace: Any, warnings: list[str]) -> None:
    assert view.add("media", "2026-03-01", "县报报道", level="其他") is None
    assert "国家级或省级" in warnings[-1]
    assert view.add("briefing", "2026-13-01", "x") is None
    assert "2026-13-01" in warnings[-1]
    assert view.add("briefing", "2026-01-01", " ") is None
    assert "请填写事件标题" in warnings[-1]
    assert workspace.db.scalar("SELECT count(*) FROM event") == 0 and controller.undo_stack.count() == 0
    eid = view.add("briefing", "2026-01-05", "专报")
    assert not view.edit(eid, indicator_id=ind_id(workspace, "(20)"))
    assert "不能计入简报刊发" in warnings[-1]
    assert events.list_events(workspace.db)[0].indicator_id == ind_id(workspace, "(22)")
    assert controller.undo_stack.count() == 1


def test_edit_delete_and_undo(qtbot: Any, view: EventsView, controller: Controller, workspace: Any) -> None:
    a, b, c = fill_three(view)
    assert view.edit(a, kind="promotion", level="省级", title="会议交流")
    qtbot.waitUntil(lambda: view.summary_text() == "2026 年：通报表扬 0，媒体宣传 1，简报刊发 0，全省推广 2")
    row = next(r for r in shown(view) if r[3] == "会议交流")
    assert row[1:3] == ["全省推广", "省级"] and row[5] == "(23) 全省推广"
    assert view.delete(b)
    qtbot.waitUntil(lambda: len(view.rows()) == 2)
    controller.undo_stack.undo()  # the delete
    qtbot.waitUntil(lambda: len(view.rows()) == 3)
    controller.undo_stack.undo()  # the edit
    qtbot.waitUntil(lambda: view.summary_text() == "2026 年：通报表扬 0，媒体宣传 1，简报刊发 1，全省推广 1")
    assert events.list_events(workspace.db, kind="briefing")[0].title == "营商环境信息"
    controller.undo_stack.redo()
    qtbot.waitUntil(lambda: "全省推广 2" in view.summary_text())


def test_delete_refused_when_evidence_is_linked(qtbot: Any, view: EventsView, controller: Controller,
                                                workspace: Any, warnings: list[str]) -> None:
    eid = view.add("commendation", "2026-08-01", "国务院通报表扬", level="国家级")

    def link(w: Any) -> None:
        ev = w.insert("evidence", {"sha256": "c" * 64, "original_name": "通报.pdf", "size": 1,
                                   "added_at": w.at, "added_by": "t"})
        w.insert("evidence_link", {"evidence_id": ev, "target_kind": "event", "target_id": eid})
    controller.run("附佐证", link)
    qtbot.waitUntil(lambda: bool(view.rows()) and view.rows()[0].evidence_count == 1)
    assert shown(view)[0][6] == "1"
    assert not view.delete(eid)
    assert "请先移除佐证材料" in warnings[-1]
    assert len(events.list_events(workspace.db)) == 1


def test_year_filter(qtbot: Any, view: EventsView, controller: Controller) -> None:
    controller.run("2027", lambda w: years.create_builtin_year(w, 2027))
    fill_three(view)
    view.add("briefing", "2027-02-01", "次年专报")
    qtbot.waitUntil(lambda: view.year_box.count() == 3)  # 全部年份, 2026, 2027
    assert len(view.rows()) == 3
    view.set_year(2027)
    assert [e.title for e in view.rows()] == ["次年专报"]
    assert view.rows()[0].indicator_code == "(22)"
    assert view.summary_text() == "2027 年：通报表扬 0，媒体宣传 0，简报刊发 1，全省推广 0"
    view.set_year(None)
    assert len(view.rows()) == 4
    assert view.summary_text() == "全部年份：通报表扬 0，媒体宣传 1，简报刊发 2，全省推广 1"


def test_dialog_defaults_indicator_by_kind_and_year(qtbot: Any, view: EventsView, controller: Controller,
                                                    workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    controller.run("2027", lambda w: years.create_builtin_year(w, 2027))
    seen: dict[str, Any] = {}

    def fill(dialog: EventDialog) -> int:
        dialog.kind.setCurrentIndex(dialog.kind.findData("briefing"))
        seen["briefing"] = dialog.indicator.currentData()
        dialog.kind.setCurrentIndex(dialog.kind.findData("promotion"))
        seen["promotion"] = dialog.indicator.currentData()
        dialog.date.setDate(QDate(2027, 3, 4))
        seen["2027"] = dialog.indicator.currentData()
        dialog.date.setDate(QDate(2026, 3, 4))
        dialog.level.setCurrentIndex(dialog.level.findData("省级"))
        dialog.title.setText("经验介绍")
        dialog.outlet.setText("全省推进会")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EventDialog, "exec", fill)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert seen == {"briefing": ind_id(workspace, "(22)"), "promotion": ind_id(workspace, "(23)"),
                    "2027": ind_id(workspace, "(23)", 2027)}
    [e] = events.list_events(workspace.db)
    assert (e.kind, e.date, e.level, e.title, e.outlet, e.indicator_id) == \
        ("promotion", "2026-03-04", "省级", "经验介绍", "全省推进会", ind_id(workspace, "(23)"))
    qtbot.waitUntil(lambda: len(view.rows()) == 1)
    # edit through the dialog: the form opens with the event's values
    assert view.select(e.id) and view.edit_button.isEnabled()

    def change(dialog: EventDialog) -> int:
        assert (dialog.title.text(), dialog.indicator.currentData()) == ("经验介绍", ind_id(workspace, "(23)"))
        dialog.note.setText("省政府办公厅组织")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(EventDialog, "exec", change)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    assert events.list_events(workspace.db)[0].note == "省政府办公厅组织"
    # delete after confirming
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: view.rows()[0].note == "省政府办公厅组织")
    view.select(e.id)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert events.list_events(workspace.db) == []
    assert controller.undo_stack.count() == 4  # year, add, edit, delete
