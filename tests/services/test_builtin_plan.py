"""Acceptance: `bizenv init` + `bizenv indicators --json` give the seed plan, word for word.

The expected values are read from the seed text itself by the small parser below, which
shares nothing with the package (not its JSON, not its responsibility parser).
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

# The seed plan, kept in the package (CI clones have no ../shared); tests/services/test_builtin_plan.py
# checks it is the same text as ../shared/seed when that is there.
SEED = Path(__file__).resolve().parents[2] / "bizenv_desktop" / "data" / "builtin_plan_source.txt"
ROOT_SHARED = Path(__file__).resolve().parents[3] / "shared"
GROUPS = {"相关业务处室", "相关处室", "机关各业务处室", "厅内各处室"}


# -- an independent reading of the seed ---------------------------------------------------

def seed_divisions(line: str) -> list[dict]:
    """The README's rules, written from scratch: X牵头 -> lead; listed without 牵头 ->
    responsible; before 配合 -> cooperate; four names are groups."""
    text = line.strip().rstrip("。")
    heads, coops = text, ""
    if text.endswith("配合"):
        text = text[: -len("配合")]
        if "牵头" in text:
            heads, coops = text.split("牵头", 1)
            heads += "牵头"
        else:
            heads, _, coops = text.rpartition("，")
    lead = heads.endswith("牵头")
    heads = heads[: -len("牵头")] if lead else heads

    def names(part: str) -> list[str]:
        return [n for n in re.split(r"[、，]|及", part) if n]

    out = []
    for part, role in ((heads, "lead" if lead else "responsible"), (coops, "cooperate")):
        for name in names(part):
            entry = {"name": name, "role": role}
            if name in GROUPS:
                entry["group"] = True
            out.append(entry)
    return out


def parse_seed(text: str) -> list[dict]:
    """[{code, name, indicators: [{code, name, children: [{code, name, criteria, divisions}]}]}]"""
    lines = [ln.strip() for ln in text.splitlines()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("三、主要任务及分工"))
    end = next(i for i, ln in enumerate(lines) if ln.startswith("四、"))
    dims: list[dict] = []
    current: dict | None = None
    for ln in lines[start + 1:end]:
        if m := re.fullmatch(r"（([一二三四五六七八九十])）(.+)", ln):
            dims.append({"code": m[1], "name": m[2], "indicators": []})
        elif m := re.fullmatch(r"(\d+)、(.+?)。?", ln):
            dims[-1]["indicators"].append({"code": m[1], "name": m[2], "children": []})
        elif m := re.fullmatch(r"（(\d+)）(.+)", ln):
            current = {"code": f"({m[1]})", "number": int(m[1]), "name": m[2].removesuffix("。")}
            dims[-1]["indicators"][-1]["children"].append(current)
        elif ln.startswith("考评内容及标准："):
            current["criteria"] = ln[len("考评内容及标准："):]
        elif ln.startswith("责任处室："):
            current["divisions"] = seed_divisions(ln[len("责任处室："):])
    return dims


def seed_second_level(dims: list[dict]) -> list[dict]:
    return [c for d in dims for f in d["indicators"] for c in f["children"]]


def expected_kind_and_target(number: int) -> tuple[str, dict | None]:
    targets = {10: 90, 11: 70, 12: 60}
    if number in targets:
        return "quantitative", {"op": ">=", "value": targets[number], "unit": "%"}
    if number == 7:
        return "ranking", None
    if 20 <= number <= 23:
        return "counted", None
    return "qualitative", None


@pytest.fixture(scope="module")
def seed() -> list[dict]:
    if not SEED.exists():
        pytest.skip(f"seed plan not found at {SEED}")
    return parse_seed(SEED.read_text(encoding="utf-8"))


def test_own_seed_parser_sees_the_whole_plan(seed: list[dict]) -> None:
    """The test's own parser is right before it is used as the yardstick."""
    assert [d["name"] for d in seed] == ["基础建设和执行协同", "创新提升影响力"]
    assert [f["name"] for d in seed for f in d["indicators"]] == [
        "加强基础建设", "强化工作执行", "推进任务协同", "工作创新", "上级肯定", "获得推广"]
    second = seed_second_level(seed)
    assert [s["number"] for s in second] == list(range(1, 24))
    assert all(s.get("criteria") and s.get("divisions") for s in second)
    assert second[11]["divisions"] == [{"name": "法规处", "role": "lead"},
                                       {"name": "审批办", "role": "cooperate"},
                                       {"name": "相关业务处室", "role": "cooperate", "group": True}]


# -- running the real command line ------------------------------------------------------

def bizenv(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}  # the CLI must not depend on the console
    return subprocess.run([sys.executable, "-m", "bizenv_desktop", *args], capture_output=True,
                          env=env, timeout=120)


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "plan.sqlite3"
    proc = bizenv("--db", str(path), "init", "--year", "2026")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return path


@pytest.fixture(scope="module")
def raw_json(cli_db: Path) -> bytes:
    proc = bizenv("--db", str(cli_db), "indicators", "--year", "2026", "--json")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout


@pytest.fixture(scope="module")
def plan_json(raw_json: bytes) -> dict:
    return json.loads(raw_json.decode("utf-8"))


def test_json_is_utf8_and_not_ascii_escaped(raw_json: bytes) -> None:
    text = raw_json.decode("utf-8")  # strict: fails on anything that is not UTF-8
    assert "\\u" not in text
    assert "法规处".encode() in raw_json
    assert "一网通办" in text


def test_counts(plan_json: dict, seed: list[dict]) -> None:
    assert plan_json["year"] == 2026
    dims = plan_json["dimensions"]
    assert len(dims) == 2 == len(seed)
    assert sum(len(d["indicators"]) for d in dims) == 6
    assert sum(len(f["children"]) for d in dims for f in d["indicators"]) == 23


def test_dimensions_and_first_level_match_seed(plan_json: dict, seed: list[dict]) -> None:
    for got, want in zip(plan_json["dimensions"], seed, strict=True):
        assert (got["code"], got["name"]) == (want["code"], want["name"])
        for g, w in zip(got["indicators"], want["indicators"], strict=True):
            assert (g["code"], g["name"]) == (w["code"], w["name"])
            assert [c["code"] for c in g["children"]] == [c["code"] for c in w["children"]]


def _second_level(plan_json: dict) -> list[dict]:
    return [c for d in plan_json["dimensions"] for f in d["indicators"] for c in f["children"]]


def _params():
    if not SEED.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason="seed plan not found"))]
    return [pytest.param(n, id=f"({n})") for n in range(1, 24)]


@pytest.mark.parametrize("number", _params())
def test_second_level_indicator_matches_seed(number: int, plan_json: dict, seed: list[dict]) -> None:
    want = seed_second_level(seed)[number - 1]
    got = _second_level(plan_json)[number - 1]
    assert got["code"] == f"({number})"
    assert got["name"] == want["name"]
    assert got["criteria"] == want["criteria"], "考评内容及标准 must be verbatim"
    assert [{**d, "group": True} if d.get("group") else {"name": d["name"], "role": d["role"]}
            for d in got["divisions"]] == want["divisions"]
    kind, target = expected_kind_and_target(number)
    assert got["kind"] == kind
    assert got["target"] == target
    assert got["children"] == []


def test_init_twice_is_a_no_op(tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip("seed plan not found")
    path = tmp_path / "plan.sqlite3"
    first = bizenv("--db", str(path), "init", "--year", "2026")
    assert first.returncode == 0

    def state() -> tuple:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                         for t in ("audit", "plan_year", "dimension", "indicator", "assignment", "division"))
        finally:
            conn.close()

    before = state()
    second = bizenv("--db", str(path), "init", "--year", "2026")
    assert second.returncode == 0, second.stderr.decode("utf-8", "replace")
    out = second.stdout.decode("utf-8")
    assert "已有 2026 年度" in out and "未作改动" in out
    assert state() == before, "audit and plan rows unchanged"
    assert second.stdout != first.stdout


def test_the_packaged_source_is_the_seed_verbatim() -> None:
    """bizenv_desktop/data/builtin_plan_source.txt is the department's plan as given in ../shared/seed."""
    shared = ROOT_SHARED / "seed" / "000_5763d13bf4c99379.txt"
    if not shared.exists():
        pytest.skip(f"no {shared} on this machine (a CI clone): the packaged copy is used as it is")
    assert SEED.read_bytes() == shared.read_bytes()
