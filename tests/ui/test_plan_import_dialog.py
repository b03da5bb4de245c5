"""文件 › 导入方案文档 and the first-start page, driven as the liaison would."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QMessageBox

from bizenv_desktop.services.department import get_department
from bizenv_desktop.services.plan_read import list_years, load_plan, plan_to_json
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.first_start import FirstStartDialog, offer
from bizenv_desktop.ui.plan_import_dialog import COL_MAP, PlanImportDialog
from tests.plan_doc.fixtures import SEED, seed_text


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def load(qtbot: Any, dialog: PlanImportDialog, path: Path | None = None, text: str | None = None) -> None:
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        if path is not None:
            dialog.load_file(path)
        else:
            dialog.load_text(text or "")


def test_import_the_seed_document_as_next_year_and_undo_it(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    dialog = PlanImportDialog(controller)
    qtbot.addWidget(dialog)
    load(qtbot, dialog, SEED)
    assert dialog.year.value() == 2027 and not dialog.replace.isEnabled()
    assert dialog.tree.topLevelItemCount() == 2
    assert sum(dialog.tree.topLevelItem(d).child(f).childCount() for d in range(2)
               for f in range(dialog.tree.topLevelItem(d).childCount())) == 23
    assert dialog.side.tabText(0) == "与 2026 年度比较" and dialog.diff.topLevelItem(0).text(0) == "（二级指标没有变化）"
    assert "2 个维度、6 个一级指标、23 个二级指标，导入为 2027 年度" in dialog.summary.text()
    assert dialog.import_button.isEnabled() and dialog.unit_table.rowCount() == 10
    assert dialog.do_import() and dialog.imported_year == 2027
    assert controller.undo_stack.count() == 1
    assert plan_to_json(load_plan(workspace.db, 2027))["dimensions"] == plan_to_json(load_plan(workspace.db, 2026))["dimensions"]
    controller.undo_stack.undo()
    assert list_years(workspace.db) == [2026]


def test_reading_runs_on_the_runner_and_a_cancelled_read_changes_nothing(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    dialog = PlanImportDialog(controller)
    qtbot.addWidget(dialog)
    started: list[Any] = []
    controller.tasks.started.connect(started.append)
    dialog.load_file(SEED)
    assert [t.title for t in started] == ["正在读取方案文档"] and controller.tasks.busy
    started[0].cancel()  # as the progress dialog's Cancel does: what was read is not shown
    assert started[0].wait()
    assert started[0].state == "cancelled" and dialog.plan is None
    assert dialog.summary.text() == "请选择方案文档，或粘贴方案全文。" and not dialog.import_button.isEnabled()
    load(qtbot, dialog, SEED)  # read again, to the end
    assert len(started) == 2 and dialog.plan is not None and dialog.import_button.isEnabled()
    assert list_years(workspace.db) == [2026] and controller.undo_stack.count() == 0  # a read writes nothing


def test_pasted_text_shows_the_diff_and_units_can_be_remapped(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    dialog = PlanImportDialog(controller)
    qtbot.addWidget(dialog)
    text = seed_text().replace("责任处室：规划处", "责任处室：规划信息处").replace("不低于90%", "不低于95%")
    load(qtbot, dialog, text=text)
    rows = {(dialog.diff.topLevelItem(i).text(0), dialog.diff.topLevelItem(i).text(1))
            for i in range(dialog.diff.topLevelItemCount())}
    assert rows == {("改动措辞", "(10)"), ("责任处室变化", "(9)")}
    names = [dialog.unit_table.item(r, 0).text() for r in range(dialog.unit_table.rowCount())]
    box = dialog.unit_table.cellWidget(names.index("规划信息处"), COL_MAP)
    assert isinstance(box, QComboBox) and box.currentData() == "suggested\t"  # 规划信息处 ~ 规划处?
    dialog.choose_unit("规划信息处", "existing", "规划处")
    # mapped to 规划处: the divisions of (9) no longer change
    qtbot.waitUntil(lambda: {dialog.diff.topLevelItem(i).text(1) for i in range(dialog.diff.topLevelItemCount())}
                    == {"(10)"})
    assert dialog.do_import()
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name = '规划信息处'") == 0
    assert workspace.db.scalar("SELECT count(*) FROM unit_alias WHERE name = '规划信息处'") == 1


def test_a_document_without_indicators_or_an_existing_year_cannot_be_imported(qtbot: Any, workspace: Any) -> None:
    dialog = PlanImportDialog(Controller(workspace))
    qtbot.addWidget(dialog)
    load(qtbot, dialog, text="会议纪要\n一、会议情况\n会议听取了汇报。\n")
    assert dialog.summary.text().startswith("无法导入：") and "没有找到指标" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.tree.topLevelItemCount() == 0
    load(qtbot, dialog, SEED)
    dialog.year.setValue(2026)
    assert "2026 年度已存在" in dialog.summary.text() and not dialog.import_button.isEnabled()


def test_replacing_the_builtin_year_when_allowed(qtbot: Any, workspace: Any) -> None:
    dialog = PlanImportDialog(Controller(workspace), year=2026, allow_replace=True)
    qtbot.addWidget(dialog)
    load(qtbot, dialog, text=seed_text().replace("（23）全省推广。", "（23）全省推广交流。"))
    assert dialog.year.value() == 2026 and dialog.replace.isEnabled() and dialog.replace.isChecked()
    dialog.replace.setChecked(False)
    assert not dialog.import_button.isEnabled()
    dialog.replace.setChecked(True)
    assert dialog.import_button.isEnabled() and dialog.do_import()
    assert list_years(workspace.db) == [2026]
    assert plan_to_json(load_plan(workspace.db, 2026))["dimensions"][1]["indicators"][2]["children"][2]["name"] \
        == "全省推广交流"


def test_the_file_menu_offers_the_import(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.ui.main_window import MainWindow

    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus["file"].actions()]
    assert "导入方案文档(&W)…" in texts


# -- the first-start page -------------------------------------------------------------------------

def test_first_start_keeps_name_short_form_and_divisions(qtbot: Any, workspace: Any, warnings: list[str]) -> None:
    from PySide6.QtWidgets import QWidget

    controller = Controller(workspace)
    window = QWidget()
    qtbot.addWidget(window)
    page = offer(window, controller)
    assert page is not None and page.parent() is window
    assert page.name.text() == "吉林省科学技术厅" and page.short.currentText() == "我厅"
    assert page.divisions.toPlainText().splitlines() == ["法规处", "规划处", "办公室", "审批办", "诚信处", "机关党委"]
    page.name.setText("某某省某某局")
    page.short.setCurrentText("本局")
    page.accept()  # refused: the short form starts with 我
    assert "应以“我”开头" in warnings[-1] and not get_department(workspace.db).configured
    page.short.setCurrentText("我局")
    page.divisions.setPlainText("法规处\n规划处\n办公室\n审批办\n诚信处\n机关党委\n数据管理处\n")
    page.accept()
    dept = get_department(workspace.db)
    assert (dept.name, dept.short, dept.configured) == ("某某省某某局", "我局", True)
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name = '数据管理处' AND kind = 'division'") == 1
    assert offer(window, controller) is None  # set: not asked again
    controller.undo_stack.undo()
    assert not get_department(workspace.db).configured


def test_first_start_imports_the_departments_own_plan(qtbot: Any, workspace: Any, tmp_path: Path) -> None:
    text = (seed_text().replace("吉林省科学技术厅营商环境考核评价实施方案", "某某省某某局营商环境考核评价实施方案", 1)
            .replace("责任处室：诚信处、办公室", "责任处室：信用处、办公室"))
    path = tmp_path / "本局方案.txt"
    path.write_text(text, encoding="utf-8")
    controller = Controller(workspace)
    page = FirstStartDialog(controller)
    qtbot.addWidget(page)

    def drive() -> None:
        dialog = page.plan_dialog
        dialog.loaded.connect(lambda: (dialog.choose_unit("信用处", "new"), dialog.do_import()))
        dialog.load_file(path)
    QTimer.singleShot(0, lambda: QTimer.singleShot(0, drive))
    assert page.import_plan() == 2026
    assert list_years(workspace.db) == [2026]  # the built-in plan of 2026 was replaced
    assert page.name.text() == "某某省某某局" and page.short.currentText() == "我局"
    assert "信用处" in page.divisions.toPlainText().splitlines()
    assert "诚信处" not in page.divisions.toPlainText().splitlines()
    page.accept()
    assert workspace.db.scalar("SELECT count(*) FROM division WHERE name = '诚信处'") == 0  # unused: gone


def test_the_first_start_page_follows_the_first_paint_until_the_department_is_set(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.app import open_main_window

    window = open_main_window(Controller(workspace))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: getattr(window, "first_start_dialog", None) is not None
                    and window.first_start_dialog.isVisible(), timeout=10000)
    page = window.first_start_dialog
    page.accept()  # the name the plan gives (吉林省科学技术厅) is kept as the department's
    assert get_department(workspace.db).configured
    qtbot.waitUntil(lambda: not page.isVisible())


def test_settings_keep_the_department(qtbot: Any, workspace: Any, warnings: list[str]) -> None:
    from bizenv_desktop.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Controller(workspace))
    qtbot.addWidget(dialog)
    assert dialog.department_name.text() == "吉林省科学技术厅" and dialog.department_short.currentText() == "我厅"
    dialog.department_name.setText("某某市某某委员会")
    dialog.department_short.setCurrentText("某委")
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and "应以“我”开头" in warnings[-1]  # refused: the dialog stays open
    dialog.department_short.setCurrentText("我委")
    dialog.accept()
    dept = get_department(workspace.db)
    assert (dept.name, dept.short, dept.configured) == ("某某市某某委员会", "我委", True) and not dialog.isVisible()


def test_the_first_start_page_asks_for_the_superior_office(qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.services.department import get_superior

    controller = Controller(workspace)
    page = FirstStartDialog(controller)
    qtbot.addWidget(page)
    assert (page.superior_name.text(), page.superior_short.text()) == ("省软环境建设办公室", "省软环境办")
    page.name.setText("江川市市场监督管理局")
    page.superior_name.setText("江川市优化营商环境建设办公室")
    page.superior_short.setText("市营商办")
    page.accept()
    superior, dept = get_superior(workspace.db), get_department(workspace.db)
    assert (superior.name, superior.short, dept.name, dept.configured) == (
        "江川市优化营商环境建设办公室", "市营商办", "江川市市场监督管理局", True)
    controller.undo_stack.undo()  # the department and its superior office: one step
    assert not get_superior(workspace.db).configured and not get_department(workspace.db).configured
