"""Reading a plan document (年度实施方案, 行动方案, 工作要点, 任务分工, 考核细则) into a plan.

    read_plan_document(path)   a .docx or .txt file
    read_plan_text(text)       text pasted into the dialog (from Word, WPS or a PDF reader)

Both give a ParsedPlan (model.py) or raise a DocumentError naming the file, the place and
what to do; nothing is written anywhere. services/plan_import.py imports a ParsedPlan into a
plan year. No Qt, no database.
"""
from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from ...core import messages
from .assemble import Assembly
from .front import read_front
from .kinds import annotate
from .model import Note, ParsedPlan, PlanDimension, PlanIndicator, PlanSection, PlanSubtask
from .pdf_text import clean_pdf_text
from .source import Block, DocumentError, Place, Source, from_text, read_source
from .tables import column_role, read_table
from .tree import build_tree

__all__ = ["DocumentError", "Note", "ParsedPlan", "PlanDimension", "PlanIndicator", "PlanSection", "PlanSubtask",
           "Place", "parse_source", "read_plan_document", "read_plan_text"]

PASTED = "粘贴的文本"

messages.register({
    "plan_doc.no_indicators": ("“{file}”中没有找到指标或任务。方案中每项指标应有编号（如（1））并带“考评内容及标准：”"
                               "“责任处室：”等行，或在任务后写明责任单位。请检查是否选错了文件。",
                               "No indicators or tasks were found in “{file}”. Each indicator of a plan needs a number "
                               "such as (1) and lines such as “考评内容及标准：” or “责任处室：”, or its units written "
                               "after the task. Check that this is the right file."),
    "plan_doc.skipped_front": ("标题前的 {count} 段（如印发通知、附件编号）没有导入。",
                               "The {count} paragraphs before the title (a cover letter, an attachment number) were "
                               "not imported."),
    "plan_doc.no_title": ("没有找到方案标题（第一段应是标题，如“××厅营商环境考核评价实施方案”），导入后请在年度中补上。",
                          "No title was found (the first paragraph should be the title, such as “××厅营商环境考核评价"
                          "实施方案”); add it to the year after importing."),
    "plan_doc.sign_off": ("文末的落款和版记（{count} 段：署名、日期、抄送等）没有作为方案正文导入。",
                          "The sign-off at the end ({count} paragraphs: signature, date, copies) was not imported as "
                          "plan text."),
    "plan_doc.pdf_text": ("按从 PDF 复制的文字读取：已去掉页码和页眉，并把断开的行接成段落。",
                          "Read as text copied from a PDF: page numbers and running headers were taken out and "
                          "broken lines joined into paragraphs."),
})


def _text_tables(blocks: list[Block]) -> list[Block]:
    """Rows of a table pasted as text (cells separated by tabs) made into one table block."""
    out: list[Block] = []
    run: list[Block] = []

    def flush() -> None:
        rows = [[c.strip() for c in b.text.split("\t")] for b in run]
        header = next((r for r in rows[:3] if sum(1 for c in r if column_role(c)) >= 2), None)
        if len(run) >= 2 and header is not None:
            out.append(Block("", Place("line", run[0].place.number), rows=rows))
        else:
            out.extend(run)
        run.clear()
    for b in blocks:
        if not b.is_table and "\t" in b.text:
            run.append(b)
            continue
        if run:
            flush()
        out.append(b)
    if run:
        flush()
    return out


_DATE_LINE = re.compile(r"^(20\d{2}|[二〇一]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*(印发)?$")
_IMPRINT = re.compile(r"^(抄送|报送|分送|主送)[：:]|^[（(]此件.{0,12}[）)]$|印发$")
_SIGNER = re.compile(r"(委员会|办公厅|办公室|厅|局|委|政府|院|署|部|中心|办|小组)$")


def _without_sign_off(blocks: list[Block]) -> tuple[list[Block], int]:
    """The blocks without the signature, date and 版记 (抄送：…, …印发) that end a document."""
    end = len(blocks)
    while end:
        b = blocks[end - 1]
        text = b.text.replace(" ", "")
        if b.is_table or not (_DATE_LINE.match(text) or _IMPRINT.search(text)):
            break
        end -= 1
        # a signature line right above the date: the office's name, nothing else
        while end and not blocks[end - 1].is_table and len(blocks[end - 1].text) <= 30 \
                and _SIGNER.search(blocks[end - 1].text.strip()) and not re.search(r"[。，；：、,]", blocks[end - 1].text):
            end -= 1
        # … or glued to the text's last line by the PDF-text reader (that line was a full one)
        glued = re.search(r"[。！？]([^。，；：、,！？\s]{2,30})$", blocks[end - 1].text) if end else None
        if glued and not blocks[end - 1].is_table and _SIGNER.search(glued.group(1)):
            blocks[end - 1].text = blocks[end - 1].text[:glued.start(1)]
    return blocks[:end], len(blocks) - end


def parse_source(source: Source, known: Collection[str] = ()) -> ParsedPlan:
    """The plan a document's blocks hold; known: division names (a bracket naming only known
    divisions is a unit list even without a label)."""
    blocks = source.blocks
    pdf = False
    if source.kind == "text":
        blocks, pdf = clean_pdf_text(blocks)
        blocks = _text_tables(blocks)
    front = read_front(blocks)
    body, signed = _without_sign_off(blocks[front.start:])
    front.start = 0
    assembly = Assembly(body, front, source.name)
    plan = assembly.plan(build_tree(body, read_table, known))
    plan.pdf_text = pdf
    if not plan.second_level():
        raise DocumentError("plan_doc.no_indicators", file=source.name)
    notes: list[Note] = []
    if pdf:
        notes.append(Note.make("plan_doc.pdf_text"))
    if front.skipped:
        notes.append(Note.make("plan_doc.skipped_front", count=front.skipped))
    if not plan.title:
        notes.append(Note.make("plan_doc.no_title"))
    if signed:
        notes.append(Note.make("plan_doc.sign_off", count=signed))
    plan.notes = notes + assembly.notes
    annotate(plan)
    _check_complete(plan, body)
    return plan


def read_plan_document(path: str | Path, known: Collection[str] = ()) -> ParsedPlan:
    return parse_source(read_source(path), known)


def read_plan_text(text: str, name: str = PASTED, known: Collection[str] = ()) -> ParsedPlan:
    return parse_source(from_text(text, name), known)


messages.register({
    "plan_doc.stopped": ("文档似乎不完整：读到{where}“{text}”为止{reason}。已读到的内容可以导入，请核对最后几项。",
                         "The document seems cut off: reading stopped at {where} (“{text}”){reason}. What was read "
                         "can be imported; check the last items."),
    "plan_doc.fewer": ("，文中说有 {stated} 个{what}，只读到 {found} 个", "; the text speaks of {stated} {what}, "
                       "only {found} were read"),
    "plan_doc.mid_sentence": ("，最后一句没有结束", "; its last sentence does not end"),
    "plan_doc.last_incomplete": ("，最后一项缺少其他各项都有的“{label}”", "; the last item lacks the “{label}” "
                                 "every other item has"),
    "plan_doc.what_dimensions": ("维度", "dimensions"),
    "plan_doc.what_first": ("一级指标", "first-level indicators"),
    "plan_doc.what_second": ("二级指标", "second-level indicators"),
})

_STATED = (("维度", "plan_doc.what_dimensions"), ("一级指标", "plan_doc.what_first"),
           ("二级指标", "plan_doc.what_second"))


def _check_complete(plan: ParsedPlan, blocks: list[Block]) -> None:
    """Say where a cut-off document stopped: fewer indicators than the text announces, a last
    sentence that does not end, or a last item missing what every other item has."""
    text = "\n".join(b.text for b in blocks if not b.is_table)
    found = {"维度": len(plan.dimensions), "一级指标": len(plan.first_level()), "二级指标": len(plan.second_level())}
    reasons: list[Note] = []
    for word, what in _STATED:
        m = re.search(rf"(\d+)\s*个{word}", text)
        if m and int(m.group(1)) > found[word]:
            reasons.append(Note.make("plan_doc.fewer", stated=int(m.group(1)), what=what, found=found[word]))
    last = next((b for b in reversed(blocks) if not b.is_table), None)
    if last is not None and len(last.text) >= 12 and re.search(r"[\u4e00-\u9fff，、,]$", last.text):
        reasons.append(Note.make("plan_doc.mid_sentence"))
    seconds = plan.second_level()
    if len(seconds) >= 3:
        others, final = seconds[:-1], seconds[-1]
        for attr, label in (("responsibility", "责任处室"), ("criteria", "考评内容及标准")):
            if all(getattr(s, attr) for s in others) and not getattr(final, attr):
                reasons.append(Note.make("plan_doc.last_incomplete", label=label))
                break
    if not reasons or last is None:
        return
    plan.stopped = Note.make("plan_doc.stopped", last.place, text=last.text[-20:], reason=tuple(reasons))
