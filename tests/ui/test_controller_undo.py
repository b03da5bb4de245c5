"""Undo and redo through the controller: a large step shows the wait cursor while it runs."""
from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.ui.controller import BUSY_CHANGES, Controller


@pytest.mark.parametrize("rows, busy", [(3, False), (BUSY_CHANGES + 5, True)])
def test_wait_cursor_only_while_a_large_step_is_put_back(qtbot: Any, workspace: Any, monkeypatch: pytest.MonkeyPatch,
                                                         rows: int, busy: bool) -> None:
    controller = Controller(workspace)
    seen: list[Any] = []
    for name in ("undo", "redo"):
        real = getattr(Workspace, name)

        def spy(self: Workspace, changes: Any, real: Any = real) -> None:
            cursor = QApplication.overrideCursor()
            seen.append(cursor.shape() if cursor is not None else None)
            real(self, changes)
        monkeypatch.setattr(Workspace, name, spy)
    before = workspace.db.scalar("SELECT count(*) FROM division")
    assert controller.run("许多处室", lambda w: w.insert_many(
        "division", [{"name": f"测试处{n:05d}", "position": 900 + n} for n in range(rows)]))
    controller.undo_stack.undo()
    assert workspace.db.scalar("SELECT count(*) FROM division") == before
    controller.undo_stack.redo()
    assert workspace.db.scalar("SELECT count(*) FROM division") == before + rows
    expected = Qt.CursorShape.WaitCursor if busy else None
    assert seen == [expected, expected]
    assert QApplication.overrideCursor() is None  # restored
