"""The files (佐证材料) attached to one record: a month's row, a self-evaluation or an event.

Files come in by the 添加文件… dialog or by dropping them on the panel; each file added or
removed is one controller.run step, so Edit > Undo takes it back. The panel reads through
services.evidence only and re-reads whenever the controller reports a change.
"""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from . import file_dialogs
from .lazy import ReloadWhenShown

if TYPE_CHECKING:
    from ..services.evidence import EvidenceItem


def _evidence() -> Any:
    """services.evidence (zipfile, tempfile, hashlib …) once a record with files is shown: the
    indicator tree's panel starts with none, before the window's first paint."""
    from ..services import evidence

    return evidence

LINK_ROLE = Qt.ItemDataRole.UserRole


def format_size(size: int) -> str:
    """1234567 -> '1.2 MB' (units are the same in every language)."""
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{int(value)} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


class EvidencePanel(ReloadWhenShown, QWidget):
    """List of a record's evidence files with add, open and remove; accepts dropped files."""

    WATCHES = frozenset({"evidence", "evidence_link"})  # the tables refresh() reads (tests/ui/test_watches.py)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.open_externally = True  # tests set False: open_item then only makes the copy
        self.kind: str | None = None
        self.target_id: int | None = None
        self.read_only = False
        self._items: list[EvidenceItem] = []
        self.title = QLabel(self.tr("佐证材料"), self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("添加文件…"), self)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.add_button.clicked.connect(self.ask_add)
        self.open_button.clicked.connect(lambda: self.open_item(self.list.currentRow()))
        self.remove_button.clicked.connect(lambda: self.remove_item(self.list.currentRow(), confirm=True))
        self.list.itemDoubleClicked.connect(lambda item: self.open_item(self.list.row(item)))
        self.list.currentRowChanged.connect(lambda _row: self._sync_buttons())
        buttons = QHBoxLayout()
        for b in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.setAcceptDrops(True)
        self.watch(controller, queued=False)
        self.refresh()

    # -- target and reading -----------------------------------------------------
    def set_target(self, kind: str | None, target_id: int | None, read_only: bool = False) -> None:
        """Show the files of one record (kind: dispatch_row, self_evaluation or event), or none."""
        if kind is not None and kind not in _evidence().TARGET_KINDS:
            raise ValueError(kind)
        self.kind, self.target_id = (kind, target_id) if kind is not None and target_id is not None else (None, None)
        self.read_only = read_only
        self.refresh()

    def refresh_stale(self) -> None:
        self.refresh()

    def items(self) -> list[EvidenceItem]:
        return list(self._items)

    def refresh(self) -> None:
        keep = self._current_link()
        self._items = ([] if self.kind is None or self.target_id is None
                       else _evidence().links_for(self.controller.db, self.kind, self.target_id))
        self.list.clear()
        for item in self._items:
            text = (self.tr("%1（%2，%3 由 %4 添加）").replace("%1", item.original_name)
                    .replace("%2", format_size(item.size)).replace("%3", item.added_at[:10])
                    .replace("%4", item.added_by))
            row = QListWidgetItem(self.tr("【文件缺失】%1").replace("%1", text) if item.missing else text)
            row.setData(LINK_ROLE, item.link_id)
            row.setToolTip(self.tr("SHA-256：%1\n存储位置：%2").replace("%1", item.sha256)
                           .replace("%2", str(item.path)))
            if item.missing:
                row.setForeground(QBrush(QColor("#b00020")))
            self.list.addItem(row)
            if item.link_id == keep:
                self.list.setCurrentItem(row)
        if self.kind is None:
            self.hint.setText(self.tr("选择一条记录后可添加佐证材料。"))
        elif self.read_only:
            self.hint.setText(self.tr("该记录只读（例如所在月份已关闭），只能打开佐证材料，不能添加或移除。"))
        else:
            self.hint.setText(self.tr("可将文件拖放到此处添加；文件会复制到数据库旁的佐证材料库，原文件移动或删除后仍可打开。"))
        self._sync_buttons()

    def _current_link(self) -> int | None:
        row = self.list.currentRow()
        return self._items[row].link_id if 0 <= row < len(self._items) else None

    def _can_add(self) -> bool:
        return self.kind is not None and not self.read_only

    def _sync_buttons(self) -> None:
        selected = self._current_link() is not None
        self.add_button.setEnabled(self._can_add())
        self.open_button.setEnabled(selected)
        self.remove_button.setEnabled(selected and self._can_add())

    # -- actions ----------------------------------------------------------------
    def ask_add(self) -> None:
        paths = file_dialogs.open_files(self, "evidence", self.tr("选择佐证材料"), self.tr("所有文件 (*)"))
        self.add_files(paths)

    def add_files(self, paths: Iterable[str | Path]) -> int:
        """Attach each file as its own undoable step; returns how many were added."""
        if not self._can_add():
            return 0
        kind, target_id, added = self.kind, self.target_id, 0
        for path in paths:
            source = Path(path)
            label = self.tr("添加佐证材料“%1”").replace("%1", source.name or str(source))
            if self.controller.run(label, lambda w, source=source: _evidence().attach(
                    w, self.controller.workspace.path, source, kind, target_id)):
                added += 1
        return added

    def open_item(self, row: int) -> Path | None:
        """Copy the stored file out under its original name and open it with the system's program."""
        if not 0 <= row < len(self._items):
            return None
        try:
            path = _evidence().materialize(self.controller.workspace.path, self._items[row])
        except BizenvError as exc:
            self.controller.report(exc)
            return None
        if self.open_externally and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.controller.report(Exception(self.tr("系统中没有能打开“%1”的程序。文件副本在：%2")
                                             .replace("%1", path.name).replace("%2", str(path))))
        return path

    def remove_item(self, row: int, confirm: bool = False) -> bool:
        """Unlink one file from this record; the file stays in the store for other records."""
        if not (0 <= row < len(self._items)) or not self._can_add():
            return False
        item = self._items[row]
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("移除佐证材料"),
                self.tr("从此记录移除“%1”？\n文件仍保留在佐证材料库中，其他记录对它的引用不受影响；可以撤销。")
                .replace("%1", item.original_name))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.controller.run(self.tr("移除佐证材料“%1”").replace("%1", item.original_name),
                                   lambda w: _evidence().detach(w, item.link_id))

    # -- drag and drop ----------------------------------------------------------
    def _dropped_paths(self, mime: QMimeData) -> list[str]:
        if not self._can_add() or not mime.hasUrls():
            return []
        return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt name)
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt name)
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt name)
        paths = self._dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # after the drop returns: an error box inside dropEvent would block the drag source
        QTimer.singleShot(0, self, lambda: self.add_files(paths))
