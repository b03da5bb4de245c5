"""Windows fit the screen: a remembered geometry from a larger monitor comes back inside, and the
whole app is checked on a 1366 x 768 office screen (tests/ui/office_screen_checks.py, run here in
a process of its own, since Qt's offscreen screen is chosen when the process starts)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from bizenv_desktop.ui import screen_fit, settings
from bizenv_desktop.ui.settings import PreserveGeometry

ROOT = Path(__file__).resolve().parents[2]


class Remembering(PreserveGeometry, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(600, 400)
        self.restore_geometry()


def test_a_geometry_remembered_on_a_larger_monitor_is_brought_inside(qtbot: Any) -> None:
    screen = screen_fit.available(QWidget())
    first = Remembering()
    qtbot.addWidget(first)
    # as saved on a monitor to the right, larger than this one
    first.setGeometry(QRect(screen.right() - 300, screen.bottom() - 200, screen.width() + 400, screen.height() + 300))
    settings.settings().setValue("geometry/Remembering", first.saveGeometry())
    again = Remembering()
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert screen_fit.fits(again), (again.frameGeometry(), screen)
    assert again.width() <= screen.width() and again.height() <= screen.height()


def test_a_remembered_geometry_that_fits_is_kept(qtbot: Any) -> None:
    first = Remembering()
    qtbot.addWidget(first)
    first.setGeometry(QRect(100, 120, 700, 500))
    settings.settings().setValue("geometry/Remembering", first.saveGeometry())
    again = Remembering()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
    assert isinstance(settings.settings().value("geometry/Remembering"), QByteArray)


def test_fit_size_keeps_a_window_within_the_screen(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    room = screen_fit.largest_size(widget)
    size = screen_fit.fit_size(widget, room.width() + 500, 300)
    assert size.width() == room.width() and size.height() == 300


def test_qts_own_dialogs_are_brought_inside_when_shown(qtbot: Any, qapp: Any) -> None:
    screen_fit.install(qapp)
    box = QMessageBox(QMessageBox.Icon.Information, "长", "一行很长的文字。" * 10)
    qtbot.addWidget(box)
    screen = screen_fit.available(box)
    box.resize(screen.width() + 300, screen.height() + 300)
    box.move(screen.right() - 100, screen.top())
    box.show()
    qtbot.waitExposed(box)
    assert screen_fit.fits(box), (box.frameGeometry(), screen)


def test_the_app_on_a_1366x768_office_screen() -> None:
    """The checks of office_screen_checks.py, on an offscreen 1366 x 768 screen."""
    env = {**os.environ, "BIZENV_TEST_SCREEN": "office"}
    env.pop("QT_QPA_PLATFORM", None)  # conftest sets it for the office screen
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
                          "tests/ui/office_screen_checks.py"], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=900)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    assert " passed" in run.stdout and "skipped" not in run.stdout, run.stdout[-2000:]


def test_the_main_window_first_takes_its_size_from_the_screen(qtbot: Any, workspace: Any) -> None:
    """It opened at 1360 x 820 whatever the screen: too large for 1366 x 768, small on 1920 x 1080."""
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.main_window import MainWindow

    window = MainWindow(Controller(workspace))
    qtbot.addWidget(window)
    room = screen_fit.largest_size(window)
    assert window.width() == max(1360, int(room.width() * 0.9)) <= room.width()
    assert window.height() == min(room.height(), max(820, int(room.height() * 0.9)))
