"""The audit trail (修改记录): who changed what and when, filtered, paged and exported to CSV.

Reads through services.audit only. The table model loads one page at a time (canFetchMore /
fetchMore), so a file with 100 000 entries opens at once; it re-reads on controller.changed.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QDate, QModelIndex,
                            QPersistentModelIndex, Qt, QTimer)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..core.errors import BizenvError
from ..services import audit
from ..services.audit import AuditEntry
from . import file_dialogs
from .lazy import ReloadWhenShown
from .month_model import status_label as row_status
from .settings import PreserveGeometry
from .supervision_dialog import status_label as item_status

CTX = "AuditDialog"
NAMES = "AuditNames"  # context of the entity and field names of services.audit
PAGE = 500
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 40
COL_AT, COL_USER, COL_ACTION, COL_SUBJECT, COL_FIELD, COL_OLD, COL_NEW = range(7)
HEADERS = (QT_TRANSLATE_NOOP("AuditDialog", "时间"), QT_TRANSLATE_NOOP("AuditDialog", "操作人"),
           QT_TRANSLATE_NOOP("AuditDialog", "操作"), QT_TRANSLATE_NOOP("AuditDialog", "对象"),
           QT_TRANSLATE_NOOP("AuditDialog", "字段"), QT_TRANSLATE_NOOP("AuditDialog", "原值"),
           QT_TRANSLATE_NOOP("AuditDialog", "新值"))
VERB_NAMES = {"insert": QT_TRANSLATE_NOOP("AuditDialog", "（新增）"),
              "update": QT_TRANSLATE_NOOP("AuditDialog", "（修改）"),
              "delete": QT_TRANSLATE_NOOP("AuditDialog", "（删除）")}
# the tables whose status column holds one of our words (stored in Chinese)
STATUS_WORDS = {"dispatch_row": row_status, "supervision_item": item_status}
# lupdate only sees literal strings: every value of audit.ENTITY_NAMES and audit.FIELD_NAMES
# (tests/ui/test_audit_dialog.py checks that this list stays complete).
_NAME_STRINGS = (
    QT_TRANSLATE_NOOP("AuditNames", "年度"), QT_TRANSLATE_NOOP("AuditNames", "方案正文"),
    QT_TRANSLATE_NOOP("AuditNames", "维度"), QT_TRANSLATE_NOOP("AuditNames", "指标"),
    QT_TRANSLATE_NOOP("AuditNames", "处室"), QT_TRANSLATE_NOOP("AuditNames", "责任分工"),
    QT_TRANSLATE_NOOP("AuditNames", "子任务"), QT_TRANSLATE_NOOP("AuditNames", "联络员"),
    QT_TRANSLATE_NOOP("AuditNames", "调度月份"), QT_TRANSLATE_NOOP("AuditNames", "月调度"),
    QT_TRANSLATE_NOOP("AuditNames", "佐证材料"), QT_TRANSLATE_NOOP("AuditNames", "佐证关联"),
    QT_TRANSLATE_NOOP("AuditNames", "自评"), QT_TRANSLATE_NOOP("AuditNames", "事件"),
    QT_TRANSLATE_NOOP("AuditNames", "工作日调整"), QT_TRANSLATE_NOOP("AuditNames", "日历年度"),
    QT_TRANSLATE_NOOP("AuditNames", "待办完成"), QT_TRANSLATE_NOOP("AuditNames", "督办事项"),
    QT_TRANSLATE_NOOP("AuditNames", "督办分工"), QT_TRANSLATE_NOOP("AuditNames", "设置"),
    QT_TRANSLATE_NOOP("AuditNames", "报告草稿"), QT_TRANSLATE_NOOP("AuditNames", "报告草稿段落"),
    QT_TRANSLATE_NOOP("AuditNames", "名称"), QT_TRANSLATE_NOOP("AuditNames", "考评内容及标准"),
    QT_TRANSLATE_NOOP("AuditNames", "状态"), QT_TRANSLATE_NOOP("AuditNames", "进展"),
    QT_TRANSLATE_NOOP("AuditNames", "编号"), QT_TRANSLATE_NOOP("AuditNames", "类型"),
    QT_TRANSLATE_NOOP("AuditNames", "标题"), QT_TRANSLATE_NOOP("AuditNames", "小标题"),
    QT_TRANSLATE_NOOP("AuditNames", "正文"), QT_TRANSLATE_NOOP("AuditNames", "牵头单位"),
    QT_TRANSLATE_NOOP("AuditNames", "排序"), QT_TRANSLATE_NOOP("AuditNames", "级别"),
    QT_TRANSLATE_NOOP("AuditNames", "上级指标"), QT_TRANSLATE_NOOP("AuditNames", "所属维度"),
    QT_TRANSLATE_NOOP("AuditNames", "目标比较符"), QT_TRANSLATE_NOOP("AuditNames", "目标值"),
    QT_TRANSLATE_NOOP("AuditNames", "目标单位"), QT_TRANSLATE_NOOP("AuditNames", "目标指标项"),
    QT_TRANSLATE_NOOP("AuditNames", "计数事件类别"), QT_TRANSLATE_NOOP("AuditNames", "分值"),
    QT_TRANSLATE_NOOP("AuditNames", "完成时限"), QT_TRANSLATE_NOOP("AuditNames", "职责"),
    QT_TRANSLATE_NOOP("AuditNames", "责任人"), QT_TRANSLATE_NOOP("AuditNames", "备注"),
    QT_TRANSLATE_NOOP("AuditNames", "电话"), QT_TRANSLATE_NOOP("AuditNames", "任职开始"),
    QT_TRANSLATE_NOOP("AuditNames", "任职结束"), QT_TRANSLATE_NOOP("AuditNames", "报备日期"),
    QT_TRANSLATE_NOOP("AuditNames", "存在问题"), QT_TRANSLATE_NOOP("AuditNames", "下步计划"),
    QT_TRANSLATE_NOOP("AuditNames", "备注说明"), QT_TRANSLATE_NOOP("AuditNames", "数值"),
    QT_TRANSLATE_NOOP("AuditNames", "分子"), QT_TRANSLATE_NOOP("AuditNames", "分母"),
    QT_TRANSLATE_NOOP("AuditNames", "月份"), QT_TRANSLATE_NOOP("AuditNames", "关闭时间"),
    QT_TRANSLATE_NOOP("AuditNames", "重新打开原因"), QT_TRANSLATE_NOOP("AuditNames", "评定等次"),
    QT_TRANSLATE_NOOP("AuditNames", "自评说明"), QT_TRANSLATE_NOOP("AuditNames", "期间"),
    QT_TRANSLATE_NOOP("AuditNames", "日期"), QT_TRANSLATE_NOOP("AuditNames", "媒体/会议"),
    QT_TRANSLATE_NOOP("AuditNames", "是否工作日"), QT_TRANSLATE_NOOP("AuditNames", "确认时间"),
    QT_TRANSLATE_NOOP("AuditNames", "撤销日期"), QT_TRANSLATE_NOOP("AuditNames", "并入处室"),
    QT_TRANSLATE_NOOP("AuditNames", "事项内容"), QT_TRANSLATE_NOOP("AuditNames", "来源"),
    QT_TRANSLATE_NOOP("AuditNames", "完成日期"), QT_TRANSLATE_NOOP("AuditNames", "销号日期"),
    QT_TRANSLATE_NOOP("AuditNames", "单位别名"), QT_TRANSLATE_NOOP("AuditNames", "督办内容及要求"),
    QT_TRANSLATE_NOOP("AuditNames", "督办类型"), QT_TRANSLATE_NOOP("AuditNames", "紧急程度"),
    QT_TRANSLATE_NOOP("AuditNames", "分管领导"), QT_TRANSLATE_NOOP("AuditNames", "反馈周期"),
    QT_TRANSLATE_NOOP("AuditNames", "完成进度"), QT_TRANSLATE_NOOP("AuditNames", "催办次数"),
    QT_TRANSLATE_NOOP("AuditNames", "排名"),
    QT_TRANSLATE_NOOP("AuditNames", "公开发布"),
    QT_TRANSLATE_NOOP("AuditNames", "工作方案"),
    QT_TRANSLATE_NOOP("AuditNames", "督查"),
    QT_TRANSLATE_NOOP("AuditNames", "督查范围"),
    QT_TRANSLATE_NOOP("AuditNames", "督查整改事项"),
    QT_TRANSLATE_NOOP("AuditNames", "督办关联指标"),
    QT_TRANSLATE_NOOP("AuditNames", "催办"),
    QT_TRANSLATE_NOOP("AuditNames", "定期反馈"),
    QT_TRANSLATE_NOOP("AuditNames", "退回修改"), QT_TRANSLATE_NOOP("AuditNames", "交回调度表"),
    QT_TRANSLATE_NOOP("AuditNames", "季度快照"),
    QT_TRANSLATE_NOOP("AuditNames", "名次"),
    QT_TRANSLATE_NOOP("AuditNames", "参评总数"),
    QT_TRANSLATE_NOOP("AuditNames", "对标地区"),
    QT_TRANSLATE_NOOP("AuditNames", "数据年度"),
    QT_TRANSLATE_NOOP("AuditNames", "更新时间"),
    QT_TRANSLATE_NOOP("AuditNames", "公开日期"),
    QT_TRANSLATE_NOOP("AuditNames", "链接"),
    QT_TRANSLATE_NOOP("AuditNames", "须报送"),
    QT_TRANSLATE_NOOP("AuditNames", "应交日期"),
    QT_TRANSLATE_NOOP("AuditNames", "收到日期"),
    QT_TRANSLATE_NOOP("AuditNames", "督查发现"),
    QT_TRANSLATE_NOOP("AuditNames", "催办对象"),
    QT_TRANSLATE_NOOP("AuditNames", "催办方式"),
    QT_TRANSLATE_NOOP("AuditNames", "反馈日期"),
    QT_TRANSLATE_NOOP("AuditNames", "内容"),
    QT_TRANSLATE_NOOP("AuditNames", "退回日期"),
    QT_TRANSLATE_NOOP("AuditNames", "退回原因"),
    QT_TRANSLATE_NOOP("AuditNames", "交回日期"),
    QT_TRANSLATE_NOOP("AuditNames", "交回说明"),
    QT_TRANSLATE_NOOP("AuditNames", "保存时间"),
    QT_TRANSLATE_NOOP("AuditNames", "快照内容"),
    QT_TRANSLATE_NOOP("AuditNames", "关闭方式"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def name_tr(text: str) -> str:
    return QCoreApplication.translate(NAMES, text)


class AuditModel(QAbstractTableModel):
    """The matching entries, newest first, loaded PAGE rows at a time."""

    def __init__(self, db: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.filters: dict[str, Any] = {}
        self.rows: list[AuditEntry] = []
        self.total = 0

    def reload(self, filters: dict[str, Any] | None = None, keep: int = 0) -> None:
        """Re-read from the first entry (as many rows as were loaded, at least one page)."""
        if filters is not None:
            self.filters = dict(filters)
        self.beginResetModel()
        self.rows, self.total = audit.query(self.db, **self.filters, limit=max(PAGE, keep), offset=0)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more, self.total = audit.query(self.db, **self.filters, limit=PAGE, offset=len(self.rows))
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(HEADERS[section])
        return None

    def text(self, e: AuditEntry, col: int, width: int = 80) -> str:
        if col == COL_AT:
            return e.at.replace("T", " ")
        if col == COL_USER:
            return e.user
        if col == COL_ACTION:
            return e.label
        if col == COL_SUBJECT:
            name = name_tr(audit.entity_name(e.entity))
            return name if e.entity_id is None else name + " #" + str(e.entity_id)
        if col == COL_FIELD:
            return name_tr(audit.field_name(e.field)) if e.field else tr(VERB_NAMES[e.verb])
        value = e.old if col == COL_OLD else e.new
        if value is None:
            return ""
        if value == "":
            return QCoreApplication.translate("AuditDialog", "（空）")
        if e.field == "status" and e.entity in STATUS_WORDS:  # a status is ours: shown in the UI language
            return STATUS_WORDS[e.entity](value)
        if not width:
            return value
        # an inserted or deleted row's whole image is shown by what names it (all of it in the tooltip)
        return (audit.row_label(value) if e.verb != "update" else "") or audit.short(value, width)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(e, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(e, index.column(), width=0) or None
        if role == ENTRY_ROLE:
            return e
        return None


def _date_filter(label: str, parent: QWidget) -> tuple[QDateEdit, QCheckBox]:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    any_box = QCheckBox(label, parent)
    any_box.setChecked(True)
    edit.setEnabled(False)
    any_box.toggled.connect(lambda on: edit.setEnabled(not on))
    return edit, any_box


class AuditDialog(ReloadWhenShown, PreserveGeometry, QDialog):
    """修改记录: filters on top, the paged table, the count, export and close."""

    WATCHES = frozenset({"audit"})  # what refresh() reads (tests/ui/test_watches.py)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("修改记录"))
        self.model = AuditModel(controller.db, self)
        self.date_from, self.from_any = _date_filter(self.tr("不限"), self)
        self.date_to, self.to_any = _date_filter(self.tr("不限"), self)
        self.entity_box = QComboBox(self)
        self.entity_box.addItem(self.tr("全部对象"), "")
        for key, name in audit.ENTITY_NAMES.items():
            self.entity_box.addItem(name_tr(name), key)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索操作、字段、原值、新值或操作人"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for col, width in enumerate((140, 80, 220, 110, 110, 200, 200)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_NEW, QHeaderView.ResizeMode.Stretch)
        self.count = QLabel(self)
        self.export_button = QPushButton(self.tr("导出 CSV…"), self)
        self.close_button = QPushButton(self.tr("关闭"), self)
        filters = QHBoxLayout()
        for w in (QLabel(self.tr("从"), self), self.date_from, self.from_any, QLabel(self.tr("到"), self),
                  self.date_to, self.to_any, QLabel(self.tr("对象："), self), self.entity_box):
            filters.addWidget(w)
        filters.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self._timer = QTimer(self)  # typing in the search box re-reads once the typing pauses
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.reload())
        for box in (self.from_any, self.to_any):
            box.toggled.connect(lambda _on: self.reload())
        self.entity_box.activated.connect(lambda _i: self.reload())
        self.export_button.clicked.connect(self.ask_export)
        self.close_button.clicked.connect(self.reject)
        self.watch(controller)
        self.reload()
        self.resize(1100, 600)
        self.restore_geometry()

    # -- reading --------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        """The filters as services.audit.query takes them."""
        def day(edit: QDateEdit, any_box: QCheckBox) -> date | None:
            if any_box.isChecked():
                return None
            d = edit.date()
            return date(d.year(), d.month(), d.day())
        return {"date_from": day(self.date_from, self.from_any), "date_to": day(self.date_to, self.to_any),
                "entity": self.entity_box.currentData() or None, "text": self.search.text().strip() or None}

    def entries(self) -> list[AuditEntry]:
        """The entries loaded so far (newest first)."""
        return list(self.model.rows)

    def count_text(self) -> str:
        return self.count.text()

    def reload(self) -> None:
        """Re-read from the first page with the current filters."""
        self._timer.stop()
        self.model.db = self.controller.db  # the controller may have opened another file
        try:
            self.model.reload(self.filters())
        except BizenvError as exc:
            self.controller.report(exc)
        self._update_count()

    def refresh_stale(self) -> None:  # a change it watches (when hidden: once, when shown again)
        self.refresh()

    def refresh(self) -> None:
        """Re-read after a change elsewhere, keeping as many rows loaded as before."""
        self.model.db = self.controller.db
        self.model.reload(keep=len(self.model.rows))
        self._update_count()

    def _update_count(self) -> None:
        self.count.setText(self.tr("共 %n 条", "", self.model.total))

    def set_filters(self, date_from: date | None = None, date_to: date | None = None,
                    entity: str | None = None, text: str | None = None) -> None:
        """Set every filter at once (None = 不限 / all) and re-read."""
        widgets = (self.date_from, self.from_any, self.date_to, self.to_any, self.entity_box, self.search)
        for w in widgets:
            w.blockSignals(True)
        for edit, any_box, day in ((self.date_from, self.from_any, date_from), (self.date_to, self.to_any, date_to)):
            any_box.setChecked(day is None)
            edit.setEnabled(day is not None)
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))
        self.entity_box.setCurrentIndex(max(0, self.entity_box.findData(entity or "")))
        self.search.setText(text or "")
        for w in widgets:
            w.blockSignals(False)
        self.reload()

    # -- export ---------------------------------------------------------------
    def export(self, path: str | Path) -> int | None:
        """Write the entries matching the filters to path; how many, or None (after a message)."""
        try:
            return audit.export_csv(self.controller.db, path, **self.filters())
        except (OSError, BizenvError) as exc:
            QMessageBox.warning(self, self.tr("导出失败"),
                                self.tr("无法写入“%1”：%2").replace("%1", str(path)).replace("%2", str(exc)))
            return None

    def ask_export(self) -> None:
        name = self.tr("修改记录-%1.csv").replace("%1", date.today().isoformat())
        path = file_dialogs.save_file(self, "exports", self.tr("导出 CSV"), name, self.tr("CSV 文件 (*.csv)"))
        if not path:
            return
        count = self.export(path)
        if count is not None:
            QMessageBox.information(self, self.tr("导出完成"),
                                    self.tr("已导出 %n 条记录到“%2”。", "", count).replace("%2", path))

    # -- closing --------------------------------------------------------------
    def done(self, result: int) -> None:
        self.save_geometry()
        super().done(result)
