"""Checks on a 1366 x 768 office screen (run by tests/ui/test_screen_fit.py in a process of its
own with BIZENV_TEST_SCREEN=office; run alone the same way). The main window and every dialog,
in Chinese and in English, lie inside the available screen with every button reachable."""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from bizenv_desktop.ui import screen_fit
from bizenv_desktop.ui.controller import Controller

from tests.ui.every_dialog import inner_pages, makers
# the English checks (no Chinese, no label cut short) again, now on the office screen
from tests.ui.test_english_everywhere import english  # noqa: F401 (their fixture)
from tests.ui.test_english_everywhere import test_every_dialog_in_english  # noqa: F401
from tests.ui.test_english_everywhere import test_every_tab_of_the_window_in_english  # noqa: F401

pytestmark = pytest.mark.skipif(os.environ.get("BIZENV_TEST_SCREEN") != "office",
                                reason="runs on a 1366 x 768 screen, from test_screen_fit.py")


@pytest.fixture(params=["zh", "en"])
def language(request: Any, qapp: QApplication) -> Iterator[str]:
    from bizenv_desktop.app import install_translators
    from bizenv_desktop.core import messages

    translators = install_translators(qapp, request.param)
    messages.set_language(request.param)
    screen_fit.install(qapp)  # as app.run_gui does
    yield request.param
    messages.set_language("zh")
    for t in translators:
        qapp.removeTranslator(t)


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def outside(root: QWidget, screen: QRect) -> list[str]:
    """The visible buttons of root that do not lie wholly on the screen."""
    return [f"{type(b).__name__} {b.text()!r} at {global_rect(b)}" for b in root.findChildren(QAbstractButton)
            if b.isVisible() and not screen.contains(global_rect(b))]


def test_the_screen_is_an_office_screen(qapp: QApplication) -> None:
    geometry = QGuiApplication.primaryScreen().availableGeometry()
    assert (geometry.width(), geometry.height()) == (1366, 768)


def test_the_main_window_fits_with_its_status_bar_and_todo_buttons(language: str, qtbot: Any,
                                                                   workspace: Any) -> None:
    from bizenv_desktop.ui.main_window import MainWindow

    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=30000):
        window.show()
    qtbot.waitExposed(window)
    screen = screen_fit.available(window)
    assert screen_fit.fits(window), (window.frameGeometry(), screen)
    panel = window.deadline_panel
    for widget in (window.statusBar(), panel.done_button, panel.undone_button, panel.summary):
        assert widget.isVisible() and screen.contains(global_rect(widget)), (widget, global_rect(widget))
    window.tabs.setCurrentIndex(window.tabs.indexOf(window.pages["month"]))
    qtbot.waitUntil(lambda: window.month_view.isVisible())
    count = window.month_view.count_label
    assert count.isVisible() and screen.contains(global_rect(count)), global_rect(count)
    assert outside(window, screen) == []
    # every tab's title shows at once: none behind the tab bar's scroll arrows ("Assess…")
    bar = window.tabs.tabBar()
    hidden = [bar.tabText(i) for i in range(bar.count()) if not bar.rect().contains(bar.tabRect(i))]
    assert hidden == [], (hidden, bar.width())
    for name in inner_pages(window):  # the 考评记录 pages and the 月调度 side panels: every button on screen
        qtbot.wait(20)
        assert outside(window, screen) == [], name
    # the whole toolbar shows, the filter box last (it fell behind » as the undo label grew)
    from PySide6.QtWidgets import QToolButton

    extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert window.filter_edit.isVisible() and not (extension and extension.isVisible())


def test_every_dialog_fits_with_its_buttons(language: str, qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(1300, 700)
    parent.show()
    controller.dialog_parent = parent
    problems = []
    for name, make in makers(controller, parent):
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        screen = screen_fit.available(dialog)
        if not screen_fit.fits(dialog):
            problems.append(f"{name}: {dialog.frameGeometry()} is not inside {screen}")
        problems += [f"{name}: {where}" for where in outside(dialog, screen)]
        dialog.close()
        dialog.deleteLater()
    assert not problems, "\n".join(problems)


def test_the_monthly_round_from_the_menu_fits_the_screen(qtbot: Any, workspace: Any, tmp_path: Any,
                                                         monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> None:
    """The whole round from the 月调度 menu on this screen; every dialog of it fits."""
    from datetime import date

    from bizenv_desktop.ui.main_window import MainWindow
    from tests.ui.test_month_round import drive_the_round

    screen_fit.install(qapp)
    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    window.round_ops.fixed_today = date(2026, 11, 20)
    with qtbot.waitSignal(window.ready, timeout=30000):
        window.show()
    seen: list[str] = []

    def fits(dialog: QWidget) -> None:
        seen.append(type(dialog).__name__)
        screen = screen_fit.available(dialog)
        assert screen_fit.fits(dialog), (type(dialog).__name__, dialog.frameGeometry(), screen)
        assert outside(dialog, screen) == []
    drive_the_round(qtbot, window, tmp_path, monkeypatch, fits)
    assert seen == ["MonthPickerDialog", "MakeFormsDialog", "CollectFormsDialog", "ReportDialog"]


def test_nothing_is_cut_short_in_the_chinese_ui_either(qtbot: Any, workspace: Any, qapp: QApplication) -> None:
    """The same read of every tab and dialog in Chinese: no label elided or cut at 1366 x 768."""
    from datetime import date

    from bizenv_desktop.app import install_translators
    from bizenv_desktop.ui.main_window import MainWindow
    from tests.ui.english_ui import Reader
    from tests.ui.every_dialog import prepared
    from tests.ui.test_english_everywhere import generated_columns

    translators = install_translators(qapp, "zh")
    screen_fit.install(qapp)
    try:
        controller = Controller(workspace)
        prepared(controller)
        window = MainWindow(controller)
        qtbot.addWidget(window)
        window.round_ops.fixed_today = date(2026, 11, 20)
        with qtbot.waitSignal(window.ready, timeout=30000):
            window.show()
        reader = Reader([])
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            reader.read(window, f"tab {index} {window.tab_key()}", generated_columns(window))
        for name in inner_pages(window):
            qtbot.wait(50)
            reader.read(window, name, generated_columns(window))
        for name, make in makers(controller, window):
            dialog = make()
            dialog.show()
            qtbot.waitExposed(dialog)
            reader.read(dialog, name)
            dialog.close()
            dialog.deleteLater()
        assert not reader.elided, "\n".join(reader.elided)
    finally:
        for t in translators:
            qapp.removeTranslator(t)
