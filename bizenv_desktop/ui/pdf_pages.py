"""PDF pages as images for preview and printing (pdfium, through pypdfium2).

Safe to call from a worker thread: QImage and painting on a QPrinter may be used off the GUI
thread; pdfium itself is not thread-safe, so every use of it holds one lock.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

_PDFIUM = threading.Lock()


def page_count(path: str | Path) -> int:
    return len(page_sizes(path))


def page_sizes(path: str | Path) -> list[tuple[float, float]]:
    """(width, height) of each page in points."""
    with _PDFIUM:
        pdf = pdfium.PdfDocument(str(path))
        try:
            return [pdf.get_page_size(i) for i in range(len(pdf))]
        finally:
            pdf.close()


def render(path: str | Path, dpi: float, indices: Iterable[int]) -> dict[int, QImage]:
    """The pages at indices (0-based, those the file has) as QImages at dpi."""
    out: dict[int, QImage] = {}
    with _PDFIUM:
        pdf = pdfium.PdfDocument(str(path))
        try:
            for index in indices:
                if 0 <= index < len(pdf):
                    out[index] = _image(pdf[index], dpi)
        finally:
            pdf.close()
    return out


def _image(page: pdfium.PdfPage, dpi: float) -> QImage:
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB(A) byte order for Qt
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels before pdfium frees the bitmap


def render_pages(path: str | Path, dpi: float = 72, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages first..last (inclusive) as QImages at dpi (pdfium draws them, fonts embedded)."""
    count = page_count(path)
    end = count - 1 if last is None else min(last, count - 1)
    images = render(path, dpi, range(first, end + 1))
    return [images[i] for i in sorted(images)]


def set_up(printer: QPrinter, landscape: bool) -> None:
    """A4 in the report's orientation, the whole sheet (the PDF carries its own margins)."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)


def paint(printer: QPrinter, count: int, page: Callable[[int], QImage],
          stop: Callable[[], bool] = lambda: False) -> int:
    """Draw count pages on printer, each page(index) filling the sheet; returns pages drawn."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("PdfPages", "打印机无法开始打印：请检查打印机是否连接、是否有纸。"))
    drawn = 0
    try:
        for index in range(count):
            if stop():
                break
            if index:
                printer.newPage()
            painter.drawImage(QRectF(painter.viewport()), page(index))
            drawn += 1
    finally:
        painter.end()
    return drawn


def print_pdf(path: str | Path, printer: QPrinter, landscape: bool,
              stop: Callable[[], bool] = lambda: False) -> int:
    """Print every page of the PDF on A4 in the given orientation; returns pages printed.
    May run on a worker thread (stop() asked between pages: a Cancel)."""
    set_up(printer, landscape)
    dpi = min(printer.resolution(), 300)
    return paint(printer, page_count(path), lambda i: render(path, dpi, [i])[i], stop)
