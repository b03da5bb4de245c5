"""The make / collect dialogs and the returns panel, on a real database and real workbooks."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from bizenv_desktop.services import dispatch, forms
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.forms_dialog import CollectFormsDialog, MakeFormsDialog
from bizenv_desktop.ui.returns_panel import ReturnsPanel

MONTH = "2026-05"


@pytest.fixture
def controller(workspace: Any) -> Controller:
    workspace.apply("s", lambda w: dispatch.start_month(w, MONTH))
    return Controller(workspace)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


def done(task: Any) -> Any:
    """The result of a task the dialog started (it runs on a worker)."""
    assert task is not None and task.wait() and task.state == "done", getattr(task, "state", None)
    return task.result


def settle(qtbot: Any, dialog: CollectFormsDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.reading.busy, timeout=10000)


@pytest.fixture
def made(qtbot: Any, controller: Controller, tmp_path: Path) -> dict[str, Path]:
    dialog = MakeFormsDialog(controller, MONTH)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    return {p.name.split("（")[1].split("）")[0]: p for p in done(dialog.make(confirm=False))}


def fill(path: Path, code: str, column: str, value: Any) -> Path:
    wb = openpyxl.load_workbook(path)
    ws = wb[forms.SHEET]
    r = next(r for r in range(4, ws.max_row + 1) if str(ws[f"B{r}"].value).startswith(code + " "))
    ws[f"{column}{r}"] = value
    wb.save(path)
    return path


def top_items(dialog: CollectFormsDialog) -> list[list[str]]:
    return [[dialog.tree.topLevelItem(i).text(c) for c in range(4)] for i in range(dialog.tree.topLevelItemCount())]


def test_make_dialog_writes_the_forms_and_asks_before_overwriting(qtbot: Any, controller: Controller, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = MakeFormsDialog(controller, MONTH)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "生成处室调度表" and dialog.folder.text().endswith("2026-05 月调度表")
    assert not dialog.open_button.isEnabled()
    dialog.folder.setText(str(tmp_path / "out"))
    paths = done(dialog.make())
    assert len(paths) == 6 and all(p.is_file() for p in paths)
    assert [dialog.result.item(i).text() for i in range(dialog.result.count())][0] == "2026-05 月调度表（法规处）.xlsx"
    assert "已生成 6 个调度表" in dialog.info.text() and dialog.open_button.isEnabled()
    stamp = paths[0].stat().st_mtime_ns
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.No)
    assert dialog.make() is None and "已有 6 个同名调度表" in asked[0]
    assert paths[0].stat().st_mtime_ns == stamp


def test_make_dialog_reports_a_closed_month(qtbot: Any, controller: Controller, tmp_path: Path,
                                            warnings: list[str]) -> None:
    controller.workspace.apply("c", lambda w: dispatch.close_month(w, MONTH))
    dialog = MakeFormsDialog(controller, MONTH)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "out"))
    task = dialog.make(confirm=False)
    assert task is not None and task.wait() and task.state == "failed" and "已关闭" in warnings[0]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_collect_dialog_previews_applies_good_files_one_step_each(qtbot: Any, controller: Controller,
                                                                   made: dict[str, Path], tmp_path: Path) -> None:
    fill(made["法规处"], "(1)", "I", "已完成")
    fill(made["规划处"], "(9)", "K", "接口未通")
    bad = fill(made["审批办"], "(11)", "N", "约八成")
    not_a_form = tmp_path / "notes.xlsx"
    not_a_form.write_text("hello", encoding="utf-8")
    dialog = CollectFormsDialog(controller, MONTH)
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    assert not dialog.apply_button.isEnabled()
    dialog.add_files([bad, made["法规处"], not_a_form, made["规划处"]])
    settle(qtbot, dialog)
    rows = top_items(dialog)
    assert [r[:3] for r in rows] == [["2026-05 月调度表（审批办）.xlsx", "审批办", MONTH],
                                     ["2026-05 月调度表（法规处）.xlsx", "法规处", MONTH],
                                     ["notes.xlsx", "", ""], ["2026-05 月调度表（规划处）.xlsx", "规划处", MONTH]]
    assert [r[3] for r in rows] == ["有 1 个问题，不能写入", "可写入：改动 1 行", "有 1 个问题，不能写入", "可写入：改动 1 行"]
    problem = dialog.tree.topLevelItem(0).child(0).text(0)
    assert problem.startswith("工作表“月调度表”，第 4 行，N 列（分子）：“约八成”不是数字")
    law = dialog.tree.topLevelItem(1).child(0)
    assert law.text(0).startswith("第 4 行 (1) ") and law.child(0).text(0) == "完成状态：未启动 → 已完成"
    dialog.copy_problems()
    assert "文件“notes.xlsx”" in QApplication.clipboard().text() and "约八成" in QApplication.clipboard().text()
    assert len(done(dialog.apply_good(confirm=False))) == 2
    settle(qtbot, dialog)
    assert controller.undo_stack.count() == 2
    assert controller.undo_stack.text(0) == "收回调度表：2026-05 法规处"
    statuses = {(r.indicator_code, r.division_name): r for r in dispatch.load_month(controller.db, MONTH).rows}
    assert statuses[("(1)", "法规处")].status == "已完成" and statuses[("(9)", "规划处")].problems == "接口未通"
    assert [r[3] for r in top_items(dialog)] == ["有 1 个问题，不能写入", "已写入：改动 1 行", "有 1 个问题，不能写入",
                                                 "已写入：改动 1 行"]
    assert "已交回：法规处、规划处" in dialog.summary.text() and "未交回：办公室、审批办" in dialog.summary.text()
    assert not dialog.apply_button.isEnabled()
    fill(bad, "(11)", "N", 60)  # the division corrects its file; the liaison reads it again
    dialog.refresh()
    settle(qtbot, dialog)
    assert top_items(dialog)[0][3] == "可写入：改动 1 行"
    assert len(done(dialog.apply_good(confirm=False))) == 1
    controller.undo_stack.undo()
    assert forms.returned_divisions(controller.db, MONTH)[0][-1].name == "规划处"


def test_remove_and_refused_confirmation(qtbot: Any, controller: Controller, made: dict[str, Path],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = CollectFormsDialog(controller, MONTH)
    qtbot.addWidget(dialog)
    dialog.add_files([made["诚信处"], made["机关党委"], made["诚信处"]])
    settle(qtbot, dialog)
    assert len(top_items(dialog)) == 2
    dialog.tree.topLevelItem(0).setSelected(True)
    dialog.remove_selected()
    settle(qtbot, dialog)
    assert [r[1] for r in top_items(dialog)] == ["机关党委"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    assert dialog.apply_good() is None and controller.undo_stack.count() == 0


def test_returns_panel_follows_the_month_and_every_change(qtbot: Any, controller: Controller,
                                                          made: dict[str, Path]) -> None:
    panel = ReturnsPanel(controller)
    qtbot.addWidget(panel)
    panel.show()  # a hidden panel re-reads only when shown
    assert panel.title.text() == "处室调度表：未选择月份。" and not panel.collect_button.isEnabled()
    panel.set_month(MONTH)
    assert panel.title.text() == "2026-05 处室调度表：已交回 0 个，未交回 6 个。"
    assert panel.missing_text() == "法规处、规划处、办公室、审批办、诚信处、机关党委"
    assert panel.make_button.isEnabled() and panel.collect_button.isEnabled()
    (pv,) = forms.collect_preview(controller.db, [made["办公室"]])
    controller.run("收回", lambda w: forms.apply_form(w, w.db, pv.form, MONTH))
    qtbot.waitUntil(lambda: panel.returned.count() == 1)
    assert panel.returned.item(0).text().startswith("办公室（") and "改动 0 行" in panel.returned.item(0).toolTip()
    assert "办公室" not in panel.missing_text()
    panel.copy_button.click()
    assert QApplication.clipboard().text() == "法规处、规划处、审批办、诚信处、机关党委"
    controller.run("关闭", lambda w: dispatch.close_month(w, MONTH))
    qtbot.waitUntil(lambda: not panel.collect_button.isEnabled())
    assert not panel.make_button.isEnabled()
