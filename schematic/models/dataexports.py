"""Models for data exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, TypeAlias

from ._base import Model

DataExportOutputFileType = Literal["csv", "csv.gz"]

DataExportStatus = Literal["failure", "pending", "success"]

DataExportType = Literal["audit-log", "company-feature-usage", "event"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditLogExportMetadata(Model):
    export_type: Literal["audit-log"]
    actor_type: str | None = None
    end_time: datetime | None = None
    notification_email_recipient_email_addresses: list[str] | None = None
    q: str | None = None
    start_time: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyFeatureUsageExportMetadata(Model):
    export_type: Literal["company-feature-usage"]
    company_ids: list[str] | None = None
    credit_type_ids: list[str] | None = None
    entity_key_definition_ids: list[str] | None = None
    entity_trait_definition_ids: list[str] | None = None
    feature_ids: list[str] | None = None
    has_scheduled_downgrade: bool | None = None
    monetized_subscriptions: bool | None = None
    notification_email_recipient_email_addresses: list[str] | None = None
    plan_id: str | None = None
    plan_ids: list[str] | None = None
    plan_version_id: str | None = None
    plan_version_unpublished: bool | None = None
    q: str | None = None
    sort_order_column: str | None = None
    sort_order_direction: Literal["asc", "desc"] | None = None
    subscription_statuses: list[str] | None = None
    subscription_types: list[str] | None = None
    visible_columns: list[Literal["plan", "subscription", "users", "last_seen_at"]] | None = None
    with_entitlement_for: str | None = None
    with_subscription: bool | None = None
    without_feature_override_for: str | None = None
    without_plan: bool | None = None
    without_subscription: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateDataExportRequestBody(Model):
    export_type: DataExportType
    output_file_type: DataExportOutputFileType
    metadata: DataExportMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DataExportResponseData(Model):
    account_id: str | None
    created_at: datetime | None
    environment_id: str | None
    export_type: DataExportType | None
    id: str | None
    output_file_type: DataExportOutputFileType | None
    status: DataExportStatus | None
    updated_at: datetime | None
    metadata: DataExportMetadata | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventExportMetadata(Model):
    export_type: Literal["event"]
    company_id: str | None = None
    end_time: datetime | None = None
    event_subtype: str | None = None
    event_types: list[Literal["flag_check", "identify", "inference", "track"]] | None = None
    flag_id: str | None = None
    notification_email_recipient_email_addresses: list[str] | None = None
    start_time: datetime | None = None
    user_id: str | None = None


DataExportMetadata: TypeAlias = (
    CompanyFeatureUsageExportMetadata | AuditLogExportMetadata | EventExportMetadata
)
