"""Renders resources/icons/bizenv.svg into the icons the packaged app needs.

    packaging/bizenv.png   256 x 256, for the Linux .desktop entry (hicolor theme)
    packaging/bizenv.ico   16 ... 256 px, for the Windows executables (PyInstaller `icon=`)

Both files are committed; run this again only when the SVG changes:

    .venv/bin/python packaging/make_icons.py

Qt draws every size from the vector (QSvgRenderer -> QImage), so small sizes stay sharp.
Qt's own ICO writer stores a single image, so the .ico container is written here: one
PNG-compressed entry per size (the format Windows has read since Vista).
"""
from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent
SVG = HERE.parent / "resources" / "icons" / "bizenv.svg"
PNG = HERE / "bizenv.png"
ICO = HERE / "bizenv.ico"
PNG_SIZE = 256
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("Qt could not encode PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per image + the PNG data (sizes of 256 are written as 0)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images:
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs it)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    PNG.write_bytes(png_bytes(render(renderer, PNG_SIZE)))
    ICO.write_bytes(ico_bytes([(s, png_bytes(render(renderer, s))) for s in ICO_SIZES]))
    print(f"wrote {PNG.relative_to(HERE.parent)} ({PNG_SIZE} px) and "
          f"{ICO.relative_to(HERE.parent)} ({', '.join(map(str, ICO_SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
