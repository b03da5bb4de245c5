"""AuditDialog on a real database: filters, paging with fetchMore, live refresh and the CSV export."""
from __future__ import annotations

import ast
import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from bizenv_desktop.services import audit
from bizenv_desktop.services import plan_edit as pe
from bizenv_desktop.ui import audit_dialog
from bizenv_desktop.ui.audit_dialog import PAGE, AuditDialog
from bizenv_desktop.ui.controller import Controller

BULK = 3000


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


def bulk_audit(workspace: Any, n: int = BULK) -> None:
    """Test-only: n generated entries, as if years of edits (half on events, in 2025; half on liaisons)."""
    rows = [(f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00" if i % 2 else "2026-01-05T08:00:00",
             "tester", f"批量{i} [update]", "event" if i % 2 else "liaison", i, "note", f"旧{i}", f"新{i}")
            for i in range(n)]
    with workspace.db.transaction():
        workspace.db.conn.executemany(
            "INSERT INTO audit (at, user, action, entity, entity_id, field, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows)


@pytest.fixture
def dialog(qtbot: Any, controller: Controller, workspace: Any) -> AuditDialog:
    bulk_audit(workspace)
    dlg = AuditDialog(controller)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def cells(dlg: AuditDialog, row: int) -> list[str]:
    return [dlg.model.index(row, c).data() for c in range(dlg.model.columnCount())]


def test_opens_with_one_page_and_the_count(dialog: AuditDialog, workspace: Any) -> None:
    total = workspace.db.scalar("SELECT count(*) FROM audit")
    assert total > BULK
    assert dialog.windowTitle() == "修改记录"
    assert dialog.count_text() == f"共 {total} 条"
    assert dialog.model.rowCount() == PAGE < total  # not everything at once
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["时间", "操作人", "操作", "对象", "字段", "原值", "新值"]
    assert [dialog.entity_box.itemText(i) for i in range(1, 4)] == ["年度", "方案正文", "维度"]
    assert dialog.entity_box.count() == len(audit.ENTITY_NAMES) + 1


def test_fetch_more_pages_through_everything(qtbot: Any, dialog: AuditDialog, workspace: Any) -> None:
    total = dialog.model.total
    model = dialog.model
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE
    dialog.table.scrollToBottom()  # the view asks for more when scrolled to the end
    qtbot.waitUntil(lambda: model.rowCount() > 2 * PAGE)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert len({e.id for e in dialog.entries()}) == total  # no entry twice
    keys = [(e.at, e.id) for e in dialog.entries()]
    assert keys == sorted(keys, reverse=True)  # newest first
    model.fetchMore(QModelIndex())  # nothing more: no change
    assert model.rowCount() == total


def test_filters_update_the_table(dialog: AuditDialog, workspace: Any) -> None:
    dialog.set_filters(entity="event")
    assert dialog.count_text() == f"共 {BULK // 2} 条"
    assert {e.entity for e in dialog.entries()} == {"event"}
    assert dialog.entity_box.currentData() == "event"
    assert cells(dialog, 0)[3].startswith("事件 #") and cells(dialog, 0)[4] == "备注"
    dialog.set_filters(entity="event", date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    n = sum(1 for i in range(1, BULK, 2) if 1 + i % 12 == 3)
    assert dialog.count_text() == f"共 {n} 条"
    assert all(e.at.startswith("2025-03") for e in dialog.entries())
    assert not dialog.from_any.isChecked() and dialog.date_from.isEnabled()
    dialog.set_filters(text="旧1234")
    assert [e.old for e in dialog.entries()] == ["旧1234"]
    assert dialog.from_any.isChecked() and dialog.entity_box.currentData() == ""
    assert cells(dialog, 0) == ["2026-01-05 08:00:00", "tester", "批量1234", "联络员 #1234", "备注", "旧1234", "新1234"]
    dialog.set_filters()
    assert dialog.model.total == workspace.db.scalar("SELECT count(*) FROM audit")


def test_widgets_drive_the_filters(qtbot: Any, dialog: AuditDialog) -> None:
    dialog.entity_box.setCurrentIndex(dialog.entity_box.findData("liaison"))
    dialog.entity_box.activated.emit(dialog.entity_box.currentIndex())
    assert dialog.model.total == BULK // 2
    dialog.to_any.setChecked(False)  # up to today: everything
    assert dialog.model.total == BULK // 2
    dialog.search.setText("批量2")  # typing re-reads after a pause
    qtbot.waitUntil(lambda: dialog.model.total == sum(1 for i in range(0, BULK, 2) if str(i).startswith("2")))


def test_new_edits_show_up(qtbot: Any, dialog: AuditDialog, controller: Controller, workspace: Any) -> None:
    iid = workspace.db.scalar("SELECT id FROM indicator WHERE level = 2 ORDER BY id LIMIT 1")
    dialog.set_filters(entity="indicator")
    before = dialog.model.total
    assert controller.run("改名", lambda w: pe.update_indicator(w, iid, name="一网通办理"))
    qtbot.waitUntil(lambda: dialog.model.total == before + 1)
    assert cells(dialog, 0)[2:] == ["改名", f"指标 #{iid}", "名称", cells(dialog, 0)[5], "一网通办理"]
    controller.undo_stack.undo()
    qtbot.waitUntil(lambda: dialog.model.total == before + 2)
    assert dialog.entries()[0].label == "撤销：改名"


def test_export_writes_the_filtered_rows(dialog: AuditDialog, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog.set_filters(entity="event", text="批量1")
    path = tmp_path / "audit.csv"
    count = dialog.export(path)
    assert count == dialog.model.total > 0
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == count + 1 and rows[0][0] == "时间"
    assert {r[3] for r in rows[1:]} == {"事件"}
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    assert dialog.export(tmp_path / "missing" / "x.csv") is None
    assert "x.csv" in seen[-1]


def test_a_closed_dialog_reads_again_once_when_shown(qtbot: Any, dialog: AuditDialog, controller: Controller) -> None:
    dialog.reject()
    reads, total = dialog.reloads, dialog.model.total
    for name in ("关闭后甲处", "关闭后乙处"):
        assert controller.run("新增处室", lambda w, name=name: w.insert("division", {"name": name}))
    qtbot.wait(20)  # the queued notices
    assert dialog.reloads == reads and dialog.model.total == total  # closed: nothing read
    dialog.show()
    assert dialog.reloads == reads + 1 and dialog.model.total == total + 2
    dialog.show()
    assert dialog.reloads == reads + 1  # nothing new


def test_every_audit_name_is_marked_for_translation() -> None:
    """The entity and field names are translated in context AuditNames; lupdate needs literals."""
    tree = ast.parse(Path(audit_dialog.__file__).read_text(encoding="utf-8"))
    marked = {call.args[1].value for call in ast.walk(tree)
              if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "QT_TRANSLATE_NOOP"
              and isinstance(call.args[0], ast.Constant) and call.args[0].value == "AuditNames"}
    assert set(audit.ENTITY_NAMES.values()) | set(audit.FIELD_NAMES.values()) <= marked


def test_inserted_rows_show_their_name(qtbot: Any, controller: Controller, workspace: Any) -> None:
    assert controller.run("新增处室", lambda w: w.insert("division", {"name": "测试处"}))
    dlg = AuditDialog(controller)
    qtbot.addWidget(dlg)
    row = cells(dlg, 0)
    assert row[2:5] == ["新增处室", row[3], "（新增）"] and row[3].startswith("处室 #")
    assert row[5:] == ["", "测试处"]
    assert '"name": "测试处"' in dlg.model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole)
