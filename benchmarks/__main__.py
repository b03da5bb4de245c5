"""Performance benchmarks on a large database: `python -m benchmarks [options]`.

Every figure is printed as a ratio against a baseline measured in the same run, on the
same machine, in fresh processes, app and bare in turns (issue 14's targets):

  start-up      bizenv-desktop --db LARGE until the main window is first painted  vs  a bare
                QMainWindow holding a QTreeView of the same tree of Chinese rows    ≤ 1.5×
  memory        peak RSS of that start-up and the 2.5 s after  vs  the bare's      ≤ 1.5× + data
  GUI actions   every action (month switch, filters, edits, undo, the imports' preview and
                apply, forms make and collect, undo of an import, report preview, …): the
                longest the GUI thread did not answer, by an event-loop heartbeat  < 100 ms
  PDFs          every report kind via build_report  vs  bare reportlab with the same
                paragraphs, table rows and fonts                                    ≤ 1.3×
  import        10 000-row indicator table and 督办事项台账 (read + apply)  vs  openpyxl's
                read-only pass of the same file                                     ≤ 1.5×
                and their peak memory against that pass's                           ≤ 2×
  forms         make / collect a month's forms  vs  openpyxl writing / reading the same
                cells                                                               ≤ 1.5×
  command line  bizenv indicators --json, due --json as whole processes  vs  a plain
                script running the same SQL                                         ≤ 1.5×

The large database is generated first (benchmarks/generate.py) unless --db is given.
Writes the figures as JSON to --out (default: <tmp>/bizenv-benchmarks/last_run.json), with the
load average over each step. --profile DIR also writes cProfile stats of the app side.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks.steps import (ROOT, TARGETS, Probe, bench_cli, bench_forms, bench_gui, bench_import, bench_pdf,
                              bench_startup)

STEPS = ("startup", "gui", "pdf", "import", "forms", "cli")


# -- the machine --------------------------------------------------------------------------

def _cmd(*args: str) -> str:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def machine() -> dict[str, Any]:
    from importlib import metadata

    lscpu = dict(line.split(":", 1) for line in _cmd("lscpu").splitlines() if ":" in line)
    mem = next((line.split()[1] for line in _cmd("free", "-m").splitlines() if line.startswith("Mem:")), "")
    versions = {}
    for package in ("PySide6-Essentials", "reportlab", "openpyxl", "sqlite-utils"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "?"
    return {"date": datetime.now().isoformat(timespec="seconds"), "cpu": lscpu.get("Model name", "").strip(),
            "nproc": _cmd("nproc"), "memory_mb": mem, "os": platform.platform(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version, **versions,
            "load_average_start": " ".join(f"{x:.1f}" for x in os.getloadavg())}


# -- output -------------------------------------------------------------------------------

def _fmt(v: Any, unit: str = "") -> str:
    if v is None:
        return "—"
    if isinstance(v, float):
        return f"{v:.0f}" if abs(v) >= 100 else f"{v:.1f}"
    return str(v)


def table(rows: list[dict]) -> str:
    lines = [f"{'measurement':44} {'value':>9} {'baseline':>9} {'unit':4} {'ratio':>6}  {'target':30} met"]
    for r in rows:
        met = {True: "yes", False: "MISS", None: "—"}[r.get("met")]
        ratio_text = f"{r['ratio']:.2f}×" if r.get("ratio") is not None else "—"
        lines.append(f"{r['name'][:44]:44} {_fmt(r.get('value')):>9} {_fmt(r.get('baseline')):>9} {r['unit']:4} "
                     f"{ratio_text:>6}  {r['target'][:30]:30} {met}")
        if r.get("todo"):
            lines.append(f"    {r['todo']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="use this large database (a copy is made) instead of generating one")
    parser.add_argument("--out", type=Path, help="JSON output (default <tmp>/bizenv-benchmarks/last_run.json)")
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary folder, removed)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="start-up runs of each kind (default 5); the other steps run repeat // 2 + 1 pairs, "
                             "the command line 2 × repeat + 1")
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated subset of {','.join(STEPS)}")
    parser.add_argument("--import-rows", type=int, default=10000)
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the app side here")
    parser.add_argument("--app", type=Path, default=ROOT,
                        help="measure the bizenv_desktop package in this folder (e.g. a checkout with a fix applied)")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    work = args.work or Path(tempfile.mkdtemp(prefix="bizenv-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    out = args.out or Path(tempfile.gettempdir()) / "bizenv-benchmarks" / "last_run.json"
    probe = Probe(work, args.app.resolve())
    report: dict[str, Any] = {"machine": machine(), "rows": [], "extra": {}}
    print("machine:", ", ".join(f"{k}={v}" for k, v in report["machine"].items()), flush=True)
    db = work / "large.sqlite3"
    try:
        if args.db:
            source = sqlite3.connect(f"{args.db.resolve().as_uri()}?mode=ro", uri=True)
            target = sqlite3.connect(db)
            source.backup(target)  # a consistent copy; the original is only read
            target.close()
            source.close()
            evidence = args.db.parent / f"{args.db.stem}-evidence"
            if evidence.is_dir():
                shutil.copytree(evidence, work / "large-evidence", dirs_exist_ok=True)
            report["database"] = {"source": str(args.db)}
        else:
            t0 = time.perf_counter()  # its own process: this one stays small while the probes fork from it
            made = subprocess.run([sys.executable, "-m", "benchmarks.generate", str(db)], cwd=ROOT, check=True,
                                  capture_output=True, text=True, encoding="utf-8")
            counts = ast.literal_eval(made.stdout.strip().splitlines()[-1])
            counts["generate_s"] = round(time.perf_counter() - t0, 1)
            report["database"] = counts
            print("generated:", counts, flush=True)
        data_mb = db.stat().st_size / 2**20
        report["database"]["file_mb"] = round(data_mb, 1)
        conn = sqlite3.connect(db)
        last_year = conn.execute("SELECT max(year) FROM plan_year").fetchone()[0]
        conn.close()
        pairs = max(1, args.repeat // 2 + 1)
        steps = [("startup", lambda: bench_startup(probe, db, args.repeat, data_mb, args.profile)),
                 ("gui", lambda: bench_gui(probe, db, args.profile)),
                 ("pdf", lambda: bench_pdf(probe, db, last_year, pairs, args.profile)),
                 ("import", lambda: bench_import(probe, db, args.import_rows, pairs, args.profile)),
                 ("forms", lambda: bench_forms(probe, db, pairs, args.profile)),
                 ("cli", lambda: bench_cli(probe, db, 2 * args.repeat + 1))]
        for key, step in steps:
            if key not in only:
                continue
            t0 = time.perf_counter()
            load = os.getloadavg()[0]
            try:
                result = step()
            except RuntimeError as exc:  # a probe failed: say so, measure the rest
                print(f"[{key}: FAILED] {exc}", flush=True)
                report["extra"].setdefault("todo", []).append(f"TODO: step {key} failed: {str(exc)[:300]}")
                continue
            if key == "gui":
                result, extra = result
                report["extra"].update({k: v for k, v in extra.items() if k != "todo"})
                report["extra"].setdefault("todo", []).extend(extra.get("todo", []))
            for r in result:
                r["load_average"] = round((load + os.getloadavg()[0]) / 2, 1)
            report["rows"] += result
            print(f"[{key}: {time.perf_counter() - t0:.0f} s, load average {load:.1f} → {os.getloadavg()[0]:.1f}]",
                  flush=True)
            print(table(result), flush=True)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")  # so far
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    blocks = [r for r in report["rows"] if r["unit"] == "ms" and r["target"].startswith("<")]
    if blocks:
        worst = max(blocks, key=lambda r: r["value"])
        report["worst_block"] = {"name": worst["name"], "ms": worst["value"]}
    print("\n" + table(report["rows"]))
    if blocks:
        print(f"\nworst GUI-thread block: {worst['value']:.0f} ms ({worst['name']}); target < "
              f"{TARGETS['block_ms']:.0f} ms")
    if report["extra"]:
        print("also:", ", ".join(f"{k}={v}" for k, v in report["extra"].items() if k != "todo"))
    missed = [r["name"] for r in report["rows"] if r.get("met") is False]
    todo = [r["todo"] for r in report["rows"] if r.get("todo")] + report["extra"].get("todo", [])
    print(f"missed: {', '.join(missed) if missed else 'none'}")
    for line in todo:
        print(line)
    report["machine"]["load_average_end"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"load average: {report['machine']['load_average_start']} at the start, "
          f"{report['machine']['load_average_end']} at the end (other work on the machine slows every figure)")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"JSON: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
