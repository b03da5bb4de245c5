"""The publications register: what the department made public, for indicators (1) and (15).

(1) 制定年度营商环境建设实施计划，并在部门网站公开: met for a year once a publication of kind
'plan' is recorded for it. (15) 定期向社会公布落实政策的具体措施: publications of kind 'policy',
counted per quarter; an ended quarter without one is flagged ('missing'), the current one
without one yet is 'pending'. Evidence files link with kind 'publication'. No Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..core.workdays import quarter_end, quarter_start
from ..storage.changes import Writer
from ..storage.database import Database
from .lookup import iso_date, require_year

KINDS = {"plan": "年度实施方案公开", "policy": "政策措施公布", "other": "其他公开"}
FIELDS = ("year", "kind", "indicator_id", "title", "published_on", "outlet", "url", "note")

messages.register({
    "publication.bad_kind": ("未知的公开类别“{kind}”（应为 plan 年度实施方案、policy 政策措施或 other 其他）。",
                             "Unknown publication kind “{kind}” (plan, policy or other)."),
    "publication.no_title": ("请填写公开内容的标题。", "Please give the title of what was published."),
    "publication.bad_url": ("链接“{url}”无效：请填写以 http:// 或 https:// 开头的网址，或留空。",
                            "The link “{url}” is not valid: give an address starting with http:// or https://, or "
                            "leave it empty."),
    "publication.not_found": ("公开记录 {publication_id} 不存在（可能已被删除）。",
                              "Publication {publication_id} does not exist (it may have been deleted)."),
    "publication.bad_indicator": ("指标“{label}”属于 {indicator_year} 年度方案，而这条公开记录计入 {year} 年度；"
                                  "请选择 {year} 年度的指标。",
                                  "Indicator “{label}” belongs to the {indicator_year} plan but this publication counts "
                                  "for {year}; choose an indicator of {year}."),
    "publication.has_evidence": ("公开记录“{title}”关联了 {count} 份佐证材料，不能删除；请先移除佐证材料。",
                                 "Publication “{title}” has {count} evidence file(s) attached and cannot be deleted; "
                                 "remove the evidence first."),
    "publication.unknown_fields": ("不能修改的字段：{fields}", "Fields that cannot be changed: {fields}"),
    "field.published_on": ("公开日期", "the publication date"),
})


@dataclass(frozen=True)
class Publication:
    id: int
    year: int
    kind: str
    indicator_id: int | None
    indicator_code: str
    title: str
    published_on: str
    outlet: str
    url: str
    note: str
    evidence_count: int

    @property
    def quarter(self) -> int:
        return (int(self.published_on[5:7]) - 1) // 3 + 1

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "year": self.year, "kind": self.kind, "indicator": self.indicator_code or None,
                "title": self.title, "published_on": self.published_on, "outlet": self.outlet, "url": self.url,
                "note": self.note, "evidence_count": self.evidence_count}


def _validated(w: Writer, row: dict[str, Any]) -> dict[str, Any]:
    if row["kind"] not in KINDS:
        raise InvalidInput("publication.bad_kind", kind=row["kind"])
    title = " ".join((row["title"] or "").split())
    if not title:
        raise InvalidInput("publication.no_title")
    day = iso_date(row["published_on"], "field.published_on", required=True)
    year = int(row["year"]) if row.get("year") not in (None, "") else int(day[:4])
    require_year(w.db, year)
    url = (row["url"] or "").strip()
    if url and not url.lower().startswith(("http://", "https://")):
        raise InvalidInput("publication.bad_url", url=url)
    indicator_id = row.get("indicator_id")
    if indicator_id is not None:
        ind = w.db.execute("SELECT i.code, i.name, d.year FROM indicator i JOIN dimension d ON d.id = i.dimension_id"
                           " WHERE i.id = ?", (indicator_id,)).fetchone()
        if ind is None:
            raise NotFound("ranking.no_indicator", indicator_id=indicator_id)
        if ind["year"] != year:
            raise InvalidInput("publication.bad_indicator", label=f"{ind['code']} {ind['name']}".strip(),
                               indicator_year=ind["year"], year=year)
    return {"year": year, "kind": row["kind"], "indicator_id": indicator_id, "title": title, "published_on": day,
            "outlet": (row["outlet"] or "").strip(), "url": url, "note": (row["note"] or "").strip()}


def add_publication(w: Writer, title: str, published_on: str | date, kind: str = "policy", year: int | None = None,
                    outlet: str = "", url: str = "", note: str = "", indicator_id: int | None = None) -> int:
    """Record a publication; year (the plan year it counts for) defaults to the date's year."""
    row = {"year": year, "kind": kind, "indicator_id": indicator_id, "title": title, "published_on": published_on,
           "outlet": outlet, "url": url, "note": note}
    return int(w.insert("publication", _validated(w, row)))


def update_publication(w: Writer, publication_id: int, **fields: Any) -> None:
    current = w.get("publication", publication_id)
    if current is None:
        raise NotFound("publication.not_found", publication_id=publication_id)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise InvalidInput("publication.unknown_fields", fields=", ".join(sorted(unknown)))
    w.update("publication", publication_id, _validated(w, {**current, **fields}))


def delete_publication(w: Writer, publication_id: int) -> None:
    row = w.get("publication", publication_id)
    if row is None:
        raise NotFound("publication.not_found", publication_id=publication_id)
    links = w.db.scalar("SELECT count(*) FROM evidence_link WHERE target_kind = 'publication' AND target_id = ?",
                        (publication_id,))
    if links:
        raise InvalidInput("publication.has_evidence", title=row["title"], count=links)
    w.delete("publication", publication_id)


def list_publications(db: Database, year: int | None = None, kind: str | None = None) -> list[Publication]:
    where: list[str] = []
    params: list[Any] = []
    if year is not None:
        where.append("p.year = ?")
        params.append(year)
    if kind:
        where.append("p.kind = ?")
        params.append(kind)
    rows = db.query(
        "SELECT p.*, coalesce(i.code, '') AS code, (SELECT count(*) FROM evidence_link l"
        " WHERE l.target_kind = 'publication' AND l.target_id = p.id) AS evidence_count"
        " FROM publication p LEFT JOIN indicator i ON i.id = p.indicator_id"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY p.published_on, p.id", params)
    return [Publication(r["id"], r["year"], r["kind"], r["indicator_id"], r["code"], r["title"], r["published_on"],
                        r["outlet"], r["url"], r["note"], r["evidence_count"]) for r in rows]


def plan_publication(db: Database, year: int) -> Publication | None:
    """The first recorded publication of the year's plan ((1) is met once there is one)."""
    found = list_publications(db, year, "plan")
    return found[0] if found else None


@dataclass(frozen=True)
class QuarterCount:
    quarter: int
    count: int
    state: str  # 'ok' (one or more), 'missing' (ended without one), 'pending' (current, none yet), 'future'

    @property
    def flagged(self) -> bool:
        return self.state == "missing"


def policy_quarters(db: Database, year: int, today: date) -> list[QuarterCount]:
    """(15): policy publications per quarter of the year, ended quarters without one flagged."""
    counts = dict.fromkeys(range(1, 5), 0)
    for p in list_publications(db, year, "policy"):
        if int(p.published_on[:4]) == year:
            counts[p.quarter] += 1
    out = []
    for q in range(1, 5):
        if counts[q]:
            state = "ok"
        elif quarter_end(year, q) < today:
            state = "missing"
        elif quarter_start(year, q) <= today:
            state = "pending"
        else:
            state = "future"
        out.append(QuarterCount(q, counts[q], state))
    return out


def summary_json(db: Database, year: int, today: date) -> dict[str, Any]:
    """What `publication list --json` adds to the list: (1) met or not, (15) per quarter."""
    plan = plan_publication(db, year)
    return {"plan_published": plan is not None, "plan_published_on": plan.published_on if plan else None,
            "policy_quarters": [{"quarter": q.quarter, "count": q.count, "state": q.state, "flagged": q.flagged}
                                for q in policy_quarters(db, year, today)]}
