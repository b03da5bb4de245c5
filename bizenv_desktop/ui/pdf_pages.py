"""PDF pages as images for preview and printing (pdfium, through pypdfium2)."""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter


def page_count(path: str | Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_pages(path: str | Path, dpi: float = 72, first: int = 0, last: int | None = None) -> list[QImage]:
    """Pages first..last (inclusive) as QImages at dpi (pdfium draws them, fonts embedded)."""
    pdf = pdfium.PdfDocument(str(path))
    images: list[QImage] = []
    try:
        end = len(pdf) - 1 if last is None else min(last, len(pdf) - 1)
        for index in range(first, end + 1):
            bitmap = pdf[index].render(scale=dpi / 72, rev_byteorder=True)  # RGB(A) byte order for Qt
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3 else QImage.Format.Format_RGBA8888)
            images.append(image.copy())  # own the pixels before pdfium frees the bitmap
    finally:
        pdf.close()
    return images


def print_pdf(path: str | Path, printer: QPrinter, landscape: bool) -> int:
    """Print every page of the PDF on A4 in the given orientation; returns pages printed."""
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    count = page_count(path)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("打印机无法开始打印")
    try:
        dpi = min(printer.resolution(), 300)
        for index in range(count):
            if index:
                printer.newPage()
            image = render_pages(path, dpi, index, index)[0]
            target = QRectF(painter.viewport())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return count
