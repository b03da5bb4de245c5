"""Division fill-in forms of the monthly round (处室月调度表): make, read, preview, apply.

make_forms writes one workbook per division: its own rows ("R<id>") and the rows of indicators
it cooperates on ("C<id>", where it may fill only 配合处室意见). A returned form is known by
its content, never its file name: the very hidden sheet "_meta" holds the month, the division,
one line per row (key, editable figures, rate flag, the values printed) and a checksum of it
all; the hidden column Q repeats the row keys. Rows of division groups (厅内各处室 …) and rows
with no division get no form: the liaison fills those in the month view.
Only what the division changed on the form (against the values printed) is written, so edits
made in the app after the forms went out stay. A cooperating division's text is one paragraph
of the row's remarks, starting 【处室名】, so several cooperating divisions never overwrite
each other. A return is recorded as a row of form_return (same transaction, undoable, audited):
_mark_returned and _returned_marks.
No Qt. Not thread-safe.
"""
from __future__ import annotations

# Split by job (issue 14): the layout and what a form reads into, making, reading, checking and
# applying. Every name is re-exported here, so `from .forms import X` keeps working.
from .form_returns import DivisionReturn, _returned_marks, returned_divisions  # noqa: F401
from .forms_collect import _ROWS, apply_form, collect_preview, _changes, _mark_returned, _same  # noqa: F401
from .forms_make import (make_forms, planned_files, _checksum, _plan, _put, _unused_columns, _workbook,  # noqa: F401
                         _write_forms)
from .forms_model import (BODY_FONT_SIZE, COL, COLUMNS, CRITERIA_COL, FIELDS, FIGURES, FORMAT, GUIDE,  # noqa: F401
                          HEAD, KEY_COL, META, NAMES, SHEET, FieldChange, FilePreview, form_name, FormData, FormRow,
                          Problem, RowChange, _paragraphs, _remark_of, _with_remark)
from .forms_read import (_META_LINE, MAX_META_ROWS, read_form, _columns_ok, _figure, _meta,  # noqa: F401
                         _rate_problem, _read_book, _sniff, _text)
