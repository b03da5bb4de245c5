"""Labels of indicator tables: numbering and scores inside names, written and read back.

'一、基础建设'  -> code '一'     '（3）落实重点工作任务' -> code '(3)'
'1.2 企业开办' -> code '1.2'    '企业开办（25分）'     -> score 25
format_label() writes what split_label() reads back unchanged (the export's round trip).
"""
from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from typing import Any

NUMERALS = "一二三四五六七八九十百零〇"
_SCORE = re.compile(r"\s*[（(]\s*(?:满分|分值|计|共)?\s*[:：]?\s*(\d+(?:[.．]\d+)?)\s*分\s*[)）]\s*$")
_CODES = (
    re.compile(rf"^[（(]\s*([{NUMERALS}]+|[0-9０-９]+)\s*[)）]\s*[、.．,，:：]?\s*"),   # （3） (一)
    re.compile(rf"^第?([{NUMERALS}]+)\s*[、.．,，:：]\s*"),                            # 一、
    re.compile(r"^([0-9０-９]+(?:\s*[.．]\s*[0-9０-９]+)+)\s*[、.．]?\s*"),              # 1.2
    re.compile(r"^([0-9０-９]+)\s*(?:[、.．,，:：]\s*|\s+)"),                          # 1、 1. 1␣
    re.compile(r"^([①-⑳])\s*"),                                                        # ①
    re.compile(r"^([A-ZＡ-Ｚ][0-9０-９]+(?:[.．][0-9０-９]+)*)\s*[、.．:：]?\s*(?=\S)"),   # A1, B2.1
    re.compile(r"^([A-ZＡ-Ｚ])(?:\s*[、.．:：]\s*|\s+(?=[\u4e00-\u9fff]))"),                 # A、 A. A 政务
)
_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’"
_SPACE_IN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def normalize_code(code: str) -> str:
    """'（３）' -> '(3)', '１．２' -> '1.2', '（一）' -> '一', '①' -> '(1)'."""
    code = re.sub(r"\s+", "", code)
    if code and "①" <= code[0] <= "⑳":
        return f"({ord(code[0]) - ord('①') + 1})"
    code = unicodedata.normalize("NFKC", code).replace("。", ".")
    inner = code.strip("()")
    if inner and all(ch in NUMERALS for ch in inner):
        return inner
    return code


def clean_name(text: str) -> str:
    """One line, no spaces between Chinese characters (PDF copies put them in), other runs of
    spaces made one."""
    text = _SPACE_IN_CJK.sub("", text.replace("\r", "").replace("\n", " "))
    return re.sub(r"[ \t\u3000]+", " ", text).strip()


def split_score(text: str) -> tuple[str, float | None]:
    """'企业开办（25分）' -> ('企业开办', 25.0)."""
    match = _SCORE.search(text)
    if not match:
        return text, None
    return text[: match.start()].rstrip(), float(match.group(1).replace("．", "."))


def split_label(text: str) -> tuple[str, str, float | None]:
    """(code, name, score) of a label such as '1.企业开办（25分）'."""
    name, score = split_score(clean_name(text))
    for i, pattern in enumerate(_CODES):
        match = pattern.match(name)
        if match and match.end() < len(name):  # a bare number is a name, not a code
            code = f"({match.group(1)})" if i == 0 else match.group(1)
            return normalize_code(code), name[match.end():].strip(), score
    return "", name, score


def format_label(code: str, name: str, score: float | None = None, sep: str = "、") -> str:
    """The label split_label() reads back as (code, name, score)."""
    text = name
    if code:
        text = f"{code}{name}" if code.startswith(("(", "（")) else f"{code}{sep}{name}"
    if score is not None:
        text += f"（{score:g}分）"
    return text


def cell_text(value: Any) -> str:
    """A cell's value as text: numbers without '.0', dates as YYYY-MM-DD, text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def parse_score(text: str) -> float | None:
    """'25', '25分', '２５．５' -> number; '' -> None; anything else raises ValueError."""
    text = unicodedata.normalize("NFKC", text).replace(" ", "")
    if text in ("", "/", "-", "—", "–", "无"):
        return None
    text = re.sub(r"分$", "", text)
    value = float(text)
    if not math.isfinite(value):  # 'nan', 'inf', '1e999' read as numbers but are not scores
        raise ValueError(text)
    return value
