"""EvidencePanel on a real database and real files: add, drop, open, remove, undo, read-only."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from bizenv_desktop.services import dispatch, evidence
from bizenv_desktop.ui.controller import Controller
from bizenv_desktop.ui.evidence_panel import EvidencePanel, format_size

MONTH = "2026-11"


@pytest.fixture
def rows(workspace: Any) -> list[dispatch.DispatchRow]:
    workspace.apply("s", lambda w: dispatch.start_month(w, MONTH))
    return dispatch.load_month(workspace.db, MONTH).rows


@pytest.fixture
def controller(workspace: Any) -> Controller:
    return Controller(workspace)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages Controller.report would have shown in a modal box."""
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: seen.append(text))
    return seen


@pytest.fixture
def panel(qtbot: Any, controller: Controller, rows: list) -> EvidencePanel:
    widget = EvidencePanel(controller)
    widget.open_externally = False
    qtbot.addWidget(widget)
    widget.set_target("dispatch_row", rows[0].id)
    widget.show()
    return widget


def make(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder / name


def texts(panel: EvidencePanel) -> list[str]:
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def drop_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_add_files_then_undo(panel: EvidencePanel, controller: Controller, rows: list, tmp_path: Path,
                             warnings: list[str]) -> None:
    assert panel.list.count() == 0 and panel.add_button.isEnabled() and not panel.open_button.isEnabled()
    a = make(tmp_path / "in", "整改通知.pdf", b"a" * 2048)
    b = make(tmp_path / "in", "统计表.xlsx", b"b")
    assert panel.add_files([a, b]) == 2
    assert [t.split("（")[0] for t in texts(panel)] == ["整改通知.pdf", "统计表.xlsx"]
    assert "2.0 KB" in texts(panel)[0] and evidence.links_for(controller.db, "dispatch_row", rows[0].id)
    assert controller.undo_stack.count() == 2 and warnings == []
    controller.undo_stack.undo()
    assert [t.split("（")[0] for t in texts(panel)] == ["整改通知.pdf"]
    # a missing path is refused with a message naming it; nothing is added
    gone = tmp_path / "gone.pdf"
    assert panel.add_files([gone]) == 0
    assert len(warnings) == 1 and str(gone) in warnings[0]
    assert panel.list.count() == 1


def test_drop_event_adds_files(qtbot: Any, panel: EvidencePanel, tmp_path: Path) -> None:
    src = make(tmp_path / "drag", "会议纪要.docx", b"minutes")
    mime = drop_mime([src])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    assert texts(panel)[0].startswith("会议纪要.docx")


def test_open_item_returns_a_copy_with_the_original_name(panel: EvidencePanel, tmp_path: Path) -> None:
    data = bytes(range(256)) * 10
    src = make(tmp_path / "in", "现场照片.jpg", data)
    panel.add_files([src])
    src.unlink()  # the stored copy is what opens
    opened = panel.open_item(0)
    assert opened is not None and opened.name == "现场照片.jpg" and opened.read_bytes() == data


def test_missing_stored_file_is_marked_and_reported(panel: EvidencePanel, tmp_path: Path,
                                                    warnings: list[str]) -> None:
    panel.add_files([make(tmp_path, "报告.pdf", b"r")])
    panel.items()[0].path.unlink()
    panel.refresh()
    assert texts(panel)[0].startswith("【文件缺失】")
    assert panel.open_item(0) is None and "丢失" in warnings[0]


def test_remove_item_keeps_the_file_for_other_rows(panel: EvidencePanel, controller: Controller, rows: list,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make(tmp_path, "公开目录.pdf", b"list")
    panel.add_files([src])
    panel.set_target("dispatch_row", rows[1].id)
    panel.add_files([src])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert not panel.remove_item(0, confirm=True) and panel.list.count() == 1
    assert panel.remove_item(0, confirm=False)
    assert panel.list.count() == 0
    [other] = evidence.links_for(controller.db, "dispatch_row", rows[0].id)
    assert other.path.read_bytes() == b"list"
    controller.undo_stack.undo()
    assert panel.list.count() == 1


def test_read_only_and_no_target(panel: EvidencePanel, tmp_path: Path, rows: list) -> None:
    src = make(tmp_path, "a.pdf", b"a")
    panel.add_files([src])
    panel.set_target("dispatch_row", rows[0].id, read_only=True)
    panel.list.setCurrentRow(0)
    assert not panel.add_button.isEnabled() and not panel.remove_button.isEnabled() and panel.open_button.isEnabled()
    assert panel.add_files([make(tmp_path, "b.pdf", b"b")]) == 0 and not panel.remove_item(0)
    mime = drop_mime([src])  # kept alive: the event does not own it
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()
    panel.set_target(None, None)
    assert panel.list.count() == 0 and not panel.add_button.isEnabled()


def test_format_size() -> None:
    assert [format_size(n) for n in (0, 1023, 1536, 5 * 1024 * 1024)] == ["0 B", "1023 B", "1.5 KB", "5.0 MB"]


def test_evidence_attached_to_an_indicator_itself_from_the_plan_tree(qtbot: Any, workspace: Any,
                                                                      tmp_path: Path) -> None:
    from bizenv_desktop.services import plan_read
    from bizenv_desktop.ui.controller import Controller
    from bizenv_desktop.ui.plan_tree import PlanTree

    controller = Controller(workspace)
    tree = PlanTree(controller)
    qtbot.addWidget(tree)
    tree.show()  # a hidden panel re-reads only when shown
    plan = plan_read.load_plan(workspace.db, 2026)
    tree.show_plan(plan, {}, expand_all=True)
    one = next(i for i in plan.second_level() if i.code == "(1)")
    tree.select_key(("indicator", one.id))
    assert (tree.evidence.kind, tree.evidence.target_id) == ("indicator", one.id)
    shot = tmp_path / "网站公开截图.png"
    shot.write_bytes(b"png")
    tree.evidence.add_files([shot])
    qtbot.waitUntil(lambda: tree.evidence.list.count() == 1)
    assert tree.evidence.list.item(0).text().startswith("网站公开截图.png")
    first = plan.dimensions[0].indicators[0]
    tree.select_key(("indicator", first.id))  # a first-level indicator holds no evidence of its own
    assert tree.evidence.kind is None
