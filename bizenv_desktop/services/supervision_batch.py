"""Many new supervised items at once (an import): ItemBatch checks each item by the rules of
services.supervision_rules as it is added and writes them all with Writer.insert_many and
update_many (the same rows, RowChanges and audit rows as one add_item and advance per item).
No Qt."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..storage.changes import Writer
from .calendar import load_calendar
from .supervision_rules import (_ISO, _advanced, _check_divisions, _check_rules, _highest, _links, _new_row,
                                _number_year, _row, split_deadline)


@dataclass(eq=False)
class NewItem:
    """An item an ItemBatch is to write: its row as first stored, and after each move forward."""
    row: dict[str, Any]
    lead: list[int]
    cooperating: list[int]
    moves: list[dict[str, Any]] = field(default_factory=list)
    id: int | None = None  # once written

    @property
    def current(self) -> dict[str, Any]:
        return self.moves[-1] if self.moves else self.row


class ItemBatch:
    """add_item and advance for many new items (an import), written together by flush() with
    Writer.insert_many and update_many: the same rows, ids, RowChanges and audit rows as one
    add_item and advance per item (grouped: the items, their divisions, then each round of
    moves). Each item is checked when it is added, by the same rules with the same messages,
    against the calendar, divisions and numbers loaded once; so an error still names its item.
    Existing items are changed through update_item and advance here, which first write what is
    pending (their checks look at the database)."""

    def __init__(self, w: Writer, today: date | None = None) -> None:
        self.w, self.today = w, today
        self.calendar = load_calendar(w.db)
        self._divisions: dict[int, str] = {r[0]: r[1] for r in w.db.query("SELECT id, name FROM division")}
        self._numbers = Counter(r[0] for r in w.db.query("SELECT no FROM supervision_item"))
        self._highest: dict[str, int] = {}  # 'DB-YYYY-' -> its highest NNN in use, once asked for
        self._pending: list[NewItem] = []
        self._deadlines: dict[tuple[str, str], tuple[str, str]] = {}  # a ledger repeats its deadlines

    def _split(self, text: str, received_on: str) -> tuple[str, str]:
        key = (text, received_on)
        if key not in self._deadlines:
            self._deadlines[key] = split_deadline(text, received_on, self.today, self.calendar)
        return self._deadlines[key]

    def add_item(self, content: str, no: str = "", source: str = "", received_on: str = "", deadline: str = "",
                 lead: Iterable[int] = (), cooperating: Iterable[int] = (), progress: str = "",
                 note: str = "", deadline_on: str | None = None, **ledger: Any) -> NewItem:
        """add_item(), written at flush(). deadline_on, when given, is the date a text deadline
        stands for (an importer that read the year from the document), instead of reading it
        from the date received or today."""
        split = self._split if deadline_on is None else (
            lambda text, received: (deadline_on, " ".join(text.split())) if text and not _ISO.match(text.strip())
            else self._split(text, received))
        row = _new_row(content, no, source, received_on, deadline, progress, note, split, ledger)
        lead_ids, coop_ids = _check_divisions(self.w, lead, cooperating, self._divisions)
        if not row["no"]:
            row["no"] = self._next_number(_number_year(row, self.today))
        _check_rules(row, lambda n: self._numbers[n] > 0)
        self._take(row["no"])
        item = NewItem(row, lead_ids, coop_ids)
        self._pending.append(item)
        return item

    def advance(self, item: NewItem | int, to_status: str | None = None, on: date | str | None = None,
                text: str = "") -> str:
        """advance() of an item added here (written at flush()) or of a stored one (at once)."""
        if isinstance(item, NewItem) and item.id is None:
            row = _advanced(dict(item.current), to_status, on, text)
            _check_rules(row, lambda n: self._numbers[n] > 1)  # its own number is counted once
            item.moves.append(row)
            return row["status"]
        self.flush()
        item_id = item.id if isinstance(item, NewItem) else item
        assert item_id is not None
        from .supervision import advance  # (supervision re-exports this module's names)

        return advance(self.w, item_id, to_status, on, text)

    def update_item(self, item_id: int, **fields: Any) -> None:
        """update_item() of a stored item, at once."""
        self.flush()
        from .supervision import update_item

        old = self.w.get("supervision_item", item_id) if "no" in fields else None
        update_item(self.w, item_id, calendar=self.calendar, **fields)
        if old is not None:
            self._numbers[old["no"]] -= 1
            self._highest.clear()  # a number given up may have been a highest
            self._take(_row(self.w, item_id)["no"])

    def flush(self) -> None:
        """Write the items added since the last flush: rows, divisions, then each round of moves."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        ids = self.w.insert_many("supervision_item", [p.row for p in pending])
        for item, item_id in zip(pending, ids):
            item.id = item_id
        self.w.insert_many("supervision_division", [link for p, item_id in zip(pending, ids)
                                                    for link in _links(item_id, p.lead, p.cooperating)])
        for k in range(max(len(p.moves) for p in pending)):
            self.w.update_many("supervision_item", {p.id: {c: v for c, v in p.moves[k].items() if c != "id"}
                                                    for p in pending if len(p.moves) > k})

    def _next_number(self, year: int) -> str:
        prefix = f"DB-{year}-"
        if prefix not in self._highest:
            self._highest[prefix] = _highest(prefix, (no for no, n in self._numbers.items() if n > 0))
        return f"{prefix}{self._highest[prefix] + 1:03d}"

    def taken(self, no: str) -> bool:
        """True when an item (stored, or added here) has the number."""
        return self._numbers[no] > 0

    def _take(self, no: str) -> None:
        self._numbers[no] += 1
        for prefix, highest in self._highest.items():
            self._highest[prefix] = max(highest, _highest(prefix, (no,)))

