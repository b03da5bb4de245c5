"""The workbook helpers under their old name: opening.py (reading files, with clear errors) and
writing.py (cells, the styled table, saving) hold them."""
from __future__ import annotations

from .opening import OLE2_MAGIC, damaged, get_sheet, open_workbook, where_sheets
from .writing import (BODY_FONT, BORDER, FONT, GROUP_FILL, GROUP_FONT, HEADER_FILL, HEADER_FONT, LINE_HEIGHT, MAX_CELL,
                      SUBTITLE_FONT, THIN, TITLE_FONT, Column, TableSheet, clean, display_width, safe_text,
                      save_workbook, sheet_title, wrapped_lines)

__all__ = ["OLE2_MAGIC", "damaged", "get_sheet", "open_workbook", "where_sheets", "BODY_FONT", "BORDER", "FONT",
           "GROUP_FILL", "GROUP_FONT", "HEADER_FILL", "HEADER_FONT", "LINE_HEIGHT", "MAX_CELL", "SUBTITLE_FONT",
           "THIN", "TITLE_FONT", "Column", "TableSheet", "clean", "display_width", "safe_text", "save_workbook",
           "sheet_title", "wrapped_lines"]
