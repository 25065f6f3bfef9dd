"""The rules engine's flow: results and reasons, preflight errors, entitlements, rule order
and rule matching (datastream spec 3.2-3.4 and 3.10).

Expected values are written from the spec by hand; each case names the rule it pins.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_engine_builders import NOW, company, condition, flag, rule, run, user, utc

from schematic.datastream import evaluate
from schematic.models.features import FeatureEntitlement, PreflightRequestBody, WarningTier

NO_MATCH = "No rules matched; default value for flag"
RULE_TYPES = [
    "global_override",
    "company_override",
    "plan_entitlement",
    "company_override_usage_exceeded",
    "plan_entitlement_usage_exceeded",
    "standard",
    "default",
]
HOLDS = condition("company", resource_ids=["comp_1"])
FAILS = condition("company", resource_ids=["comp_other"])


# 3.2 steps 2 and 6, 3.10: the default answer.


@pytest.mark.parametrize("default", [True, False], ids=["default-on", "default-off"])
def test_no_matching_rule_answers_the_flag_default(default: bool) -> None:
    result = run(rule("standard", FAILS), company=company(), default=default)
    assert result.value is default
    assert result.reason == NO_MATCH
    assert (result.rule_id, result.rule_type, result.error) == (None, None, None)


# 3.2 step 5, 3.10: the reason names the rule type with spaces, the rule name and its ID.


@pytest.mark.parametrize(
    ("rule_type", "reason"),
    [
        ("global_override", 'Matched global override rule "Beta testers" (rule_9)'),
        ("company_override", 'Matched company override rule "Beta testers" (rule_9)'),
        ("plan_entitlement", 'Matched plan entitlement rule "Beta testers" (rule_9)'),
        (
            "company_override_usage_exceeded",
            'Matched company override usage exceeded rule "Beta testers" (rule_9)',
        ),
        (
            "plan_entitlement_usage_exceeded",
            'Matched plan entitlement usage exceeded rule "Beta testers" (rule_9)',
        ),
        ("standard", 'Matched standard rule "Beta testers" (rule_9)'),
        ("default", 'Matched default rule "Beta testers" (rule_9)'),
    ],
    ids=RULE_TYPES,
)
def test_match_reason_and_rule_fields(rule_type: str, reason: str) -> None:
    result = run(rule(rule_type, id="rule_9", name="Beta testers"))
    assert (result.value, result.reason) == (True, reason)
    assert (result.rule_id, result.rule_type) == ("rule_9", rule_type)


def test_matched_rule_value_false_turns_a_default_on_flag_off() -> None:
    result = run(rule("standard", value=False, name="Off"), default=True)
    assert result.value is False
    assert result.reason == 'Matched standard rule "Off" (rule_1)'


@pytest.mark.parametrize(
    ("with_company", "with_user", "company_id", "user_id"),
    [
        (False, False, None, None),
        (True, False, "comp_1", None),
        (False, True, None, "user_1"),
        (True, True, "comp_1", "user_1"),
    ],
    ids=["no-entities", "company-only", "user-only", "both"],
)
def test_result_names_flag_and_supplied_entities(
    with_company: bool, with_user: bool, company_id: str | None, user_id: str | None
) -> None:
    result = run(company=company() if with_company else None, user=user() if with_user else None)
    assert (result.flag, result.flag_id) == ("feat", "flag_1")
    assert (result.company_id, result.user_id) == (company_id, user_id)


# 3.2 step 1, 3.12: negative preflight quantities answer the default with an error.


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"usage": -1}, "preflight usage cannot be negative"),
        (
            {"event_usage": {"event_subtype": "api", "quantity": -2}},
            "preflight usage cannot be negative",
        ),
        ({"credit_cost": {"bcrd_1": -0.5}}, "preflight credit cost cannot be negative"),
        ({"credit_cost": {"a": 1.0, "b": -1}}, "preflight credit cost cannot be negative"),
        ({"usage": -1, "credit_cost": {"a": -1.0}}, "preflight usage cannot be negative"),
    ],
    ids=[
        "negative-usage",
        "negative-event-quantity",
        "negative-credit-cost",
        "one-negative-cost-among-several",
        "usage-message-wins-over-credit",
    ],
)
def test_negative_preflight_answers_default_with_error(options: dict[str, Any], error: str) -> None:
    owner = company(entitlements=[ENTITLEMENT])
    result = run(rule("global_override"), company=owner, user=user(), options=options)
    assert (result.value, result.reason, result.error) == (False, NO_MATCH, error)
    assert (result.rule_id, result.rule_type, result.entitlement) == (None, None, None)
    assert (result.flag_id, result.company_id, result.user_id) == ("flag_1", "comp_1", "user_1")


def test_zero_preflight_quantities_are_no_error() -> None:
    options = {
        "usage": 0,
        "event_usage": {"event_subtype": "api", "quantity": 0},
        "credit_cost": {"bcrd_1": 0},
    }
    result = run(rule("global_override"), options=options)
    assert (result.value, result.error) == (True, None)


def test_preflight_model_is_accepted_as_options() -> None:
    options = PreflightRequestBody(usage=-3)
    result = evaluate(flag(rule("default")), None, None, options, NOW)
    assert result.error == "preflight usage cannot be negative"


# 3.2 step 3: the entitlement whose feature_key is the flag key, whether or not a rule matches.

ENTITLEMENT: dict[str, Any] = {
    "feature_id": "feat_1",
    "feature_key": "feat",
    "value_type": "numeric",
    "allocation": 100,
    "usage": 7,
    "soft_limit": 90,
    "event_name": "api",
    "event_subtype": "api",
    "metric_period": "current_month",
    "month_reset": "billing_cycle",
    "metric_reset_at": "2026-04-01T00:00:00Z",
    "credit_id": "bcrd_1",
    "credit_total": 50.0,
    "credit_used": 10,
    "credit_remaining": 40.0,
    "credit_reserved": 1.5,
    "credit_settled": 8.5,
    "consumption_rate": 2,
    "warning_tiers": [{"key": "80%", "value": 80}],
}
ENTITLEMENT_MODEL = FeatureEntitlement(
    feature_id="feat_1",
    feature_key="feat",
    value_type="numeric",
    allocation=100,
    usage=7,
    soft_limit=90,
    event_name="api",
    event_subtype="api",
    metric_period="current_month",
    month_reset="billing_cycle",
    metric_reset_at=utc(2026, 4, 1),
    credit_id="bcrd_1",
    credit_total=50.0,
    credit_used=10,
    credit_remaining=40.0,
    credit_reserved=1.5,
    credit_settled=8.5,
    consumption_rate=2,
    warning_tiers=[WarningTier(key="80%", value=80)],
)


@pytest.mark.parametrize(
    "rules",
    [[], [rule("standard", FAILS)], [rule("standard")]],
    ids=["no-rules", "no-match", "match"],
)
def test_entitlement_is_passed_through_whether_or_not_a_rule_matches(
    rules: list[dict[str, Any]],
) -> None:
    other = {**ENTITLEMENT, "feature_id": "feat_0", "feature_key": "other"}
    result = run(*rules, company=company(entitlements=[other, ENTITLEMENT]))
    assert result.entitlement == ENTITLEMENT_MODEL


@pytest.mark.parametrize(
    ("entitlements", "feature_id"),
    [
        ([{"feature_id": "f", "feature_key": "Feat", "value_type": "boolean"}], None),
        (
            [
                {"feature_id": "first", "feature_key": "feat", "value_type": "boolean"},
                {"feature_id": "second", "feature_key": "feat", "value_type": "boolean"},
            ],
            "first",
        ),
        ([{"feature_id": "f", "feature_key": "feat", "value_type": "unknown"}], "f"),
        ([], None),
        (None, None),
    ],
    ids=["key-is-case-sensitive", "first-of-two-wins", "minimal", "empty-list", "null-list"],
)
def test_entitlement_lookup(
    entitlements: list[dict[str, Any]] | None, feature_id: str | None
) -> None:
    result = run(company=company(entitlements=entitlements))
    found = result.entitlement.feature_id if result.entitlement is not None else None
    assert found == feature_id


# 3.2 step 4: flag rules always count; company and user rules only for this flag's ID.


@pytest.mark.parametrize(
    ("where", "flag_id", "matched"),
    [
        ("company", "flag_1", "attached"),
        ("company", "flag_other", None),
        ("company", None, None),
        ("user", "flag_1", "attached"),
        ("user", "flag_other", None),
        ("flag", "flag_other", "attached"),
    ],
    ids=[
        "company-rule-for-this-flag",
        "company-rule-for-another-flag",
        "company-rule-without-flag-id",
        "user-rule-for-this-flag",
        "user-rule-for-another-flag",
        "flag-rule-flag-id-ignored",
    ],
)
def test_candidate_rules(where: str, flag_id: str | None, matched: str | None) -> None:
    attached = rule("standard", id="attached", flag_id=flag_id)
    owner = company(rules=[attached] if where == "company" else [])
    member = user(rules=[attached] if where == "user" else [])
    result = run(*([attached] if where == "flag" else []), company=owner, user=member)
    assert result.rule_id == matched


# 3.3: rule types in fixed order; priority inside standard; true-first inside the four
# override and entitlement types; input order otherwise.


@pytest.mark.parametrize("first", range(len(RULE_TYPES)), ids=[f"{t}-first" for t in RULE_TYPES])
def test_rule_type_order(first: int) -> None:
    # Given last-to-first, so that input order cannot be what puts the winner first.
    rules = [rule(t, id=t) for t in reversed(RULE_TYPES[first:])]
    assert run(*rules).rule_id == RULE_TYPES[first]


@pytest.mark.parametrize(
    ("rules", "winner", "value"),
    [
        (
            [
                rule("standard"),
                rule("company_override"),
                rule("global_override", id="g", value=False),
            ],
            "g",
            False,
        ),
        ([rule("plan_entitlement"), rule("company_override", id="co", value=False)], "co", False),
        (
            [
                rule(priority=5, id="p5"),
                rule(priority=1, id="p1"),
                rule(priority=3, id="p3"),
            ],
            "p1",
            True,
        ),
        ([rule(priority=0, id="p0"), rule(priority=-2, id="pm2")], "pm2", True),
        ([rule(priority=1, id="a", value=False), rule(priority=1, id="b")], "a", False),
        (
            [rule("plan_entitlement", id="f", value=False), rule("plan_entitlement", id="t")],
            "t",
            True,
        ),
        (
            [
                rule("plan_entitlement", id="t1"),
                rule("plan_entitlement", id="f", value=False),
                rule("plan_entitlement", id="t2"),
            ],
            "t1",
            True,
        ),
        (
            [
                rule("plan_entitlement", id="f1", value=False),
                rule("plan_entitlement", id="f2", value=False),
            ],
            "f1",
            False,
        ),
        (
            [rule("company_override", id="f", value=False), rule("company_override", id="t")],
            "t",
            True,
        ),
        (
            [
                rule("company_override_usage_exceeded", id="f", value=False),
                rule("company_override_usage_exceeded", id="t"),
            ],
            "t",
            True,
        ),
        (
            [
                rule("plan_entitlement_usage_exceeded", id="f", value=False),
                rule("plan_entitlement_usage_exceeded", id="t"),
            ],
            "t",
            True,
        ),
        (
            [rule("global_override", id="g1", value=False), rule("global_override", id="g2")],
            "g1",
            False,
        ),
        ([rule("default", id="d1", value=False), rule("default", id="d2")], "d1", False),
        ([rule("standard", FAILS, id="p0"), rule(priority=1, id="p1")], "p1", True),
        (
            [rule("plan_entitlement", id="f", value=False), rule("plan_entitlement", FAILS)],
            "f",
            False,
        ),
    ],
    ids=[
        "global-override-false-beats-all",
        "company-override-false-beats-plan-entitlement",
        "standard-lowest-priority-first",
        "standard-negative-priority-first",
        "standard-tie-keeps-input-order-not-value",
        "plan-entitlement-true-first",
        "optimistic-stable-among-true",
        "optimistic-stable-among-false",
        "company-override-true-first",
        "company-override-usage-exceeded-true-first",
        "plan-entitlement-usage-exceeded-true-first",
        "global-override-input-order",
        "default-input-order",
        "failing-rule-falls-through",
        "failing-true-rule-falls-back-to-false",
    ],
)
def test_rule_order(rules: list[dict[str, Any]], winner: str, value: bool) -> None:
    result = run(*rules, company=company())
    assert (result.rule_id, result.value) == (winner, value)


def attached(**fields: Any) -> dict[str, Any]:
    return rule(flag_id="flag_1", **fields)


@pytest.mark.parametrize(
    ("flag_rules", "company_rules", "user_rules", "winner"),
    [
        ([rule(priority=1, id="flag")], [attached(priority=1, id="comp")], [], "flag"),
        ([], [attached(priority=1, id="comp")], [attached(priority=1, id="user")], "comp"),
        ([rule(priority=1, id="flag")], [], [attached(priority=0, id="user")], "user"),
        (
            [rule("plan_entitlement", id="flag", value=False)],
            [attached(rule_type="plan_entitlement", id="comp")],
            [],
            "comp",
        ),
    ],
    ids=[
        "tie-flag-before-company",
        "tie-company-before-user",
        "priority-beats-source",
        "true-first-across-sources",
    ],
)
def test_rule_order_across_sources(
    flag_rules: list[dict[str, Any]],
    company_rules: list[dict[str, Any]],
    user_rules: list[dict[str, Any]],
    winner: str,
) -> None:
    result = run(*flag_rules, company=company(rules=company_rules), user=user(rules=user_rules))
    assert result.rule_id == winner


# 3.4: conditions AND; inside a group OR; groups AND; default and global override always match.


@pytest.mark.parametrize(
    ("candidate", "matches"),
    [
        (rule(), True),
        (rule("standard", HOLDS, HOLDS), True),
        (rule("standard", HOLDS, FAILS), False),
        (rule(groups=[[FAILS, HOLDS]]), True),
        (rule(groups=[[FAILS, FAILS]]), False),
        (rule(groups=[[HOLDS], [FAILS]]), False),
        (rule(groups=[[HOLDS], [FAILS, HOLDS]]), True),
        (rule(groups=[[]]), False),
        (rule("standard", FAILS, groups=[[HOLDS]]), False),
        (rule("standard", HOLDS, groups=[[HOLDS]]), True),
        (rule("standard", condition("bogus")), False),
        (rule(groups=[[condition("bogus"), HOLDS]]), True),
        (rule("global_override", FAILS, groups=[[]]), True),
        (rule("default", FAILS), True),
        (rule("company_override", FAILS), False),
        (rule("plan_entitlement", groups=[[]]), False),
        ({**rule(), "conditions": None, "condition_groups": None}, True),
        ({**rule(), "condition_groups": [{"conditions": None}]}, False),
        ({**rule(), "condition_groups": [{}]}, False),
    ],
    ids=[
        "no-conditions-matches",
        "all-conditions-hold",
        "one-condition-fails",
        "group-any-condition-holds",
        "group-no-condition-holds",
        "every-group-needs-one",
        "two-groups-each-hold",
        "empty-group-fails",
        "conditions-fail-groups-hold",
        "conditions-and-groups-hold",
        "unknown-condition-type-false",
        "unknown-type-beside-a-holding-one",
        "global-override-ignores-conditions",
        "default-ignores-conditions",
        "company-override-needs-conditions",
        "plan-entitlement-empty-group-fails",
        "null-lists-are-empty",
        "group-with-null-conditions-fails",
        "group-without-conditions-fails",
    ],
)
def test_rule_matching(candidate: dict[str, Any], matches: bool) -> None:
    result = run(candidate, company=company())
    assert (result.rule_id == "rule_1") is matches
    assert result.value is matches
