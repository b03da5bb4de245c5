"""The 逐项自评 tab: every second-level indicator of a year in one period, rated against its standard.

Reads through services.self_evaluation.load_evaluations (one query for the whole year) and
events.counts; each rating, score or narrative is one controller action (one undo step).
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, QSortFilterProxyModel, Qt)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from ..services import events, plan_read
from ..services import self_evaluation as se
from ..services.self_evaluation import Evaluation
from .choice_delegate import ChoiceDelegate
from .columns import widen_to_titles
from .evidence_panel import EvidencePanel
from .lazy import ReloadWhenShown
from .rows_model import RowsModel

CTX = "SelfEvalView"
COL_CODE, COL_NAME, COL_CRITERIA, COL_RATING, COL_SCORE, COL_NARRATIVE, COL_EVIDENCE = range(7)
HEADERS = (QT_TRANSLATE_NOOP("SelfEvalView", "编号"), QT_TRANSLATE_NOOP("SelfEvalView", "指标"),
           QT_TRANSLATE_NOOP("SelfEvalView", "考评内容及标准"), QT_TRANSLATE_NOOP("SelfEvalView", "评价等级"),
           QT_TRANSLATE_NOOP("SelfEvalView", "分值"), QT_TRANSLATE_NOOP("SelfEvalView", "自评说明"),
           QT_TRANSLATE_NOOP("SelfEvalView", "佐证数"))
RATING_NAMES = {r: r for r in (QT_TRANSLATE_NOOP("SelfEvalView", "优秀"), QT_TRANSLATE_NOOP("SelfEvalView", "良好"),
                               QT_TRANSLATE_NOOP("SelfEvalView", "一般"), QT_TRANSLATE_NOOP("SelfEvalView", "较差"))}
PERIODS = (("Q1", QT_TRANSLATE_NOOP("SelfEvalView", "第一季度")), ("Q2", QT_TRANSLATE_NOOP("SelfEvalView", "第二季度")),
           ("Q3", QT_TRANSLATE_NOOP("SelfEvalView", "第三季度")), ("Q4", QT_TRANSLATE_NOOP("SelfEvalView", "第四季度")),
           ("", QT_TRANSLATE_NOOP("SelfEvalView", "全年")))
ROW_ROLE = Qt.ItemDataRole.UserRole + 20
MISSING_COLOR = QColor("#fff3e0")


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def rating_label(rating: str) -> str:
    return tr(RATING_NAMES.get(rating, rating)) if rating else ""


def number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"




class RatingDelegate(ChoiceDelegate):
    """A drop-down of the four ratings (and none) for the 评价等级 column."""

    def choices(self) -> list[tuple[str, str]]:
        return [(self.tr("（未评）"), ""), *((rating_label(rating), rating) for rating in se.RATINGS)]


class SelfEvalModel(RowsModel):
    """One period's evaluations; edits go to view.save (one controller action each)."""

    CONTEXT, HEADERS = CTX, HEADERS

    def __init__(self, view: SelfEvalView) -> None:
        super().__init__(view)
        self.view = view
        self.rows: list[Evaluation] = []
        self.event_counts: dict[int, int] = {}

    def set_rows(self, rows: list[Evaluation], event_counts: dict[int, int]) -> None:
        self.beginResetModel()
        self.rows, self.event_counts = rows, event_counts
        self.endResetModel()

    def text(self, row: Evaluation, col: int) -> str:
        if col == COL_CODE:
            return row.code
        if col == COL_NAME:
            if row.indicator_id in self.event_counts:
                return self.tr("%1（本年已登记 %2 条）").replace("%1", row.name) \
                    .replace("%2", str(self.event_counts[row.indicator_id]))
            return row.name
        if col == COL_CRITERIA:
            return row.criteria
        if col == COL_RATING:
            return rating_label(row.rating)
        if col == COL_SCORE:
            return number_text(row.score)
        if col == COL_NARRATIVE:
            return row.narrative
        return str(row.evidence_count) if row.evidence_count else ""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.EditRole:
            return row.rating if col == COL_RATING else number_text(row.score) if col == COL_SCORE \
                else self.text(row, col)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SCORE:
                return self.tr("该指标没有分值，请选择评价等级") if row.max_score is None \
                    else self.tr("满分 %1").replace("%1", number_text(row.max_score))
            if col == COL_NARRATIVE:
                return row.narrative or self.tr("双击填写自评说明")
            return self.text(row, col) or None
        if role == Qt.ItemDataRole.BackgroundRole and row.missing:
            return QBrush(MISSING_COLOR)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and (index.column() == COL_RATING or
                                (index.column() == COL_SCORE and self.rows[index.row()].max_score is not None)):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        if index.column() == COL_RATING and (value or "") != row.rating:
            return self.view.set_rating(row.indicator_id, value or "")
        if index.column() == COL_SCORE and str(value or "").strip() != number_text(row.score):
            return self.view.set_score(row.indicator_id, str(value or ""))
        return False


class MissingFilter(QSortFilterProxyModel):
    missing_only = False

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, SelfEvalModel)
        return not self.missing_only or model.rows[source_row].missing


class NarrativeDialog(QDialog):
    """A multi-line editor for one 自评说明, with the indicator's standard above it."""

    def __init__(self, row: Evaluation, period_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("自评说明"))
        head = QLabel(self.tr("%1 %2 — %3").replace("%1", row.code).replace("%2", row.name).replace("%3", period_name))
        standard = QLabel(self.tr("考评内容及标准：%1").replace("%1", row.criteria))
        standard.setWordWrap(True)
        self.edit = QPlainTextEdit(row.narrative)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w, stretch in ((head, 0), (standard, 0), (self.edit, 1), (buttons, 0)):
            layout.addWidget(w, stretch)
        self.resize(560, 360)


class SelfEvalView(ReloadWhenShown, QWidget):
    """The 逐项自评 tab."""

    # the tables reload() reads (tests/ui/test_watches.py)
    WATCHES = frozenset({"dimension", "event", "evidence", "evidence_link", "indicator", "plan_year",
                         "self_evaluation"})

    def __init__(self, controller: Any, parent: QWidget | None = None, year: int | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.year = year or 0
        self.quarter = ""  # 'Q1' … 'Q4', or '' for the whole year
        self.year_rows: list[Evaluation] = []
        self.model = SelfEvalModel(self)
        self.proxy = MissingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(COL_RATING, RatingDelegate(self.table))
        header = self.table.horizontalHeader()
        for col, width in enumerate((50, 180, 320, 80, 60, 320, 60)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_NARRATIVE, QHeaderView.ResizeMode.Stretch)
        widen_to_titles(header)  # the English titles are longer
        self.year_box = QComboBox(self)
        self.period_box = QComboBox(self)
        for key, name in PERIODS:
            self.period_box.addItem(tr(name), key)
        self.missing_only = QCheckBox(self.tr("仅显示未自评"), self)
        self.narrative_button = QPushButton(self.tr("编辑自评说明…"), self)
        self.count_label = QLabel(self)
        self.year_label = QLabel(self)
        self.evidence = EvidencePanel(controller, self)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("年度：")), self.year_box, QLabel(self.tr("期间：")), self.period_box,
                  self.missing_only, self.narrative_button):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.evidence)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.year_label)
        self.year_box.activated.connect(lambda _i: self.set_period(self.year_box.currentData(), self.quarter))
        self.period_box.activated.connect(lambda _i: self.set_period(self.year, self.period_box.currentData()))
        self.missing_only.toggled.connect(self._filter_missing)
        self.narrative_button.clicked.connect(lambda: self.ask_narrative())
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_evidence())
        self.proxy.modelReset.connect(self._show_evidence)
        self.watch(controller)
        self.reload()

    def _show_evidence(self) -> None:
        """Evidence attaches to a saved self-evaluation; an empty row has none yet."""
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        self.evidence.set_target("self_evaluation" if row and row.id else None, row.id if row else None)

    # -- reading ------------------------------------------------------------------
    @property
    def period(self) -> str:
        return f"{self.year}{self.quarter}"

    def rows(self) -> list[Evaluation]:
        """The rows shown (after the 仅显示未自评 filter), in plan order."""
        return [self.proxy.index(r, 0).data(ROW_ROLE) for r in range(self.proxy.rowCount())]

    def row_of(self, indicator_id: int) -> Evaluation | None:
        return next((r for r in self.model.rows if r.indicator_id == indicator_id), None)

    def missing_count(self) -> int:
        return sum(r.missing for r in self.model.rows)

    def reload(self) -> None:
        years = plan_read.list_years(self.controller.db)
        if self.year not in years:
            self.year = years[-1] if years else 0
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for y in years:
            self.year_box.addItem(self.tr("%1 年").replace("%1", str(y)), y)
        self.year_box.setCurrentIndex(self.year_box.findData(self.year))
        self.year_box.blockSignals(False)
        self.period_box.setCurrentIndex(self.period_box.findData(self.quarter))
        selected = self.table.currentIndex().data(ROW_ROLE)
        self.year_rows = se.load_evaluations(self.controller.db, self.year) if self.year else []
        counts = events.counts(self.controller.db, self.year) if self.year else {}
        self.model.set_rows([r for r in self.year_rows if r.period == self.period], counts)
        self._update_counts()
        if selected is not None:
            self.select(selected.indicator_id)

    def _update_counts(self) -> None:
        self.count_label.setText(self.tr("未自评 %1 项（共 %2 项）").replace("%1", str(self.missing_count()))
                                 .replace("%2", str(len(self.model.rows))))
        parts = []
        for key, name in PERIODS:
            n = sum(r.missing for r in self.year_rows if r.period == f"{self.year}{key}")
            parts.append(tr(name) + " " + str(n))
        self.year_label.setText(self.tr("本年度各期未自评：%1").replace("%1", self.tr("，").join(parts)))

    def _filter_missing(self, on: bool) -> None:
        self.proxy.beginFilterChange()
        self.proxy.missing_only = on
        self.proxy.endFilterChange()

    def select(self, indicator_id: int) -> bool:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, COL_NAME)
            if index.data(ROW_ROLE).indicator_id == indicator_id:
                self.table.setCurrentIndex(index)
                return True
        return False

    # -- actions (no modal input; each is one undo step) -----------------------------
    def set_period(self, year: int, period: str = "") -> None:
        """Show a year and period: period 'Q1' … 'Q4', '2026Q1', or '' / '全年' / '2026' for the year."""
        period = (period or "").strip().upper()
        period = period[4:] if period[:4].isdigit() else period
        self.year, self.quarter = int(year), period if period in ("Q1", "Q2", "Q3", "Q4") else ""
        self.reload()

    def set_year(self, year: int) -> None:
        self.set_period(year, self.quarter)

    def _save(self, indicator_id: int, what: str, **fields: Any) -> bool:
        row = self.row_of(indicator_id)
        name = f"{row.code} {row.name}" if row else str(indicator_id)
        period = self.period
        label = self.tr("自评 %1 %2 的%3").replace("%1", period).replace("%2", name).replace("%3", what)
        return bool(self.controller.run(label, lambda w: se.edit_evaluation(w, indicator_id, period, **fields)))

    def set_rating(self, indicator_id: int, rating: str) -> bool:
        return self._save(indicator_id, tr(HEADERS[COL_RATING]), rating=rating)

    def set_score(self, indicator_id: int, score: float | str | None) -> bool:
        return self._save(indicator_id, tr(HEADERS[COL_SCORE]), score=score)

    def set_narrative(self, indicator_id: int, text: str) -> bool:
        return self._save(indicator_id, tr(HEADERS[COL_NARRATIVE]), narrative=text)

    # -- interactive ----------------------------------------------------------------
    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() in (COL_NARRATIVE, COL_CODE, COL_NAME, COL_CRITERIA):
            self.ask_narrative(index.data(ROW_ROLE))

    def ask_narrative(self, row: Evaluation | None = None) -> None:
        row = row or self.table.currentIndex().data(ROW_ROLE)
        if row is None:
            return
        dialog = NarrativeDialog(row, self.year_box.currentText() + self.period_box.currentText(), self)
        accepted, text = dialog.exec() == QDialog.DialogCode.Accepted, dialog.edit.toPlainText()
        dialog.deleteLater()
        if accepted and text.strip() != row.narrative:
            self.set_narrative(row.indicator_id, text)
