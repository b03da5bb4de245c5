"""Rankings of ranking-kind indicators (seed indicator (7): 参考长春市参加全国营商环境评价考核数据
进行评价排序): the place, out of how many, against which benchmark, from which year's data and
source, with evidence (evidence_link kind 'ranking').

One ranking per indicator (an indicator row belongs to one plan year); changes are kept in the
audit trail. Whole numbers only, 1 <= rank <= field. No Qt.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..core.records import Frozen
from ..storage.database import Database

if TYPE_CHECKING:  # the writer only in annotations: reading needs no storage.changes
    from ..storage.changes import Writer

DEFAULT_BENCHMARK = "长春市"

messages.register({
    "ranking.no_indicator": ("指标 {indicator_id} 不存在（可能已被删除）。",
                             "Indicator {indicator_id} does not exist (it may have been deleted)."),
    "ranking.not_ranking": ("指标“{label}”不是按排名评价的指标（类别为“{kind}”），不能登记排名；"
                            "如该指标按排名评价，请先在指标中把类别改为“排名”。",
                            "Indicator “{label}” is not scored by ranking (its kind is “{kind}”), so no ranking can "
                            "be recorded; if it is, change its kind to ranking first."),
    "ranking.not_whole": ("{what}“{value}”不是整数：名次和参评总数都须为正整数。",
                          "{what} “{value}” is not a whole number: the rank and the field size must be positive "
                          "whole numbers."),
    "ranking.not_positive": ("{what}须至少为 1，填写的是 {value}。", "{what} must be at least 1; {value} was given."),
    "ranking.rank_beyond": ("名次 {rank} 大于参评总数 {field}：名次不能超过参评地区（单位）的总数。",
                            "Rank {rank} is greater than the field of {field}: a rank cannot exceed the number "
                            "ranked."),
    "ranking.bad_year": ("数据年度“{value}”无效，请填写四位年份，例如 2025。",
                         "Data year “{value}” is not valid; give a four-digit year such as 2025."),
    "ranking.empty_benchmark": ("请填写对标地区（默认“长春市”）。", "Please give the benchmark (default “长春市”)."),
    "ranking.none": ("指标“{label}”还没有登记排名。", "No ranking has been recorded for indicator “{label}”."),
    "field.rank": ("名次", "The rank"),
    "ranking.text": ("{benchmark} 第 {rank} 名 / 共 {field}{year}", "{benchmark}: {rank} of {field}{year}"),
    "ranking.data_year": ("（{year} 年数据）", " ({year} data)"),
    "kind.qualitative": ("定性", "qualitative"), "kind.quantitative": ("定量", "quantitative"),
    "kind.ranking": ("排名", "ranking"), "kind.counted": ("计数", "counted"),
    "field.field_size": ("参评总数", "The field size"),
})


class Ranking(Frozen):
    """A rank as a frozen dataclass would hold it (core/records.py: `bizenv indicators` reads these)."""

    FIELDS = ("id", "indicator_id", "rank", "field_size", "benchmark", "data_year", "source", "note", "updated_at",
              "evidence")
    id: int
    indicator_id: int
    rank: int
    field_size: int
    benchmark: str
    data_year: int | None
    source: str
    note: str
    updated_at: str
    evidence: tuple[str, ...]

    def __init__(self, id: int, indicator_id: int, rank: int, field_size: int, benchmark: str,
                 data_year: int | None, source: str, note: str, updated_at: str, evidence: tuple[str, ...] = ()) -> None:
        self.__dict__.update(id=id, indicator_id=indicator_id, rank=rank, field_size=field_size, benchmark=benchmark,
                             data_year=data_year, source=source, note=note, updated_at=updated_at, evidence=evidence)

    @property
    def text(self) -> str:
        """'长春市 第 3 名 / 共 40（2025 年数据）' (in the messages' language)."""
        year = messages.render("ranking.data_year", {"year": self.data_year}) if self.data_year else ""
        return messages.render("ranking.text", {"benchmark": self.benchmark, "rank": self.rank,
                                                "field": self.field_size, "year": year})

    def as_json(self) -> dict[str, Any]:
        return {"rank": self.rank, "of": self.field_size, "benchmark": self.benchmark, "data_year": self.data_year,
                "source": self.source, "note": self.note, "updated_at": self.updated_at,
                "evidence": list(self.evidence)}


def _whole(value: Any, what: str) -> int:
    if isinstance(value, bool):
        raise InvalidInput("ranking.not_whole", what=what, value=value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = str(value if value is not None else "").strip()
        if not text.lstrip("-").isdigit():
            raise InvalidInput("ranking.not_whole", what=what, value=text)
        number = int(text)
    if number < 1:
        raise InvalidInput("ranking.not_positive", what=what, value=number)
    return number


def _indicator(w: Writer, indicator_id: int) -> dict[str, Any]:
    row = w.get("indicator", indicator_id)
    if row is None:
        raise NotFound("ranking.no_indicator", indicator_id=indicator_id)
    if row["kind"] != "ranking":
        kind = f"kind.{row['kind']}" if f"kind.{row['kind']}" in messages.MESSAGES else row["kind"]
        raise InvalidInput("ranking.not_ranking", label=f"{row['code']} {row['name']}".strip(), kind=kind)
    return row


def set_ranking(w: Writer, indicator_id: int, rank: Any, field_size: Any, benchmark: str | None = None,
                data_year: Any = None, source: str | None = None, note: str | None = None) -> int:
    """Record (or change) the ranking of a ranking-kind indicator; fields given as None keep
    what is stored (a new ranking: 长春市, no year, no source). Returns the ranking's id."""
    _indicator(w, indicator_id)
    values: dict[str, Any] = {"rank": _whole(rank, "field.rank"), "field_size": _whole(field_size, "field.field_size")}
    if values["rank"] > values["field_size"]:
        raise InvalidInput("ranking.rank_beyond", rank=values["rank"], field=values["field_size"])
    existing = w.db.execute("SELECT * FROM ranking WHERE indicator_id = ?", (indicator_id,)).fetchone()
    current = dict(existing) if existing else {"benchmark": DEFAULT_BENCHMARK, "data_year": None, "source": "",
                                                "note": ""}
    if benchmark is not None:
        current["benchmark"] = " ".join(benchmark.split())
        if not current["benchmark"]:
            raise InvalidInput("ranking.empty_benchmark")
    if data_year is not None:
        text = str(data_year).strip()
        if text == "":
            current["data_year"] = None
        elif not text.isdigit() or not 2000 <= int(text) <= 2100:
            raise InvalidInput("ranking.bad_year", value=text)
        else:
            current["data_year"] = int(text)
    for key, value in (("source", source), ("note", note)):
        if value is not None:
            current[key] = value.strip()
    values.update({k: current[k] for k in ("benchmark", "data_year", "source", "note")}, updated_at=w.at)
    if existing is None:
        return int(w.insert("ranking", {"indicator_id": indicator_id, **values}))
    w.update("ranking", existing["id"], values)
    return int(existing["id"])


def clear_ranking(w: Writer, indicator_id: int) -> None:
    """Remove an indicator's ranking; refused while evidence is attached to it."""
    row = w.db.execute("SELECT id FROM ranking WHERE indicator_id = ?", (indicator_id,)).fetchone()
    if row is None:
        ind = w.get("indicator", indicator_id) or {"code": "", "name": str(indicator_id)}
        raise NotFound("ranking.none", label=f"{ind['code']} {ind['name']}".strip())
    for link in w.db.query("SELECT id FROM evidence_link WHERE target_kind = 'ranking' AND target_id = ?",
                           (row["id"],)):
        w.delete("evidence_link", link["id"])  # the links only: the files stay in the store
    w.delete("ranking", row["id"])


def rankings(db: Database, year: int, with_evidence: bool = True) -> dict[int, Ranking]:
    """{indicator id: Ranking} of the year's indicators, with the names of their evidence files
    (one query less without them: the month view reads this at every month switch)."""
    rows = db.query("SELECT r.* FROM ranking r JOIN indicator i ON i.id = r.indicator_id"
                    " JOIN dimension d ON d.id = i.dimension_id WHERE d.year = ?", (year,))
    files: dict[int, list[str]] = {}
    for e in () if not with_evidence else db.query("SELECT l.target_id, coalesce(nullif(l.name, ''), e.original_name) AS name FROM evidence_link l"
                      " JOIN evidence e ON e.id = l.evidence_id WHERE l.target_kind = 'ranking' ORDER BY l.id"):
        files.setdefault(e["target_id"], []).append(e["name"])
    return {r["indicator_id"]: Ranking(r["id"], r["indicator_id"], r["rank"], r["field_size"], r["benchmark"],
                                       r["data_year"], r["source"], r["note"], r["updated_at"],
                                       tuple(files.get(r["id"], ()))) for r in rows}


def ranking_of(db: Database, indicator_id: int) -> Ranking | None:
    year = db.scalar("SELECT d.year FROM indicator i JOIN dimension d ON d.id = i.dimension_id WHERE i.id = ?",
                     (indicator_id,))
    return None if year is None else rankings(db, year).get(indicator_id)
