"""Several writes of one task (tasks.write_each: the returned forms of several divisions) are
each their own undo step, but the views are told once, of every row they wrote: a notice per
step made the 待办 panel re-read itself once per form, all in one turn of the event loop."""
from __future__ import annotations

from typing import Any

from bizenv_desktop.storage.touched import Touched
from bizenv_desktop.ui.controller import Controller


def test_write_each_tells_the_views_once_of_all_its_steps(qtbot: Any, workspace: Any) -> None:
    controller = Controller(workspace)
    told: list[Touched] = []
    controller.changed.connect(told.append)

    def step(n: int) -> Any:
        return lambda w, _progress: w.insert("division", {"name": f"新处{n}", "kind": "division",
                                                          "position": 900 + n})
    task = controller.tasks.write_each("三个新处室", [(f"新处{n}", step(n)) for n in range(3)])
    assert task is not None and task.wait()
    assert controller.undo_stack.count() == 3  # each step undoes on its own
    assert len(told) == 1
    ids = told[0].ids("division")
    marks = ",".join("?" * len(ids))
    names = {r[0] for r in workspace.db.query(f"SELECT name FROM division WHERE id IN ({marks})", tuple(ids))}
    assert names == {"新处0", "新处1", "新处2"}
    controller.undo()  # one step back: told of that step alone
    assert len(told) == 2 and len(told[1].ids("division")) == 1
