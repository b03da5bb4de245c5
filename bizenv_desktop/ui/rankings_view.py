"""排名 (rankings of ranking-kind indicators such as (7)): each indicator of the year with its rank,
field, benchmark (长春市 by default), data year and source, edited in the form beside the list,
with the ranking's evidence. Reads through services.rankings; each save is one undo step.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from ..core.errors import NotFound
from ..services import plan_read, rankings
from ..services.rankings import DEFAULT_BENCHMARK, Ranking
from .evidence_panel import EvidencePanel
from .lazy import ReloadWhenShown
from .record_page import RecordPage, record_table
from .rows_model import RowsModel
from .tr_marks import QT_TRANSLATE_NOOP

CTX = "RankingsView"
HEADERS = (QT_TRANSLATE_NOOP("RankingsView", "指标"), QT_TRANSLATE_NOOP("RankingsView", "对标地区"),
           QT_TRANSLATE_NOOP("RankingsView", "名次"), QT_TRANSLATE_NOOP("RankingsView", "参评总数"),
           QT_TRANSLATE_NOOP("RankingsView", "数据年度"), QT_TRANSLATE_NOOP("RankingsView", "来源"),
           QT_TRANSLATE_NOOP("RankingsView", "佐证"))
ROW_ROLE = Qt.ItemDataRole.UserRole + 40


class RankingRow:
    def __init__(self, indicator_id: int, label: str, ranking: Ranking | None) -> None:
        self.indicator_id, self.label, self.ranking = indicator_id, label, ranking


class RankingsModel(RowsModel):
    CONTEXT, HEADERS, ROW_ROLE = CTX, HEADERS, ROW_ROLE

    def text(self, row: RankingRow, col: int) -> str:
        k = row.ranking
        if k is None:
            return (row.label, self.tr("（未登记）"), "", "", "", "", "")[col]
        return (row.label, k.benchmark, str(k.rank), str(k.field_size), str(k.data_year or ""), k.source,
                str(len(k.evidence)) if k.evidence else "")[col]


class RankingsView(RecordPage[RankingRow], ReloadWhenShown, QWidget):
    ROW_ROLE, SELECT_COLUMN = ROW_ROLE, 0
    ROW_KEY = "indicator_id"

    """The year's ranking-kind indicators and the form for the selected one's ranking."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"assignment", "dimension", "division", "evidence", "evidence_link", "indicator",
                         "plan_year", "ranking", "subtask"})

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year = year
        self.model = RankingsModel(self)
        self.table = record_table(self, self.model, (220, 90, 60, 70, 70, 200, 50), stretch_last=False)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.rank = QSpinBox(self)
        self.field = QSpinBox(self)
        for box in (self.rank, self.field):
            box.setRange(1, 99999)
        self.benchmark = QLineEdit(self)
        self.benchmark.setPlaceholderText(DEFAULT_BENCHMARK)
        self.data_year = QLineEdit(self)
        self.data_year.setPlaceholderText(self.tr("如 2025"))
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("如 国家营商环境评价报告"))
        self.note = QLineEdit(self)
        self.save_button = QPushButton(self.tr("保存排名"), self)
        self.clear_button = QPushButton(self.tr("清除排名"), self)
        self.evidence = EvidencePanel(controller, self)
        form = QFormLayout()
        for label, widget in ((self.tr("名次"), self.rank), (self.tr("参评总数"), self.field),
                              (self.tr("对标地区"), self.benchmark), (self.tr("数据年度"), self.data_year),
                              (self.tr("数据来源"), self.source), (self.tr("备注"), self.note)):
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.caption)
        side_layout.addLayout(form)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.evidence, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("按排名评价的指标（如指标 (7)：参考长春市参加全国营商环境评价考核数据排序）"), self))
        layout.addWidget(splitter, 1)
        self.save_button.clicked.connect(lambda: self.save_form())
        self.clear_button.clicked.connect(lambda: self.clear_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.watch(controller)
        self.reload()

    def reload(self) -> None:
        db = self.controller.db
        years = plan_read.list_years(db)
        if self.year not in years:
            self.year = years[-1] if years else None
        keep = self.selected()
        rows: list[RankingRow] = []
        if self.year is not None:
            try:
                plan = plan_read.load_plan(db, self.year)
            except NotFound:
                plan = None
            found = rankings.rankings(db, self.year)
            for ind in plan.second_level() if plan else []:
                if ind.kind == "ranking":
                    rows.append(RankingRow(ind.id, f"{ind.code} {ind.name}".strip(), found.get(ind.id)))
        self.model.replace_rows(rows)
        if not (keep and self.select(keep.indicator_id)) and rows:
            self.table.setCurrentIndex(self.model.index(0, 0))
        if not rows:
            self.caption.setText(self.tr("本年度方案中没有按排名评价的指标（指标类别为“排名”）。"))
        self._show_selected()

    def _show_selected(self) -> None:
        row = self.selected()
        enabled = row is not None
        for w in (self.rank, self.field, self.benchmark, self.data_year, self.source, self.note, self.save_button):
            w.setEnabled(enabled)
        self.clear_button.setEnabled(bool(row and row.ranking))
        if row is None:
            self.evidence.set_target(None, None)
            return
        k = row.ranking
        self.caption.setText(self.tr("当前排名：%1").replace("%1", k.text) if k else self.tr("尚未登记排名"))
        self.caption.setToolTip(row.label)
        self.rank.setValue(k.rank if k else 1)
        self.field.setValue(k.field_size if k else 1)
        self.benchmark.setText(k.benchmark if k else DEFAULT_BENCHMARK)
        self.data_year.setText(str(k.data_year) if k and k.data_year else "")
        self.source.setText(k.source if k else "")
        self.note.setText(k.note if k else "")
        self.evidence.set_target("ranking" if k else None, k.id if k else None)
        if k is None:
            self.evidence.hint.setText(self.tr("保存排名后可添加佐证材料。"))

    # -- actions (each one undo step) ------------------------------------------------
    def set_ranking(self, indicator_id: int, rank: Any, field: Any, benchmark: str | None = None,
                    data_year: Any = None, source: str | None = None, note: str | None = None) -> bool:
        label = self.tr("登记排名：%1").replace("%1", self._label(indicator_id))
        return bool(self.controller.run(label, lambda w: rankings.set_ranking(
            w, indicator_id, rank, field, benchmark, data_year, source, note)))

    def clear(self, indicator_id: int) -> bool:
        label = self.tr("清除排名：%1").replace("%1", self._label(indicator_id))
        return bool(self.controller.run(label, lambda w: rankings.clear_ranking(w, indicator_id)))

    def _label(self, indicator_id: int) -> str:
        return next((r.label for r in self.model.rows if r.indicator_id == indicator_id), str(indicator_id))

    def save_form(self) -> bool:
        row = self.selected()
        if row is None:
            return False
        return self.set_ranking(row.indicator_id, self.rank.value(), self.field.value(), self.benchmark.text(),
                                self.data_year.text(), self.source.text(), self.note.text())

    def clear_selected(self) -> bool:
        row = self.selected()
        return bool(row and row.ranking) and self.clear(row.indicator_id)  # type: ignore[union-attr]
