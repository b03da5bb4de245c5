"""Services, storage, core and the CLI commands never raise a finished sentence.

They raise BizenvError subclasses with a registered message id and named arguments
(core/messages.py), so the English UI and `bizenv --lang en` show English. This walks the
AST of every module there and fails, naming file:line, on:

- any `raise X(...)` (any exception class) or error constructor (a BizenvError subclass,
  raised or not) with a Chinese string literal / f-string anywhere in its arguments: a
  sentence, a fragment glued into one, or a Chinese list separator ("、".join — pass the
  list itself, messages.render joins it in the sentence's language);
- a BizenvError subclass built with a literal first argument that is not a registered
  message id, or with an f-string / concatenation as its first argument.

Allowed, because they cannot be ids: the first argument of the few errors whose
constructor takes typed values instead of a message (NotOurDatabase(path, detail), ...:
any class whose __init__'s first parameter is not `message`/`message_id`); their string
arguments still must not be Chinese. Nothing else is exempt.
"""
from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import bizenv_desktop
from bizenv_desktop.core import messages
from bizenv_desktop.core.errors import BizenvError

PACKAGE = Path(bizenv_desktop.__file__).parent
AREAS = ("core", "storage", "services", "commands")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def _modules() -> list[Path]:
    return sorted(p for area in AREAS for p in (PACKAGE / area).rglob("*.py"))


def _error_classes() -> dict[str, bool]:
    """Name -> whether its first constructor argument is a message id."""
    for info in pkgutil.walk_packages(bizenv_desktop.__path__, "bizenv_desktop."):
        if info.name.split(".")[1] in AREAS:
            importlib.import_module(info.name)  # registers every message, defines every class
    found: dict[str, bool] = {}
    todo: list[type] = [BizenvError]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        first = next(iter(list(inspect.signature(cls.__init__).parameters)[1:2]), "message")
        found[cls.__name__] = first in ("message", "message_id")
    return found


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _chinese_literals(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and CJK.search(n.value)
               for n in ast.walk(node))


def _bad_id(first: ast.expr) -> str | None:
    """Why the first argument of a message error cannot be a registered id, or None."""
    if isinstance(first, ast.Constant):
        if isinstance(first.value, str) and not messages.is_message_id(first.value):
            return f"{first.value!r} is not a registered message id"
        return None
    if isinstance(first, ast.IfExp):
        return _bad_id(first.body) or _bad_id(first.orelse)
    if isinstance(first, (ast.JoinedStr, ast.BinOp)):
        return "a sentence built from pieces, not a message id"
    return None  # a name or call: its value is checked where it is built


def offenders() -> list[str]:
    classes = _error_classes()
    found: list[str] = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        raised = {id(n.exc) for n in ast.walk(tree) if isinstance(n, ast.Raise) and n.exc is not None}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            if id(node) not in raised and name not in classes:
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            if _chinese_literals(node):
                found.append(f"{where}: {name}(...) carries Chinese text: {ast.unparse(node)[:100]}")
            elif classes.get(name) and node.args and (why := _bad_id(node.args[0])):
                found.append(f"{where}: {name}(...): {why}")
    return found


def test_no_error_carries_a_finished_sentence() -> None:
    found = offenders()
    assert not found, f"{len(found)} errors raised with finished sentences:\n" + "\n".join(found)


def test_the_check_finds_a_sentence(tmp_path) -> None:
    """The walker itself: a Chinese f-string, an unregistered id and a '、' join are caught."""
    tree = ast.parse('raise InvalidInput(f"第 {n} 行不对。")\nraise NotFound("no.such_id")\n'
                     'raise InvalidInput("db.newer", names="、".join(x))\nraise InvalidInput("db.newer", path=p)\n')
    classes = _error_classes()
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n.func) in classes]
    assert [_chinese_literals(c) for c in calls] == [True, False, True, False]
    assert _bad_id(calls[1].args[0]) and not _bad_id(calls[3].args[0])
