"""Input strictness (datastream spec 3.12): what makes the engine refuse a whole evaluation,
and the variations it must accept.

Each case changes one field of a complete, valid input. Refused input raises
``EngineInputError`` even where evaluation would never look (a rule of another flag, the
conditions of a default rule).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from rules_engine_builders import (
    NOW,
    company,
    condition,
    definition,
    flag,
    metric,
    rule,
    trait,
    user,
)

from schematic.datastream import EngineInputError, evaluate

MISSING = object()  # the field is removed rather than set


def complete_input() -> dict[str, Any]:
    metric_condition = condition(
        "metric",
        "lt",
        event_subtype="api",
        metric_value=1000,
        metric_period="current_month",
        metric_period_month_reset="billing_cycle",
        comparison_trait_definition=definition("trd_limit", "int"),
    )
    trait_condition = condition(
        "trait", "gt", trait_definition=definition("trd_seats", "int"), trait_value="1"
    )
    credit_condition = condition("credit", credit_id="bcrd_ai", consumption_rate=1.5)
    entitlement = {
        "feature_id": "feat_1",
        "feature_key": "feat",
        "value_type": "numeric",
        "allocation": 100,
        "metric_period": "current_month",
        "month_reset": "first_of_month",
        "metric_reset_at": "2026-04-01T00:00:00Z",
        "warning_tiers": [{"key": "80%", "value": 80}],
    }
    other_flag_rule = rule(
        "company_override", condition("company", resource_ids=["comp_1"]), flag_id="flag_other"
    )
    return {
        "flag": flag(
            rule(
                "plan_entitlement", metric_condition, trait_condition, groups=[[credit_condition]]
            ),
            rule("default", condition("user", resource_ids=["user_1"])),
        ),
        "company": company(
            keys={"id": "acme", "domain": "acme.io"},
            traits=[trait("trd_seats", "7", "int"), trait("trd_limit", "500", "int")],
            metrics=[metric("api", 10, "current_month", "billing_cycle")],
            credit_balances={"bcrd_ai": 10.0},
            subscription={
                "id": "sub_1",
                "period_start": "2026-01-30T10:00:00Z",
                "period_end": "2026-04-30T10:00:00Z",
            },
            entitlements=[entitlement],
            rules=[other_flag_rule],
        ),
        "user": user(
            traits=[trait("trd_role", "admin", "string", "user")],
            rules=[rule("standard", priority=3, flag_id="flag_1")],
        ),
        "options": {
            "usage": 1,
            "event_usage": {"event_subtype": "api", "quantity": 2},
            "credit_cost": {"bcrd_ai": 1.5},
        },
    }


def evaluate_changed(path: tuple[Any, ...], value: Any) -> Any:
    data = complete_input()
    target = data
    for step in path[:-1]:
        target = target[step]
    if value is MISSING:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return evaluate(data["flag"], data["company"], data["user"], data["options"], NOW)


def test_complete_input_evaluates() -> None:
    data = complete_input()
    result = evaluate(data["flag"], data["company"], data["user"], data["options"], NOW)
    assert (result.rule_id, result.value) == ("rule_1", True)
    assert (result.feature_usage, result.feature_allocation) == (10, 500)
    assert result.entitlement is not None and result.entitlement.allocation == 100


RULE = ("flag", "rules", 0)
METRIC = (*RULE, "conditions", 0)
TRAIT = (*RULE, "conditions", 1)
CREDIT = (*RULE, "condition_groups", 0, "conditions", 0)
IGNORED = ("flag", "rules", 1, "conditions", 0)  # a default rule's condition
ROW = ("company", "metrics", 0)
ENTITLEMENT = ("company", "entitlements", 0)
SUBSCRIPTION = ("company", "subscription")
OTHER_RULE = ("company", "rules", 0)

REFUSED = [
    # An enum holds an unknown value.
    ("rule-type-unknown", (*RULE, "rule_type"), "bogus"),
    ("rule-type-empty", (*RULE, "rule_type"), ""),
    ("rule-type-of-another-flags-rule", (*OTHER_RULE, "rule_type"), "bogus"),
    ("comparable-type-unknown", (*TRAIT, "trait_definition", "comparable_type"), "float"),
    (
        "comparison-comparable-type-unknown",
        (*METRIC, "comparison_trait_definition", "comparable_type"),
        "x",
    ),
    (
        "entity-trait-comparable-type-unknown",
        ("company", "traits", 0, "trait_definition", "comparable_type"),
        "n",
    ),
    ("trait-entity-type-unknown", (*TRAIT, "trait_definition", "entity_type"), "account"),
    ("metric-period-unknown", (*METRIC, "metric_period"), "current_year"),
    ("metric-month-reset-unknown", (*METRIC, "metric_period_month_reset"), "weekly"),
    ("metric-row-period-unknown", (*ROW, "period"), "hourly"),
    ("metric-row-month-reset-unknown", (*ROW, "month_reset"), "weekly"),
    ("entitlement-value-type-unknown", (*ENTITLEMENT, "value_type"), "bogus"),
    ("entitlement-metric-period-unknown", (*ENTITLEMENT, "metric_period"), "yearly"),
    ("condition-in-ignored-rule-invalid", (*IGNORED, "metric_period"), "yearly"),
    # A number has the wrong kind.
    ("metric-row-value-float", (*ROW, "value"), 5.0),
    ("metric-value-float", (*METRIC, "metric_value"), 1000.0),
    ("metric-value-beyond-int64", (*METRIC, "metric_value"), 2**63),
    ("priority-float", (*RULE, "priority"), 1.0),
    ("priority-bool", (*RULE, "priority"), True),
    ("options-usage-float", ("options", "usage"), 1.0),
    ("options-quantity-float", ("options", "event_usage", "quantity"), 2.0),
    ("entitlement-allocation-float", (*ENTITLEMENT, "allocation"), 100.0),
    ("warning-tier-value-float", (*ENTITLEMENT, "warning_tiers", 0, "value"), 80.0),
    ("trait-value-number", ("company", "traits", 0, "value"), 7),
    ("user-trait-value-number", ("user", "traits", 0, "value"), 1),
    ("trait-value-condition-number", (*TRAIT, "trait_value"), 1),
    ("credit-balance-string", ("company", "credit_balances", "bcrd_ai"), "10"),
    ("credit-cost-string", ("options", "credit_cost", "bcrd_ai"), "1.5"),
    ("default-value-string", ("flag", "default_value"), "true"),
    ("rule-value-number", (*RULE, "value"), 1),
    # A required field is absent or null.
    ("flag-null", ("flag",), None),
    ("flag-id-missing", ("flag", "id"), MISSING),
    ("flag-account-id-missing", ("flag", "account_id"), MISSING),
    ("flag-environment-id-null", ("flag", "environment_id"), None),
    ("flag-key-missing", ("flag", "key"), MISSING),
    ("flag-default-value-missing", ("flag", "default_value"), MISSING),
    ("rule-id-missing", (*RULE, "id"), MISSING),
    ("rule-account-id-missing", (*RULE, "account_id"), MISSING),
    ("rule-environment-id-missing", (*RULE, "environment_id"), MISSING),
    ("rule-name-missing", (*RULE, "name"), MISSING),
    ("rule-priority-missing", (*RULE, "priority"), MISSING),
    ("rule-type-missing", (*RULE, "rule_type"), MISSING),
    ("rule-value-null", (*RULE, "value"), None),
    ("rule-null-in-list", ("flag", "rules", 1), None),
    ("condition-id-missing", (*METRIC, "id"), MISSING),
    ("condition-account-id-missing", (*METRIC, "account_id"), MISSING),
    ("condition-environment-id-missing", (*CREDIT, "environment_id"), MISSING),
    ("condition-type-missing", (*METRIC, "condition_type"), MISSING),
    ("condition-operator-null", (*METRIC, "operator"), None),
    ("metric-condition-trait-value-missing", (*METRIC, "trait_value"), MISSING),
    ("credit-condition-trait-value-missing", (*CREDIT, "trait_value"), MISSING),
    ("ignored-condition-trait-value-missing", (*IGNORED, "trait_value"), MISSING),
    ("trait-definition-id-missing", (*TRAIT, "trait_definition", "id"), MISSING),
    (
        "trait-definition-comparable-type-missing",
        (*TRAIT, "trait_definition", "comparable_type"),
        MISSING,
    ),
    ("trait-definition-entity-type-missing", (*TRAIT, "trait_definition", "entity_type"), MISSING),
    ("company-id-missing", ("company", "id"), MISSING),
    ("company-account-id-missing", ("company", "account_id"), MISSING),
    ("company-environment-id-missing", ("company", "environment_id"), MISSING),
    ("company-trait-value-missing", ("company", "traits", 0, "value"), MISSING),
    ("user-id-missing", ("user", "id"), MISSING),
    ("user-account-id-missing", ("user", "account_id"), MISSING),
    ("user-environment-id-null", ("user", "environment_id"), None),
    ("metric-row-company-id-missing", (*ROW, "company_id"), MISSING),
    ("metric-row-account-id-missing", (*ROW, "account_id"), MISSING),
    ("metric-row-environment-id-missing", (*ROW, "environment_id"), MISSING),
    ("metric-row-event-subtype-missing", (*ROW, "event_subtype"), MISSING),
    ("metric-row-period-missing", (*ROW, "period"), MISSING),
    ("metric-row-month-reset-missing", (*ROW, "month_reset"), MISSING),
    ("metric-row-value-missing", (*ROW, "value"), MISSING),
    ("metric-row-created-at-missing", (*ROW, "created_at"), MISSING),
    ("subscription-id-missing", (*SUBSCRIPTION, "id"), MISSING),
    ("subscription-start-missing", (*SUBSCRIPTION, "period_start"), MISSING),
    ("subscription-end-null", (*SUBSCRIPTION, "period_end"), None),
    ("entitlement-feature-id-missing", (*ENTITLEMENT, "feature_id"), MISSING),
    ("entitlement-feature-key-missing", (*ENTITLEMENT, "feature_key"), MISSING),
    ("entitlement-value-type-missing", (*ENTITLEMENT, "value_type"), MISSING),
    ("warning-tier-key-missing", (*ENTITLEMENT, "warning_tiers", 0, "key"), MISSING),
    ("warning-tier-value-missing", (*ENTITLEMENT, "warning_tiers", 0, "value"), MISSING),
    ("event-usage-quantity-missing", ("options", "event_usage", "quantity"), MISSING),
    # A null inside keys or credit balances.
    ("null-in-company-keys", ("company", "keys", "domain"), None),
    ("null-in-user-keys", ("user", "keys", "email"), None),
    ("null-in-credit-balances", ("company", "credit_balances", "bcrd_ai"), None),
]


@pytest.mark.parametrize(("path", "value"), [pytest.param(p, v, id=i) for i, p, v in REFUSED])
def test_refused_input(path: tuple[Any, ...], value: Any) -> None:
    with pytest.raises(EngineInputError):
        evaluate_changed(path, value)


ACCEPTED = [
    ("unknown-option-key", ("options", "dry_run"), True),
    ("integer-credit-balance", ("company", "credit_balances", "bcrd_ai"), 10),
    ("integer-consumption-rate", (*CREDIT, "consumption_rate"), 2),
    ("integer-credit-cost", ("options", "credit_cost", "bcrd_ai"), 2),
    ("resource-ids-missing", (*IGNORED, "resource_ids"), MISSING),
    ("empty-company-keys", ("company", "keys"), {}),
    ("empty-user-keys", ("user", "keys"), {}),
    ("unknown-operator", (*TRAIT, "operator"), "between"),
    ("unknown-condition-type", (*IGNORED, "condition_type"), "geo"),
    ("trait-condition-without-definition", (*IGNORED, "trait_definition"), None),
    ("metric-row-valid-until-missing", (*ROW, "valid_until"), MISSING),
    ("metric-row-valid-until-set", (*ROW, "valid_until"), "2026-03-31T00:00:00Z"),
    ("metric-value-null", (*METRIC, "metric_value"), None),
    ("entitlement-value-type-unknown-is-valid", (*ENTITLEMENT, "value_type"), "unknown"),
    ("rule-flag-id-missing", (*RULE, "flag_id"), MISSING),
    ("null-flag-rules", ("flag", "rules"), None),
    ("null-company-traits", ("company", "traits"), None),
    ("null-company-metrics", ("company", "metrics"), None),
    ("null-plan-ids", ("company", "plan_ids"), None),
    ("null-subscription", SUBSCRIPTION, None),
    ("missing-entitlements", ("company", "entitlements"), MISSING),
    ("null-condition-groups", (*RULE, "condition_groups"), None),
    ("date-only-subscription-start", (*SUBSCRIPTION, "period_start"), "2026-01-30"),
    ("options-null", ("options",), None),
    ("user-null", ("user",), None),
    ("company-null", ("company",), None),
]


@pytest.mark.parametrize(("path", "value"), [pytest.param(p, v, id=i) for i, p, v in ACCEPTED])
def test_accepted_input(path: tuple[Any, ...], value: Any) -> None:
    result = evaluate_changed(path, value)
    assert result.flag == "feat"
    assert result.error is None


def test_evaluation_leaves_its_input_unchanged() -> None:
    data = complete_input()
    before = copy.deepcopy(data)
    evaluate(data["flag"], data["company"], data["user"], data["options"], NOW)
    assert data == before
