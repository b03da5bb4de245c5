"""What the columns and cells of a 督办事项台账 mean: the header words of each field (field_of,
_fields), statuses as offices write them (status_of), dates in their written forms (parse_date)
and written deadlines read from the date received (text_deadline).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from functools import lru_cache

from ...core.deadline_text import derive_deadline
from ...core.workdays import WorkCalendar
from ..supervision import STATUSES
from .columns import norm

FIELD_NAMES = {"seq": "序号", "no": "编号", "source": "来源", "received": "交办日期", "content": "事项内容",
               "lead": "牵头处室", "cooperate": "配合处室", "responsible": "责任处室", "deadline": "办结时限",
               "progress": "办理进度", "status": "状态", "closure": "办结情况", "note": "备注", "person": "责任人",
               "signed_on": "签收日期", "done_on": "办结日期", "reported_on": "报结日期", "closed_on": "销号日期",
               "requirements": "督办内容及要求", "supervision_type": "督办类型", "urgency": "紧急程度",
               "leader": "分管领导", "feedback_cycle": "反馈周期", "completion": "完成进度", "urge_count": "催办次数"}


_RULES = (  # the first rule with a word in the header text wins; the lowest header row decides
    ("seq", ("序号",)), ("no", ("编号", "文号", "督办号", "单号")), ("urge_count", ("催办次数", "催办次", "催办（次）")),
    ("status", ("状态", "是否办结", "办理结果类型")),
    # 分管（厅）领导 are people: never read as lead divisions (牵头), never as 责任人 either
    ("leader", ("分管领导", "分管厅领导", "分管局领导", "厅领导", "局领导", "牵头领导", "分管负责同志", "包保领导", "领导")),
    ("urgency", ("紧急程度", "缓急程度", "缓急", "紧急")),
    ("feedback_cycle", ("反馈周期", "反馈频次", "反馈频率", "报送周期", "报送频次", "调度频次", "反馈时间要求")),
    ("person", ("责任人", "联系人", "经办人", "负责人")), ("signed_on", ("签收日期", "签收时间")),
    ("done_on", ("办结日期", "办结时间", "完成日期", "实际完成")), ("reported_on", ("报结日期", "报结时间")),
    ("closed_on", ("销号日期", "销号时间")), ("deadline", ("时限", "期限", "截止", "完成时间", "要求完成")),
    ("received", ("交办日期", "交办时间", "收文日期", "接收日期", "受理日期", "登记日期", "下达日期")),
    ("source", ("来源", "交办单位", "交办部门", "交办机关")),
    ("supervision_type", ("督办类型", "督办类别", "事项类型", "事项类别", "交办类型", "督办方式", "类型", "类别")),
    ("requirements", ("督办内容及要求", "内容及要求", "督办要求", "办理要求", "工作要求", "具体要求", "整改要求")),
    ("lead", ("牵头",)), ("cooperate", ("配合", "协办", "协助")),
    ("responsible", ("责任", "承办", "主办", "办理处室", "办理单位")),
    ("closure", ("办结情况", "办结报告", "办理结果", "整改结果")),
    ("completion", ("完成进度", "完成比例", "完成率", "完成百分比", "进度（%）", "进度(%)", "完成情况（%）")),
    ("progress", ("进度", "进展", "办理情况", "落实情况", "推进情况", "整改情况")), ("note", ("备注", "说明")),
    ("content", ("内容", "事项", "问题", "任务")))
_MULTI = ("lead", "cooperate", "responsible")
_KEYS = ("no", "seq", "received", "status", "deadline")  # a row with none of these continues the item above
_STATUS_WORDS = {
    "待签收": ("待签收", "未签收", "待办理", "未办理", "新交办", "待接收", "未开始"),
    "办理中": ("办理中", "正在办理", "在办", "推进中", "正在推进", "进行中", "已签收", "未办结", "未完成", "整改中",
            "持续推进", "落实中", "否"),
    "已办结": ("已办结", "办结", "已完成", "完成", "已整改", "已落实", "是", "已办理", "办理完毕", "已解决", "整改完成"),
    "已报结": ("已报结", "报结", "已上报"),
    "已销号": ("已销号", "销号", "已关闭", "关闭", "已结案", "已销账", "销账", "已销项", "销项", "已办结销号")}
_STATUS = {norm(w): s for s, words in _STATUS_WORDS.items() for w in words}
_DONE = STATUSES.index("已办结")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T]\d{1,2}:\d\d(?::\d\d)?)?$")


def field_of(text: str) -> str:
    t = norm(text)
    if t in ("序号", "序", "no", "no.", "#"):
        return "seq"
    return next((f for f, words in _RULES if any(w in t for w in words)), "") if t else ""


@lru_cache(maxsize=4096)  # a ledger repeats its dates: read each once
def parse_date(text: str) -> str | None:
    """ISO date of '2024-06-03', '2024.6.3', '2024/6/3', '2024年6月3日', '20240603' or an
    Excel serial number (1970–2099); None when the text is no date of 1900–2099."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.match(t) or re.fullmatch(r"(\d{4})(\d\d)(\d\d)", t)
    try:
        if m and 1900 <= int(m.group(1)) <= 2099:  # far years are typing errors (and overflow date arithmetic)
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        if re.fullmatch(r"\d{5}(?:\.\d+)?", t) and 25569 <= float(t) < 73051:
            return (date(1899, 12, 30) + timedelta(days=int(float(t)))).isoformat()
    except ValueError:
        pass
    return None


def status_of(text: str) -> str | None:
    """The workflow status a status cell names, None if none: the whole text, else the longest
    word of two or more characters in it ('尚未办结' is 办理中, not 已办结)."""
    t = norm(text)
    if t in _STATUS:
        return _STATUS[t]
    found = [w for w in _STATUS if len(w) > 1 and w in t]
    return _STATUS[max(found, key=len)] if found else None


def _fields(texts: list[list[str]]) -> dict[int, str]:
    out: dict[int, str] = {}
    for c, column in enumerate(texts, 1):
        found = next((f for f in (field_of(t) for t in reversed(column)) if f), "")
        if found and (found in _MULTI or found not in out.values()):
            out[c] = found
    if "content" not in out.values():  # 督办内容及要求 is then the item itself
        for c, f in out.items():
            if f == "requirements":
                out[c] = "content"
                break
    return out


def _year_of(text: str) -> int | None:
    found = re.search(r"(?<!\d)(20\d\d)\s*年", text or "")
    return int(found.group(1)) if found else None


_derive = lru_cache(maxsize=4096)(derive_deadline)  # the same few texts and dates, row after row
_WRITTEN_YEAR = re.compile(r"\d{4}\s*[年/.\-]")
_CALENDAR = WorkCalendar()  # the State Council's schedule; plan and apply read again with the user's overrides


def _ADD(start: date, n: int) -> date:
    return _CALENDAR.add_workdays(start, n).day


def text_deadline(text: str, reference: str, calendar: WorkCalendar | None = None) -> str:
    """The ISO date a written deadline names, read from reference (the date received, or 1 January
    of the document's year); with no reference only a deadline that writes its own year is read:
    never today's year. 'N个工作日' counts working days on calendar (the published schedule)."""
    cal = calendar or _CALENDAR
    if not reference and not _WRITTEN_YEAR.search(text):
        return ""
    start = date.fromisoformat(reference) if reference else date(2000, 1, 1)
    derived = _derive(text, start, _ADD) if cal is _CALENDAR else derive_deadline(
        text, start, lambda d, n: cal.add_workdays(d, n).day)
    if derived is not None and not reference and "工作日" in text:
        return ""  # N working days from an unknown day
    return derived.isoformat() if derived else ""
