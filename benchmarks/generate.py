"""Generate a large, realistic database: ten plan years of monthly dispatch and the rest.

Plan years go through the real services (built-in plan, divisions); the bulk rows are
written with sqlite-utils in one transaction per table, which is what makes 50 000 rows
take seconds. What is made (defaults):

- 10 plan years, 20 divisions, a month of dispatch for every second-level indicator and
  division (about 50 000 rows); months before the last November are closed;
- 5 000 supervised items (交办督办事项) with a lead and 0–2 cooperating divisions each,
  in every status, their dates in order, closure reports and accountability where the
  rules of services.supervision ask for them; old items closed, recent ones open;
- 20 000 evidence records, each linked to a dispatch row or a supervised item (some to
  both), with a small real file in the evidence store unless evidence_files=False
  (`bizenv check` then reports them missing);
- a year of audit entries (about 50 000 rows, ending today) shaped like Writer's.
The supervised items, evidence and audit entries are made when asked for (LARGE, the
command line's defaults); generate(path) alone keeps to plan years and dispatch.

Usage: python -m benchmarks.generate OUT.sqlite3 [--years 10] [--divisions 20]
       [--supervision 5000] [--evidence 20000] [--audit 50000] [--no-evidence-files]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from bizenv_desktop.core.deadline_text import derive_deadline
from bizenv_desktop.core.dispatch import STATUSES
from bizenv_desktop.services import divisions
from bizenv_desktop.services.evidence import stored_path
from bizenv_desktop.services.startup import open_workspace
from bizenv_desktop.services.supervision_read import COMPLAINT, SOURCES, STATUS_DATES
from bizenv_desktop.services.supervision_read import STATUSES as SUPERVISION_STATUSES
from bizenv_desktop.services.years import create_builtin_year

EXTRA_DIVISIONS = ["人事处", "财务处", "科技合作处", "高新技术处", "农村科技处", "社会发展处", "成果转化处",
                   "基础研究处", "科技监督处", "资源配置处", "外国专家处", "科技评估中心", "信息中心", "机关服务中心",
                   "科技交流中心", "技术市场处"]
PEOPLE = ["王明", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "孙丽"]
TOPICS = ["优化政务服务事项办理流程", "压缩科技项目评审时限", "清理规范涉企收费", "推进“一网通办”事项上线",
          "落实科技成果转化奖励政策", "整改企业反映的项目资金拨付慢问题", "规范中介服务行为",
          "完善信用承诺制度", "加快高新技术企业认定进度", "答复企业关于研发费用加计扣除的咨询"]
DEADLINE_WORDS = ["持续推进", "{m}月底前", "{m}月中旬", "年底前", "10日内"]
EVIDENCE_KINDS = ["工作方案", "会议纪要", "进展报告", "整改报告", "照片", "通知", "台账"]
EXTENSIONS = [".pdf", ".docx", ".jpg", ".xlsx"]


def _iso(day: date) -> str:
    return day.isoformat()


def _supervision(rng: random.Random, count: int, first: int, last: date, division_ids: list[int]
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Items spread evenly from 1 January of the first year to `last`, and their divisions."""
    start = date(first, 1, 1)
    span = max(1, (last - start).days)
    items, units = [], []
    numbers: dict[int, int] = {}
    received_days = sorted(start + timedelta(days=rng.randrange(span + 1)) for _ in range(count))
    for item_id, received in enumerate(received_days, 1):
        numbers[received.year] = numbers.get(received.year, 0) + 1
        source = rng.choice(SOURCES)
        word = rng.random()
        if word < 0.8:
            deadline, deadline_text = _iso(received + timedelta(days=rng.randint(10, 90))), ""
        else:
            deadline_text = rng.choice(DEADLINE_WORDS).format(m=min(12, received.month + rng.randint(0, 3)))
            derived = derive_deadline(deadline_text, received)
            deadline = _iso(derived) if derived else ""
        age = (last - received).days
        # old items are closed; the last months hold the open ones (a few of them overdue)
        weights = ((1, 2, 2, 5, 90) if age > 180 else (5, 10, 15, 30, 40) if age > 60 else (30, 40, 15, 10, 5))
        step = rng.choices(range(len(SUPERVISION_STATUSES)), weights=weights)[0]
        status = SUPERVISION_STATUSES[step]
        dates = {"received_on": _iso(received), "signed_on": "", "done_on": "", "reported_on": "", "closed_on": ""}
        day = received
        for s in SUPERVISION_STATUSES[1:step + 1]:
            day = min(last, day + timedelta(days=rng.randint(1, 20)))
            dates[STATUS_DATES[s]] = _iso(day)
        verified = int(source == COMPLAINT and rng.random() < 0.3)
        topic = rng.choice(TOPICS)
        items.append({
            "id": item_id, "no": f"DB-{received.year}-{numbers[received.year]:03d}", "source": source,
            "content": f"{topic}（第 {item_id} 件）", "deadline": deadline, "deadline_text": deadline_text,
            "progress": "" if step == 0 else f"已召开专题会议研究，{rng.choice(['正在推进', '基本完成', '已形成方案'])}。",
            "status": status, **dates,
            "closure_report": f"已按要求办结，形成办结报告（{item_id}）。" if step >= 2 else "",  # 已办结 on
            "complaint_verified": verified,
            "accountability": "对相关责任人进行约谈提醒。" if verified else "",
            "note": rng.choice(["", "", "", "领导高度关注"])})
        chosen = rng.sample(division_ids, k=min(len(division_ids), 1 + rng.randint(0, 2)))
        for pos, division_id in enumerate(chosen, 1):
            units.append({"item_id": item_id, "division_id": division_id,
                          "role": "lead" if pos == 1 else "cooperate", "position": pos})
    return items, units


def _evidence(rng: random.Random, count: int, db_path: Path, dispatch_ids: list[int], item_ids: list[int],
              first: int, last: date, write_files: bool) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Evidence rows (unique contents) and their links; the small files are written when asked."""
    start = date(first, 1, 1)
    span = max(1, (last - start).days)
    rows, links = [], []
    made_dirs: set[Path] = set()
    for evidence_id in range(1, count + 1):
        added = start + timedelta(days=rng.randrange(span + 1))
        name = f"{added:%Y%m%d}{rng.choice(EVIDENCE_KINDS)}{evidence_id}{rng.choice(EXTENSIONS)}"
        content = f"佐证材料 {evidence_id}：{name}\n".encode() * (1 + evidence_id % 4)
        sha = hashlib.sha256(content).hexdigest()
        if write_files:
            path = stored_path(db_path, sha)
            if path.parent not in made_dirs:
                path.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(path.parent)
            path.write_bytes(content)
        rows.append({"id": evidence_id, "sha256": sha, "original_name": name, "size": len(content),
                     "added_at": f"{_iso(added)}T{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}:00",
                     "added_by": rng.choice(PEOPLE)})
        to_item = bool(item_ids) and (not dispatch_ids or rng.random() < 0.25)
        pool, kind = (item_ids, "supervision_item") if to_item else (dispatch_ids, "dispatch_row")
        if pool:
            links.append({"evidence_id": evidence_id, "target_kind": kind, "target_id": rng.choice(pool),
                          "name": name})
        if dispatch_ids and item_ids and rng.random() < 0.05:  # the same file supports a second record
            other = ("dispatch_row", rng.choice(dispatch_ids)) if to_item else ("supervision_item",
                                                                                rng.choice(item_ids))
            links.append({"evidence_id": evidence_id, "target_kind": other[0], "target_id": other[1],
                          "name": name})
    return rows, links


def _audit(rng: random.Random, count: int, today: date, dispatch: list[tuple[int, str]], item_ids: list[int],
           evidence_ids: list[int], user: str) -> list[dict[str, Any]]:
    """A year of entries ending today, grouped in actions of 1–6 rows as Writer writes them."""
    start = datetime.combine(today - timedelta(days=365), datetime.min.time())
    seconds = 365 * 24 * 3600
    out: list[dict[str, Any]] = []
    while len(out) < count and (dispatch or item_ids or evidence_ids):
        at = (start + timedelta(seconds=rng.randrange(seconds))).isoformat(timespec="seconds")
        pick = rng.random()
        if pick < 0.6 and dispatch:
            row_id, month = rng.choice(dispatch)
            label = f"修改 {month} 调度行"
            for field in rng.sample(["status", "progress", "problems", "next_steps", "person"], k=rng.randint(1, 4)):
                old, new = (rng.choice(STATUSES), rng.choice(STATUSES)) if field == "status" else \
                    (f"原{field}内容 {row_id}", f"{month} 更新的{field}内容")
                out.append({"at": at, "user": user, "action": f"{label} [update]", "entity": "dispatch_row",
                            "entity_id": row_id, "field": field, "old": old, "new": new})
        elif pick < 0.85 and item_ids:
            item_id = rng.choice(item_ids)
            label = f"修改督办事项 DB-{item_id}"
            for field in rng.sample(["progress", "note", "deadline", "status"], k=rng.randint(1, 3)):
                out.append({"at": at, "user": user, "action": f"{label} [update]", "entity": "supervision_item",
                            "entity_id": item_id, "field": field, "old": f"旧{field}", "new": f"新{field}"})
        elif evidence_ids:
            evidence_id = rng.choice(evidence_ids)
            label = "添加佐证材料"
            out.append({"at": at, "user": user, "action": f"{label} [insert]", "entity": "evidence_link",
                        "entity_id": evidence_id, "field": "", "old": None,
                        "new": json.dumps({"evidence_id": evidence_id, "target_kind": "dispatch_row"},
                                          ensure_ascii=False)})
    out.sort(key=lambda e: e["at"])  # stable: an action's rows stay together, ids follow time
    return out[:count]


# The large database of the performance benchmarks (python -m benchmarks, and this module's command line).
LARGE = {"years": 10, "division_count": 20, "supervision": 5000, "evidence": 20000, "audit": 50000}


def generate(path: Path, years: int = 10, division_count: int = 20, last_year: int = 2026, seed: int = 7, *,
             supervision: int = 0, evidence: int = 0, audit: int = 0, evidence_files: bool = True,
             today: date | None = None) -> dict:
    """Write the database at path (which must not exist); returns counts of what was made.

    Without the keyword arguments only plan years and dispatch are made (quick, for tests);
    generate(path, **LARGE) makes the whole large database."""
    path = Path(path)
    rng = random.Random(seed)
    first = last_year - years + 1
    today = today or date.today()
    last_day = min(today, date(last_year, 12, 31))
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
                                 "next_steps": "继续推进，按时报送佐证材料。", "person": rng.choice(PEOPLE[:3])})
    user = db.scalar("SELECT user FROM audit LIMIT 1") or "benchmark"
    ws.close()
    items, units = _supervision(rng, supervision, first, last_day, division_ids)
    big = sqlite_utils.Database(str(path))
    big.execute("PRAGMA foreign_keys = ON")
    with big.conn:
        big["dispatch_month"].insert_all(months, batch_size=1000)
    with big.conn:
        big["dispatch_row"].insert_all(rows, batch_size=2000)
    with big.conn:
        big["supervision_item"].insert_all(items, batch_size=1000)
    with big.conn:
        big["supervision_division"].insert_all(units, batch_size=2000)
    dispatch = [(r[0], r[1]) for r in big.execute("SELECT id, month FROM dispatch_row ORDER BY id").fetchall()]
    item_ids = [i["id"] for i in items]
    evidence_rows, links = _evidence(rng, evidence, path, [d[0] for d in dispatch], item_ids, first, last_day,
                                     evidence_files)
    with big.conn:
        big["evidence"].insert_all(evidence_rows, batch_size=2000)
    with big.conn:
        big["evidence_link"].insert_all(links, batch_size=2000)
    recent = [d for d in dispatch if d[1] >= f"{today - timedelta(days=365):%Y-%m}"] or dispatch
    entries = _audit(rng, audit, today, recent, item_ids, [e["id"] for e in evidence_rows], user)
    with big.conn:
        big["audit"].insert_all(entries, batch_size=5000)
    big.execute("PRAGMA optimize")
    big.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    big.close()
    return {"years": years, "months": len(months), "dispatch_rows": len(rows), "divisions": len(division_ids),
            "supervision_items": len(items), "supervision_divisions": len(units), "evidence": len(evidence_rows),
            "evidence_links": len(links), "evidence_files": len(evidence_rows) if evidence_files else 0,
            "audit_generated": len(entries), "bytes": os.path.getsize(path)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--divisions", type=int, default=20)
    parser.add_argument("--supervision", type=int, default=LARGE["supervision"])
    parser.add_argument("--evidence", type=int, default=LARGE["evidence"])
    parser.add_argument("--audit", type=int, default=LARGE["audit"])
    parser.add_argument("--no-evidence-files", action="store_true", help="evidence rows only, no files")
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists; choose a new file")
    print(generate(args.out, args.years, args.divisions, supervision=args.supervision, evidence=args.evidence,
                   audit=args.audit, evidence_files=not args.no_evidence_files))


if __name__ == "__main__":
    main()
