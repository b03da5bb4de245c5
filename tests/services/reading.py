"""Reading the reports back from the files: poppler (pdftotext, pdfinfo, pdffonts), pdfplumber."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

A4 = (595.28, 841.89)  # points, as pdfinfo rounds them ("595.276 x 841.89 pts (A4)")
MM = 72 / 25.4


def text_of(pdf: Path, *options: str) -> str:
    """pdftotext in content order (-raw: each table cell's lines stay together)."""
    return subprocess.run(["pdftotext", *(options or ("-raw",)), str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout


def flat(text: str) -> str:
    """Text without page numbers and white space: wrapped lines and split paragraphs joined again."""
    return re.sub(r"\s+", "", re.sub(r"— \d+ —", "", text))


def info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, encoding="utf-8", check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def fonts(pdf: Path) -> list[list[str]]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    return [line.split() for line in lines[2:] if line.strip()]


def check_pdf(pdf: Path, orientation: str, title: str | None = None, author: str = "吉林省科学技术厅") -> str:
    """Size, embedded fonts, page numbers and metadata of a report; returns its text."""
    meta = info(pdf)
    width, height = map(float, re.match(r"([\d.]+) x ([\d.]+) pts", meta["Page size"]).groups())
    expected = A4 if orientation == "portrait" else A4[::-1]
    assert abs(width - expected[0]) < 0.01 and abs(height - expected[1]) < 0.01, meta["Page size"]
    if title is not None:
        assert meta["Title"] == title
    assert meta["Author"] == author
    count = int(meta["Pages"])
    rows = fonts(pdf)
    assert rows, "no fonts at all"
    for row in rows:  # name type encoding emb sub uni object ID: every font embedded, none a base-14 font
        assert row[-5] == "yes", f"font not embedded: {row}"
        assert "Helvetica" not in row[0] and "Times" not in row[0], row
    text = text_of(pdf)
    per_page = text.split("\f")[:count]
    assert [re.findall(r"— (\d+) —", page) for page in per_page] == [[str(n)] for n in range(1, count + 1)]
    return text


def page_texts(pdf: Path) -> list[str]:
    return text_of(pdf).split("\f")[:int(info(pdf)["Pages"])]


def body_pages(pdf: Path, date_text: str) -> int:
    """The number of the page that holds the signature's date (the end of the body)."""
    pages = page_texts(pdf)
    found = [n for n, page in enumerate(pages, 1)
             if any(line.replace(" ", "") == date_text for line in page.splitlines())]  # the date's own line
    assert found, f"{date_text} not found"
    return found[0]


def chars(pdf: Path) -> list[list[dict[str, Any]]]:
    """pdfplumber's characters of every page (x0, x1, top, bottom, fontname, size, text, matrix)."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return [[dict(c) for c in page.chars] for page in doc.pages]


def lines_of(page_chars: list[dict[str, Any]], size: float | None = None) -> list[list[dict[str, Any]]]:
    """Characters grouped into text lines by their baseline (the text matrix's y), top to bottom,
    each line's characters left to right; only characters of `size` points when given."""
    rows: dict[float, list[dict[str, Any]]] = {}
    for c in page_chars:
        if size is not None and abs(c["size"] - size) > 0.05:
            continue
        y = round(c["matrix"][5], 1)
        key = next((k for k in rows if abs(k - y) < 1.0), y)
        rows.setdefault(key, []).append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows, reverse=True)]
