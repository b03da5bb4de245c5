"""Evidence attached to an indicator directly, and the year's package with supervised-item,
publication, ranking, work-plan and 督查 evidence in folders that say what each supports."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

from bizenv_desktop.services import evidence, inspections, publications, rankings, supervision, work_plans


def make(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def test_the_package_holds_every_kind_in_folders_that_say_what_it_supports(workspace: Any, ind: Any, div: Any,
                                                                             tmp_path: Path) -> None:
    src = tmp_path / "in"
    ids: dict[str, int] = {}

    def act(w: Any) -> None:
        p = workspace.path
        evidence.attach(w, p, make(src, "实施方案公开截图.png", b"shot"), "indicator", ind("(1)"))
        ids["rank"] = rankings.set_ranking(w, ind("(7)"), 3, 40)
        evidence.attach(w, p, make(src, "国评通报.pdf", b"rank"), "ranking", ids["rank"])
        ids["item"] = supervision.add_item(w, "按要求报送营商环境整改情况", no="DB-2026-007", received_on="2026-04-01",
                                           indicators=[ind("(17)")])
        evidence.attach(w, p, make(src, "整改报告.docx", b"report"), "supervision_item", ids["item"])
        ids["loose"] = supervision.add_item(w, "未关联指标的事项", no="DB-2026-008", received_on="2026-05-01")
        evidence.attach(w, p, make(src, "回函.pdf", b"reply"), "supervision_item", ids["loose"])
        ids["old"] = supervision.add_item(w, "上年事项", no="DB-2025-001", received_on="2025-05-01")
        evidence.attach(w, p, make(src, "旧.pdf", b"old"), "supervision_item", ids["old"])
        ids["pub"] = publications.add_publication(w, "2026年营商环境建设实施方案", "2026-02-10", kind="plan",
                                                  indicator_id=ind("(1)"))
        evidence.attach(w, p, make(src, "网页截图.png", b"web"), "publication", ids["pub"])
        ids["wp"] = work_plans.receive(w, 2026, div("规划处"), "2026-03-20",
                                       file=make(src, "规划处工作方案.docx", b"plan"))
        ids["insp"] = inspections.add_inspection(w, "2026-03-28", "一季度督查")
        evidence.attach(w, p, make(src, "督查通报.pdf", b"bulletin"), "inspection", ids["insp"])
    workspace.apply("佐证", act)
    out = tmp_path / "佐证材料2026.zip"
    summary = evidence.export_package(workspace.db, workspace.path, 2026, out)
    assert summary.problems == [] and summary.files == 7
    f1 = "(1) 制定年度营商环境建设实施计划，并在部门网站公开"
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        assert zf.read(f"{f1}/实施方案公开截图.png") == b"shot"
        assert zf.read(f"{f1}/公开发布 2026-02-10 2026年营商环境建设实施方案/网页截图.png") == b"web"
        assert zf.read("(7) 完成国标任务/排名/国评通报.pdf") == b"rank"
        assert zf.read("(17) 落实交办、督办事项/督办事项 DB-2026-007/整改报告.docx") == b"report"
        assert zf.read("督办事项（未关联指标）/督办事项 DB-2026-008/回函.pdf") == b"reply"
        assert zf.read("各处室工作方案/规划处/规划处工作方案.docx") == b"plan"
        assert zf.read("督查/2026-03-28 一季度督查/督查通报.pdf") == b"bulletin"
        assert not any("旧.pdf" in n for n in names)
        index = list(csv.DictReader(io.StringIO(zf.read("索引.csv").decode("utf-8-sig"))))
    supports = {r["文件名"]: r["支撑内容"] for r in index}
    assert supports["整改报告.docx"] == "督办事项 DB-2026-007：按要求报送营商环境整改情况"
    assert supports["网页截图.png"] == "公开发布：2026-02-10 2026年营商环境建设实施方案"
    assert supports["实施方案公开截图.png"] == "指标佐证"
    assert supports["规划处工作方案.docx"] == "规划处 2026 年度工作方案"
    assert supports["国评通报.pdf"] == "排名：长春市 第 3 名 / 共 40"
