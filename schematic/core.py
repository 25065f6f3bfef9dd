"""``schematic.core``: the error classes and request options under their long-standing path."""

from __future__ import annotations

from .errors import ApiError, ParsingError
from .resources._base import RequestOptions

__all__ = ["ApiError", "ParsingError", "RequestOptions"]
