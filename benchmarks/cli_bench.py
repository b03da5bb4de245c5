"""The command line timed as whole processes against a plain script doing the same SQL.

For each command (`bizenv indicators --json`, `bizenv due --json`): the SQL it runs is captured
once (`python -m benchmarks.cli_bench capture DB ARGS…`: the command in-process with a trace
callback on every connection it opens), and written into a plain-Python script that opens the
file with sqlite3, runs exactly those statements and prints their rows as JSON. Then the
command (the installed `bizenv` entry point) and that script run as fresh processes, in turns,
`repeat` times each after a warm-up; the medians of wall time and of CPU time (user + system,
which other work on a shared machine disturbs less) are compared.
"""
from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

COMMANDS = (("indicators --json", ["indicators", "--json"]), ("due --json", ["due", "--json"]))
PLAIN = '''"""Plain Python: the SQL of `bizenv {title}`, its rows printed as JSON."""
import json
import sqlite3
import sys

conn = sqlite3.connect(sys.argv[1])
out = [conn.execute(sql).fetchall() for sql in {statements!r}]
sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\\n")
'''


def capture(db: str, argv: list[str]) -> list[str]:
    """The statements `bizenv --db db argv…` runs (BEGIN/COMMIT left out: the command writes nothing)."""
    import sqlite3

    from bizenv_desktop import cli

    statements: list[str] = []
    connect = sqlite3.connect

    def traced(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(statements.append)
        return conn
    sqlite3.connect = traced  # type: ignore[assignment]
    try:
        with redirect_stdout(io.StringIO()):
            code = cli.main(["--db", db, *argv])
    finally:
        sqlite3.connect = connect  # type: ignore[assignment]
    assert code == 0, f"bizenv {' '.join(argv)} exited {code}"
    return [s for s in statements if s.split()[0].upper() not in ("BEGIN", "COMMIT", "ROLLBACK")]


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall s, cpu s) of one process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {proc.stderr.read().decode(errors='replace') if proc.stderr else ''}")
    return wall, usage.ru_utime + usage.ru_stime


def bench_cli(work: Path, db: Path, env: dict[str, str], repeat: int, target: float) -> list[dict[str, Any]]:
    bizenv = Path(sys.executable).with_name("bizenv")
    app_cmd = [str(bizenv)] if bizenv.exists() else [sys.executable, "-m", "bizenv_desktop"]
    rows = []
    for title, argv in COMMANDS:
        made = subprocess.run([sys.executable, "-m", "benchmarks.cli_bench", "capture", str(db), *argv],
                              capture_output=True, text=True, encoding="utf-8", env=env, check=True)
        statements = json.loads(made.stdout)
        script = work / f"plain-{argv[0]}.py"
        script.write_text(PLAIN.format(title=title, statements=statements), encoding="utf-8")
        app, plain = [], []
        for n in range(repeat + 1):  # the first pair warms the file cache and writes bytecode
            a = _run([*app_cmd, "--db", str(db), *argv], env)
            b = _run([sys.executable, str(script), str(db)], env)
            if n:
                app.append(a)
                plain.append(b)
        wall, base = statistics.median(w for w, _c in app), statistics.median(w for w, _c in plain)
        cpu, base_cpu = statistics.median(c for _w, c in app), statistics.median(c for _w, c in plain)
        rows.append({"name": f"bizenv {title} (whole process)", "value": wall * 1000, "baseline": base * 1000,
                     "unit": "ms", "ratio": round(wall / base, 2), "target": f"≤ {target}×",
                     "met": wall <= target * base, "statements": len(statements),
                     "cpu_ms": round(cpu * 1000, 1), "cpu_baseline_ms": round(base_cpu * 1000, 1),
                     "cpu_ratio": round(cpu / base_cpu, 2),
                     "detail": f"CPU {cpu * 1000:.0f} / {base_cpu * 1000:.0f} ms = {cpu / base_cpu:.2f}×; "
                               f"{len(statements)} statements",
                     "runs_app_ms": [round(w * 1000) for w, _c in app],
                     "runs_bare_ms": [round(w * 1000) for w, _c in plain]})
    return rows


if __name__ == "__main__":
    if sys.argv[1:2] == ["capture"]:
        sys.stdout.write(json.dumps(capture(sys.argv[2], sys.argv[3:]), ensure_ascii=False))
