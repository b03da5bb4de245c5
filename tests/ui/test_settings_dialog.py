"""The settings dialog: language, font roles, backups to keep."""
from __future__ import annotations

from typing import Any

import pytest

from bizenv_desktop.services.settings_store import get_setting
from bizenv_desktop.ui import settings
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.settings_dialog import SettingsDialog


def test_settings_are_saved_and_fonts_are_listed(qtbot: Any, workspace: Any) -> None:
    dialog = SettingsDialog(Controller(workspace))
    qtbot.addWidget(dialog)
    assert dialog.fonts.rowCount() == 5
    roles = [dialog.fonts.item(r, 0).text() for r in range(5)]
    assert "正文（仿宋）" in roles and "页码（宋体）" in roles
    assert all(dialog.fonts.item(r, 1).text().endswith((".ttf", ".ttc", ".TTF")) for r in range(5))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.keep.setValue(7)
    dialog.daily.setChecked(False)
    dialog.accept()
    assert settings.get("ui/language") == "en"
    assert get_setting(workspace.db, "backup.keep") == 7 and get_setting(workspace.db, "backup.daily") is False


def test_warning_days_auto_close_and_work_plan_deadline_are_kept_in_the_database(
        qtbot: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bizenv_desktop.services.settings_store import get_setting
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.settings_dialog import SettingsDialog

    controller = Controller(workspace)
    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    assert (dialog.warn_yellow.value(), dialog.warn_red.value(), dialog.auto_close.value()) == (5, 2, 0)
    assert dialog.auto_close.text() == "不自动关闭" and dialog.workplan_due.text() == "03-31"
    dialog.warn_yellow.setValue(8)
    dialog.warn_red.setValue(3)
    dialog.auto_close.setValue(5)
    dialog.workplan_due.setText("04-15")
    dialog.accept()
    db = workspace.db
    assert [get_setting(db, k) for k in ("supervision.warn_yellow", "supervision.warn_red",
                                         "dispatch.auto_close_workdays", "workplan.due")] == [8, 3, 5, "04-15"]
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    again = SettingsDialog(controller)
    qtbot.addWidget(again)
    again.warn_red.setValue(9)  # not fewer than yellow: refused, the dialog stays open
    again.accept()
    assert seen and "红色须少于黄色" in seen[-1] and again.result() == 0
    assert get_setting(db, "supervision.warn_red") == 3


def test_the_superior_office_is_kept_beside_the_department(qtbot: Any, workspace: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from bizenv_desktop.services import supervision
    from bizenv_desktop.services.department import DEFAULT_SUPERIOR, get_superior

    controller = Controller(workspace)
    dialog = SettingsDialog(controller)
    qtbot.addWidget(dialog)
    assert (dialog.superior_name.text(), dialog.superior_short.text()) == ("省软环境建设办公室", "省软环境办")
    dialog.accept()  # unchanged: nothing written, still the default
    assert not get_superior(workspace.db).configured
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    again = SettingsDialog(controller)
    qtbot.addWidget(again)
    again.superior_name.setText("")
    again.accept()
    assert seen and "不能为空" in seen[-1] and again.result() == 0 and not get_superior(workspace.db).configured
    again.superior_name.setText("江川市优化营商环境建设办公室")
    again.superior_short.setText("市营商办")
    again.accept()
    superior = get_superior(workspace.db)
    assert (superior.name, superior.short, superior.configured) == ("江川市优化营商环境建设办公室", "市营商办", True)
    assert supervision.sources(workspace.db)[:2] == ("市营商办交办", "市营商办督办")
    assert controller.undo_stack.undoText().endswith("修改上级办公室")
    controller.undo_stack.undo()  # one step of the undo stack
    assert get_superior(workspace.db) == DEFAULT_SUPERIOR
