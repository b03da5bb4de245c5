"""Quarter snapshots (OpenProject's baseline idea): when a quarter's last month is closed, what the
quarter looked like is kept (quarter_snapshot, JSON), and any later view can compare now with it.

A snapshot holds the quarter's three months of dispatch rows (status, texts, figures), the
supervised items that were open in the quarter or received in it (status, deadline), the
quarter's and the year's self-evaluations, and the year's rankings. Closing again (after a
reopen) keeps a new snapshot; comparisons use the latest unless told otherwise. No Qt.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..core import dispatch as rules
from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..core.workdays import quarter_end, quarter_start
from ..storage.changes import Writer
from ..storage.database import Database

ROW_FIELDS = ("status", "progress", "problems", "next_steps", "numerator", "denominator", "value")
ITEM_FIELDS = ("status", "deadline", "done_on", "reported_on", "closed_on")

messages.register({
    "snapshot.bad_period": ("季度“{period}”无效，请写作 2026Q1 至 2026Q4。",
                            "Quarter “{period}” is not valid; write 2026Q1 to 2026Q4."),
    "snapshot.none": ("{period} 还没有季度快照（该季度最后一个月关闭时自动保存）。",
                      "There is no snapshot of {period} yet (one is kept when the quarter's last month is closed)."),
})


def check_quarter(period: str) -> tuple[int, int]:
    text = (period or "").strip().upper()
    if len(text) != 6 or not text[:4].isdigit() or text[4] != "Q" or text[5] not in "1234":
        raise InvalidInput("snapshot.bad_period", period=period)
    return int(text[:4]), int(text[5])


def quarter_of_month(month: str) -> str | None:
    """'2026Q1' when month is a quarter's last month ('2026-03'), else None."""
    mon = int(month[5:7])
    return f"{month[:4]}Q{mon // 3}" if mon % 3 == 0 else None


def _months(year: int, q: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)]


def capture(db: Database, period: str) -> dict[str, Any]:
    """The state a snapshot of the quarter keeps (also what `compare` reads as 'now')."""
    year, q = check_quarter(period)
    first, last = quarter_start(year, q).isoformat(), quarter_end(year, q).isoformat()
    months = _months(year, q)
    rows: dict[str, Any] = {}
    marks = ", ".join("?" * len(months))
    for r in db.query("SELECT r.id, r.month, r.indicator_id, i.code, coalesce(s.name, '') AS sub,"
                      " coalesce(d.name, '') AS division, " + ", ".join(f"r.{f}" for f in ROW_FIELDS)
                      + " FROM dispatch_row r JOIN indicator i ON i.id = r.indicator_id LEFT JOIN subtask s"
                      " ON s.id = r.subtask_id LEFT JOIN division d ON d.id = r.division_id"
                      f" WHERE r.month IN ({marks}) ORDER BY r.month, r.position, r.id", months):
        label = f"{r['month']} {r['code']}" + (f" {r['sub']}" if r["sub"] else "") + \
            (f"（{r['division']}）" if r["division"] else "")
        rows[str(r["id"])] = {"label": label, **{f: r[f] for f in ROW_FIELDS}}
    items = {str(r["id"]): {"label": f"{r['no']} {r['content'][:30]}".strip(), **{f: r[f] for f in ITEM_FIELDS}}
             for r in db.query("SELECT * FROM supervision_item WHERE (received_on = '' OR received_on <= ?)"
                               " AND (closed_on = '' OR closed_on >= ?)", (last, first))}
    evaluations = {f"{r['code']} {r['period']}": {"rating": r["rating"], "score": r["score"]} for r in db.query(
        "SELECT e.period, e.rating, e.score, i.code FROM self_evaluation e JOIN indicator i ON i.id = e.indicator_id"
        " WHERE e.period IN (?, ?)", (f"{year}Q{q}", str(year)))}
    rankings = {r["code"]: {"rank": r["rank"], "of": r["field_size"], "benchmark": r["benchmark"]} for r in db.query(
        "SELECT k.*, i.code FROM ranking k JOIN indicator i ON i.id = k.indicator_id"
        " JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?", (year,))}
    closed = {r["month"]: r["closed_at"] for r in db.query(
        f"SELECT month, closed_at FROM dispatch_month WHERE month IN ({marks})", months)}
    return {"period": f"{year}Q{q}", "months": closed, "rows": rows, "supervision": items,
            "self_evaluation": evaluations, "rankings": rankings}


def take(w: Writer, period: str) -> int:
    """Keep a snapshot of the quarter now; returns its id."""
    data = capture(w.db, period)
    return int(w.insert("quarter_snapshot", {"period": data["period"],
                                             "taken_at": datetime.now().isoformat(timespec="seconds"),
                                             "data": json.dumps(data, ensure_ascii=False, sort_keys=True)}))


def on_month_closed(w: Writer, month: str) -> int | None:
    """Called when a month is closed: a quarter's last month keeps the quarter's snapshot."""
    period = quarter_of_month(rules.check_month(month))
    return take(w, period) if period else None


def list_snapshots(db: Database, period: str | None = None) -> list[tuple[int, str, str]]:
    """[(id, period, taken_at)] newest first."""
    sql = "SELECT id, period, taken_at FROM quarter_snapshot" + (" WHERE period = ?" if period else "")
    return [(r[0], r[1], r[2]) for r in db.query(sql + " ORDER BY taken_at DESC, id DESC", (period,) if period else ())]


@dataclass(frozen=True)
class Difference:
    area: str        # 'dispatch', 'supervision', 'self_evaluation', 'ranking'
    label: str
    field: str       # '' for a record added or removed since
    before: Any
    after: Any


@dataclass
class Comparison:
    period: str
    taken_at: str
    differences: list[Difference] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"period": self.period, "taken_at": self.taken_at,
                "differences": [{"area": d.area, "label": d.label, "field": d.field or None, "before": d.before,
                                 "after": d.after} for d in self.differences]}


def _diff(area: str, then: dict[str, Any], now: dict[str, Any], fields: tuple[str, ...]) -> list[Difference]:
    out: list[Difference] = []
    for key in sorted(set(then) | set(now), key=lambda k: (len(k), k)):
        a, b = then.get(key), now.get(key)
        label = (b or a or {}).get("label", key)
        if a is None or b is None:
            out.append(Difference(area, label, "", None if a is None else "exists", None if b is None else "exists"))
            continue
        for f in fields:
            if (a.get(f) or None) != (b.get(f) or None):
                out.append(Difference(area, label, f, a.get(f), b.get(f)))
    return out


def compare(db: Database, period: str, snapshot_id: int | None = None) -> Comparison:
    """What changed in the quarter since its snapshot (the latest, or the one given)."""
    year, q = check_quarter(period)
    period = f"{year}Q{q}"
    if snapshot_id is None:
        found = list_snapshots(db, period)
        if not found:
            raise NotFound("snapshot.none", period=period)
        snapshot_id = found[0][0]
    row = db.execute("SELECT * FROM quarter_snapshot WHERE id = ?", (snapshot_id,)).fetchone()
    if row is None or row["period"] != period:
        raise NotFound("snapshot.none", period=period)
    then, now = json.loads(row["data"]), capture(db, period)
    result = Comparison(period, row["taken_at"])
    result.differences += _diff("dispatch", then["rows"], now["rows"], ROW_FIELDS)
    result.differences += _diff("supervision", then["supervision"], now["supervision"], ITEM_FIELDS)
    labelled = lambda d: {k: {"label": k, **v} for k, v in d.items()}  # noqa: E731
    result.differences += _diff("self_evaluation", labelled(then["self_evaluation"]),
                                labelled(now["self_evaluation"]), ("rating", "score"))
    result.differences += _diff("ranking", labelled(then["rankings"]), labelled(now["rankings"]),
                                ("rank", "of", "benchmark"))
    return result
