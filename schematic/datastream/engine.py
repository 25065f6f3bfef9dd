"""Evaluate a feature flag locally, from the flag, company and user that DataStream delivers.

The result is what the API's flag check would answer: the value, the reason, the rule that
decided it and, for entitlement rules, the company's usage and allocation of the feature.
Evaluation is pure: the same input and the same ``now`` always give the same result.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, cast

from ..models.features import (
    CheckFlagResponseData,
    FeatureEntitlement,
    PreflightRequestBody,
    RuleType,
    WarningTier,
)
from ._conditions import Json, RuleError, Scope, condition_matches, metric_row, trait_value
from ._periods import next_reset
from ._validate import check_company, check_flag, check_options, check_user
from ._values import integer_or_none, parse_integer, parse_rfc3339

REASON_NO_RULES_MATCHED = "No rules matched; default value for flag"
REASON_FLAG_NOT_FOUND = "Flag not found"
ERROR_FLAG_NOT_FOUND = "flag not found"
ERROR_NEGATIVE_USAGE = "preflight usage cannot be negative"
ERROR_NEGATIVE_CREDIT_COST = "preflight credit cost cannot be negative"

# Rule types in the order they are tried: any match in an earlier group wins.
_TYPE_RANK = {
    "global_override": 0,
    "company_override": 1,
    "plan_entitlement": 2,
    "company_override_usage_exceeded": 3,
    "plan_entitlement_usage_exceeded": 4,
    "standard": 5,
    "default": 6,
}
# Entitlement-like rules try `value: true` first and report usage when they match.
_ENTITLEMENT_TYPES = frozenset(
    {
        "company_override",
        "plan_entitlement",
        "company_override_usage_exceeded",
        "plan_entitlement_usage_exceeded",
    }
)
_UNCONDITIONAL = frozenset({"global_override", "default"})


def evaluate(
    flag: Json,
    company: Json | None = None,
    user: Json | None = None,
    options: Json | PreflightRequestBody | None = None,
    now: datetime | None = None,
) -> CheckFlagResponseData:
    """Evaluate ``flag`` for a company and a user, as the production rules engine does.

    Args:
        flag: the flag object, with its rules, as DataStream sends it.
        company: the company object, or ``None`` when the check names no company.
        user: the user object, or ``None`` when the check names no user.
        options: preflight options asking "would this still be allowed after using more?":
            ``usage`` (int, added to metric usage and to ``int`` traits), ``event_usage``
            (``{"event_subtype": str, "quantity": int}``, added to that event's usage
            instead), ``credit_cost`` (``{credit_id: float}``, the credits this call would
            spend). A ``PreflightRequestBody`` is accepted too.
        now: the current time, which decides when usage periods reset; a naive ``datetime``
            is read as UTC. Defaults to the system clock.

    Raises:
        EngineInputError: the input is malformed in a way the production engine rejects as a
            whole (an unknown enum value, a float where an integer belongs, a missing
            required field, a ``None`` flag); answer the check another way, e.g. by the API.

    Example::

        result = evaluate(flag, company=company, options={"usage": 5})
        if result.value:
            ...
    """
    if isinstance(options, PreflightRequestBody):
        options = options.to_dict()
    check_flag(flag)
    if company is not None:
        check_company(company)
    if user is not None:
        check_user(user)
    if options is not None:
        check_options(options)
    return _evaluate(flag, company, user, options or {}, now)


def _evaluate(
    flag: Json, company: Json | None, user: Json | None, options: Json, now: datetime | None
) -> CheckFlagResponseData:
    ids: dict[str, Any] = {
        "flag": flag["key"],
        "flag_id": flag["id"],
        "company_id": company["id"] if company is not None else None,
        "user_id": user["id"] if user is not None else None,
    }
    error = _preflight_error(options)
    if error is not None:
        return CheckFlagResponseData(
            value=flag["default_value"], reason=REASON_NO_RULES_MATCHED, error=error, **ids
        )
    entitlement = _entitlement(company, flag["key"]) if company is not None else None
    scope = Scope(company, user, options)
    for rule in _ordered_rules(flag, company, user):
        if _rule_matches(rule, scope):
            return CheckFlagResponseData(
                value=rule["value"],
                reason=_match_reason(rule),
                rule_id=rule["id"],
                rule_type=cast(RuleType, rule["rule_type"]),
                entitlement=entitlement,
                **ids,
                **_usage_fields(rule, company, now),
            )
    return CheckFlagResponseData(
        value=flag["default_value"],
        reason=REASON_NO_RULES_MATCHED,
        entitlement=entitlement,
        **ids,
    )


def _preflight_error(options: Json) -> str | None:
    usage = options.get("usage")
    event_usage = options.get("event_usage")
    if (usage is not None and usage < 0) or (
        event_usage is not None and event_usage["quantity"] < 0
    ):
        return ERROR_NEGATIVE_USAGE
    if any(cost < 0 for cost in (options.get("credit_cost") or {}).values()):
        return ERROR_NEGATIVE_CREDIT_COST
    return None


def _ordered_rules(flag: Json, company: Json | None, user: Json | None) -> list[Json]:
    """Every rule that applies to the flag, in the order they are tried."""
    rules: list[Json] = list(flag.get("rules") or ())
    # Rules attached to an entity carry the flag they belong to; flag rules need no check.
    for entity in (company, user):
        if entity is not None:
            rules.extend(r for r in entity.get("rules") or () if r.get("flag_id") == flag["id"])
    rules.sort(key=_rule_rank)  # stable: equal ranks keep flag, company, user order
    return rules


def _rule_rank(rule: Json) -> tuple[int, int]:
    """The sort key: the type's place, then priority (standard) or true-first (entitlements)."""
    rule_type = rule["rule_type"]
    if rule_type == "standard":
        tiebreak = rule["priority"]
    elif rule_type in _ENTITLEMENT_TYPES:
        tiebreak = 0 if rule["value"] else 1
    else:
        tiebreak = 0
    return _TYPE_RANK[rule_type], tiebreak


def _rule_matches(rule: Json, scope: Scope) -> bool:
    """All top-level conditions hold and every group has a condition that holds.

    Conditions are looked at in order, stopping as soon as the answer is known: a
    condition that fails the rule (``RuleError``) counts only if it is reached.
    """
    if rule["rule_type"] in _UNCONDITIONAL:
        return True
    try:
        for condition in rule.get("conditions") or ():
            if not condition_matches(condition, scope):
                return False
        for group in rule.get("condition_groups") or ():
            # An empty group has nothing that holds, so it fails the rule.
            if not any(condition_matches(c, scope) for c in group.get("conditions") or ()):
                return False
    except RuleError:
        return False
    return True


def _match_reason(rule: Json) -> str:
    kind = rule["rule_type"].replace("_", " ")
    return f'Matched {kind} rule "{rule["name"]}" ({rule["id"]})'


def _usage_fields(rule: Json, company: Json | None, now: datetime | None) -> dict[str, Any]:
    """The deprecated ``feature_*`` fields: the usage and allocation the matched rule counts."""
    if company is None or rule["rule_type"] not in _ENTITLEMENT_TYPES:
        return {}
    condition = next(
        (
            c
            for c in rule.get("conditions") or ()
            if c["condition_type"] == "metric" or c["condition_type"] == "trait"
        ),
        None,
    )
    if condition is None:
        return {}
    if condition["condition_type"] == "metric":
        fields = _metric_usage(condition, company, now)
    else:
        definition = condition.get("trait_definition")
        used = trait_value(company, definition["id"]) if definition is not None else None
        fields = {
            "feature_usage": parse_integer(used or ""),
            "feature_allocation": parse_integer(condition["trait_value"]),
        }
    comparison = condition.get("comparison_trait_definition")
    if comparison is not None:
        allocation = trait_value(company, comparison["id"])
        parsed = integer_or_none(allocation) if allocation is not None else None
        # A comparison trait that is not a decimal integer ("10.0", "1e3", " 5", "") leaves
        # the allocation as it was: seen in the production engine's answers, not in the spec.
        if parsed is not None:
            fields["feature_allocation"] = parsed
    return fields


def _metric_usage(condition: Json, company: Json, now: datetime | None) -> dict[str, Any]:
    row = metric_row(company, condition)
    period = condition.get("metric_period")
    reset_at = next_reset(
        period,
        condition.get("metric_period_month_reset"),
        company.get("subscription"),
        _utc(now),
    )
    allowance = condition.get("metric_value")
    return {
        "feature_usage_event": condition.get("event_subtype"),
        "feature_usage": row["value"] if row is not None else 0,
        "feature_allocation": allowance if allowance is not None else 0,
        "feature_usage_period": period if period is not None else "all_time",
        "feature_usage_reset_at": reset_at,
    }


def _utc(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(timezone.utc)
    # astimezone() would read a naive time as local time; the engine's clock is UTC.
    return now.replace(tzinfo=timezone.utc) if now.tzinfo is None else now.astimezone(timezone.utc)


def _entitlement(company: Json, flag_key: str) -> FeatureEntitlement | None:
    """The company's entitlement to the flag's feature, passed through as it came."""
    for found in company.get("entitlements") or ():
        if found["feature_key"] == flag_key:
            return _entitlement_model(found)
    return None


def _entitlement_model(data: Json) -> FeatureEntitlement:
    reset_at = data.get("metric_reset_at")
    tiers = data.get("warning_tiers")
    return FeatureEntitlement(
        feature_id=data["feature_id"],
        feature_key=data["feature_key"],
        value_type=data["value_type"],
        allocation=data.get("allocation"),
        consumption_rate=data.get("consumption_rate"),
        credit_id=data.get("credit_id"),
        credit_remaining=data.get("credit_remaining"),
        credit_reserved=data.get("credit_reserved"),
        credit_settled=data.get("credit_settled"),
        credit_total=data.get("credit_total"),
        credit_used=data.get("credit_used"),
        event_name=data.get("event_name"),
        event_subtype=data.get("event_subtype"),
        metric_period=data.get("metric_period"),
        metric_reset_at=parse_rfc3339(reset_at) if reset_at is not None else None,
        month_reset=data.get("month_reset"),
        soft_limit=data.get("soft_limit"),
        usage=data.get("usage"),
        warning_tiers=(
            [WarningTier(key=t["key"], value=t["value"]) for t in tiers]
            if tiers  # the engine leaves out an empty list, as Go's omitempty does [vectors]
            else None
        ),
    )
