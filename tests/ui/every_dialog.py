"""Every dialog of the app, built on a real database, for the checks that must visit them all
(fits a 1366 x 768 screen; no Chinese left in the English UI; no elided label).

Add a new dialog here and those checks cover it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from bizenv_desktop.core import dispatch as dispatch_rules
from bizenv_desktop.core.errors import DatabaseDamaged
from bizenv_desktop.services import backup, dispatch, plan_read, self_evaluation, supervision
from bizenv_desktop.services.supervision_watch import FeedbackDue
from bizenv_desktop.ui.controller import Controller

Maker = Callable[[], QDialog]


def prepared(controller: Controller) -> dict[str, Any]:
    """A month started, a supervised item (with a feedback cycle) and a self-evaluation: what the
    dialogs show."""
    db = controller.db
    if not dispatch.month_head(db, "2026-11"):
        # October closed before it: 与上月相比 has changes to list
        assert controller.run("start", lambda w: dispatch.start_month(w, "2026-10"))
        assert controller.run("close", lambda w: dispatch.close_month(w, "2026-10"))
        assert controller.run("start", lambda w: dispatch.start_month(w, "2026-11"))
        # every status shown somewhere (the month grid, the dashboard), each in its own word
        rows = dispatch.load_month(db, "2026-11").rows
        assert controller.run("statuses", lambda w: dispatch.update_rows(
            w, {row.id: {"status": status} for row, status in zip(rows, dispatch_rules.STATUSES)}))
    if not supervision.list_items(db):
        divisions = [d for d in plan_read.list_divisions(db) if not d.is_group]
        assert controller.run("item", lambda w: supervision.add_item(
            w, "关于进一步压减企业开办时间的督办事项", source="省软环境办", received_on="2026-11-02",
            deadline="2026-12-15", lead=[divisions[0].id], feedback_cycle="每月25日前", today=date(2026, 11, 20)))
        # two more, further on: 办理中 and 已办结 (the list, its filters and the dashboard show them)
        for content, status in (("关于优化涉企审批服务的督办事项", "办理中"), ("关于清理拖欠企业账款的督办事项", "已办结")):
            def add(w: Any, content: str = content, status: str = status) -> None:
                item_id = supervision.add_item(w, content, source="省政府办公厅", received_on="2026-10-20",
                                               deadline="2026-11-30", lead=[divisions[1].id], today=date(2026, 11, 20))
                supervision.advance(w, item_id, status, on=date(2026, 11, 10), text="已按要求办理并报送办结报告")
            assert controller.run("item", add)
    plan = plan_read.load_plan(db, 2026)
    indicator = next(i for i in plan.second_level() if i.code == "(9)")
    evaluations = self_evaluation.load_evaluations(db, 2026)
    return {"plan": plan, "indicator": indicator, "divisions": plan_read.list_divisions(db),
            "item": next(i for i in supervision.list_items(db) if i.feedback_cycle), "evaluation": evaluations[0]}


def makers(controller: Controller, parent: QWidget) -> Iterator[tuple[str, Maker]]:
    """(name, a function that builds the dialog) for each dialog; imports as the app does, late."""
    from bizenv_desktop.ui.audit_dialog import AuditDialog
    from bizenv_desktop.ui.calendar_dialog import CalendarDialog
    from bizenv_desktop.ui.divisions_dialog import DivisionsDialog, NewDivisionDialog
    from bizenv_desktop.ui.events_view import EventDialog
    from bizenv_desktop.ui.first_start import FirstStartDialog
    from bizenv_desktop.ui.forms_dialog import CollectFormsDialog, MakeFormsDialog
    from bizenv_desktop.ui.help_window import HelpWindow
    from bizenv_desktop.ui.import_dialog import ImportIndicatorsDialog
    from bizenv_desktop.ui.inspections_view import FollowupDialog, InspectionDialog
    from bizenv_desktop.ui.indicator_dialog import IndicatorDialog
    from bizenv_desktop.ui.liaison_dialog import LiaisonDialog, LiaisonForm
    from bizenv_desktop.ui.maintenance import DamagedDialog
    from bizenv_desktop.ui.month_picker import MonthPickerDialog
    from bizenv_desktop.ui.plan_import_dialog import PlanImportDialog
    from bizenv_desktop.ui.publications_view import PublicationDialog
    from bizenv_desktop.ui.report_dialog import ReportDialog
    from bizenv_desktop.ui.self_eval_view import NarrativeDialog
    from bizenv_desktop.ui.settings_dialog import SettingsDialog
    from bizenv_desktop.ui.subtask_dialog import SubtaskDialog
    from bizenv_desktop.ui.supervision_chase import FeedbackDialog, ReminderDialog
    from bizenv_desktop.ui.supervision_dialog import AdvanceDialog, ItemDialog
    from bizenv_desktop.ui.supervision_import_dialog import ImportSupervisionDialog
    from bizenv_desktop.ui.work_plans_view import ReceiveDialog

    data = prepared(controller)
    divisions, indicator, item = data["divisions"], data["indicator"], data["item"]
    today = date(2026, 11, 20)
    yield "AuditDialog", lambda: AuditDialog(controller, parent)
    yield "CalendarDialog", lambda: CalendarDialog(controller, parent)
    yield "DivisionsDialog", lambda: DivisionsDialog(controller, parent)
    yield "NewDivisionDialog", lambda: NewDivisionDialog(parent)
    yield "EventDialog", lambda: EventDialog(lambda _y: data["plan"].second_level(), None, parent=parent)
    yield "MakeFormsDialog", lambda: MakeFormsDialog(controller, "2026-11", parent)
    yield "CollectFormsDialog", lambda: CollectFormsDialog(controller, "2026-11", parent)

    def guide() -> QDialog:  # as show_help opens it (F1): at its contents, the guide's text read too
        window = HelpWindow(parent)
        window.open_topic("")
        return window
    yield "HelpWindow", guide
    yield "ImportIndicatorsDialog", lambda: ImportIndicatorsDialog(controller, parent, 2026)
    yield "IndicatorDialog", lambda: IndicatorDialog(indicator, divisions, parent)
    yield "LiaisonDialog", lambda: LiaisonDialog(controller, parent)
    yield "LiaisonForm", lambda: LiaisonForm(divisions, None, None, parent)
    yield "ReportDialog", lambda: ReportDialog(controller, parent, 2026)
    yield "MonthPickerDialog", lambda: MonthPickerDialog(controller.db, today, parent)
    yield "NarrativeDialog", lambda: NarrativeDialog(data["evaluation"], "2026", parent)
    yield "SettingsDialog", lambda: SettingsDialog(controller, parent)
    yield "SubtaskDialog", lambda: SubtaskDialog(divisions, None, parent, 2026)
    yield "ItemDialog", lambda: ItemDialog(divisions, item, today, parent)
    yield "AdvanceDialog", lambda: AdvanceDialog(item, today, parent)
    yield "ImportSupervisionDialog", lambda: ImportSupervisionDialog(controller, parent)
    yield "PlanImportDialog", lambda: PlanImportDialog(controller, parent, 2026, allow_replace=True)
    yield "FirstStartDialog", lambda: FirstStartDialog(controller, parent)
    # the records of issue 16: publications, work plans, 督查, 催办 and periodic feedback
    yield "PublicationDialog", lambda: PublicationDialog(lambda _y: data["plan"].second_level(), None, 2026, parent)
    yield "ReceiveDialog", lambda: ReceiveDialog(divisions[0].name, today, parent)
    yield "InspectionDialog", lambda: InspectionDialog(divisions, None, today, parent)
    yield "FollowupDialog", lambda: FollowupDialog(divisions, today, parent)
    lead = list(zip(item.lead_ids, item.lead_names))
    yield "ReminderDialog", lambda: ReminderDialog(item.no, lead, today, parent)
    # a damaged database: first with no backup to offer, then with a sound one (its command line)
    damage = DatabaseDamaged(str(controller.workspace.path), "database disk image is malformed")
    yield "DamagedDialog", lambda: DamagedDialog(controller.workspace.path, damage, parent)

    def damaged_with_a_backup() -> QDialog:
        if not backup.list_backups(controller.workspace.path):
            backup.make_backup(controller.db)
        return DamagedDialog(controller.workspace.path, damage, parent)
    yield "DamagedDialog with a backup", damaged_with_a_backup
    dues = [FeedbackDue(date(2026, 10, 23), True, "2026-10-22", "十月进展已报"), FeedbackDue(date(2026, 11, 25), True)]
    yield "FeedbackDialog", lambda: FeedbackDialog(item.no, item.feedback_cycle, dues, today, parent)


def inner_pages(window: Any) -> Iterator[str]:
    """Bring each page inside a tab to the front in turn (the 考评记录 pages, the 月调度 side
    panels: 与上月相比, 报送情况, 佐证材料, 季度快照); yields a name for each, the page then shown."""
    from bizenv_desktop.ui.records_view import PAGES

    records = window.view("records")
    window.tabs.setCurrentWidget(records)
    for key, _title in PAGES:
        records.show_page(key)
        yield f"records/{key}"
    month = window.month_view
    window.tabs.setCurrentWidget(month)
    for index in range(month.side_tabs.count()):
        month.side_tabs.setCurrentIndex(index)
        yield f"month side {index}"
