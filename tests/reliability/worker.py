"""Child process for the reliability tests, and the parent-side helpers that drive it.

As a script (`python tests/reliability/worker.py OP DB [ARGS]`) it does one big
all-or-nothing operation through the app's services, so the parent can SIGKILL it mid-way
and then check what is left. It talks over stdout, one line per step, flushed at once:

    ready            imports done and the database open: the operation starts now
    begin <i>        transaction (or backup) i is about to start
    commit <i> ...   transaction (or backup) i finished
    done             everything finished; the process exits 0 next

Operations (the database is a copy made by the parent):

    import DB N          one Workspace.apply adding N sub-tasks through plan_edit (a large import)
    import-report DB N   the same, printing one JSON line: {"ok": N} or {"error", "bizenv_error", "message"}
    collect DB MARK      one apply writing MARK into every open dispatch row (a forms collection)
    evidence DB FOLDER   one apply attaching every file of FOLDER to its own open dispatch row
    backup DB N          N backups in a row through services.backup.make_backup
    hold DB [--read-only-ok] [--at T] [--in-transaction]
                         open a Workspace (at time T), say "ready writer" / "ready read-only" /
                         "busy <message>", then wait for stdin to close (optionally inside an
                         open write transaction)
    backup-report DB [TARGET]
                         make_backup(db, "manual", TARGET) and print one JSON line saying what
                         happened: {"ok": path} or {"error": type, "bizenv_error": bool, "message": ...}

Imported by the tests (`from .worker import ...`) it gives the helpers below: running the
real `bizenv` CLI, starting this script, and the pre-exec hooks for a file-size limit and
for making root obey file permissions.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve()

IMPORT_LABEL = "导入指标（可靠性测试）"
IMPORT_PREFIX = "导入子任务 "
COLLECT_LABEL = "收回调度表（可靠性测试）"
EVIDENCE_LABEL = "添加佐证材料（可靠性测试）"


# -- the child ------------------------------------------------------------------------------

def say(*parts: object) -> None:
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def _open_rows(db) -> list[int]:
    return [r[0] for r in db.query(
        "SELECT r.id FROM dispatch_row r JOIN dispatch_month m ON m.month = r.month"
        " WHERE m.closed_at IS NULL ORDER BY r.id")]


def op_import(db_path: str, n: str) -> None:
    from bizenv_desktop.services import plan_edit
    from bizenv_desktop.services.workspace import Workspace

    ws = Workspace.open(db_path)
    indicators = [r[0] for r in ws.db.query("SELECT id FROM indicator WHERE level = 2 ORDER BY id")]
    say("ready")
    say("begin", 1)
    ws.apply(IMPORT_LABEL, lambda w: [
        plan_edit.add_subtask(w, indicators[i % len(indicators)], f"{IMPORT_PREFIX}{i:05d}",
                              person="王明", deadline="2026-12-31", note="批量导入")
        for i in range(int(n))])
    say("commit", 1)
    ws.close()
    say("done")


def op_import_report(db_path: str, n: str) -> None:
    """The import of op_import, reporting (one JSON line) what escaped, as the faces would get it."""
    from bizenv_desktop.core.errors import BizenvError
    from bizenv_desktop.services import plan_edit
    from bizenv_desktop.services.workspace import Workspace

    ws = Workspace.open(db_path)
    indicators = [r[0] for r in ws.db.query("SELECT id FROM indicator WHERE level = 2 ORDER BY id")]
    try:
        ws.apply(IMPORT_LABEL, lambda w: [
            plan_edit.add_subtask(w, indicators[i % len(indicators)], f"{IMPORT_PREFIX}{i:05d}",
                                  person="王明", deadline="2026-12-31", note="批量导入的子任务说明" * 8)
            for i in range(int(n))])
        result: dict = {"ok": int(n)}
    except Exception as exc:
        result = {"error": type(exc).__name__, "bizenv_error": isinstance(exc, BizenvError), "message": str(exc)}
    finally:
        ws.close()
    say(json.dumps(result, ensure_ascii=False))


def op_collect(db_path: str, mark: str) -> None:
    from bizenv_desktop.services import dispatch
    from bizenv_desktop.services.workspace import Workspace

    ws = Workspace.open(db_path)
    rows = _open_rows(ws.db)
    say("ready")
    say("begin", 1)
    ws.apply(COLLECT_LABEL, lambda w: [
        dispatch.update_row(w, row_id, status="推进中", progress=mark, problems="无",
                            next_steps="按计划推进", person="李娜") for row_id in rows])
    say("commit", 1, len(rows))
    ws.close()
    say("done")


def op_evidence(db_path: str, folder: str) -> None:
    from bizenv_desktop.services import evidence
    from bizenv_desktop.services.workspace import Workspace

    ws = Workspace.open(db_path)
    files = sorted(p for p in Path(folder).iterdir() if p.is_file())
    rows = _open_rows(ws.db)[:len(files)]
    say("ready")
    say("begin", 1)
    ws.apply(EVIDENCE_LABEL, lambda w: [
        evidence.attach(w, ws.path, file, "dispatch_row", row_id) for file, row_id in zip(files, rows)])
    say("commit", 1, len(files))
    ws.close()
    say("done")


def op_backup(db_path: str, n: str) -> None:
    from bizenv_desktop.services.backup import make_backup
    from bizenv_desktop.services.workspace import Workspace

    ws = Workspace.open(db_path)
    say("ready")
    for i in range(1, int(n) + 1):
        say("begin", i)
        path = make_backup(ws.db, "manual")
        say("commit", i, path)
    ws.close()
    say("done")


def op_hold(db_path: str, *flags: str) -> None:
    from bizenv_desktop.core.errors import DatabaseBusy
    from bizenv_desktop.services.workspace import Workspace

    args = list(flags)
    if "--at" in args:
        at = float(args[args.index("--at") + 1])
        while time.time() < at:
            time.sleep(0.001)
    try:
        ws = Workspace.open(db_path, read_only_ok="--read-only-ok" in args)
    except DatabaseBusy as exc:
        say("busy", str(exc).replace("\n", " "))
        sys.exit(3)
    if "--in-transaction" in args and not ws.read_only:
        ws.db.execute("BEGIN IMMEDIATE")
        ws.db.execute("INSERT INTO setting (key, value) VALUES ('reliability.uncommitted', '\"x\"')")
    say("ready", "read-only" if ws.read_only else "writer")
    sys.stdin.read()  # until the parent closes our stdin (or kills us)
    if ws.db.conn.in_transaction:
        ws.db.execute("ROLLBACK")
    ws.close()
    say("closed")


def op_backup_report(db_path: str, target: str | None = None) -> None:
    from bizenv_desktop.core.errors import BizenvError
    from bizenv_desktop.services.backup import make_backup
    from bizenv_desktop.services.workspace import Workspace

    ws = Workspace.open(db_path)
    try:
        result = {"ok": str(make_backup(ws.db, "manual", target))}
    except Exception as exc:  # report whatever escapes: that is what the faces would get
        result = {"error": type(exc).__name__, "bizenv_error": isinstance(exc, BizenvError), "message": str(exc)}
    finally:
        ws.close()
    say(json.dumps(result, ensure_ascii=False))


OPERATIONS = {"import": op_import, "import-report": op_import_report, "collect": op_collect, "evidence": op_evidence, "backup": op_backup,
              "hold": op_hold, "backup-report": op_backup_report}


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in OPERATIONS:
        sys.exit(f"usage: worker.py {{{','.join(OPERATIONS)}}} DB [ARGS]")
    OPERATIONS[argv[0]](*argv[1:])


# -- the parent side ------------------------------------------------------------------------

def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONFAULTHANDLER", None)
    return env


def bizenv_argv(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "bizenv_desktop", "--db", str(db), *args]


def bizenv(db: Path, *args: str, preexec_fn=None, timeout: float = 120, env: dict | None = None):
    """Run the real `bizenv` command line on db; returns the CompletedProcess (text, UTF-8).
    env: variables to set besides child_env()'s."""
    import subprocess

    return subprocess.run(bizenv_argv(db, *args), capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env={**child_env(), **(env or {})}, cwd=ROOT, timeout=timeout,
                          preexec_fn=preexec_fn)


def start_worker(op: str, *args: object, stdin: bool = False, preexec_fn=None, prefix: tuple[str, ...] = (),
                 env: dict | None = None):
    """Start this script as a real child process; its stdout is a pipe of step lines. prefix: a
    command to run it under (e.g. faketime); env: variables to set besides child_env()'s."""
    import subprocess

    return subprocess.Popen([*prefix, sys.executable, str(WORKER), op, *map(str, args)], cwd=ROOT,
                            env={**child_env(), **(env or {})},
                            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace",
                            preexec_fn=preexec_fn)


def run_worker(op: str, *args: object, preexec_fn=None, timeout: float = 120):
    import subprocess

    return subprocess.run([sys.executable, str(WORKER), op, *map(str, args)], cwd=ROOT, env=child_env(),
                           capture_output=True, text=True, encoding="utf-8", errors="replace",
                           timeout=timeout, preexec_fn=preexec_fn)


def file_size_limit(limit: int):
    """A pre-exec hook: the child may not write at or beyond `limit` bytes of any file (a full
    disk as far as it can tell); SIGXFSZ ignored, so writes fail with EFBIG instead of killing it."""
    def hook() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return hook


def obey_permissions() -> None:
    """A pre-exec hook: as root, drop CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding
    set so the exec'd child is held to file permissions (a 0o555 folder is read-only to it).
    Not root: nothing to do."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop = 24
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


if __name__ == "__main__":
    main(sys.argv[1:])
