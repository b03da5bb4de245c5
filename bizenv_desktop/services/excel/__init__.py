"""Excel workbooks (openpyxl): the exports the liaison sends out and the indicator import.

- opening.py: opening files with clear errors; writing.py: safe text, the styled-table helper, saving
  (workbook.py re-exports both under the old name)
- export.py (+ export_ledgers.py): 任务分工表, 月调度台账, 督办事项台账, 事件登记, 修改记录
- indicator_read.py: reading indicator tables as offices publish them into an ImportPreview
  (preview.py), with sheet_grid.py (cells, merges, header), columns.py (column roles),
  labels.py (numbering and scores in names) and divisions_cell.py (units in a cell); the rows
  are read by indicator_rows.py, their cells' details by indicator_cells.py
- indicator_import.py: what an import would change (plan_changes) and doing it (apply_import);
  the planned changes are in indicator_changes.py, the matching walk in indicator_walk.py
- supervision_import.py: reading a 督办事项台账 (ledger_fields.py: what columns and cells mean,
  ledger_items.py: the items), planned and applied by supervision_apply.py

No Qt here; everything runs in the caller's thread. Reads and exports take a Database,
imports take the Writer of one Workspace.apply (all-or-nothing).
"""
from __future__ import annotations
