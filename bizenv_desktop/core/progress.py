"""How long work reports how far it is, and learns that the user cancelled it.

A service that takes long (an import, an export, the forms, a backup) takes an optional
`progress: Progress | None = None` and calls `progress(done, total, what)` between units of
work (a row, a sheet, a file): done of total units, what it is at (a short text, may be '').
The caller's function may raise Cancelled there: the service lets it pass, so a write's
transaction rolls back and a file being written is removed — nothing is left half-done.
Call it before the first write and often enough (every few hundred rows) that Cancel is
prompt; it is cheap (ui/tasks.py throttles what reaches the screen).

`step(progress)` gives a function that never is None, for code that calls it in a loop.
"""
from __future__ import annotations

from collections.abc import Callable

from . import messages
from .errors import BizenvError

Progress = Callable[[int, int, str], None]   # (done, total, what); may raise Cancelled

messages.register({
    "task.cancelled": ("已取消，未作任何修改。", "Cancelled; nothing was changed."),
    "task.busy": ("“{title}”还在进行，请等它完成或取消后再试。",
                  "“{title}” is still running; wait for it to finish or cancel it, then try again."),
    "task.conflict": ("操作与已有数据冲突，未作任何修改：{detail}",
                      "The action conflicts with existing data; nothing was changed: {detail}"),
    "task.cannot_write": ("无法完成，未作任何修改：{detail}。请检查磁盘空间和文件权限。",
                          "Could not finish; nothing was changed: {detail}. Check the free disk space and "
                          "the file permissions."),
    "task.failed": ("意外错误，未作任何修改：{detail}", "Unexpected error; nothing was changed: {detail}"),
})


class Cancelled(BizenvError):
    """The user cancelled the work; whatever it had begun is undone."""

    def __init__(self) -> None:
        super().__init__("task.cancelled")


def _nothing(_done: int, _total: int, _what: str) -> None:
    return None


def step(progress: Progress | None) -> Progress:
    """progress, or a function that does nothing."""
    return progress if progress is not None else _nothing


def every(progress: Progress | None, n: int) -> Callable[[int, int, str], None]:
    """A progress that passes on only every n-th unit (and the first, and the last when the
    total is known): for loops over tens of thousands of rows."""
    report = step(progress)

    def tick(done: int, total: int, what: str = "") -> None:
        if done == 1 or done % n == 0 or 0 < total <= done:
            report(done, total, what)
    return tick
