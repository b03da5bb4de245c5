"""The built-in plan's own source text, in every layout it may arrive in, reads back as exactly
the built-in plan (data/builtin_plan.json as services/builtin_plan.py loads it), field by field."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.services.builtin_plan import builtin_plan
from bizenv_desktop.services.plan_doc import read_plan_document, read_plan_text
from bizenv_desktop.services.plan_doc.kinds import infer

from .fixtures import SEED, as_pdf_text, plan_docx, seed_paragraphs, seed_text


def assert_same_plan(got: dict[str, Any], want: dict[str, Any]) -> None:
    """Every field, with the first difference named (a bare == on two big dicts says little)."""
    assert set(got) == set(want)
    for key in ("title", "office", "preamble", "sections", "divisions", "groups"):
        assert got[key] == want[key], key
    assert len(got["dimensions"]) == len(want["dimensions"])
    for d_got, d_want in zip(got["dimensions"], want["dimensions"]):
        assert (d_got["code"], d_got["name"]) == (d_want["code"], d_want["name"])
        assert [(f["code"], f["name"]) for f in d_got["indicators"]] == \
            [(f["code"], f["name"]) for f in d_want["indicators"]]
        for f_got, f_want in zip(d_got["indicators"], d_want["indicators"]):
            assert len(f_got["children"]) == len(f_want["children"]), f_want["name"]
            for s_got, s_want in zip(f_got["children"], f_want["children"]):
                assert s_got == s_want, s_want["code"]
    assert got == want


def test_the_seed_text_reads_as_the_builtin_plan() -> None:
    plan = read_plan_document(SEED)
    assert_same_plan(plan.to_builtin_dict(), builtin_plan())
    assert (len(plan.dimensions), len(plan.first_level()), len(plan.second_level())) == (2, 6, 23)
    assert plan.stopped is None and plan.year is None and not plan.pdf_text
    assert [str(n) for n in plan.notes] == []


def test_kinds_and_targets_are_read_from_the_text_alone() -> None:
    """Without the built-in plan as a reference, the standards still give every kind, event
    type and target (op, value, unit) of the 23 indicators; metrics are worded from the text."""
    for dim in builtin_plan()["dimensions"]:
        for first in dim["indicators"]:
            for s in first["children"]:
                kind, target, event = infer(s["name"], s["criteria"])
                assert (kind, event) == (s["kind"], s.get("event_type", "")), s["code"]
                want = s.get("target")
                if want is None:
                    assert target is None, s["code"]
                else:
                    assert target is not None and (target.op, target.value, target.unit) == \
                        (want["op"], want["value"], want["unit"]), s["code"]
                    assert target.metric, s["code"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_the_seed_saved_in_any_common_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "方案.txt"
    path.write_bytes(seed_text().replace("\n", "\r\n").encode(encoding))
    assert_same_plan(read_plan_document(path).to_builtin_dict(), builtin_plan())


def test_the_seed_pasted_into_the_dialog() -> None:
    assert_same_plan(read_plan_text(seed_text()).to_builtin_dict(), builtin_plan())


@pytest.mark.parametrize("layout", [
    {}, {"indent": True}, {"width": 26, "per_page": 18, "dash": "-"}, {"half_width": False, "header": ""}])
def test_the_seed_copied_out_of_a_pdf(layout: dict[str, Any]) -> None:
    """Hard line breaks inside sentences, half-width (1) and 考评内容及标准:, '—3—' page lines and
    the title as a running header on every page after the first."""
    options = {"header": "吉林省科学技术厅营商环境考核评价实施方案", **layout}
    text = as_pdf_text(seed_paragraphs(), **options)
    assert text.count("\n") > len(seed_paragraphs()) + 40  # really broken into printed lines
    plan = read_plan_text(text)
    assert plan.pdf_text
    assert_same_plan(plan.to_builtin_dict(), builtin_plan())


@pytest.mark.parametrize("numbering", ["text", "word", "none"])
def test_the_seed_laid_out_in_word(tmp_path: Path, numbering: str) -> None:
    """Heading styles for sections, dimensions and both indicator levels, a table per
    indicator; numbers typed in, made by Word's own list numbering, or left out."""
    path = plan_docx(tmp_path / "方案.docx", builtin_plan(), numbering)
    assert_same_plan(read_plan_document(path).to_builtin_dict(), builtin_plan())


def test_the_builtin_json_is_what_the_test_compares_with() -> None:
    data = json.loads((Path(__file__).resolve().parents[2] / "bizenv_desktop" / "data" / "builtin_plan.json")
                      .read_text(encoding="utf-8"))
    assert data == builtin_plan() and len(data["dimensions"]) == 2


@pytest.mark.parametrize("layout", [[], ["-layout"]])
def test_the_plan_printed_to_pdf_and_copied_back_out(workspace: Any, tmp_path: Path, layout: list[str]) -> None:
    """A real PDF: the app's own 年度实施方案 (GB/T 9704 layout, — n — page numbers, signature and
    date) read back by pdftotext, then imported: the same plan, its year from the （2026年度）
    subtitle, the sign-off left out. The PDF writes each 责任处室 line from the units, so that
    line is compared by the units it names."""
    import subprocess

    from bizenv_desktop.core.responsibility import parse_responsibility
    from bizenv_desktop.services.pdf.reports import ReportRequest, build_report

    pdf = tmp_path / "方案.pdf"
    build_report(workspace.db, ReportRequest("plan", 2026), pdf)
    text = subprocess.run(["pdftotext", *layout, str(pdf), "-"], capture_output=True, text=True, encoding="utf-8",
                          check=True, timeout=60).stdout
    assert "— 2 —" in text and "（2026年度）" in text
    plan = read_plan_text(text)
    assert plan.pdf_text and plan.year == 2026 and plan.stopped is None
    got, want = plan.to_builtin_dict(), copy.deepcopy(builtin_plan())  # the cached dict is not ours to change

    def units(d: dict[str, Any]) -> list[list[tuple[str, str, bool]]]:
        return [[(u.name, u.role, u.is_group) for u in parse_responsibility(s["responsibility"])]
                for dim in d["dimensions"] for f in dim["indicators"] for s in f["children"]]
    assert units(got) == units(want)
    for d in (got, want):
        for dim in d["dimensions"]:
            for f in dim["indicators"]:
                for s in f["children"]:
                    s.pop("responsibility")
    assert_same_plan(got, want)
