"""Models for third-party integrations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ._base import Model

if TYPE_CHECKING:
    from .companies import IntegrationResponseData


CompanyMatchingCriteria = Literal["billing_meta_object", "manual_upsert"]

IntegrationState = Literal["active", "created", "pending"]

IntegrationType = Literal["clerk", "metronome", "orb", "stripe", "unknown", "workos"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClerkIntegrationConfig(Model):
    type: Literal["clerk"] | None
    first_events_received: bool | None = None
    webhook_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InstallIntegrationRequestBody(Model):
    type: IntegrationType
    company_matching_criteria: CompanyMatchingCriteria | None = None
    company_matching_field: str | None = None
    config: dict[str, Any] | None = None
    is_sandbox: bool | None = None
    live_mode: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationCapabilities(Model):
    author_plans: bool | None
    checkout: bool | None
    edit_billing: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationInstallConfig(Model):
    created_at: datetime | None
    id: str | None
    integration_id: str | None
    is_app_install: bool | None
    is_connect_install: bool | None
    live_mode: bool | None
    updated_at: datetime | None
    company_matching_criteria: CompanyMatchingCriteria | None = None
    company_matching_field: str | None = None
    config: IntegrationConfig | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationInstallResponseData(Model):
    capabilities: IntegrationCapabilities | None
    config: IntegrationInstallConfig | None
    integration: IntegrationResponseData | None


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationWebhookUrlResponseData(Model):
    type: IntegrationType | None
    url: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationsDataSetResponseData(Model):
    keys: list[str] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationsListResponseData(Model):
    capabilities: IntegrationCapabilities | None
    id: str | None
    is_app_install: bool | None
    is_connect_install: bool | None
    state: IntegrationState | None
    type: IntegrationType | None
    config: IntegrationConfig | None = None
    last_webhook_received_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationsResponseData(Model):
    created_at: datetime | None
    id: str | None
    state: IntegrationState | None
    type: IntegrationType | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MetronomeIntegrationConfig(Model):
    type: Literal["metronome"] | None
    external_customer_id_key: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrbIntegrationConfig(Model):
    type: Literal["orb"] | None
    external_customer_id_key: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StartDataImportRequestBody(Model):
    integration_id: str
    company_matching_criteria: CompanyMatchingCriteria | None = None
    company_matching_field: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class StripeIntegrationConfig(Model):
    is_sandbox: bool | None
    live_mode: bool | None
    type: Literal["stripe"] | None
    account_id: str | None = None
    account_name: str | None = None
    company_update_only: bool | None = None
    onboard_url: str | None = None
    return_to: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkOSIntegrationConfig(Model):
    type: Literal["workos"] | None
    first_events_received: bool | None = None
    webhook_url: str | None = None


IntegrationConfig: TypeAlias = (
    StripeIntegrationConfig
    | OrbIntegrationConfig
    | ClerkIntegrationConfig
    | WorkOSIntegrationConfig
    | MetronomeIntegrationConfig
)
