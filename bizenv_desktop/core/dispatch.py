"""Rules of the monthly dispatch (月调度): statuses, months, rates against targets.

Pure functions; the statuses are stored as the Chinese words the office uses.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import messages
from .errors import InvalidInput
from .model import Target

NOT_STARTED, IN_PROGRESS, DONE, LATE, NOT_APPLICABLE = "未启动", "推进中", "已完成", "滞后", "不适用"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, LATE, NOT_APPLICABLE)
# Columns a division fills in; what "changed since last month" compares.
FILLED = ("status", "progress", "problems", "next_steps", "person", "numerator", "denominator", "value", "remarks")
# a status as a message id: what generated text (CLI, messages) shows in the chosen language
STATUS_IDS = {NOT_STARTED: "dispatch.status.not_started", IN_PROGRESS: "dispatch.status.in_progress",
              DONE: "dispatch.status.done", LATE: "dispatch.status.late",
              NOT_APPLICABLE: "dispatch.status.not_applicable"}

messages.register({
    "dispatch.bad_month": ("月份“{text}”无效，请按 年-月 填写，例如 2026-11。",
                           "Month “{text}” is not valid; write it as YYYY-MM, e.g. 2026-11."),
    "dispatch.status.not_started": ("未启动", "Not started"),
    "dispatch.status.in_progress": ("推进中", "In progress"),
    "dispatch.status.done": ("已完成", "Completed"),
    "dispatch.status.late": ("滞后", "Behind"),
    "dispatch.status.not_applicable": ("不适用", "N/A"),
})


def check_month(text: str) -> str:
    """'2026-11' (also '2026-1', '2026年11月') -> '2026-11'; anything else is refused."""
    match = re.fullmatch(r"\s*(\d{4})\s*(?:-|年|/|\.)\s*(\d{1,2})\s*月?\s*", text or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise InvalidInput("dispatch.bad_month", text=text)
    return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"


def previous_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if mon == 1 else f"{year:04d}-{mon - 1:02d}"


def next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year + 1:04d}-01" if mon == 12 else f"{year:04d}-{mon + 1:02d}"


def rate(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator as a percentage, exact to 6 places (27/30 -> 90.0, not 89.999…)."""
    if numerator is None or denominator in (None, 0):
        return None
    return round(numerator * 100.0 / denominator, 6)


def effective_value(numerator: float | None, denominator: float | None, value: float | None,
                    target: Target | None) -> float | None:
    """The figure compared with the target: the rate when both parts are given, else value."""
    if numerator is not None and denominator:
        return rate(numerator, denominator) if target is None or target.unit in ("%", "％", "") else \
            round(numerator / denominator, 6)
    return value


def target_met(value: float | None, target: Target | None) -> bool | None:
    if value is None or target is None:
        return None
    return target.met_by(value)


@dataclass(frozen=True)
class RowChange:
    """How one row differs from the same row last month."""

    key: tuple[int, int, int]
    fields: tuple[str, ...]
    old_status: str | None
    new_status: str

    @property
    def status_changed(self) -> bool:
        return self.old_status is not None and self.old_status != self.new_status

    @property
    def newly_done(self) -> bool:
        return self.new_status == DONE and self.old_status != DONE

    @property
    def newly_late(self) -> bool:
        return self.new_status == LATE and self.old_status != LATE

    @property
    def is_new(self) -> bool:
        return self.old_status is None


@dataclass
class MonthDiff:
    changes: dict[tuple[int, int, int], RowChange] = field(default_factory=dict)

    def status_changed(self) -> list[RowChange]:
        return [c for c in self.changes.values() if c.status_changed]

    def newly_done(self) -> list[RowChange]:
        return [c for c in self.changes.values() if c.newly_done]

    def newly_late(self) -> list[RowChange]:
        return [c for c in self.changes.values() if c.newly_late]


def diff_rows(previous: Iterable[dict], current: Iterable[dict]) -> MonthDiff:
    """Compare rows (dicts with key, FILLED fields) of two months by their key."""
    before = {r["key"]: r for r in previous}
    diff = MonthDiff()
    for row in current:
        old = before.get(row["key"])
        if old is None:
            diff.changes[row["key"]] = RowChange(row["key"], FILLED, None, row["status"])
            continue
        # progress starts blank each month: a blank progress is "not yet reported", not a change
        changed = tuple(f for f in FILLED if (old.get(f) or None) != (row.get(f) or None)
                        and not (f == "progress" and not row.get(f)))
        if changed:
            diff.changes[row["key"]] = RowChange(row["key"], changed, old["status"], row["status"])
    return diff


def count_line(statuses: Iterable[str]) -> tuple[int, list[tuple[str, int]]]:
    """(total, [(status, count)…]) in the fixed status order, zero counts left out."""
    counts = Counter(statuses)
    return sum(counts.values()), [(s, counts[s]) for s in STATUSES if counts[s]]
