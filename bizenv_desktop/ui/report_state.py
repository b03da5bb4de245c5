"""What the report dialog shows of one report and period, read in one go off the GUI thread.

No widgets here: `load_state(db, request)` runs on a worker (ui/report_jobs.py), after each
write on the writer's own connection, and its DraftState comes back to the dialog.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..core.document import Document, Section
from ..services import drafting
from ..services.drafting import store
from ..services.drafting.kinds import ReportRequest
from ..storage.database import Database


@dataclass(frozen=True)
class Dropped:
    key: str
    heading: str


@dataclass
class DraftState:
    request: ReportRequest
    doc: Document
    saved: bool                      # a draft of this kind and period is in the database
    updated_at: str = ""             # when it was last saved
    dropped: list[Dropped] = field(default_factory=list)   # drafted sections the liaison removed
    printed: dict[str, str] = field(default_factory=dict)  # key -> heading as printed (一、总体进展)

    def section(self, key: str) -> Section | None:
        return self.doc.section(key)

    def keys(self) -> list[str]:
        return [s.key for s in self.doc.sections]


def load_state(db: Database, request: ReportRequest) -> DraftState:
    doc = drafting.document(db, request)
    saved = store.load(db, request)
    dropped = [Dropped(s.key, s.heading) for s in saved.sections if s.dropped] if saved else []
    return DraftState(request, doc, saved is not None, saved.updated_at if saved else "", dropped,
                      doc.numbered_headings())
