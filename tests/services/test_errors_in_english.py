"""Errors the services raise read in English when the UI runs in English: for each module
whose finished Chinese sentences became message ids, real refusals rendered with
messages.set_language("en") hold no Chinese except the user's own data (quoted “…”)."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from bizenv_desktop.core import messages
from bizenv_desktop.core.errors import BizenvError
from bizenv_desktop.services import supervision

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
QUOTED = re.compile(r"“[^”]*”")
TODAY = date(2026, 5, 20)


@pytest.fixture
def english() -> Iterator[Callable[..., str]]:
    """english(fn, *words, data=()): fn must raise a BizenvError; its English text is returned,
    checked for the given words and for Chinese outside quoted “…” data and the data values."""
    def refused(fn: Callable[[], Any], *words: str, data: tuple[str, ...] = ()) -> str:
        with pytest.raises(BizenvError) as info:
            fn()
        messages.set_language("en")
        try:
            text = str(info.value)
        finally:
            messages.set_language("zh")
        assert info.value.message_id, f"a finished sentence, not a message id: {text}"
        bare = QUOTED.sub("", text)
        for value in data:
            bare = bare.replace(value, "")
        assert not CJK.search(bare), f"Chinese in the English error: {text}"
        for word in words:
            assert word in text, text
        assert str(info.value) == info.value.text("zh") and CJK.search(str(info.value))
        return text
    yield refused
    messages.set_language("zh")


def test_supervision_refusals_in_english(workspace: Any, english: Callable[..., str]) -> None:
    out: list[int] = []
    workspace.apply("add", lambda w: out.append(supervision.add_item(w, "清理拖欠企业账款", today=TODAY)))
    item = out[0]

    def run(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        return lambda: workspace.apply("test", fn)

    english(run(lambda w: supervision.revert(w, item)), "cannot go back", "Awaiting sign-off", "“清理拖欠企业账款”")
    english(run(lambda w: supervision.update_item(w, item, colour="red")), "cannot be changed", "colour")
    english(run(lambda w: supervision.update_item(w, item, no="")), "number cannot be empty")
    english(run(lambda w: supervision.update_item(w, item, received_on="2026-13-01")),
            "Date received", "not a valid date")
    text = english(run(lambda w: supervision.advance(w, item, "已完成")), "Unknown status")
    assert "Awaiting sign-off, In progress, Completed, Closure reported, Struck off" in text
    workspace.apply("advance", lambda w: supervision.advance(w, item, on="2026-05-21"))
    english(run(lambda w: supervision.update_item(w, item, signed_on="")), "In progress", "Date signed for")
    english(run(lambda w: supervision.update_item(w, item, signed_on="2026-05-01", received_on="2026-05-10")),
            "cannot be earlier than")
    english(run(lambda w: supervision.update_item(w, item, content="")), "content")
    english(run(lambda w: supervision.revert(w, 9999)), "does not exist")


def test_evidence_refusals_in_english(workspace: Any, db_path: Any, tmp_path: Any,
                                      english: Callable[..., str]) -> None:
    from bizenv_desktop.services import evidence

    out: list[int] = []
    workspace.apply("add", lambda w: out.append(supervision.add_item(w, "政务服务投诉核查", today=TODAY)))

    def attach(source: Any, kind: str = "supervision_item", target: int = out[0]) -> Callable[[], Any]:
        return lambda: workspace.apply("attach", lambda w: evidence.attach(w, db_path, source, kind, target))

    english(attach(tmp_path / "缺失的通知.pdf"), "was not found", "Choose the file again")
    english(attach(tmp_path), "is a folder")
    proof = tmp_path / "整改报告.docx"
    proof.write_bytes(b"PK\x03\x04 a report")
    english(attach(proof, "budget"), "cannot be attached to “budget”")
    english(attach(proof, target=9999), "does not exist", "supervision_item 9999")
    attach(proof)()
    english(attach(proof), "“整改报告.docx”", "already evidence")
    english(lambda: evidence.export_package(workspace.db, db_path, 1999, tmp_path / "pack.zip"),
            "no plan for 1999")


def test_workbook_refusals_in_english(tmp_path: Any, english: Callable[..., str]) -> None:
    from openpyxl import Workbook

    from bizenv_desktop.services.excel import workbook

    english(lambda: workbook.open_workbook(tmp_path / "台账.xlsx"), "was not found")
    empty = tmp_path / "空文件.xlsx"
    empty.write_bytes(b"")
    english(lambda: workbook.open_workbook(empty), "Cannot read “空文件.xlsx”", "the file is empty (0 bytes)")
    csv = tmp_path / "导出.xlsx"
    csv.write_text("序号,事项内容\n1,清理拖欠企业账款\n", encoding="utf-8")
    english(lambda: workbook.open_workbook(csv), "really a CSV text file")
    wb = Workbook()
    wb.active.title = "督办台账"
    wb.active["A1"] = "事项内容"
    wb.create_sheet("说明")
    path = workbook.save_workbook(wb, tmp_path / "督办.xlsx")
    english(lambda: workbook.get_sheet(workbook.open_workbook(path), "汇总", path.name),
            "has no sheet named “汇总”", "Its sheets: 督办台账, 说明.", data=("督办台账", "说明"))
    english(lambda: workbook.save_workbook(wb, tmp_path / "督办.xls"), "should end in .xlsx")
    english(lambda: workbook.save_workbook(wb, tmp_path / "无此文件夹" / "a.xlsx"), "does not exist")


def test_forms_refusals_in_english(workspace: Any, tmp_path: Any, english: Callable[..., str]) -> None:
    from bizenv_desktop.services import dispatch, forms

    workspace.apply("start", lambda w: dispatch.start_month(w, "2026-05"))
    made = forms.make_forms(workspace.db, "2026-05", tmp_path, TODAY)
    english(lambda: forms.make_forms(workspace.db, "2026-05", tmp_path, TODAY, overwrite=False),
            "already holds", "--force", data=tuple(p.name for p in made))
    workspace.apply("close", lambda w: dispatch.close_month(w, "2026-05"))
    english(lambda: forms.make_forms(workspace.db, "2026-05", tmp_path / "new", TODAY),
            "2026-05 is closed", "“Reopen”")


def test_storage_refusals_in_english(workspace: Any, db_path: Any, tmp_path: Any,
                                     english: Callable[..., str]) -> None:
    from bizenv_desktop.services import workspace as workspaces
    from bizenv_desktop.storage import database

    notes = tmp_path / "会议纪要.sqlite3"
    notes.write_bytes(b"minutes of the meeting, not a database" * 10)
    english(lambda: database.check_file(notes), "not an SQLite database file")
    english(lambda: workspaces.Workspace.open(db_path), "is in use by another window or command")


def test_excel_readers_refusals_in_english(tmp_path: Any, english: Callable[..., str]) -> None:
    from openpyxl import Workbook

    from bizenv_desktop.services.excel import indicator_read, supervision_import

    wb = Workbook()
    wb.active.title = "说明"
    wb.active["A1"] = "本表为填报说明"
    wb.create_sheet("备注")["B2"] = "无"
    path = tmp_path / "填报说明.xlsx"
    wb.save(path)
    english(lambda: indicator_read.read_indicator_table(path), "No indicator table header was found in the sheets",
            data=("说明", "备注"))
    english(lambda: supervision_import.read_supervision_ledger(path, "说明"),
            "No supervision ledger header was found in sheet “说明”")


def test_cli_refusals_in_english(tmp_path: Any) -> None:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--lang", "en", "--db", str(tmp_path / "a.sqlite3"),
                          "export", "dispatch", "-o", str(tmp_path / "台账.xlsx")],
                         capture_output=True, text=True, timeout=60)
    assert run.returncode != 0 and "needs --month YYYY-MM" in run.stderr, run.stderr
    assert not CJK.search(run.stderr), run.stderr
    run = subprocess.run([sys.executable, "-m", "bizenv_desktop", "--lang", "en", "--db", str(tmp_path / "a.sqlite3"),
                          "export", "events", "-o", str(tmp_path / "events.csv")],
                         capture_output=True, text=True, timeout=60)
    assert "should end in .xlsx" in run.stderr and not CJK.search(QUOTED.sub("", run.stderr)), run.stderr
