"""逐项自我评价: per second-level indicator and period, a rating or score, a narrative.

A period is a quarter ('2026Q1' … '2026Q4') or the whole year ('2026'). A year's
evaluations are read with one query (every second-level indicator × period, evaluated or
not), so the view and the list of missing evaluations never query per indicator.
Writes take the action's Writer (see Workspace.apply).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..core import messages
from ..core.errors import InvalidInput, NotFound
from ..storage.changes import Writer
from ..storage.database import Database

RATINGS = ("优秀", "良好", "一般", "较差")
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
_PERIOD = re.compile(r"^(\d{4})(Q[1-4])?$")

messages.register({
    "selfeval.bad_period": ("评价期间“{text}”无效：季度请写作 2026Q1 至 2026Q4，全年请写作 2026。",
                            "Evaluation period “{text}” is not valid: write a quarter as 2026Q1 to 2026Q4, the whole "
                            "year as 2026."),
    "selfeval.period_year": ("{year} 年全年", "the whole of {year}"),
    "selfeval.period_q1": ("{year} 年第一季度", "Q1 {year}"),
    "selfeval.period_q2": ("{year} 年第二季度", "Q2 {year}"),
    "selfeval.period_q3": ("{year} 年第三季度", "Q3 {year}"),
    "selfeval.period_q4": ("{year} 年第四季度", "Q4 {year}"),
    "selfeval.indicator_missing": ("指标 {indicator_id} 不存在（可能已被删除）。",
                                   "Indicator {indicator_id} does not exist (it may have been deleted)."),
    "selfeval.first_level": ("“{name}”是一级指标；自我评价按二级指标逐项填写。",
                             "“{name}” is a first-level indicator; self-evaluation is filled in for each "
                             "second-level indicator."),
    "selfeval.other_year": ("指标“{code} {name}”属于 {year} 年度方案，不能填写{period}的自评；请切换到 {year} 年度。",
                            "Indicator “{code} {name}” belongs to the plan of {year}; it cannot be evaluated for "
                            "{period}. Switch to the year {year}."),
    "selfeval.score_not_number": ("分值“{value}”不是数字。", "Score “{value}” is not a number."),
    "selfeval.no_score": ("指标“{label}”没有设定分值，不能打分；请选择评价等级（优秀、良好、一般、较差）。",
                          "Indicator “{label}” has no score set and cannot be scored; choose a rating (excellent, "
                          "good, fair, poor)."),
    "selfeval.score_range": ("指标“{label}”的得分须在 0 到 {most} 之间，填写的是 {value}。",
                             "The score of indicator “{label}” must be between 0 and {most}; {value} was entered."),
    "selfeval.bad_rating": ("评价等级“{rating}”无效，请选择优秀、良好、一般或较差（或留空）。",
                            "Rating “{rating}” is not valid; choose excellent, good, fair or poor (or leave it empty)."),
    "selfeval.not_editable": ("不能修改的字段：{fields}", "Fields that cannot be changed: {fields}"),
    "selfeval.missing": ("自评记录 {evaluation_id} 不存在（可能已被删除）。",
                         "Self-evaluation {evaluation_id} does not exist (it may have been deleted)."),
    "selfeval.has_evidence": ("这条{period}的自评关联了 {count} 份佐证材料，不能删除；请先移除佐证材料，再删除自评。",
                              "This self-evaluation of {period} has {count} evidence files attached and cannot be "
                              "deleted; remove the evidence first, then delete it."),
    "selfeval.periods_not_of_year": ("评价期间 {periods} 不属于 {year} 年度。",
                                     "Evaluation periods {periods} are not of the year {year}."),
})


@dataclass(frozen=True)
class Evaluation:
    """One second-level indicator in one period; id is None when not evaluated yet."""

    id: int | None
    indicator_id: int
    code: str
    name: str
    criteria: str
    max_score: float | None  # the indicator's score (分值); None when it has none
    period: str
    rating: str
    score: float | None
    narrative: str
    updated_at: str
    evidence_count: int

    @property
    def missing(self) -> bool:
        """Nothing entered: no rating, no score and no narrative."""
        return not self.rating and self.score is None and not self.narrative.strip()


def periods_of(year: int) -> list[str]:
    """The four quarters and the whole year: ['2026Q1', … '2026Q4', '2026']."""
    return [f"{year}{q}" for q in QUARTERS] + [str(year)]


def check_period(text: str) -> str:
    """'2026Q1' … '2026Q4' or '2026' (a lower-case q and spaces are accepted)."""
    period = (text or "").strip().upper().replace(" ", "")
    match = _PERIOD.match(period)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise InvalidInput("selfeval.bad_period", text=text)
    return period


def period_year(period: str) -> int:
    return int(check_period(period)[:4])


def period_text(period: str) -> str:
    """'2026Q2' -> '2026 年第二季度', '2026' -> '2026 年全年' (for messages)."""
    period = check_period(period)
    if len(period) == 4:
        return f"{period} 年全年"
    return f"{period[:4]} 年第{'一二三四'[int(period[5]) - 1]}季度"


def period_phrase(period: str) -> messages.Phrase:
    """period_text as a phrase that renders in the language of the message it is in."""
    period = check_period(period)
    if len(period) == 4:
        return messages.Phrase("selfeval.period_year", year=period)
    return messages.Phrase(f"selfeval.period_q{period[5]}", year=period[:4])


def _indicator(w: Writer, indicator_id: int, period: str) -> dict[str, Any]:
    row = w.get("indicator", indicator_id)
    if row is None:
        raise NotFound("selfeval.indicator_missing", indicator_id=indicator_id)
    if row["level"] != 2:
        raise InvalidInput("selfeval.first_level", name=row["name"])
    year = w.db.scalar("SELECT year FROM dimension WHERE id = ?", (row["dimension_id"],))
    if year != period_year(period):
        raise InvalidInput("selfeval.other_year", code=row["code"], name=row["name"], year=year,
                           period=period_phrase(period))
    return row


def _score(value: float | str | None, ind: dict[str, Any]) -> float | None:
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        try:
            value = float(value)
        except ValueError:
            raise InvalidInput("selfeval.score_not_number", value=value) from None
    if value is None:
        return None
    label = f"{ind['code']} {ind['name']}".strip()
    if ind["score"] is None:
        raise InvalidInput("selfeval.no_score", label=label)
    value = float(value)
    if not 0 <= value <= ind["score"]:
        raise InvalidInput("selfeval.score_range", label=label, most=f"{ind['score']:g}", value=f"{value:g}")
    return value


def find_evaluation(db: Database, indicator_id: int, period: str) -> dict[str, Any] | None:
    row = db.execute("SELECT * FROM self_evaluation WHERE indicator_id = ? AND period = ?",
                     (indicator_id, check_period(period))).fetchone()
    return None if row is None else dict(row)


def save_evaluation(w: Writer, indicator_id: int, period: str, rating: str = "",
                    score: float | str | None = None, narrative: str = "") -> int | None:
    """Set the rating, score and narrative of an indicator in a period (insert or update).

    Returns the evaluation's id; None when there was none and nothing is entered.
    """
    period = check_period(period)
    ind = _indicator(w, indicator_id, period)
    rating = (rating or "").strip()
    if rating and rating not in RATINGS:
        raise InvalidInput("selfeval.bad_rating", rating=rating)
    values = {"rating": rating, "score": _score(score, ind), "narrative": (narrative or "").strip()}
    existing = find_evaluation(w.db, indicator_id, period)
    if existing is None:
        if not values["rating"] and values["score"] is None and not values["narrative"]:
            return None
        return w.insert("self_evaluation", {"indicator_id": indicator_id, "period": period,
                                            **values, "updated_at": w.at})
    if any(existing[k] != v for k, v in values.items()):
        w.update("self_evaluation", existing["id"], {**values, "updated_at": w.at})
    return existing["id"]


def edit_evaluation(w: Writer, indicator_id: int, period: str, **fields: Any) -> int | None:
    """Change only the given fields (rating, score, narrative), keeping the others as stored."""
    unknown = set(fields) - {"rating", "score", "narrative"}
    if unknown:
        raise InvalidInput("selfeval.not_editable", fields=", ".join(sorted(unknown)))
    current = find_evaluation(w.db, indicator_id, period) or {}
    merged: dict[str, Any] = {k: fields.get(k, current.get(k, None if k == "score" else "")) for k in ("rating", "score", "narrative")}
    return save_evaluation(w, indicator_id, period, **merged)


def delete_evaluation(w: Writer, evaluation_id: int) -> None:
    row = w.get("self_evaluation", evaluation_id)
    if row is None:
        raise NotFound("selfeval.missing", evaluation_id=evaluation_id)
    links = w.db.scalar("SELECT count(*) FROM evidence_link WHERE target_kind = 'self_evaluation'"
                        " AND target_id = ?", (evaluation_id,))
    if links:
        raise InvalidInput("selfeval.has_evidence", period=period_phrase(row["period"]), count=links)
    w.delete("self_evaluation", evaluation_id)


def load_evaluations(db: Database, year: int, periods: list[str] | None = None) -> list[Evaluation]:
    """Every second-level indicator of the year × each period (default: the four quarters
    and the year), in plan order and then period order, evaluated or not. One query."""
    periods = [check_period(p) for p in (periods if periods is not None else periods_of(year))]
    wrong = [p for p in periods if int(p[:4]) != year]
    if wrong:
        raise InvalidInput("selfeval.periods_not_of_year", periods=wrong, year=year)
    if not periods:
        return []
    values = ", ".join("(?, ?)" for _ in periods)
    params: list[Any] = [x for pos, p in enumerate(periods) for x in (p, pos)]
    rows = db.query(
        f"WITH periods(period, ord) AS (VALUES {values})"
        " SELECT i.id AS indicator_id, i.code, i.name, i.criteria, i.score AS max_score, pr.period,"
        "  e.id, coalesce(e.rating, '') AS rating, e.score, coalesce(e.narrative, '') AS narrative,"
        "  coalesce(e.updated_at, '') AS updated_at,"
        "  (SELECT count(*) FROM evidence_link l WHERE l.target_kind = 'self_evaluation'"
        "   AND l.target_id = e.id) AS evidence_count"
        " FROM indicator i JOIN indicator p ON p.id = i.parent_id JOIN dimension d ON d.id = i.dimension_id"
        " CROSS JOIN periods pr"
        " LEFT JOIN self_evaluation e ON e.indicator_id = i.id AND e.period = pr.period"
        " WHERE d.year = ? AND i.level = 2"
        " ORDER BY d.position, d.id, p.position, p.id, i.position, i.id, pr.ord",
        [*params, year])
    return [Evaluation(r["id"], r["indicator_id"], r["code"], r["name"], r["criteria"], r["max_score"],
                       r["period"], r["rating"], r["score"], r["narrative"], r["updated_at"],
                       r["evidence_count"]) for r in rows]


def missing(db: Database, year: int, periods: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(indicator code, name, period) of every evaluation not entered, in plan order."""
    return [(e.code, e.name, e.period) for e in load_evaluations(db, year, periods) if e.missing]
