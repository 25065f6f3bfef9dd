"""Rules of the production engine that its answers show and the spec does not say.

Each was found by ``tests/test_engine_vectors.py`` and is pinned here by a small case of
its own, in ``datastream.md`` terms.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_engine_builders import company, condition, definition, metric, rule, run, trait, user

HOLDS = condition("company", "eq", resource_ids=["comp_1"])


def no_allowance(operator: str = "lte") -> dict[str, Any]:
    """A metric condition without ``metric_value``."""
    return condition("metric", operator, id="cond_null", event_subtype="api", metric_value=None)


# 3.5/3.7: a metric condition with no metric_value fails its whole rule when reached.
@pytest.mark.parametrize(
    ("rules", "matched"),
    [
        ([rule("standard", no_allowance())], None),
        ([rule("standard", groups=[[no_allowance(), HOLDS]])], None),
        ([rule("standard", groups=[[HOLDS, no_allowance()]])], "rule_1"),  # decided before it
        ([rule("standard", HOLDS, groups=[[no_allowance(), HOLDS]])], None),
        (
            [
                rule("standard", groups=[[no_allowance(), HOLDS]], id="rule_1", priority=1),
                rule("standard", HOLDS, id="rule_2", priority=2),
            ],
            "rule_2",  # only its own rule fails: the next is tried
        ),
    ],
    ids=["alone", "first-in-group", "after-a-holding-one", "after-and", "next-rule-tried"],
)
def test_a_metric_condition_without_allowance_fails_its_rule(
    rules: list[dict[str, Any]], matched: str | None
) -> None:
    result = run(*rules, company=company(metrics=[metric("api", 1)]))
    assert result.rule_id == matched


def test_without_a_company_it_is_only_false() -> None:
    groups = [[no_allowance(), condition("user", "eq", resource_ids=["user_1"])]]
    assert run(rule("standard", groups=groups), user=user()).rule_id == "rule_1"


# 3.6 bool: "1" is true as well as "true"; other spellings are false.
@pytest.mark.parametrize(
    ("value", "holds"),
    [("true", True), ("1", True), ("True", False), ("TRUE", False), ("t", False), ("0", False)],
)
def test_bool_traits_that_are_true(value: str, holds: bool) -> None:
    check = condition("trait", "eq", trait_definition=definition("b", "bool"), trait_value="true")
    result = run(rule("standard", check), company=company(traits=[trait("b", value, "bool")]))
    assert (result.rule_id == "rule_1") is holds


# 3.6 int with preflight usage: the trait is read as a 64-bit integer, the usage added with
# wrap-around; the other side is read as a number as usual.
@pytest.mark.parametrize(
    ("left", "operator", "right", "usage", "holds"),
    [
        ("8", "eq", "10", 2, True),
        ("8.5", "eq", "2", 2, True),  # "8.5" reads as 0 once usage is added
        ("1e3", "gt", "999", 2, False),  # so does "1e3"
        ("8", "eq", "10.0", 2, True),
        ("5", "gt", "5", 2**63 - 1, False),  # 5 + (2**63 - 1) wraps negative
        ("8.5", "gt", "8", 0, True),  # without usage, decimals compare as numbers
    ],
)
def test_preflight_usage_on_int_traits(
    left: str, operator: str, right: str, usage: int, holds: bool
) -> None:
    check = condition("trait", operator, trait_definition=definition("n", "int"), trait_value=right)
    result = run(
        rule("standard", check),
        company=company(traits=[trait("n", left, "int")]),
        options={"usage": usage},
    )
    assert (result.rule_id == "rule_1") is holds


# 3.8.4: a comparison trait replaces feature_allocation only if it is a decimal integer.
@pytest.mark.parametrize(
    ("allocation", "reported"),
    [("25", 25), ("-3", -3), ("+7", 7), ("10.0", 10), ("1e3", 10), (" 5", 10), ("", 10),
     ("9999999999999999999", 10), ("gold", 10)],
)  # fmt: skip
def test_a_comparison_trait_that_is_no_integer_leaves_the_allocation(
    allocation: str, reported: int
) -> None:
    check = condition(
        "metric",
        "ne",  # 1 used: holds against every allocation here (a non-integer one reads as 0)
        event_subtype="api",
        metric_value=10,
        comparison_trait_definition=definition("limit", "int"),
    )
    subject = company(metrics=[metric("api", 1)], traits=[trait("limit", allocation, "int")])
    result = run(rule("company_override", check), company=subject)
    assert result.feature_allocation == reported


# 2 FeatureEntitlement: an empty warning_tiers list is left out, as the engine does.
@pytest.mark.parametrize(("tiers", "expected"), [([], None), (None, None)])
def test_an_empty_warning_tier_list_is_left_out(tiers: Any, expected: Any) -> None:
    entitlement = {"feature_id": "f", "feature_key": "feat", "value_type": "boolean"}
    if tiers is not None:
        entitlement["warning_tiers"] = tiers
    result = run(company=company(entitlements=[entitlement]))
    assert result.entitlement is not None and result.entitlement.warning_tiers is expected
