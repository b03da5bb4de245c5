"""The 考评记录 tab's pages on a real database with a real Controller: rankings, publications,
division work plans and 督查 — entered, refused with the services' messages, undone."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bizenv_desktop.services import plan_read, supervision
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.records_view import RecordsView


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def records(qtbot: Any, controller: Controller) -> RecordsView:
    view = RecordsView(controller, year=2026)
    qtbot.addWidget(view)
    view.show()
    return view


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def ind_id(workspace: Any, code: str) -> int:
    return next(i.id for i in plan_read.load_plan(workspace.db, 2026).second_level() if i.code == code)


def div_id(workspace: Any, name: str) -> int:
    return int(workspace.db.scalar("SELECT id FROM division WHERE name = ?", (name,)))


def test_rankings_page_saves_the_form_and_refuses_a_rank_beyond_the_field(qtbot: Any, records: RecordsView,
                                                                          controller: Controller, workspace: Any,
                                                                          warnings: list[str]) -> None:
    page = records.show_page("rankings")
    assert [r.label for r in page.rows()] == ["(7) 完成国标任务"]
    assert page.model.index(0, 1).data() == "（未登记）"
    assert page.benchmark.text() == "长春市" and not page.clear_button.isEnabled()
    page.rank.setValue(3)
    page.field.setValue(40)
    page.data_year.setText("2025")
    page.source.setText("国家营商环境评价报告")
    assert page.save_form()
    qtbot.waitUntil(lambda: page.rows()[0].ranking is not None)
    assert [page.model.index(0, c).data() for c in range(6)] == ["(7) 完成国标任务", "长春市", "3", "40", "2025",
                                                                  "国家营商环境评价报告"]
    assert page.caption.text() == "当前排名：长春市 第 3 名 / 共 40（2025 年数据）" and page.evidence.kind == "ranking"
    page.rank.setValue(41)
    assert not page.save_form()  # refused: the controller says why
    assert warnings and "大于参评总数" in warnings[-1]
    assert page.rows()[0].ranking.rank == 3  # type: ignore[union-attr]
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: page.rows()[0].ranking is None)


def test_publications_page_shows_1_and_flags_a_quarter_without_one(qtbot: Any, controller: Controller,
                                                                   workspace: Any, warnings: list[str]) -> None:
    from bizenv_desktop.ui.publications_view import PublicationsView

    page = PublicationsView(controller, year=2026, today=date(2026, 8, 1))
    qtbot.addWidget(page)
    page.show()  # a hidden page re-reads only when shown
    assert "尚未登记公开" in page.plan_state.text()
    assert page.flags() == [1, 2]
    pid = page.add(title="2026年营商环境建设实施方案", published_on="2026-02-10", kind="plan", outlet="厅门户网站",
                   url="https://kjt.jl.gov.cn/plan.html", indicator_id=ind_id(workspace, "(1)"))
    assert pid
    page.add(title="科技政策措施公布", published_on="2026-05-12", kind="policy")
    qtbot.waitUntil(lambda: len(page.rows()) == 2)
    assert "已于 2026-02-10 公开" in page.plan_state.text()
    assert page.flags() == [1] and "（缺）" in page.quarter_state.text()
    assert [page.model.index(0, c).data() for c in (0, 1, 2, 5)] == ["2026-02-10", "年度实施方案",
                                                                      "2026年营商环境建设实施方案", "(1)"]
    assert page.add(title="x", published_on="2026-05-12", url="kjt.jl.gov.cn") is None
    assert "http" in warnings[-1]
    assert page.select(pid) and page.evidence.kind == "publication"
    assert page.edit(pid, outlet="吉林省人民政府网站")
    qtbot.waitUntil(lambda: page.rows()[0].outlet == "吉林省人民政府网站")
    assert page.delete(pid)
    qtbot.waitUntil(lambda: len(page.rows()) == 1)


def test_work_plans_page_receives_with_a_file_and_keeps_the_chase_line(qtbot: Any, controller: Controller,
                                                                        workspace: Any, tmp_path: Path) -> None:
    from bizenv_desktop.ui.work_plans_view import WorkPlansView

    page = WorkPlansView(controller, year=2026, today=date(2026, 4, 2))
    qtbot.addWidget(page)
    page.show()  # a hidden page re-reads only when shown
    assert len(page.rows()) == 6 and all(p.missing for p in page.rows())
    assert page.chase.text().startswith("2026 年度工作方案未交（截止 2026-03-31）：")
    plan = tmp_path / "规划处工作方案.docx"
    plan.write_bytes(b"docx")
    gh = div_id(workspace, "规划处")
    assert page.receive(gh, "2026-03-20", "规划处工作方案", plan)
    qtbot.waitUntil(lambda: not next(p for p in page.rows() if p.division_id == gh).missing)
    assert "规划处" not in page.chase.text()
    assert page.select(gh) and page.evidence.kind == "work_plan" and page.evidence.list.count() == 1
    row = [p.division for p in page.rows()].index("法规处")
    assert page.model.index(row, 3).data() == "未交" and page.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # late
    assert page.set_owes(div_id(workspace, "机关党委"), False)
    qtbot.waitUntil(lambda: "机关党委" not in page.chase.text())
    assert page.set_due("2026-04-30")
    qtbot.waitUntil(lambda: {p.due_on for p in page.rows() if p.owes} == {"2026-04-30"})
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: {p.due_on for p in page.rows() if p.owes} == {"2026-03-31"})


def test_inspections_page_records_a_inspection_and_makes_a_follow_up_a_supervised_item(
        qtbot: Any, controller: Controller, workspace: Any, warnings: list[str]) -> None:
    from bizenv_desktop.ui.inspections_view import InspectionsView

    page = InspectionsView(controller, year=2026, today=date(2026, 4, 1))
    qtbot.addWidget(page)
    page.show()  # a hidden page re-reads only when shown
    assert page.add_inspection("2026-03-28", "2026-03-28", codes=["99"]) is None and "99" in warnings[-1]
    iid = page.add_inspection("2026-03-28", "第一季度考核评价工作督查", "（10）统计口径不一", codes=["10", "13"],
                              divisions=[div_id(workspace, "审批办")])
    assert iid
    qtbot.waitUntil(lambda: len(page.rows()) == 1)
    assert [page.model.index(0, c).data() for c in range(4)] == ["2026-03-28", "第一季度考核评价工作督查", "(10)、(13)",
                                                                  "审批办"]
    fid = page.add_followup(iid, "统一网上可办率统计口径", div_id(workspace, "审批办"), "2026-04-30")
    assert fid
    qtbot.waitUntil(lambda: page.followups.rowCount() == 1)
    assert page.findings.toPlainText() == "（10）统计口径不一"
    item_id = page.promote(fid)
    assert item_id
    qtbot.waitUntil(lambda: page.followups.index(0, 3).data() != "（未转）")
    item = supervision.list_items(workspace.db)[0]
    assert (item.id, item.source, item.lead_names) == (item_id, "厅内督查", ["审批办"])
    assert page.followups.index(0, 3).data() == item.no
    assert not page.delete_inspection(iid) and "不能删除" in warnings[-1]


def test_the_pages_ask_through_their_dialogs_and_confirm_a_delete(qtbot: Any, controller: Controller,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """RecordPage.ask and confirm_delete, shared by the pages: a cancelled dialog or a No changes
    nothing; an accepted dialog writes what it holds; Yes deletes."""
    from PySide6.QtWidgets import QDialog

    from bizenv_desktop.ui import inspections_view, publications_view

    page = publications_view.PublicationsView(controller, year=2026, today=date(2026, 8, 1))
    qtbot.addWidget(page)
    page.show()
    answer: list[Any] = [QDialog.DialogCode.Rejected]

    def exec_(dialog: Any) -> Any:  # the user types a title, then presses OK or Cancel
        dialog.title.setText("科技政策措施公布")
        dialog.date.setDate(dialog.date.date().fromString("2026-05-12", "yyyy-MM-dd"))
        return answer[0]
    monkeypatch.setattr(publications_view.PublicationDialog, "exec", exec_)
    page.ask_add()
    assert page.rows() == []
    answer[0] = QDialog.DialogCode.Accepted
    page.ask_add()
    qtbot.waitUntil(lambda: len(page.rows()) == 1)
    assert (page.rows()[0].title, page.rows()[0].published_on) == ("科技政策措施公布", "2026-05-12")
    assert page.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "科技政策措施公布"
    assert page.edit(page.rows()[0].id, note="厅门户网站首页")
    qtbot.waitUntil(lambda: page.rows()[0].note == "厅门户网站首页")
    assert page.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "科技政策措施公布\n厅门户网站首页"
    assert page.model.index(0, 2).data(publications_view.ROW_ROLE) == page.rows()[0]
    asked: list[str] = []
    reply = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(title + "|" + text)
                        or reply[0])
    assert page.select(page.rows()[0].id)
    page.ask_delete()
    assert len(page.rows()) == 1 and asked == ["确认删除|删除公开记录“科技政策措施公布”？此操作可以撤销。"]
    reply[0] = QMessageBox.StandardButton.Yes
    page.ask_delete()
    qtbot.waitUntil(lambda: page.rows() == [])

    inspections = inspections_view.InspectionsView(controller, year=2026, today=date(2026, 8, 1))
    qtbot.addWidget(inspections)
    inspections.show()
    assert inspections.add_inspection("2026-03-28", "第一季度督查", "统计口径不一")
    qtbot.waitUntil(lambda: len(inspections.rows()) == 1)
    assert inspections.select(inspections.rows()[0].id)

    def follow_up(dialog: Any) -> Any:
        dialog.content.setPlainText("统一统计口径")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(inspections_view.FollowupDialog, "exec", follow_up)
    inspections.ask_add_followup()
    qtbot.waitUntil(lambda: inspections.followups.rowCount() == 1)
    assert inspections.followups.index(0, 0).data() == "统一统计口径"
    reply[0] = QMessageBox.StandardButton.No
    inspections.ask_delete()
    assert len(inspections.rows()) == 1 and asked[-1].startswith("确认删除|删除督查“第一季度督查”")
