"""Models for account, environments, API keys and audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .integrationsapi import IntegrationState, IntegrationType


AccountMemberPermission = Literal[
    "companies_edit",
    "company_users_edit",
    "components_edit",
    "custom_plans_edit",
    "data_exports_edit",
    "features_edit",
    "flag_rules_edit",
    "flags_edit",
    "overrides_edit",
    "plan_billing_edit",
    "plan_entitlements_edit",
    "plan_versions_edit",
    "plans_edit",
    "webhooks_edit",
    "webhooks_reveal_secret",
]

AccountMemberRole = Literal["admin", "member"]

ActorType = Literal["api_key", "app_user", "stripe_app", "system", "temporary_access_token"]

ApiKeyScope = Literal["admin", "capture", "read", "write"]

EnvironmentType = Literal["development", "production", "staging"]

OnboardingMilestone = Literal["evaluated", "implemented"]

OnboardingPath = Literal["agent", "app"]

OnboardingRequirement = Literal[
    "connect_billing",
    "create_api_key",
    "first_flag_check",
    "import_companies",
    "model_packaging",
    "send_events",
]

OnboardingRequirementStatus = Literal["available", "blocked", "complete"]

OnboardingTrack = Literal["catalog", "single_plan"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AccountMemberResponseData(Model):
    created_at: datetime | None
    id: str | None
    permissions: dict[str, list[AccountMemberPermission]] | None
    updated_at: datetime | None
    email: str | None = None
    first_name: str | None = None
    image_url: str | None = None
    last_name: str | None = None
    name: str | None = None
    role: AccountMemberRole | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiKeyCreateResponseData(Model):
    created_at: datetime | None
    id: str | None
    name: str | None
    readonly: bool | None
    scopes: list[ApiKeyScope] | None
    secret: str | None
    updated_at: datetime | None
    description: str | None = None
    environment: EnvironmentResponseData | None = None
    environment_id: str | None = None
    integration: ApiKeyIntegrationResponseData | None = None
    last_used_at: datetime | None = None
    rate_limit_percent: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiKeyIntegrationResponseData(Model):
    id: str | None
    state: IntegrationState | None
    type: IntegrationType | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiKeyResponseData(Model):
    created_at: datetime | None
    id: str | None
    name: str | None
    readonly: bool | None
    scopes: list[ApiKeyScope] | None
    updated_at: datetime | None
    description: str | None = None
    environment: EnvironmentResponseData | None = None
    environment_id: str | None = None
    integration: ApiKeyIntegrationResponseData | None = None
    last_used_at: datetime | None = None
    rate_limit_percent: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditLogListResponseData(Model):
    actor_type: ActorType | None
    id: str | None
    method: str | None
    started_at: datetime | None
    url: str | None
    api_key: ApiKeyResponseData | None = None
    api_key_id: str | None = None
    ended_at: datetime | None = None
    environment: EnvironmentResponseData | None = None
    environment_id: str | None = None
    resource_id: int | None = None
    resource_id_string: str | None = None
    resource_name: str | None = None
    resource_type: str | None = None
    resp_code: int | None = None
    secondary_resource: str | None = None
    user_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditLogResponseData(Model):
    actor_type: ActorType | None
    id: str | None
    method: str | None
    started_at: datetime | None
    url: str | None
    api_key: ApiKeyResponseData | None = None
    api_key_id: str | None = None
    ended_at: datetime | None = None
    environment: EnvironmentResponseData | None = None
    environment_id: str | None = None
    req_body: str | None = None
    resource_id: int | None = None
    resource_id_string: str | None = None
    resource_name: str | None = None
    resource_type: str | None = None
    resp_body: str | None = None
    resp_code: int | None = None
    secondary_resource: str | None = None
    user_id: str | None = None
    user_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateApiKeyRequestBody(Model):
    name: str
    description: str | None = None
    environment_id: str | None = None
    rate_limit_percent: int | None = None
    readonly: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateEnvironmentRequestBody(Model):
    environment_type: EnvironmentType
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentDetailResponseData(Model):
    api_keys: list[ApiKeyResponseData] | None
    created_at: datetime | None
    environment_type: EnvironmentType | None
    id: str | None
    name: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentResponseData(Model):
    created_at: datetime | None
    environment_type: EnvironmentType | None
    id: str | None
    name: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetOnboardingStateResp(Model):
    milestones: list[OnboardingMilestoneView] | None
    requirements: list[OnboardingRequirementView] | None
    suggested_next: list[OnboardingRequirement] | None
    environment_id: str | None = None
    path: OnboardingPath | None = None
    track: OnboardingTrack | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OnboardingMilestoneView(Model):
    id: OnboardingMilestone | None
    missing: list[OnboardingRequirement] | None
    progress: float | None
    reached_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OnboardingRequirementView(Model):
    id: OnboardingRequirement | None
    status: OnboardingRequirementStatus | None
    blocked_by: list[OnboardingRequirement] | None = None
    reached_at: datetime | None = None
    satisfied_by: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class QuickstartResp(Model):
    ok: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateApiKeyRequestBody(Model):
    description: str | None = None
    name: str | None = None
    rate_limit_percent: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateEnvironmentRequestBody(Model):
    environment_type: EnvironmentType | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateOnboardingStateRequestBody(Model):
    path: OnboardingPath | None = None
    pricing_page_url: str | None = None
    track: OnboardingTrack | None = None
    website_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WhoAmIResponseData(Model):
    account_id: str | None
    account_name: str | None
    actor_type: ActorType | None
    environments: list[EnvironmentResponseData] | None
    onboarding_complete: bool | None
    api_key_id: str | None = None
    environment_id: str | None = None
    stripe_user_id: str | None = None
    user_id: str | None = None
    user_name: str | None = None
