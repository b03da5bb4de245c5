"""The report dialog's 正文 page: the title, the sections in order, and the section being edited.

The page only shows a DraftState and says what the liaison asked for through its signals; the
dialog turns each into one write (ui/report_dialog.py). Typing is kept in the editor until it is
saved: Ctrl+S or 保存本部分, choosing another section, previewing, saving a file, another period
or closing the dialog (`flush`). A new state (after a save, an undo) replaces the editor's text
only when nothing unsaved would be lost.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMenu,
                               QPushButton, QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from ..core.document import ATTACHMENT, BODY, Section
from .report_state import DraftState
from .section_editor import LEVELS, SectionEditor

KEY = Qt.ItemDataRole.UserRole


class SectionsPage(QWidget):
    save_requested = Signal(str, str, str)   # key, heading, text
    regenerate_requested = Signal(str)
    add_requested = Signal(str, str)         # part, after key ('' at the end)
    drop_requested = Signal(str)
    restore_requested = Signal(str)
    move_requested = Signal(str, int)        # key, new index
    title_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: DraftState | None = None
        self.key = ""                      # the section in the editor
        self._base = ("", "")              # its heading and text as last shown or saved
        self._title = ""
        self._filling = False
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("按数据起草的标题"))
        self.title.editingFinished.connect(self._title_done)
        self.sections = QListWidget()
        self.sections.setMinimumWidth(150)
        self.sections.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole name is the tool tip
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.currentItemChanged.connect(self._chosen)
        # dragging a section to another place is a move (one undo step, as 上移/下移)
        self.sections.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.sections.model().rowsMoved.connect(self._dragged)
        self.add_button = QToolButton()
        self.add_button.setText(self.tr("添加"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        add_menu = QMenu(self.add_button)
        self.act_add_body = add_menu.addAction(self.tr("在此后添加正文部分"))
        self.act_add_attachment = add_menu.addAction(self.tr("添加附件"))
        self.act_add_body.triggered.connect(lambda: self._add(BODY))
        self.act_add_attachment.triggered.connect(lambda: self._add(ATTACHMENT))
        self.add_button.setMenu(add_menu)
        self.drop_button = QToolButton()
        self.drop_button.setText(self.tr("删除"))
        self.drop_button.setToolTip(self.tr("从报告中删去本部分（可恢复，可撤销）"))
        self.drop_button.clicked.connect(self._drop)
        self.restore_button = QToolButton()
        self.restore_button.setText(self.tr("恢复"))
        self.restore_button.setToolTip(self.tr("恢复删去的按数据起草的部分"))
        self.restore_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.restore_menu = QMenu(self.restore_button)
        self.restore_button.setMenu(self.restore_menu)
        self.up_button = QToolButton()
        self.up_button.setArrowType(Qt.ArrowType.UpArrow)  # arrows: the row stays narrow in English too
        self.up_button.setToolTip(self.tr("上移"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QToolButton()
        self.down_button.setArrowType(Qt.ArrowType.DownArrow)
        self.down_button.setToolTip(self.tr("下移（也可以拖动）"))
        self.down_button.clicked.connect(lambda: self._move(1))
        list_tools = QHBoxLayout()
        for b in (self.add_button, self.drop_button, self.restore_button, self.up_button, self.down_button):
            list_tools.addWidget(b)
        list_tools.addStretch(1)
        self.number = QLabel()
        self.heading = QLineEdit()
        self.heading.setPlaceholderText(self.tr("本部分的标题（不带序号，序号按顺序自动编排）"))
        self.level = QComboBox()
        for level, name in enumerate(self.level_names()):
            self.level.addItem(name, level)
        self.level.setToolTip(self.tr("光标所在段落的级别（Ctrl+0 正文，Ctrl+1 至 Ctrl+4 各级标题）"))
        self.level.activated.connect(lambda _i: self._set_level())
        self.editor = SectionEditor()
        self.editor.setPlaceholderText(self.tr("本部分的文字：一段一行。以“一、”“（一）”“1.”“（1）”开头的段落是各级标题，"
                                               "可用上面的“段落级别”设置。"))
        self.editor.level_changed.connect(self._show_level)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.regenerate_button = QPushButton(self.tr("按数据重新生成本部分"))
        self.regenerate_button.setToolTip(self.tr("用当前数据重新起草本部分，替换改写的文字（可撤销）"))
        self.regenerate_button.clicked.connect(self._regenerate)
        self.save_button = QPushButton(self.tr("保存本部分"))
        self.save_button.setToolTip(self.tr("保存本部分的标题和文字（Ctrl+S）"))
        self.save_button.clicked.connect(self.flush)
        self.act_save = QAction(self.tr("保存本部分"), self)
        self.act_save.setShortcut(QKeySequence.StandardKey.Save)
        self.act_save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.act_save.triggered.connect(self.flush)
        self.addAction(self.act_save)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.number)
        heading_row.addWidget(self.heading, 1)
        level_row = QHBoxLayout()
        level_row.addWidget(QLabel(self.tr("段落级别")))
        level_row.addWidget(self.level, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.regenerate_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.sections, 1)
        left.addLayout(list_tools)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(heading_row)
        right.addLayout(level_row)
        right.addWidget(self.editor, 1)
        right.addWidget(self.note)
        right.addLayout(buttons)
        title_row = QHBoxLayout()
        title_row.addWidget(QLabel(self.tr("标题")))
        title_row.addWidget(self.title, 1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addLayout(body, 1)
        self._enable()

    def level_names(self) -> list[str]:
        return [self.tr("正文"), self.tr("一级标题 一、"), self.tr("二级标题 （一）"), self.tr("三级标题 1."),
                self.tr("四级标题 （1）")][:LEVELS + 1]

    # -- showing a state ------------------------------------------------------------------------
    def show_state(self, state: DraftState, current: str | None = None) -> None:
        """Show state; current: the section to edit (default: the one in the editor)."""
        old = self.state
        self.state = state
        if old is None or old.request != state.request:
            self.key = ""
            self._base = ("", "")
        want = current or self.key
        keys = state.keys()
        if want not in keys:  # dropped (or another period): the one now at its place
            same_report = old is not None and old.request == state.request and self.key in old.keys()
            row = old.keys().index(self.key) if same_report and old is not None else 0
            want = keys[min(row, len(keys) - 1)] if keys else ""
        self._filling = True
        try:
            self.sections.clear()
            for s in state.doc.sections:
                item = QListWidgetItem(self.list_text(state, s))
                item.setData(KEY, s.key)
                item.setToolTip(self.list_text(state, s))
                self.sections.addItem(item)
                if s.key == want:
                    self.sections.setCurrentItem(item)
            if not self.title.hasFocus() or self.title.text() == self._title:
                self.title.setText(state.doc.title)
            self._title = state.doc.title
        finally:
            self._filling = False
        self._fill_restore()
        self._edit(want)

    def list_text(self, state: DraftState, s: Section) -> str:
        printed = state.printed.get(s.key, "")
        if s.part == ATTACHMENT:
            n = [x.key for x in state.doc.attachments()].index(s.key) + 1
            text = self.tr("附件%1：%2").replace("%1", str(n)).replace("%2", s.heading or self.tr("（无标题）"))
        elif printed:
            text = printed
        else:
            first = s.text.strip().split("\n")[0][:14]
            text = self.tr("（无标题）%1…").replace("%1", first)
        marks = []
        if s.custom:
            marks.append(self.tr("自行添加"))
        elif s.edited:
            marks.append(self.tr("已改写"))
        return " · ".join([text, *marks])

    def _fill_restore(self) -> None:
        self.restore_menu.clear()
        dropped = self.state.dropped if self.state else []
        for d in dropped:
            action = self.restore_menu.addAction(d.heading or d.key)
            action.triggered.connect(lambda _c=False, key=d.key: self.restore_requested.emit(key))
        self.restore_button.setEnabled(bool(dropped))

    def _edit(self, key: str) -> None:
        """Put section key into the editor; its unsaved typing is kept when it is the same one."""
        section = self.state.section(key) if self.state else None
        same = key == self.key and key != ""
        self.key = key if section is not None else ""
        if section is None:
            self.heading.clear()
            self.editor.set_text("")
            self.number.clear()
            self._base = ("", "")
        else:
            base = (section.heading, section.text)
            dirty = same and self.dirty()
            if not dirty:
                if self.heading.text() != base[0] or not same:
                    self.heading.setText(base[0])
                if self.editor.text() != base[1] or not same:
                    self.editor.set_text(base[1])
            self._base = base
            self.number.setText(self._number(section))
            count = len(section.tables)
            self.note.setText(self.tr("本部分另有 %n 个表格，按数据生成，见预览。", "", count) if count else "")
            self.note.setVisible(bool(count))
        self._enable()

    def _number(self, section: Section) -> str:
        if section.part == ATTACHMENT:
            assert self.state is not None
            n = [x.key for x in self.state.doc.attachments()].index(section.key) + 1
            return self.tr("附件%1").replace("%1", str(n))
        printed = self.state.printed.get(section.key, "") if self.state else ""
        return printed[: printed.find("、") + 1] if "、" in printed else ""

    def _enable(self) -> None:
        section = self.state.section(self.key) if self.state and self.key else None
        has = section is not None
        for w in (self.heading, self.editor, self.level, self.save_button, self.drop_button):
            w.setEnabled(has)
        row = self.sections.currentRow()
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and 0 <= row < self.sections.count() - 1)
        self.regenerate_button.setEnabled(has and section is not None and not section.custom)
        self.add_button.setEnabled(self.state is not None)

    # -- what the liaison does --------------------------------------------------------------------
    def dirty(self) -> bool:
        return bool(self.key) and (self.heading.text().strip(), self.editor.text()) != (self._base[0].strip(),
                                                                                       self._base[1])

    def mark_clean(self) -> None:
        """Forget the unsaved typing: the next state replaces it (the draft is being discarded)."""
        self._base = (self.heading.text().strip(), self.editor.text())
        self._title = self.title.text().strip()

    def flush(self) -> bool:
        """Save the section in the editor if it was changed; True when a save was asked."""
        self._title_done()
        if not self.dirty():
            return False
        heading, text = self.heading.text().strip(), self.editor.text()
        self._base = (heading, text)
        self.editor.mark_saved()
        self.save_requested.emit(self.key, heading, text)
        return True

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if self._filling or item is None:
            return
        self.flush()
        self._edit(str(item.data(KEY)))

    def _title_done(self) -> None:
        text = self.title.text().strip()
        if self.state is not None and text != self._title.strip():
            self._title = text
            self.title_requested.emit(text)

    def _drop(self) -> None:
        if self.key:
            self.drop_requested.emit(self.key)

    def _regenerate(self) -> None:
        if self.key:
            self.regenerate_requested.emit(self.key)

    def _add(self, part: str) -> None:
        self.flush()
        self.add_requested.emit(part, self.key if part == BODY else "")

    def _move(self, step: int) -> None:
        if not self.key:
            return
        self.flush()
        row = self.sections.currentRow()
        self.move_requested.emit(self.key, row + step)

    def _dragged(self, _parent: object, start: int, _end: int, _dest: object, row: int) -> None:
        if self._filling:
            return
        item = self.sections.item(row if row < start else row - 1)
        if item is None:
            return
        key = str(item.data(KEY))
        self.flush()
        self.move_requested.emit(key, self.sections.row(item))

    def _set_level(self) -> None:
        self.editor.set_level(int(self.level.currentData()))
        self.editor.setFocus()

    def _show_level(self, level: int) -> None:
        self.level.setCurrentIndex(max(0, self.level.findData(level)))
