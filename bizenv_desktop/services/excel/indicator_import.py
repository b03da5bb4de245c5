"""Importing an indicator table into a plan year: what would change, and doing it.

plan_changes(db, year, preview) lists what apply_import(w, year, preview) writes; both run
the same walk (one in a dry run), so the preview shown is what happens. Existing rows are
matched by code, else by name; changed fields are updated, missing indicators, sub-tasks,
dimensions, divisions and assignments are added; nothing is ever deleted, and an existing
dimension is never renamed or moved (a table's dimension that differs in name from the one
with its code comes in as a new dimension). Every unit the table names is mapped first
(services.unit_mapping; the caller may pass the mapping the liaison confirmed): aliases go to
their division, people are left out, only new units become divisions. A sub-task's deadline
written as text is dated in the document's year (its title or 注), else the plan year, never
today's. Importing the same file again therefore writes nothing. apply_import takes the Writer
of one Workspace.apply: the import is all or nothing. Its rows are written in bulk at the end
(storage.batch: the same ids, RowChanges and audit rows as one write per row).
"""
from __future__ import annotations

from ...core.progress import Progress
from ...storage.changes import Writer
from ...storage.database import Database
from ..unit_mapping import UnitMap
from .indicator_changes import ENTITY_LABELS, FIELD_LABELS, ROLE_LABELS, Change, PlanChanges, table_units
from .indicator_read import read_indicator_table
from .indicator_walk import _Walk
from .preview import ImportPreview

__all__ = ["ENTITY_LABELS", "FIELD_LABELS", "ROLE_LABELS", "Change", "PlanChanges", "apply_import", "plan_changes",
           "read_indicator_table", "table_units"]


def plan_changes(db: Database, year: int, preview: ImportPreview, units: UnitMap | None = None,
                 progress: Progress | None = None) -> PlanChanges:
    """What importing preview into year would create and update (nothing is written); units: the
    mapping the liaison confirmed (default: the one proposed)."""
    preview.check()
    return _Walk(db, None, year, preview, units, progress).run()


def apply_import(w: Writer, year: int, preview: ImportPreview, units: UnitMap | None = None,
                 progress: Progress | None = None) -> PlanChanges:
    """Write preview into year (created if missing) with the action's Writer; progress is
    called before each first-level indicator (core/progress.py)."""
    preview.check()
    return _Walk(w.db, w, year, preview, units, progress).run()
