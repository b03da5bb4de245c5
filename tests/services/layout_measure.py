"""GB/T 9704-2012 measured on a report's PDF: where the glyphs, lines, rules and page numbers are.

Everything is read from the file: poppler's text lines (pdftotext -bbox-layout: each line's
extent, its characters, its height = the font size), pdfplumber's characters for font names and
its rules for tables, and for the page number's dashes the ink itself (pdftoppm). Sizes in mm.
(pdfminer, under pdfplumber, loses the character spacing where a line switches between a
font's subsets, so its x positions are off by up to half a millimetre there; poppler's are not.)
"""
from __future__ import annotations

import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MM = 72 / 25.4
PITCH = 156 / 28          # mm: a body character on the grid
PORTRAIT = {"left": 28.0, "right": 184.0, "top": 37.0, "bottom": 262.0, "width": 210.0, "height": 297.0}
LANDSCAPE = {"left": 37.0, "right": 262.0, "top": 28.0, "bottom": 184.0, "width": 297.0, "height": 210.0}
CLOSING = set("，。、；：？！）》」』】〕〉”’…")
TITLE_WORDS = ("营商环境", "考核评价", "重点工作任务", "推进落实情况", "工作情况", "实施方案", "任务分工表", "自我评价",
               "月调度", "科学技术厅", "第三季度", "第四季度")


@dataclass
class PageFacts:
    number: int
    body_lines: list[dict[str, Any]]           # 16 pt lines, top to bottom
    all_lines: list[dict[str, Any]]            # every text line but the page number
    text_lines: int                            # lines of any text but the page number
    number_box: tuple[float, float] | None     # x0, x1 of "— n —" (mm)
    rules: list[dict[str, Any]]                # horizontal lines (mm)
    verticals: list[dict[str, Any]]


@dataclass
class Measured:
    pages: int
    orientation: str
    chars_per_full_line: dict[int, int] = field(default_factory=dict)   # count -> lines
    lines_per_page: list[int] = field(default_factory=list)             # 16 pt lines of each page
    leftmost: float = 1e9
    rightmost: float = -1e9
    topmost: float = 1e9
    lowest: float = -1e9
    table_left: float = 1e9
    table_right: float = -1e9
    number_gap: list[float] = field(default_factory=list)     # dash ink below the block (mm), per page checked
    number_inset: list[tuple[int, float]] = field(default_factory=list)  # (page, inset from the block edge, mm)
    signature_right: float = 0.0     # mm from the block's right edge to the signature's end
    date_shift: float = 0.0          # the date's start minus the signature's start, mm
    date_right: float = 0.0
    signature_page: int = 0
    lines_before_signature: int = 0  # text lines above the signature on its page
    thin_pages: list[int] = field(default_factory=list)     # pages (not the last) with < 3 text lines
    blank_pages: list[int] = field(default_factory=list)
    widows: list[int] = field(default_factory=list)          # pages starting with a paragraph's last line alone
    orphans: list[int] = field(default_factory=list)         # pages ending with a paragraph's first line alone
    lonely_headings: list[int] = field(default_factory=list)  # pages ending with a heading (or it and one line)
    open_table_ends: list[int] = field(default_factory=list)  # pages where a table goes on without a closing rule
    title_lines: list[str] = field(default_factory=list)
    attachment_fonts: set[str] = field(default_factory=set)


def _inked(edge: dict[str, Any]) -> bool:
    """A rule one can see: not drawn in white (a continued row's hidden rule)."""
    colour = edge.get("stroking_color") if edge.get("object_type") == "line" else edge.get("non_stroking_color")
    if colour is None:
        return True
    values = colour if isinstance(colour, (tuple, list)) else (colour,)
    return not all(isinstance(v, (int, float)) and v > 0.9 for v in values)


def _visible_rules(page: Any) -> list[dict[str, Any]]:
    """Horizontal rules as they show: where lines are drawn over each other, the last one drawn
    (a white line drawn over a grid line hides it)."""
    found: dict[tuple[float, float, float], bool] = {}
    for e in page.objects.get("line", []) + page.objects.get("rect", []):
        if e["object_type"] == "line" and abs(e["top"] - e["bottom"]) < 0.5 and e["x1"] - e["x0"] > 5:
            found[(round(_mm(e["top"]), 1), round(_mm(e["x0"]), 0), round(_mm(e["x1"]), 0))] = _inked(e)
        elif e["object_type"] == "rect" and e.get("fill") and _inked(e) and e["x1"] - e["x0"] > 5:
            for y in (e["top"], e["bottom"]):
                found.setdefault((round(_mm(y), 1), round(_mm(e["x0"]), 0), round(_mm(e["x1"]), 0)), True)
    return [{"x0": x0, "x1": x1, "y": y} for (y, x0, x1), shown in found.items() if shown]


def _mm(v: float) -> float:
    return v / MM


def _lines(chars: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    rows: dict[float, list[dict[str, Any]]] = {}
    for c in chars:
        y = round(c["matrix"][5], 1)
        key = next((k for k in rows if abs(k - y) < 1.0), y)
        rows.setdefault(key, []).append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows, reverse=True)]


def dash_gap(pdf: Path, page: int, block_bottom: float, height_mm: float) -> float:
    """How far below the block's lower edge the page number's dashes are (their ink's middle), mm."""
    with tempfile.TemporaryDirectory() as tmp:
        dpi = 300
        top = int((block_bottom + 1) / 25.4 * dpi)
        out = Path(tmp) / "p"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-gray", "-y", str(top),
                        "-H", str(int(15 / 25.4 * dpi)), "-W", str(int(300 / 25.4 * dpi)), "-x", "0", str(pdf), str(out)],
                       check=True)
        from PIL import Image

        image = Image.open(next(Path(tmp).glob("p*")))
        w, h = image.size
        px = image.load()
        # the dash: the rows where a long horizontal run of dark pixels is (digits are short)
        rows = []
        for y in range(h):
            run = best = 0
            for x in range(w):
                if px[x, y] < 128:
                    run += 1
                    best = max(best, run)
                else:
                    run = 0
            if best > 0.6 * 14 / 72 * dpi * 0.8:  # most of an em of 4号
                rows.append(y)
        assert rows, f"no dash found below the block on page {page}"
        middle = (min(rows) + max(rows)) / 2
        return (top + middle) / dpi * 25.4 - block_bottom


def poppler_lines(pdf: Path) -> list[list[dict[str, Any]]]:
    """Per page: text lines as poppler lays them out: text, x0, x1, top, bottom (mm), size (pt)."""
    import html

    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True,
                         encoding="utf-8", check=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        lines = []
        for attrs, inner in re.findall(r"<line ([^>]*)>(.*?)</line>", page, re.S):
            box = dict(re.findall(r'(\w+)="([\d.]+)"', attrs))
            words = [html.unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", inner, re.S)]
            x0, x1, top, bottom = (float(box[k]) for k in ("xMin", "xMax", "yMin", "yMax"))
            lines.append({"text": "".join(words), "x0": x0 / MM, "x1": x1 / MM, "top": top / MM,
                          "bottom": bottom / MM, "size": round(bottom - top, 1)})
        lines.sort(key=lambda ln: (round(ln["top"], 1), ln["x0"]))
        pages.append(lines)
    return pages


HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.．])")


def measure(pdf: Path, orientation: str, signature: str = "", date_text: str = "",
            ink_pages: tuple[int, ...] = (1, 2)) -> Measured:
    import pdfplumber

    block = LANDSCAPE if orientation == "landscape" else PORTRAIT
    left, right = block["left"], block["right"]
    m = Measured(0, orientation)
    all_lines = poppler_lines(pdf)
    m.pages = len(all_lines)
    rules_by_page: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]] = []
    with pdfplumber.open(str(pdf)) as doc:
        for page in doc.pages:
            rules = _visible_rules(page)
            verticals = [{"x": _mm(e["x0"]), "top": _mm(e["top"]), "bottom": _mm(e["bottom"])} for e in page.edges
                         if e["orientation"] == "v"]
            rules_by_page.append((rules, verticals))
            for r in rules:
                m.table_left = min(m.table_left, r["x0"])
                m.table_right = max(m.table_right, r["x1"])
            for line in _lines([dict(c) for c in page.chars])[:2]:
                if re.fullmatch(r"附件\d*", "".join(c["text"] for c in line)):
                    m.attachment_fonts |= {c["fontname"] for c in line}
    pages: list[PageFacts] = []
    for n, lines in enumerate(all_lines, 1):
        number = [ln for ln in lines if ln["top"] > block["bottom"] and re.fullmatch(r"—\d+—", ln["text"])]
        rest = [ln for ln in lines if ln not in number]
        body = [ln for ln in rest if abs(ln["size"] - 16) < 0.3]
        for ln in rest:
            if abs(ln["size"] - 16) < 0.3 or abs(ln["size"] - 22) < 0.3:
                m.leftmost = min(m.leftmost, ln["x0"])
                m.rightmost = max(m.rightmost, ln["x1"])
                m.topmost = min(m.topmost, ln["top"])
                m.lowest = max(m.lowest, ln["bottom"])
        box = (number[0]["x0"], number[0]["x1"]) if number else None
        rules, verticals = rules_by_page[n - 1] if n <= len(rules_by_page) else ([], [])
        pages.append(PageFacts(n, body, rest, len({round(ln["top"]) for ln in rest}), box, rules, verticals))
        if n == 1:
            m.title_lines = [ln["text"] for ln in rest if abs(ln["size"] - 22) < 0.3]
    for p in pages:
        m.lines_per_page.append(len({round(ln["top"], 0) for ln in p.body_lines}))
        if p.text_lines == 0:
            m.blank_pages.append(p.number)
        elif p.text_lines < 3 and p.number < m.pages:
            m.thin_pages.append(p.number)
        for line in p.body_lines:
            if line["x1"] > right - 0.3 and abs(line["x0"] - left) < 0.3:  # a full line
                if all(ord(ch) > 0x2E80 for ch in line["text"]):
                    count = len(line["text"])
                    m.chars_per_full_line[count] = m.chars_per_full_line.get(count, 0) + 1
        if p.number_box is not None:
            x0, x1 = p.number_box
            m.number_inset.append((p.number, right - x1 if p.number % 2 else x0 - left))
        _paragraph_breaks(m, p, pages, left, right)
        _table_ends(m, p, pages)
    for n in ink_pages:
        if n <= m.pages:
            m.number_gap.append(dash_gap(pdf, n, block["bottom"], block["height"]))
    if signature:
        for p in pages:
            for k, line in enumerate(p.body_lines[:-1]):
                day = p.body_lines[k + 1]
                if line["text"] == signature and day["text"] == date_text:
                    m.signature_page = p.number
                    m.signature_right = right - line["x1"]
                    m.date_right = right - day["x1"]
                    m.date_shift = day["x0"] - line["x0"]
                    m.lines_before_signature = len({round(ln["top"]) for ln in all_lines[p.number - 1]
                                                    if ln["bottom"] < line["top"] - 0.5})
    return m


def _paragraph_breaks(m: Measured, p: PageFacts, pages: list[PageFacts], left: float, right: float) -> None:
    """Widows, orphans and headings left at a page's foot, from the lines' shapes: a paragraph's
    first line starts two characters in, its other lines at the block's edge; all but its last
    line reach the right edge."""
    lines = p.body_lines
    if not lines or p.number >= len(pages):
        return
    nxt = pages[p.number].body_lines
    last = lines[-1]

    def indented(line: dict[str, Any]) -> bool:
        return abs(line["x0"] - (left + 2 * PITCH)) < 0.5

    def at_edge(line: dict[str, Any]) -> bool:
        return abs(line["x0"] - left) < 0.5

    def full(line: dict[str, Any]) -> bool:
        return line["x1"] > right - 0.5

    def heading(line: dict[str, Any]) -> bool:
        return indented(line) and not full(line) and bool(HEADING.match(line["text"])) and len(line["text"]) <= 30

    if not nxt:
        return
    if indented(last) and full(last) and at_edge(nxt[0]):
        m.orphans.append(p.number)          # a paragraph's first line alone at the foot
    if full(last) and at_edge(nxt[0]) and not full(nxt[0]) and (len(nxt) == 1 or not at_edge(nxt[1])):
        m.widows.append(p.number + 1)       # a paragraph's last line alone at the top
    below = [ln for ln in p.all_lines if ln["top"] > last["bottom"]]  # table rows under the last text line
    if not below and (heading(last) or (len(lines) > 1 and heading(lines[-2]) and not full(last)
                                        and not indented(nxt[0]))):
        m.lonely_headings.append(p.number)


def _table_ends(m: Measured, p: PageFacts, pages: list[PageFacts]) -> None:
    """A page whose table goes on to the next page must close it with a rule below its last row."""
    if not p.verticals or p.number >= len(pages):
        return
    nxt = pages[p.number]
    if not nxt.verticals or not nxt.rules:
        return
    table_bottom = max(v["bottom"] for v in p.verticals)
    page_top_table = min(v["top"] for v in nxt.verticals)
    block_top = (LANDSCAPE if m.orientation == "landscape" else PORTRAIT)["top"]
    if page_top_table > block_top + 1:  # the next page does not start with a table
        return
    closing = [r for r in p.rules if abs(r["y"] - table_bottom) < 0.6]
    if not closing:
        m.open_table_ends.append(p.number)


def title_is_balanced(lines: list[str], words: tuple[str, ...] = TITLE_WORDS) -> bool:
    """No known word split across lines; a trapezoid (each line at least as long as the next,
    allowing a character) or a lozenge; no line shorter than 4 characters."""
    joined = "".join(lines)
    for word in words:
        if word in joined and not any(word in line for line in lines):
            return False
    lengths = [sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in line) for line in lines]
    if len(lengths) > 1 and min(lengths) < 4:
        return False
    trapezoid = all(a + 1 >= b for a, b in zip(lengths, lengths[1:]))
    lozenge = len(lengths) == 3 and lengths[1] >= max(lengths[0], lengths[2])
    return trapezoid or lozenge


@dataclass
class Converted:
    """What LibreOffice made of a .docx, read from its PDF by pdfplumber's characters (its font
    substitutes' line boxes are not 16 pt high, so poppler's line heights do not tell the body)."""
    pages: int
    lines_per_page: list[int]          # 16 pt lines
    thin_pages: list[int]              # not the last, with < 3 lines of any text
    number_gap: list[float]            # page 1 and 2: the dashes below the block, mm
    signature_page: int                # the page with the signature and, on the next line, the date
    signature_right: float             # in characters from the block's right edge
    lines_above_signature: int         # lines of any text above the signature on its page


def measure_converted(pdf: Path, orientation: str, signature: str, date_text: str) -> Converted:
    import pdfplumber

    block = LANDSCAPE if orientation == "landscape" else PORTRAIT

    def text(line: list[dict[str, Any]]) -> str:
        return "".join(c["text"] for c in line).replace(" ", "")

    c = Converted(0, [], [], [], 0, 0.0, 0)
    with pdfplumber.open(str(pdf)) as doc:
        c.pages = len(doc.pages)
        for n, page in enumerate(doc.pages, 1):
            lines = [ln for ln in _lines([dict(ch) for ch in page.chars]) if not re.fullmatch(r"—\d+—", text(ln))]
            if len(lines) < 3 and n < c.pages:
                c.thin_pages.append(n)
            body = [ln for ln in lines if abs(ln[0]["size"] - 16) < 0.3]
            c.lines_per_page.append(len(body))
            for k, line in enumerate(body[:-1]):
                if text(line) == signature and text(body[k + 1]) == date_text and not c.signature_page:
                    c.signature_page = n
                    c.signature_right = (block["right"] - _mm(line[-1]["x1"])) / PITCH
                    c.lines_above_signature = sum(1 for ln in lines if ln[0]["top"] < line[0]["top"] - 1)
    c.number_gap = [dash_gap(pdf, n, block["bottom"], block["height"]) for n in (1, 2) if n <= c.pages]
    return c
