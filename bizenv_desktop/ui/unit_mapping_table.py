"""The units an imported file names, each with its mapping, for the liaison to confirm or change.

One row per unit: the name as the file writes it, how it is mapped (现有处室 / 对应到处室 …, a
suggested near match marked 请确认), the division it maps to, and the rows naming it. Changing a
row calls UnitMap.choose (services.unit_mapping), remembers the choice by name (so a reread of
the file keeps it), and emits changed; the dialog then plans again with the map. No SQL here.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ..core.errors import BizenvError
from ..services.unit_mapping import UnitMap

COL_NAME, COL_KIND, COL_DIVISION, COL_ROWS = range(4)
TO_DIVISION = "division"  # the combo's choice for existing and alias: which one is the division combo's
ASK = QColor("#FFF2CC")   # rows the liaison should look at: suggested, new, not a unit


class UnitMappingTable(QTableWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels([self.tr("文件中的单位"), self.tr("对应方式"), self.tr("对应到处室"),
                                        self.tr("表格行")])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(COL_DIVISION, QHeaderView.ResizeMode.Stretch)
        self.unit_map: UnitMap | None = None
        self.choices: dict[str, tuple[str, str]] = {}  # name -> (kind, division) the liaison chose
        self._filling = False
        self.error: str = ""

    def kind_names(self) -> dict[str, str]:
        return {TO_DIVISION: self.tr("对应到现有处室"), "new": self.tr("新建处室"), "group": self.tr("处室分组"),
                "not_unit": self.tr("不是单位（不导入）")}

    def set_map(self, unit_map: UnitMap) -> None:
        """Show unit_map, with the choices made earlier for the same names applied to it."""
        self.unit_map = unit_map
        for name, (kind, division) in list(self.choices.items()):
            if name in unit_map:
                try:
                    unit_map.choose(name, kind, division)
                except BizenvError:
                    del self.choices[name]
        self._fill()

    def _fill(self) -> None:
        assert self.unit_map is not None
        self._filling = True
        names = [n for n, (_i, kind, retired) in self.unit_map.divisions.items() if kind != "group" and retired is None]
        kinds = self.kind_names()
        self.setRowCount(len(self.unit_map))
        for row, unit in enumerate(self.unit_map):
            name = QTableWidgetItem(unit.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setToolTip(unit.describe())
            self.setItem(row, COL_NAME, name)
            kind_box = QComboBox()
            for key, text in kinds.items():
                kind_box.addItem(text, key)
            current = TO_DIVISION if unit.kind in ("existing", "alias") else unit.kind
            kind_box.setCurrentIndex(kind_box.findData(current))
            if unit.suggested:
                kind_box.setItemText(kind_box.findData(TO_DIVISION), self.tr("对应到（名称相近，请确认）"))
            division_box = QComboBox()
            division_box.addItems(names)
            if unit.division and division_box.findText(unit.division) < 0:
                division_box.addItem(unit.division)
            division_box.setCurrentText(unit.division or (names[0] if names else ""))
            division_box.setEnabled(current == TO_DIVISION)
            kind_box.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            division_box.currentIndexChanged.connect(lambda _i, r=row: self._changed(r))
            self.setCellWidget(row, COL_KIND, kind_box)
            self.setCellWidget(row, COL_DIVISION, division_box)
            rows = QTableWidgetItem("、".join(map(str, unit.rows[:8])) + ("…" if len(unit.rows) > 8 else ""))
            rows.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.setItem(row, COL_ROWS, rows)
            if _asks(unit):
                for c in (COL_NAME, COL_ROWS):
                    item = self.item(row, c)
                    if item is not None:
                        item.setBackground(QBrush(ASK))
        for column in (COL_NAME, COL_KIND, COL_ROWS):
            self.resizeColumnToContents(column)
        self.setColumnWidth(COL_NAME, min(self.columnWidth(COL_NAME), 220))
        self._filling = False

    def needs_confirming(self) -> bool:
        """True when a unit is a near match, new, or guessed to be no unit (not remembered)."""
        return any(_asks(u) for u in self.unit_map or [])

    def choose(self, name: str, kind: str, division: str = "") -> None:
        """What the liaison does with the row of name (kind as in unit_mapping.KINDS, or 'division')."""
        assert self.unit_map is not None
        row = next(i for i, u in enumerate(self.unit_map) if u.name == name)
        kind_box, division_box = self.cellWidget(row, COL_KIND), self.cellWidget(row, COL_DIVISION)
        assert isinstance(kind_box, QComboBox) and isinstance(division_box, QComboBox)
        self._filling = True
        kind_box.setCurrentIndex(kind_box.findData(TO_DIVISION if kind in ("existing", "alias", TO_DIVISION) else kind))
        if division:
            division_box.setCurrentText(division)
        self._filling = False
        self._changed(row)

    def _changed(self, row: int) -> None:
        if self._filling or self.unit_map is None:
            return
        unit = list(self.unit_map)[row]
        kind_box, division_box = self.cellWidget(row, COL_KIND), self.cellWidget(row, COL_DIVISION)
        assert isinstance(kind_box, QComboBox) and isinstance(division_box, QComboBox)
        kind = kind_box.currentData()
        division = division_box.currentText() if kind == TO_DIVISION else ""
        try:
            self.unit_map.choose(unit.name, "alias" if kind == TO_DIVISION else kind, division)
        except BizenvError as exc:
            self.error = str(exc)
            return
        self.choices[unit.name] = ("alias" if kind == TO_DIVISION else kind, division)
        self.error = ""
        # in place: the combo boxes are the senders of this signal and must not be replaced now
        self._filling = True
        kind_box.setItemText(kind_box.findData(TO_DIVISION), self.kind_names()[TO_DIVISION])
        division_box.setEnabled(kind == TO_DIVISION)
        self._filling = False
        for c in (COL_NAME, COL_ROWS):
            item = self.item(row, c)
            if item is not None:
                item.setBackground(QBrush())
        self.changed.emit()

    def counts_text(self) -> str:
        """'单位：5 个现有处室、1 个待确认、2 个新处室、1 个分组、1 个不是单位' for the dialog's summary."""
        if self.unit_map is None or not len(self.unit_map):
            return ""
        counts: dict[str, int] = {}
        for unit in self.unit_map:
            key = "suggested" if unit.suggested else unit.kind
            counts[key] = counts.get(key, 0) + 1
        words = {"existing": self.tr("%1 个现有处室"), "alias": self.tr("%1 个别名"),
                 "suggested": self.tr("%1 个名称相近待确认"), "new": self.tr("%1 个新处室"),
                 "group": self.tr("%1 个分组"), "not_unit": self.tr("%1 个不是单位")}
        parts = [words[k].replace("%1", str(counts[k])) for k in words if counts.get(k)]
        return self.tr("单位：") + self.tr("、").join(parts)


def _asks(unit: Any) -> bool:
    return bool(unit.suggested or unit.kind == "new" or (unit.kind == "not_unit" and not unit.remembered))


def unit_rows(table: UnitMappingTable) -> list[dict[str, Any]]:
    """The rows as shown (for tests and for reading the table back)."""
    out = []
    for row in range(table.rowCount()):
        kind_box, division_box = table.cellWidget(row, COL_KIND), table.cellWidget(row, COL_DIVISION)
        assert isinstance(kind_box, QComboBox) and isinstance(division_box, QComboBox)
        name_item = table.item(row, COL_NAME)
        out.append({"name": name_item.text() if name_item else "", "kind": kind_box.currentData(),
                    "kind_text": kind_box.currentText(), "division": division_box.currentText()
                    if division_box.isEnabled() else ""})
    return out
