"""The lint step (.ci/lint runs this; so do .ci/run and /work/tools/land before the tests).

1. ruff (rules and exclusions in pyproject.toml) on bizenv_desktop/, tests/ and benchmarks/:
   any finding fails.
2. mypy (settings in pyproject.toml) on bizenv_desktop/: any error in core/, storage/,
   services/ (or anywhere outside ui/) fails; ui/ is compared with the baseline file
   .ci/mypy-ui-baseline.txt and fails only on a finding the baseline does not hold.

The baseline holds one line per known error, `path: [code] message`, without line numbers
(so edits above an old error never turn it into a "new" one); a message that names a line
has it written as "line N". The comparison counts: a file with two known errors of the same
text fails when it gets a third. Fixed errors never fail the run; `.ci/lint --update-baseline`
rewrites the file from what mypy finds now (do it when you fixed some, never to hide new ones:
the baseline only ever shrinks, reviewers check its diff).

Fast and deterministic: ruff and mypy are pinned in pyproject.toml, their caches live in
.venv/.cache (outside the work tree's status), mypy runs incrementally.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

RUFF_PATHS = ("bizenv_desktop", "tests", "benchmarks")
BASELINE = Path(".ci/mypy-ui-baseline.txt")
BASELINE_AREA = "bizenv_desktop/ui/"  # the only place old errors may stay for now
_LINE = re.compile(r"\bline \d+\b")


def finding_key(path: str, code: str, message: str) -> str:
    """The baseline line of one mypy error: no line numbers, '/' separators."""
    return f"{path.replace(chr(92), '/')}: [{code}] {_LINE.sub('line N', message)}"


def read_baseline(path: Path) -> Counter[str]:
    if not path.exists():
        return Counter()
    lines = path.read_text(encoding="utf-8").splitlines()
    return Counter(line for line in lines if line.strip() and not line.startswith("#"))


def write_baseline(path: Path, found: Counter[str]) -> None:
    header = ("# mypy errors in bizenv_desktop/ui/ known before the lint step; fix them, never add to them.\n"
              "# One line per error, no line numbers. Rewritten by `.ci/lint --update-baseline` (.ci/lint.py).\n")
    path.write_text(header + "".join(f"{k}\n" for k in sorted(found.elements())), encoding="utf-8")


def compare(found: list[tuple[str, str]], baseline: Counter[str]) -> tuple[list[str], int]:
    """found: (key, where) of each error. Returns (failures, count of fixed baseline entries).
    An error outside BASELINE_AREA always fails; inside it, the ones beyond the baseline's count."""
    failures: list[str] = []
    seen: Counter[str] = Counter()
    for key, where in found:
        seen[key] += 1
        if not key.startswith(BASELINE_AREA) or seen[key] > baseline[key]:
            failures.append(where)
    fixed = sum((baseline - seen).values())
    return failures, fixed


def run_ruff(root: Path, cache: Path) -> bool:
    paths = [p for p in RUFF_PATHS if (root / p).exists()]
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-fix", "--cache-dir", str(cache / "ruff"),
                           "--output-format", "concise", *paths], cwd=root)
    return done.returncode == 0


def run_mypy(root: Path, cache: Path) -> list[tuple[str, str]] | None:
    """(baseline key, 'path:line: message [code]') of every error; None when mypy itself failed."""
    done = subprocess.run([sys.executable, "-m", "mypy", "--output", "json", "--cache-dir", str(cache / "mypy"),
                           "--no-error-summary"], cwd=root, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stdout + done.stderr)
        return None
    found = []
    for line in done.stdout.splitlines():
        if not line.startswith("{"):
            continue
        err = json.loads(line)
        if err.get("severity") != "error":
            continue
        code = err.get("code") or "misc"
        where = f"{err['file']}:{err['line']}: {err['message']}  [{code}]"
        found.append((finding_key(err["file"], code, err["message"]), where))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=".ci/lint", description="ruff and mypy, failing on new findings")
    parser.add_argument("--update-baseline", action="store_true",
                        help="rewrite .ci/mypy-ui-baseline.txt from the errors mypy finds in ui/ now")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent,
                        help=argparse.SUPPRESS)  # the tests lint a tree of their own
    args = parser.parse_args(argv)
    root: Path = args.root
    cache = root / ".venv" / ".cache" if (root / ".venv").is_dir() else root / ".lint-cache"
    ok = run_ruff(root, cache)
    if not ok:
        print("lint: ruff found the problems above (config: [tool.ruff] in pyproject.toml)")
    found = run_mypy(root, cache)
    if found is None:
        print("lint: mypy did not run")
        return 2
    baseline_file = root / BASELINE
    if args.update_baseline:
        write_baseline(baseline_file, Counter(k for k, _w in found if k.startswith(BASELINE_AREA)))
    failures, fixed = compare(found, read_baseline(baseline_file))
    if failures:
        print("\n".join(failures))
        print(f"lint: mypy found {len(failures)} new error(s): fix them (only old errors in {BASELINE_AREA} "
              f"are listed in {BASELINE}; errors elsewhere never are)")
        ok = False
    if fixed and not args.update_baseline:
        print(f"lint: {fixed} error(s) of the baseline are fixed: `.ci/lint --update-baseline` shrinks it")
    if ok:
        known = sum(read_baseline(baseline_file).values())
        print(f"lint: ruff clean, mypy: no new errors ({known} known in ui/, listed in {BASELINE})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
