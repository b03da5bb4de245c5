"""Column widths that fit a table's text into the text block (pure; widths in ems of the cell font).

Each column gets at least what its longest unbreakable piece (a date, a number, a two-character
header word) needs; short columns (序号, 状态, 处室) get all their text needs on one line; the
width left goes to the long columns so that the table is as short as it can be: the widths
start in proportion to how much text each column holds, then move an em at a time to wherever
that saves the most lines.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

from .linebreak import CLOSING, ems, tokens

SAMPLE_ROWS = 80     # rows looked at when moving widths
MEASURED_ROWS = 240  # rows whose text sets the columns' least and natural widths
READABLE = 6.0       # ems: the narrowest a column of running text gets when there is room


@lru_cache(maxsize=8192)  # pure; a table's cells repeat (处室, 状态, 时限), and so do its builds
def _longest_piece(text: str) -> float:
    best = 0.0
    for a, b in tokens(text):
        piece = text[a:b].rstrip("".join(CLOSING))
        best = max(best, ems(piece))
    return best


def _lines(text: str, width: float) -> int:
    """Lines a cell's text takes at a width (in ems): each paragraph rounded up."""
    if width <= 0:
        return 10 ** 6
    return sum(max(1, math.ceil(ems(part) / width - 1e-9)) for part in text.split("\n")) if text else 1


def fit_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: float, padding: float = 1.0,
               skip: Sequence[int] = ()) -> list[float]:
    """Widths in ems (padding included) of each column, summing to total.

    rows in `skip` (group rows spanning the table) are not measured."""
    count = len(header)
    skipped = set(skip)
    # a long table's rows are alike: its first rows tell the widths (a long table lays out in seconds)
    body = [list(r) + [""] * (count - len(r)) for i, r in enumerate(rows[:MEASURED_ROWS]) if i not in skipped]
    minimum = []
    natural = []
    volume = []
    for c in range(count):
        cells = [str(r[c] or "") for r in body]
        head = str(header[c] or "")
        whole = [ems(x) for x in cells]
        lines = [ems(part) for x in cells for part in x.split("\n")] if any("\n" in x for x in cells) else whole
        # a header of up to four characters stays on one line (配合处室, 完成时限) where the column's text is
        # about as wide; over a narrow column (序号, 1份) and when longer, it may wrap
        widest = max(lines + [0.0])
        piece = 0.0  # the longest unbreakable piece, looked for only where it could be longer (and below 8)
        for x, w in zip(cells, whole):
            if piece >= 8.0:
                break
            if w > piece:
                piece = max(piece, _longest_piece(x))
        piece = max(piece, ems(head) if len(head) <= 4 and widest >= ems(head) - 1 else min(ems(head), 2.0))
        minimum.append(min(piece, 8.0) + padding)
        longest = max(lines + [ems(head) / 2 if len(head) > 4 else ems(head)])
        natural.append(longest + padding)
        volume.append(sum(whole) / max(1, len(cells)))
    if sum(minimum) >= total:  # not even the pieces fit: shrink in proportion
        scale = total / sum(minimum)
        return [m * scale for m in minimum]
    if sum(natural) <= total:  # everything on one line: share what is left in proportion
        spare = total - sum(natural)
        weight = sum(natural)
        return [n + spare * n / weight for n in natural]
    # a column of text is never narrower than six characters when the block allows (a column of
    # three-character lines is hard to read, whatever it saves)
    floor = [max(m, min(n, READABLE + padding)) for m, n in zip(minimum, natural)]
    if sum(floor) <= total:
        minimum = floor
    # short columns get their natural width; long ones share the rest by the text they hold
    widths = list(minimum)
    short = [c for c in range(count) if natural[c] <= 8 + padding]
    for c in short:
        widths[c] = natural[c]
    if sum(widths) > total:
        widths = list(minimum)
        short = []
    long_cols = [c for c in range(count) if c not in short] or list(range(count))
    spare = total - sum(widths)
    weight = sum(max(volume[c], 0.1) for c in long_cols)
    for c in long_cols:
        widths[c] += spare * max(volume[c], 0.1) / weight
    return _improve(widths, minimum, body, long_cols if short else list(range(count)))


def _counts(parts: Sequence[float], width: float) -> int:
    if width <= 0:
        return 10 ** 6
    return sum(max(1, math.ceil(p / width - 1e-9)) for p in parts) if parts else 1


def _improve(widths: list[float], minimum: Sequence[float], rows: Sequence[Sequence[str]],
             movable: Sequence[int], padding: float = 1.0) -> list[float]:
    """Move an em at a time from one column to another while that makes the table shorter."""
    step = 1.0
    sample = list(rows[:SAMPLE_ROWS])
    if not sample or len(movable) < 2:
        return widths
    count = len(widths)
    parts = [[[ems(x) for x in str(row[c] or "").split("\n") if x] for c in range(count)] for row in sample]

    def column(c: int, width: float) -> list[int]:
        return [_counts(r[c], width - padding) for r in parts]
    now = [column(c, widths[c]) for c in range(count)]
    best = sum(max(col[r] for col in now) for r in range(len(sample)))
    for _round in range(24):
        narrower = {a: column(a, widths[a] - step) for a in movable if widths[a] - step >= minimum[a]}
        wider = {b: column(b, widths[b] + step) for b in movable}
        move = None
        for a, less in narrower.items():
            for b, more in wider.items():
                if a == b:
                    continue
                trial = [less if c == a else more if c == b else now[c] for c in range(count)]
                h = sum(max(col[r] for col in trial) for r in range(len(sample)))
                if h < best:
                    best, move = h, (a, b, less, more)
        if move is None:
            break
        a, b, less, more = move
        widths[a] -= step
        widths[b] += step
        now[a], now[b] = less, more
    return widths
