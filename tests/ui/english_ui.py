"""What the English UI shows, read off the real widgets: every visible label, button, box, tab,
header, menu and generated cell; Chinese left in it (data values from the database taken out)
and labels whose text does not fit (elided or cut). Used by test_english_everywhere.py on the
usual screen and by office_screen_checks.py on a 1366 x 768 one."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QCheckBox, QComboBox, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QMainWindow, QMenu, QPlainTextEdit, QPushButton, QStyle, QStyleOptionComboBox, QTabBar, QTextEdit,
                               QToolBar, QToolButton, QWidget)

from bizenv_desktop.ui.text_line import TextLine

CJK = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]")
# Chinese that stays Chinese in the English UI: the language's own name in the language box, and
# the department's short forms (我厅 …), which are written into the Chinese reports,
KEPT_CHINESE = ("中文", "我厅", "我局", "我委", "我办", "我院", "我单位",
                "长春市")  # and the default benchmark of ranked indicators, a place (services/rankings.py)


def database_texts(db: Any, *extra: str) -> list[str]:
    """Every text of the database a view may show (names, standards, contents …), longest first."""
    texts: set[str] = {t for t in (*extra, *KEPT_CHINESE) if t}
    tables = ("indicator", "dimension", "subtask", "division", "plan_year", "liaison", "setting", "supervision_item",
              "event", "evidence", "dispatch_month", "dispatch_row", "self_evaluation", "unit_alias")
    for table in tables:
        try:
            rows = db.query(f"SELECT * FROM {table}")
        except Exception:  # a table this schema does not have
            continue
        for row in rows:
            texts.update(v for v in tuple(row) if isinstance(v, str) and v)
    # the audit keeps each step's label as it was made, and the values it wrote
    for row in db.query("SELECT action, old, new FROM audit"):
        texts.add(str(row["action"]).rsplit(" [", 1)[0])
        for value in (row["old"], row["new"]):
            try:
                loaded = json.loads(value) if value else None
            except ValueError:
                loaded = value
            items = loaded.values() if isinstance(loaded, dict) else [loaded]
            texts.update(str(v) for v in items if v not in (None, ""))
    # the statuses are stored in Chinese but are ours, not data: the UI shows them translated
    from bizenv_desktop.core.dispatch import STATUSES
    from bizenv_desktop.services.supervision_read import STATUSES as ITEM_STATUSES

    texts.difference_update(STATUSES, ITEM_STATUSES)
    return sorted(texts, key=len, reverse=True)


def without(text: str, data: Iterable[str]) -> str:
    for piece in data:
        if piece and piece in text:
            text = text.replace(piece, "")
    return text


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _fits(metrics: QFontMetrics, text: str, width: int) -> bool:
    return metrics.horizontalAdvance(text) <= width


class Reader:
    """Collects (where, text) and the problems of one window and its visible children."""

    def __init__(self, data: list[str]) -> None:
        self.data = data
        self.chinese: list[str] = []
        self.elided: list[str] = []
        self.seen = 0

    def text(self, where: str, text: str) -> None:
        if not text:
            return
        self.seen += 1
        if CJK.search(without(text, self.data)):
            self.chinese.append(f"{where}: {text!r}")

    def fit(self, where: str, text: str, ok: bool) -> None:
        if text and not ok:
            self.elided.append(f"{where}: {text!r}")

    def read(self, root: QWidget, name: str, cells: dict[QAbstractItemView, Iterable[int]] | None = None) -> None:
        cells = cells or {}
        self.text(f"{name} title", root.windowTitle())
        for w in [root, *root.findChildren(QWidget)]:
            if not w.isVisible():
                continue
            where = f"{name} {type(w).__name__} {w.objectName()}".rstrip()
            if isinstance(w, QLabel) and w.pixmap().isNull():
                text = w.text()
                self.text(where, re.sub(r"<[^>]+>", "", text) if GuiQt.mightBeRichText(text) else text)
                if not w.wordWrap() and not GuiQt.mightBeRichText(text) and "\n" not in text:
                    self.fit(where, _plain(text), _fits(w.fontMetrics(), _plain(text), w.contentsRect().width() + 1))
            elif isinstance(w, TextLine):
                self.text(where, w.text())
                self.fit(where, w.text(), _fits(w.fontMetrics(), w.text(), w.contentsRect().width() - 2))
            elif isinstance(w, QAbstractButton):
                self.text(where, w.text())
                self.text(f"{where} tooltip", w.toolTip())
                if isinstance(w, (QPushButton, QCheckBox)) or (isinstance(w, QToolButton) and w.text()):
                    self.fit(where, _plain(w.text()), w.width() >= w.sizeHint().width() - 1)
            elif isinstance(w, QGroupBox):
                self.text(where, w.title())
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    self.text(f"{where} item", w.itemText(i))
                if not w.isEditable() and w.currentText():
                    option = QStyleOptionComboBox()
                    w.initStyleOption(option)
                    field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                     QStyle.SubControl.SC_ComboBoxEditField, w)
                    self.fit(f"{where} current", w.currentText(),
                             _fits(w.fontMetrics(), w.currentText(), field.width() + 2))
            elif isinstance(w, (QPlainTextEdit, QTextEdit)):  # what a pane or dialog writes for the user
                self.text(f"{where} placeholder", w.placeholderText())
                if w.isReadOnly():
                    for line in w.toPlainText().splitlines():
                        self.text(where, line)
            elif isinstance(w, QLineEdit):
                self.text(f"{where} placeholder", w.placeholderText())
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    text = _plain(w.tabText(i))
                    self.text(f"{where} tab", w.tabText(i))
                    if "& " in w.tabText(i).replace("&&", ""):
                        self.chinese.append(f"{where}: {w.tabText(i)!r} shows an underlined space (a lone &)")
                    self.fit(f"{where} tab", text, _fits(w.fontMetrics(), text, w.tabRect(i).width()))
            elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
                self._header(where, w)
            elif isinstance(w, QAbstractItemView):
                self._cells(where, w, cells.get(w, ()))
        if isinstance(root, QMainWindow):
            self._menus(name, root)
        for bar in root.findChildren(QToolBar):
            for action in bar.actions():
                self.text(f"{name} toolbar", action.text())
                self.text(f"{name} toolbar tooltip", action.toolTip())

    def _header(self, where: str, header: QHeaderView) -> None:
        model = header.model()
        if model is None:
            return
        margin = 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin)  # as Qt lays it out
        for col in range(header.count()):
            if header.isSectionHidden(col) or header.sectionSize(col) == 0:
                continue
            text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            self.text(f"{where} header {col}", text)
            if "\n" not in text:
                self.fit(f"{where} header {col}", text,
                         _fits(header.fontMetrics(), text, header.sectionSize(col) - margin))

    def _cells(self, where: str, view: QAbstractItemView, generated: Iterable[int]) -> None:
        model = view.model()
        if model is None:
            return
        generated = set(generated)
        root = QModelIndex()
        try:
            columns = model.columnCount(root)
        except TypeError:  # a list widget's model: one column
            columns = 1
        for row in range(min(model.rowCount(root), 60)):
            for col in range(columns):
                index = model.index(row, col)
                text = str(index.data() or "")
                self.text(f"{where} cell {row},{col}", text)
                if col in generated and without(text, self.data) == text and "\n" not in text:
                    rect = view.visualRect(index)
                    if rect.width() > 0:  # what the cell's delegate needs for the text, margins included
                        self.fit(f"{where} cell {row},{col}", text,
                                 view.sizeHintForIndex(index).width() <= rect.width() + 1)

    def _menus(self, name: str, window: QMainWindow) -> None:
        for top in window.menuBar().actions():
            self.text(f"{name} menu", top.text())
            menu = top.menu()
            if isinstance(menu, QMenu):
                for action in menu.actions():
                    if action.isSeparator():
                        continue
                    self.text(f"{name} {top.text()} /", action.text())
                    self.text(f"{name} {top.text()} / {action.text()} tip", action.statusTip())
                    sub = action.menu()
                    if isinstance(sub, QMenu):
                        for inner in sub.actions():
                            self.text(f"{name} {action.text()} /", inner.text())

    def problems(self) -> str:
        parts = []
        if self.chinese:
            parts.append("Chinese left in the English UI:\n  " + "\n  ".join(self.chinese))
        if self.elided:
            parts.append("labels that do not fit (elided or cut):\n  " + "\n  ".join(self.elided))
        return "\n".join(parts)
