"""When a metric period next resets, in UTC.

Calendar periods reset at UTC midnight: daily, on Sundays, or on the 1st of the month. A
monthly period tied to the billing cycle resets on the subscription's day of the month.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

from ._values import parse_rfc3339


def next_reset(
    period: str | None,
    month_reset: str | None,
    subscription: Mapping[str, Any] | None,
    now: datetime,
) -> datetime | None:
    """The next reset of a metric period after ``now`` (UTC), or ``None`` if it never resets.

    Args:
        period: ``current_day``, ``current_week``, ``current_month``, ``all_time`` or ``None``.
        month_reset: ``first_of_month``, ``billing_cycle`` or ``None``; used by months only.
        subscription: the company's ``subscription`` object, or ``None``.
        now: the current time, in UTC.

    Example: ``next_reset("current_day", None, None, datetime(2026, 3, 5, 9, tzinfo=UTC))``
    is ``datetime(2026, 3, 6, tzinfo=UTC)``.
    """
    if period == "current_day":
        return _midnight(now) + timedelta(days=1)
    if period == "current_week":
        # Python counts Monday as 0; a Sunday waits a full week.
        return _midnight(now) + timedelta(days=7 - (now.weekday() + 1) % 7)
    if period != "current_month":
        return None
    if month_reset == "billing_cycle":
        return _billing_reset(subscription, now)
    return _first_of_next_month(now)


def _billing_reset(subscription: Mapping[str, Any] | None, now: datetime) -> datetime | None:
    if subscription is None:
        return _first_of_next_month(now)
    start = parse_rfc3339(subscription["period_start"])
    end = parse_rfc3339(subscription["period_end"])
    if start is None or end is None:
        return None
    if start > now:
        return min(start, _first_of_next_month(now))
    if start.day > calendar.monthrange(now.year, now.month)[1]:
        # The production engine gives up here rather than rolling into the next month.
        return None
    anchor = now.replace(
        day=start.day,
        hour=start.hour,
        minute=start.minute,
        second=start.second,
        microsecond=start.microsecond,
    )
    if anchor <= now:
        anchor = _add_month_clamped(anchor)
    return min(anchor, end)


def _midnight(now: datetime) -> datetime:
    return datetime(now.year, now.month, now.day, tzinfo=timezone.utc)


def _first_of_next_month(now: datetime) -> datetime:
    if now.month == 12:
        return datetime(now.year + 1, 1, 1, tzinfo=timezone.utc)
    return datetime(now.year, now.month + 1, 1, tzinfo=timezone.utc)


def _add_month_clamped(moment: datetime) -> datetime:
    """One month later on the same day, or the month's last day when it is shorter."""
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
