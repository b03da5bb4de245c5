"""Fuzzing the .xls and .ods readers as the .xlsx importers are fuzzed (test_importers_fuzz.py):
random workbooks (seeded, so CI runs the same ones) saved as .xlsx and turned into real .xls and
.ods files by LibreOffice in one run each, and deliberately broken .xls and .ods files. Every
importer either works or refuses with a Chinese message, and a refusal leaves the database file
byte for byte as it was."""
from __future__ import annotations

import io
import random
import time
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.fuzz import test_importers_fuzz as base
from tests.soffice import convert

template = base.template  # the module's database with the built-in plan (a fixture)
KINDS = ("indicators", "supervision", "forms")
N_BOOKS = 24


def _value(rng: random.Random) -> Any:
    pick = rng.random()
    if pick < 0.45:
        return rng.choice(base.CELLS)
    if pick < 0.55:
        return None
    if pick < 0.65:
        return rng.randint(-10**6, 10**9)
    if pick < 0.72:
        return rng.uniform(-1e6, 1e6)
    if pick < 0.8:
        return date(1950, 1, 1) + timedelta(days=rng.randint(0, 60_000))
    if pick < 0.85:
        return datetime(2024, 1, 1, rng.randint(0, 23), rng.randint(0, 59))
    if pick < 0.9:
        return rng.choice([True, False])
    return "".join(rng.choice("法规处一二三（）、，;：\n 企业开办指标😀") for _ in range(rng.randint(1, 60)))


def _book(rng: random.Random) -> list[tuple[str, list[list[Any]], list[tuple[int, int, int, int]], str]]:
    sheets = []
    for i in range(rng.randint(1, 3)):
        width = rng.randint(1, 8)
        rows = [[_value(rng) for _ in range(width)] for _ in range(rng.randint(0, 12))]
        if rng.random() < 0.6:
            rows.insert(rng.randint(0, min(2, len(rows))), rng.sample(base.WORDS, rng.randint(2, min(8, width + 1))))
        merges = [(rng.randint(1, 12), rng.randint(1, 9), rng.randint(0, 3), rng.randint(0, 4))
                  for _ in range(rng.randint(0, 4))]
        sheets.append((f"表{i}" if rng.random() < 0.7 else f"Sheet {i}", rows, merges,
                       rng.choice(["visible", "visible", "hidden"])))
    return sheets


@pytest.fixture(scope="module")
def random_books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    root = tmp_path_factory.mktemp("random-formats")
    rng = random.Random(20261201)
    books = []
    for n in range(N_BOOKS):
        try:
            books.append(base.save(_book(rng), root / f"随机{n}.xlsx"))
        except Exception:  # openpyxl refuses some overlapping merges: that book is simply not made
            continue
    return {fmt: convert(books, fmt, root / fmt) for fmt in ("xls", "ods")}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_random_workbooks_as_xls_and_ods(kind: str, fmt: str, random_books: dict[str, list[Path]],
                                         template: tuple[Path, list[Path]], tmp_path: Path) -> None:
    outcomes = [base.check(kind, path, template[0], tmp_path) for path in random_books[fmt]]
    assert len(outcomes) >= N_BOOKS // 2 and "refused" in outcomes


@pytest.fixture(scope="module")
def good_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("good-formats")
    good = base.good_book(root / "good.xlsx")
    return {fmt: convert(good, fmt, root)[0].read_bytes() for fmt in ("xls", "ods")}


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    return base.rezip(data, change)


def _content(edit: Callable[[str], str]) -> Callable[[dict[str, bytes]], bytes]:
    return lambda good: _rezip(good["ods"], lambda n, d: edit(d.decode()).encode() if n == "content.xml" else d)


def _xls_bytes(edit: Callable[[bytes], bytes]) -> Callable[[dict[str, bytes]], bytes]:
    return lambda good: edit(good["xls"])


def _flip(data: bytes, start: float, length: int) -> bytes:
    at = int(len(data) * start)
    return data[:at] + bytes((b ^ 0x5A) for b in data[at:at + length]) + data[at + length:]


BROKEN: dict[str, tuple[str, Callable[[dict[str, bytes]], bytes]]] = {
    "xls-truncated-10%": ("xls", _xls_bytes(lambda d: d[: len(d) // 10])),
    "xls-truncated-60%": ("xls", _xls_bytes(lambda d: d[: len(d) * 6 // 10])),
    "xls-garbage-in-the-middle": ("xls", _xls_bytes(lambda d: _flip(d, 0.4, 700))),
    "xls-garbage-in-the-directory": ("xls", _xls_bytes(lambda d: _flip(d, 0.0, 512)[:8] + d[8:512] + _flip(d, 0.0, 512)[512:])),
    "xls-header-only": ("xls", _xls_bytes(lambda d: d[:512])),
    "ods-truncated": ("ods", lambda good: good["ods"][: len(good["ods"]) // 2]),
    "ods-no-content": ("ods", lambda good: _rezip(good["ods"], lambda n, d: None if n == "content.xml" else d)),
    "ods-garbage-content": ("ods", lambda good: _rezip(good["ods"], lambda n, d: b"\x00<<<" if n == "content.xml" else d)),
    "ods-content-cut": ("ods", _content(lambda s: s[: len(s) // 2])),
    "ods-bad-repeat-count": ("ods", _content(lambda s: s.replace("<table:table-row ", '<table:table-row '
                                                                   'table:number-rows-repeated="abc" ', 1))),
    "ods-huge-repeat": ("ods", _content(lambda s: s.replace("<table:table-row ", '<table:table-row '
                                                              'table:number-rows-repeated="99999999" ', 1))),
    "ods-huge-span": ("ods", _content(lambda s: s.replace("<table:table-cell ", '<table:table-cell '
                                                            'table:number-columns-spanned="16384" '
                                                            'table:number-rows-spanned="1048576" ', 1))),
    "ods-entity-expansion": ("ods", _content(lambda s: s.replace(
        "<office:document-content", '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        "<office:document-content", 1).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""))),
    "ods-mimetype-only": ("ods", lambda good: _zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})),
}
READABLE = {"ods-huge-span", "ods-bad-repeat-count", "ods-entity-expansion", "xls-garbage-in-the-middle"}


def _zip(parts: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("broken", list(BROKEN))
def test_broken_xls_and_ods(kind: str, broken: str, good_files: dict[str, bytes],
                            template: tuple[Path, list[Path]], tmp_path: Path) -> None:
    fmt, make = BROKEN[broken]
    path = tmp_path / f"{broken}.{fmt}"
    path.write_bytes(make(good_files))
    started = time.monotonic()
    outcome = base.check(kind, path, template[0], tmp_path)
    assert time.monotonic() - started < 20, f"{broken}: {kind} took {time.monotonic() - started:.1f} s"
    if broken not in READABLE:
        assert outcome == "refused", f"{kind} accepted {broken}"
