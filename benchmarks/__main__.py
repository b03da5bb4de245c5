"""Performance benchmarks on a large database: `python -m benchmarks [options]`.

Every figure is printed as a ratio against a baseline measured in the same run, on the
same machine, in the same kind of fresh process:

  start-up      the real entry point (bizenv-desktop --db LARGE) until the main window is
                first painted  vs  a bare PySide6 QMainWindow shown          target ≤ 2×
  memory        peak RSS of that start-up and the 2.5 s after it  vs  the bare window's
                                                                         target ≤ 1.5× + the data
  GUI actions   month switch, indicator-tree filter, ledger filter, …, each from the call
                until the GUI thread is idle and repainted  vs  the same rows in a bare
                QStandardItemModel / QSortFilterProxyModel              every action < 100 ms
  PDFs          leadership (季度汇报) and 任务分工表 via build_report  vs  a bare reportlab
                table of the same rows and fonts                         target ≤ 1.5×
  import        a 10 000-row Excel import  vs  openpyxl read-only iteration of the same file
                                                                         target ≤ 2×

Start-up and memory are the median of --repeat fresh processes (after one warm-up each).
The large database is generated first (benchmarks/generate.py) unless --db is given.
Writes the figures as JSON to --out (default: <tmp>/bizenv-benchmarks/last_run.json).
--profile DIR also writes cProfile stats of the app side of each measurement.
"""
from __future__ import annotations

import argparse
import ast
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}
TARGETS = {"startup": 2.0, "pdf": 1.5, "import": 2.0, "memory": 1.5, "block_ms": 100.0}
PDF_KINDS = (("leadership", "季度汇报（厅主要领导）"), ("assignment", "任务分工表"))


class Probe:
    """Runs benchmarks.probe NAME in a fresh interpreter with private settings folders."""

    def __init__(self, work: Path, app_root: Path = ROOT) -> None:
        self.work = work
        home = work / "home"
        home.mkdir(parents=True, exist_ok=True)
        screen = work / "screen.json"
        screen.write_text(json.dumps(SCREEN), encoding="utf-8")
        path = os.pathsep.join(dict.fromkeys((str(app_root), str(ROOT))))  # the app measured, then benchmarks
        self.env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_DATA_HOME": str(home / ".local" / "share"), "PYTHONPATH": path,
                    "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
                    # bytecode as an installed app has it (the warm-up runs write it), kept out of the sources
                    "PYTHONPYCACHEPREFIX": str(work / "pycache")}
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)

    def run(self, name: str, args: dict[str, Any] | None = None, timeout: float = 600) -> dict[str, Any]:
        """The probe's RESULT, with shown_s: seconds from starting the process to SHOWN."""
        cmd = [sys.executable, "-m", "benchmarks.probe", name, json.dumps(args or {}, ensure_ascii=False)]
        errors = self.work / f"probe-{name}.stderr"
        with open(errors, "w", encoding="utf-8") as err:  # a file, not a pipe: Qt's warnings cannot fill it
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=self.work, env=self.env, stdout=subprocess.PIPE, stderr=err,
                                    text=True, encoding="utf-8")
            shown: float | None = None
            ready: float | None = None
            result: dict[str, Any] | None = None
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("SHOWN") and shown is None:
                    shown = time.perf_counter() - t0
                elif line.startswith("READY") and ready is None:
                    ready = time.perf_counter() - t0
                elif line.startswith("RESULT "):
                    result = json.loads(line[7:])
            proc.wait(timeout)
        if proc.returncode != 0 or result is None:
            stderr = errors.read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"probe {name} failed (exit {proc.returncode}):\n{stderr[-3000:]}")
        if shown is not None:
            result["shown_s"] = shown
        if ready is not None:
            result["ready_s"] = ready
        return result


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


# -- the measurements ---------------------------------------------------------------------

def ratio(value: float | None, base: float | None) -> float | None:
    return round(value / base, 2) if value is not None and base else None


def bench_startup(probe: Probe, db: Path, repeat: int, data_mb: float, profile: Path | None) -> list[dict]:
    bare, app, ready, bare_rss, app_rss = [], [], [], [], []
    for n in range(repeat + 1):  # the first of each is a warm-up (cold file cache, first backup)
        b = probe.run("startup_bare")
        a = probe.run("startup_app", {"db": str(db)})
        if n:
            bare.append(b["shown_s"])
            app.append(a["shown_s"])
            if "ready_s" in a:
                ready.append(a["ready_s"])
            bare_rss.append(b["peak_rss_kb"] / 1024)
            app_rss.append(a["peak_rss_kb"] / 1024)
    if profile:
        probe.run("startup_app", {"db": str(db), "profile": str(profile / "startup.pstats")})
    s_app, s_bare = statistics.median(app), statistics.median(bare)
    m_app, m_bare = statistics.median(app_rss), statistics.median(bare_rss)
    allowed = TARGETS["memory"] * m_bare + data_mb
    return [
        {"name": "start-up to shown main window", "value": s_app * 1000, "baseline": s_bare * 1000, "unit": "ms",
         "ratio": ratio(s_app, s_bare), "target": f"≤ {TARGETS['startup']}×",
         "met": s_app <= TARGETS["startup"] * s_bare, "runs_app_ms": [round(x * 1000) for x in app],
         "runs_bare_ms": [round(x * 1000) for x in bare]},
        *([{"name": "start-up until every tab is built (after the first paint)",
             "value": statistics.median(ready) * 1000, "baseline": s_bare * 1000, "unit": "ms",
             "ratio": ratio(statistics.median(ready), s_bare), "target": "—", "met": None,
             "runs_app_ms": [round(x * 1000) for x in ready]}] if ready else []),
        {"name": "peak memory (start-up)", "value": m_app, "baseline": m_bare, "unit": "MB",
         "ratio": ratio(m_app, m_bare), "target": f"≤ {TARGETS['memory']}× + data ({data_mb:.0f} MB) "
                                                  f"= {allowed:.0f} MB",
         "met": m_app <= allowed, "data_mb": round(data_mb, 1)},
    ]


def bench_gui(probe: Probe, db: Path, profile: Path | None) -> tuple[list[dict], dict[str, Any]]:
    data = probe.work / "gui-data.json"
    args: dict[str, Any] = {"db": str(db), "data_out": str(data)}
    if profile:
        (profile / "gui").mkdir(parents=True, exist_ok=True)
        args["profile"] = str(profile / "gui")
    app = probe.run("gui_actions", args)
    bare = probe.run("gui_baselines", {"data_in": str(data)})
    rows = []
    for name, times in app["times"].items():
        base = bare["times"].get(name)
        worst = max(times)
        rows.append({"name": name, "value": worst, "median_ms": statistics.median(times), "runs_ms": times,
                     "baseline": max(base) if base else None, "unit": "ms",
                     "ratio": ratio(worst, max(base)) if base else None,
                     "target": f"< {TARGETS['block_ms']:.0f} ms", "met": worst < TARGETS["block_ms"]})
    for name, times in app.get("latency", {}).items():  # waits with the GUI answering: no block target
        rows.append({"name": name, "value": max(times), "median_ms": statistics.median(times), "runs_ms": times,
                     "baseline": None, "unit": "ms", "ratio": None, "target": "— (not a block)", "met": None})
    return rows, {"window_construct_ms": app["construct_ms"], "gui_peak_rss_mb": round(app["peak_rss_kb"] / 1024, 1),
                  "gc_pauses_over_10ms": app.get("gc_pauses", [])}


def bench_pdf(probe: Probe, db: Path, year: int, quarter: int, repeat: int, profile: Path | None) -> list[dict]:
    """Each report and its bare twin in `repeat` pairs of fresh processes: the medians of the first
    build (fonts found and registered) and of the warm builds that follow."""
    rows = []
    for kind, title in PDF_KINDS:
        out = probe.work / "pdf"
        out.mkdir(exist_ok=True)
        tables = out / f"{kind}-tables.json"
        args = {"db": str(db), "kind": kind, "year": year, "quarter": quarter, "out_dir": str(out),
                "tables_out": str(tables)}
        runs: dict[str, list[dict[str, Any]]] = {"app": [], "bare": []}
        for n in range(repeat):
            app = probe.run("pdf_app", {**args, "profile": str(profile / f"pdf-{kind}.pstats")}
                            if profile and n == 0 else args)
            if "missing" in app:
                break
            runs["app"].append(app)
            runs["bare"].append(probe.run("pdf_bare", {"tables_in": str(tables), "out_dir": str(out)}))
        if not runs["app"]:
            rows.append({"name": f"PDF {title}", "value": None, "baseline": None, "unit": "ms", "ratio": None,
                         "target": f"≤ {TARGETS['pdf']}×", "met": None,
                         "todo": f"TODO: {app['missing']} — measure it once it exists"})
            continue
        first = runs["app"][0]
        detail = f"{first['pages']} pages, {first['rows']} table rows"
        for phase in ("cold", "warm"):
            value = statistics.median(r[f"{phase}_ms"] for r in runs["app"])
            base = statistics.median(r[f"{phase}_ms"] for r in runs["bare"])
            rows.append({"name": f"PDF {title} ({phase})", "value": value, "baseline": base, "unit": "ms",
                         "ratio": ratio(value, base), "target": f"≤ {TARGETS['pdf']}×",
                         "met": value <= TARGETS["pdf"] * base, "detail": detail,
                         "runs_app_ms": [r[f"{phase}_ms"] for r in runs["app"]],
                         "runs_bare_ms": [r[f"{phase}_ms"] for r in runs["bare"]]})
    return rows


def bench_import(probe: Probe, db: Path, rows: int, profile: Path | None) -> list[dict]:
    from benchmarks import importing

    which = importing.available()
    if which is None:
        return [{"name": f"Excel import ({rows} rows)", "value": None, "baseline": None, "unit": "ms",
                 "ratio": None, "target": f"≤ {TARGETS['import']}×", "met": None,
                 "todo": "TODO: no import in bizenv_desktop/services/excel yet (neither supervision_import.py "
                         "nor indicator_import.py); measured automatically once one exists"}]
    xlsx = probe.work / f"{which}-{rows}.xlsx"
    made = importing.make_workbook(which, xlsx, rows, db)
    copy = probe.work / "import-target.sqlite3"
    args = {"which": which, "xlsx": str(xlsx), "db": str(db), "copy": str(copy), "rows": rows}
    if profile:
        args["profile"] = str(profile / f"import-{which}.pstats")
    apps, bares = [], []
    for n in range(2):  # two pairs of fresh processes, each import into a fresh copy of the database
        apps.append(probe.run("import_app", args if n == 0 else {**args, "profile": None}))
        bares.append(probe.run("import_bare", {"xlsx": str(xlsx)}))
        if apps[-1].get("ms") is None:
            break
    app = apps[0]
    value = statistics.median(a["ms"] for a in apps) if app.get("ms") is not None else None
    base = statistics.median(b["ms"] for b in bares)
    title = {"supervision": "督办事项台账", "indicator": "指标表"}[which]
    row = {"name": f"Excel import: {title} ({made} rows)", "value": value, "baseline": base,
           "unit": "ms", "ratio": ratio(value, base), "target": f"≤ {TARGETS['import']}×",
           "met": value <= TARGETS["import"] * base if value is not None else None,
           "detail": "; ".join(a.get("detail", "") for a in apps),
           "runs_app_ms": [a.get("ms") for a in apps], "runs_bare_ms": [b["ms"] for b in bares]}
    if which != "supervision":
        row["todo"] = ("TODO: the 10 000-row supervised-items ledger import (services/excel/supervision_import.py) "
                       "does not exist yet; this is the indicator-table import on a generated 10 000-row table")
    if app.get("todo"):
        row["todo"] = app["todo"]
    return [row]


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
    parser.add_argument("--repeat", type=int, default=5, help="start-up runs of each kind (default 5)")
    parser.add_argument("--only", default="startup,gui,pdf,import",
                        help="comma-separated subset of startup,gui,pdf,import")
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
                shutil.copytree(evidence, work / "large-evidence")
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
        steps = [("startup", lambda: bench_startup(probe, db, args.repeat, data_mb, args.profile)),
                 ("gui", lambda: bench_gui(probe, db, args.profile)),
                 ("pdf", lambda: bench_pdf(probe, db, last_year, 3, max(1, args.repeat // 2 + 1), args.profile)),
                 ("import", lambda: bench_import(probe, db, args.import_rows, args.profile))]
        for key, step in steps:
            if key not in only:
                continue
            t0 = time.perf_counter()
            result = step()
            if key == "gui":
                result, extra = result
                report["extra"].update(extra)
            report["rows"] += result
            print(f"[{key}: {time.perf_counter() - t0:.0f} s]", flush=True)
            print(table(result), flush=True)
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
        print("also:", ", ".join(f"{k}={v}" for k, v in report["extra"].items()))
    missed = [r["name"] for r in report["rows"] if r.get("met") is False]
    todo = [r["todo"] for r in report["rows"] if r.get("todo")]
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
