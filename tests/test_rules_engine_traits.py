"""Trait conditions: lookup and comparison by comparable type (datastream spec 3.6).

Each case compares a company trait (``left``; ``None`` when the company lacks it) with a
condition's ``trait_value`` (``right``) and says whether the condition holds.
"""

from __future__ import annotations

from typing import Any

import pytest
from rules_engine_builders import check, company, condition, definition, trait, user


def compares(
    comparable_type: str, left: str | None, operator: str, right: str, **options: Any
) -> bool:
    traits = [] if left is None else [trait("trd_x", left, comparable_type)]
    cond = condition(
        "trait",
        operator,
        trait_definition=definition("trd_x", comparable_type),
        trait_value=right,
    )
    return check(cond, company=company(traits=traits), options=options or None)


def cases(*rows: tuple[str, str | None, str, str, bool]) -> Any:
    """Parametrize (left, operator, right, holds) rows; the first item is the case ID."""
    return pytest.mark.parametrize(
        ("left", "operator", "right", "holds"),
        [pytest.param(*row[1:], id=row[0]) for row in rows],
    )


@cases(
    ("eq-same", "pro", "eq", "pro", True),
    ("eq-case-sensitive", "Pro", "eq", "pro", False),
    ("ne-different", "pro", "ne", "free", True),
    ("ne-same", "pro", "ne", "pro", False),
    ("gt-later-letter", "b", "gt", "a", True),
    ("gt-uppercase-sorts-first", "B", "gt", "a", False),
    ("gte-equal", "abc", "gte", "abc", True),
    ("lt-prefix-sorts-first", "ab", "lt", "abc", True),
    ("lt-digits-are-text", "10", "lt", "9", True),
    ("lte-greater", "b", "lte", "a", False),
    ("gt-bytewise-beyond-ascii", "é", "gt", "z", True),
    ("is-empty-empty", "", "is_empty", "", True),
    ("is-empty-missing-trait", None, "is_empty", "", True),
    ("is-empty-space", " ", "is_empty", "", False),
    ("not-empty-text", "x", "not_empty", "", True),
    ("not-empty-empty", "", "not_empty", "", False),
    ("unknown-op-acts-as-eq", "pro", "contains", "pro", True),
    ("unknown-op-not-contains", "professional", "contains", "pro", False),
)
def test_string_traits(left: str | None, operator: str, right: str, holds: bool) -> None:
    assert compares("string", left, operator, right) is holds


@cases(
    ("eq-same", "10", "eq", "10", True),
    ("eq-decimal-zero-fraction", "10.0", "eq", "10", True),
    ("gt-decimal", "10.7", "gt", "10", True),
    ("lt-numeric-not-text", "9", "lt", "10", True),
    ("gt-exponent", "1e3", "gt", "999", True),
    ("eq-exponent-uppercase", "2E2", "eq", "200", True),
    ("eq-leading-plus", "+5", "eq", "5", True),
    ("lt-negatives", "-2", "lt", "-1", True),
    ("gt-leading-dot", ".5", "gt", "0", True),
    ("eq-trailing-dot", "5.", "eq", "5", True),
    ("leading-space-is-zero", " 5", "eq", "0", True),
    ("trailing-space-is-zero", "5 ", "eq", "0", True),
    ("underscore-is-zero", "1_000", "eq", "0", True),
    ("hex-is-zero", "0x10", "eq", "0", True),
    ("nan-is-zero", "NaN", "eq", "0", True),
    ("inf-is-zero", "inf", "eq", "0", True),
    ("overflow-to-infinity-is-zero", "1e400", "eq", "0", True),
    ("words-are-zero", "abc", "eq", "0", True),
    ("non-ascii-digits-are-zero", "١٢", "eq", "0", True),
    ("right-side-parsed-too", "0", "eq", "ten", True),
    ("gte-equal", "7", "gte", "7.0", True),
    ("lte-greater", "8", "lte", "7", False),
    ("ne-same-value", "3", "ne", "3.0", False),
    ("is-empty-zero", "0", "is_empty", "", True),
    ("is-empty-blank", "", "is_empty", "", True),
    ("is-empty-missing-trait", None, "is_empty", "", True),
    ("is-empty-negative", "-1", "is_empty", "", False),
    ("not-empty-positive", "3", "not_empty", "", True),
    ("not-empty-negative", "-1", "not_empty", "", False),
    ("not-empty-small-fraction", "0.5", "not_empty", "", True),
)
def test_int_traits(left: str | None, operator: str, right: str, holds: bool) -> None:
    assert compares("int", left, operator, right) is holds


@cases(
    ("eq-true-true", "true", "eq", "true", True),
    ("eq-capitalised-is-false", "True", "eq", "true", False),
    ("eq-one-is-true", "1", "eq", "true", True),  # the engine's answers: "1" is true too
    ("eq-one-on-the-right", "true", "eq", "1", True),
    ("eq-t-is-false", "t", "eq", "true", False),
    ("eq-TRUE-is-false", "TRUE", "eq", "1", False),
    ("eq-false-and-no", "false", "eq", "no", True),
    ("ne-true-false", "true", "ne", "false", True),
    ("ne-true-true", "true", "ne", "true", False),
    ("is-empty-never", "", "is_empty", "", False),
    ("is-empty-never-missing", None, "is_empty", "", False),
    ("not-empty-always", "", "not_empty", "", True),
    ("not-empty-always-missing", None, "not_empty", "", True),
    ("gt-always-false", "true", "gt", "false", False),
    ("gte-always-false", "true", "gte", "true", False),
    ("lt-always-false", "false", "lt", "true", False),
    ("lte-always-false", "false", "lte", "false", False),
)
def test_bool_traits(left: str | None, operator: str, right: str, holds: bool) -> None:
    assert compares("bool", left, operator, right) is holds


INSTANT = "2024-01-16T17:44:18Z"  # the instant every accepted spelling below names


@cases(
    ("rfc3339-z", "2024-01-16T17:44:18Z", "eq", INSTANT, True),
    ("rfc3339-lowercase-t-z", "2024-01-16t17:44:18z", "eq", INSTANT, True),
    ("rfc3339-offset", "2024-01-16T12:44:18-05:00", "eq", INSTANT, True),
    ("rfc3339-positive-offset", "2024-01-17T03:14:18+09:30", "eq", INSTANT, True),
    ("rfc3339-zero-fraction", "2024-01-16T17:44:18.000Z", "eq", INSTANT, True),
    ("rfc3339-fraction-later", "2024-01-16T17:44:18.5Z", "gt", INSTANT, True),
    ("rfc3339-nanosecond-later", "2024-01-16T17:44:18.000000001Z", "gt", INSTANT, True),
    ("space-form-is-utc", "2024-01-16 17:44:18", "eq", INSTANT, True),
    ("space-form-zone-not-applied", "2024-01-16 17:44:18 PST", "eq", INSTANT, True),
    ("js-gmt-offset-applied", "Tue Jan 16 2024 12:44:18 GMT-0500", "eq", INSTANT, True),
    ("js-zone-name-not-applied", "Tue Jan 16 2024 17:44:18 EST", "eq", INSTANT, True),
    ("date-only-is-none", "2024-01-16", "is_empty", "", True),
    (
        "js-with-zone-suffix-is-none",
        "Tue Jan 16 2024 12:44:18 GMT-0500 (Eastern Standard Time)",
        "is_empty",
        "",
        True,
    ),
    ("no-zone-t-form-is-none", "2024-01-16T17:44:18", "is_empty", "", True),
    ("js-date-only-is-none", "Tue Jan 16 2024", "is_empty", "", True),
    ("epoch-seconds-is-none", "1705427058", "is_empty", "", True),
    ("impossible-day-is-none", "2024-02-30T00:00:00Z", "is_empty", "", True),
    ("hour-24-is-none", "2024-01-16T24:00:00Z", "is_empty", "", True),
    ("minute-60-is-none", "2024-01-16 17:60:00", "is_empty", "", True),
    ("empty-is-none", "", "is_empty", "", True),
    ("missing-trait-is-none", None, "is_empty", "", True),
    ("parsed-is-not-empty", INSTANT, "not_empty", "", True),
    ("parsed-is-not-is-empty", INSTANT, "is_empty", "", False),
    ("none-is-not-not-empty", "2024-01-16", "not_empty", "", False),
)
def test_date_formats(left: str | None, operator: str, right: str, holds: bool) -> None:
    assert compares("date", left, operator, right) is holds


EARLY, LATE, NONE = "2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z", "not a date"


@cases(
    ("eq-same", EARLY, "eq", EARLY, True),
    ("eq-different", EARLY, "eq", LATE, False),
    ("eq-none-none", NONE, "eq", NONE, True),
    ("eq-none-date", NONE, "eq", EARLY, False),
    ("eq-date-none", EARLY, "eq", NONE, False),
    ("ne-different", EARLY, "ne", LATE, True),
    ("ne-none-none", NONE, "ne", NONE, False),
    ("ne-date-none", EARLY, "ne", NONE, True),
    ("gt-later", LATE, "gt", EARLY, True),
    ("gt-earlier", EARLY, "gt", LATE, False),
    ("gt-equal", EARLY, "gt", EARLY, False),
    ("gt-left-none", NONE, "gt", EARLY, False),
    ("gt-right-none", EARLY, "gt", NONE, True),
    ("gt-both-none", NONE, "gt", NONE, False),
    ("gte-equal", EARLY, "gte", EARLY, True),
    ("gte-both-none", NONE, "gte", NONE, True),
    ("gte-left-none", NONE, "gte", EARLY, False),
    ("lt-earlier", EARLY, "lt", LATE, True),
    ("lt-later", LATE, "lt", EARLY, False),
    ("lt-right-none", EARLY, "lt", NONE, False),
    ("lt-left-none", NONE, "lt", EARLY, True),
    ("lt-both-none", NONE, "lt", NONE, False),
    ("lte-equal", LATE, "lte", LATE, True),
    ("lte-both-none", NONE, "lte", NONE, True),
    ("lte-right-none", EARLY, "lte", NONE, False),
    ("worked-example-date-only-value", EARLY, "gt", "2024-01-01", True),
    ("unknown-op-acts-as-eq", EARLY, "on", EARLY, True),
)
def test_date_operators(left: str | None, operator: str, right: str, holds: bool) -> None:
    assert compares("date", left, operator, right) is holds


# Preflight usage is added to int traits only.


@pytest.mark.parametrize(
    ("comparable_type", "left", "operator", "right", "options", "holds"),
    [
        ("int", "8", "gt", "10", {"usage": 3}, True),
        ("int", "8", "gt", "10", {}, False),
        # With usage, the trait is read as an integer: "8.5" is 0, and 0 + 2 is 2.
        ("int", "8.5", "eq", "10", {"usage": 2}, False),
        ("int", "8.5", "eq", "2", {"usage": 2}, True),
        ("int", "1e3", "gt", "1e3", {"usage": 2}, False),
        ("int", "8", "eq", "10.0", {"usage": 2}, True),  # the other side is still a number
        ("int", "8", "eq", "8", {"usage": 0}, True),
        ("int", None, "eq", "4", {"usage": 4}, True),
        ("int", "8", "eq", "8", {"event_usage": {"event_subtype": "x", "quantity": 5}}, True),
        ("string", "8", "eq", "8", {"usage": 3}, True),
    ],
    ids=[
        "int-usage-added",
        "int-without-usage",
        "int-usage-added-to-decimal",
        "int-usage-decimal-read-as-zero",
        "int-usage-exponent-read-as-zero",
        "int-usage-right-side-still-a-number",
        "int-zero-usage",
        "int-missing-trait-plus-usage",
        "int-event-usage-not-added",
        "string-usage-not-added",
    ],
)
def test_preflight_usage_on_traits(
    comparable_type: str,
    left: str | None,
    operator: str,
    right: str,
    options: dict[str, Any],
    holds: bool,
) -> None:
    assert compares(comparable_type, left, operator, right, **options) is holds


# Lookup: first trait of the definition; its own comparable type; the comparison trait.

SEATS = definition("trd_seats", "int")
PLAN = definition("trd_plan", "string", "user")


@pytest.mark.parametrize(
    ("cond", "company_traits", "user_traits", "holds"),
    [
        (
            condition("trait", trait_definition=SEATS, trait_value="5"),
            [trait("trd_seats", "5", "int"), trait("trd_seats", "9", "int")],
            [],
            True,
        ),
        (
            condition("trait", trait_definition=SEATS, trait_value="9"),
            [trait("trd_seats", "5", "int"), trait("trd_seats", "9", "int")],
            [],
            False,
        ),
        (
            condition("trait", trait_definition=definition("trd_seats"), trait_value="10"),
            [trait("trd_seats", "10.0", "int")],
            [],
            True,
        ),
        (
            condition("trait", trait_definition=SEATS, trait_value="10"),
            [trait("trd_seats", "10.0", "string")],
            [],
            False,
        ),
        (condition("trait", trait_definition=SEATS, trait_value="0"), [], [], True),
        (
            condition("trait", trait_definition=SEATS, trait_value="0"),
            [{"trait_definition": None, "value": "7"}],
            [],
            True,
        ),
        (
            condition("trait", trait_definition=SEATS, comparison_trait_definition=SEATS),
            [trait("trd_seats", "3", "int")],
            [],
            True,
        ),
        (
            condition(
                "trait",
                "lt",
                trait_definition=SEATS,
                trait_value="1",
                comparison_trait_definition=definition("trd_limit", "int"),
            ),
            [trait("trd_seats", "3", "int"), trait("trd_limit", "10", "int")],
            [],
            True,
        ),
        (
            condition(
                "trait",
                trait_definition=definition("trd_plan"),
                trait_value="pro",
                comparison_trait_definition=definition("trd_other"),
            ),
            [trait("trd_plan", "", "string")],
            [],
            True,
        ),
        (
            condition("trait", trait_definition=PLAN, trait_value="pro"),
            [trait("trd_plan", "pro")],
            [trait("trd_plan", "free", entity_type="user")],
            False,
        ),
        (
            condition("trait", trait_definition=PLAN, trait_value="free"),
            [trait("trd_plan", "pro")],
            [trait("trd_plan", "free", entity_type="user")],
            True,
        ),
        (
            condition(
                "trait",
                trait_definition=PLAN,
                trait_value="x",
                comparison_trait_definition=definition("trd_seats"),
            ),
            [trait("trd_seats", "x")],
            [trait("trd_plan", "x")],
            False,
        ),
        (condition("trait", "is_empty", trait_definition=None), [], [], False),
        (condition("trait", "is_empty"), [], [], False),
    ],
    ids=[
        "first-trait-of-definition-used",
        "later-trait-of-definition-ignored",
        "entity-comparable-type-wins",
        "entity-comparable-type-wins-string",
        "missing-trait-uses-condition-type",
        "trait-without-definition-skipped",
        "comparison-trait-same-definition",
        "comparison-trait-overrides-trait-value",
        "missing-comparison-trait-is-empty",
        "user-entity-reads-user-traits",
        "user-entity-value-matches",
        "comparison-trait-from-same-entity",
        "null-definition-is-false",
        "no-definition-is-false",
    ],
)
def test_trait_lookup(
    cond: dict[str, Any],
    company_traits: list[dict[str, Any]],
    user_traits: list[dict[str, Any]],
    holds: bool,
) -> None:
    result = check(cond, company=company(traits=company_traits), user=user(traits=user_traits))
    assert result is holds


@pytest.mark.parametrize(
    ("entity_type", "with_company", "with_user", "holds"),
    [
        ("company", True, False, True),
        ("company", False, True, False),
        ("user", False, True, True),
        ("user", True, False, False),
    ],
    ids=[
        "company-trait-with-company",
        "company-trait-without-company",
        "user-trait-with-user",
        "user-trait-without-user",
    ],
)
def test_trait_needs_its_entity(
    entity_type: str, with_company: bool, with_user: bool, holds: bool
) -> None:
    # An empty trait "is_empty" holds whenever the entity is there, and never without it.
    cond = condition(
        "trait", "is_empty", trait_definition=definition("trd_x", "string", entity_type)
    )
    result = check(
        cond, company=company() if with_company else None, user=user() if with_user else None
    )
    assert result is holds
