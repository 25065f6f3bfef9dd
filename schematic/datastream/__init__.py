"""Local flag evaluation from the data DataStream delivers.

``evaluate`` decides a flag for a company and a user without calling the API, with the same
rules, order, reasons and usage fields as the production rules engine. The client uses it
when configured with ``SchematicConfig(use_datastream=True)``: flags, companies and users
arrive over a WebSocket (or from a replicator's shared cache) and checks are answered in
process.

Example::

    from schematic.datastream import evaluate

    result = evaluate(flag, company=company, user=user)
    print(result.value, result.reason)

Names load on first use, so ``import schematic.client`` stays light.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .config import DataStreamConfig

if TYPE_CHECKING:
    from ._validate import EngineInputError
    from .caches import EntityCache, MemoryCache, RedisCache
    from .engine import (
        ERROR_FLAG_NOT_FOUND,
        ERROR_NEGATIVE_CREDIT_COST,
        ERROR_NEGATIVE_USAGE,
        REASON_FLAG_NOT_FOUND,
        REASON_NO_RULES_MATCHED,
        evaluate,
    )

_LAZY = {
    "EngineInputError": "._validate",
    "EntityCache": ".caches",
    "MemoryCache": ".caches",
    "RedisCache": ".caches",
    "ERROR_FLAG_NOT_FOUND": ".engine",
    "ERROR_NEGATIVE_CREDIT_COST": ".engine",
    "ERROR_NEGATIVE_USAGE": ".engine",
    "REASON_FLAG_NOT_FOUND": ".engine",
    "REASON_NO_RULES_MATCHED": ".engine",
    "evaluate": ".engine",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "ERROR_FLAG_NOT_FOUND",
    "ERROR_NEGATIVE_CREDIT_COST",
    "ERROR_NEGATIVE_USAGE",
    "REASON_FLAG_NOT_FOUND",
    "REASON_NO_RULES_MATCHED",
    "DataStreamConfig",
    "EngineInputError",
    "EntityCache",
    "MemoryCache",
    "RedisCache",
    "evaluate",
]
