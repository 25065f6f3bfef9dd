"""Reading the command line's values: ``k=v`` pairs, traits, JSON bodies, files, numbers.

Keys (``--company id=acme``) are always strings. Trait values (``--trait seats=10``) are
read as JSON when they are JSON (numbers, ``true``/``false``, ``null``, quoted strings,
arrays, objects), and kept as the text given otherwise: ``plan=pro`` is the string "pro",
``zip='"02134"'`` the string "02134".

The argparse types here refuse bad input while the command line is read, so that argparse
reports it as it reports its own errors (``argument --company: expected ...``, exit 2),
before anything is sent.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .._validation import MAX_SECONDS
from .._validation import http_url as _http_url
from .core import UsageError

Pair = tuple[str, str]

_TRUE = frozenset({"true", "on", "yes", "1"})
_FALSE = frozenset({"false", "off", "no", "0"})


def pair(text: str) -> Pair:
    """argparse type of a ``KEY=VALUE`` argument (a trait, a query parameter): the value
    may be empty."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, got {text!r}")
    return key.strip(), value


def key_pair(text: str) -> Pair:
    """argparse type of a company's or user's key (``--company id=acme``): an empty value
    would name nobody, so it is refused."""
    key, value = pair(text)
    if not value.strip():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE with a value, got {text!r}")
    return key, value


def flag_key(text: str) -> str:
    """argparse type of a flag's key: it goes in the URL path, so neither blank nor a dot
    segment."""
    return _segment(text, "a flag key")


def entity_id(text: str) -> str:
    """argparse type of a company's or user's Schematic ID (a URL path segment too)."""
    return _segment(text, "an ID")


def _segment(text: str, what: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")
    if text in (".", ".."):
        raise argparse.ArgumentTypeError(f"{what} cannot be {text!r}")
    return text


def api_path(text: str) -> str:
    """argparse type of ``api``'s PATH: anything but blank (a missing / is added later)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(f"expected a path such as /companies, got {text!r}")
    return text


def idempotency_key(text: str) -> str:
    if not text.strip():
        raise argparse.ArgumentTypeError(f"expected a key that is not blank, got {text!r}")
    return text


def not_blank(what: str) -> Callable[[str], str]:
    """An argparse type that refuses blank text: an empty ``--secret`` or event name is a
    mistake, not a request for the default."""

    def check(text: str) -> str:
        if not text.strip():
            raise argparse.ArgumentTypeError(f"expected {what}, got {text!r}")
        return text

    return check


def quantity(text: str) -> int:
    """argparse type of ``track --quantity``: a whole number of units, 0 or more."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if not 0 <= number < 2**63:  # the API's integers are 64-bit
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 2**63 - 1, got {text}")
    return number


def url(text: str) -> str:
    """argparse type of ``--base-url`` and ``--event-url``: an http(s) URL with a host."""
    try:
        return _http_url("URL", text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an http:// or https:// URL with a host and no query, got {text!r}"
        ) from None


def unix_time(text: str) -> str:
    """argparse type of ``webhooks sign --timestamp``: whole seconds since 1970, as text."""
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(
            f"expected a Unix time in whole seconds, such as 1700000000, got {text!r}"
        )
    return text


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
    if value > MAX_SECONDS:  # the longest wait the SDK takes; threads overflow far above
        raise argparse.ArgumentTypeError(
            f"expected at most {MAX_SECONDS:.0f} seconds (30 days), got {text}"
        )
    return value


def read_source(source: str, argument: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``; ``argument`` names where the
    file was given, for the error."""
    if source == "-":
        return sys.stdin.buffer.read()
    if not source:
        raise UsageError(f"argument {argument}: expected a file name, or - for stdin")
    try:
        return Path(source).read_bytes()
    except OSError as exc:
        raise UsageError(
            f"argument {argument}: cannot read {source}: {exc.strerror or exc}"
        ) from None


def json_body(text: str) -> dict[str, Any]:
    """``--body``: a JSON object given inline, or ``@FILE`` / ``@-`` to read it."""
    raw = read_source(text[1:], "--body @FILE") if text.startswith("@") else text.encode()
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise UsageError(f"argument --body: not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise UsageError(f"argument --body: expected a JSON object, got {type(body).__name__}")
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
