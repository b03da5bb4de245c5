"""Crash safety: a real process doing a big operation is killed with SIGKILL at random moments.

For each kind of operation the test first times one full run on its own copy of the
template database, then runs it again and again on fresh copies, killing it after a random
delay (seeded) spread over the whole operation. After every kill, in the parent:

- the writer lock is free again (the OS released it with the dead process);
- `bizenv --db X check` exits 0 and prints ok (the killed transaction left no damage);
- the operation happened fully or not at all: the rows it adds or changes are all there or
  none are, and an operation the child reported as committed is there (durability);
- backup folders hold only complete, valid backups under *.zip names (restore's own
  verification passes; leftovers named .*.part are allowed) and the next backup works;
- the app opens the file again (open_database).

Reproduce a run: BIZENV_KILL_SEED=<seed> pytest tests/reliability/test_kill.py; more kills:
BIZENV_KILL_SCALE=5. A failure message names the operation, kill number, delay and seed.

To add an operation (e.g. `bizenv import supervision` once it exists): write a `start`
function returning the Popen, a `verify` function that asserts the all-or-nothing rule on the
killed copy and returns "before", "after" or "partial", and add an Operation to OPERATIONS.
"""
from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bizenv_desktop.services.backup_archive import BackupFile
from bizenv_desktop.services.restore import verify as verify_backup
from bizenv_desktop.storage.database import APPLICATION_ID, CURRENT_VERSION, open_database
from bizenv_desktop.storage.lock import WriterLock

from .conftest import FORMS_MARK, FORMS_MONTH, Template
from .worker import (COLLECT_LABEL, EVIDENCE_LABEL, IMPORT_LABEL, IMPORT_PREFIX, ROOT, bizenv,
                     bizenv_argv, child_env, start_worker)

pytestmark = pytest.mark.reliability

SEED = int(os.environ.get("BIZENV_KILL_SEED", "20261126"))
SCALE = float(os.environ.get("BIZENV_KILL_SCALE", "1"))
IMPORT_ROWS = 4000
BACKUPS_IN_A_ROW = 8
COLLECT_MARK = "已收回（可靠性测试，第 1 轮）"
FIXTURE_V1 = ROOT / "tests" / "fixtures" / "schema_v1.sqlite3"
TEMP_NAME = re.compile(r"^\.bizenv-[a-z]+-\d+-")  # storage/files.temp_file: swept by the next run


# -- reading the killed copy ------------------------------------------------------------------

def _ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _scalar(path: Path, sql: str, params: tuple = ()) -> int:
    conn = _ro(path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def _phase(lines: list[str]) -> str:
    """Where the child was when it died, from what it had said."""
    words = [line.split()[0] for line in lines if line.strip()]
    if "done" in words:
        return "finished"
    if "begin" in words and words[-1] == "begin":
        return "during"
    return "between" if "commit" in words else "before"


def _audit(path: Path, label: str) -> int:
    return _scalar(path, "SELECT count(*) FROM audit WHERE action LIKE ? || ' [%'", (label,))


def _valid_backup(path: Path, template: Template) -> None:
    """A complete backup: it passes restore's own verification (manifest hashes, evidence, a
    sound database of ours), and the database inside is one self-contained file holding
    the whole database."""
    assert not verify_backup(path), f"{path.name}: {verify_backup(path)}"
    backup = BackupFile.open(path)
    assert backup.is_archive, f"{path.name} is not a backup archive"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db.sqlite3"
        backup.extract_database(db)
        header = db.read_bytes()[:100]
        assert header.startswith(b"SQLite format 3\x00"), f"{path.name} holds no database"
        assert header[18] == header[19] == 1, f"{path.name}: not a self-contained rollback-journal file"
        conn = _ro(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", path.name
            assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
            assert conn.execute("PRAGMA user_version").fetchone()[0] == CURRENT_VERSION
            for table in ("subtask", "dispatch_row", "audit", "indicator"):
                assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == template.counts[table], \
                    f"{path.name}: {table} incomplete"
        finally:
            conn.close()


def _backup_folder(db: Path, template: Template, lines: list[str]) -> tuple[int, int]:
    """Check every file of the rotating backup folder; returns (complete backups, leftovers)."""
    folder = db.parent / f"{db.stem}-backups"
    complete = leftovers = 0
    if folder.is_dir():
        for file in sorted(folder.iterdir()):
            if file.name.startswith("."):
                assert TEMP_NAME.match(file.name), f"unexpected hidden file {file.name}"
                leftovers += 1
            elif file.is_dir():
                assert file.name == "evidence", file
            else:
                assert file.suffix == ".zip", f"unexpected file in the backup folder: {file.name}"
                _valid_backup(file, template)
                complete += 1
    for line in lines:  # every backup the child finished is there
        if line.startswith("commit "):
            reported = Path(line.split(" ", 2)[2])
            assert reported.is_file(), f"the child reported {reported} done, but it is not there"
    return complete, leftovers


def _next_backup_works(db: Path, template: Template) -> None:
    """The next backup works with any leftover still there, and sweeps the dead run's leftovers."""
    proc = bizenv(db, "backup")
    assert proc.returncode == 0, proc.stderr
    made = Path(proc.stdout.strip().split("已备份到 ", 1)[1])
    _valid_backup(made, template)
    left = [p.name for p in made.parent.iterdir() if p.name.startswith(".")]
    assert not left, f"the next backup left the killed run's temporary files: {left}"


# -- the operations ---------------------------------------------------------------------------

@dataclass
class Operation:
    name: str
    kills: int
    start: Callable[[Path, Template], subprocess.Popen]
    verify: Callable[[Path, Template, list[str], dict], str]
    says_ready: bool = True  # a worker says "ready" when the operation starts; a CLI says nothing,
    ready_when: Callable[[Path], bool] | None = None  # so the parent watches for a sign of it on disk
    needs: Callable[[Template], str | None] = lambda t: None  # why it cannot run, or None
    baseline: dict = field(default_factory=dict)
    exit_code: int = 0  # what a run that is not killed ends with (2: an operation on a full disk)
    state_after_full_run: str = "after"


def _start_import(db: Path, t: Template) -> subprocess.Popen:
    return start_worker("import", db, IMPORT_ROWS)


def _verify_import(db: Path, t: Template, lines: list[str], base: dict) -> str:
    added = _scalar(db, "SELECT count(*) FROM subtask WHERE name LIKE ?", (IMPORT_PREFIX + "%",))
    audited = _audit(db, IMPORT_LABEL)
    assert added in (0, IMPORT_ROWS), f"{added} of {IMPORT_ROWS} imported sub-tasks are in the file"
    assert audited == (IMPORT_ROWS if added else 0), f"{audited} audit rows for {added} sub-tasks"
    assert _scalar(db, "SELECT count(*) FROM subtask") == t.counts["subtask"] + added
    if "commit" in " ".join(lines):
        assert added == IMPORT_ROWS, "the import was reported committed but is not in the file"
    return "after" if added else "before"


def _start_collect(db: Path, t: Template) -> subprocess.Popen:
    return start_worker("collect", db, COLLECT_MARK)


def _verify_collect(db: Path, t: Template, lines: list[str], base: dict) -> str:
    total = _scalar(db, "SELECT count(*) FROM dispatch_row")
    marked = _scalar(db, "SELECT count(*) FROM dispatch_row WHERE progress = ?", (COLLECT_MARK,))
    audited = _audit(db, COLLECT_LABEL)
    assert total == t.counts["dispatch_row"]
    assert marked in (0, total), f"{marked} of {total} rows carry the collected progress"
    if "audit" in base:
        assert audited == (base["audit"] if marked else 0), f"{audited} audit rows, expected 0 or {base['audit']}"
    else:
        base["audit"] = audited
    if "commit" in " ".join(lines):
        assert marked == total, "the collection was reported committed but is not in the file"
    return "after" if marked else "before"


def _start_evidence(db: Path, t: Template) -> subprocess.Popen:
    return start_worker("evidence", db, t.evidence_sources)


def _verify_evidence(db: Path, t: Template, lines: list[str], base: dict) -> str:
    files = len(list(t.evidence_sources.iterdir()))
    rows = _scalar(db, "SELECT count(*) FROM evidence")
    links = _scalar(db, "SELECT count(*) FROM evidence_link")
    assert rows in (0, files) and links == rows, f"{rows} evidence rows and {links} links of {files}"
    assert _audit(db, EVIDENCE_LABEL) == rows + links, "the audit trail does not match what was attached"
    # the store may hold files with no row (copied before the kill) and .incoming-* temp files;
    # every row's file is there and intact: `bizenv check` (already run) verifies the hashes.
    if "commit" in " ".join(lines):
        assert rows == files, "the attachment was reported committed but is not in the file"
    return "after" if rows else "before"


def _start_backup(db: Path, t: Template) -> subprocess.Popen:
    return start_worker("backup", db, BACKUPS_IN_A_ROW)


def _verify_backups(expected: int) -> Callable[[Path, Template, list[str], dict], str]:
    def verify(db: Path, t: Template, lines: list[str], base: dict) -> str:
        assert _scalar(db, "SELECT count(*) FROM dispatch_row") == t.counts["dispatch_row"]
        complete, leftovers = _backup_folder(db, t, lines)
        base["leftovers"] = base.get("leftovers", 0) + leftovers
        _next_backup_works(db, t)  # with any leftover still there
        return "before" if complete == 0 else "after" if complete == expected else "partial"
    return verify


def _start_cli(db: Path, *args: str, preexec_fn=None) -> subprocess.Popen:
    """The real `bizenv` command on db. Its output goes to files beside the database: a pipe
    nobody reads while the parent waits would fill up and stall a talkative command."""
    with open(db.parent / "cli-stdout.txt", "wb") as out, open(db.parent / "cli-stderr.txt", "wb") as err:
        return subprocess.Popen(bizenv_argv(db, *args), cwd=ROOT, env=child_env(), stdout=out, stderr=err,
                                preexec_fn=preexec_fn)


def _cli_output(db: Path) -> str:
    return "".join((db.parent / name).read_text(encoding="utf-8", errors="replace")
                   for name in ("cli-stdout.txt", "cli-stderr.txt") if (db.parent / name).exists())


def _start_backup_cli(db: Path, t: Template) -> subprocess.Popen:
    return _start_cli(db, "backup")


def _start_forms(db: Path, t: Template) -> subprocess.Popen:
    return _start_cli(db, "forms", "collect", "--month", FORMS_MONTH, *map(str, t.forms))


def _verify_forms(db: Path, t: Template, lines: list[str], base: dict) -> str:
    from bizenv_desktop.services import forms
    from bizenv_desktop.storage.database import open_reader

    reader = open_reader(db)
    try:
        returned = {r.division_id for r in forms.returned_divisions(reader, FORMS_MONTH)[0]}
    finally:
        reader.close()
    applied = 0
    for division_id, rows in t.form_rows.items():
        marks = ",".join("?" * len(rows))
        changed = _scalar(db, f"SELECT count(*) FROM dispatch_row WHERE progress = ? AND id IN ({marks})",
                          (FORMS_MARK, *rows))
        if division_id in returned:
            assert changed == len(rows), f"division {division_id}: marked returned, but {changed}/{len(rows)} rows written"
            applied += 1
        else:
            assert changed == 0, f"division {division_id}: {changed}/{len(rows)} rows written, not marked returned"
    return "before" if applied == 0 else "after" if applied == len(t.form_rows) else "partial"


def _forms_missing(t: Template) -> str | None:
    if not (ROOT / "bizenv_desktop" / "commands" / "forms.py").exists():
        return "`bizenv forms collect` does not exist yet"
    if t.forms_error:
        pytest.fail(f"could not make and fill the division forms:\n{t.forms_error}")
    assert t.forms and t.form_rows, "the forms service made no forms"
    return None


IMPORT_YEAR_SQL = {
    "year": "SELECT count(*) FROM plan_year WHERE year = 2027",
    "dimensions": "SELECT count(*) FROM dimension WHERE year = 2027",
    "indicators": "SELECT count(*) FROM indicator i JOIN dimension d ON d.id = i.dimension_id WHERE d.year = 2027",
    "assignments": "SELECT count(*) FROM assignment a JOIN indicator i ON i.id = a.indicator_id"
                   " JOIN dimension d ON d.id = i.dimension_id WHERE d.year = 2027",
    "audit": "SELECT count(*) FROM audit WHERE action LIKE '从 Excel 导入指标%'",
}


def _start_import_cli(db: Path, t: Template) -> subprocess.Popen:
    return _start_cli(db, "import", "indicators", str(t.indicator_table), "--year", "2027")


def _verify_import_cli(db: Path, t: Template, lines: list[str], base: dict) -> str:
    found = {k: _scalar(db, sql) for k, sql in IMPORT_YEAR_SQL.items()}
    if "import" not in base:  # the full run: the whole year is there
        assert all(found.values()), found
        base["import"] = found
    assert found in ({k: 0 for k in found}, base["import"]), f"part of the imported year is there: {found}"
    return "after" if found["indicators"] else "before"


def _import_missing(t: Template) -> str | None:
    if not (ROOT / "bizenv_desktop" / "commands" / "excel_io.py").exists():
        return "`bizenv import indicators` does not exist yet"
    if t.import_error:
        pytest.fail(f"could not export the indicator table to import:\n{t.import_error}")
    assert t.indicator_table and t.indicator_table.is_file(), "no indicator table was exported"
    return None


OPERATIONS = [
    Operation("import", 14, _start_import, _verify_import),
    Operation("collect", 10, _start_collect, _verify_collect),
    Operation("evidence", 9, _start_evidence, _verify_evidence),
    Operation("backup", 9, _start_backup, _verify_backups(BACKUPS_IN_A_ROW)),
    Operation("backup-cli", 9, _start_backup_cli, _verify_backups(1), says_ready=False,
              ready_when=lambda db: (db.parent / f"{db.stem}-backups").exists()),
    Operation("forms-cli", 10, _start_forms, _verify_forms, says_ready=False, needs=_forms_missing,
              ready_when=lambda db: Path(f"{db}-wal").exists()),  # the command has opened the file
    Operation("import-cli", 6, _start_import_cli, _verify_import_cli, says_ready=False, needs=_import_missing,
              ready_when=lambda db: Path(f"{db}-wal").exists()),
]


# -- the harness ------------------------------------------------------------------------------

def _rest(proc: subprocess.Popen) -> tuple[str, str]:
    """What an ended child still had to say (stdout, stderr), read through the same buffered
    pipe objects as before: communicate() would lose lines readline() had already read ahead."""
    said = []
    for pipe in (proc.stdout, proc.stderr):
        said.append(pipe.read() if pipe is not None else "")
        if pipe is not None:
            pipe.close()
    return said[0], said[1]


def _wait_ready(proc: subprocess.Popen, op: Operation, db: Path) -> list[str]:
    if not op.says_ready:
        while op.ready_when and not op.ready_when(db) and proc.poll() is None:
            time.sleep(0.0005)
        return []
    line = proc.stdout.readline()
    if line.strip() != "ready":
        proc.kill()
        proc.wait(timeout=60)
        out, err = _rest(proc)
        pytest.fail(f"{op.name}: the worker did not start: {line}{out}\n{err}")
    return ["ready"]


def _after_kill(db: Path, t: Template, op: Operation, lines: list[str], what: str) -> str:
    lock = WriterLock(db)
    lock.acquire()  # raises DatabaseBusy if the dead child's lock were still held
    lock.release()
    proc = bizenv(db, "check")
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", f"{what}: check said\n{proc.stdout}{proc.stderr}"
    state = op.verify(db, t, lines, op.baseline)
    opened = open_database(db)
    try:
        assert opened.scalar("PRAGMA user_version") == CURRENT_VERSION
    finally:
        opened.close()
    return state


def _calibrate(op: Operation, t: Template, folder: Path) -> float:
    """Run the operation twice in full: the shorter time (a busy machine only slows a run
    down), and the end state of the first passes verify."""
    first = _full_run(op, t, folder / "1", verify=True)
    return min(first, _full_run(op, t, folder / "2", verify=False))


def _full_run(op: Operation, t: Template, folder: Path, verify: bool) -> float:
    db = t.copy_to(folder)
    proc = op.start(db, t)
    lines = _wait_ready(proc, op, db)
    started = time.perf_counter()
    if op.says_ready:  # the operation ends at "done"; the interpreter's exit after it is not timed
        for line in iter(proc.stdout.readline, ""):
            lines.append(line.rstrip("\n"))
            if line.strip() == "done":
                break
    else:
        proc.wait(timeout=120)
    took = time.perf_counter() - started
    proc.wait(timeout=120)
    out, err = _rest(proc)
    lines += out.splitlines()
    assert proc.returncode == op.exit_code, f"{op.name} ended with {proc.returncode}:\n{out}\n{err}{_cli_output(db)}"
    assert not op.says_ready or op.exit_code or lines[-1] == "done", lines
    if verify:
        assert _after_kill(db, t, op, lines, f"{op.name} (full run)") == op.state_after_full_run
    return took


@pytest.mark.parametrize("op", OPERATIONS, ids=[o.name for o in OPERATIONS])
def test_killed_at_random_moments(op: Operation, template: Template, tmp_path: Path) -> None:
    kill_campaign(op, template, tmp_path)


def kill_campaign(op: Operation, template: Template, tmp_path: Path) -> None:
    """Time the operation, then kill it op.kills × SCALE times at random moments, checking
    the file after each kill (tests/reliability/test_kill_safety.py runs it on more operations)."""
    reason = op.needs(template)
    if reason:
        pytest.skip(reason)
    took = _calibrate(op, template, tmp_path / "full")
    rng = random.Random(f"{SEED}:{op.name}")
    kills = max(1, round(op.kills * SCALE))
    phases: Counter[str] = Counter()
    states: Counter[str] = Counter()
    for n in range(kills):
        delay = rng.uniform(0, took * 1.1)
        what = f"{op.name} kill {n + 1}/{kills} after {delay:.3f} s of {took:.3f} s (BIZENV_KILL_SEED={SEED})"
        db = template.copy_to(tmp_path / f"kill-{n:03d}")
        proc = op.start(db, template)
        lines = _wait_ready(proc, op, db)
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=60)
        lines += _rest(proc)[0].splitlines()
        phase = _phase(lines) if op.says_ready else ("finished" if proc.returncode == op.exit_code else "killed")
        phases[phase] += 1
        try:
            states[_after_kill(db, template, op, lines, what)] += 1
        except AssertionError as exc:
            raise AssertionError(f"{what}: {exc}") from exc
    leftovers = f"; .part leftovers {op.baseline['leftovers']}" if "leftovers" in op.baseline else ""
    leftovers += f"; {op.baseline['note']}" if "note" in op.baseline else ""
    print(f"{op.name}: {kills} kills over {took:.2f} s; child was {dict(phases)}; file was {dict(states)}{leftovers}")
    if op.says_ready:  # the delays cover the operation: kills do land inside it
        assert phases["during"] >= min(kills, max(2, kills // 4)), f"too few kills inside the operation: {dict(phases)}"


# -- a kill inside a schema upgrade step ------------------------------------------------------

HALF_UPGRADE = """
import sqlite3, sys, time
from bizenv_desktop.storage import migrations
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size = 1")  # a tiny cache: changed pages reach the file before COMMIT
conn.execute("BEGIN IMMEDIATE")        # what migrations.run does for step 2
migrations.STEPS[2](conn)
conn.execute("PRAGMA user_version = 2")
conn.execute("CREATE TABLE zz_spill (x TEXT)")
for i in range(300):
    conn.execute("INSERT INTO zz_spill VALUES (?)", ("x" * 2000,))
print("ready", flush=True)
time.sleep(120)
"""


@pytest.mark.parametrize("journal", [
    "wal",
    "delete",
])
def test_killed_inside_an_upgrade_step_the_file_still_opens(journal: str, tmp_path: Path) -> None:
    """The step runs in one transaction; a kill half-way (pages already in the file) must leave a
    file that opens, is upgraded completely (with a valid backup of the old version) and keeps its data."""
    if CURRENT_VERSION < 2 or not FIXTURE_V1.exists():
        pytest.skip("needs the v1 fixture and an upgrade step")
    db = tmp_path / "old.sqlite3"
    db.write_bytes(FIXTURE_V1.read_bytes())
    if journal == "wal":
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
    before = _scalar(db, "SELECT count(*) FROM subtask"), _scalar(db, "SELECT count(*) FROM liaison")
    proc = subprocess.Popen([sys.executable, "-c", HALF_UPGRADE, str(db)], cwd=ROOT, env=child_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    proc.stdout.close()
    proc.stderr.close()

    check = bizenv(db, "check")
    assert check.returncode == 0 and check.stdout.strip() == "ok", check.stdout + check.stderr
    opened = open_database(db)
    try:
        assert opened.scalar("PRAGMA user_version") == CURRENT_VERSION
        assert opened.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'zz_spill'") == 0
        assert (opened.scalar("SELECT count(*) FROM subtask"), opened.scalar("SELECT count(*) FROM liaison")) == before
        assert opened.scalar("SELECT count(*) FROM dispatch_month") == 0  # the v2 tables are there
    finally:
        opened.close()
    backups = sorted(tmp_path.glob("*.bak"))
    assert backups, "no backup was made before the upgrade"
    for bak in backups:
        assert bak.stat().st_size > 0, f"empty backup {bak.name}"
        assert _scalar(bak, "PRAGMA user_version") == 1
        assert _scalar(bak, "SELECT count(*) FROM subtask") == before[0]
