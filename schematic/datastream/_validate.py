"""Strict checks of the engine's input, run before anything is evaluated.

The production engine refuses a whole evaluation when any part of its input is malformed
(an unknown enum value, a float where an integer belongs, a required field missing or null),
even a part the evaluation would never look at. The caller then asks the API instead. These
checks reproduce that, so the evaluator itself can trust every field it reads.

Lists that are absent or ``null`` count as empty, because older producers write ``null``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import SchematicError
from ._values import INT64_MAX, INT64_MIN, parse_rfc3339

RULE_TYPES = frozenset(
    {
        "global_override",
        "company_override",
        "plan_entitlement",
        "company_override_usage_exceeded",
        "plan_entitlement_usage_exceeded",
        "standard",
        "default",
    }
)
METRIC_PERIODS = frozenset({"all_time", "current_day", "current_week", "current_month"})
MONTH_RESETS = frozenset({"first_of_month", "billing_cycle"})
COMPARABLE_TYPES = frozenset({"bool", "date", "int", "string"})
ENTITY_TYPES = frozenset({"company", "user"})
VALUE_TYPES = frozenset({"boolean", "credit", "numeric", "trait", "unknown", "unlimited"})

_IDENTITY = ("id", "account_id", "environment_id")
_FLAG_STRINGS = (*_IDENTITY, "key")
_RULE_STRINGS = (*_IDENTITY, "name")
_CONDITION_STRINGS = (*_IDENTITY, "condition_type", "operator", "trait_value")
_CONDITION_OPTIONAL_STRINGS = ("event_subtype", "credit_id")
_METRIC_STRINGS = ("account_id", "environment_id", "company_id", "event_subtype", "created_at")
_ENTITLEMENT_STRINGS = ("event_name", "event_subtype", "credit_id")
_ENTITLEMENT_INTEGERS = ("allocation", "usage", "soft_limit")
_ENTITLEMENT_NUMBERS = (
    "credit_total",
    "credit_used",
    "credit_remaining",
    "credit_reserved",
    "credit_settled",
    "consumption_rate",
)


class EngineInputError(SchematicError):
    """The flag, company, user or options are malformed, so the engine cannot evaluate.

    The production engine rejects such input as a whole; a caller should answer the flag
    check some other way (usually by asking the API).
    """


def check_flag(flag: Any) -> None:
    """Raise ``EngineInputError`` unless ``flag`` is a well-formed flag object."""
    _require_strings(flag, _FLAG_STRINGS, "flag")
    if type(flag.get("default_value")) is not bool:
        raise EngineInputError("flag default_value must be a boolean")
    for rule in _list(flag, "rules", "flag"):
        _check_rule(rule)


def check_company(company: Any) -> None:
    """Raise ``EngineInputError`` unless ``company`` is a well-formed company object."""
    _check_entity(company, "company")
    for key in ("plan_ids", "plan_version_ids", "billing_product_ids"):
        _string_list(company, key, "company")
    _optional(company, "base_plan_id", str, "company")
    _number_map(company, "credit_balances", "company")
    for row in _list(company, "metrics", "company"):
        _check_metric_row(row)
    subscription = company.get("subscription")
    if subscription is not None:
        _require_strings(subscription, ("id", "period_start", "period_end"), "subscription")
    for entitlement in _list(company, "entitlements", "company"):
        _check_entitlement(entitlement)


def check_user(user: Any) -> None:
    """Raise ``EngineInputError`` unless ``user`` is a well-formed user object."""
    _check_entity(user, "user")


def check_options(options: Any) -> None:
    """Raise ``EngineInputError`` unless ``options`` are well-formed preflight options."""
    if not isinstance(options, dict):
        raise EngineInputError("options must be a JSON object")
    usage = options.get("usage")
    if usage is not None:
        _integer(usage, "options usage")
    event_usage = options.get("event_usage")
    if event_usage is not None:
        if not isinstance(event_usage, dict):
            raise EngineInputError("options event_usage must be a JSON object")
        _integer(event_usage.get("quantity"), "options event_usage quantity")
        _optional(event_usage, "event_subtype", str, "options event_usage")
    _number_map(options, "credit_cost", "options")


def _check_entity(entity: Any, kind: str) -> None:
    _require_strings(entity, _IDENTITY, kind)
    keys = entity.get("keys")
    if keys is not None and not (
        isinstance(keys, dict) and all(type(v) is str for v in keys.values())
    ):
        raise EngineInputError(f"{kind} keys must map strings to strings")
    for trait in _list(entity, "traits", kind):
        if not isinstance(trait, dict) or type(trait.get("value")) is not str:
            raise EngineInputError(f"{kind} trait value must be a string")
        _check_definition(trait.get("trait_definition"))
    for rule in _list(entity, "rules", kind):
        _check_rule(rule)


def _check_rule(rule: Any) -> None:
    _require_strings(rule, _RULE_STRINGS, "rule")
    if not _member(rule.get("rule_type"), RULE_TYPES):
        raise EngineInputError(f"unknown rule_type {rule.get('rule_type')!r}")
    _integer(rule.get("priority"), "rule priority")
    if type(rule.get("value")) is not bool:
        raise EngineInputError("rule value must be a boolean")
    _optional(rule, "flag_id", str, "rule")
    for condition in _list(rule, "conditions", "rule"):
        _check_condition(condition)
    for group in _list(rule, "condition_groups", "rule"):
        if not isinstance(group, dict):
            raise EngineInputError("condition group must be a JSON object")
        for condition in _list(group, "conditions", "condition group"):
            _check_condition(condition)


def _check_condition(condition: Any) -> None:
    _require_strings(condition, _CONDITION_STRINGS, "condition")
    for key in _CONDITION_OPTIONAL_STRINGS:
        _optional(condition, key, str, "condition")
    _string_list(condition, "resource_ids", "condition")
    _enum(condition, "metric_period", METRIC_PERIODS, "condition")
    _enum(condition, "metric_period_month_reset", MONTH_RESETS, "condition")
    metric_value = condition.get("metric_value")
    if metric_value is not None:
        _integer(metric_value, "condition metric_value")
    rate = condition.get("consumption_rate")
    if rate is not None:
        _number(rate, "condition consumption_rate")
    _check_definition(condition.get("trait_definition"))
    _check_definition(condition.get("comparison_trait_definition"))


def _check_definition(definition: Any) -> None:
    if definition is None:
        return
    _require_strings(definition, ("id",), "trait definition")
    if not _member(definition.get("comparable_type"), COMPARABLE_TYPES):
        raise EngineInputError(f"unknown comparable_type {definition.get('comparable_type')!r}")
    if not _member(definition.get("entity_type"), ENTITY_TYPES):
        raise EngineInputError(f"unknown trait entity_type {definition.get('entity_type')!r}")


def _check_metric_row(row: Any) -> None:
    _require_strings(row, _METRIC_STRINGS, "metric")
    if not _member(row.get("period"), METRIC_PERIODS):
        raise EngineInputError(f"unknown metric period {row.get('period')!r}")
    if not _member(row.get("month_reset"), MONTH_RESETS):
        raise EngineInputError(f"unknown metric month_reset {row.get('month_reset')!r}")
    _integer(row.get("value"), "metric value")
    _optional(row, "valid_until", str, "metric")


def _check_entitlement(entitlement: Any) -> None:
    _require_strings(entitlement, ("feature_id", "feature_key"), "entitlement")
    if not _member(entitlement.get("value_type"), VALUE_TYPES):
        raise EngineInputError(f"unknown value_type {entitlement.get('value_type')!r}")
    for key in _ENTITLEMENT_STRINGS:
        _optional(entitlement, key, str, "entitlement")
    for key in _ENTITLEMENT_INTEGERS:
        if entitlement.get(key) is not None:
            _integer(entitlement[key], f"entitlement {key}")
    for key in _ENTITLEMENT_NUMBERS:
        if entitlement.get(key) is not None:
            _number(entitlement[key], f"entitlement {key}")
    _enum(entitlement, "metric_period", METRIC_PERIODS, "entitlement")
    _enum(entitlement, "month_reset", MONTH_RESETS, "entitlement")
    reset_at = entitlement.get("metric_reset_at")
    if reset_at is not None and (type(reset_at) is not str or parse_rfc3339(reset_at) is None):
        raise EngineInputError("entitlement metric_reset_at must be an RFC 3339 timestamp")
    for tier in _list(entitlement, "warning_tiers", "entitlement"):
        _require_strings(tier, ("key",), "warning tier")
        _integer(tier.get("value"), "warning tier value")


def _require_strings(obj: Any, keys: tuple[str, ...], kind: str) -> None:
    if not isinstance(obj, dict):
        raise EngineInputError(f"{kind} must be a JSON object")
    for key in keys:
        if type(obj.get(key)) is not str:
            raise EngineInputError(f"{kind} {key} must be a string")


def _optional(obj: Mapping[str, Any], key: str, kind: type, where: str) -> None:
    value = obj.get(key)
    if value is not None and type(value) is not kind:
        raise EngineInputError(f"{where} {key} must be a {kind.__name__} or null")


def _enum(obj: Mapping[str, Any], key: str, allowed: frozenset[str], where: str) -> None:
    value = obj.get(key)
    if value is not None and not _member(value, allowed):
        raise EngineInputError(f"unknown {where} {key} {value!r}")


def _member(value: Any, allowed: frozenset[str]) -> bool:
    # A list or an object is unhashable; checking the type first keeps `in` from raising.
    return type(value) is str and value in allowed


def _integer(value: Any, what: str) -> None:
    # bool is an int to Python but not to JSON; 5.0 is a float even though it is whole.
    if type(value) is not int or not INT64_MIN <= value <= INT64_MAX:
        raise EngineInputError(f"{what} must be a 64-bit integer, got {value!r}")


def _number(value: Any, what: str) -> None:
    # Integers count: a producer may write 2 where it means 2.0.
    if type(value) is not float and type(value) is not int:
        raise EngineInputError(f"{what} must be a number, got {value!r}")


def _list(obj: Mapping[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key)
    if value is None:
        return []
    if type(value) is not list:
        raise EngineInputError(f"{where} {key} must be a list")
    return value


def _string_list(obj: Mapping[str, Any], key: str, where: str) -> None:
    for item in _list(obj, key, where):
        if type(item) is not str:
            raise EngineInputError(f"{where} {key} must hold strings only")


def _number_map(obj: Mapping[str, Any], key: str, where: str) -> None:
    value = obj.get(key)
    if value is None:
        return
    if not isinstance(value, dict):
        raise EngineInputError(f"{where} {key} must be a JSON object")
    for credit_id, number in value.items():
        _number(number, f"{where} {key} {credit_id!r}")
