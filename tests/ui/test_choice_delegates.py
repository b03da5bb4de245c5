"""The drop-downs of the 状态 (月调度) and 评价等级 (逐项自评) columns: each offers its choices
with their labels, shows the cell's value, and writes the chosen value back."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from bizenv_desktop.core import dispatch as rules
from bizenv_desktop.services import self_evaluation as se
from bizenv_desktop.ui.month_model import status_label
from bizenv_desktop.ui.month_table import StatusDelegate
from bizenv_desktop.ui.self_eval_view import RatingDelegate, rating_label


def edit(delegate: Any, value: str, choose: int) -> tuple[list[tuple[str, str]], str, str]:
    """(the editor's (label, value) items, the value it showed, the value written after choosing)."""
    model = QStandardItemModel()
    item = QStandardItem()
    item.setData(value, Qt.ItemDataRole.EditRole)
    model.appendRow(item)
    index = model.index(0, 0)
    parent = QWidget()
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    shown = editor.currentData()
    items = [(editor.itemText(i), editor.itemData(i)) for i in range(editor.count())]
    editor.setCurrentIndex(choose)
    delegate.setModelData(editor, model, index)
    return items, shown, model.data(index, Qt.ItemDataRole.EditRole)


def test_the_status_drop_down(qtbot: Any) -> None:
    items, shown, written = edit(StatusDelegate(), rules.STATUSES[2], 0)
    assert items == [(status_label(s), s) for s in rules.STATUSES] and len(items) == len(rules.STATUSES)
    assert shown == rules.STATUSES[2] and written == rules.STATUSES[0]


def test_the_rating_drop_down_offers_none_first(qtbot: Any) -> None:
    items, shown, written = edit(RatingDelegate(), "", len(se.RATINGS))
    assert items[0] == ("（未评）", "")
    assert items[1:] == [(rating_label(r), r) for r in se.RATINGS]
    assert shown == "" and written == se.RATINGS[-1]
