"""The English UI, everywhere: every tab and every dialog, read off the real widgets, shows no
Chinese (data values from the database excepted) and no label cut short."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from bizenv_desktop.ui.controller import Controller
from tests.ui.english_ui import Reader, database_texts
from tests.ui.every_dialog import inner_pages, makers, prepared


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    from bizenv_desktop.app import install_translators
    from bizenv_desktop.core import messages
    from bizenv_desktop.ui import screen_fit

    translators = install_translators(qapp, "en")
    messages.set_language("en")
    screen_fit.install(qapp)
    try:
        yield
    finally:
        messages.set_language("zh")
        for t in translators:
            qapp.removeTranslator(t)


def generated_columns(window: Any) -> dict[Any, tuple[int, ...]]:
    """The cells that are ours, not data: statuses, counts, states (checked for cut text)."""
    from bizenv_desktop.ui.deadline_panel import COL_DUE, COL_STATE
    from bizenv_desktop.ui.month_model import COL_STATUS
    from bizenv_desktop.ui.supervision_view import COL_DUE as SUP_DUE
    from bizenv_desktop.ui.supervision_view import COL_STATUS as SUP_STATUS

    return {window.deadline_panel.table: (COL_DUE, COL_STATE), window.month_view.table: (COL_STATUS,),
            window.month_view.frozen.frozen: (), window.supervision_view.table: (SUP_STATUS, SUP_DUE),
            window.dashboard_view.content.grid: tuple(range(12))}


def test_every_tab_of_the_window_in_english(english: None, qtbot: Any, workspace: Any) -> None:
    from bizenv_desktop.ui.main_window import MainWindow

    controller = Controller(workspace)
    prepared(controller)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.round_ops.fixed_today = date(2026, 11, 20)
    with qtbot.waitSignal(window.ready, timeout=30000):
        window.show()
    qtbot.waitExposed(window)
    reader = Reader(database_texts(workspace.db, str(workspace.path), str(workspace.path.parent)))
    cells = generated_columns(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        if window.supervision_view.isVisible():
            qtbot.waitUntil(lambda: not window.supervision_view.loading, timeout=10000)
        if window.dashboard_view.isVisible():
            qtbot.waitUntil(lambda: not window.dashboard_view.loading, timeout=10000)
        reader.read(window, f"tab {index} {window.tab_key()}", cells)
    for name in inner_pages(window):
        qtbot.wait(50)
        reader.read(window, name, cells)
    # what opens from the window without a dialog of ours: the reminder, the menus of the
    # 待办 panel and of a header
    box = window.show_reminders(today=date(2026, 11, 20))
    assert box is not None
    reader.read(box, "reminder")
    box.close()
    panel = window.deadline_panel
    for menu in (panel.menu_for(panel.model.items[0]), window.month_view.columns.menu()):
        for action in menu.actions():
            reader.text("context menu", action.text())
    assert reader.seen > 300, "hardly anything was read"
    assert not reader.problems(), reader.problems()


def test_every_dialog_in_english(english: None, qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1300, 700)
    parent.show()
    controller.dialog_parent = parent
    prepared(controller)
    reader = Reader(database_texts(workspace.db, str(workspace.path), str(workspace.path.parent)))
    names = []
    for name, make in makers(controller, parent):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        names.append(name)
        reader.read(dialog, name)
        dialog.close()
        dialog.deleteLater()
    assert len(names) >= 20
    assert not reader.problems(), reader.problems()
