"""Checks for configuration values, shared by ``SchematicConfig`` and ``DataStreamConfig``.

Each raises ``ValueError`` or ``TypeError`` naming the setting; ``bool`` never passes for a
number, and no message ever repeats an API key.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

MAX_SECONDS = 30 * 24 * 3600.0
"""The longest duration any setting takes (30 days): far below what threads and sockets
accept (``threading`` and ``socket`` raise ``OverflowError`` near 292 years), and longer
than any wait a client should make. Infinity is refused rather than taken as "no limit"."""


def seconds(name: str, value: Any, *, optional: bool = False, zero: bool = False) -> None:
    """``value`` must be a number of seconds: positive (or >= 0 with ``zero``), finite and at
    most ``MAX_SECONDS``, or None with ``optional``."""
    if value is None and optional:
        return
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if (
        not number
        or math.isnan(value)
        or value < 0
        or (value == 0 and not zero)
        or value > MAX_SECONDS
    ):
        kind = "a number of seconds >= 0" if zero else "a positive number of seconds"
        raise ValueError(
            f"{name} must be {kind}, at most {MAX_SECONDS:.0f} (30 days)"
            f"{', or None' if optional else ''}; got {value!r}"
        )


def count(name: str, value: Any, minimum: int, *, optional: bool = False) -> None:
    """``value`` must be an int of at least ``minimum`` (or None, with ``optional``)."""
    if value is None and optional:
        return
    if type(value) is not int or value < minimum:
        suffix = " or None" if optional else ""
        raise ValueError(f"{name} must be an int >= {minimum}{suffix}, got {value!r}")


def boolean(name: str, value: Any) -> None:
    if type(value) is not bool:
        raise TypeError(f"{name} must be a bool, got {value!r}")


def function(name: str, value: Any) -> None:
    """``value`` must be None or callable."""
    if value is not None and not callable(value):
        raise TypeError(f"{name} must be a function or None, got {value!r}")


def http_url(name: str, value: Any) -> str:
    """``value`` as an http(s) URL with a host (a path is allowed, a query is not)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str URL, got {type(value).__name__}")
    text = value.strip()
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018  a port that is not a number raises here
    except ValueError as exc:
        raise ValueError(f"{name} is not a valid URL ({exc}): {value!r}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"{name} must be an http:// or https:// URL with a host, such as "
            f"https://api.example.com; got {value!r}"
        )
    if parts.query or parts.fragment or any(c.isspace() for c in text):
        raise ValueError(f"{name} must not hold a query, a fragment or spaces: {value!r}")
    return text


def api_key(value: Any) -> None:
    """An API key must be printable ASCII with no spaces: it goes in an HTTP header.

    The messages never show the key, not even in part.
    """
    if not isinstance(value, str):
        raise TypeError(f"api_key must be a str, got {type(value).__name__}")
    if value != value.strip():
        raise ValueError("api_key starts or ends with whitespace (a newline, perhaps)")
    if not value.isascii() or not value.isprintable() or " " in value:
        raise ValueError(
            "api_key holds characters an API key cannot have (spaces, control or non-ASCII "
            "characters); check how it was copied"
        )


def logger(value: Any) -> None:
    if value is not None and not isinstance(value, (logging.Logger, logging.LoggerAdapter)):
        raise TypeError(
            f"logger must be a logging.Logger, such as logging.getLogger({value!r}), "
            f"got {type(value).__name__}"
        )


def log_level(value: Any) -> None:
    """None, an int level, or the name of one (``"INFO"``)."""
    if value is None or (type(value) is int and value >= 0):
        return
    if isinstance(value, str) and isinstance(logging.getLevelName(value.upper()), int):
        return
    raise ValueError(
        "log_level must be a logging level such as logging.INFO or one of DEBUG, INFO, "
        f"WARNING, ERROR, CRITICAL; got {value!r}"
    )


def flag_defaults(value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, Mapping):
        raise TypeError(f"flag_defaults must be a dict of flag key to bool, got {value!r}")
    for key, default in value.items():
        if not isinstance(key, str) or not key:
            raise TypeError(f"flag_defaults keys must be non-empty str flag keys, got {key!r}")
        if type(default) is not bool:
            raise TypeError(f"flag_defaults[{key!r}] must be True or False, got {default!r}")


def path(name: str, value: Any) -> None:
    if value is not None and not isinstance(value, (str, os.PathLike)):
        raise TypeError(f"{name} must be a path (str or os.PathLike), got {value!r}")
