"""How many local flag evaluations per second ``schematic.datastream.evaluate`` manages.

The flag is a realistic one: a company override that does not apply, a plan entitlement
with a plan and a billing-cycle metric condition, a standard rule with a trait condition and
a condition group, and a default rule. Run it with ``python bench/engine.py``.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone
from typing import Any

from schematic.datastream import evaluate

OWNER = {"account_id": "acct_1", "environment_id": "env_1"}
SECONDS = 2.0


def _condition(condition_type: str, operator: str = "eq", **fields: Any) -> dict[str, Any]:
    return {
        "id": f"cond_{condition_type}",
        **OWNER,
        "condition_type": condition_type,
        "operator": operator,
        "trait_value": "",
        **fields,
    }


def _rule(rule_id: str, rule_type: str, *conditions: dict[str, Any], **fields: Any) -> Any:
    return {
        "id": rule_id,
        **OWNER,
        "flag_id": "flag_api",
        "name": rule_id,
        "priority": 0,
        "rule_type": rule_type,
        "value": True,
        "conditions": list(conditions),
        "condition_groups": [],
        **fields,
    }


def _trait(trait_id: str, value: str, comparable_type: str) -> dict[str, Any]:
    definition = {"id": trait_id, "comparable_type": comparable_type, "entity_type": "company"}
    return {"trait_definition": definition, "value": value}


def _metric(event: str, value: int, period: str, month_reset: str) -> dict[str, Any]:
    return {
        **OWNER,
        "company_id": "comp_9f2",
        "event_subtype": event,
        "period": period,
        "month_reset": month_reset,
        "value": value,
        "created_at": "2026-03-01T00:00:00Z",
        "valid_until": None,
    }


def sample() -> tuple[dict[str, Any], dict[str, Any]]:
    """A flag with four rules and a company that matches its plan entitlement."""
    api_calls = _condition(
        "metric",
        "lt",
        event_subtype="api-call",
        metric_value=1000,
        metric_period="current_month",
        metric_period_month_reset="billing_cycle",
    )
    seats = _condition(
        "trait",
        "gte",
        trait_definition={"id": "trd_seats", "comparable_type": "int", "entity_type": "company"},
        trait_value="10",
    )
    region = _condition(
        "trait",
        trait_definition={
            "id": "trd_region",
            "comparable_type": "string",
            "entity_type": "company",
        },
        trait_value="eu",
    )
    flag = {
        "id": "flag_api",
        **OWNER,
        "key": "api-access",
        "default_value": False,
        "rules": [
            _rule("rule_co", "company_override", _condition("company", resource_ids=["comp_x"])),
            _rule(
                "rule_pe",
                "plan_entitlement",
                _condition("plan", resource_ids=["plan_pro"]),
                api_calls,
            ),
            _rule(
                "rule_std",
                "standard",
                seats,
                condition_groups=[{"conditions": [region, _condition("base_plan", "is_empty")]}],
            ),
            _rule("rule_default", "default", value=False),
        ],
    }
    company = {
        "id": "comp_9f2",
        **OWNER,
        "keys": {"id": "acme-123", "domain": "acme.io"},
        "base_plan_id": "plan_pro",
        "plan_ids": ["plan_pro", "plan_addon_sso"],
        "plan_version_ids": ["plvr_7"],
        "billing_product_ids": ["prod_x"],
        "credit_balances": {"bcrd_ai": 120.0},
        "traits": [
            _trait("trd_seats", "12", "int"),
            _trait("trd_region", "eu", "string"),
            _trait("trd_signup", "2024-01-16T12:44:18Z", "date"),
            _trait("trd_beta", "true", "bool"),
        ],
        "metrics": [
            _metric("api-call", 311, "current_month", "billing_cycle"),
            _metric("api-call", 4100, "all_time", "first_of_month"),
            _metric("export", 3, "current_day", "first_of_month"),
        ],
        "rules": [],
        "subscription": {
            "id": "sub_1",
            "period_start": "2026-01-30T10:00:00Z",
            "period_end": "2026-04-30T10:00:00Z",
        },
        "entitlements": [
            {"feature_id": "feat_api", "feature_key": "api-access", "value_type": "numeric"}
        ],
    }
    return flag, company


def main() -> None:
    flag, company = sample()
    now = datetime(2026, 3, 15, 12, tzinfo=timezone.utc)
    result = evaluate(flag, company, now=now)
    assert result.rule_id == "rule_pe" and result.feature_usage == 311, result
    count = 0
    started = time.perf_counter()
    deadline = started + SECONDS
    while time.perf_counter() < deadline:
        for _ in range(1000):
            evaluate(flag, company, now=now)
        count += 1000
    elapsed = time.perf_counter() - started
    print(f"evaluate: {count / elapsed:,.0f} evaluations/s ({elapsed / count * 1e6:.1f} µs each)")


if __name__ == "__main__":
    main()
