"""SupervisionView on a real database with a real Controller: ledger, workflow, filters, counts, undo."""
from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bizenv_desktop.services import supervision
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.supervision_view import OVERDUE_BG, WARNING_BG, AdvanceDialog, ItemDialog, SupervisionView

TODAY = date(2026, 5, 20)  # a Wednesday


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def view(qtbot: Any, controller: Controller) -> SupervisionView:
    v = SupervisionView(controller, today=TODAY)
    qtbot.addWidget(v)
    v.show()
    return v


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def div(workspace: Any, name: str) -> int:
    return workspace.db.scalar("SELECT id FROM division WHERE name = ?", (name,))


def shown(view: SupervisionView) -> list[list[str]]:
    return [[view.model.index(r, c).data() for c in range(view.model.columnCount())]
            for r in range(view.model.rowCount())]


def fill(view: SupervisionView, workspace: Any) -> tuple[int, int, int]:
    a = view.add(content="清理拖欠企业账款", source="省软环境办交办", received_on="2026-03-02",
                 deadline="5月15日前", lead=[div(workspace, "法规处")], cooperating=[div(workspace, "办公室")],
                 progress="已清偿八成")
    b = view.add(content="窗口服务投诉核查", source="投诉", received_on="2026-04-01", deadline="2026-05-27",
                 lead=[div(workspace, "审批办")])
    c = view.add(content="营商环境宣传", source="会议议定", received_on="2026-04-10", deadline="持续推进")
    assert a and b and c
    return a, b, c


def test_ledger_rows_overdue_and_count_line(qtbot: Any, view: SupervisionView, workspace: Any) -> None:
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert headers == ["编号", "来源", "交办日期", "事项内容", "牵头处室", "配合处室", "办结时限", "办理进度", "状态", "逾期",
                       "预警", "催办"]
    qtbot.waitUntil(lambda: not view.loading)  # the first reading, in the background
    assert view.summary_text() == "共 0 项：待签收 0，办理中 0，已办结 0，已报结 0，已销号 0；逾期 0，5 个工作日内到期 0"
    a, b, c = fill(view, workspace)
    qtbot.waitUntil(lambda: len(view.rows()) == 3)
    rows = shown(view)
    assert rows[0] == ["DB-2026-001", "省软环境办交办", "2026-03-02", "清理拖欠企业账款", "法规处", "办公室",
                       "5月15日前（2026-05-15）", "已清偿八成", "待签收", "逾期 5 天", "红", ""]
    assert rows[1][6:] == ["2026-05-27", "", "待签收", "剩 5 个工作日", "黄", ""]  # warned 5 working days ahead
    assert rows[2][6:] == ["持续推进", "", "待签收", "", "", ""]
    assert view.model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BG
    assert view.model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole).color() == WARNING_BG["黄"]
    assert view.model.index(2, 3).data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.summary_text() == ("共 3 项：待签收 3，办理中 0，已办结 0，已报结 0，已销号 0；逾期 1，5 个工作日内到期 1；"
                                   "预警：红 1，黄 1")
    assert view.selected() is not None and view.selected().id == c  # the one added last
    assert view.evidence.kind == "supervision_item" and view.evidence.target_id == c


def test_workflow_buttons_and_undo(qtbot: Any, view: SupervisionView, controller: Controller, workspace: Any) -> None:
    a, b, c = fill(view, workspace)
    qtbot.waitUntil(lambda: len(view.rows()) == 3)
    view.select(a)
    assert view.advance_button.isEnabled() and not view.revert_button.isEnabled()
    assert view.advance(a, on="2026-03-03")
    assert view.advance(a, "已办结", date(2026, 5, 18), "已全部清偿")
    qtbot.waitUntil(lambda: shown(view)[0][8] == "已办结")
    assert shown(view)[0][9] == ""  # done: no longer overdue
    assert view.revert_button.isEnabled()
    assert view.summary_text().startswith("共 3 项：待签收 2，办理中 0，已办结 1，")
    assert view.summary_text().endswith("逾期 0，5 个工作日内到期 1；预警：红 0，黄 1")  # the one due soon
    item = supervision.list_items(workspace.db, today=TODAY)[0]
    assert (item.signed_on, item.done_on, item.closure_report) == ("2026-03-03", "2026-05-18", "已全部清偿")
    assert view.revert(a)
    qtbot.waitUntil(lambda: shown(view)[0][8] == "办理中")
    assert shown(view)[0][9] == "逾期 5 天"
    assert controller.undo_stack.count() == 6  # three adds, two moves, one revert
    controller.undo_stack.undo()  # the revert
    qtbot.waitUntil(lambda: shown(view)[0][8] == "已办结")
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: shown(view)[0][8] == "待签收")
    assert supervision.list_items(workspace.db, today=TODAY)[0].signed_on == ""
    controller.undo_stack.redo()
    qtbot.waitUntil(lambda: shown(view)[0][8] == "办理中")


def test_refusals_change_nothing(qtbot: Any, view: SupervisionView, controller: Controller, workspace: Any,
                                 warnings: list[str]) -> None:
    a, b, c = fill(view, workspace)
    steps = controller.undo_stack.count()
    assert not view.advance(b, "已报结")
    assert "办结报告" in warnings[-1]
    assert view.advance(b, "已报结", TODAY, "经核查投诉属实，已整改")
    assert view.edit(b, complaint_verified=True)
    assert not view.advance(b)
    assert "问责记录" in warnings[-1]
    assert view.edit(b, accountability="约谈窗口负责人")
    assert view.advance(b, on="2026-05-21")
    assert not view.advance(b)
    assert "没有下一步" in warnings[-1]
    assert not view.revert(c)
    assert "不能再退回" in warnings[-1]
    assert not view.add(content=" ")
    assert "请填写事项内容" in warnings[-1]
    assert controller.undo_stack.count() == steps + 4
    item = next(i for i in supervision.list_items(workspace.db) if i.id == b)
    assert (item.status, item.closed_on, item.accountability) == ("已销号", "2026-05-21", "约谈窗口负责人")


def test_filters_and_search(qtbot: Any, view: SupervisionView, workspace: Any) -> None:
    a, b, c = fill(view, workspace)
    qtbot.waitUntil(lambda: len(view.rows()) == 3)
    view.set_filter(text="投诉")
    assert [i.id for i in view.rows()] == [b]
    assert view.summary_text().endswith("（筛选后显示 1 项）")
    view.search.setText("账款")  # typing filters as well
    assert [i.id for i in view.rows()] == [a]
    view.set_filter(overdue_only=True)
    assert [i.id for i in view.rows()] == [a]
    view.set_filter(division_id=div(workspace, "审批办"))
    assert view.division_box.currentData() == div(workspace, "审批办")
    assert [i.id for i in view.rows()] == [b]
    view.set_filter(division_id=div(workspace, "办公室"))
    assert [i.id for i in view.rows()] == [a]  # cooperating counts too
    view.set_filter(status="办理中")
    assert view.rows() == []
    view.set_filter()
    assert len(view.rows()) == 3 and "筛选" not in view.summary_text()


def test_edit_delete_and_evidence(qtbot: Any, view: SupervisionView, controller: Controller, workspace: Any,
                                  warnings: list[str]) -> None:
    a, b, c = fill(view, workspace)
    assert view.edit(c, deadline="年底前", lead=[div(workspace, "规划处")], cooperating=[div(workspace, "法规处")])
    qtbot.waitUntil(lambda: len(view.rows()) == 3 and shown(view)[2][4] == "规划处")
    assert shown(view)[2][4:7] == ["规划处", "法规处", "年底前（2026-12-31）"]
    view.select(c)

    def link(w: Any) -> None:
        ev = w.insert("evidence", {"sha256": "e" * 64, "original_name": "宣传方案.pdf", "size": 1,
                                   "added_at": w.at, "added_by": "t"})
        w.insert("evidence_link", {"evidence_id": ev, "target_kind": "supervision_item", "target_id": c})
    controller.run("附佐证", link)
    qtbot.waitUntil(lambda: [i.original_name for i in view.evidence.items()] == ["宣传方案.pdf"])
    assert not view.delete(c)
    assert "请先移除佐证材料" in warnings[-1]
    assert view.delete(a)
    qtbot.waitUntil(lambda: len(view.rows()) == 2)
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: len(view.rows()) == 3)
    assert view.rows()[0].lead_names == ["法规处"]


def test_dialogs_collect_values(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.services import plan_read
    divisions = plan_read.list_divisions(workspace.db)
    dialog = ItemDialog(divisions, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "新增督办事项"
    dialog.content.setPlainText("营商环境投诉")
    dialog.source.setCurrentIndex(dialog.source.findData("投诉"))
    dialog.received_on.setText("2026-01-05")
    dialog.deadline.setText("6月底前")
    assert "2026-06-30" in dialog.deadline_hint.text()
    dialog.deadline.setText("持续推进")
    assert "不计逾期" in dialog.deadline_hint.text()
    dialog.lead.item(0).setCheckState(Qt.CheckState.Checked)
    values = dialog.values()
    assert values["source"] == "投诉" and values["lead"] == [divisions[0].id] and values["cooperating"] == []
    assert (values["received_on"], values["deadline"], values["content"]) == ("2026-01-05", "持续推进", "营商环境投诉")
    dialog.source.setEditText("人大建议")
    assert dialog.values()["source"] == "人大建议"
    item = supervision.SupervisionItem(1, "DB-2026-001", "投诉", "2026-01-05", "x", "", "", "进度", "办理中",
                                       "2026-01-06", "", "", "", "", True, "", "")
    advance = AdvanceDialog(item, TODAY)
    qtbot.addWidget(advance)
    assert [advance.target.itemData(i) for i in range(advance.target.count())] == ["已办结", "已报结", "已销号"]
    assert advance.text_label.text() == "办结报告"
    advance.target.setCurrentIndex(2)
    assert "问责记录" in advance.hint.text()
    advance.text.setPlainText("办结报告正文")
    assert advance.values() == ("已销号", "2026-05-20", "办结报告正文")


def test_buttons_open_the_dialogs(qtbot: Any, view: SupervisionView, workspace: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QDialog

    def fill_item(dialog: ItemDialog) -> int:
        dialog.content.setPlainText("领导批示事项")
        dialog.source.setCurrentIndex(dialog.source.findData("领导批示"))
        dialog.deadline.setText("三季度末")
        dialog.cooperating.item(1).setCheckState(Qt.CheckState.Checked)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ItemDialog, "exec", fill_item)
    view.add_button.click()
    qtbot.waitUntil(lambda: len(view.rows()) == 1)
    [row] = shown(view)
    assert row[:2] == ["DB-2026-001", "领导批示"] and row[5:7] == ["规划处", "三季度末（2026-09-30）"]
    assert row[2] == "2026-05-20"  # today by default
    monkeypatch.setattr(AdvanceDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    view.select(view.rows()[0].id)
    view.advance_button.click()
    qtbot.waitUntil(lambda: shown(view)[0][8] == "办理中")
    assert view.rows()[0].signed_on == "2026-05-20"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    view.revert_button.click()
    qtbot.waitUntil(lambda: shown(view)[0][8] == "待签收")
    view.select(view.rows()[0].id)
    view.delete_button.click()
    qtbot.waitUntil(lambda: view.rows() == [])
    assert not view.edit_button.isEnabled() and not view.advance_button.isEnabled()
    view.grab()  # paints without errors


def test_reads_in_the_background_and_says_so_until_the_new_rows_arrive(qtbot: Any, controller: Controller,
                                                                       workspace: Any) -> None:
    hidden = SupervisionView(controller, today=TODAY)  # as the window builds its tabs: not shown yet
    qtbot.addWidget(hidden)
    qtbot.wait(50)
    assert not hidden.loading and hidden.loader.requests == 0  # not read until first shown
    hidden.show()
    assert hidden.summary_text() == "正在读取督办事项……" and hidden.loading
    qtbot.waitUntil(lambda: not hidden.loading)  # read in the background once shown
    assert hidden.summary_text().startswith("共 0 项")
    a, b, c = fill(hidden, workspace)
    qtbot.waitUntil(lambda: len(hidden.rows()) == 3 and not hidden.loading)
    hidden.select(a)
    assert hidden.edit_button.isEnabled() and hidden.advance_button.isEnabled()
    hidden.hide()
    assert controller.run("办理", lambda w: supervision.advance(w, a, None, TODAY, ""))
    qtbot.wait(20)  # the change arrives while the tab is hidden: nothing is read yet
    assert not hidden.loading and shown(hidden)[0][8] == "待签收"
    hidden.show()  # the old rows, marked as being updated; acting on them waits
    assert hidden.loading and shown(hidden)[0][8] == "待签收"
    assert hidden.summary_text().endswith("（正在更新……）")
    assert not hidden.edit_button.isEnabled() and not hidden.advance_button.isEnabled()
    assert hidden.add_button.isEnabled()
    qtbot.waitUntil(lambda: not hidden.loading)
    assert shown(hidden)[0][8] == "办理中" and "正在更新" not in hidden.summary_text()
    assert hidden.selected() is not None and hidden.selected().id == a  # the selection stays
    assert hidden.edit_button.isEnabled() and hidden.advance_button.isEnabled()


def test_the_ledger_fields_are_shown_and_edited(qtbot: Any, view: SupervisionView, workspace: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """督办内容及要求, 督办类型, 紧急程度, 分管领导, 反馈周期, 完成进度, 催办次数 on the dialog's 台账信息 page."""
    from PySide6.QtWidgets import QDialog

    from bizenv_desktop.services import plan_read
    item_id = view.add(content="企业开办全程网办", received_on="2026-03-02", requirements="6月底前实现全程网办。",
                       supervision_type="专项督办", urgency="紧急", leader="张三", feedback_cycle="每周",
                       completion="60%", urge_count=2)
    assert item_id
    qtbot.waitUntil(lambda: len(view.rows()) == 1)
    item = view.rows()[0]
    dialog = ItemDialog(plan_read.list_divisions(workspace.db), item, TODAY)
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["事项", "台账信息"]
    assert (dialog.requirements.toPlainText(), dialog.supervision_type.currentText(), dialog.urgency.currentText(),
            dialog.leader.text(), dialog.feedback_cycle.currentText(), dialog.completion.text(),
            dialog.urge_count.value()) == ("6月底前实现全程网办。", "专项督办", "紧急", "张三", "每周", "60%", 2)
    assert dialog.sizeHint().height() <= 740 and dialog.height() <= 740  # fits a 1366 × 768 screen

    def change(d: ItemDialog) -> int:
        d.urgency.setEditText("特急")
        d.urge_count.setValue(3)
        d.completion.setText("基本完成")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ItemDialog, "exec", change)
    view.select(item_id)
    view.edit_button.click()
    qtbot.waitUntil(lambda: view.rows()[0].urge_count == 3)
    got = view.rows()[0]
    assert (got.urgency, got.completion, got.leader, got.requirements) == ("特急", "基本完成", "张三", "6月底前实现全程网办。")


def test_reminders_feedback_and_indicator_links_from_the_ledger(qtbot: Any, view: SupervisionView,
                                                                controller: Controller, workspace: Any,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from bizenv_desktop.services import supervision_links
    from bizenv_desktop.ui.supervision_chase import FeedbackDialog, ReminderDialog

    fg = workspace.db.scalar("SELECT id FROM division WHERE name = '法规处'")
    item = view.add(content="按月报送整改进展", received_on="2026-03-10", deadline="2026-09-30", lead=[fg],
                    feedback_cycle="每月25日前", urge_count=2, indicator_codes="17")
    assert item
    qtbot.waitUntil(lambda: len(view.rows()) == 1 and not view.loading)
    assert [code for _i, code in supervision_links.indicators_of(workspace.db)[item]] == ["(17)"]
    view.select(item)
    # 3-25 and 4-24 passed without feedback: red, on the feedback date
    assert shown(view)[0][10] == "红（2026-03-25 应反馈）" and shown(view)[0][11] == "2 次"
    assert view.remind_button.isEnabled() and view.feedback_button.isEnabled()
    # the dialogs, driven as the user would
    monkeypatch.setattr(ReminderDialog, "exec", lambda self: (self.recipient.setText("张科长"), 1)[1])
    view.ask_remind()
    monkeypatch.setattr(FeedbackDialog, "exec", lambda self: (self.text.setText("三月进展已报"), 1)[1])
    view.ask_feedback()
    qtbot.waitUntil(lambda: not view.loading and shown(view)[0][11] == "3 次")
    assert shown(view)[0][10] == "红（2026-04-24 应反馈）"
    lines = view.reminders.lines()
    assert lines[0] == "导入时已催办 2 次" and "张科长" in lines[1] and "法规处" in lines[1]
    assert "应反馈 2026-03-25：已于 2026-05-20 反馈" in lines
    assert view.reminders.title.text() == "催办记录（3 次）"
    assert view.give_feedback(item, "2026-04-24", "2026-04-24")
    qtbot.waitUntil(lambda: not view.loading and shown(view)[0][10] == "黄（2026-05-25 应反馈）")
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: not view.loading and shown(view)[0][10] == "红（2026-04-24 应反馈）")


def test_a_printable_reminder_notice_from_the_ledger(qtbot: Any, view: SupervisionView, controller: Controller,
                                                     workspace: Any, tmp_path: Any,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    from bizenv_desktop.services import supervision_watch

    a, _b, _c = fill(view, workspace)
    qtbot.waitUntil(lambda: len(view.rows()) == 3 and not view.loading)
    view.select(a)
    assert view.notice_item_action.isEnabled() and not view.notice_division_action.isEnabled()
    path = tmp_path / "催办单.docx"
    monkeypatch.setattr("bizenv_desktop.ui.file_dialogs.save_file", lambda *args, **kw: str(path))
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    view.ask_notice(division=False)
    qtbot.waitUntil(lambda: not view.notice_busy and path.exists() and bool(supervision_watch.reminders(workspace.db, a)))
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "督办事项催办单"
    assert document.tables[0].rows[1].cells[0].text == "DB-2026-001"
    assert [r.method for r in supervision_watch.reminders(workspace.db, a)] == ["催办单"]
    qtbot.waitUntil(lambda: not view.loading and shown(view)[0][11] == "1 次")
    controller.undo_stack.undo()  # the 催办 it recorded
    assert supervision_watch.reminders(workspace.db, a) == []


def test_the_item_dialog_offers_the_superior_office_of_the_settings(qtbot: Any, view: SupervisionView, workspace: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog

    from bizenv_desktop.services.department import set_superior
    from bizenv_desktop.ui.supervision_dialog import source_label

    workspace.apply("上级", lambda w: set_superior(w, "江川市优化营商环境建设办公室", "市营商办"))
    offered: list[list[str]] = []

    def accept_first(dialog: ItemDialog) -> int:
        offered.append([dialog.source.itemData(i) for i in range(dialog.source.count())])
        dialog.content.setPlainText("市营商办交办事项")
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(ItemDialog, "exec", accept_first)
    view.add_button.click()
    qtbot.waitUntil(lambda: len(view.rows()) == 1)
    assert offered[0][:3] == ["市营商办交办", "市营商办督办", "明察暗访"] and "省软环境办交办" not in offered[0]
    assert view.rows()[0].source == "市营商办交办" and shown(view)[0][1] == "市营商办交办"
    assert source_label("省软环境办督办") == "省软环境办督办"  # items of before keep their source
    from bizenv_desktop.app import install_translators

    translators = install_translators(QCoreApplication.instance(), "en")
    try:  # in English the office keeps its own name, in an English phrase
        assert source_label("市营商办交办") == "Assigned by 市营商办"
        assert source_label("市营商办督办") == "Supervised by 市营商办"
        assert source_label("省软环境办交办") == "Assigned by the Provincial Soft-Environment Office"
    finally:
        for t in translators:
            QCoreApplication.instance().removeTranslator(t)
