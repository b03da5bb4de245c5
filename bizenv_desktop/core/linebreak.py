"""Chinese line breaking on a character grid, as GB/T 9704 body text wants it (pure, no fonts).

Text is cut into tokens that never part: a run of Latin letters and digits (2026、DB-2026-02),
"——" and "……", an opening mark (“《（) with what follows it, closing marks (，。、）》”) with what
precedes them. Lines are filled token by token; a line that would leave a closing mark to start
the next one takes it in by tightening its spacing a little (squeeze, at most `squeeze` points a
gap, so the mark's whole em box stays inside the block) or, when that is not enough, gives its
last token to the next line (pull back) and is spread to the full width instead.

A caller gives each character's advance (its glyph width plus the grid's spacing); the result
is where lines start and end and how much extra spacing each gap gets.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

CLOSING = set("，。、；：？！）》」』】〕〉”’…—·%‰℃,.;:?!)]}")   # never start a line
OPENING = set("（《「『【〔〈“‘([{")                           # never end a line
_WORD = set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_/:+#@&%'０１２３４５６７８９")


def is_narrow(ch: str) -> bool:
    """A half-width character (Latin, digits, ASCII punctuation)."""
    return ord(ch) < 0x2E80 and ch not in "—…“”‘’·"


def tokens(text: str) -> list[tuple[int, int]]:
    """(start, end) of the unbreakable pieces of text, in order."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        start = i
        while i < n and text[i] in OPENING:  # opening marks go with what they open
            i += 1
        if i < n and text[i] in _WORD:
            while i < n and (text[i] in _WORD or (text[i] == "," and i + 1 < n and text[i + 1].isdigit()
                                                  and i > start and text[i - 1].isdigit())):
                i += 1
        elif i < n and text[i] in "—…" and i + 1 < n and text[i + 1] == text[i]:
            i += 2
        elif i < n:
            i += 1
        while i < n and text[i] in CLOSING and not (text[i] in "—…" and i + 1 < n and text[i + 1] == text[i]):
            i += 1  # closing marks stay with what they close
        if i == start:
            i += 1
        out.append((start, i))
    return out


@dataclass(frozen=True)
class Line:
    start: int          # index of the first character
    end: int            # index after the last one
    natural: float      # width at the grid's spacing
    extra: float        # spacing added to every gap between characters (negative: squeezed)
    last: bool          # the paragraph's last line (not spread)


def break_lines(text: str, widths: Sequence[float], width: float, first_indent: float = 0.0,
                squeeze: float = 1.0, trail: float = 0.0, justify_last: bool = False) -> list[Line]:
    """Lines of text in a block `width` wide (the first one `first_indent` narrower).

    widths[i] is character i's advance on the grid (its glyph plus the grid's spacing `trail`,
    which the last character of a line does not need). Lines but the last are spread so that the
    last glyph ends at the block's edge; a squeezed line is tightened by at most `squeeze` a gap."""
    pieces = tokens(text)
    lines: list[Line] = []
    k = 0
    while k < len(pieces):
        room = width - (first_indent if not lines else 0.0)
        start = end = pieces[k][0]
        used = 0.0
        while k < len(pieces):
            a, b = pieces[k]
            w = sum(widths[a:b])
            if used + w <= room + 1e-6:
                used, end, k = used + w, b, k + 1
                continue
            if end == start:  # one token wider than the line (a long number or address): cut it
                cut = a
                while cut < b and used + widths[cut] <= room + 1e-6:
                    used += widths[cut]
                    cut += 1
                if cut == a:
                    used, cut = widths[a], a + 1
                end = cut
                if cut < b:
                    pieces[k] = (cut, b)
                else:
                    k += 1
                break
            core = b
            while core > a and text[core - 1] in CLOSING:
                core -= 1
            gaps = (b - start) - 1
            if core < b and used + sum(widths[a:core]) <= room + 1e-6 and gaps > 0 \
                    and (used + w - trail - room) / gaps <= squeeze:
                used, end, k = used + w, b, k + 1  # squeeze: the closing marks stay, a little tighter
            break
        lines.append(_line(start, end, used, room, trail, k >= len(pieces) and not justify_last))
    return lines


def _line(start: int, end: int, used: float, room: float, trail: float, last: bool) -> Line:
    gaps = end - start - 1
    visible = used - trail  # the last glyph needs no spacing after it
    if gaps <= 0 or (last and visible <= room + 1e-6):
        return Line(start, end, used, 0.0, last)
    return Line(start, end, used, (room - visible) / gaps, last)


# -- titles ------------------------------------------------------------------------------------

# Words of report titles that are never split across lines (besides the department's name and
# what the caller adds); anything else between them may be broken only at the marked points.
TITLE_WORDS = (
    "营商环境建设", "营商环境", "考核评价", "重点工作任务", "重点工作", "工作任务", "推进落实情况", "推进落实",
    "工作情况", "情况的报告", "情况的汇报", "的报告", "的汇报", "情况汇报", "情况报告", "实施方案", "任务分工表",
    "自我评价报告", "自我评价", "月调度情况", "月调度", "工作月调度情况", "建设工作", "第一季度", "第二季度",
    "第三季度", "第四季度", "年度", "关于",
)


def title_words(title: str, words: Sequence[str] = ()) -> list[str]:
    """The title cut into pieces a line may break between: known words (longest first),
    numbers with their 年/月, and the characters between them glued to their neighbours."""
    vocabulary = sorted({*TITLE_WORDS, *(w for w in words if w)}, key=len, reverse=True)
    out: list[str] = []
    i, loose = 0, ""
    while i < len(title):
        found = next((w for w in vocabulary if title.startswith(w, i)), None)
        if found is None and title[i].isdigit():
            j = i
            while j < len(title) and (title[j].isdigit() or title[j] in "年月日"):
                j += 1
            found = title[i:j]
        if found is None:
            loose += title[i]
            i += 1
            continue
        if loose:
            out.append(loose)
            loose = ""
        out.append(found)
        i += len(found)
    if loose:
        out.append(loose)
    # a single character (的, 和, 及) never stands between breaks: glue it to what follows
    glued: list[str] = []
    for piece in out:
        if glued and len(glued[-1]) == 1 and glued[-1] not in "《（":
            glued[-1] += piece
        else:
            glued.append(piece)
    return glued


_WIDE = re.compile("[\u2e80-\U0010ffff—…“”‘’·]")  # what is_narrow says is not narrow


def ems(text: str) -> float:
    """Width in ems: a half-width character counts a half (is_narrow; counted in C, not per character
    in Python: table widths measure every cell)."""
    if text.isascii():
        return len(text) * 0.5
    narrow = len(text) - len(_WIDE.findall(text))
    return len(text) - 0.5 * narrow


def balance_title(pieces: Sequence[str], per_line: float) -> list[str]:
    """Break a title into centred lines between its pieces, in a balanced shape: the fewest
    lines that hold it, as even as possible, each line no shorter than the one below it by
    more than a piece (a trapezoid), or longest in the middle (a lozenge); never one short
    piece alone on a line. Pieces longer than a line are cut."""
    units: list[str] = []
    for piece in pieces:
        while ems(piece) > per_line:
            cut = int(per_line)
            units.append(piece[:cut])
            piece = piece[cut:]
        if piece:
            units.append(piece)
    total = sum(map(ems, units))
    if total <= per_line:
        return ["".join(units)]
    n = len(units)
    best: tuple[float, list[str]] | None = None
    for count in range(2, n + 1):
        if best is not None and count > len(best[1]):
            break
        ideal = total / count
        for cuts in _cuts(n, count):
            lines = ["".join(units[a:b]) for a, b in zip((0, *cuts), (*cuts, n))]
            lengths = [ems(x) for x in lines]
            if max(lengths) > per_line:
                continue
            cost = sum((x - ideal) ** 2 for x in lengths)
            shape_ok = all(a >= b for a, b in zip(lengths, lengths[1:])) or (
                count == 3 and lengths[1] >= lengths[0] and lengths[1] >= lengths[2])
            if not shape_ok:
                cost += 1000
            if min(lengths) < max(4, per_line // 4):
                cost += 500
            if best is None or cost < best[0]:
                best = (cost, lines)
        if best is not None and best[0] < 500:
            break
    return best[1] if best else ["".join(units)]


def _cuts(n: int, count: int) -> list[tuple[int, ...]]:
    """Every way to cut n units into count non-empty lines (titles are short: a few dozen)."""
    if count == 1:
        return [()]
    out: list[tuple[int, ...]] = []

    def walk(start: int, left: int, acc: tuple[int, ...]) -> None:
        if left == 1:
            out.append(acc)
            return
        for cut in range(start + 1, n - left + 2):
            walk(cut, left - 1, acc + (cut,))
    walk(0, count, ())
    return out
