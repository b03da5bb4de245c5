"""Backups, restore and the data check, as the window offers them.

Automatic backups run off the GUI thread with their own read-only connection; restore
and check run on the open connection (they are what the user is waiting for).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.errors import BizenvError
from ..services import backup, integrity
from ..storage.database import open_reader

HOUR_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    """A backup when the app starts, then a daily one (checked every hour)."""

    finished = Signal(str)  # path, or "" on failure
    failed = Signal(str)

    def __init__(self, controller: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.timer = QTimer(self)
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(lambda: self.run("daily"))

    def start(self) -> None:
        self.run("start")
        self.timer.start()

    def run(self, reason: str) -> None:
        path = self.controller.workspace.path

        def work() -> None:
            db = open_reader(path)
            try:
                made = backup.backup_if_due(db) if reason == "daily" else backup.make_backup(db, reason)
                self.finished.emit(str(made or ""))
            except (BizenvError, OSError) as exc:
                self.failed.emit(str(exc))
            finally:
                db.close()
        QThreadPool.globalInstance().start(work)


def backup_now(parent: QWidget, controller: Any) -> Path | None:
    try:
        path = backup.make_backup(controller.db, "manual")
    except BizenvError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Maintenance", "无法备份"), str(exc))
        return None
    QMessageBox.information(parent, QCoreApplication.translate("Maintenance", "备份完成"),
                            QCoreApplication.translate("Maintenance", "已备份到：%1").replace("%1", str(path)))
    return path


def restore_from(parent: QWidget, controller: Any, source: str | Path | None = None, confirm: bool = True) -> bool:
    if source is None:
        chosen, _f = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("Maintenance", "选择要恢复的备份"),
            str(backup.backup_dir(controller.workspace.path)),
            QCoreApplication.translate("Maintenance", "数据库备份 (*.sqlite3 *.db *.bak);;所有文件 (*)"))
        if not chosen:
            return False
        source = chosen
    if confirm and QMessageBox.question(
            parent, QCoreApplication.translate("Maintenance", "从备份恢复"),
            QCoreApplication.translate("Maintenance", "用“%1”替换当前的全部数据？当前数据会先自动备份。")
            .replace("%1", str(source))) \
            != QMessageBox.StandardButton.Yes:
        return False
    try:
        safety = backup.restore(controller.db, source)
    except (BizenvError, OSError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Maintenance", "无法恢复"), str(exc))
        return False
    controller.undo_stack.clear()  # the undo history describes data that is gone
    controller.changed.emit()
    QMessageBox.information(parent, QCoreApplication.translate("Maintenance", "恢复完成"),
                            QCoreApplication.translate("Maintenance", "已从备份恢复。恢复前的数据已备份到：%1")
                            .replace("%1", str(safety)))
    return True


def check_data(parent: QWidget, controller: Any) -> list[str]:
    problems = integrity.check(controller.db)
    if problems:
        QMessageBox.warning(parent, QCoreApplication.translate("Maintenance", "检查发现问题"),
                            "\n".join(problems[:30]))
    else:
        QMessageBox.information(parent, QCoreApplication.translate("Maintenance", "检查完成"),
                                QCoreApplication.translate(
                                    "Maintenance", "数据库完整，外键无误，所有佐证材料文件与登记一致。"))
    return problems
