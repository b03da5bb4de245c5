"""The report kinds both faces offer, behind one call: build_report(db, request, path).

The document is the saved draft of that kind and period with today's data, or a fresh draft
(services.drafting); the file's extension picks the format: .pdf (reportlab, this package) or
.docx (services.docx_writer). Writing is atomic: a failure leaves no half file.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ...core import messages
from ...core.document import Document
from ...core.errors import InvalidInput, NotFound
from ...storage.database import Database
from .. import drafting
from ..drafting.kinds import KINDS, ReportKind, ReportRequest, check_request
from ..plan_read import list_divisions, list_years

__all__ = ["KINDS", "ReportKind", "ReportRequest", "build_report", "check_request", "check_data", "describe",
           "FORMATS"]

FORMATS = (".pdf", ".docx")

messages.register({
    "report.bad_format": ("不支持的文件类型“{suffix}”：请用 .pdf 或 .docx 结尾的文件名。",
                          "Unsupported file type “{suffix}”: give a file name ending in .pdf or .docx."),
    "report.no_year": ("数据库中没有 {year} 年度的方案（已有：{years}）。",
                       "The database has no plan for {year} (it has: {years})."),
    "report.no_division": ("没有名为“{division}”的处室。可用的处室：{names}",
                           "There is no division named “{division}”. Divisions: {names}"),
})


def check_data(db: Database, request: ReportRequest) -> None:
    """Refuse a year or division the database does not have."""
    check_request(request)
    years = list_years(db)
    if request.year not in years:
        raise NotFound("report.no_year", year=request.year, years=[str(y) for y in years] or "—")
    if request.division is not None and request.division not in {d.name for d in list_divisions(db)}:
        raise NotFound("report.no_division", division=request.division,
                       names=[d.name for d in list_divisions(db, False)])


def build_report(db: Database, request: ReportRequest, path: str | Path, document: Document | None = None) -> int:
    """Write the report to path (PDF or Word by the extension); returns its page count (for a
    .docx, the pages of the same document laid out as a PDF is not known: 0)."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InvalidInput("report.bad_format", suffix=suffix or Path(path).name)
    check_data(db, request)
    doc = document if document is not None else drafting.document(db, request)
    if suffix == ".docx":
        from ..docx_writer import render_docx

        render_docx(doc, path)
        return 0
    from .render import render_pdf

    return render_pdf(doc, path, request.font_folder)


def describe(kinds: dict[str, ReportKind] = KINDS) -> dict[str, Any]:
    return {k: v.title for k, v in kinds.items()}
