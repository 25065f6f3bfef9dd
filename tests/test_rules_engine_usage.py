"""Usage fields of a matched entitlement rule and next reset times (datastream spec 3.8, 3.9).

Times are fixed: each case passes ``now`` explicitly and spells the expected instant out.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from rules_engine_builders import (
    company,
    condition,
    definition,
    metric,
    rule,
    run,
    trait,
    user,
    utc,
)

ENTITLEMENT_TYPES = [
    "company_override",
    "plan_entitlement",
    "company_override_usage_exceeded",
    "plan_entitlement_usage_exceeded",
]
NOW = utc(2026, 3, 15, 12)


def calls(operator: str = "lt", allowance: int = 1000, **fields: Any) -> dict[str, Any]:
    defaults = {
        "event_subtype": "api",
        "metric_period": "current_month",
        "metric_period_month_reset": "first_of_month",
    }
    return condition("metric", operator, metric_value=allowance, **{**defaults, **fields})


def seats(operator: str = "lt", value: str = "10", **fields: Any) -> dict[str, Any]:
    fields = {"trait_definition": definition("trd_seats", "int"), **fields}
    return condition("trait", operator, trait_value=value, **fields)


def usage_fields(result: Any) -> tuple[Any, ...]:
    return (
        result.feature_usage,
        result.feature_allocation,
        result.feature_usage_event,
        result.feature_usage_period,
        result.feature_usage_reset_at,
    )


NO_FIELDS = (None, None, None, None, None)
ACME = company(
    metrics=[metric("api", 311, "current_month"), metric("api", 5, "all_time")],
    traits=[trait("trd_seats", "7", "int"), trait("trd_limit", "500", "int")],
)
LIMIT = definition("trd_limit", "int")


@pytest.mark.parametrize("rule_type", ENTITLEMENT_TYPES)
def test_entitlement_rules_report_metric_usage(rule_type: str) -> None:
    result = run(rule(rule_type, calls()), company=ACME, now=NOW)
    assert usage_fields(result) == (311, 1000, "api", "current_month", utc(2026, 4, 1))


@pytest.mark.parametrize(
    ("candidate", "owner", "options", "fields"),
    [
        (rule("standard", calls()), ACME, None, NO_FIELDS),
        (rule("global_override", calls()), ACME, None, NO_FIELDS),
        (rule("default", calls()), ACME, None, NO_FIELDS),
        (
            rule("plan_entitlement", calls()),
            company(),
            None,
            (0, 1000, "api", "current_month", utc(2026, 4, 1)),
        ),
        (
            rule("plan_entitlement", calls(metric_period=None, metric_period_month_reset=None)),
            ACME,
            None,
            (5, 1000, "api", "all_time", None),
        ),
        (
            rule("plan_entitlement", calls()),
            ACME,
            {"usage": 5},
            (311, 1000, "api", "current_month", utc(2026, 4, 1)),
        ),
        (
            rule(
                "plan_entitlement", condition("company", resource_ids=["comp_1"]), calls(), seats()
            ),
            ACME,
            None,
            (311, 1000, "api", "current_month", utc(2026, 4, 1)),
        ),
        (rule("plan_entitlement", seats(), calls()), ACME, None, (7, 10, None, None, None)),
        (
            rule("plan_entitlement", seats()),
            company(traits=[trait("trd_seats", "5.7", "int")]),
            None,
            (0, 10, None, None, None),
        ),
        (rule("plan_entitlement", seats(value="10.5")), ACME, None, (7, 0, None, None, None)),
        (rule("plan_entitlement", seats()), company(), None, (0, 10, None, None, None)),
        (
            rule("plan_entitlement", calls(comparison_trait_definition=LIMIT)),
            ACME,
            None,
            (311, 500, "api", "current_month", utc(2026, 4, 1)),
        ),
        (
            rule("plan_entitlement", calls("gte", comparison_trait_definition=LIMIT)),
            company(),
            None,
            (0, 1000, "api", "current_month", utc(2026, 4, 1)),
        ),
        (
            rule("plan_entitlement", seats(comparison_trait_definition=LIMIT)),
            ACME,
            None,
            (7, 500, None, None, None),
        ),
        (rule("plan_entitlement", groups=[[calls()]]), ACME, None, NO_FIELDS),
        (
            rule("plan_entitlement", condition("plan", "ne", resource_ids=["plan_x"])),
            ACME,
            None,
            NO_FIELDS,
        ),
    ],
    ids=[
        "standard-reports-nothing",
        "global-override-reports-nothing",
        "default-reports-nothing",
        "no-metric-row-is-zero-usage",
        "null-period-is-all-time-without-reset",
        "preflight-usage-not-reported",
        "first-metric-or-trait-condition-counts",
        "trait-condition-first",
        "trait-usage-decimal-is-zero",
        "trait-allocation-decimal-is-zero",
        "trait-missing-is-zero-usage",
        "comparison-trait-overrides-metric-allocation",
        "missing-comparison-trait-keeps-metric-value",
        "comparison-trait-overrides-trait-allocation",
        "group-conditions-not-consulted",
        "no-metric-or-trait-condition",
    ],
)
def test_usage_fields(
    candidate: dict[str, Any],
    owner: dict[str, Any],
    options: dict[str, Any] | None,
    fields: tuple[Any, ...],
) -> None:
    result = run(candidate, company=owner, options=options, now=NOW)
    assert result.rule_id == "rule_1"
    assert usage_fields(result) == fields


def test_trait_usage_reads_the_company_trait_even_for_a_user_trait() -> None:
    cond = seats(trait_definition=definition("trd_seats", "int", "user"))
    member = user(traits=[trait("trd_seats", "2", "int", "user")])
    result = run(rule("plan_entitlement", cond), company=ACME, user=member, now=NOW)
    assert (result.feature_usage, result.feature_allocation) == (7, 10)


def test_no_usage_fields_without_a_company() -> None:
    cond = seats(trait_definition=definition("trd_seats", "int", "user"))
    member = user(traits=[trait("trd_seats", "2", "int", "user")])
    result = run(rule("plan_entitlement", cond), user=member, now=NOW)
    assert result.rule_id == "rule_1"
    assert usage_fields(result) == NO_FIELDS


# 3.9: the next reset of each period at fixed times.


def reset_at(
    period: str | None,
    month_reset: str | None,
    now: datetime,
    subscription: dict[str, Any] | None = None,
) -> datetime | None:
    cond = calls(
        "gte", 0, metric_period=period, metric_period_month_reset=month_reset
    )  # always holds
    result = run(
        rule("plan_entitlement", cond), company=company(subscription=subscription), now=now
    )
    assert result.rule_id == "rule_1"
    return result.feature_usage_reset_at


EST = timezone(timedelta(hours=-5))


@pytest.mark.parametrize(
    ("period", "month_reset", "now", "expected"),
    [
        ("current_day", None, utc(2026, 3, 5, 9, 30), utc(2026, 3, 6)),
        ("current_day", None, utc(2026, 3, 5), utc(2026, 3, 6)),
        ("current_day", None, utc(2026, 2, 28, 10), utc(2026, 3, 1)),
        ("current_day", None, utc(2026, 12, 31, 23, 59, 59), utc(2027, 1, 1)),
        ("current_day", None, utc(1969, 12, 31, 23, 59, 59), utc(1970, 1, 1)),
        ("current_day", None, datetime(2026, 3, 5, 23, 30, tzinfo=EST), utc(2026, 3, 7)),
        ("current_day", "billing_cycle", utc(2026, 3, 5, 9, 30), utc(2026, 3, 6)),
        ("current_week", None, utc(2026, 3, 4, 10), utc(2026, 3, 8)),
        ("current_week", None, utc(2026, 3, 7, 23, 59), utc(2026, 3, 8)),
        ("current_week", None, utc(2026, 3, 8, 10), utc(2026, 3, 15)),
        ("current_week", None, utc(2026, 3, 8), utc(2026, 3, 15)),
        ("current_week", None, utc(2026, 3, 9), utc(2026, 3, 15)),
        ("current_week", None, utc(2026, 12, 30, 8), utc(2027, 1, 3)),
        ("current_week", "billing_cycle", utc(2026, 3, 4, 10), utc(2026, 3, 8)),
        ("current_month", "first_of_month", utc(2026, 3, 15, 12), utc(2026, 4, 1)),
        ("current_month", None, utc(2026, 3, 15, 12), utc(2026, 4, 1)),
        ("current_month", "first_of_month", utc(2026, 12, 31, 23), utc(2027, 1, 1)),
        ("current_month", "first_of_month", utc(2026, 4, 1), utc(2026, 5, 1)),
        ("current_month", "first_of_month", utc(2026, 1, 31, 12), utc(2026, 2, 1)),
        ("all_time", None, utc(2026, 3, 15, 12), None),
        (None, None, utc(2026, 3, 15, 12), None),
    ],
    ids=[
        "day-mid-morning",
        "day-at-midnight",
        "day-end-of-february",
        "day-end-of-year",
        "day-before-epoch",
        "day-now-with-offset",
        "day-ignores-billing-cycle",
        "week-from-wednesday",
        "week-from-saturday-night",
        "week-from-sunday-is-seven-days",
        "week-from-sunday-midnight",
        "week-from-monday",
        "week-across-new-year",
        "week-ignores-billing-cycle",
        "month-first-of-month",
        "month-null-reset",
        "month-december-rolls-over",
        "month-at-first-midnight",
        "month-from-january-31",
        "all-time-never-resets",
        "null-period-never-resets",
    ],
)
def test_calendar_resets(
    period: str | None, month_reset: str | None, now: datetime, expected: datetime | None
) -> None:
    assert reset_at(period, month_reset, now) == expected


def test_naive_now_is_read_as_utc_not_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    # In New York, 23:30 local is already the next day in UTC; a naive clock must not care.
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert reset_at("current_day", None, datetime(2026, 3, 5, 23, 30)) == utc(2026, 3, 6)
    finally:
        monkeypatch.undo()
        time.tzset()


def sub(start: str, end: str = "2027-06-01T00:00:00Z") -> dict[str, Any]:
    return {"id": "sub_1", "period_start": start, "period_end": end}


MID_MARCH = utc(2026, 3, 10, 12)


@pytest.mark.parametrize(
    ("subscription", "now", "expected"),
    [
        (None, MID_MARCH, utc(2026, 4, 1)),
        (sub("2026-03-20T10:00:00Z"), MID_MARCH, utc(2026, 3, 20, 10)),
        (sub("2026-05-03T00:00:00Z"), MID_MARCH, utc(2026, 4, 1)),
        (sub("2026-03-20T10:00:00Z", "2026-03-15T00:00:00Z"), MID_MARCH, utc(2026, 3, 20, 10)),
        (sub("2026-01-20T10:00:00Z"), MID_MARCH, utc(2026, 3, 20, 10)),
        (sub("2026-01-05T10:00:00Z"), MID_MARCH, utc(2026, 4, 5, 10)),
        (sub("2026-01-05T10:00:00Z"), utc(2026, 3, 5, 10), utc(2026, 4, 5, 10)),
        (sub("2026-01-05T10:00:00Z"), utc(2026, 3, 5, 9), utc(2026, 3, 5, 10)),
        (sub("2025-12-31T10:00:00Z"), utc(2026, 1, 31, 12), utc(2026, 2, 28, 10)),
        (sub("2025-11-30T10:00:00Z"), utc(2026, 1, 30, 12), utc(2026, 2, 28, 10)),
        (
            sub("2027-12-31T10:00:00Z", "2029-01-01T00:00:00Z"),
            utc(2028, 1, 31, 12),
            utc(2028, 2, 29, 10),
        ),
        (sub("2026-01-31T10:00:00Z"), utc(2026, 3, 31, 12), utc(2026, 4, 30, 10)),
        (sub("2026-01-15T00:00:00Z"), utc(2026, 12, 20), utc(2027, 1, 15)),
        (sub("2026-01-31T10:00:00Z"), utc(2026, 4, 10), None),
        (sub("2026-01-29T10:00:00Z"), utc(2026, 2, 10), None),
        (sub("2026-01-31T10:00:00Z", "2026-02-28T00:00:00Z"), utc(2026, 4, 10), None),
        (sub("2026-01-20T10:00:00Z", "2026-03-15T00:00:00Z"), MID_MARCH, utc(2026, 3, 15)),
        (sub("2026-01-20T10:00:00Z", "2026-02-20T10:00:00Z"), MID_MARCH, utc(2026, 2, 20, 10)),
        (sub("2026-01-20"), MID_MARCH, None),
        (sub("2026-01-20T10:00:00"), MID_MARCH, None),
        (sub("2026-01-20T10:00:00Z", "soon"), MID_MARCH, None),
        (sub("2026-01-20T02:00:00+05:00"), MID_MARCH, utc(2026, 3, 19, 21)),
        (sub("2026-01-20T10:00:00.123456789Z"), MID_MARCH, utc(2026, 3, 20, 10, 0, 0, 123456)),
    ],
    ids=[
        "no-subscription-first-of-month",
        "future-start-before-next-month",
        "future-start-after-next-month",
        "future-start-ignores-period-end",
        "anchor-later-this-month",
        "anchor-passed-moves-a-month",
        "anchor-equal-to-now-moves-a-month",
        "anchor-later-today",
        "day-31-clamps-to-february-28",
        "day-30-clamps-to-february-28",
        "day-31-clamps-to-leap-february-29",
        "day-31-clamps-to-april-30",
        "december-rolls-into-january",
        "day-31-missing-from-april",
        "day-29-missing-from-february-2026",
        "missing-day-wins-over-past-end",
        "period-end-before-anchor",
        "period-end-in-the-past",
        "date-only-start-gives-none",
        "zoneless-start-gives-none",
        "unparsable-end-gives-none",
        "start-offset-read-in-utc",
        "start-fraction-kept-to-microseconds",
    ],
)
def test_billing_cycle_resets(
    subscription: dict[str, Any] | None, now: datetime, expected: datetime | None
) -> None:
    assert reset_at("current_month", "billing_cycle", now, subscription) == expected
