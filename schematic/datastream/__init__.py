"""Local flag evaluation from the data DataStream delivers.

``evaluate`` decides a flag for a company and a user without calling the API, with the same
rules, order, reasons and usage fields as the production rules engine.

Example::

    from schematic.datastream import evaluate

    result = evaluate(flag, company=company, user=user)
    print(result.value, result.reason)
"""

from __future__ import annotations

from ._validate import EngineInputError
from .engine import (
    ERROR_FLAG_NOT_FOUND,
    ERROR_NEGATIVE_CREDIT_COST,
    ERROR_NEGATIVE_USAGE,
    REASON_FLAG_NOT_FOUND,
    REASON_NO_RULES_MATCHED,
    evaluate,
)

__all__ = [
    "ERROR_FLAG_NOT_FOUND",
    "ERROR_NEGATIVE_CREDIT_COST",
    "ERROR_NEGATIVE_USAGE",
    "REASON_FLAG_NOT_FOUND",
    "REASON_NO_RULES_MATCHED",
    "EngineInputError",
    "evaluate",
]
