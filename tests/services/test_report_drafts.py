"""Report drafts kept in the database: edit, regenerate, add, drop, reorder, document fields,
undo and the audit trail, next quarter from this quarter's wording, and the command line's
--draft-json / --draft-from."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import report_fixture as fx
from bizenv_desktop.core.errors import InvalidInput, NotFound
from bizenv_desktop.services import dispatch, drafting
from bizenv_desktop.services.drafting.kinds import ReportRequest
from bizenv_desktop.services.startup import open_workspace
from reading import flat, text_of

Q3 = ReportRequest("leadership", 2026, quarter=3)
Q4 = ReportRequest("leadership", 2026, quarter=4)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    path = folder / "sample.sqlite3"
    ws = open_workspace(path, first_year=2026)
    try:
        fx.build(ws, folder / "evidence")
    finally:
        ws.close()
    return path


@pytest.fixture
def ws(built: Path, tmp_path: Path) -> Any:
    copy = tmp_path / "work.sqlite3"
    shutil.copyfile(built, copy)
    workspace = open_workspace(copy)
    yield workspace
    workspace.close()


def text(ws: Any, request: ReportRequest, key: str) -> str:
    section = drafting.document(ws.db, request).section(key)
    assert section is not None, key
    return section.text


def test_a_fresh_draft_is_not_saved_until_edited(ws: Any) -> None:
    doc = drafting.document(ws.db, Q3)
    assert [s.key for s in doc.sections][:6] == ["opening", "overview", "work", "problems", "next", "coordination"]
    assert list(doc.numbered_headings().values())[:5] == ["一、总体进展", "二、主要工作及成效", "三、存在的问题",
                                                          "四、下一步工作安排", "五、需要领导协调解决的事项"]
    assert not drafting.has_draft(ws.db, Q3) and ws.db.scalar("SELECT count(*) FROM report_draft") == 0


def test_an_edit_is_saved_undone_and_audited(ws: Any) -> None:
    before = text(ws, Q3, "overview")
    edited = before.replace("纳入调度的任务共32项", "纳入月调度的重点任务共32项")
    changes = ws.apply("编辑总体进展", lambda w: drafting.save_section(w, Q3, "overview", text=edited))
    assert drafting.has_draft(ws.db, Q3) and text(ws, Q3, "overview") == edited
    assert ws.db.scalar("SELECT count(*) FROM audit WHERE entity = 'report_section'") >= 1
    assert ws.db.scalar("SELECT count(*) FROM audit WHERE entity = 'report_draft'") == 1
    ws.undo(changes)
    assert not drafting.has_draft(ws.db, Q3) and text(ws, Q3, "overview") == before
    ws.redo(changes)
    assert text(ws, Q3, "overview") == edited


def test_figures_the_edit_did_not_touch_follow_the_data(ws: Any) -> None:
    before = text(ws, Q3, "overview")
    edited = "我厅高度重视。" + before.replace("滞后事项涉及", "其中滞后事项主要涉及")
    ws.apply("编辑", lambda w: drafting.save_section(w, Q3, "overview", text=edited))
    section = drafting.document(ws.db, Q3).section("overview")
    assert section is not None and section.edited and "{total}" in section.template
    # the data changes after the edit: September reopened, one more task finished
    ws.apply("重新打开", lambda w: dispatch.reopen_month(w, "2026-09", "补报"))
    row = next(r for r in dispatch.load_month(ws.db, "2026-09").rows if r.indicator_code == "(7)")
    ws.apply("完成", lambda w: dispatch.update_row(w, row.id, status="已完成", progress="已完成国标任务"))
    now = text(ws, Q3, "overview")
    assert now.startswith("我厅高度重视。") and "其中滞后事项主要涉及" in now
    assert "已完成5项" in now and "已完成4项" not in now


def test_regenerate_a_section_and_undo_it(ws: Any) -> None:
    drafted = text(ws, Q3, "problems")
    ws.apply("编辑", lambda w: drafting.save_section(w, Q3, "problems", text="（一）由联络员改写的问题。"))
    assert text(ws, Q3, "problems") == "（一）由联络员改写的问题。"
    changes = ws.apply("重新生成", lambda w: drafting.regenerate_section(w, Q3, "problems"))
    assert text(ws, Q3, "problems") == drafted
    ws.undo(changes)
    assert text(ws, Q3, "problems") == "（一）由联络员改写的问题。"


def test_add_drop_move_and_restore_sections(ws: Any) -> None:
    key = ws.apply("加一部分", lambda w: drafting.add_section(w, Q3, "六、其他事项", "（一）联络员补充的说明。")
                   ).created_id("report_section")
    doc = drafting.document(ws.db, Q3)
    custom = next(s for s in doc.sections if s.custom)
    assert key and custom.heading == "其他事项"  # the numeral follows the order
    assert doc.numbered_headings()[custom.key] == "六、其他事项"
    assert [s.key for s in doc.sections].index(custom.key) < [s.key for s in doc.sections].index("att_progress")
    ws.apply("删去", lambda w: drafting.drop_section(w, Q3, "work"))
    doc = drafting.document(ws.db, Q3)
    assert doc.section("work") is None and doc.numbered_headings()["problems"] == "二、存在的问题"
    assert doc.numbered_headings()[custom.key] == "五、其他事项"
    ws.apply("上移", lambda w: drafting.move_section(w, Q3, custom.key, 1))
    doc = drafting.document(ws.db, Q3)
    assert doc.sections[1].key == custom.key and doc.numbered_headings()[custom.key] == "一、其他事项"
    ws.apply("删去附件", lambda w: drafting.drop_section(w, Q3, "att_late"))
    doc = drafting.document(ws.db, Q3)
    assert doc.attachment_names() == ["各项指标推进情况表", "定量指标完成情况表"]
    ws.apply("恢复", lambda w: drafting.restore_section(w, Q3, "work"))
    assert drafting.document(ws.db, Q3).section("work") is not None
    with pytest.raises(NotFound):
        ws.apply("x", lambda w: drafting.drop_section(w, Q3, "no-such-section"))
    with pytest.raises(InvalidInput):
        ws.apply("x", lambda w: drafting.regenerate_section(w, Q3, custom.key))


def test_save_the_dialogs_sections_as_a_whole(ws: Any) -> None:
    doc = drafting.document(ws.db, Q3)
    items = [{"key": s.key, "heading": h, "text": s.text}
             for s, h in ((s, doc.numbered_headings().get(s.key, "")) for s in doc.sections) if s.key != "work"]
    items[1]["text"] += "\n（六）其他。联络员补写的一段。"
    items.insert(3, {"heading": "需要说明的情况", "text": "本季度调整了调度口径。"})
    ws.apply("保存", lambda w: drafting.save_sections(w, Q3, items, title="关于第三季度工作情况的汇报",
                                                    fields={"addressee": "厅领导", "doc_no": "吉科法〔2026〕8号"}))
    doc = drafting.document(ws.db, Q3)
    assert doc.title == "关于第三季度工作情况的汇报" and doc.fields.addressee == "厅领导"
    assert doc.section("work") is None and doc.sections[3].custom and doc.sections[3].text == "本季度调整了调度口径。"
    assert doc.section("overview").text.endswith("（六）其他。联络员补写的一段。")
    assert doc.section("problems").edited is False  # unchanged text stays drafted


def test_document_fields_are_remembered_and_checked(ws: Any) -> None:
    ws.apply("文件要素", lambda w: drafting.set_fields(w, Q3, addressee="厅主要领导", contact="联系人：陈静",
                                                     cc="省软环境办", printed_by="吉林省科学技术厅办公室",
                                                     date="2026-10-10", doc_no="吉科法〔2026〕9号"))
    doc = drafting.document(ws.db, Q3)
    assert (doc.fields.addressee, doc.fields.date, doc.fields.doc_no) == ("厅主要领导", "2026-10-10", "吉科法〔2026〕9号")
    later = drafting.document(ws.db, Q4)  # the next draft of the kind: the same recipients, not the date or number
    assert later.fields.addressee == "厅主要领导" and later.fields.cc == "省软环境办"
    assert later.fields.date != "2026-10-10" and later.fields.doc_no == ""
    with pytest.raises(InvalidInput, match="2026-13-01"):
        ws.apply("x", lambda w: drafting.set_fields(w, Q3, date="2026-13-01"))


def test_next_quarter_starts_from_this_quarters_wording_with_new_figures(ws: Any) -> None:
    overview = text(ws, Q3, "overview").replace("（一）任务推进情况。", "（一）任务推进情况。我厅持续压实责任，")
    ws.apply("编辑", lambda w: drafting.save_section(w, Q3, "overview", text=overview))
    ws.apply("编辑", lambda w: drafting.save_section(w, Q3, "problems", text="（一）第三季度的问题。"))
    ws.apply("加", lambda w: drafting.add_section(w, Q3, "其他事项", "（一）每季度都要写的一段。"))
    q4 = drafting.document(ws.db, Q4)
    assert not drafting.has_draft(ws.db, Q4)
    overview4 = q4.section("overview").text
    assert "我厅持续压实责任，截至11月调度" in overview4  # last quarter's words, this quarter's figures
    assert "纳入调度的任务共32项，其中已完成8项" in overview4
    assert q4.section("problems").text != "（一）第三季度的问题。"  # data-only sections are drafted afresh
    assert any(s.custom and s.text == "（一）每季度都要写的一段。" for s in q4.sections)
    assert q4.title == "关于2026年第四季度营商环境建设工作情况的汇报"


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", "--db", str(db), *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=180, env={**os.environ})


def test_draft_json_and_draft_from_on_the_command_line(ws: Any, tmp_path: Path) -> None:
    path = ws.path
    proc = cli(path, "report", "leadership", "--quarter", "3", "--date", "2026-10-09", "--draft-json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["kind"] == "leadership" and data["period"] == "2026Q3"
    heads = [s["heading"] for s in data["sections"]]
    assert heads[:6] == ["", "一、总体进展", "二、主要工作及成效", "三、存在的问题", "四、下一步工作安排",
                         "五、需要领导协调解决的事项"]
    assert all(set(s) >= {"heading", "text"} for s in data["sections"])
    data["sections"][4]["text"] = "（一）联络员改过的下一步安排。"
    del data["sections"][2]  # 二、主要工作及成效 dropped
    data["sections"].insert(5, {"heading": "六、附加说明", "text": "本段由文件加入。"})
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "edited.pdf"
    proc = cli(path, "report", "leadership", "--quarter", "3", "--date", "2026-10-09", "--draft-from", str(edited),
               "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    body = flat(text_of(out))
    assert "三、下一步工作安排（一）联络员改过的下一步安排。" in body and "主要工作及成效" not in body
    assert "五、附加说明本段由文件加入。" in body
    assert not drafting.has_draft(ws.db, Q3)  # a file's sections are used, not saved
    bad = tmp_path / "bad.json"
    bad.write_text("{\"sections\": 3}", encoding="utf-8")
    proc = cli(path, "report", "leadership", "--quarter", "3", "--draft-from", str(bad), "-o", str(tmp_path / "b.pdf"))
    assert proc.returncode == 2 and "草稿文件格式不对" in proc.stderr and not (tmp_path / "b.pdf").exists()


def test_the_command_line_uses_the_saved_draft(ws: Any, tmp_path: Path) -> None:
    ws.apply("编辑", lambda w: drafting.save_section(w, Q3, "next", text="（一）保存在数据库里的安排。"))
    ws.apply("文件要素", lambda w: drafting.set_fields(w, Q3, date="2026-10-12"))
    out = tmp_path / "saved.pdf"
    proc = cli(ws.path, "report", "leadership", "--quarter", "3", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    body = flat(text_of(out))
    assert "（一）保存在数据库里的安排。" in body and "2026年10月12日" in body
    proc = cli(ws.path, "report", "leadership", "--quarter", "3", "--date", "2026-10-15", "-o", str(out))
    assert proc.returncode == 0 and "2026年10月15日" in flat(text_of(out))  # --date wins over the draft's date
    assert drafting.document(ws.db, Q3).fields.date == "2026-10-12"  # and is not saved


def test_other_kinds_and_periods_keep_their_own_drafts(ws: Any) -> None:
    monthly = ReportRequest("monthly", 2026, month=11)
    ws.apply("编辑", lambda w: drafting.save_section(w, monthly, "summary", text="十一月的总体情况。"))
    assert text(ws, monthly, "summary") == "十一月的总体情况。"
    assert text(ws, ReportRequest("monthly", 2026, month=10), "summary") != "十一月的总体情况。"
    assert drafting.has_draft(ws.db, monthly) and not drafting.has_draft(ws.db, Q3)
    assert ws.db.scalar("SELECT period FROM report_draft") == "2026-11"


def test_no_edit_changes_the_draft_of_a_read_only_reader(built: Path) -> None:
    from bizenv_desktop.storage.database import open_reader

    db = open_reader(built)
    try:
        doc = drafting.document(db, ReportRequest("provincial", 2026, quarter=3, today=date(2026, 10, 9)))
        assert doc.fields.addressee == "省软环境建设办公室" and doc.fields.date == "2026-10-09"
    finally:
        db.close()


def test_the_closing_is_told_only_when_it_came_before_the_documents_date(ws: Any) -> None:
    """The September report dated 10-09 said 本月调度已于2026年12月1日关闭 (a closing two months
    after the document's own date, measured on the realistic year closed today)."""
    month_id = ws.db.scalar("SELECT id FROM dispatch_month WHERE month = '2026-09'")
    ws.apply("关闭时间", lambda w: w.update("dispatch_month", month_id, {"closed_at": "2026-10-05T09:30:00"}))
    before = ReportRequest("monthly", 2026, month=9, today=date(2026, 10, 4))
    after = ReportRequest("monthly", 2026, month=9, today=date(2026, 10, 9))
    assert "本月调度已于2026年10月5日关闭。" in text(ws, after, "summary")
    assert "关闭" not in text(ws, before, "summary")
