"""Windows and dialogs that fit the screen they open on, from 1366 x 768 up.

`fit_size(widget, width, height)` gives a window its preferred size, or less on a small
screen; `bring_inside(widget)` moves (and if need be shrinks) a window whose remembered
geometry no longer fits: a laptop after a large monitor. `FitOnShow` does the same for
Qt's own dialogs (message boxes, input and file dialogs) when they are shown.
A window is never made smaller than its layout's minimum: a dialog that could not fit
1366 x 768 must scroll (see `scrolling`), which the tests check.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QFrame, QScrollArea, QWidget

# What a window manager adds around a window (title bar, borders) that Qt only knows once
# the window is shown; kept free when sizing a window that is not shown yet.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def screen_of(widget: QWidget) -> QScreen:
    """The screen the widget is on, or its parent window's, or the primary screen."""
    screen = widget.screen()
    if screen is None and widget.parentWidget() is not None:
        screen = widget.parentWidget().window().screen()
    return screen or QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    return screen_of(widget).availableGeometry()


def _frame_extra(widget: QWidget) -> QSize:
    """Frame width and height around the client area (estimated before the first show)."""
    if widget.isVisible() and widget.windowHandle() is not None:
        frame, inner = widget.frameGeometry(), widget.geometry()
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    return QSize(FRAME_WIDTH, FRAME_HEIGHT)


def largest_size(widget: QWidget) -> QSize:
    """The largest client size whose frame fits the available screen."""
    screen, extra = available(widget), _frame_extra(widget)
    return QSize(screen.width() - extra.width(), screen.height() - extra.height())


def fit_size(widget: QWidget, width: int, height: int) -> QSize:
    """Resize to width x height, or to the screen's available area if that is smaller."""
    room = largest_size(widget)
    size = QSize(min(width, room.width()), min(height, room.height()))
    widget.resize(size.expandedTo(widget.minimumSize()))
    return widget.size()


def first_size(widget: QWidget, width: int, height: int, share: float = 0.9) -> QSize:
    """A main window's first size: at least width x height, or a share of a larger screen,
    never more than the screen (1366 x 768: all of it; 1920 x 1080: nine tenths)."""
    room = largest_size(widget)
    return fit_size(widget, max(width, int(room.width() * share)), max(height, int(room.height() * share)))


def share_of_screen(widget: QWidget, width: float, height: float, most: QSize | None = None) -> QSize:
    """Resize to a share of the available screen (0.9 x 0.85 …), at most `most`."""
    room = largest_size(widget)
    size = QSize(int(room.width() * width), int(room.height() * height))
    if most is not None:
        size = size.boundedTo(most)
    widget.resize(size.expandedTo(widget.minimumSize()))
    return widget.size()


def bring_inside(widget: QWidget) -> None:
    """Shrink a window larger than its screen, and move one that lies partly off it."""
    room, screen = largest_size(widget), available(widget)
    if widget.isMaximized() or widget.isFullScreen():
        return
    size = widget.size()
    fitted = size.boundedTo(room).expandedTo(widget.minimumSize())
    if fitted != size:
        widget.resize(fitted)
    if not (widget.isVisible() or widget.testAttribute(Qt.WidgetAttribute.WA_Moved)):
        return  # not placed yet: Qt centres it on its parent, inside the screen, when shown
    frame = widget.frameGeometry()
    x = min(max(frame.x(), screen.left()), max(screen.left(), screen.right() + 1 - frame.width()))
    y = min(max(frame.y(), screen.top()), max(screen.top(), screen.bottom() + 1 - frame.height()))
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def fits(widget: QWidget) -> bool:
    """True when the whole frame of a shown window lies on its screen's available area."""
    return available(widget).contains(widget.frameGeometry())


def scrolling(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """content in a frameless scroll area: a long form scrolls on a small screen."""
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


class FitOnShow(QObject):
    """Application-wide: every dialog is brought inside its screen as it is shown.

    Our own dialogs size themselves (fit_size, PreserveGeometry); this catches Qt's own
    (QMessageBox with a long text, QInputDialog, QFileDialog) and any dialog that forgot.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Show and isinstance(watched, QDialog):
            bring_inside(watched)
        return False


_filter: FitOnShow | None = None


def install(app: QObject) -> FitOnShow:
    """Install the FitOnShow filter once on the application."""
    global _filter
    if _filter is None:
        _filter = FitOnShow(app)
        app.installEventFilter(_filter)
    return _filter
