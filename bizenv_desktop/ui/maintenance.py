"""Backups, restore, the data check, and what the window does about a damaged database.

Backups, restore and the check run on a worker through the runner (ui/tasks.py), each with
a connection of its own: automatic backups quietly, one at start, then one whenever a day
has passed on a forward-only clock (services.backup.DailyBackups, checked every hour; a
read-only window makes none); the others with the progress dialog. Restoring over a file
found damaged runs on the open connection (the file may have to be replaced under it).

A damaged database (sqlite3.DatabaseError "malformed" at start or later in any action) gets
DamagedDialog: what happened, the newest backup that passes the check, a button that
restores it (or lets the user choose another backup file), never a silent exit.
"""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from ..core.errors import BizenvError, DatabaseDamaged
from ..services import backup, integrity, restore
from ..storage import faults
from ..storage.lock import WriterLock
from .tasks import Task, explain

HOUR_MS = 60 * 60 * 1000


class BackupScheduler(QObject):
    """A backup when the app starts, then a daily one (checked every hour)."""

    finished = Signal(str)  # path, or "" when none was due
    failed = Signal(str)

    def __init__(self, controller: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.schedule = backup.DailyBackups()
        self.timer = QTimer(self)
        self.timer.setInterval(HOUR_MS)
        self.timer.timeout.connect(lambda: self.run("daily"))

    def start(self) -> None:
        if self.controller.workspace.read_only:
            return  # the window that holds the database backs it up
        self.run("start")
        self.timer.start()

    def run(self, reason: str) -> Task | None:
        path = self.controller.workspace.path
        schedule = self.schedule

        def work(db: Any, _progress: Any) -> Path | None:
            if reason == "daily":
                return backup.backup_if_due(db, schedule)
            made = backup.make_backup(db, reason)
            schedule.made()
            return made

        def failed(exc: BaseException) -> None:
            problem = faults.translate(exc, path) if isinstance(exc, sqlite3.Error) else None
            self.failed.emit(str(problem or exc))
        return self.controller.tasks.read("", work, quiet=True, snapshot=False,
                                          done=lambda made: self.finished.emit(str(made or "")), failed=failed)


def _refuse_read_only(parent: QWidget | None, controller: Any) -> bool:
    if controller.workspace.read_only:
        QMessageBox.information(parent, QCoreApplication.translate("Maintenance", "只读"), QCoreApplication.translate("Maintenance", "此窗口以只读方式打开（另一个窗口正在使用该数据库），"
                                                         "请在那个窗口中备份或恢复。"))
        return True
    return False


def backup_now(parent: QWidget, controller: Any) -> Task | None:
    """A manual backup on a worker (the task's result: its path)."""
    if _refuse_read_only(parent, controller):
        return None

    def work(db: Any, progress: Any) -> Path:
        progress(0, 1, "")  # the backup is written whole or not at all: Cancel stops it before it starts
        return backup.make_backup(db, "manual")

    def failed(exc: BaseException) -> None:
        if isinstance(exc, DatabaseDamaged):
            offer_restore(parent, controller, exc)
        else:
            QMessageBox.warning(parent, QCoreApplication.translate("Maintenance", "无法备份"), str(explain(exc)))
    return controller.tasks.read(
        QCoreApplication.translate("Maintenance", "正在备份"), work, snapshot=False, parent=parent, failed=failed,
        done=lambda path: QMessageBox.information(
            parent, QCoreApplication.translate("Maintenance", "备份完成"),
            QCoreApplication.translate("Maintenance", "已备份到：%1").replace("%1", str(path))))


def _choose_backup(parent: QWidget | None, db_path: Path) -> str:
    chosen, _f = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("Maintenance", "选择要恢复的备份"), str(backup.backup_dir(db_path)),
        QCoreApplication.translate("Maintenance", "备份 (*.zip *.sqlite3 *.db *.bak);;所有文件 (*)"))
    return chosen


def restore_from(parent: QWidget | None, controller: Any, source: str | Path | None = None, confirm: bool = True,
                 damaged: bool = False) -> Task | bool:
    """Replace the data with a backup's: on a worker with its own connection (returns the
    task), or, over a file found damaged, here on the open one (returns True if restored)."""
    if _refuse_read_only(parent, controller):
        return False
    if source is None:
        source = _choose_backup(parent, controller.workspace.path)
        if not source:
            return False
    if confirm and QMessageBox.question(
            parent, QCoreApplication.translate("Maintenance", "从备份恢复"),
            QCoreApplication.translate("Maintenance", "用“%1”替换当前的全部数据和佐证材料？当前数据会先自动备份。").replace("%1", str(source))) \
            != QMessageBox.StandardButton.Yes:
        return False
    ws = controller.workspace
    if damaged:
        return _restore_here(parent, controller, source)
    chosen = source

    def work(progress: Any) -> restore.RestoreResult:
        progress(0, 1, "")  # the restore checks first, then replaces all at once: Cancel stops it before
        own = ws.on_this_thread()
        try:
            return restore.restore(ws.path, chosen, own.db)
        finally:
            if not own.db.closed:
                own.db.close()

    def restored(result: restore.RestoreResult) -> None:
        if result.replaced_file:
            ws.reopen()  # the file itself was replaced: this window's connection is to the old one
        controller.undo_stack.clear()  # the undo history describes data that is gone
        controller.notify()  # the whole file
        QMessageBox.information(parent, QCoreApplication.translate("Maintenance", "恢复完成"), restored_text(result))
    return controller.tasks.run(
        QCoreApplication.translate("Maintenance", "正在从备份恢复"), work, writes=True, done=restored, parent=parent,
        failed=lambda exc: QMessageBox.warning(parent, QCoreApplication.translate("Maintenance", "无法恢复"),
                                               str(explain(exc))))


def _restore_here(parent: QWidget | None, controller: Any, source: str | Path) -> bool:
    ws = controller.workspace
    try:
        result = restore.restore(ws.path, source, ws.db)
    except (BizenvError, OSError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Maintenance", "无法恢复"), str(exc))
        return False
    finally:
        if ws.db.closed:  # the file was replaced (or a failure closed it): open it again
            try:
                ws.reopen()
            except (BizenvError, sqlite3.Error) as exc:
                QMessageBox.critical(parent, QCoreApplication.translate("Maintenance", "无法恢复"), str(exc))
    controller.undo_stack.clear()  # the undo history describes data that is gone
    controller.notify()  # the whole file
    QMessageBox.information(parent, QCoreApplication.translate("Maintenance", "恢复完成"), restored_text(result))
    return True


def restored_text(result: restore.RestoreResult) -> str:
    lines = [QCoreApplication.translate("Maintenance", "已从“%1”恢复数据库和佐证材料。").replace("%1", str(result.source))]
    if result.safety:
        lines.append(QCoreApplication.translate("Maintenance", "恢复前的数据已备份到：%1").replace("%1", str(result.safety)))
    if result.damaged_copy:
        lines.append(QCoreApplication.translate("Maintenance", "恢复前已损坏的数据库文件原样保存在：%1").replace("%1", str(result.damaged_copy)))
    if result.evidence_written:
        lines.append(QCoreApplication.translate("Maintenance", "放回了 %1 个佐证材料文件。").replace("%1", str(result.evidence_written)))
    if result.evidence_missing:
        lines.append(QCoreApplication.translate("Maintenance", "注意：备份中没有以下佐证材料：%1").replace("%1", "、".join(result.evidence_missing[:10])))
    return "\n".join(lines)


def check_data(parent: QWidget, controller: Any) -> Task | None:
    """The data check on a worker (the task's result: the problems found)."""
    path = controller.workspace.path

    def work(db: Any, progress: Any) -> tuple[list[str], bool]:
        progress(0, 1, "")  # one pass; a Cancel meanwhile drops its result
        try:
            return integrity.check_report(db)
        except sqlite3.DatabaseError as exc:
            return [str(exc)], True

    def checked(found: tuple[list[str], bool]) -> None:
        problems, damaged = found
        if damaged:
            offer_restore(parent, controller, DatabaseDamaged(str(path), problems[0]))
        elif problems:
            QMessageBox.warning(parent, QCoreApplication.translate("Maintenance", "检查发现问题"), "\n".join(problems[:30]))
        else:
            QMessageBox.information(parent, QCoreApplication.translate("Maintenance", "检查完成"), QCoreApplication.translate("Maintenance", "数据库完整，外键无误，所有佐证材料文件与登记一致。"))
    return controller.tasks.read(QCoreApplication.translate("Maintenance", "正在检查数据"), work, done=checked,
                                 parent=parent)


# -- a damaged database -----------------------------------------------------------------------

class DamagedDialog(QDialog):
    """Says the file is damaged and offers the newest sound backup; chosen is the backup the
    user picked (None: they closed the dialog)."""

    def __init__(self, db_path: Path, error: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("数据库文件已损坏"))
        self.good = restore.newest_good_backup(db_path)
        text = [self.tr("数据库文件“%1”已损坏，不能继续使用：%2").replace("%1", str(db_path))
                .replace("%2", getattr(error, "detail", "") or str(error))]
        if self.good is not None:
            text.append(self.tr("最近一份完好的备份是“%1”（%2）。可以从它恢复；恢复前会把损坏的文件原样另存一份。")
                        .replace("%1", self.good.path.name).replace("%2", f"{self.good.made:%Y-%m-%d %H:%M}"))
            text.append(self.tr("命令行：%1").replace("%1", restore.restore_command(db_path, self.good.path)))
        else:
            text.append(self.tr("在“%1”中没有找到完好的备份。如有其他位置的备份文件，请选择它恢复；"
                                "否则请不要再使用此文件，复制一份保存好。")
                        .replace("%1", str(backup.backup_dir(db_path))))
        self.label = QLabel("\n\n".join(text))
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(520)
        buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("从该备份恢复"))
        self.restore_button.setVisible(self.good is not None)
        self.choose_button = QPushButton(self.tr("选择备份文件…"))
        self.close_button = QPushButton(self.tr("关闭"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self._restore_good)
        self.choose_button.clicked.connect(self._choose)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(buttons)

    def _restore_good(self) -> None:
        assert self.good is not None
        self.chosen = str(self.good.path)
        self.accept()

    def _choose(self) -> None:
        chosen = _choose_backup(self, self.db_path)
        if chosen:
            self.chosen = chosen
            self.accept()


def recover_at_start(db_path: Path, error: BaseException) -> bool:
    """The file could not be opened or shown because it is damaged: offer a restore, done
    under the writer lock alone. True if it was restored (the app opens it again)."""
    while True:
        dialog = DamagedDialog(db_path, error)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen:
            return False
        lock = WriterLock(db_path)
        try:
            lock.acquire()
            try:
                result = restore.restore(db_path, dialog.chosen, None)
            finally:
                lock.release()
        except (BizenvError, OSError) as exc:
            QMessageBox.warning(None, QCoreApplication.translate("Maintenance", "无法恢复"), str(exc))
            continue
        QMessageBox.information(None, QCoreApplication.translate("Maintenance", "恢复完成"), restored_text(result))
        return True


def offer_restore(parent: QWidget | None, controller: Any, error: BaseException) -> bool:
    """Damage found while the window is open: the dialog, then a restore on the open workspace."""
    ws = controller.workspace
    if ws.read_only:
        QMessageBox.critical(parent, QCoreApplication.translate("Maintenance", "数据库文件已损坏"), str(error))
        return False
    dialog = DamagedDialog(ws.path, error, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen:
        return False
    return bool(restore_from(parent, controller, dialog.chosen, confirm=False, damaged=True))


class DamageWatch:
    """sys.excepthook for the window's lifetime: a damaged file met in any action (an
    uncaught sqlite3.DatabaseError in a slot) opens DamagedDialog once, not a traceback."""

    def __init__(self, controller: Any, parent: QWidget | None) -> None:
        self.controller = controller
        self.parent = parent
        self.showing = False
        self.previous = sys.excepthook
        sys.excepthook = self.hook

    def hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if not faults.is_damage(exc) or self.showing:
            self.previous(kind, exc, tb)
            return
        self.showing = True
        try:
            offer_restore(self.parent, self.controller, exc)
        finally:
            self.showing = False

    def remove(self) -> None:
        if sys.excepthook == self.hook:
            sys.excepthook = self.previous
