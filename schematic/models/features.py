"""Models for features, flags and flag checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .accounts import AccountMemberResponseData
    from .billing import BillingProductResponseData, BillingProviderType
    from .companies import EntityTraitDefinitionResponseData, EntityType, TrialStatus
    from .credits import PreviewObjectResponseData
    from .entitlements import EntitlementValueType, MetricPeriodMonthReset
    from .events import EventSummaryResponseData


ComparableOperator = Literal["eq", "gt", "gte", "is_empty", "lt", "lte", "not_empty", "ne"]

ConditionType = Literal[
    "base_plan",
    "billing_product",
    "company",
    "credit",
    "metric",
    "plan",
    "plan_version",
    "trait",
    "user",
]

FeatureLifecyclePhase = Literal[
    "add_on",
    "alpha",
    "beta",
    "deprecated",
    "ga",
    "inactive",
    "in_plan",
    "internal_testing",
    "legacy",
]

FeatureType = Literal["boolean", "event", "license", "trait"]

FlagType = Literal["boolean"]

MetricPeriod = Literal["all_time", "current_day", "current_month", "current_week"]

RuleType = Literal[
    "company_override",
    "company_override_usage_exceeded",
    "default",
    "global_override",
    "plan_entitlement",
    "plan_entitlement_usage_exceeded",
    "standard",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingLinkedResourceResponseData(Model):
    billing_provider: BillingProviderType | None
    external_resource_id: str | None
    originator: BillingProviderType | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckFlagRequestBody(Model):
    company: dict[str, str] | None = None
    preflight: PreflightRequestBody | None = None
    user: dict[str, str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckFlagResponseData(Model):
    flag: str | None
    reason: str | None
    value: bool | None
    company_id: str | None = None
    entitlement: FeatureEntitlement | None = None
    error: str | None = None
    feature_allocation: int | None = None
    feature_usage: int | None = None
    feature_usage_event: str | None = None
    feature_usage_period: MetricPeriod | None = None
    feature_usage_reset_at: datetime | None = None
    flag_id: str | None = None
    rule_id: str | None = None
    rule_type: RuleType | None = None
    user_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckFlagsBulkRequestBody(Model):
    contexts: list[CheckFlagRequestBody]


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckFlagsBulkResponseData(Model):
    data: list[CheckFlagsResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckFlagsResponseData(Model):
    flags: list[CheckFlagResponseData] | None
    credit_balances: dict[str, CompanyCreditBalance] | None = None
    plan: DatastreamCompanyPlan | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyCreditBalance(Model):
    remaining: float | None
    reserved: float | None
    settled: float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingLinkedFeatureRequestBody(Model):
    billing_provider: BillingProviderType
    description: str
    external_resource_id: str
    feature_type: FeatureType
    name: str
    event_subtype: str | None = None
    flag: CreateOrUpdateFlagRequestBody | None = None
    icon: str | None = None
    lifecycle_phase: FeatureLifecyclePhase | None = None
    maintainer_account_member_id: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None
    trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateFeatureRequestBody(Model):
    description: str
    feature_type: FeatureType
    name: str
    event_subtype: str | None = None
    flag: CreateOrUpdateFlagRequestBody | None = None
    icon: str | None = None
    lifecycle_phase: FeatureLifecyclePhase | None = None
    maintainer_account_member_id: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None
    trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateFlagRequestBody(Model):
    default_value: bool
    description: str
    flag_type: FlagType
    key: str
    name: str
    feature_id: str | None = None
    maintainer_account_member_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateOrUpdateConditionGroupRequestBody(Model):
    conditions: list[CreateOrUpdateConditionRequestBody]
    flag_id: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateOrUpdateConditionRequestBody(Model):
    condition_type: ConditionType
    operator: ComparableOperator
    resource_ids: list[str]
    comparison_trait_id: str | None = None
    credit_cost: float | None = None
    credit_id: str | None = None
    event_subtype: str | None = None
    id: str | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    metric_value: int | None = None
    trait_id: str | None = None
    trait_value: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateOrUpdateFlagRequestBody(Model):
    default_value: bool
    description: str
    flag_type: FlagType
    key: str
    name: str
    feature_id: str | None = None
    id: str | None = None
    maintainer_account_member_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateOrUpdateRuleRequestBody(Model):
    condition_groups: list[CreateOrUpdateConditionGroupRequestBody]
    conditions: list[CreateOrUpdateConditionRequestBody]
    name: str
    priority: int
    value: bool
    id: str | None = None
    rule_type: RuleType | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DatastreamCompanyPlan(Model):
    id: str | None
    name: str | None
    trial_end_date: datetime | None = None
    trial_status: TrialStatus | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureDetailResponseData(Model):
    created_at: datetime | None
    description: str | None
    feature_type: FeatureType | None
    flags: list[FlagDetailResponseData] | None
    icon: str | None
    id: str | None
    name: str | None
    plans: list[PreviewObject] | None
    updated_at: datetime | None
    billing_linked_resource: BillingLinkedResourceResponseData | None = None
    billing_product: BillingProductResponseData | None = None
    event_subtype: str | None = None
    event_summary: EventSummaryResponseData | None = None
    license_id: str | None = None
    lifecycle_phase: FeatureLifecyclePhase | None = None
    maintainer: AccountMemberResponseData | None = None
    maintainer_account_member_id: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None
    trait: EntityTraitDefinitionResponseData | None = None
    trait_id: str | None = None
    usage_limit_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureEntitlement(Model):
    feature_id: str | None
    feature_key: str | None
    value_type: EntitlementValueType | None
    allocation: int | None = None
    consumption_rate: float | None = None
    credit_id: str | None = None
    credit_remaining: float | None = None
    credit_reserved: float | None = None
    credit_settled: float | None = None
    credit_total: float | None = None
    credit_used: float | None = None
    event_name: str | None = None
    event_subtype: str | None = None
    metric_period: MetricPeriod | None = None
    metric_reset_at: datetime | None = None
    month_reset: MetricPeriodMonthReset | None = None
    soft_limit: int | None = None
    usage: int | None = None
    warning_tiers: list[WarningTier] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureResponseData(Model):
    created_at: datetime | None
    description: str | None
    feature_type: FeatureType | None
    icon: str | None
    id: str | None
    name: str | None
    updated_at: datetime | None
    event_subtype: str | None = None
    license_id: str | None = None
    lifecycle_phase: FeatureLifecyclePhase | None = None
    maintainer_account_member_id: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None
    trait_id: str | None = None
    usage_limit_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FlagDetailResponseData(Model):
    created_at: datetime | None
    default_value: bool | None
    description: str | None
    flag_type: FlagType | None
    id: str | None
    key: str | None
    name: str | None
    rules: list[RuleDetailResponseData] | None
    updated_at: datetime | None
    feature: FeatureResponseData | None = None
    feature_id: str | None = None
    last_checked_at: datetime | None = None
    maintainer: AccountMemberResponseData | None = None
    maintainer_account_member_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FlagResponseData(Model):
    created_at: datetime | None
    default_value: bool | None
    description: str | None
    flag_type: FlagType | None
    id: str | None
    key: str | None
    name: str | None
    updated_at: datetime | None
    feature_id: str | None = None
    maintainer_account_member_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreflightEventUsageRequestBody(Model):
    event_subtype: str
    quantity: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PreflightRequestBody(Model):
    credit_cost: dict[str, float] | None = None
    event_usage: PreflightEventUsageRequestBody | None = None
    usage: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewObject(Model):
    id: str | None
    name: str | None
    description: str | None = None
    image_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleConditionDetailResponseData(Model):
    condition_type: ConditionType | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    operator: ComparableOperator | None
    resource_ids: list[str] | None
    resources: list[PreviewObjectResponseData] | None
    rule_id: str | None
    trait_value: str | None
    updated_at: datetime | None
    comparison_trait: EntityTraitDefinitionResponseData | None = None
    comparison_trait_id: str | None = None
    condition_group_id: str | None = None
    event_subtype: str | None = None
    flag_id: str | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    metric_value: int | None = None
    trait: EntityTraitDefinitionResponseData | None = None
    trait_entity_type: EntityType | None = None
    trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleConditionGroupDetailResponseData(Model):
    conditions: list[RuleConditionDetailResponseData] | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    rule_id: str | None
    updated_at: datetime | None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleDetailResponseData(Model):
    condition_groups: list[RuleConditionGroupDetailResponseData] | None
    conditions: list[RuleConditionDetailResponseData] | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    name: str | None
    priority: int | None
    rule_type: RuleType | None
    updated_at: datetime | None
    value: bool | None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesDetailResponseData(Model):
    rules: list[RuleDetailResponseData] | None
    flag: FlagResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateFeatureRequestBody(Model):
    description: str | None = None
    event_subtype: str | None = None
    feature_type: FeatureType | None = None
    flag: CreateOrUpdateFlagRequestBody | None = None
    icon: str | None = None
    lifecycle_phase: FeatureLifecyclePhase | None = None
    maintainer_account_member_id: str | None = None
    name: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None
    trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateFlagRulesRequestBody(Model):
    rules: list[CreateOrUpdateRuleRequestBody]


@dataclass(frozen=True, slots=True, kw_only=True)
class WarningTier(Model):
    key: str | None
    value: int | None
