"""Text that a spreadsheet must never take for a formula (CSV and formula injection).

Excel and WPS read a cell that starts with = + - @ (or a tab or carriage return, which they
skip before looking) as a formula, in a CSV file at once and in a workbook as soon as the user
edits the cell. Any text the app writes comes from somewhere (a division's form, a ledger
someone sent, a file name), so every export writes such text as text: in a workbook as a string
cell marked quotePrefix (shown as typed, kept text when edited: services/excel/writing.safe_text),
in CSV with a leading apostrophe (csv_text). formula_guarded() is the one rule both use.
"""
from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_guarded(value: Any) -> bool:
    """True when value is text a spreadsheet would read as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: Any) -> str:
    """value as a CSV field: text that would start a formula gets a leading apostrophe (a
    number stays a number: -5 is read as -5, which is what it is)."""
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if formula_guarded(text) else text
