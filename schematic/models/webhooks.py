"""Models for webhooks, webhook events and webhook payloads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from ._base import Model, wire

if TYPE_CHECKING:
    from .common import FeatureView
    from .companies import CompanyDetailResponseData, CompanyResponseData, PlanSnapshotView
    from .entitlements import CreditUsage
    from .events import EventType
    from .integrationsapi import IntegrationType


WebhookEventStatus = Literal["failure", "pending", "success"]

WebhookRequestType = Literal[
    "subscription.trial.ended",
    "company.created",
    "company.deleted",
    "company.override.created",
    "company.override.deleted",
    "company.override.expired",
    "company.override.updated",
    "company.plan_changed",
    "company.scheduled_downgrade",
    "company.updated",
    "credit.limit.reached",
    "credit.limit.warning",
    "credit.purchase.success",
    "entitlement.limit.reached",
    "entitlement.limit.warning",
    "entitlement.soft_limit.reached",
    "entitlement.soft_limit.warning",
    "entitlement.tier_limit.reached",
    "entitlement.tier_limit.warning",
    "feature.created",
    "feature.deleted",
    "feature.updated",
    "flag.created",
    "flag.deleted",
    "flag_rules.updated",
    "flag.updated",
    "plan.created",
    "plan.deleted",
    "plan.entitlement.created",
    "plan.entitlement.deleted",
    "plan.entitlement.updated",
    "plan.updated",
    "plan_version.deleted",
    "rule.deleted",
    "test.send",
    "user.created",
    "user.deleted",
    "user.updated",
    "auto.topup.hard.failure",
    "auto.topup.retry.exceeded",
    "auto.topup.success",
]

WebhookStatus = Literal["active", "inactive"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateWebhookRequestBody(Model):
    name: str
    request_types: list[WebhookRequestType]
    url: str
    credit_trigger_configs: list[CreditTriggerConfig] | None = None
    entitlement_trigger_configs: list[EntitlementTriggerConfig] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditTriggerConfig(Model):
    credit_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsAutoTopupCompanySummary(Model):
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsAutoTopupCreditSummary(Model):
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsAutoTopupHardFailure(Model):
    company: CreditsAutoTopupCompanySummary | None = None
    credit: CreditsAutoTopupCreditSummary | None = None
    error_message: str | None = None
    stripe_error_code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsAutoTopupRetryFailure(Model):
    consecutive_failures: int | None
    company: CreditsAutoTopupCompanySummary | None = None
    credit: CreditsAutoTopupCreditSummary | None = None
    last_error_message: str | None = None
    stripe_error_code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsAutoTopupSuccess(Model):
    grant_id: str | None
    quantity: int | None
    company: CreditsAutoTopupCompanySummary | None = None
    credit: CreditsAutoTopupCreditSummary | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsCreditPurchaseSuccess(Model):
    bundle_id: str | None
    bundle_name: str | None
    grant_ids: list[str] | None
    quantity: int | None
    company: CreditsWebhookCompanySummary | None = None
    credit: CreditsWebhookCreditSummary | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsWebhookCompanySummary(Model):
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditsWebhookCreditSummary(Model):
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataEventPayload(Model):
    api_key: str | None
    type: EventType | None
    backfill: bool | None = None
    body: dict[str, Any] | None = None
    idempotency_key: str | None = None
    sent_at: datetime | None = None
    trusted_client_clock: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntitlementTriggerConfig(Model):
    feature_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TestWebhookRequestBody(Model):
    request_type: WebhookRequestType


@dataclass(frozen=True, slots=True, kw_only=True)
class TestWebhookResponseData(Model):
    response_code: int | None
    success: bool | None
    failure_reason: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateWebhookRequestBody(Model):
    credit_trigger_configs: list[CreditTriggerConfig] | None = None
    entitlement_trigger_configs: list[EntitlementTriggerConfig] | None = None
    name: str | None = None
    request_types: list[WebhookRequestType] | None = None
    status: WebhookStatus | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WebFeatureUsageWebhookOutput(Model):
    entitlement: str | None = field(metadata=wire("Entitlement"))
    allocation: int | None = field(default=None, metadata=wire("Allocation"))
    credit_usage: CreditUsage | None = field(default=None, metadata=wire("CreditUsage"))
    feature: FeatureView | None = field(default=None, metadata=wire("Feature"))
    metric_reset_at: datetime | None = field(default=None, metadata=wire("MetricResetAt"))
    usage: int | None = field(default=None, metadata=wire("Usage"))
    company: CompanyDetailResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WebScheduledDowngradeWebhookOutput(Model):
    execute_after: datetime | None
    id: str | None
    company: CompanyResponseData | None = None
    from_plan: PlanSnapshotView | None = None
    scheduled_interval: str | None = None
    scheduled_price: int | None = None
    to_plan: PlanSnapshotView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookEventDetailResponseData(Model):
    created_at: datetime | None
    id: str | None
    request_type: WebhookRequestType | None
    status: WebhookEventStatus | None
    updated_at: datetime | None
    webhook_id: str | None
    payload: str | None = None
    response_code: int | None = None
    sent_at: datetime | None = None
    webhook: WebhookResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookEventResponseData(Model):
    created_at: datetime | None
    id: str | None
    request_type: WebhookRequestType | None
    status: WebhookEventStatus | None
    updated_at: datetime | None
    webhook_id: str | None
    payload: str | None = None
    response_code: int | None = None
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookResponseData(Model):
    created_at: datetime | None
    id: str | None
    name: str | None
    request_types: list[WebhookRequestType] | None
    secret: str | None
    status: WebhookStatus | None
    updated_at: datetime | None
    url: str | None
    credit_trigger_configs: list[CreditTriggerConfig] | None = None
    entitlement_trigger_configs: list[EntitlementTriggerConfig] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WebhookUrl(Model):
    type: IntegrationType | None
    url: str | None
