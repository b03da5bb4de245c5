"""Small wording helpers the drafters share: dates, quarters, counts, labels (no Qt, no reportlab)."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from ...core import dispatch as rules
from ...core.document import escape
from ...core.model import Plan, Target
from ..dispatch_read import DispatchRow

QUARTER_WORDS = {1: "第一季度", 2: "第二季度", 3: "第三季度", 4: "第四季度"}
# the order the office reports statuses in: finished first, then what is under way, late, …
REPORT_ORDER = (rules.DONE, rules.IN_PROGRESS, rules.LATE, rules.NOT_STARTED, rules.NOT_APPLICABLE)
NOT_REPORTED = "未报送"


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def iso_chinese(text: str) -> str:
    """'2026-09-30' -> '2026年9月30日' (text that is not a date is kept)."""
    try:
        return chinese_date(date.fromisoformat(text))
    except (TypeError, ValueError):
        return text or ""


def month_word(month: str) -> str:
    """'2026-09' -> '9月'."""
    return f"{int(month[5:7])}月"


def quarter_months(year: int, quarter: int) -> list[str]:
    return [f"{year:04d}-{m:02d}" for m in range(3 * quarter - 2, 3 * quarter + 1)]


def previous_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year - 1, 4) if quarter == 1 else (year, quarter - 1)


def next_quarter(year: int, quarter: int) -> tuple[int, int]:
    return (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def sentence(text: str) -> str:
    """The text ending in a full stop (unless it ends in one already)."""
    text = (text or "").strip().rstrip("，,；;、")
    return text if not text or text.endswith(("。", "！", "？", "…", "”")) else text + "。"


def first_sentence(text: str, limit: int = 60) -> str:
    """The text up to its first 。 (at most limit characters, cut at a comma when longer)."""
    text = " ".join((text or "").split())
    stop = text.find("。")
    if 0 <= stop:
        text = text[:stop]
    if len(text) > limit:
        cut = max(text.rfind("，", 0, limit), text.rfind("；", 0, limit))
        text = text[:cut] if cut > limit // 2 else text[:limit] + "…"
    return text.rstrip("，；、,; ")


def count_phrase(statuses: Iterable[str], order: Iterable[str] = REPORT_ORDER) -> str:
    """'已完成4项、推进中24项、滞后3项' (zero counts left out)."""
    found: dict[str, int] = {}
    for s in statuses:
        found[s] = found.get(s, 0) + 1
    return "、".join(f"{s}{found[s]}项" for s in order if found.get(s)) or "0项"


def codes(labels: Iterable[str], limit: int = 6) -> str:
    """'(3)、(7)、(14)等5项' from indicator codes (each once, in order)."""
    unique = list(dict.fromkeys(x for x in labels if x))
    if len(unique) <= limit:
        return "、".join(unique)
    return "、".join(unique[:limit]) + f"等{len(unique)}项"


def paren_code(code: str) -> str:
    return code.replace("(", "（").replace(")", "）")


def number(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def figure_text(value: float | None, target: Target | None) -> str:
    """'92.5%' or '—'."""
    if value is None:
        return "—"
    return number(value) + (target.unit if target else "")


def met_text(met: bool | None) -> str:
    return "—" if met is None else ("达标" if met else "未达标")


def label_maker(plan: Plan) -> Callable[[DispatchRow], str]:
    """A row's label: '(10) 一网通办', or '(3)-2 sub-task name' numbered as in the 任务分工表."""
    positions = {s.id: s.position for ind in plan.second_level() for s in ind.subtasks}

    def label(r: DispatchRow) -> str:
        if r.subtask_id:
            return f"{r.indicator_code}-{positions.get(r.subtask_id, '')} {r.subtask_name}"
        return f"{r.indicator_code} {r.indicator_name}"
    return label


class Text:
    """A section's template being written: literal text (the data's own words, braces escaped)
    and figures as fields, paragraph by paragraph."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.values: dict[str, str] = {}

    def add(self, template: str, **values: object) -> Text:
        """A paragraph of template text whose {fields} are the given values (a name used
        before with another value is numbered: text, text_2, …)."""
        for k, v in values.items():
            name, n = k, 1
            while name in self.values and self.values[name] != str(v):
                n += 1
                name = f"{k}_{n}"
            if name != k:
                template = template.replace("{" + k + "}", "{" + name + "}")
            self.values[name] = str(v)
        self.lines.append(template)
        return self

    def plain(self, text: str) -> Text:
        """A paragraph of literal text (a division's own words)."""
        self.lines.append(escape(text))
        return self

    @property
    def template(self) -> str:
        return "\n".join(self.lines)
