"""Each condition type and operator (datastream spec 3.4, 3.5 and 3.7).

Every case is one condition on a flag that is off by default; the flag turns on exactly
when the condition holds.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_engine_builders import check, company, condition, metric, trait, user

INT64_MAX = 2**63 - 1


def case(cid: str, cond: dict[str, Any], holds: bool, **context: Any) -> Any:
    return pytest.param(cond, context, holds, id=cid)


def listed(kind: str, operator: str, *ids: str) -> dict[str, Any]:
    return condition(kind, operator, resource_ids=list(ids))


ACME = company(id="comp_1")
ALICE = user(id="user_1")

# 3.5 company / user: ID membership; "ne" negates; every other operator means "eq".
ENTITY_CASES = [
    case("company-eq-listed", listed("company", "eq", "comp_1"), True, company=ACME),
    case("company-eq-not-listed", listed("company", "eq", "comp_2"), False, company=ACME),
    case("company-ne-listed", listed("company", "ne", "comp_1"), False, company=ACME),
    case("company-ne-not-listed", listed("company", "ne", "comp_2"), True, company=ACME),
    case("company-gt-acts-as-eq", listed("company", "gt", "comp_1"), True, company=ACME),
    case(
        "company-is-empty-acts-as-eq", listed("company", "is_empty", "comp_1"), True, company=ACME
    ),
    case("company-not-empty-acts-as-eq", listed("company", "not_empty", "x"), False, company=ACME),
    case(
        "company-unknown-op-acts-as-eq", listed("company", "between", "comp_1"), True, company=ACME
    ),
    case("company-eq-without-company", listed("company", "eq", "comp_1"), False, user=ALICE),
    case("company-ne-without-company", listed("company", "ne", "comp_2"), False, user=ALICE),
    case("company-missing-resource-ids-eq", condition("company"), False, company=ACME),
    case("company-missing-resource-ids-ne", condition("company", "ne"), True, company=ACME),
    case("user-eq-listed", listed("user", "eq", "user_1"), True, user=ALICE),
    case("user-eq-not-listed", listed("user", "eq", "user_2"), False, user=ALICE),
    case("user-ne-listed", listed("user", "ne", "user_1"), False, user=ALICE),
    case("user-ne-not-listed", listed("user", "ne", "user_2"), True, user=ALICE),
    case("user-lte-acts-as-eq", listed("user", "lte", "user_1"), True, user=ALICE),
    case("user-ne-without-user", listed("user", "ne", "user_2"), False, company=ACME),
    case(
        "user-id-is-not-company-id", listed("user", "eq", "comp_1"), False, company=ACME, user=ALICE
    ),
]

# 3.5 plan / plan_version / billing_product: the company's list meets resource_ids.
PLANNED = company(
    plan_ids=["plan_pro", "plan_sso"], plan_version_ids=["plvr_7"], billing_product_ids=["prod_x"]
)
LIST_CASES = [
    case("plan-eq-shared", listed("plan", "eq", "plan_free", "plan_sso"), True, company=PLANNED),
    case("plan-eq-disjoint", listed("plan", "eq", "plan_free"), False, company=PLANNED),
    case("plan-ne-shared", listed("plan", "ne", "plan_pro"), False, company=PLANNED),
    case("plan-ne-disjoint", listed("plan", "ne", "plan_free"), True, company=PLANNED),
    case("plan-ne-empty-company-list", listed("plan", "ne", "plan_pro"), True, company=company()),
    case("plan-eq-empty-company-list", listed("plan", "eq", "plan_pro"), False, company=company()),
    case(
        "plan-ne-null-company-list", listed("plan", "ne", "p"), True, company=company(plan_ids=None)
    ),
    case("plan-gt-acts-as-eq", listed("plan", "gt", "plan_pro"), True, company=PLANNED),
    case("plan-ignores-plan-versions", listed("plan", "eq", "plvr_7"), False, company=PLANNED),
    case("plan-ne-without-company", listed("plan", "ne", "plan_x"), False, user=ALICE),
    case("plan-version-eq-shared", listed("plan_version", "eq", "plvr_7"), True, company=PLANNED),
    case("plan-version-ne-shared", listed("plan_version", "ne", "plvr_7"), False, company=PLANNED),
    case(
        "plan-version-ignores-plans",
        listed("plan_version", "eq", "plan_pro"),
        False,
        company=PLANNED,
    ),
    case(
        "billing-product-eq-shared",
        listed("billing_product", "eq", "prod_x"),
        True,
        company=PLANNED,
    ),
    case(
        "billing-product-ne-disjoint",
        listed("billing_product", "ne", "prod_y"),
        True,
        company=PLANNED,
    ),
    case(
        "billing-product-eq-disjoint",
        listed("billing_product", "eq", "prod_y"),
        False,
        company=PLANNED,
    ),
]

# 3.5 base_plan: eq / ne / is_empty / not_empty; any other operator is false.
PRO = company(base_plan_id="plan_pro")
NO_BASE = company(base_plan_id=None)
BASE_PLAN_CASES = [
    case("eq-set-and-listed", listed("base_plan", "eq", "plan_pro"), True, company=PRO),
    case("eq-set-not-listed", listed("base_plan", "eq", "plan_free"), False, company=PRO),
    case("eq-unset", listed("base_plan", "eq", "plan_pro"), False, company=NO_BASE),
    case("ne-unset", listed("base_plan", "ne", "plan_pro"), True, company=NO_BASE),
    case("ne-not-listed", listed("base_plan", "ne", "plan_free"), True, company=PRO),
    case("ne-listed", listed("base_plan", "ne", "plan_pro"), False, company=PRO),
    case("is-empty-unset", listed("base_plan", "is_empty"), True, company=NO_BASE),
    case("is-empty-set", listed("base_plan", "is_empty"), False, company=PRO),
    case("not-empty-set", listed("base_plan", "not_empty"), True, company=PRO),
    case("not-empty-unset", listed("base_plan", "not_empty"), False, company=NO_BASE),
    case("gt-is-false", listed("base_plan", "gt", "plan_pro"), False, company=PRO),
    case("lte-is-false", listed("base_plan", "lte", "plan_pro"), False, company=PRO),
    case("gt-not-listed-is-false", listed("base_plan", "gt", "plan_free"), False, company=PRO),
    case("lt-unset-is-false", listed("base_plan", "lt", "plan_pro"), False, company=NO_BASE),
    case("unknown-op-acts-as-eq", listed("base_plan", "like", "plan_pro"), True, company=PRO),
    case("ne-without-company", listed("base_plan", "ne", "plan_pro"), False, user=ALICE),
    case("is-empty-without-company", listed("base_plan", "is_empty"), False, user=ALICE),
]


def credit(operator: str = "gte", **fields: Any) -> dict[str, Any]:
    return condition("credit", operator, credit_id="bcrd_ai", **fields)


def wallet(balance: float | None) -> dict[str, Any]:
    return company(credit_balances={} if balance is None else {"bcrd_ai": balance})


EVENT_3 = {"event_usage": {"event_subtype": "chat", "quantity": 3}}
# 3.5 credit: balance >= cost; cost = credit_cost, else quantity x rate, else rate; no operator.
CREDIT_CASES = [
    case("default-cost-is-one", credit(), True, company=wallet(1)),
    case("below-default-cost", credit(), False, company=wallet(0.5)),
    case("missing-balance-is-zero", credit(), False, company=wallet(None)),
    case("rate-equal-balance", credit(consumption_rate=2.5), True, company=wallet(2.5)),
    case("rate-above-balance", credit(consumption_rate=2.5), False, company=wallet(2.4)),
    case("integer-balance-and-rate", credit(consumption_rate=2), True, company=wallet(2)),
    case("operator-lt-ignored", credit("lt"), True, company=wallet(5)),
    case("operator-ne-ignored", credit("ne"), True, company=wallet(5)),
    case("operator-is-empty-ignored", credit("is_empty"), False, company=wallet(0)),
    case(
        "credit-cost-equal",
        credit(),
        True,
        company=wallet(3),
        options={"credit_cost": {"bcrd_ai": 3.0}},
    ),
    case(
        "credit-cost-above",
        credit(),
        False,
        company=wallet(3),
        options={"credit_cost": {"bcrd_ai": 3.5}},
    ),
    case(
        "credit-cost-zero",
        credit(),
        True,
        company=wallet(0),
        options={"credit_cost": {"bcrd_ai": 0}},
    ),
    case(
        "credit-cost-beats-event-usage",
        credit(event_subtype="chat"),
        True,
        company=wallet(1),
        options={**EVENT_3, "credit_cost": {"bcrd_ai": 1}},
    ),
    case(
        "credit-cost-other-credit-ignored",
        credit(consumption_rate=2),
        False,
        company=wallet(1.5),
        options={"credit_cost": {"bcrd_other": 1}},
    ),
    case(
        "event-usage-times-rate-fits",
        credit(event_subtype="chat", consumption_rate=2),
        True,
        company=wallet(6),
        options=EVENT_3,
    ),
    case(
        "event-usage-times-rate-exceeds",
        credit(event_subtype="chat", consumption_rate=2),
        False,
        company=wallet(5.9),
        options=EVENT_3,
    ),
    case(
        "event-usage-beats-usage",
        credit(event_subtype="chat"),
        True,
        company=wallet(3),
        options={**EVENT_3, "usage": 10},
    ),
    case(
        "event-usage-other-subtype-uses-usage",
        credit(event_subtype="search"),
        False,
        company=wallet(3),
        options={**EVENT_3, "usage": 10},
    ),
    case(
        "event-usage-zero-falls-to-usage",
        credit(event_subtype="chat"),
        False,
        company=wallet(3),
        options={"event_usage": {"event_subtype": "chat", "quantity": 0}, "usage": 10},
    ),
    case("event-usage-needs-condition-subtype", credit(), True, company=wallet(1), options=EVENT_3),
    case(
        "usage-times-rate-fits",
        credit(consumption_rate=1.5),
        True,
        company=wallet(6),
        options={"usage": 4},
    ),
    case(
        "usage-times-rate-exceeds",
        credit(consumption_rate=1.5),
        False,
        company=wallet(5),
        options={"usage": 4},
    ),
    case(
        "usage-zero-costs-rate",
        credit(consumption_rate=2),
        False,
        company=wallet(1.9),
        options={"usage": 0},
    ),
    case("no-credit-id", condition("credit"), False, company=wallet(100)),
    case("without-company", credit(), False, user=ALICE),
]


def usage_of(operator: str, allowance: int | None, **fields: Any) -> dict[str, Any]:
    defaults = {
        "event_subtype": "api",
        "metric_period": "current_month",
        "metric_period_month_reset": "first_of_month",
    }
    return condition("metric", operator, metric_value=allowance, **{**defaults, **fields})


def used(value: int, **fields: Any) -> dict[str, Any]:
    return company(metrics=[metric("api", value, "current_month", "first_of_month")], **fields)


SEATS = trait("trd_seats", "20", "int")
# 3.7 metric: the matching row's value (0 if none) plus preflight, against metric_value.
METRIC_CASES = [
    case("eq-equal", usage_of("eq", 10), True, company=used(10)),
    case("eq-different", usage_of("eq", 10), False, company=used(9)),
    case("ne-equal", usage_of("ne", 10), False, company=used(10)),
    case("gt-above", usage_of("gt", 9), True, company=used(10)),
    case("gt-equal", usage_of("gt", 10), False, company=used(10)),
    case("gte-equal", usage_of("gte", 10), True, company=used(10)),
    case("lt-below", usage_of("lt", 11), True, company=used(10)),
    case("lt-equal", usage_of("lt", 10), False, company=used(10)),
    case("lte-equal", usage_of("lte", 10), True, company=used(10)),
    case("lte-above", usage_of("lte", 9), False, company=used(10)),
    case("is-empty-zero", usage_of("is_empty", 5), True, company=used(0)),
    case("is-empty-no-row", usage_of("is_empty", 5), True, company=company()),
    case("is-empty-positive", usage_of("is_empty", 5), False, company=used(10)),
    case("not-empty-positive", usage_of("not_empty", 5), True, company=used(10)),
    case("not-empty-zero", usage_of("not_empty", 5), False, company=used(0)),
    case("negative-is-not-empty", usage_of("not_empty", 5), False, company=used(-3)),
    case("negative-is-not-is-empty", usage_of("is_empty", 5), False, company=used(-3)),
    case("unknown-op-acts-as-eq", usage_of("approx", 10), True, company=used(10)),
    case("null-metric-value-never-matches", usage_of("is_empty", None), False, company=company()),
    case("no-event-subtype", usage_of("lt", 10, event_subtype=None), False, company=used(0)),
    case("without-company", usage_of("lt", 10), False, user=ALICE),
    case(
        "valid-until-ignored",
        usage_of("eq", 10),
        True,
        company=company(
            metrics=[metric("api", 10, "current_month", valid_until="2000-01-01T00:00:00Z")]
        ),
    ),
    case(
        "row-other-event-ignored",
        usage_of("eq", 0),
        True,
        company=company(metrics=[metric("web", 10, "current_month")]),
    ),
    case(
        "row-other-period-ignored",
        usage_of("eq", 0),
        True,
        company=company(metrics=[metric("api", 10, "current_day")]),
    ),
    case(
        "row-other-month-reset-ignored",
        usage_of("eq", 0),
        True,
        company=company(metrics=[metric("api", 10, "current_month", "billing_cycle")]),
    ),
    case(
        "first-matching-row-wins",
        usage_of("eq", 4),
        True,
        company=company(
            metrics=[metric("api", 4, "current_month"), metric("api", 9, "current_month")]
        ),
    ),
    case(
        "null-period-reads-all-time-row",
        usage_of("eq", 7, metric_period=None),
        True,
        company=company(metrics=[metric("api", 3, "current_month"), metric("api", 7, "all_time")]),
    ),
    case(
        "null-month-reset-reads-first-of-month",
        usage_of("eq", 7, metric_period_month_reset=None),
        True,
        company=company(
            metrics=[
                metric("api", 3, "current_month", "billing_cycle"),
                metric("api", 7, "current_month", "first_of_month"),
            ]
        ),
    ),
    case(
        "billing-cycle-row",
        usage_of("eq", 3, metric_period_month_reset="billing_cycle"),
        True,
        company=company(
            metrics=[
                metric("api", 7, "current_month"),
                metric("api", 3, "current_month", "billing_cycle"),
            ]
        ),
    ),
    case("preflight-usage-added", usage_of("lt", 10), False, company=used(8), options={"usage": 2}),
    case("preflight-usage-fits", usage_of("lt", 10), True, company=used(8), options={"usage": 1}),
    case(
        "preflight-event-usage-added",
        usage_of("eq", 11),
        True,
        company=used(8),
        options={"event_usage": {"event_subtype": "api", "quantity": 3}},
    ),
    case(
        "preflight-event-usage-beats-usage",
        usage_of("eq", 11),
        True,
        company=used(8),
        options={"event_usage": {"event_subtype": "api", "quantity": 3}, "usage": 100},
    ),
    case(
        "preflight-event-usage-other-subtype-uses-usage",
        usage_of("eq", 108),
        True,
        company=used(8),
        options={"event_usage": {"event_subtype": "web", "quantity": 3}, "usage": 100},
    ),
    case(
        "preflight-event-usage-zero-uses-usage",
        usage_of("eq", 108),
        True,
        company=used(8),
        options={"event_usage": {"event_subtype": "api", "quantity": 0}, "usage": 100},
    ),
    case(
        "preflight-usage-zero-adds-nothing",
        usage_of("eq", 8),
        True,
        company=used(8),
        options={"usage": 0},
    ),
    case(
        "preflight-overflow-wraps-negative",
        usage_of("lt", 0),
        True,
        company=used(INT64_MAX),
        options={"usage": 5},
    ),
    case(
        "comparison-trait-is-allowance",
        usage_of("lt", 1, comparison_trait_definition=SEATS["trait_definition"]),
        True,
        company=used(15, traits=[SEATS]),
    ),
    case(
        "comparison-trait-reached",
        usage_of("lt", 100, comparison_trait_definition=SEATS["trait_definition"]),
        False,
        company=used(20, traits=[SEATS]),
    ),
    case(
        "comparison-trait-missing-is-zero",
        usage_of("eq", 9, comparison_trait_definition=SEATS["trait_definition"]),
        True,
        company=used(0),
    ),
    case(
        "comparison-trait-decimal-is-zero",
        usage_of("eq", 9, comparison_trait_definition=SEATS["trait_definition"]),
        True,
        company=used(0, traits=[trait("trd_seats", "2.5", "int")]),
    ),
    case(
        "comparison-trait-needs-metric-value",
        usage_of("lt", None, comparison_trait_definition=SEATS["trait_definition"]),
        False,
        company=used(1, traits=[SEATS]),
    ),
]


@pytest.mark.parametrize(("cond", "context", "holds"), ENTITY_CASES)
def test_company_and_user_conditions(cond: dict[str, Any], context: Any, holds: bool) -> None:
    assert check(cond, **context) is holds


@pytest.mark.parametrize(("cond", "context", "holds"), LIST_CASES)
def test_plan_version_and_product_conditions(
    cond: dict[str, Any], context: Any, holds: bool
) -> None:
    assert check(cond, **context) is holds


@pytest.mark.parametrize(("cond", "context", "holds"), BASE_PLAN_CASES)
def test_base_plan_conditions(cond: dict[str, Any], context: Any, holds: bool) -> None:
    assert check(cond, **context) is holds


@pytest.mark.parametrize(("cond", "context", "holds"), CREDIT_CASES)
def test_credit_conditions(cond: dict[str, Any], context: Any, holds: bool) -> None:
    assert check(cond, **context) is holds


@pytest.mark.parametrize(("cond", "context", "holds"), METRIC_CASES)
def test_metric_conditions(cond: dict[str, Any], context: Any, holds: bool) -> None:
    assert check(cond, **context) is holds
