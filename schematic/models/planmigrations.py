"""Models for plan version migrations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .plans import MigrationProrationBehavior, PlanType, PlanVersionMigrationStrategy


MigrationErrorCode = Literal[
    "ambiguous_subscription_item",
    "multiple_subscriptions",
    "no_price_for_interval",
    "not_on_origin_version",
    "operation_item_not_found",
    "permanent_config",
    "permanent_decline",
    "transient_decline",
    "transient_infra",
    "transient_stripe",
    "unknown",
    "would_leave_empty_subscription",
]

PlanVersionCompanyMigrationStatus = Literal[
    "completed", "failed", "in_progress", "pending", "skipped"
]

PlanVersionMigrationStatus = Literal["completed", "failed", "in_progress", "pending"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateMigrationInput(Model):
    plan_id: str
    plan_version_id_to: str
    strategy: PlanVersionMigrationStrategy
    target_plan_type: PlanType
    company_ids: list[str] | None = None
    excluded_company_ids: list[str] | None = None
    plan_version_ids_from: list[str] | None = None
    proration_behavior: MigrationProrationBehavior | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersionCompanyMigrationResponseData(Model):
    company_id: str | None
    company_name: str | None
    created_at: datetime | None
    id: str | None
    migration_id: str | None
    status: PlanVersionCompanyMigrationStatus | None
    updated_at: datetime | None
    completed_at: datetime | None = None
    error: str | None = None
    error_code: MigrationErrorCode | None = None
    plan_version_id_from: str | None = None
    started_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersionMigrationPreviewCompanyResponseData(Model):
    company_id: str | None
    has_billing_changes: bool | None
    has_custom_pricing: bool | None
    will_update_subscription: bool | None
    would_fail: bool | None
    note: str | None = None
    plan_version_id_from: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersionMigrationPreviewResponseData(Model):
    companies: list[PlanVersionMigrationPreviewCompanyResponseData] | None
    has_billing_changes: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersionMigrationResponseData(Model):
    completed_companies: int | None
    created_at: datetime | None
    failed_companies: int | None
    id: str | None
    plan_id: str | None
    plan_version_id_to: str | None
    plan_version_ids_from: list[str] | None
    skipped_companies: int | None
    status: PlanVersionMigrationStatus | None
    strategy: PlanVersionMigrationStrategy | None
    total_companies: int | None
    updated_at: datetime | None
    completed_at: datetime | None = None
    error: str | None = None
    plan_version_id_from: str | None = None
    proration_behavior: MigrationProrationBehavior | None = None
    started_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewMigrationRequestBody(Model):
    plan_id: str
    plan_version_id_to: str
    target_plan_type: PlanType
    company_ids: list[str] | None = None
    plan_version_ids_from: list[str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryMigrationRequestBody(Model):
    error_codes: list[MigrationErrorCode]
