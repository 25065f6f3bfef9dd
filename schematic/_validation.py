"""Checks for configuration values, shared by ``SchematicConfig`` and ``DataStreamConfig``.

Each raises ``ValueError`` naming the setting; ``bool`` never passes for a number.
"""

from __future__ import annotations

import math
from typing import Any


def seconds(name: str, value: Any, *, optional: bool = False, zero: bool = False) -> None:
    """``value`` must be a number of seconds: positive (or >= 0 with ``zero``), or None."""
    if value is None and optional:
        return
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not number or math.isnan(value) or value < 0 or (value == 0 and not zero):
        kind = "a number of seconds >= 0" if zero else "a positive number of seconds"
        raise ValueError(f"{name} must be {kind}{' or None' if optional else ''}, got {value!r}")


def count(name: str, value: Any, minimum: int, *, optional: bool = False) -> None:
    """``value`` must be an int of at least ``minimum`` (or None, with ``optional``)."""
    if value is None and optional:
        return
    if type(value) is not int or value < minimum:
        suffix = " or None" if optional else ""
        raise ValueError(f"{name} must be an int >= {minimum}{suffix}, got {value!r}")
