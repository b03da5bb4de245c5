"""Reading a deadline written the way offices write it (办结时限) into a date.

    2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日      that day
    2024年6月底前, 2024年6月, 2024-06                    the month's last day
    6月底前, 6月30日前, 六月底                            the same in the reference year
    6月上旬 / 6月中旬 / 6月中 / 6月初                     the 10th / 20th / 15th / 10th
    年底前, 年内, 年末, 全年, 本年度, 2024年底            31 December (of that year)
    上半年 / 下半年                                       30 June / 31 December
    第三季度, 三季度末, 2024年第1季度                     the quarter's last day
    本月底, 月底前 / 下月底 / 本季度末 / 下季度           the month's / quarter's last day
    今年… 明年… 次年…                                   the reference year or the next one
    10日内, 15天内                                        reference + n calendar days
    5个工作日内, 15个工作日, 五个工作日内                  reference + n working days (only when
                                                          add_workdays is given, else None)
    长期, 持续推进, 常态化, 每月报送 …                     None (no date can be read)

Rules, kept simple on purpose:
  * A year that is not written is the reference date's year, always: "6月底前" entered in
    December about next June reads as this June (write the year to avoid that).
  * The first readable date in the text wins ("6月底前完成初稿，9月底前印发" -> 6月30日);
    a readable date also wins over an ongoing word ("持续推进，年底前见成效" -> 12月31日).
  * Dates a period starts from are skipped ("自2024年3月起持续推进" -> None), and so are
    repeating ones introduced by 每 ("每月底前报送" -> None).
  * Full-width digits and punctuation (２０２４／６／３０) read like ASCII ones.
Pure functions: no database, no Qt.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

__all__ = ["ONGOING_WORDS", "derive_deadline", "is_ongoing", "normalize"]

ONGOING_WORDS = ("长期", "持续", "常态化", "长效", "久久为功", "不定期")

_FULL_WIDTH = str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:", "\u3000 \t")
_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "十": 10, "十一": 11, "十二": 12}
_YEAR_WORDS = {"今": 0, "本": 0, "当": 0, "明": 1, "次": 1}
_DAY_OF_PART = {"上旬": 10, "初": 10, "中旬": 20, "中": 15}

_Y = r"(?:(?P<{0}>\d{{4}})年|(?P<{0}w>今|本|当|明|次)年)"   # a year written before a month etc.
_M = r"(?P<{0}>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_NOT_START = r"(?!\d|起|以来|开始)"                              # not "自…起", not a longer number
_PATTERN = re.compile("|".join([
    # 2024-06-30, 2024/6/30, 2024.6.30, 2024年6月30日
    r"(?<!\d)(?P<fy>\d{4})[-/.年](?P<fm>\d{1,2})[-/.月](?P<fd>\d{1,2})[日号]?" + _NOT_START,
    # 2024-06, 2024/6, 2024.6 (a month): not followed by another number part
    r"(?<!\d)(?P<ny>\d{4})[-/.](?P<nm>\d{1,2})(?![\d.\-/]|起|以来|开始|亿|万)",
    # [year] 6月30日
    "(?<!每)" + _Y.format("dy") + "?" + r"(?<!\d)" + _M.format("dm") + r"月(?P<dd>\d{1,2})[日号]" + _NOT_START,
    # [year] 6月底 / 6月 / 6月中旬 …
    "(?<!每)" + _Y.format("my") + "?" + r"(?<!\d)" + _M.format("mm")
    + r"月(?:份)?(?P<mp>上旬|中旬|下旬|初|中|底|末)?(?!起|以来|开始|\d)",
    # [year] 第三季度, 三季度末
    "(?<!每)" + _Y.format("qy") + r"?(?<!\d)第?(?P<q>[一二三四1-4])季度?(?:末|底)?",
    # [year] 上半年 / 下半年
    "(?<!每)" + _Y.format("hy") + r"?(?P<h>上|下)半年",
    # 本季度末 / 下季度
    r"(?P<rq>本|下一?个?)季度?(?:末|底|内)?",
    # 本月底 / 下月底 / 月底前
    r"(?P<rm>本|下一?个?|当)月(?:底|末|内)?",
    r"(?<![每\d一二三四五六七八九十个])月(?:底|末)",
    # 2024年底, 今年内, 明年 …
    _Y.format("ey") + r"(?:底|末|内|度内|度)?(?!\d|起|以来|开始|[上下]半)",
    # 年底前, 年内, 年末, 全年, 本年度
    r"(?<![每\d])(?:年底|年末|年内|全年|本年度)",
    # 10日内, 15天内, 5个工作日内, 15个工作日 (办结), 五个工作日内
    r"(?<![\d.一二三四五六七八九十])(?P<n>\d{1,3}|[一二三四五六七八九十]{1,3})个?"
    r"(?P<unit>工作日(?:内|之内)?|日(?:内|之内)|天(?:内|之内))",
]))


def normalize(text: str) -> str:
    """Full-width digits and punctuation as ASCII, spaces removed."""
    return text.translate(_FULL_WIDTH)


def is_ongoing(text: str) -> bool:
    """True for deadlines such as 长期, 持续推进 or 常态化 that name no date."""
    return any(word in text for word in ONGOING_WORDS)


def _count(token: str) -> int:
    """'15' or 十五 / 二十 / 三十五 / 五 as a number."""
    if token.isdigit():
        return int(token)
    digits = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if "十" not in token:
        return digits[token] if len(token) == 1 else int("".join(str(digits[ch]) for ch in token))
    tens, _, ones = token.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[ones] if ones else 0)


def _num(token: str) -> int:
    return int(token) if token.isdigit() else _NUMERALS[token]


def _year(match: re.Match[str], group: str, reference: date) -> int:
    if match.group(group):
        return int(match.group(group))
    word = match.group(group + "w")
    return reference.year + (_YEAR_WORDS[word] if word else 0)


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def _quarter_end(year: int, quarter: int) -> date:
    return _month_end(year, 3 * quarter)


def _read(match: re.Match[str], reference: date,
          add_workdays: Callable[[date, int], date] | None) -> date | None:
    g = match.group
    if g("fy"):
        return date(int(g("fy")), int(g("fm")), int(g("fd")))
    if g("ny"):
        return _month_end(int(g("ny")), int(g("nm")))
    if g("dm"):
        return date(_year(match, "dy", reference), _num(g("dm")), int(g("dd")))
    if g("mm"):
        year, month = _year(match, "my", reference), _num(g("mm"))
        part = g("mp") or ""
        return date(year, month, _DAY_OF_PART[part]) if part in _DAY_OF_PART else _month_end(year, month)
    if g("q"):
        return _quarter_end(_year(match, "qy", reference), _num(g("q")))
    if g("h"):
        return date(_year(match, "hy", reference), 6 if g("h") == "上" else 12, 30 if g("h") == "上" else 31)
    if g("rq"):
        quarter = (reference.month - 1) // 3 + 1 + (0 if g("rq") == "本" else 1)
        return _quarter_end(reference.year + (quarter - 1) // 4, (quarter - 1) % 4 + 1)
    if g("rm"):
        month = reference.month + (1 if g("rm").startswith("下") else 0)
        return _month_end(reference.year + (month - 1) // 12, (month - 1) % 12 + 1)
    if g("ey") or g("eyw"):
        return date(_year(match, "ey", reference), 12, 31)
    if g("n"):
        n = _count(g("n"))
        if not g("unit").startswith("工作日"):
            return reference + timedelta(days=n)
        return add_workdays(reference, n) if add_workdays is not None else None
    text = g(0)
    if text.startswith("月"):
        return _month_end(reference.year, reference.month)
    return date(reference.year, 12, 31)  # 年底, 年末, 年内, 全年, 本年度


def derive_deadline(text: str, reference: date,
                    add_workdays: Callable[[date, int], date] | None = None) -> date | None:
    """The date a written deadline names, or None when it names none (长期, 持续推进 …).

    reference supplies the year (and month) the text leaves out and the start of "N日内";
    add_workdays(start, n), if given, reads "N个工作日内" (see the module's rules).
    """
    if not text:
        return None
    for match in _PATTERN.finditer(normalize(text)):
        try:
            day = _read(match, reference, add_workdays)
        except (ValueError, KeyError):  # 2024-13-01, 2月30日: not a date, look further
            continue
        if day is not None:
            return day
    return None
