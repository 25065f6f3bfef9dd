"""Every API model, where the official SDK keeps them: ``from schematic.types import ...``.

The same classes as ``schematic.models`` (and the top-level ``schematic`` package), loaded on
first use, so importing this module costs no more than importing the index of their names.
One name differs from ``schematic.models``: ``ApiError`` here is the error *body* model
(``ApiErrorBody``), as in the official SDK; ``schematic.ApiError`` is the exception class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import models as _models

if TYPE_CHECKING:
    from .models import *  # noqa: F403
    from .models import ApiErrorBody as ApiError

_RENAMED = {"ApiError": "ApiErrorBody"}


def __getattr__(name: str) -> Any:
    if name not in _NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_models, _RENAMED.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = ["ApiError"]
__all__ += _models.__all__
_NAMES = frozenset(__all__)
