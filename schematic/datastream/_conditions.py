"""Whether one rule condition holds for a company, a user and the preflight options.

Every function here trusts its input: ``_validate`` has already checked it. A condition that
needs an entity the caller did not supply is false, whatever its operator.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._values import compare, compare_trait, parse_integer, wrap_int64

Json = dict[str, Any]

OPERATORS = frozenset({"eq", "ne", "gt", "gte", "lt", "lte", "is_empty", "not_empty"})


class Scope:
    """What conditions are checked against: the entities and the preflight quantities.

    ``usage`` and ``event_quantity`` hold 0 unless the caller asked about a positive quantity,
    because only positive quantities change a check.
    """

    __slots__ = ("company", "credit_costs", "event_quantity", "event_subtype", "usage", "user")

    def __init__(self, company: Json | None, user: Json | None, options: Json) -> None:
        self.company = company
        self.user = user
        usage = options.get("usage")
        self.usage: int = usage if usage is not None and usage > 0 else 0
        event_usage = options.get("event_usage")
        quantity = event_usage["quantity"] if event_usage is not None else 0
        self.event_quantity: int = quantity if quantity > 0 else 0
        self.event_subtype: str | None = (
            event_usage.get("event_subtype") if event_usage is not None else None
        )
        self.credit_costs: dict[str, float] = options.get("credit_cost") or {}

    def extra_quantity(self, event_subtype: str | None) -> int:
        """The simulated usage for an event: its own preflight quantity, else generic usage."""
        if (
            self.event_quantity
            and event_subtype is not None
            and event_subtype == self.event_subtype
        ):
            return self.event_quantity
        return self.usage


class RuleError(Exception):
    """A condition the engine cannot evaluate: the rule it belongs to does not match."""


def condition_matches(condition: Json, scope: Scope) -> bool:
    """Whether ``condition`` holds; an unknown condition type never does."""
    check = _CHECKS.get(condition["condition_type"])
    if check is None:
        return False
    op = condition["operator"]
    # The production engine reads an operator it does not know as "eq".
    return check(condition, op if op in OPERATORS else "eq", scope)


def metric_row(company: Json, condition: Json) -> Json | None:
    """The company's usage row for a metric condition's event, period and month reset."""
    event_subtype = condition.get("event_subtype")
    period = condition.get("metric_period") or "all_time"
    month_reset = condition.get("metric_period_month_reset") or "first_of_month"
    for row in company.get("metrics") or ():
        if (
            row["event_subtype"] == event_subtype
            and row["period"] == period
            and row["month_reset"] == month_reset
        ):
            return row  # type: ignore[no-any-return]
    return None


def trait_value(entity: Json, definition_id: str) -> str | None:
    """The value of the entity's first trait with this definition, or ``None``."""
    trait = _find_trait(entity, definition_id)
    return None if trait is None else trait["value"]


def _find_trait(entity: Json, definition_id: str) -> Json | None:
    for trait in entity.get("traits") or ():
        definition = trait.get("trait_definition")
        if definition is not None and definition["id"] == definition_id:
            return trait  # type: ignore[no-any-return]
    return None


def _match_company(condition: Json, op: str, scope: Scope) -> bool:
    return _is_listed(scope.company, condition, op)


def _match_user(condition: Json, op: str, scope: Scope) -> bool:
    return _is_listed(scope.user, condition, op)


def _is_listed(entity: Json | None, condition: Json, op: str) -> bool:
    # Only "ne" is special: "gt", "is_empty" and the rest all mean membership here.
    if entity is None:
        return False
    listed = entity["id"] in (condition.get("resource_ids") or ())
    return listed != (op == "ne")


def _shares_ids(field: str) -> Callable[[Json, str, Scope], bool]:
    """A check that the company's ``field`` list and ``resource_ids`` have an ID in common."""

    def check(condition: Json, op: str, scope: Scope) -> bool:
        if scope.company is None:
            return False
        ids = scope.company.get(field) or ()
        shared = not set(condition.get("resource_ids") or ()).isdisjoint(ids)
        return shared != (op == "ne")

    return check


def _match_base_plan(condition: Json, op: str, scope: Scope) -> bool:
    if scope.company is None:
        return False
    base_plan = scope.company.get("base_plan_id")
    if op == "is_empty":
        return base_plan is None
    if op == "not_empty":
        return base_plan is not None
    listed = base_plan is not None and base_plan in (condition.get("resource_ids") or ())
    if op == "eq":
        return listed
    return op == "ne" and not listed


def _match_credit(condition: Json, op: str, scope: Scope) -> bool:
    # The operator plays no part: a credit condition asks "can the company afford this?".
    credit_id = condition.get("credit_id")
    if scope.company is None or credit_id is None:
        return False
    balance = (scope.company.get("credit_balances") or {}).get(credit_id, 0)
    cost = scope.credit_costs.get(credit_id)
    if cost is None:
        rate = condition.get("consumption_rate")
        rate = 1 if rate is None else rate
        quantity = scope.extra_quantity(condition.get("event_subtype"))
        cost = quantity * rate if quantity else rate
    return bool(balance >= cost)


def _match_metric(condition: Json, op: str, scope: Scope) -> bool:
    company = scope.company
    event_subtype = condition.get("event_subtype")
    allowance = condition.get("metric_value")
    if company is None or event_subtype is None:
        return False
    if allowance is None:
        # Not just false: the production engine gives up on the whole rule, even when
        # another condition of the same group holds (unless one before it already did).
        # Seen in its answers; the spec says only that the condition does not match.
        raise RuleError(f"metric condition {condition['id']} has no metric_value")
    row = metric_row(company, condition)
    used = row["value"] if row is not None else 0
    # Usage is an int64 in the production engine; an overflowing sum wraps negative.
    used = wrap_int64(used + scope.extra_quantity(event_subtype))
    comparison = condition.get("comparison_trait_definition")
    if comparison is not None:
        allowance = parse_integer(trait_value(company, comparison["id"]) or "")
    return compare(used, allowance, op, 0)


def _match_trait(condition: Json, op: str, scope: Scope) -> bool:
    definition = condition.get("trait_definition")
    if definition is None:
        return False
    entity = scope.company if definition["entity_type"] == "company" else scope.user
    if entity is None:
        return False
    trait = _find_trait(entity, definition["id"])
    if trait is None:
        left, comparable_type = "", definition["comparable_type"]
    else:
        left, comparable_type = trait["value"], trait["trait_definition"]["comparable_type"]
    comparison = condition.get("comparison_trait_definition")
    if comparison is None:
        right = condition["trait_value"]
    else:
        right = trait_value(entity, comparison["id"]) or ""
    return compare_trait(comparable_type, left, right, op, scope.usage)


_CHECKS: dict[str, Callable[[Json, str, Scope], bool]] = {
    "company": _match_company,
    "user": _match_user,
    "plan": _shares_ids("plan_ids"),
    "plan_version": _shares_ids("plan_version_ids"),
    "billing_product": _shares_ids("billing_product_ids"),
    "base_plan": _match_base_plan,
    "credit": _match_credit,
    "metric": _match_metric,
    "trait": _match_trait,
}
