"""The monthly round's division forms: the layout (sheet, columns, fields), what a returned
form reads into (FormData, Problem, RowChange, FilePreview), the cooperating divisions'
paragraphs of the remarks; the messages. See services/forms.py. No Qt."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..core import messages


SHEET, META, FORMAT, HEAD = "月调度表", "_meta", "bizenv-dispatch-form/1", 3
# widths in Excel character units: an A4 landscape page holds about 150 of them at 100 %, so the
# columns a form does not need (子任务, 目标 and figures, 配合处室意见, last month) are hidden
COLUMNS = (("序号", 4), ("指标", 16), ("考评内容及标准", 26), ("子任务", 12), ("责任处室", 8), ("目标", 7),
           ("上月状态", 7), ("上月进展", 16), ("完成状态", 8), ("本月进展", 24), ("存在问题", 16), ("下步打算", 16),
           ("责任人", 7), ("分子", 6), ("分母", 6), ("数值", 6), ("配合处室意见", 18), ("行键", 6))
FIELDS = ("status", "progress", "problems", "next_steps", "person", "numerator", "denominator", "value", "remarks")
COL = {f: i for i, f in enumerate(FIELDS, 9)}  # status in column 9 (I) … remarks in 17 (Q)
KEY_COL = 18  # R, hidden
CRITERIA_COL = 3
BODY_FONT_SIZE = 11
NAMES = {f: COLUMNS[c - 1][0] for f, c in COL.items()}
FIGURES = {"quantitative": ("numerator", "denominator", "value"), "ranking": ("value",)}
GUIDE = ("填写说明：只填白色单元格，灰色为只读。完成状态从下拉列表选择；分子、分母、数值只填数字（比率填 0–100，不带 %）；"
         "“责任处室”不是本处室的行，本处室为配合处室，只填“配合处室意见”。请勿增删行、改动表头或工作表名称。"
         "填好后保存交回联络员（.xlsx，或 WPS、LibreOffice 另存的 .xls、.ods 均可）。制表日期：{today}")
_THIN = Side(style="thin", color="999999")


_BORDER, _GREY = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN), PatternFill("solid", fgColor="EDEDED")
_WHITE, _HEADER = PatternFill("solid", fgColor="FFFFFF"), PatternFill("solid", fgColor="D9E1F2")
_WRAP = Alignment(wrap_text=True, vertical="top")
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass
class Problem:
    file: str
    sheet: str
    row: int | None
    column: str  # letter, '' for the whole file or sheet
    message: str
    heading: str = ""  # the column's header as the returned form has it (columns may have moved)

    @property
    def place(self) -> str:
        """'工作表“月调度表”，第 5 行，I 列（完成状态）'; '' for the whole file."""
        where = ([f"工作表“{self.sheet}”"] if self.sheet else []) + ([f"第 {self.row} 行"] if self.row else [])
        last = get_column_letter(len(COLUMNS))
        heading = self.heading or (COLUMNS[ord(self.column) - 65][0]
                                   if len(self.column) == 1 and "A" <= self.column <= last else "")
        where += [f"{self.column} 列（{heading}）" if heading else f"{self.column} 列"] if self.column else []
        return "，".join(where)

    @property
    def text(self) -> str:
        return "，".join(filter(None, [f"文件“{self.file}”", self.place])) + "：" + self.message


@dataclass
class FormRow:
    key: str  # "R12": the division's row 12; "C12": row 12 of an indicator it cooperates on
    excel_row: int
    values: dict[str, Any]
    original: dict[str, Any]

    @property
    def row_id(self) -> int:
        return int(self.key[1:])


@dataclass
class FormData:
    path: Path
    month: str | None = None
    division_id: int | None = None
    division_name: str = ""
    rows: list[FormRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: dict[str, str] = field(default_factory=dict)  # column letter -> header, as returned
    key_column: str = get_column_letter(KEY_COL)
    field_letters: dict[str, str] = field(default_factory=dict)  # field -> column letter, as returned

    def problem(self, message: str, row: int | None = None, column: str = "") -> None:
        self.problems.append(Problem(self.path.name, SHEET if row else "", row, column, message,
                                     self.headings.get(column, "")))


@dataclass
class FieldChange:
    field: str
    name: str
    old: Any
    new: Any


@dataclass
class RowChange:
    row_id: int
    excel_row: int
    label: str
    fields: list[FieldChange]

    @property
    def values(self) -> dict[str, Any]:
        return {c.field: c.new for c in self.fields}


@dataclass
class FilePreview:
    form: FormData
    changes: list[RowChange]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def form_name(month: str, division: str) -> str:
    return f"{month} 月调度表（{_UNSAFE.sub('_', division)}）.xlsx"


# -- cooperating divisions' paragraphs of the remarks ----------------------------------------------

def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n(?=【[^】\n]+】)", text or "") if p.strip()]


def _remark_of(remarks: str, name: str) -> str:
    tag = f"【{name}】"
    return next((p[len(tag):].strip() for p in _paragraphs(remarks) if p.startswith(tag)), "")


def _with_remark(remarks: str, name: str, text: str) -> str:
    tag, out, placed = f"【{name}】", [], False
    for part in _paragraphs(remarks):
        if not part.startswith(tag):
            out.append(part)
        elif not placed:
            out += [tag + text] if text else []
            placed = True
    return "\n".join(out + ([tag + text] if text and not placed else []))


messages.register({
    "forms.month_closed": ("{month} 的月调度已关闭，不能再发调度表；如需补报，请先“重新打开”该月。",
                           "The monthly dispatch of {month} is closed: no more forms can be sent. To report late, "
                           "first “Reopen” the month."),
    "forms.no_rows": ("{month} 没有需要处室填写的调度行（只有处室组或未指定处室的行）。",
                      "{month} has no dispatch rows for divisions to fill in (only rows of division groups or with "
                      "no division)."),
    "forms.would_overwrite": ("文件夹“{folder}”中已有：{names}。为免覆盖已交回的表，请换一个空文件夹，或确认覆盖（命令行加 --force）。",
                              "Folder “{folder}” already holds: {names}. So as not to overwrite forms already "
                              "returned, choose an empty folder, or confirm overwriting (--force on the command "
                              "line)."),
    "forms.has_problems": ("“{name}”有 {count} 个问题，未写入任何内容：\n{problems}",
                           "“{name}” has {count} problem(s); nothing was written:\n{problems}"),
    "forms.no_room": ("磁盘已满（或超出文件大小限制），无法在“{folder}”中写入调度表（{detail}）；一个调度表也没有生成。"
                      "请腾出磁盘空间，或另选保存位置后重试。",
                      "The disk is full (or a file-size limit was reached): the forms could not be written in "
                      "“{folder}” ({detail}); none was made. Free some disk space or choose another folder, and "
                      "try again."),
    "forms.cannot_write": ("无法在“{folder}”中写入调度表（{detail}）；一个调度表也没有生成。请检查路径和文件夹权限，"
                           "或关闭正在打开同名调度表的程序后重试。",
                           "The forms could not be written in “{folder}” ({detail}); none was made. Check the path "
                           "and the folder's permissions, or close the program that has a form of the same name "
                           "open, and try again."),
})
