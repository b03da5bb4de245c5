"""The text editor of one report section: paragraphs one a line, each with its heading level.

core.document's markup is plain text: a paragraph starting with 一、 / （一） / 1. / （1） is a
heading of that level (黑体 / 楷体 / 仿宋 / 仿宋 in print). The editor shows the levels (the
heading part of each paragraph in bold, coloured by level), tells which level the paragraph at
the cursor has, and sets it (Ctrl+0 … Ctrl+4, or the level box): the numeral is put in front and
the section's headings are numbered again in order, each level counting within the one above.
Setting a level is one step of the editor's own undo.

Ctrl+Z first undoes the typing not yet saved; with nothing of its own left to undo the editor
lets the shortcut through, so the dialog's 撤销 takes back the last saved change.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (QColor, QFont, QKeyEvent, QKeySequence, QSyntaxHighlighter, QTextCharFormat,
                           QTextCursor, QTextDocument)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ..core.document import level_of, numeral, paragraphs

LEVELS = 4
# the numbering in front of a paragraph of each level (as core.document reads it)
_PREFIX = re.compile(r"^(\s*)(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|"
                     r"\d{1,2}[.．](?!\d)|[（(]\d{1,2}[）)])\s*")
_COLORS = {1: "#1f3a93", 2: "#6a3d9a", 3: "#00695c", 4: "#5d4037"}


def marker(level: int, n: int) -> str:
    """The numeral of the n-th paragraph of a level: 一、 （一） 1. （1）."""
    return {1: f"{numeral(n)}、", 2: f"（{numeral(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def without_marker(line: str) -> str:
    return _PREFIX.sub(r"\1", line, count=1).strip()


def line_level(line: str) -> int:
    """The level core.document gives a line: a numbered line that reads as a heading."""
    found = paragraphs(line)
    if not found:
        return 0
    par = found[0]
    return par.level if par.head else 0


def renumbered(lines: list[str]) -> list[str]:
    """The lines with every numbered paragraph numbered again in order: each level counts
    from 1 after a paragraph of a higher level (一、 restarts （一）, （一） restarts 1.)."""
    counts = [0] * (LEVELS + 1)
    out = []
    for line in lines:
        level = level_of(line.strip())
        if level == 0:
            out.append(line)
            continue
        counts[level] += 1
        for lower in range(level + 1, LEVELS + 1):
            counts[lower] = 0
        out.append(marker(level, counts[level]) + without_marker(line))
    return out


def with_level(lines: list[str], index: int, level: int) -> list[str]:
    """lines with line index made a paragraph of level (0: body text), numbered again."""
    lines = list(lines)
    text = without_marker(lines[index]) if level_of(lines[index].strip()) else lines[index].strip()
    lines[index] = marker(level, 1) + text if level else text
    return renumbered(lines)


class LevelHighlighter(QSyntaxHighlighter):
    """The heading part of each paragraph in bold, in its level's colour."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt name)
        found = paragraphs(text)
        if not found or not found[0].head:
            return
        par = found[0]
        form = QTextCharFormat()
        form.setFontWeight(QFont.Weight.Bold)
        form.setForeground(QColor(_COLORS.get(par.level, "#000000")))
        start = len(text) - len(text.lstrip())
        self.setFormat(start, len(par.head), form)


class SectionEditor(QPlainTextEdit):
    """A section's text; `level_changed` tells the level of the paragraph at the cursor."""

    level_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        self.highlighter = LevelHighlighter(self.document())
        self._level = -1
        self.cursorPositionChanged.connect(self._cursor_moved)
        self.installEventFilter(self)

    # -- levels ---------------------------------------------------------------------------
    def current_level(self) -> int:
        return line_level(self.textCursor().block().text())

    def set_level(self, level: int) -> None:
        """The paragraph at the cursor becomes one of level (0 body text); all renumbered."""
        cursor = self.textCursor()
        block = cursor.block()
        doc = self.document()
        lines = [doc.findBlockByNumber(i).text() for i in range(doc.blockCount())]
        index = block.blockNumber()
        if not lines[index].strip() and level:
            return  # an empty line has nothing to number
        column = len(lines[index]) - cursor.positionInBlock()  # keep the cursor at the same text
        new = with_level(lines, index, level)
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        for i, (old, line) in enumerate(zip(lines, new)):
            if old != line:
                b = doc.findBlockByNumber(i)
                edit.setPosition(b.position())
                edit.setPosition(b.position() + len(old), QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(line)
        edit.endEditBlock()
        block = doc.findBlockByNumber(index)
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + max(0, len(new[index]) - column))
        self.setTextCursor(cursor)
        self._cursor_moved()

    def _cursor_moved(self) -> None:
        level = self.current_level()
        if level != self._level:
            self._level = level
            self.level_changed.emit(level)

    # -- text -----------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Show text as the saved state (the editor's own undo starts afresh)."""
        self.setPlainText(text)
        self.document().setModified(False)
        self._level = -1
        self._cursor_moved()

    def text(self) -> str:
        return self.toPlainText()

    def mark_saved(self) -> None:
        """What is shown was saved: from now on Ctrl+Z undoes the saved step (the dialog's)."""
        self.document().clearUndoRedoStacks(QTextDocument.Stacks.UndoAndRedoStacks)
        self.document().setModified(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        """Undo and redo with nothing of the editor's own to take back go to the dialog."""
        if watched is self and event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            doc = self.document()
            if event.matches(QKeySequence.StandardKey.Undo) and not doc.isUndoAvailable():
                event.ignore()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) and not doc.isRedoAvailable():
                event.ignore()
                return True
        if (watched is self and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            n = int(event.key()) - Qt.Key.Key_0.value
            if 0 <= n <= LEVELS:
                self.set_level(n)
                return True
        return super().eventFilter(watched, event)
