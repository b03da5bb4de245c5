"""The 看板 tab: where the year stands, on one screen and one printed A4 landscape page.

The panels (dashboard_panels.py) are read on a worker's own read-only connection
(dashboard_read.py, through tasks.quiet_read and a tasks.Latest, as the 督办事项 ledger
reads): after a change, or a year or month picked, the old panels stay on screen until the
new read arrives; a read overtaken by a newer request is dropped.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRectF, QTimer
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QRegion
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..core import dispatch as rules
from .dashboard_panels import DashboardPanels
from .dashboard_read import DashboardData, Request, read_dashboard, reader
from .lazy import ReloadWhenShown
from .tasks import Latest, quiet_read

PRINT_SCALE = 3.0  # screen pixels to image pixels when printing: about 300 dpi on A4


class DashboardView(ReloadWhenShown, QWidget):
    """The 看板 tab: a tool bar (year, 截至 month, print) over the panels in a scroll area."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "calendar_year", "deadline_done", "dimension", "dispatch_month",
                         "dispatch_row", "division", "evidence", "evidence_link", "form_return", "form_sendback",
                         "indicator", "liaison", "plan_year", "publication", "ranking", "setting", "subtask",
                         "supervision_division", "supervision_feedback", "supervision_item",
                         "supervision_reminder", "work_plan", "workday_override"})
    SIDE_WIDTH = 420  # what the side panels need beside the grid

    def __init__(self, controller: Any, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.today = today  # None: the real today, read at each refresh
        self.year = 0
        self.month = ""
        self.year_box = QComboBox(self)
        self.month_box = QComboBox(self)
        for m in range(1, 13):
            self.month_box.addItem(self.tr("%1月").replace("%1", str(m)), m)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.content = DashboardPanels(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("年度：")))
        top.addWidget(self.year_box)
        top.addWidget(QLabel(self.tr("截至：")))
        top.addWidget(self.month_box)
        top.addStretch(1)
        top.addWidget(self.print_button)
        scroll = QScrollArea(self)
        scroll.setWidget(self.content)
        scroll.setWidgetResizable(True)
        self.scroll_area = scroll
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self.year_box.activated.connect(lambda _i: self.set_year(self.year_box.currentData()))
        self.month_box.activated.connect(lambda _i: self.set_month(self.month_box.currentData()))
        self.print_button.clicked.connect(self.print_dashboard)
        self.loader = Latest(self)  # the newest read wins (ui/tasks.py)
        self._read_pending = False  # a read asked for, to start after this event-loop turn
        self.watch(controller)
        # Read once this event-loop turn is over (the window may set the year first), shown or
        # not: a tab built after the window's first paint then only paints when first shown.
        self._stale = True
        QTimer.singleShot(0, self, self._read_ahead)

    def _read_ahead(self) -> None:
        if self._stale and not self.isVisible() and not self._closed():
            self._stale = False
            self.refresh()

    def reload(self) -> None:
        self.refresh()

    def _fit_layout(self) -> None:
        room = self.scroll_area.viewport().width()
        self.content.arrange(room >= self.content.grid.minimumWidth() + self.SIDE_WIDTH + 40)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        self._fit_layout()

    # -- reading (on a worker) --------------------------------------------------------------
    def _today(self) -> date:
        return self.today or date.today()

    @property
    def loading(self) -> bool:
        """The panels shown are being read again: they may be out of date."""
        return self._read_pending or self.loader.busy

    def refresh(self) -> None:
        """Read the panels again in a worker; the ones shown stay until the new ones arrive."""
        if not self._read_pending:
            self._read_pending = True
            # started after this event-loop turn: the tab first paints (the worker's Python would
            # compete with the paint's calls into Python for the interpreter lock)
            QTimer.singleShot(0, self, self._start_read)

    def _start_read(self) -> None:
        self._read_pending = False
        if not self._closed():
            path, request = self.controller.workspace.path, self._request()
            self.loader.request(lambda: quiet_read(path, reader(request), self),
                                done=self._read_done, failed=lambda _exc: self._read_failed())

    def _request(self) -> Request:
        return Request(self.year, self.month, self._today())

    def _closed(self) -> bool:
        """The file was closed while a worker read it (the app quits, another file is opened)."""
        return bool(getattr(self.controller.db, "closed", False))

    def _read_done(self, data: DashboardData) -> None:
        # another year or month picked since, while hidden (read when shown): not this one
        if not self._closed() and (data.request.year, data.request.month) == (self.year, self.month):
            self._show(data)

    def _read_failed(self) -> None:
        """The worker could not read (its own connection): read here, as before the worker,
        so the user sees the panels or the usual error."""
        if not self._closed():
            self.refresh_now()

    def refresh_now(self) -> None:
        """Read the panels on this thread and show them."""
        self._show(read_dashboard(self.controller.db, self._request()))

    def _show(self, data: DashboardData) -> None:
        self.year, self.month = data.year, data.month
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in data.years:
            self.year_box.addItem(self.tr("%1年").replace("%1", str(y)), y)
        self.year_box.setCurrentIndex(self.year_box.findData(self.year))
        self.year_box.blockSignals(False)
        self.month_box.setCurrentIndex(self.month_box.findData(int(self.month[5:7])))
        self.content.show_data(data)
        self._fit_layout()

    # -- for the user and for tests -------------------------------------------------------
    def set_year(self, year: int) -> None:
        if year != self.year:  # the same year: nothing to read again (changes come by controller.changed)
            self.year, self.month = int(year), ""
            self.reload_when_shown()

    def set_month(self, month: int | str) -> None:
        """The 截至 month: 11 (of the shown year) or '2026-11' (which also picks the year)."""
        if isinstance(month, str):
            month = rules.check_month(month)
            self.year = int(month[:4])
            self.month = month
        else:
            self.month = f"{self.year:04d}-{int(month):02d}"
        self.refresh()

    def render_to(self, painter: QPainter, width: float, height: float) -> None:
        """Paint the dashboard (without its tool bar) scaled to fit width × height, side panels
        beside the grid (one A4 landscape page) whatever the tab's width on screen."""
        with self._on_paper():
            self._render(painter, width, height)

    @contextmanager
    def _on_paper(self) -> Iterator[None]:
        narrow = not self.content.wide
        if narrow:
            self.content.arrange(True)
            self.content.resize(self.content.minimumSizeHint().expandedTo(self.content.size()))
        try:
            yield
        finally:
            if narrow:
                self._fit_layout()

    def _render(self, painter: QPainter, width: float, height: float) -> None:
        size = self.content.size()
        scale = min(width / max(1, size.width()), height / max(1, size.height()))
        filled = self.content.autoFillBackground()  # set by the scroll area
        self.content.setAutoFillBackground(False)  # no grey window background: the page stays white
        painter.save()
        try:
            painter.scale(scale, scale)
            self.content.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
        finally:
            painter.restore()
            self.content.setAutoFillBackground(filled)

    def print_to(self, printer: QPrinter) -> None:
        """Print on one page. Qt would paint a widget for a printer through a pixmap as large as the
        page at the printer's resolution (13 700 px wide at 1200 dpi, 7 MB of PDF, seconds of work);
        an image at about 300 dpi, drawn scaled onto the page, prints as sharp and stays small."""
        with self._on_paper():
            self._print(printer)

    def _print(self, printer: QPrinter) -> None:
        page = printer.pageRect(QPrinter.Unit.DevicePixel)
        size = self.content.size()
        scale = min(page.width() / max(1, size.width()), page.height() / max(1, size.height()))
        sharp = min(scale, PRINT_SCALE)
        image = QImage(max(1, round(size.width() * sharp)), max(1, round(size.height() * sharp)),
                       QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        image_painter = QPainter(image)
        try:
            self._render(image_painter, image.width(), image.height())
        finally:
            image_painter.end()
        painter = QPainter(printer)
        try:
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
        finally:
            painter.end()

    @staticmethod
    def make_printer() -> QPrinter:
        """A printer set to A4 landscape, the page the dashboard is laid out for."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        return printer

    def print_dashboard(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印看板"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def render_to_image(self, path: str | Path) -> bool:
        """Save the dashboard as an image (PNG by the file's suffix)."""
        with self._on_paper():
            return self.content.grab().save(str(path))
