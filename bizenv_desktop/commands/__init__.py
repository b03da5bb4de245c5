"""Further `bizenv` subcommands, one module each (found automatically by cli.py).

A module here defines `register(subparsers) -> dict[str, handler]`: it adds its
subparsers and returns {command name: function(args) -> exit code}. Import heavy things
inside the handlers so `bizenv --help` stays quick.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], int]


def register_all(subparsers: Any) -> dict[str, Handler]:
    handlers: dict[str, Handler] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        handlers.update(module.register(subparsers))
    return handlers
