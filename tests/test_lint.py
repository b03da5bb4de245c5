"""The lint step (.ci/lint.py) on small trees of its own: it catches an undefined name (the
class of bug behind the old Ctrl+O crash), fails on a new mypy error in ui/ however many old
ones the baseline holds, never baselines core/storage/services, and keeps old errors old when
lines move."""
from __future__ import annotations

import importlib.util
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load_lint() -> Any:
    spec = importlib.util.spec_from_file_location("ci_lint", ROOT / ".ci" / "lint.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["ci_lint"] = module
    spec.loader.exec_module(module)
    return module


lint = load_lint()

CLEAN_UI = '''from __future__ import annotations


def title(name: str) -> str:
    return name.strip()
'''


def tree(tmp_path: Path, files: dict[str, str]) -> Path:
    """A project root with the real pyproject.toml (the same ruff and mypy settings)."""
    root = tmp_path / "proj"
    for rel in ("bizenv_desktop/__init__.py", "bizenv_desktop/ui/__init__.py",
                "bizenv_desktop/services/__init__.py", *files):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files.get(rel, ""), encoding="utf-8")
    (root / ".ci").mkdir(exist_ok=True)
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def run(root: Path, capfd: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = lint.main(["--root", str(root), *args])
    out, err = capfd.readouterr()
    return code, out + err


def test_an_undefined_name_fails_the_lint(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # the shape of the old bug: a function imported once at the top, the import later moved away
    bad = '''from __future__ import annotations


def open_database(path: str) -> object:
    return open_workspace(path)
'''
    root = tree(tmp_path, {"bizenv_desktop/ui/window.py": bad})
    code, out = run(root, capfd)
    assert code == 1
    assert "F821" in out and "open_workspace" in out
    assert "bizenv_desktop/ui/window.py:5" in out


def test_a_new_mypy_error_in_ui_fails_whatever_the_baseline_holds(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    old = CLEAN_UI + '''

def old_error() -> int:
    return "not a number"
'''
    root = tree(tmp_path, {"bizenv_desktop/ui/view.py": old})
    assert run(root, capfd)[0] == 1  # no baseline yet: the old error is new
    code, out = run(root, capfd, "--update-baseline")
    assert code == 0
    baseline = (root / ".ci/mypy-ui-baseline.txt").read_text(encoding="utf-8")
    assert "bizenv_desktop/ui/view.py: [return-value]" in baseline and ":4" not in baseline

    # lines added above the old error: still the old error, no line numbers in the baseline
    (root / "bizenv_desktop/ui/view.py").write_text("# a new comment\n\n" + old, encoding="utf-8")
    assert run(root, capfd)[0] == 0

    # a second error of the same text in the same file is new: counted, not just matched
    (root / "bizenv_desktop/ui/view.py").write_text(old + '''

def new_error() -> int:
    return "not a number either"
''', encoding="utf-8")
    code, out = run(root, capfd)
    assert code == 1 and "view.py:13" in out and "found 1 new error" in out

    # fixing old errors never fails; the run says the baseline can shrink
    (root / "bizenv_desktop/ui/view.py").write_text(CLEAN_UI, encoding="utf-8")
    code, out = run(root, capfd)
    assert code == 0 and "1 error(s) of the baseline are fixed" in out


def test_services_errors_are_never_baselined(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    bad = '''from __future__ import annotations


def total(rows: list[int]) -> str:
    return sum(rows)
'''
    root = tree(tmp_path, {"bizenv_desktop/services/sums.py": bad})
    code, _out = run(root, capfd, "--update-baseline")
    assert code == 1
    assert "services" not in (root / ".ci/mypy-ui-baseline.txt").read_text(encoding="utf-8")
    # even written into the baseline by hand, it still fails
    key = "bizenv_desktop/services/sums.py: [return-value] Incompatible return value"
    with (root / ".ci/mypy-ui-baseline.txt").open("a", encoding="utf-8") as f:
        f.write(key + "\n")
    assert run(root, capfd)[0] == 1


def test_compare_counts_and_ignores_line_numbers() -> None:
    key = lint.finding_key("bizenv_desktop\\ui\\a.py", "no-redef", 'Name "x" already defined on line 12')
    assert key == 'bizenv_desktop/ui/a.py: [no-redef] Name "x" already defined on line N'
    base = Counter({key: 1})
    assert lint.compare([(key, "a.py:40")], base) == ([], 0)
    assert lint.compare([(key, "a.py:40"), (key, "a.py:50")], base) == (["a.py:50"], 0)
    assert lint.compare([], base) == ([], 1)


def test_the_project_itself_is_clean(capfd: pytest.CaptureFixture[str]) -> None:
    """What .ci/run and the landing script run (fast: incremental mypy, ruff's cache)."""
    code, out = run(ROOT, capfd)
    assert code == 0, out
