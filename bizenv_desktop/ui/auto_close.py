"""When the window opens: close the months the setting dispatch.auto_close_workdays says are due
(services.auto_close), as one undoable action, and say so in the status bar."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..services import auto_close


def close_due_months(window: Any, controller: Any, today: date | None = None) -> list[str]:
    """The months closed (none when the setting is off, the file is read-only or nothing is due)."""
    today = today or date.today()
    if controller.workspace.read_only:
        return []
    due = auto_close.due_months(controller.db, today)
    if not due:
        return []
    label = QCoreApplication.translate("AutoClose", "自动关闭月调度：%1").replace("%1", "、".join(due))
    closed: list[str] = []
    if not controller.run(label, lambda w: closed.extend(auto_close.close_due(w, today))):
        return []
    window.statusBar().showMessage(QCoreApplication.translate(
        "AutoClose", "已按设置自动关闭截止后到期的月份：%1（可撤销；重新打开须说明原因）").replace("%1", "、".join(closed)), 20000)
    return closed
