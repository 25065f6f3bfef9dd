"""Names the official SDK exposes under ``schematic.core``, for drop-in compatibility."""

from __future__ import annotations

from .errors import ApiError, ParsingError
from .resources._base import RequestOptions

__all__ = ["ApiError", "ParsingError", "RequestOptions"]
