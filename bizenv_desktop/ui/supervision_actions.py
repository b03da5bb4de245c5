"""What the 督办事项 tab does to an item: add, edit, move along its workflow or back, delete,
催办 and periodic feedback — one controller action (one undo step) each — the dialogs that
ask for them, and the printable 催办单 (written in a worker, then kept as one 催办 per item).

A mixin of SupervisionView (its controller, model, selection and date); the texts keep the
SupervisionView translation context, so the .ts file's messages stay where they were.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QWidget

from ..services import plan_read, supervision, supervision_links, supervision_watch
from ..services.supervision import SupervisionItem
from ..services.supervision_watch import Watch
from ..storage.database import Database
from .supervision_chase import FeedbackDialog, ReminderDialog
from .supervision_dialog import AdvanceDialog, ItemDialog, status_label
from .supervision_model import SupervisionModel
from .text_line import TextLine

translate = QCoreApplication.translate

__all__ = ["SupervisionActions"]


class SupervisionActions:
    """The item actions of SupervisionView (mixed into it)."""

    controller: Any
    model: SupervisionModel
    division_box: QComboBox
    summary: TextLine
    _watch: dict[int, Watch]
    _select_after_reload: int | None
    _notice_task: Any
    _notice_pending: tuple[str, Any] | None

    @property
    def today(self) -> date:  # SupervisionView's
        raise NotImplementedError

    def selected(self) -> SupervisionItem | None:  # SupervisionView's
        raise NotImplementedError

    def _widget(self) -> QWidget:
        """The view, as the parent of the dialogs it opens."""
        return cast(QWidget, self)

    # -- actions (no modal input; each is one undo step) -----------------------------
    def _name(self, item_id: int) -> str:
        item = next((i for i in self.model.rows if i.id == item_id), None)
        if item is None:
            return str(item_id)
        return item.no or (item.content[:20] + ("…" if len(item.content) > 20 else ""))

    def add(self, **fields: Any) -> int | None:
        """Register an item (fields as ItemDialog.values()); its id, or None when refused."""
        content = fields.pop("content", "")
        extra = {k: fields.pop(k) for k in ("closure_report", "complaint_verified", "accountability") if k in fields}
        codes = fields.pop("indicator_codes", "")
        new_id: list[int] = []

        def action(w: Any) -> None:
            new_id.append(supervision.add_item(w, content, today=self.today, **fields))
            if extra:
                supervision.update_item(w, new_id[0], **extra)
            if codes.strip():
                _set_codes(w, new_id[0], codes, self.today)
        label = translate("SupervisionView", "新增督办事项“%1”").replace("%1", content.strip()[:20])
        if self.controller.run(label, action) and new_id:
            self._select_after_reload = new_id[0]
            return new_id[0]
        return None

    def edit(self, item_id: int, **fields: Any) -> bool:
        label = translate("SupervisionView", "修改督办事项“%1”").replace("%1", self._name(item_id))
        codes = fields.pop("indicator_codes", None)

        def action(w: Any) -> None:
            supervision.update_item(w, item_id, **fields)
            if codes is not None:
                _set_codes(w, item_id, codes, self.today)
        return bool(self.controller.run(label, action))

    def remind(self, item_id: int, on: date | str | None = None, division_id: int | None = None,
               recipient: str = "", method: str = "", note: str = "") -> bool:
        """Record a 催办 of the item (one undo step)."""
        label = translate("SupervisionView", "催办督办事项“%1”").replace("%1", self._name(item_id))
        return bool(self.controller.run(label, lambda w: supervision_watch.add_reminder(
            w, item_id, on, division_id, recipient, method, note, self.today)))

    def give_feedback(self, item_id: int, due_on: str, given_on: str | None = None, text: str = "") -> bool:
        """Record the feedback for one due date of the item's 反馈周期 (one undo step)."""
        label = (translate("SupervisionView", "督办事项“%1”定期反馈（%2）").replace("%1", self._name(item_id))
                 .replace("%2", due_on))
        return bool(self.controller.run(label, lambda w: supervision_watch.record_feedback(
            w, item_id, due_on, given_on, text, self.today)))

    def watch_of(self, item_id: int) -> Watch | None:
        return self._watch.get(item_id)

    def advance(self, item_id: int, to_status: str | None = None, on: date | str | None = None,
                text: str = "") -> bool:
        """Move forward to to_status (default the next step) on the date (default today)."""
        item = next((i for i in self.model.rows if i.id == item_id), None)
        target = to_status or (item.next_status if item else None) or ""
        label = (translate("SupervisionView", "督办事项“%1”推进到“%2”").replace("%1", self._name(item_id))
                 .replace("%2", status_label(target)))
        return bool(self.controller.run(label, lambda w: supervision.advance(
            w, item_id, to_status, on or self.today, text)))

    def revert(self, item_id: int) -> bool:
        label = translate("SupervisionView", "督办事项“%1”退回上一步").replace("%1", self._name(item_id))
        return bool(self.controller.run(label, lambda w: supervision.revert(w, item_id)))

    def delete(self, item_id: int) -> bool:
        label = translate("SupervisionView", "删除督办事项“%1”").replace("%1", self._name(item_id))
        return bool(self.controller.run(label, lambda w: supervision.delete_item(w, item_id)))

    # -- interactive ----------------------------------------------------------------
    def ask_add(self) -> None:
        dialog = ItemDialog(plan_read.list_divisions(self.controller.db), None, self.today, self._widget(),
                            sources=supervision.sources(self.controller.db))
        accepted, values = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.add(**values)

    def ask_edit(self) -> None:
        item = self.selected()
        if item is None:
            return
        links = supervision_links.indicators_of(self.controller.db, [item.id]).get(item.id, [])
        codes = translate("SupervisionView", "、").join(code.strip("()（）") for _i, code in links)
        dialog = ItemDialog(plan_read.list_divisions(self.controller.db), item, self.today, self._widget(), codes,
                            sources=supervision.sources(self.controller.db))
        accepted, values = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.edit(item.id, **values)

    def ask_advance(self) -> None:
        item = self.selected()
        if item is None or item.next_status is None:
            return
        dialog = AdvanceDialog(item, self.today, self._widget())
        accepted, (to_status, on, text) = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.advance(item.id, to_status, on, text)

    def ask_revert(self) -> None:
        item = self.selected()
        if item is not None and item.step > 0:
            self.revert(item.id)

    def ask_delete(self) -> None:
        item = self.selected()
        if item is not None and QMessageBox.question(
                self._widget(), translate("SupervisionView", "确认删除"),
                translate("SupervisionView", "删除督办事项“%1”？此操作可以撤销。").replace("%1", self._name(item.id))
        ) == QMessageBox.StandardButton.Yes:
            self.delete(item.id)

    def ask_remind(self) -> None:
        item = self.selected()
        if item is None:
            return
        divisions = list(zip(item.lead_ids + item.cooperating_ids, item.lead_names + item.cooperating_names))
        dialog = ReminderDialog(self._name(item.id), divisions, self.today, self._widget())
        accepted, values = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted:
            self.remind(item.id, **values)

    def ask_feedback(self) -> None:
        item = self.selected()
        watch = self._watch.get(item.id) if item else None
        if item is None or watch is None or not watch.feedback:
            return
        dialog = FeedbackDialog(self._name(item.id), watch.cycle, watch.feedback, self.today, self._widget())
        accepted, (due, given, text) = dialog.exec() == QDialog.DialogCode.Accepted, dialog.values()
        dialog.deleteLater()
        if accepted and due:
            self.give_feedback(item.id, due, given, text)

    # -- the printable 催办单 (services.reminder_notice; the file is written in a worker) ------------
    def make_notice(self, path: str | Path, item_ids: list[int] | None = None, division_id: int | None = None,
                    record: bool = True) -> None:
        """Write the 催办单 of the items (or of the division's open items) to path, off the GUI thread;
        then, with record, keep one 催办 (方式 催办单) per item as one undo step."""
        from ..services import reminder_notice

        today = self.today
        self._notice_pending = (str(path), record)
        self._notice_task = self.controller.tasks.read(
            translate("SupervisionView", "正在生成催办单…"), lambda db, _progress: _write_notice(
                db, Path(path), item_ids, division_id, today, reminder_notice),
            done=self._notice_done, parent=self._widget().window())

    @property
    def notice_busy(self) -> bool:
        return self._notice_task is not None and self._notice_task.running

    def _notice_done(self, result: Any) -> None:
        from ..services import reminder_notice

        pending, self._notice_pending = self._notice_pending, None
        if isinstance(result, Exception):
            self.controller.report(result)
            return
        if pending is None:
            return
        path, record = pending
        notice = result
        if record:
            label = translate("SupervisionView", "打印催办单（%1 项）").replace("%1", str(len(notice.item_ids)))
            self.controller.run(label, lambda w: reminder_notice.record(w, notice, self.today))
        self.summary.setText(translate("SupervisionView", "已生成催办单：%1").replace("%1", path))

    def ask_notice(self, division: bool) -> None:
        from . import file_dialogs

        item = self.selected()
        division_id = self.division_box.currentData() if division else None
        if (division and division_id is None) or (not division and item is None):
            return
        name = ((self.division_box.currentText() if division else (item.no if item else ""))
                or translate("SupervisionView", "催办单"))
        path = file_dialogs.save_file(self._widget(), "reports", translate("SupervisionView", "保存催办单"),
                                      translate("SupervisionView", "催办单（%1）.pdf").replace("%1", name),
                                      translate("SupervisionView", "PDF 文件 (*.pdf);;Word 文档 (*.docx)"))
        if not path:
            return
        record = QMessageBox.question(self._widget(), translate("SupervisionView", "催办单"),
                                      translate("SupervisionView", "是否同时登记为一次催办（方式：催办单）？")
                                      ) == QMessageBox.StandardButton.Yes
        self.make_notice(path, None if division else [item.id] if item else None, division_id, record)



def _set_codes(w: Any, item_id: int, codes: str, today: date) -> None:
    """Link the item to the indicators numbered in codes ('17、5'), of the year it was received."""
    from ..services.lookup import indicator_by_code

    row = w.get("supervision_item", item_id) or {}
    year = int(row["received_on"][:4]) if row.get("received_on") else today.year
    parts = [c for c in codes.replace("，", "、").replace(",", "、").replace(" ", "、").split("、") if c.strip()]
    supervision_links.set_indicators(w, item_id, [indicator_by_code(w.db, year, c) for c in parts])


def _write_notice(db: Database, path: Path, item_ids: list[int] | None, division_id: int | None, today: date,
                  reminder_notice: Any) -> Any:
    """In the worker: build and write the notice; an error comes back as the result."""
    from ..core.errors import BizenvError

    try:
        notice = reminder_notice.build(db, item_ids, division_id, today)
        reminder_notice.write(notice.document, path)
        return notice
    except BizenvError as exc:
        return exc


