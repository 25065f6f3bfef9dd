"""Argument checks for resource methods: a wrong type fails before any request is made.

Every public method of a ``Resource`` subclass is wrapped once, when the class is defined.
On the first call the wrapper reads the method's type hints and builds a checker; calls
then compare each argument with its hint (containers one level deep) and raise a
``TypeError`` that names the method and the argument. Enum-like ``Literal`` hints are
checked for their type only, so values the API adds later still go through.
"""

from __future__ import annotations

import functools
import inspect
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TypeVar, Union

from ..models._base import _MODELS

F = TypeVar("F", bound=Callable[..., Any])
Check = Callable[[Any], bool]


def with_checks(method: F) -> F:
    """Wrap ``method`` so that its arguments are checked against its hints on each call."""
    checker: list[Callable[[tuple[Any, ...], dict[str, Any]], None]] = []

    @functools.wraps(method)
    def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
        if not checker:
            checker.append(_build(method))
        checker[0](args, kwargs)
        return method(self, *args, **kwargs)

    return typing.cast(F, checked)


def _build(method: Callable[..., Any]) -> Callable[[tuple[Any, ...], dict[str, Any]], None]:
    signature = inspect.signature(method)
    module = vars(sys.modules[method.__module__])
    hints = typing.get_type_hints(method, module, _MODELS)
    checks = {
        name: (_describe(hints[name]), _check_for(hints[name]))
        for name in list(signature.parameters)[1:]
        if name in hints and name != "request_options"
    }

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


def _check_for(hint: Any) -> Check:
    """A predicate telling whether a value fits ``hint``."""
    origin = typing.get_origin(hint)
    if origin is Union or origin is types.UnionType:
        members = [_check_for(member) for member in typing.get_args(hint)]
        return lambda value: any(member(value) for member in members)
    if hint is type(None):
        return lambda value: value is None
    if origin is typing.Literal:
        kinds = tuple({type(v) for v in typing.get_args(hint)})
        return lambda value: isinstance(value, kinds)
    if origin in (Mapping, dict) or hint in (Mapping, dict):
        args = typing.get_args(hint)
        inner = _check_for(args[1]) if len(args) == 2 else _anything
        return lambda value: (
            isinstance(value, Mapping)
            and all(isinstance(k, str) and inner(v) for k, v in value.items())
        )
    if origin in (Sequence, list) or hint in (Sequence, list):
        args = typing.get_args(hint)
        inner = _check_for(args[0]) if args else _anything
        return lambda value: isinstance(value, (list, tuple)) and all(inner(v) for v in value)
    return _SIMPLE.get(hint) or (
        (lambda value: isinstance(value, hint)) if isinstance(hint, type) else _anything
    )


def _anything(value: Any) -> bool:
    return True


_SIMPLE: dict[Any, Check] = {
    Any: _anything,
    str: lambda value: isinstance(value, str),
    bool: lambda value: isinstance(value, bool),
    int: lambda value: isinstance(value, int) and not isinstance(value, bool),
    float: lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    datetime: lambda value: isinstance(value, datetime),
    date: lambda value: isinstance(value, date),
}


def _describe(hint: Any) -> str:
    """Words for a hint, for error messages: "a str", "a dict of str to str", ..."""
    origin = typing.get_origin(hint)
    if origin is Union or origin is types.UnionType:
        parts = [_describe(a) for a in typing.get_args(hint) if a is not type(None)]
        return " or ".join(parts) + (" or None" if type(None) in typing.get_args(hint) else "")
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(v) for v in typing.get_args(hint))
    if origin in (Mapping, dict):
        args = typing.get_args(hint)
        return f"a dict of str to {_bare(_describe(args[1]))}" if args else "a dict"
    if origin in (Sequence, list):
        args = typing.get_args(hint)
        return f"a list of {_bare(_describe(args[0]))}" if args else "a list"
    name = getattr(hint, "__name__", str(hint))
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


def _bare(words: str) -> str:
    return words.removeprefix("an ").removeprefix("a ")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
