"""Argument checks for resource methods: a wrong type fails before any request is made.

Every public method of a ``Resource`` subclass is wrapped once, when the class is defined.
What each argument must be comes from the ``ARGUMENT_CHECKS`` table of the method's module,
which ``tools/draft_from_spec.py`` writes beside the methods from their annotations: no type
hint is read at run time. On the first call the wrapper turns the method's row into
predicates; calls then check each argument given (containers one level deep) and raise a
``TypeError`` that names the method and the argument. Enum-like ``Literal`` arguments are
checked for their type only, so values the API adds later still go through. A method the
table does not list (one a subclass adds) is not checked.

A check kind is one of ``"str"``, ``"int"`` (not a bool), ``"float"`` (an int will do),
``"bool"``, ``"datetime"``, ``"date"``, ``"any"`` and ``"none"``, or a tuple:
``("or", kind, ...)``, ``("list", kind)`` (a list or tuple of it), ``("dict", kind)`` (a
mapping of str to it), ``("model", name)`` (an instance of ``schematic.models.<name>``) or
``("literal", value, ...)`` (a value of the same type as those listed).
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, TypeAlias, TypeVar

from .. import models

F = TypeVar("F", bound=Callable[..., Any])
Check = Callable[[Any], bool]
Kind: TypeAlias = "str | tuple[Kind, ...]"
ArgumentChecks: TypeAlias = "dict[str, tuple[tuple[str, Kind], ...]]"
"""A resource module's table: method name to its (argument, check kind) pairs."""

TABLE = "ARGUMENT_CHECKS"


def with_checks(method: F) -> F:
    """Wrap ``method`` so that its arguments are checked against its module's table."""
    checker: list[Callable[[tuple[Any, ...], dict[str, Any]], None]] = []

    @functools.wraps(method)
    def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not checker:
            checker.append(_build(method))
        checker[0](args, kwargs)
        return method(self, *args, **kwargs)

    return typing.cast(F, checked)


def _build(method: Callable[..., Any]) -> Callable[[tuple[Any, ...], dict[str, Any]], None]:
    table: ArgumentChecks = getattr(sys.modules[method.__module__], TABLE, None) or {}
    row = table.get(method.__name__)
    if row is None:
        return _unchecked
    signature = inspect.signature(method)  # reads no annotation: they stay strings
    checks = {name: (describe(kind), compile_kind(kind)) for name, kind in row}

    def check(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        bound = signature.bind(None, *args, **kwargs)
        for name, value in bound.arguments.items():
            entry = checks.get(name)
            if entry is not None and not entry[1](value):
                raise TypeError(
                    f"{method.__name__}(): {name} must be {entry[0]}, "
                    f"got {type(value).__name__} {_short(value)}"
                )

    return check


def _unchecked(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    return None


def compile_kind(kind: Kind) -> Check:
    """A predicate telling whether a value fits ``kind``."""
    if isinstance(kind, str):
        return _SIMPLE[kind]
    tag, *rest = kind
    if tag == "or":
        members = [compile_kind(member) for member in rest]
        return lambda value: any(member(value) for member in members)
    if tag == "literal":
        kinds = tuple({type(v) for v in rest})
        return lambda value: isinstance(value, kinds)
    if tag == "dict":
        inner = compile_kind(rest[0])
        return lambda value: (
            isinstance(value, Mapping)
            and all(isinstance(k, str) and inner(v) for k, v in value.items())
        )
    if tag == "list":
        inner = compile_kind(rest[0])
        return lambda value: isinstance(value, (list, tuple)) and all(inner(v) for v in value)
    if tag == "model":
        cls = getattr(models, typing.cast(str, rest[0]))  # loads the module defining it
        return lambda value: isinstance(value, cls)
    raise ValueError(f"unknown check kind {kind!r}")


def describe(kind: Kind) -> str:
    """Words for a check kind, for error messages: "a str", "a dict of str to str", ..."""
    if isinstance(kind, str):
        return _WORDS[kind]
    tag, *rest = kind
    if tag == "or":
        parts = [describe(member) for member in rest if member != "none"]
        return " or ".join(parts) + (" or None" if "none" in rest else "")
    if tag == "literal":
        return "one of " + ", ".join(repr(v) for v in rest)
    if tag == "dict":
        return f"a dict of str to {_bare(describe(rest[0]))}"
    if tag == "list":
        return f"a list of {_bare(describe(rest[0]))}"
    name = typing.cast(str, rest[0])
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


def _anything(value: Any) -> bool:
    return True


_SIMPLE: dict[str, Check] = {
    "any": _anything,
    "none": lambda value: value is None,
    "str": lambda value: isinstance(value, str),
    "bool": lambda value: isinstance(value, bool),
    "int": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "float": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "datetime": lambda value: isinstance(value, datetime),
    "date": lambda value: isinstance(value, date),
}

_WORDS = {
    "any": "an Any",
    "none": "a NoneType",
    "str": "a str",
    "bool": "a bool",
    "int": "an int",
    "float": "a float",
    "datetime": "a datetime",
    "date": "a date",
}


def _bare(words: str) -> str:
    return words.removeprefix("an ").removeprefix("a ")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
