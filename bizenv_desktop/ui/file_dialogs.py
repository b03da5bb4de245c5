"""Every file dialog of the app goes through here: each kind of file remembers its folder.

The forms sent out, the forms that come back, the PDF reports, imported and exported tables,
evidence files, databases, backups and font folders each open where that kind was last
chosen (kept in the settings, `folders/<kind>`), the first time in the user's Documents
folder, never in whatever the working directory happens to be.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from . import settings

KINDS = settings.FOLDER_KINDS


def _key(kind: str) -> str:
    assert kind in KINDS, kind
    return f"folders/{kind}"


def default_folder() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def folder(kind: str) -> str:
    """The folder a dialog for this kind of file opens in: the last one used, if it still exists."""
    last = str(settings.get(_key(kind)) or "")
    return last if last and Path(last).is_dir() else default_folder()


def remember(kind: str, path: str | Path) -> None:
    """Remember the folder of path (or path itself if it is a folder) for this kind."""
    p = Path(path)
    settings.put(_key(kind), str(p if p.is_dir() else p.parent))


def _start(kind: str, name: str = "") -> str:
    """The folder, with a suggested file name in it when there is one."""
    return str(Path(folder(kind)) / name) if name else folder(kind)


def open_file(parent: QWidget | None, kind: str, title: str, filters: str = "") -> str:
    path, _f = QFileDialog.getOpenFileName(parent, title, _start(kind), filters)
    if path:
        remember(kind, path)
    return path


def open_files(parent: QWidget | None, kind: str, title: str, filters: str = "") -> list[str]:
    paths, _f = QFileDialog.getOpenFileNames(parent, title, _start(kind), filters)
    if paths:
        remember(kind, paths[0])
    return list(paths)


def save_file(parent: QWidget | None, kind: str, title: str, name: str, filters: str = "") -> str:
    """A file to write; name is the suggested file name (placed in the remembered folder)."""
    path, _f = QFileDialog.getSaveFileName(parent, title, _start(kind, Path(name).name), filters)
    if path:
        remember(kind, path)
    return path


def existing_dir(parent: QWidget | None, kind: str, title: str, start: str = "") -> str:
    """A folder; start (a folder already shown in the dialog's field) wins over the remembered one."""
    chosen = QFileDialog.getExistingDirectory(parent, title, start if start and Path(start).is_dir()
                                              else folder(kind))
    if chosen:
        settings.put(_key(kind), chosen)
    return chosen
