"""The window's file actions, driven through their dialogs as the liaison uses them: the
imports' read-and-preview and apply, undo of an import, forms make and collect, the report
preview. Each is measured by the heartbeat of probe_gui (the dialogs start their work from the
event loop; a task of the window's runner is waited for). A message box that opens is closed
and named in a TODO line instead of hanging the run.
"""
from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

Measure = Callable[..., None]


def _close_message_boxes(todo: list[str]) -> Any:
    """A timer closing any message box (an unexpected question or error) and noting its text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def sweep() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible():
                todo.append(f"TODO: a message box opened during the GUI actions: {w.text()[:200]}")
                w.reject()
    timer = QTimer()
    timer.setInterval(200)
    timer.timeout.connect(sweep)
    timer.start()
    return timer


def _running(controller: Any, dialog: Any = None) -> Callable[[], bool]:
    """done(): no task of the window's runner (or the dialog's own) is running any more."""
    from benchmarks.probe_gui import _busy

    return lambda: not _busy(controller, *([dialog] if dialog is not None else []))


def make_workbook_apart(which: str, path: Path, rows: int, db: Path) -> None:
    """benchmarks.importing.make_workbook in a process of its own. Written here, in the window's
    process, a 10 000-row workbook left 190 000-250 000 objects in reference cycles (openpyxl's
    cells and their sheet) that the window's collector then walked during the next measured
    action, the import preview (45-60 ms of its block, a fifth to a half of it): the probe's
    garbage, which the liaison's window never has (it only reads such files)."""
    code = ("import sys; from pathlib import Path; from benchmarks.importing import make_workbook; "
            "make_workbook(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))")
    subprocess.run([sys.executable, "-c", code, which, str(path), str(rows), str(db)], check=True, timeout=600)


def file_actions(app: Any, window: Any, controller: Any, measure: Measure, work: Path, month: str | None,
                 todo: list[str]) -> None:
    make_workbook = make_workbook_apart
    work.mkdir(parents=True, exist_ok=True)
    guard = _close_message_boxes(todo)
    db_path = Path(controller.workspace.path)
    steps: list[tuple[str, Callable[[], None]]] = [
        ("indicator import", lambda: _indicator_import(window, controller, measure, make_workbook, work, db_path)),
        ("ledger import", lambda: _ledger_import(window, controller, measure, make_workbook, work, db_path)),
        ("forms", lambda: _forms(window, controller, measure, work, month)),
        ("report preview", lambda: _report(window, controller, measure)),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as exc:  # one failing action must not lose the others' figures
            todo.append(f"TODO: GUI action '{name}' failed: {type(exc).__name__}: {str(exc)[:200]}")
    guard.stop()


def _indicator_import(window: Any, controller: Any, measure: Measure, make: Any, work: Path, db: Path) -> None:
    from bizenv_desktop.ui.import_dialog import ImportIndicatorsDialog

    path = work / "指标表-10000.xlsx"
    make("indicator", path, 10000, db)
    year = (controller.db.scalar("SELECT max(year) FROM plan_year") or 2026) + 1
    dialog = ImportIndicatorsDialog(controller, window, year=year)
    dialog.show()
    measure("导入指标表（10000行）:读取与预览", lambda: dialog.load(path), _running(controller, dialog))
    measure("导入指标表（10000行）:导入", lambda: dialog.do_import(), _running(controller, dialog))
    measure("撤销导入指标表（10000行）", controller.undo, _running(controller))
    dialog.close()


def _ledger_import(window: Any, controller: Any, measure: Measure, make: Any, work: Path, db: Path) -> None:
    from bizenv_desktop.ui.supervision_import_dialog import ImportSupervisionDialog

    path = work / "督办事项台账-10000.xlsx"
    make("supervision", path, 10000, db)
    dialog = ImportSupervisionDialog(controller, window)
    dialog.show()
    measure("导入督办事项台账（10000行）:读取与预览", lambda: dialog.load(path), _running(controller, dialog))
    measure("导入督办事项台账（10000行）:导入", lambda: dialog.do_import(), _running(controller, dialog))
    measure("撤销导入督办事项台账（10000行）", controller.undo, _running(controller))
    dialog.close()


def _forms(window: Any, controller: Any, measure: Measure, work: Path, month: str | None) -> None:
    import openpyxl

    from bizenv_desktop.services import forms
    from bizenv_desktop.ui.forms_dialog import CollectFormsDialog, MakeFormsDialog

    if month is None:
        return
    folder = work / f"{month} 月调度表"
    maker = MakeFormsDialog(controller, month, window)
    maker.folder.setText(str(folder))
    maker.show()
    measure("生成处室调度表", lambda: maker.make(confirm=False), _running(controller, maker))
    maker.close()
    paths = sorted(folder.glob("*.xlsx"))
    for n, path in enumerate(paths):  # filled in as a division would (not timed)
        book = openpyxl.load_workbook(path)
        sheet = book[forms.SHEET]
        head = {str(c.value): c.column for c in sheet[forms.HEAD] if c.value}
        for r in range(forms.HEAD + 1, sheet.max_row + 1):
            if not sheet.cell(r, head["本月进展"]).protection.locked:
                sheet.cell(r, head["本月进展"]).value = f"第 {n} 处室本月推进情况，第 {r} 行。"
        book.save(path)
    collector = CollectFormsDialog(controller, month, window)
    collector.show()
    measure("收回调度表:读取与检查", lambda: collector.add_files([str(p) for p in paths]),
            _running(controller, collector))
    measure("收回调度表:写入", lambda: collector.apply_good(confirm=False), _running(controller, collector))
    collector.close()


def _report(window: Any, controller: Any, measure: Measure) -> None:
    """The report dialog: a report and period chosen (its draft read on a worker), its preview
    built and the pages in view drawn (workers), then a jump deep into the document (the pages
    there drawn)."""
    from bizenv_desktop.ui.report_dialog import ReportDialog

    year = window.year
    dialog = ReportDialog(controller, window, year=year)
    dialog.show()
    preview = dialog.preview

    def drawn() -> bool:
        return all(preview.drawn.get(i) == preview._dpi() for i in preview.visible())

    def shown() -> bool:  # the preview of the chosen period is on screen, its pages in view drawn
        state = dialog.pdf_state
        return state is not None and state.request == dialog.request and _running(controller, dialog)() and drawn()

    for kind, period in (("leadership", {"quarter": 3}), ("assignment", {})):
        measure(f"报告预览:{kind}（读取、生成、显示）", lambda k=kind, p=period: dialog.select(k, year, **p), shown)
        pages = preview.page_count
        if pages > 2:
            measure(f"报告预览:{kind} 翻到第 {pages * 2 // 3} 页", lambda n=pages * 2 // 3: preview.go_to(n - 1),
                    lambda: _running(controller, dialog)() and drawn())
    dialog.close()
