"""Shared pieces of the reliability tests: the `reliability` marker and a small template database.

Every test works on its own copy of the template (a plain file copy: the template is
checkpointed, so it is one self-contained file). Run only these tests with
`pytest -m reliability`, or leave them out with `-m "not reliability"`.
"""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
import traceback
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from .worker import obey_permissions

FORMS_MONTH = "2026-06"
FORMS_MARK = "已收回（可靠性测试）"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "reliability: crash, full-disk, read-only, single-writer and upgrade tests that run real "
                   "`bizenv` processes (tests/reliability; about a minute on two cores)")


@dataclass
class Template:
    db: Path
    counts: dict[str, int]
    evidence_sources: Path
    forms: list[Path] = field(default_factory=list)
    form_rows: dict[int, list[int]] = field(default_factory=dict)  # division id -> rows its form changes
    forms_error: str | None = None  # why the forms could not be made (the forms test fails with it)
    indicator_table: Path | None = None  # the 2026 plan exported as an Excel table, to import
    import_error: str | None = None

    def copy_to(self, folder: Path, name: str = "plan.sqlite3") -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        shutil.copyfile(self.db, target)
        return target


def _checkpoint(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for side in ("-wal", "-shm"):
        Path(f"{path}{side}").unlink(missing_ok=True)


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                             " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


def _fill_forms(paths: list[Path]) -> dict[int, list[int]]:
    """Write FORMS_MARK as 本月进展 into every row a division owns, as a division would."""
    from openpyxl import load_workbook

    from bizenv_desktop.services import forms

    filled: dict[int, list[int]] = {}
    for path in paths:
        form = forms.read_form(path)
        wb = load_workbook(path)
        sheet = wb[forms.SHEET]
        rows = filled.setdefault(form.division_id, [])
        for row in form.rows:
            if row.key.startswith("R"):
                sheet.cell(row.excel_row, forms.COL["progress"]).value = FORMS_MARK
                rows.append(int(row.key[1:]))
        wb.save(path)
    return filled


def _indicator_table(scratch: Path, table: Path, export) -> None:
    """An Excel indicator table big enough that importing it is a long transaction: the built-in
    plan plus 400 second-level indicators, each with a lead and a cooperating division."""
    from bizenv_desktop.services import plan_edit
    from bizenv_desktop.services.startup import open_workspace

    ws = open_workspace(scratch, first_year=2026)
    try:
        divisions = [r[0] for r in ws.db.query("SELECT id FROM division WHERE kind = 'division' ORDER BY id")]
        firsts = ws.db.query("SELECT id, dimension_id FROM indicator WHERE level = 1 ORDER BY id")

        def more(w) -> None:
            for i in range(400):
                first = firsts[i % len(firsts)]
                ind = plan_edit.add_indicator(w, first["dimension_id"], first["id"], f"扩展指标 {i:03d}", code=f"(x{i})")
                plan_edit.set_assignments(w, ind, [(divisions[i % len(divisions)], "lead"),
                                                   (divisions[(i + 1) % len(divisions)], "cooperate")])
        ws.apply("扩展指标", more)
        export.export_indicators(ws.db, 2026, table)
    finally:
        ws.close()


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The built-in 2026 plan, 8 sub-tasks per second-level indicator spread over the divisions,
    the dispatch of January to December 2026 started (about 2 200 open rows), returned division
    forms of June and the plan as an Excel indicator table (when those services exist), and 30
    small files to attach as evidence."""
    from bizenv_desktop.services import dispatch, plan_edit
    from bizenv_desktop.services.startup import open_workspace

    folder = tmp_path_factory.mktemp("template")
    path = folder / "plan.sqlite3"
    ws = open_workspace(path, first_year=2026)
    try:
        divisions = [r[0] for r in ws.db.query("SELECT id FROM division WHERE kind = 'division' ORDER BY id")]
        indicators = [r[0] for r in ws.db.query("SELECT id FROM indicator WHERE level = 2 ORDER BY id")]

        def subtasks(w) -> None:
            n = 0
            for ind in indicators:
                for k in range(8):
                    plan_edit.add_subtask(w, ind, f"重点任务 {k + 1}", division_id=divisions[n % len(divisions)],
                                          person="王明", deadline="2026-12-31")
                    n += 1
        ws.apply("子任务", subtasks)
        for mon in range(1, 13):
            ws.apply("开始月调度", lambda w, mon=mon: dispatch.start_month(w, f"2026-{mon:02d}"))
        made: list[Path] = []
        forms_error = None
        try:
            from bizenv_desktop.services import forms
        except ImportError:  # the forms service is not there yet: the forms test skips
            forms = None
        if forms is not None:
            try:  # a broken forms service fails the forms test only, not every reliability test
                made = forms.make_forms(ws.db, FORMS_MONTH, folder / "forms", date(2026, 6, 20))
            except Exception:
                forms_error = traceback.format_exc()
    finally:
        ws.close()
    table, import_error = folder / "指标表.xlsx", None
    try:
        from bizenv_desktop.services.excel import export
    except ImportError:  # no Excel export yet: the import test skips
        table = None
    else:
        try:
            _indicator_table(folder / "table-source.sqlite3", table, export)
        except Exception:
            table, import_error = None, traceback.format_exc()
    _checkpoint(path)
    form_rows: dict[int, list[int]] = {}
    if made:
        try:
            form_rows = _fill_forms(made)
        except Exception:
            forms_error = traceback.format_exc()
    sources = folder / "evidence-sources"
    sources.mkdir()
    for i in range(30):
        (sources / f"佐证材料 {i:02d}.pdf").write_bytes(f"%PDF-1.4 {i}\n".encode() + bytes([i]) * 32768)
    path.chmod(0o444)  # the template itself is never written
    return Template(path, counts(path), sources, made, form_rows, forms_error, table, import_error)


@pytest.fixture(scope="session")
def read_only_works(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("probe") / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        proc = subprocess.run(["/bin/sh", "-c", f"touch '{folder}/x'"], capture_output=True,
                              preexec_fn=obey_permissions)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot hold a child process to file permissions here: {exc}")
    finally:
        folder.chmod(0o755)
    if proc.returncode == 0:
        pytest.skip("a 0o555 folder is writable to the child process here (root with full capabilities)")
