"""The import previews' models (ui/preview_models.py): a tree made on a worker and shown on
the GUI thread, texts made only for the rows a view asks for."""
from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QTableView, QTreeView

from bizenv_desktop.ui.preview_models import LazyRowsModel, LazyTreeModel


class Tree(LazyTreeModel):
    CONTEXT, HEADERS = "Test", ("名称", "上级")


class Rows(LazyRowsModel):
    CONTEXT, HEADERS = "Test", ("名称", "序号")


def groups(count: int, size: int) -> list[tuple[str, str]]:
    """(name, parent name) rows: count groups, each followed by its size members."""
    rows = []
    for g in range(count):
        rows.append((f"第{g}组", ""))
        rows += [(f"第{g}组成员{m}", f"第{g}组") for m in range(size)]
    return rows


def build(rows: list[tuple[str, str]]) -> LazyTreeModel:
    seen: dict[str, int] = {}

    def parent_of(row: tuple[str, str]) -> int:
        seen[row[0]] = len(seen)
        return seen.get(row[1], -1) if row[1] else -1
    return Tree.build(rows, parent_of)


def test_a_tree_made_on_a_worker_shows_on_the_gui_thread(qtbot: Any) -> None:
    rows = groups(3, 4)
    made: list[LazyTreeModel] = []
    worker = threading.Thread(target=lambda: made.append(build(rows)))
    worker.start()
    worker.join()
    model = made[0]
    assert model.thread() is QCoreApplication.instance().thread()  # handed over, usable by a view
    model.set_maker(lambda row: [row[0], row[1] or "—"])
    view = QTreeView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.expandAll()
    assert model.rowCount() == 3 and [model.rowCount(model.index(g, 0)) for g in range(3)] == [4, 4, 4]
    second = model.index(1, 0)
    assert [second.data(), model.index(1, 1).data()] == ["第1组", "—"]
    member = model.index(2, 1, second)
    assert member.data() == "第1组" and member.data(Qt.ItemDataRole.ToolTipRole) == "第1组"
    assert model.index(2, 0, second).data() == "第1组成员2" and member.parent() == second
    assert model.rowCount(member) == 0 and not model.index(0, 0, model.index(0, 0, second)).isValid()
    assert model.headerData(0, Qt.Orientation.Horizontal) == "名称"


def test_only_the_rows_a_view_shows_get_their_texts(qtbot: Any) -> None:
    rows = groups(50, 40)  # 2 050 rows
    model = build(rows)
    asked: list[str] = []
    model.set_maker(lambda row: asked.append(row[0]) or [row[0], row[1]])
    view = QTreeView()
    qtbot.addWidget(view)
    view.setUniformRowHeights(True)
    view.resize(400, 300)
    view.setModel(model)
    view.expandAll()
    view.show()
    qtbot.waitExposed(view)
    QCoreApplication.processEvents()
    assert asked and len(set(asked)) < 100 and "第0组" in asked
    last = model.index(40 - 1, 0, model.index(49, 0))
    view.scrollTo(last)
    QCoreApplication.processEvents()
    assert "第49组成员39" in asked and len(set(asked)) < 200  # made when scrolled to, once each
    assert model.rowCount(QModelIndex()) == 50


def test_a_flat_table_makes_texts_for_the_rows_in_view(qtbot: Any) -> None:
    model = Rows()
    asked: list[int] = []
    model.show_rows(list(range(5000)), lambda n: asked.append(n) or [f"第{n}行", str(n)])
    view = QTableView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.setModel(model)
    view.show()
    qtbot.waitExposed(view)
    QCoreApplication.processEvents()
    assert asked and max(asked) < 200
    assert model.index(4321, 0).data() == "第4321行" and model.texts(4321) == ["第4321行", "4321"]
    assert asked.count(4321) == 1 and model.index(4321, 1).data() == "4321" and asked.count(4321) == 1
