"""Generate a large, realistic database: ten plan years of monthly dispatch.

Plan years go through the real services (built-in plan, divisions); the bulk rows are
written with sqlite-utils in one transaction per table, which is what makes 50 000 rows
take seconds. Usage: python -m benchmarks.generate OUT.sqlite3 [--years 10] [--divisions 20]
"""
from __future__ import annotations

import argparse
import random
from datetime import datetime
from pathlib import Path

import sqlite_utils

from bizenv_desktop.core.dispatch import STATUSES
from bizenv_desktop.services import divisions
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.services.workspace import Workspace
from bizenv_desktop.services.years import create_builtin_year

EXTRA_DIVISIONS = ["人事处", "财务处", "科技合作处", "高新技术处", "农村科技处", "社会发展处", "成果转化处",
                   "基础研究处", "科技监督处", "资源配置处", "外国专家处", "科技评估中心", "信息中心", "机关服务中心",
                   "科技交流中心", "技术市场处"]


def generate(path: Path, years: int = 10, division_count: int = 20, last_year: int = 2026, seed: int = 7) -> dict:
    """Write the database at path (which must not exist); returns counts of what was made."""
    rng = random.Random(seed)
    first = last_year - years + 1
    ws = open_workspace(path, first_year=first)
    for year in range(first + 1, last_year + 1):
        ws.apply(f"创建 {year}", lambda w, y=year: create_builtin_year(w, y))
    ws.apply("处室", lambda w: [divisions.ensure_division(w, n) for n in EXTRA_DIVISIONS])
    db = ws.db
    division_ids = [r[0] for r in db.query("SELECT id FROM division WHERE kind = 'division' ORDER BY id")][:division_count]
    indicators: dict[int, list[int]] = {}
    for r in db.query("SELECT i.id, d.year FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
                      " WHERE i.level = 2 ORDER BY d.year, i.position"):
        indicators.setdefault(r["year"], []).append(r["id"])
    months, rows = [], []
    now = datetime.now().isoformat(timespec="seconds")
    for year in range(first, last_year + 1):
        for mon in range(1, 13):
            month = f"{year}-{mon:02d}"
            closed = year < last_year or mon < 11
            months.append({"month": month, "year": year, "created_at": now, "closed_at": now if closed else None})
            for pos, ind in enumerate(indicators[year]):
                for div in rng.sample(division_ids, k=min(len(division_ids), 16 + pos % 5)):
                    rows.append({"month": month, "indicator_id": ind, "division_id": div,
                                 "status": rng.choice(STATUSES), "position": pos,
                                 "progress": f"{month} 已按计划推进第 {rng.randint(1, 9)} 项工作，形成阶段性成果。",
                                 "problems": rng.choice(["", "", "材料报送不及时", "跨处室协调难度较大"]),
                                 "next_steps": "继续推进，按时报送佐证材料。", "person": rng.choice(["王明", "李娜", "张伟"])})
    ws.close()
    big = sqlite_utils.Database(str(path))
    big.execute("PRAGMA foreign_keys = ON")
    with big.conn:
        big["dispatch_month"].insert_all(months, batch_size=1000)
        big["dispatch_row"].insert_all(rows, batch_size=2000)
    big.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    big.close()
    return {"years": years, "months": len(months), "dispatch_rows": len(rows), "divisions": len(division_ids)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--divisions", type=int, default=20)
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists; choose a new file")
    print(generate(args.out, args.years, args.divisions))


if __name__ == "__main__":
    main()
