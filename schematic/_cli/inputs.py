"""Reading the command line's values: ``k=v`` pairs, traits, JSON bodies, files, numbers.

Keys (``--company id=acme``) are always strings. Trait values (``--trait seats=10``) are
read as JSON when they are JSON (numbers, ``true``/``false``, ``null``, quoted strings,
arrays, objects), and kept as the text given otherwise: ``plan=pro`` is the string "pro",
``zip='"02134"'`` the string "02134".
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .core import UsageError

Pair = tuple[str, str]

_TRUE = frozenset({"true", "on", "yes", "1"})
_FALSE = frozenset({"false", "off", "no", "0"})


def pair(text: str) -> Pair:
    """argparse type of a ``KEY=VALUE`` argument."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def keys(pairs: Sequence[Pair] | None) -> dict[str, str]:
    """``--company id=acme --company slug=acme`` as a dict of strings (the last one wins)."""
    return dict(pairs or ())


def traits(pairs: Sequence[Pair] | None) -> dict[str, Any]:
    """``--trait k=v`` pairs as a dict, each value read by ``json_value``."""
    return {key: json_value(value) for key, value in pairs or ()}


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def json_value(text: str) -> Any:
    """The JSON value ``text`` spells, or ``text`` itself when it is not JSON.

    ``NaN`` and ``Infinity``, which Python's JSON reader would accept, stay text.
    """
    try:
        return json.loads(text, parse_constant=_no_constants)
    except ValueError:
        return text


def flag_setting(text: str) -> tuple[str, bool]:
    """argparse type of ``fake-server --flag KEY=true|false``."""
    key, value = pair(text)
    lowered = value.strip().lower()
    if lowered not in _TRUE | _FALSE:
        raise argparse.ArgumentTypeError(f"expected KEY=true or KEY=false, got {text!r}")
    return key, lowered in _TRUE


def positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of at least 1, got {text}")
    return number


def port(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {text}")
    return number


def seconds(text: str) -> float:
    """argparse type of a duration: a number of seconds greater than zero."""
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {text}")
    return value


def seconds_or_zero(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, 0 or more, got {text}")
    return value


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}")
    return value


def read_source(source: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``."""
    if source == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {source}: {exc.strerror or exc}") from None


def json_body(text: str) -> dict[str, Any]:
    """``--body``: a JSON object given inline, or ``@FILE`` / ``@-`` to read it."""
    raw = read_source(text[1:]) if text.startswith("@") else text.encode()
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise UsageError(f"--body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise UsageError(f"--body must be a JSON object, got {type(body).__name__}")
    return body


def query(pairs: Sequence[Pair] | None) -> dict[str, str | list[str]]:
    """``--query`` pairs; a name given more than once becomes a list (sent repeated)."""
    out: dict[str, str | list[str]] = {}
    for key, value in pairs or ():
        present = out.get(key)
        if present is None:
            out[key] = value
        elif isinstance(present, list):
            present.append(value)
        else:
            out[key] = [present, value]
    return out
