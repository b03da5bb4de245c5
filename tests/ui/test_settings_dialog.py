"""The settings dialog: language, font roles, backups to keep."""
from __future__ import annotations

from typing import Any

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
