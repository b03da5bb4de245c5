"""The measurements of `python -m benchmarks`, each an app side against its bare baseline.

Every pair runs in fresh processes (Probe), interleaved app / bare, `repeat` times; a row
gives the median of each side, their ratio and whether the target is met (issue 14's targets,
TARGETS). Timings are never asserted in tests.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SCREEN = {"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080,
                       "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}
TARGETS = {"startup": 1.5, "memory": 1.5, "pdf": 1.3, "import": 1.5, "import_memory": 2.0, "forms": 1.5,
           "cli": 1.5, "block_ms": 100.0}
PDF_KINDS = (("leadership", "季度汇报（厅主要领导）", {"quarter": 3}), ("provincial", "季度报告（报省软环境办）", {"quarter": 3}),
             ("monthly", "月调度情况", {"month": 11}), ("assignment", "任务分工表", {}),
             ("plan", "年度实施方案", {}), ("selfeval", "自我评价报告", {}))


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

    def run(self, name: str, args: dict[str, Any] | None = None, timeout: float = 900) -> dict[str, Any]:
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


def ratio(value: float | None, base: float | None) -> float | None:
    return round(value / base, 2) if value is not None and base else None


def row(name: str, value: float | None, base: float | None, unit: str, target: float, **more: Any) -> dict[str, Any]:
    """A measurement against its baseline with a target ratio."""
    return {"name": name, "value": value, "baseline": base, "unit": unit, "ratio": ratio(value, base),
            "target": f"≤ {target}×", "met": value <= target * base if value is not None and base else None, **more}


def bench_startup(probe: Probe, db: Path, repeat: int, data_mb: float, profile: Path | None) -> list[dict]:
    """The app to its first paint against a bare QMainWindow holding a QTreeView of the same tree
    (the plan of the year as the window shows it, every column, expanded as it is)."""
    tree = probe.work / "tree.json"
    probe.run("capture_tree", {"db": str(db), "tree_out": str(tree)})
    bare, app, ready, bare_rss, app_rss = [], [], [], [], []
    for n in range(repeat + 1):  # the first of each is a warm-up (cold file cache, first backup)
        b = probe.run("startup_bare", {"tree_in": str(tree)})
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
    rows = json.loads(tree.read_text(encoding="utf-8"))["rows"]
    return [
        row("start-up to first paint (bare: the same tree)", s_app * 1000, s_bare * 1000, "ms", TARGETS["startup"],
            detail=f"bare QMainWindow + QTreeView of the same {rows} rows", runs_app_ms=[round(x * 1000) for x in app],
            runs_bare_ms=[round(x * 1000) for x in bare]),
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
    """Every action in the window, each block measured by an event-loop heartbeat (probe_gui)."""
    data = probe.work / "gui-data.json"
    args: dict[str, Any] = {"db": str(db), "data_out": str(data), "work": str(probe.work / "gui-files")}
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
                     "target": f"< {TARGETS['block_ms']:.0f} ms", "met": worst < TARGETS["block_ms"],
                     "took_ms": app.get("took", {}).get(name)})
    for name, times in app.get("latency", {}).items():  # waits with the GUI answering: no block target
        rows.append({"name": name, "value": max(times), "median_ms": statistics.median(times), "runs_ms": times,
                     "baseline": None, "unit": "ms", "ratio": None, "target": "— (not a block)", "met": None})
    return rows, {"window_construct_ms": app["construct_ms"], "gui_peak_rss_mb": round(app["peak_rss_kb"] / 1024, 1),
                  "gc_pauses_over_10ms": app.get("gc_pauses", []), "todo": app.get("todo", [])}


def bench_pdf(probe: Probe, db: Path, year: int, repeat: int, profile: Path | None) -> list[dict]:
    """Each report kind and its bare twin in `repeat` pairs of fresh processes: the medians of the
    first build (fonts found and registered) and of the warm builds that follow."""
    rows = []
    out = probe.work / "pdf"
    out.mkdir(exist_ok=True)
    for kind, title, period in PDF_KINDS:
        tables = out / f"{kind}-tables.json"
        args = {"db": str(db), "kind": kind, "year": year, **period, "out_dir": str(out), "tables_out": str(tables)}
        runs: dict[str, list[dict[str, Any]]] = {"app": [], "bare": []}
        app: dict[str, Any] = {}
        for n in range(repeat):
            app = probe.run("pdf_app", {**args, "profile": str(profile / f"pdf-{kind}.pstats")}
                            if profile and n == 0 else args)
            if "missing" in app:
                break
            runs["app"].append(app)
            runs["bare"].append(probe.run("pdf_bare", {"tables_in": str(tables), "out_dir": str(out)}))
        if not runs["app"]:
            rows.append({**row(f"PDF {title}", None, None, "ms", TARGETS["pdf"]),
                         "todo": f"TODO: {app.get('missing')} — measure it once it exists"})
            continue
        first = runs["app"][0]
        detail = f"{first['pages']} pages, {first['paras']} paragraphs, {first['rows']} table rows"
        for phase in ("cold", "warm"):
            value = statistics.median(r[f"{phase}_ms"] for r in runs["app"])
            base = statistics.median(r[f"{phase}_ms"] for r in runs["bare"])
            rows.append(row(f"PDF {title} ({phase})", value, base, "ms", TARGETS["pdf"], detail=detail,
                            runs_app_ms=[r[f"{phase}_ms"] for r in runs["app"]],
                            runs_bare_ms=[r[f"{phase}_ms"] for r in runs["bare"]]))
    return rows


def bench_import(probe: Probe, db: Path, rows: int, repeat: int, profile: Path | None) -> list[dict]:
    """Both imports (indicator table, ledger) against an openpyxl read-only pass of the same file:
    time, and the memory each took at its height."""
    from benchmarks import importing

    out = []
    for which in importing.kinds():
        xlsx = probe.work / f"{which}-{rows}.xlsx"
        made = importing.make_workbook(which, xlsx, rows, db)
        args = {"which": which, "xlsx": str(xlsx), "db": str(db), "copy": str(probe.work / "import-target.sqlite3"),
                "rows": rows}
        apps, bares = [], []
        for n in range(repeat):  # pairs of fresh processes, each import into a fresh copy of the database
            app_args = {**args, "profile": str(profile / f"import-{which}.pstats")} if profile and n == 0 else args
            apps.append(probe.run("import_app", app_args))
            bares.append(probe.run("import_bare", {"xlsx": str(xlsx)}))
            if apps[-1].get("ms") is None:
                break
        title = {"supervision": "督办事项台账", "indicator": "指标表"}[which]
        if apps[0].get("ms") is None:
            out.append({**row(f"Excel import: {title}", None, None, "ms", TARGETS["import"]), "todo": apps[0]["todo"]})
            continue
        value, base = statistics.median(a["ms"] for a in apps), statistics.median(b["ms"] for b in bares)
        out.append(row(f"Excel import: {title} ({made} rows)", value, base, "ms", TARGETS["import"],
                       detail="; ".join(a.get("detail", "") for a in apps[:1]),
                       runs_app_ms=[a["ms"] for a in apps], runs_bare_ms=[b["ms"] for b in bares]))
        peak, peak_base = (statistics.median(x["peak_rss_kb"] / 1024 for x in side) for side in (apps, bares))
        grew, grew_base = (statistics.median(x["memory_kb"] / 1024 for x in side) for side in (apps, bares))
        out.append(row(f"import peak memory: {title}", round(peak, 1), round(peak_base, 1), "MB",
                       TARGETS["import_memory"],
                       detail=f"peak resident size of the process during the import / the openpyxl pass; of it, "
                              f"{grew:.0f} MB / {grew_base:.1f} MB over the size just before"))
    return out


def bench_forms(probe: Probe, db: Path, repeat: int, profile: Path | None) -> list[dict]:
    """forms make and collect (read every returned form, apply each) against openpyxl writing and
    reading the same cells."""
    import sqlite3

    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    month = conn.execute("SELECT max(month) FROM dispatch_month WHERE closed_at IS NULL").fetchone()[0]
    conn.close()
    if month is None:
        return [{**row("forms make", None, None, "ms", TARGETS["forms"]), "todo": "TODO: no open month"}]
    apps, bares = [], []
    for n in range(repeat):
        out = probe.work / f"forms-{n}"
        files = probe.work / "forms-files.json"
        args = {"db": str(db), "copy": str(probe.work / "forms-target.sqlite3"), "month": month,
                "out_dir": str(out), "today": f"{month}-20", "files_out": str(files)}
        if profile and n == 0:
            args["profile"] = str(profile / "forms.pstats")
        apps.append(probe.run("forms_app", args))
        bares.append(probe.run("forms_bare", {"files_in": str(files), "out_dir": str(probe.work / f"forms-bare-{n}")}))
    first = apps[0]
    detail = f"{first['files']} forms, {first['cells']} cells, {first['rows_changed']} rows changed"
    return [row(f"forms {phase} ({month})", statistics.median(a[f"{phase}_ms"] for a in apps),
                statistics.median(b[f"{phase}_ms"] for b in bares), "ms", TARGETS["forms"],
                detail=detail + ("; collect = read " f"{statistics.median(a['read_ms'] for a in apps):.0f} ms + apply "
                                 f"{statistics.median(a['apply_ms'] for a in apps):.0f} ms" if phase == "collect" else ""),
                runs_app_ms=[a[f"{phase}_ms"] for a in apps], runs_bare_ms=[b[f"{phase}_ms"] for b in bares])
            for phase in ("make", "collect")]


def bench_cli(probe: Probe, db: Path, repeat: int) -> list[dict]:
    from benchmarks.cli_bench import bench_cli as run

    return run(probe.work, db, probe.env, repeat, TARGETS["cli"])
