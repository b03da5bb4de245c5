"""The report dialog's preview: the pages of the PDF, with zoom, fit-width and page navigation.

Only the pages in view (and one either side) are drawn, on a worker (pdf_pages.render through
the dialog's Jobs, newest request wins); pages far from the view give their pixels back, so a
75-page report costs what a few pages do. Each page keeps its place and size while it is
drawn, so the scroll bar and the page numbers are right from the start.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QScrollArea, QSpinBox, QToolButton, QVBoxLayout, QWidget)

from . import pdf_pages
from .report_jobs import Jobs

SCREEN_DPI = 96          # 100 % shows a page at its printed size on an ordinary screen
ZOOMS = (25, 50, 75, 100, 125, 150, 200, 300)
MARGIN = 10              # px around each page
KEEP = 6                 # pages either side of the view whose pixels are kept


class PreviewPane(QWidget):
    rendered = Signal()                 # pages in view were drawn (tests wait for it)
    refresh_requested = Signal()

    def __init__(self, jobs: Jobs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.pdf: Path | None = None
        self.sizes: list[tuple[float, float]] = []
        self.zoom = 100
        self.drawn: dict[int, float] = {}   # page -> dpi its pixmap was drawn at
        self.labels: list[QLabel] = []
        # arrows and signs with tool tips: the bar fits beside the editor at 1366 px in English too
        self.prev_button = self._tool("", self.previous_page, self.tr("上一页"), Qt.ArrowType.LeftArrow)
        self.next_button = self._tool("", self.next_page, self.tr("下一页"), Qt.ArrowType.RightArrow)
        self.page = QSpinBox()
        self.page.setRange(0, 0)
        self.page.setPrefix(self.tr("第 "))
        self.page.setKeyboardTracking(False)
        self.page.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.of = QLabel()
        self.zoom_out = self._tool("−", lambda: self.step_zoom(-1), self.tr("缩小（Ctrl+-）"))
        self.zoom_box = QSpinBox()
        self.zoom_box.setRange(ZOOMS[0], ZOOMS[-1])
        self.zoom_box.setSingleStep(25)
        self.zoom_box.setSuffix(" %")
        self.zoom_box.setValue(self.zoom)
        self.zoom_box.setKeyboardTracking(False)
        self.zoom_box.valueChanged.connect(lambda z: self.set_zoom(z, keep_fit=False))
        self.zoom_in = self._tool("+", lambda: self.step_zoom(1), self.tr("放大（Ctrl++）"))
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("适合宽度"))
        self.fit_button.setCheckable(True)
        self.fit_button.setChecked(True)  # a page as wide as the pane, until a zoom is chosen
        self.fit_button.clicked.connect(self.fit_width)
        self.refresh_button = self._tool(self.tr("刷新"), self.refresh_requested.emit)
        self.refresh_button.setToolTip(self.tr("保存正在编辑的部分，重新生成预览"))
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for w in (self.prev_button, self.page, self.of, self.next_button):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.zoom_out, self.zoom_box, self.zoom_in, self.fit_button, self.refresh_button):
            bar.addWidget(w)
        self.status = QLabel(self.tr("正在生成预览……"))
        self.status.setWordWrap(True)
        self.pages = QWidget()
        self.pages.setStyleSheet("background: #808080;")
        self.area = QScrollArea()
        self.area.setWidget(self.pages)
        self.area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # always there, so that fitting the width does not make it appear and overflow the width
        self.area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.area.setStyleSheet("QScrollArea { background: #808080; }")
        self.area.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(40)
        self._soon.timeout.connect(self._draw_visible)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        self.notice_slot = QVBoxLayout()
        layout.addLayout(self.notice_slot)
        layout.addWidget(self.area, 1)
        layout.addWidget(self.status)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, lambda: self.step_zoom(1)),
                           (QKeySequence.StandardKey.ZoomOut, lambda: self.step_zoom(-1))):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._enable()

    def _tool(self, text: str, slot: object, tip: str = "", arrow: Qt.ArrowType | None = None) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        if arrow is not None:
            button.setArrowType(arrow)
        button.clicked.connect(slot)
        return button

    # -- the document ---------------------------------------------------------------------------
    def show_pdf(self, pdf: Path, sizes: list[tuple[float, float]]) -> None:
        """Show a (new) PDF at the same page and zoom; old pixels stay until the new are drawn."""
        keep = self.current_page()
        self.pdf, self.sizes = pdf, sizes
        self.drawn = {}
        while len(self.labels) > len(sizes):
            self.labels.pop().deleteLater()
        while len(self.labels) < len(sizes):
            label = QLabel(self.pages)
            label.setStyleSheet("background: white;")
            label.setScaledContents(True)
            label.show()
            self.labels.append(label)
        self.page.blockSignals(True)
        self.page.setRange(1 if sizes else 0, len(sizes))
        self.page.blockSignals(False)
        self.of.setText(self.tr("页，共 %1 页").replace("%1", str(len(sizes))))
        if self.fit_button.isChecked():
            self.zoom = self._fit_zoom()
            self._show_zoom()
        self._place()
        self.go_to(min(keep, len(sizes) - 1))
        self.status.setText(self.tr("共 %n 页。", "", len(sizes)))
        self._enable()
        self._draw_visible()

    def show_message(self, text: str) -> None:
        self.status.setText(text)

    def page_labels(self) -> list[QLabel]:
        return list(self.labels)

    @property
    def page_count(self) -> int:
        return len(self.sizes)

    def _px(self, points: float) -> int:
        return round(points / 72 * SCREEN_DPI * self.zoom / 100)

    def _place(self) -> None:
        """Every page's place at this zoom, one under another, centred."""
        width = max((self._px(w) for w, _h in self.sizes), default=0) + 2 * MARGIN
        width = max(width, self.area.viewport().width())
        y = MARGIN
        for label, (w, h) in zip(self.labels, self.sizes):
            pw, ph = self._px(w), self._px(h)
            label.setGeometry((width - pw) // 2, y, pw, ph)
            y += ph + MARGIN
        self.pages.resize(width, y)

    def _dpi(self) -> float:
        return SCREEN_DPI * self.zoom / 100 * self.devicePixelRatioF()

    # -- drawing what is in view ------------------------------------------------------------------
    def visible(self) -> list[int]:
        """The pages in view, and one either side."""
        top = self.area.verticalScrollBar().value()
        view = QRect(0, top, self.pages.width(), self.area.viewport().height())
        shown = [i for i, label in enumerate(self.labels) if label.geometry().intersects(view)]
        if not shown:
            return []
        return list(range(max(0, shown[0] - 1), min(len(self.labels), shown[-1] + 2)))

    def _scrolled(self) -> None:
        self.page.blockSignals(True)
        self.page.setValue(self.current_page() + 1)
        self.page.blockSignals(False)
        self._enable()
        self._soon.start()

    def _draw_visible(self) -> None:
        if self.pdf is None:
            return
        dpi, pdf = self._dpi(), self.pdf
        wanted = [i for i in self.visible() if self.drawn.get(i) != dpi]
        if not wanted:
            self.rendered.emit()
            return
        self.jobs.run("pages", lambda: pdf_pages.render(pdf, dpi, wanted),
                      done=lambda images: self._drawn(pdf, dpi, images),
                      failed=lambda exc: self.status.setText(str(exc)))

    def _drawn(self, pdf: Path, dpi: float, images: dict[int, QImage]) -> None:
        if pdf != self.pdf or dpi != self._dpi():
            self._soon.start()  # zoomed or rebuilt meanwhile: draw again for now
            return
        for index, image in images.items():
            if index < len(self.labels):
                pixmap = QPixmap.fromImage(image)
                pixmap.setDevicePixelRatio(self.devicePixelRatioF())
                self.labels[index].setPixmap(pixmap)
                self.drawn[index] = dpi
        centre = self.current_page()
        for index in [i for i in self.drawn if abs(i - centre) > KEEP]:
            self.labels[index].clear()
            del self.drawn[index]
        if all(self.drawn.get(i) == dpi for i in self.visible()):
            self.rendered.emit()
        else:
            self._soon.start()

    # -- navigation --------------------------------------------------------------------------------
    def current_page(self) -> int:
        """The page at the top of the view (0-based)."""
        top = self.area.verticalScrollBar().value() + MARGIN
        for index, label in enumerate(self.labels):
            if label.geometry().bottom() >= top:
                return index
        return max(0, len(self.labels) - 1)

    def go_to(self, index: int) -> None:
        if not self.labels or index < 0:
            return
        index = min(index, len(self.labels) - 1)
        self.area.verticalScrollBar().setValue(self.labels[index].y() - MARGIN)
        self._scrolled()

    def next_page(self) -> None:
        self.go_to(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page() - 1)

    # -- zoom -----------------------------------------------------------------------------------
    def set_zoom(self, percent: int, keep_fit: bool = False) -> None:
        percent = max(ZOOMS[0], min(ZOOMS[-1], int(percent)))
        if not keep_fit and self.fit_button.isChecked():
            self.fit_button.setChecked(False)
        if percent == self.zoom:
            return
        page = self.current_page()
        self.zoom = percent
        self._show_zoom()
        self._place()
        self.go_to(page)
        self._draw_visible()

    def step_zoom(self, step: int) -> None:
        bigger = [z for z in ZOOMS if z > self.zoom]
        smaller = [z for z in ZOOMS if z < self.zoom]
        target = (bigger[0] if bigger else ZOOMS[-1]) if step > 0 else (smaller[-1] if smaller else ZOOMS[0])
        self.set_zoom(target)

    def fit_width(self, on: bool = True) -> None:
        self.fit_button.setChecked(on)
        if on:
            self.set_zoom(self._fit_zoom(), keep_fit=True)

    def _fit_zoom(self) -> int:
        widest = max((w for w, _h in self.sizes), default=595.0)
        room = self.area.viewport().width() - 2 * MARGIN
        return max(ZOOMS[0], min(ZOOMS[-1], int(room / (widest / 72 * SCREEN_DPI) * 100)))

    def _show_zoom(self) -> None:
        self.zoom_box.blockSignals(True)
        self.zoom_box.setValue(self.zoom)
        self.zoom_box.blockSignals(False)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if self.fit_button.isChecked() and self.sizes:
            self.set_zoom(self._fit_zoom(), keep_fit=True)
        elif self.sizes:
            self._place()
        self._soon.start()

    def _enable(self) -> None:
        has = bool(self.labels)
        page = self.current_page()
        self.prev_button.setEnabled(has and page > 0)
        self.next_button.setEnabled(has and page < len(self.labels) - 1)
        for w in (self.page, self.zoom_box, self.zoom_in, self.zoom_out, self.fit_button):
            w.setEnabled(has)
