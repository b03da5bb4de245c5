"""The `bizenv` command line: the same services as the window, without Qt.

`bizenv` with no command, or `bizenv gui`, opens the window.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .core.errors import BizenvError


CORE = ("gui", "init", "indicators", "dispatch", "due")  # the commands defined here, not in commands/


def _command_of(argv: list[str]) -> str | None:
    """The command argv names (the first word after --db PATH / --lang L), None for none."""
    words = iter(argv)
    for word in words:
        if word in ("--db", "--lang"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def needs_every_command(argv: list[str]) -> bool:
    """False when argv runs a core command or the window (no command, no --help)."""
    command = _command_of(argv)
    return command not in CORE if command is not None else any(w in ("-h", "--help") for w in argv)


class _Formatter(argparse.HelpFormatter):
    """argparse's, without importing shutil (and bz2, lzma, zlib) for the terminal's width each
    time a parser checks an argument: only help and errors are ever formatted for the screen."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width if width is not None else _columns() - 2)


def _columns() -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser (its subparsers too) with _Formatter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def build_parser(everything: bool = True, only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; everything=False leaves out the commands of commands/ (a core
    command then starts without importing and wiring thirty others: 10-15 ms of every run);
    only=NAME (a core command) builds that one command's parser alone (each parser asks gettext
    for its headings, a look-up on disk)."""
    parser = _Parser(prog="bizenv", description="营商环境考核评价工作台 (bizenv-desktop)")
    parser.add_argument("--db", type=Path, help="数据库文件（默认在用户数据目录中）")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言 / UI language")
    parser.add_argument("--version", action="version", version=f"bizenv-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND" if only else None)
    for name in CORE:
        if only is None or name == only:
            _CORE_PARSERS[name](sub)
    if everything:
        from .commands import register_all

        parser.set_defaults(extra_handlers=register_all(sub))  # bizenv_desktop/commands/*.py
    else:
        parser.set_defaults(extra_handlers={})
    return parser


def parser_for(argv: list[str]) -> argparse.ArgumentParser:
    """The parser argv needs: every command for help or a command of commands/, else only the
    core command it names (the window's for none)."""
    if needs_every_command(argv):
        return build_parser()
    return build_parser(False, _command_of(argv) or "gui")


def _add_gui(sub: Any) -> None:
    sub.add_parser("gui", help="打开窗口")


def _add_init(sub: Any) -> None:
    init = sub.add_parser("init", help="创建数据库并写入内置方案")
    init.add_argument("--year", type=int, default=date.today().year)


def _add_indicators(sub: Any) -> None:
    ind = sub.add_parser("indicators", help="列出某年度的指标")
    ind.add_argument("--year", type=int)
    ind.add_argument("--json", action="store_true", help="以 JSON 输出")


def _add_dispatch(sub: Any) -> None:
    disp = sub.add_parser("dispatch", help="某月的月调度情况")
    disp.add_argument("--month", required=True, help="YYYY-MM")
    disp.add_argument("--json", action="store_true", help="以 JSON 输出")
    disp.add_argument("--start", action="store_true", help="该月尚未开始时，从计划和上月开始")


def _add_due(sub: Any) -> None:
    due = sub.add_parser("due", help="待办：前后 N 天内的全部期限")
    due.add_argument("--today", help="YYYY-MM-DD（默认今天）")
    due.add_argument("--days", type=int, default=45)
    due.add_argument("--json", action="store_true", help="以 JSON 输出")


_CORE_PARSERS = {"gui": _add_gui, "init": _add_init, "indicators": _add_indicators, "dispatch": _add_dispatch,
                 "due": _add_due}


def _out(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def cmd_init(args: argparse.Namespace) -> int:
    from .services.startup import default_database_path, ensure_builtin_year
    from .services.workspace import Workspace

    path = args.db or default_database_path()
    ws = Workspace.open(path)  # takes the writer lock like every writer
    try:
        added = ensure_builtin_year(ws.db, args.year)
    finally:
        ws.close()
    if added:
        print(f"已在 {path} 中创建 {args.year} 年度的内置方案。")
    else:
        print(f"{path} 中已有 {args.year} 年度，未作改动。")
    return 0


def cmd_indicators(args: argparse.Namespace) -> int:
    from .services.plan_read import load_plan, plan_to_json
    from .services.startup import open_workspace

    ws = open_workspace(args.db, read_only_ok=True)
    try:
        from .services.plan_read import list_years

        years = list_years(ws.db)
        year = args.year or (date.today().year if date.today().year in years else years[-1])
        plan = load_plan(ws.db, year)
        from .services.rankings import rankings

        ranks = rankings(ws.db, year)
    finally:
        ws.close()
    if args.json:
        _out(plan_to_json(plan, ranks))
        return 0
    print(f"{plan.year} 年度 {plan.title}")
    for d in plan.dimensions:
        print(f"（{d.code}）{d.name}")
        for f in d.indicators:
            print(f"  {f.code}、{f.name}")
            for s in f.children:
                units = "；".join(f"{a.name}[{a.role}]" for a in s.assignments)
                rank = f"  排名：{ranks[s.id].text}" if s.id in ranks else ""
                print(f"    {s.code} {s.name}  —  {units}{rank}")
    return 0


def cmd_dispatch(args: argparse.Namespace) -> int:
    from .core.dispatch import check_month
    from .services import dispatch
    from .services.startup import open_workspace

    month = check_month(args.month)
    ws = open_workspace(args.db, read_only_ok=not args.start)
    try:
        if args.start and not any(m["month"] == month for m in dispatch.list_months(ws.db)):
            ws.apply(f"开始 {month} 月调度", lambda w: dispatch.start_month(w, month))
        m = dispatch.load_month(ws.db, month)
    finally:
        ws.close()
    if args.json:
        _out(dispatch.month_json(m))
        return 0
    total, counts = _counts(m)
    print(f"{m.month} 月调度{'（已关闭）' if m.closed else ''}：{total} 项：" + "，".join(f"{s} {n}" for s, n in counts))
    for r in m.rows:
        figure = "" if r.figure is None else f"  数值 {r.figure:g}{'（达标）' if r.target_met else '（未达标）'}"
        print(f"  {r.label} | {r.division_name or '-'} | {r.status}{figure}")
    return 0


def _counts(m: Any) -> tuple[int, list[tuple[str, int]]]:
    from .core.dispatch import count_line

    return count_line(r.status for r in m.rows)


def cmd_due(args: argparse.Namespace) -> int:
    from .core.errors import InvalidInput
    from .services import deadlines
    from .services.startup import open_workspace

    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError:
        raise InvalidInput("cli.bad_today", value=args.today) from None
    if args.days < 0:
        raise InvalidInput("cli.negative_days")
    ws = open_workspace(args.db, read_only_ok=True)
    try:
        report = deadlines.due_report(ws.db, today, args.days)
    finally:
        ws.close()
    if args.json:
        _out(report)
        return 0
    for item in report["items"]:
        flag = "【逾期】" if item["overdue"] else ""
        guess = "（日历未确认）" if not item["confirmed"] else ""
        print(f"{item['due']}  {flag}{item['title']}{guess}")
    return 0


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # Chinese output whatever the console's encoding
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    words = sys.argv[1:] if argv is None else argv
    args = parser_for(words).parse_args(words)
    from .core import messages

    messages.set_language(args.lang)  # errors and generated labels in the chosen language
    if args.command in (None, "gui"):
        from .app import run_gui

        return run_gui(args.db, args.lang)
    handlers = {**args.extra_handlers, "init": cmd_init, "indicators": cmd_indicators, "dispatch": cmd_dispatch, "due": cmd_due}
    try:
        return handlers[args.command](args)
    except BizenvError as exc:
        return _error(args, exc)
    except BrokenPipeError:  # output piped into head & co.
        return 0
    except OSError as exc:
        print(messages.render("cli.file_error", {"detail": str(exc)}), file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:  # a damaged file, a full disk: said as a sentence
        from .storage import faults

        problem = faults.translate(exc, _db_path(args))
        if problem is not None:
            return _error(args, problem)
        print(messages.render("cli.db_error", {"detail": str(exc)}), file=sys.stderr)
        return 2


def _db_path(args: argparse.Namespace) -> Path:
    from .services.startup import default_database_path

    return Path(args.db or default_database_path())


def _error(args: argparse.Namespace, exc: BizenvError) -> int:
    from .core import messages
    from .core.errors import DatabaseDamaged

    print(messages.render("cli.error", {"text": str(exc)}), file=sys.stderr)
    if isinstance(exc, DatabaseDamaged):  # what to do: the newest sound backup and its command
        from .services.restore import damage_advice

        print(damage_advice(_db_path(args)), file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
