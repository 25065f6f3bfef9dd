"""Applying a ``partial`` message, or a local usage increment, to a cached entity.

Every function returns a new object and leaves its arguments untouched: cached objects are
shared with readers on other threads and must never change under them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Json = dict[str, Any]

_MERGED_MAPS = ("keys", "credit_balances")


def merge_partial(cached: Json, partial: Mapping[str, Any]) -> Json:
    """The entity after a ``partial``: maps merged, metrics upserted, other fields replaced.

    ``keys`` and ``credit_balances`` gain the partial's entries (nothing is removed);
    ``metrics`` rows replace the cached row with the same event, period and month reset,
    or are appended; every other field present replaces the cached value, ``None``
    included. A company whose partial leaves ``entitlements`` out has its entitlements'
    remaining credits and usage brought in line with the new balances and metrics.
    """
    merged = dict(cached)
    for name, value in partial.items():
        if name in _MERGED_MAPS and isinstance(value, Mapping):
            merged[name] = {**(cached.get(name) or {}), **value}
        elif name == "metrics" and value is not None:
            rows = [value] if isinstance(value, Mapping) else list(value)
            merged[name] = upsert_metrics(cached.get("metrics") or [], rows)
        else:
            merged[name] = value
    if "entitlements" not in partial and cached.get("entitlements"):
        merged["entitlements"] = _synced_entitlements(merged, partial)
    return merged


def upsert_metrics(rows: list[Any], updates: list[Any]) -> list[Any]:
    """``rows`` with each update replacing the row of the same (event, period, reset)."""
    result = list(rows)
    where = {_metric_identity(row): i for i, row in enumerate(result) if isinstance(row, Mapping)}
    for update in updates:
        identity = _metric_identity(update)
        if identity in where:
            result[where[identity]] = update
        else:
            where[identity] = len(result)
            result.append(update)
    return result


def _metric_identity(row: Mapping[str, Any]) -> tuple[Any, Any, Any]:
    return row.get("event_subtype"), row.get("period"), row.get("month_reset")


def _synced_entitlements(company: Json, partial: Mapping[str, Any]) -> list[Any]:
    """Entitlements with ``credit_remaining`` and ``usage`` taken from the merged company."""
    balances = partial.get("credit_balances")
    balances = balances if isinstance(balances, Mapping) else {}
    metrics_changed = partial.get("metrics") is not None
    synced: list[Any] = []
    for entitlement in company["entitlements"]:
        if not isinstance(entitlement, Mapping):
            synced.append(entitlement)
            continue
        updated = dict(entitlement)
        credit_id = entitlement.get("credit_id")
        if credit_id is not None and credit_id in balances:
            updated["credit_remaining"] = balances[credit_id]
        if metrics_changed and entitlement.get("event_name") is not None:
            row = _metric_for(company, entitlement)
            if row is not None:
                updated["usage"] = row.get("value")
        synced.append(updated)
    return synced


def _metric_for(company: Json, entitlement: Mapping[str, Any]) -> Mapping[str, Any] | None:
    identity = (
        entitlement.get("event_name"),
        entitlement.get("metric_period") or "all_time",
        entitlement.get("month_reset") or "first_of_month",
    )
    for row in company.get("metrics") or ():
        if isinstance(row, Mapping) and _metric_identity(row) == identity:
            return row
    return None


def add_usage(company: Json, event: str, quantity: int) -> Json | None:
    """The company with ``quantity`` added to every metric row of ``event``; None if it has none.

    Rows are never created, and entitlements and credit balances are left alone: the
    server's next ``partial`` brings the authoritative numbers.
    """
    rows = company.get("metrics") or []
    if not any(isinstance(r, Mapping) and r.get("event_subtype") == event for r in rows):
        return None
    updated = [
        {**row, "value": row["value"] + quantity}
        if isinstance(row, Mapping)
        and row.get("event_subtype") == event
        and type(row.get("value")) is int
        else row
        for row in rows
    ]
    return {**company, "metrics": updated}
