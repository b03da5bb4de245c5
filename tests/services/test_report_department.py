"""Nothing of one department in the reports' code: another department's database (辽宁省商务厅,
its superior office 辽宁省营商环境建设局) gets its own names in every kind, in the PDF and the
.docx (services/department.py keeps the names)."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document as WordDocument

import report_fixture as fx
from bizenv_desktop.services.department import get_department, set_department, set_superior
from bizenv_desktop.services.pdf.reports import ReportRequest, build_report
from bizenv_desktop.services.startup import open_workspace
from reading import flat, info, text_of

TODAY = date(2026, 10, 9)
KINDS = {"assignment": {}, "plan": {}, "monthly": {"month": 11}, "provincial": {"quarter": 3},
         "leadership": {"quarter": 3}, "selfeval": {"quarter": 3}}
# what the code once wrote for every department (the built-in plan's own text may still cite its
# province's scheme, and the fixture's events their outlets (省软环境办简报): the data's words)
JILIN = ("吉林省科学技术厅", "省软环境建设办公室", "办理省软环境办", "报省软环境办")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("department")
    path = folder / "sample.sqlite3"
    ws = open_workspace(path, first_year=fx.YEAR)
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


def test_the_department_names_its_leaders_office(ws: Any) -> None:
    d = get_department(ws.db)
    assert (d.superior.name, d.superior.short, d.office) == ("省软环境建设办公室", "省软环境办", "厅")
    ws.apply("单位", lambda w: set_department(w, "长春市商务局"))
    assert get_department(ws.db).office == "局"
    ws.apply("单位", lambda w: set_department(w, "某某研究中心", "我中心"))
    assert get_department(ws.db).office == "中心"


def test_another_departments_reports_name_it(ws: Any, tmp_path: Path) -> None:
    def setup(w: Any) -> None:
        set_department(w, "辽宁省商务厅")
        set_superior(w, "辽宁省营商环境建设局", "省营商局")
    ws.apply("单位", setup)
    texts: dict[str, str] = {}
    for kind, fields in KINDS.items():
        request = ReportRequest(kind, fx.YEAR, today=TODAY, **fields)
        pdf, docx = tmp_path / f"{kind}.pdf", tmp_path / f"{kind}.docx"
        build_report(ws.db, request, pdf)
        build_report(ws.db, request, docx)
        words = flat(text_of(pdf))
        word = flat("".join(p.text for p in WordDocument(str(docx)).paragraphs))
        assert "辽宁省商务厅2026年10月9日" in words and "辽宁省商务厅" in word, kind  # the signature
        assert info(pdf)["Author"] == "辽宁省商务厅"
        # (the plan's title, text and criteria, which assignment, plan and selfeval print, are the plan's own)
        for old in JILIN if kind not in ("assignment", "plan", "selfeval") else ():
            assert old not in words and old not in word, (kind, old)
        texts[kind] = words
    provincial = texts["provincial"]
    assert provincial.startswith("辽宁省商务厅关于2026年第三季度") and "辽宁省营商环境建设局：" in provincial
    assert "报辽宁省营商环境建设局的要求" in provincial and "及时办理省营商局交办、督办事项" in provincial
    assert "（报省营商局）" in info(tmp_path / "provincial.pdf")["Subject"]
    assert info(tmp_path / "leadership.pdf")["Subject"] == "季度工作情况（向厅主要领导汇报）"
    assert "我厅" in texts["leadership"]


def test_a_bureaus_leaders_are_the_bureaus(ws: Any, tmp_path: Path) -> None:
    ws.apply("单位", lambda w: set_department(w, "长春市商务局"))
    build_report(ws.db, ReportRequest("leadership", fx.YEAR, quarter=3, today=TODAY), tmp_path / "l.pdf")
    assert info(tmp_path / "l.pdf")["Subject"] == "季度工作情况（向局主要领导汇报）"
    assert "我局" in flat(text_of(tmp_path / "l.pdf"))
