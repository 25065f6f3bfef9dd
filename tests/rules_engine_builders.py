"""Builders for the JSON the rules engine reads: small, valid objects with overridable fields.

Every builder returns a fresh dict, so a test may change it freely.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from schematic.datastream import evaluate
from schematic.models.features import CheckFlagResponseData

OWNER = {"account_id": "acct_1", "environment_id": "env_1"}
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=timezone.utc)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def definition(
    trait_id: str, comparable_type: str = "string", entity_type: str = "company"
) -> dict[str, Any]:
    return {"id": trait_id, "comparable_type": comparable_type, "entity_type": entity_type}


def trait(
    trait_id: str, value: str, comparable_type: str = "string", entity_type: str = "company"
) -> dict[str, Any]:
    return {"trait_definition": definition(trait_id, comparable_type, entity_type), "value": value}


def condition(condition_type: str, operator: str = "eq", **fields: Any) -> dict[str, Any]:
    return {
        "id": "cond_1",
        **OWNER,
        "condition_type": condition_type,
        "operator": operator,
        "trait_value": "",
        **fields,
    }


def rule(
    rule_type: str = "standard",
    *conditions: dict[str, Any],
    id: str = "rule_1",
    name: str = "Rule",
    value: bool = True,
    priority: int = 0,
    groups: list[list[dict[str, Any]]] | None = None,
    flag_id: str | None = None,
) -> dict[str, Any]:
    return {
        "id": id,
        **OWNER,
        "flag_id": flag_id,
        "name": name,
        "priority": priority,
        "rule_type": rule_type,
        "value": value,
        "conditions": list(conditions),
        "condition_groups": [{"conditions": group} for group in groups or []],
    }


def flag(*rules: dict[str, Any], default: bool = False, key: str = "feat") -> dict[str, Any]:
    return {"id": "flag_1", **OWNER, "key": key, "default_value": default, "rules": list(rules)}


def company(**fields: Any) -> dict[str, Any]:
    return {
        "id": "comp_1",
        **OWNER,
        "keys": {"id": "acme"},
        "traits": [],
        "plan_ids": [],
        "plan_version_ids": [],
        "base_plan_id": None,
        "billing_product_ids": [],
        "credit_balances": {},
        "metrics": [],
        "rules": [],
        "subscription": None,
        **fields,
    }


def user(**fields: Any) -> dict[str, Any]:
    return {
        "id": "user_1",
        **OWNER,
        "keys": {"email": "a@b.c"},
        "traits": [],
        "rules": [],
        **fields,
    }


def metric(
    event: str,
    value: int,
    period: str = "all_time",
    month_reset: str = "first_of_month",
    **fields: Any,
) -> dict[str, Any]:
    return {
        **OWNER,
        "company_id": "comp_1",
        "event_subtype": event,
        "period": period,
        "month_reset": month_reset,
        "value": value,
        "created_at": "2026-03-01T00:00:00Z",
        "valid_until": None,
        **fields,
    }


def check(
    cond: dict[str, Any],
    company: dict[str, Any] | None = None,
    user: dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
) -> bool:
    """Whether ``cond`` holds: the value of a flag (default off) with one rule needing it."""
    result = evaluate(flag(rule("standard", cond)), company, user, options, NOW)
    return result.value


def run(
    *rules: dict[str, Any],
    company: dict[str, Any] | None = None,
    user: dict[str, Any] | None = None,
    options: dict[str, Any] | None = None,
    now: datetime = NOW,
    default: bool = False,
) -> CheckFlagResponseData:
    return evaluate(flag(*rules, default=default), company, user, options, now)
