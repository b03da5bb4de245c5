"""TextLine: a one-line text whose new text repaints only itself."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from bizenv_desktop.ui.text_line import TextLine


class LayoutRequests(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, obj: Any, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LayoutRequest:
            self.seen += 1
        return False


def test_a_new_text_lays_nothing_out_again(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    line, label = TextLine(window), QLabel(window)
    layout.addWidget(line)
    layout.addWidget(label)
    window.resize(400, 100)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the first layout done
    requests = LayoutRequests()
    window.installEventFilter(requests)
    hint = line.sizeHint()
    line.setText("411 项：未启动 76，推进中 70，已完成 94，滞后 84，不适用 82")
    qtbot.wait(20)
    assert requests.seen == 0 and line.sizeHint() == hint
    assert line.text().startswith("411 项") and line.accessibleName() == line.text()
    label.setText("411 项：未启动 76")  # what a QLabel does, for comparison
    qtbot.wait(20)
    assert requests.seen > 0


def test_a_long_text_is_elided_and_still_paints(qtbot: Any) -> None:
    line = TextLine()
    qtbot.addWidget(line)
    line.resize(60, line.height())
    line.setText("共 5000 项：待签收 1000，办理中 1000，已办结 1000，已报结 1000，已销号 1000")
    image = line.grab().toImage()
    assert line._elided  # noqa: SLF001 (the tool tip then shows the whole text)
    assert any(image.pixelColor(x, y) != image.pixelColor(0, 0) for x in range(60) for y in range(line.height()))
