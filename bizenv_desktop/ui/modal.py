"""Modal dialogs that do not outlive their use.

A dialog made with the main window as parent lives as long as the window unless deleted:
five cancelled edits left five dialogs (and their models and connections) behind. Open
them through these: `with modal(Dialog(...)) as d: if d.exec(): use(d.values())`, or
`run_modal(Dialog(...))` when nothing is read back.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from PySide6.QtWidgets import QDialog

D = TypeVar("D", bound=QDialog)


@contextmanager
def modal(dialog: D) -> Iterator[D]:
    """The dialog, deleted (once control is back in the event loop) when the block ends."""
    try:
        yield dialog
    finally:
        dialog.deleteLater()


def run_modal(dialog: QDialog) -> int:
    """exec() the dialog and delete it afterwards; its result code."""
    with modal(dialog):
        return dialog.exec()
