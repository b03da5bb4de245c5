"""Helpers the record commands share (no command of its own): opening the file, JSON output,
running one write as one undoable, audited action, and --year defaults."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from . import Handler


def register(subparsers: Any) -> dict[str, Handler]:
    return {}  # helpers only


def out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def workspace(args: argparse.Namespace, write: bool) -> Iterator[Any]:
    from ..services.startup import open_workspace

    ws = open_workspace(args.db, read_only_ok=not write)
    try:
        yield ws
    finally:
        ws.close()


def apply(ws: Any, label: str, fn: Callable[[Any], Any]) -> Any:
    """Run fn as one action (undo, audit) and return what it returned."""
    result: list[Any] = []
    ws.apply(label, lambda w: result.append(fn(w)))
    return result[0] if result else None


def year_of(args: argparse.Namespace, ws: Any) -> int:
    """--year, else this year when the file has it, else the file's latest year."""
    from ..services.plan_read import list_years

    if getattr(args, "year", None):
        return int(args.year)
    years = list_years(ws.db)
    return date.today().year if date.today().year in years or not years else years[-1]


def today_of(args: argparse.Namespace) -> date:
    from ..core.errors import InvalidInput

    text = getattr(args, "today", None)
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidInput("cli.bad_today", value=text) from None


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
