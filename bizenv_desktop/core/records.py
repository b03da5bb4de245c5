"""Value classes as @dataclass makes them, for the modules every command loads.

`dataclasses` imports `inspect` (with ast, dis, tokenize …: 5-6 ms) and generates each class's
methods as source text compiled at import (about 0.5 ms a class). The plan model and the
rankings are loaded by `bizenv indicators` and by the window's start; there those 10 ms were a
quarter of the command. A class here lists its fields in FIELDS and writes its __init__; eq,
repr and (for Frozen) hash and immutability come from the base, as dataclass gives them:
equal when of the same class with equal fields, `Name(field=value, ...)`, and
FrozenInstanceError (an AttributeError, as dataclasses' is) on assignment.
"""
from __future__ import annotations

from typing import Any


class FrozenInstanceError(AttributeError):
    pass


class Record:
    """eq and repr over FIELDS (unhashable, like a dataclass with eq and without frozen)."""

    FIELDS: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f) for f in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in self.FIELDS) + ")"


class Frozen(Record):
    """A Record whose fields cannot be assigned after __init__ (which sets them with
    self.__dict__.update); hashable over its fields."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._values())

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
