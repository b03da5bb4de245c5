"""The services of the plan, the year and the month raise message ids, not Chinese sentences:
their errors and generated labels read in English in the English UI (and with --lang en)."""
from __future__ import annotations

import ast
import importlib
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bizenv_desktop.core import messages
from bizenv_desktop.core.errors import BizenvError

PACKAGE = Path(__file__).resolve().parents[2] / "bizenv_desktop"
CONVERTED = ("services/plan_edit.py", "services/divisions.py", "services/liaisons.py", "services/years.py",
             "services/calendar.py", "services/deadlines.py", "services/dispatch.py",
             "services/self_evaluation.py", "services/events.py", "services/plan_read.py", "services/audit.py",
             "core/dispatch.py")
ERRORS = {"BizenvError", "InvalidInput", "NotFound", "UndoConflict", "DatabaseBusy"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def raises(path: Path) -> list[tuple[int, ast.expr | None]]:
    """(line, first argument) of every `raise SomeBizenvError(...)` in the file."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in ERRORS:
                out.append((node.lineno, node.exc.args[0] if node.exc.args else None))
    return out


@pytest.mark.parametrize("module", CONVERTED)
def test_every_error_is_raised_with_a_registered_message_id(module: str) -> None:
    importlib.import_module("bizenv_desktop." + module[:-3].replace("/", "."))
    found = raises(PACKAGE / module)
    assert found, f"{module} raises nothing?"
    wrong = [f"{module}:{line}" for line, arg in found
             if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str) and messages.is_message_id(arg.value))]
    assert not wrong, "raised with a finished sentence instead of a message id:\n" + "\n".join(wrong)


def english(exc: BizenvError) -> str:
    text = exc.text("en")
    assert not CJK.search(re.sub(r"“[^”]*”", "", text)), text
    return text


def test_errors_of_the_month_and_the_plan_read_in_english(workspace: Any) -> None:
    from bizenv_desktop.services import dispatch, plan_edit, self_evaluation

    workspace.apply("start", lambda w: dispatch.start_month(w, "2026-11"))
    with pytest.raises(BizenvError) as err:
        workspace.apply("again", lambda w: dispatch.start_month(w, "2026-11"))
    assert english(err.value) == "The dispatch of 2026-11 has already been started."
    assert str(err.value) == "2026-11 的月调度已经开始。"  # Chinese, the UI's default
    with pytest.raises(BizenvError) as err:
        workspace.apply("month", lambda w: dispatch.start_month(w, "2026-13"))
    assert "write it as YYYY-MM" in english(err.value)
    row = dispatch.load_month(workspace.db, "2026-11").rows[0]
    with pytest.raises(BizenvError) as err:
        workspace.apply("status", lambda w: dispatch.update_row(w, row.id, status="完工"))
    assert english(err.value) == ("Status “完工” is not valid; use one of: Not started, In progress, Completed, "
                                  "Behind, N/A.")
    with pytest.raises(BizenvError) as err:
        workspace.apply("date", lambda w: plan_edit.check_date("2026-02-30", "field.deadline"))
    assert english(err.value).startswith("Deadline “2026-02-30” is not a valid date")
    assert str(err.value).startswith("完成时限“2026-02-30”不是有效日期")
    with pytest.raises(BizenvError) as err:
        self_evaluation.load_evaluations(workspace.db, 2026, ["2025Q2"])
    assert english(err.value) == "Evaluation periods 2025Q2 are not of the year 2026."
    assert self_evaluation.period_phrase("2026Q2").text("en") == "Q2 2026"
    assert self_evaluation.period_phrase("2026Q2").text("zh") == "2026 年第二季度"


def test_generated_deadline_titles_follow_the_language(workspace: Any) -> None:
    from bizenv_desktop.services import deadlines

    messages.set_language("en")
    try:
        items = deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 10, 31))
    finally:
        messages.set_language("zh")
    titles = [d.title for d in items]
    assert "Monthly dispatch 2026-10" in titles
    assert any(t.startswith("Report to the provincial soft-environment office on the key tasks of Q3 2026")
               for t in titles), titles
    assert not [t for t in titles if CJK.search(t)]
    chinese = [d.title for d in deadlines.list_deadlines(workspace.db, date(2026, 10, 1), date(2026, 10, 31))]
    assert "2026-10 月调度" in chinese
    assert "向省软环境办报送2026年第三季度重点工作任务推进落实情况" in chinese
