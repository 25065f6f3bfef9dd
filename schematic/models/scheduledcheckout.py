"""Models for scheduled checkouts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from ._base import Model

ScheduledCheckoutStatus = Literal["cancelled", "error", "executing", "pending", "success"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateScheduledCheckoutRequest(Model):
    company_id: str
    execute_after: datetime
    from_plan_id: str
    to_plan_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledCheckoutResponseData(Model):
    actor_type: str | None
    company_id: str | None
    created_at: datetime | None
    execute_after: datetime | None
    from_plan_id: str | None
    id: str | None
    status: ScheduledCheckoutStatus | None
    to_plan_id: str | None
    updated_at: datetime | None
    completed_at: datetime | None = None
    error_message: str | None = None
    scheduled_interval: str | None = None
    scheduled_price: int | None = None
    started_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateScheduledCheckoutRequest(Model):
    execute_after: datetime | None = None
    status: ScheduledCheckoutStatus | None = None
