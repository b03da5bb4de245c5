"""tests/ui/every_dialog.py lists every dialog of the app, so the checks that visit them all (fits
a 1366 x 768 screen, no Chinese in the English UI, no label cut short) cannot miss a new one."""
from __future__ import annotations

import importlib
import pkgutil
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

import bizenv_desktop.ui
from bizenv_desktop.ui.controller import Controller
from tests.ui.every_dialog import makers


def dialog_classes() -> set[type]:
    """Every QDialog subclass defined in bizenv_desktop/ui (each module imported)."""
    for info in pkgutil.walk_packages(bizenv_desktop.ui.__path__, "bizenv_desktop.ui."):
        importlib.import_module(info.name)
    found: set[type] = set()
    todo = list(QDialog.__subclasses__())
    while todo:
        cls = todo.pop()
        todo += cls.__subclasses__()
        if cls.__module__.startswith("bizenv_desktop.ui."):
            found.add(cls)
    return found


def test_every_dialog_class_of_the_app_is_built_by_every_dialog(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    built: set[type] = set()
    for _name, make in makers(controller, parent):
        dialog = make()
        built.add(type(dialog))
        dialog.deleteLater()
    classes = dialog_classes()
    assert len(classes) >= 29, sorted(c.__name__ for c in classes)
    missing = sorted(f"{c.__module__}.{c.__name__}" for c in classes - built)
    assert not missing, f"add these to tests/ui/every_dialog.py: {missing}"
