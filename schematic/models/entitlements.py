"""Models for entitlements: plan entitlements, company overrides and feature usage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .billing import (
        BillingPriceView,
        BillingProductResponseData,
        BillingProviderType,
        BillingTiersMode,
    )
    from .companies import (
        CompanyDetailResponseData,
        EntityTraitDefinitionResponseData,
        UserResponseData,
    )
    from .credits import BillingCreditResponseData
    from .events import EventSummaryResponseData
    from .features import (
        BillingLinkedResourceResponseData,
        FeatureDetailResponseData,
        FeatureLifecyclePhase,
        FeatureResponseData,
        FeatureType,
        FlagType,
        MetricPeriod,
        PreviewObject,
        RuleDetailResponseData,
    )
    from .plans import PlanIcon, PlanIssueResponseData, PlanType


BillingCreditGrantReason = Literal[
    "adjustment", "billing_credit_auto_topup", "free", "plan", "purchased", "rollover"
]

EntitlementPriceBehavior = Literal[
    "credit_burndown", "overage", "pay_as_you_go", "pay_in_advance", "tier"
]

EntitlementType = Literal["company_override", "plan_entitlement", "unknown"]

EntitlementValueType = Literal["boolean", "credit", "numeric", "trait", "unknown", "unlimited"]

MetricPeriodMonthReset = Literal["billing_cycle", "first_of_month"]

TimeSeriesGranularity = Literal["daily", "hourly", "monthly", "weekly"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyOverrideNoteResponseData(Model):
    created_at: datetime | None
    external_user_id: str | None
    external_user_name: str | None
    id: str | None
    note: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyOverrideResponseData(Model):
    company_id: str | None
    created_at: datetime | None
    environment_id: str | None
    feature_id: str | None
    id: str | None
    notes: list[CompanyOverrideNoteResponseData] | None
    updated_at: datetime | None
    value_type: EntitlementValueType | None
    company: CompanyDetailResponseData | None = None
    consumption_rate: float | None = None
    expiration_date: datetime | None = None
    feature: FeatureResponseData | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    rule_id: str | None = None
    rule_id_usage_exceeded: str | None = None
    value_bool: bool | None = None
    value_numeric: int | None = None
    value_trait: EntityTraitDefinitionResponseData | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingLinkedPlanEntitlementRequestBody(Model):
    billing_provider: BillingProviderType
    external_resource_id: str
    feature_id: str
    plan_id: str
    value_type: EntitlementValueType
    billing_product_id: str | None = None
    billing_threshold: int | None = None
    credit_consumption_rate: float | None = None
    currency: str | None = None
    currency_prices: list[CurrencyPriceRequestBody] | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    monthly_metered_price_id: str | None = None
    monthly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    monthly_unit_price: int | None = None
    monthly_unit_price_decimal: str | None = None
    overage_billing_product_id: str | None = None
    plan_version_id: str | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_metered_price_id: str | None = None
    quarterly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_unit_price: int | None = None
    quarterly_unit_price_decimal: str | None = None
    soft_limit: int | None = None
    tier_mode: BillingTiersMode | None = None
    usage_quantity: int | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None
    warning_tiers: list[WarningTierRequestBody] | None = None
    yearly_metered_price_id: str | None = None
    yearly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    yearly_unit_price: int | None = None
    yearly_unit_price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCompanyOverrideRequestBody(Model):
    company_id: str
    feature_id: str
    value_type: EntitlementValueType
    credit_consumption_rate: float | None = None
    expiration_date: datetime | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    note: str | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePlanEntitlementRequestBody(Model):
    feature_id: str
    plan_id: str
    value_type: EntitlementValueType
    billing_product_id: str | None = None
    billing_threshold: int | None = None
    credit_consumption_rate: float | None = None
    currency: str | None = None
    currency_prices: list[CurrencyPriceRequestBody] | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    monthly_metered_price_id: str | None = None
    monthly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    monthly_unit_price: int | None = None
    monthly_unit_price_decimal: str | None = None
    overage_billing_product_id: str | None = None
    plan_version_id: str | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_metered_price_id: str | None = None
    quarterly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_unit_price: int | None = None
    quarterly_unit_price_decimal: str | None = None
    soft_limit: int | None = None
    tier_mode: BillingTiersMode | None = None
    usage_quantity: int | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None
    warning_tiers: list[WarningTierRequestBody] | None = None
    yearly_metered_price_id: str | None = None
    yearly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    yearly_unit_price: int | None = None
    yearly_unit_price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePriceTierRequestBody(Model):
    flat_amount: int | None = None
    per_unit_price: int | None = None
    per_unit_price_decimal: str | None = None
    up_to: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditGrantDetail(Model):
    grant_reason: BillingCreditGrantReason | None
    quantity: float | None
    credit_type_icon: str | None = None
    expires_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditUsage(Model):
    credit_consumption_rate: float | None = None
    credit_grant_counts: dict[str, float] | None = None
    credit_grant_details: list[CreditGrantDetail] | None = None
    credit_remaining: float | None = None
    credit_total: float | None = None
    credit_type_icon: str | None = None
    credit_type_name: str | None = None
    credit_used: float | None = None
    usage_aggregation: CreditUsageAggregation | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditUsageAggregation(Model):
    usage_this_billing_period: float | None = None
    usage_this_calendar_month: float | None = None
    usage_this_week: float | None = None
    usage_today: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CurrencyPriceRequestBody(Model):
    currency: str
    monthly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    monthly_unit_price: int | None = None
    monthly_unit_price_decimal: str | None = None
    quarterly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_unit_price: int | None = None
    quarterly_unit_price_decimal: str | None = None
    yearly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    yearly_unit_price: int | None = None
    yearly_unit_price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicatePlanEntitlementsRequestBody(Model):
    source_plan_id: str
    target_plan_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DuplicatePlanEntitlementsResponseResponseData(Model):
    data: list[PlanEntitlementResponseData] | None
    issues: list[PlanIssueResponseData] | None
    skipped: list[SkippedEntitlementResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntitlementCurrencyPricesResponseData(Model):
    currency: str | None
    monthly_price: BillingPriceView | None = None
    quarterly_price: BillingPriceView | None = None
    yearly_price: BillingPriceView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureCompanyResponseData(Model):
    access: bool | None
    allocation_type: EntitlementValueType | None
    entitlement_id: str | None
    entitlement_type: EntitlementType | None
    allocation: int | None = None
    company: CompanyDetailResponseData | None = None
    company_override: CompanyOverrideResponseData | None = None
    credit_consumption_rate: float | None = None
    credit_grant_counts: dict[str, float] | None = None
    credit_grant_details: list[CreditGrantDetail] | None = None
    credit_grant_reason: BillingCreditGrantReason | None = None
    credit_remaining: float | None = None
    credit_total: float | None = None
    credit_type_icon: str | None = None
    credit_usage: CreditUsage | None = None
    credit_usage_aggregation: CreditUsageAggregation | None = None
    credit_used: float | None = None
    effective_limit: int | None = None
    effective_price: float | None = None
    entitlement_expiration_date: datetime | None = None
    entitlement_source: str | None = None
    feature: FeatureInPlanResponseData | None = None
    has_valid_allocation: bool | None = None
    is_unlimited: bool | None = None
    metric_reset_at: datetime | None = None
    month_reset: MetricPeriodMonthReset | None = None
    monthly_usage_based_price: BillingPriceView | None = None
    overuse: int | None = None
    percent_used: float | None = None
    period: MetricPeriod | None = None
    plan: PlanResponseData | None = None
    plan_entitlement: PlanEntitlementResponseData | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    quarterly_usage_based_price: BillingPriceView | None = None
    soft_limit: int | None = None
    usage: int | None = None
    yearly_usage_based_price: BillingPriceView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureCompanyUserResponseData(Model):
    access: bool | None
    allocation_type: EntitlementValueType | None
    entitlement_id: str | None
    entitlement_type: EntitlementType | None
    allocation: int | None = None
    company: CompanyDetailResponseData | None = None
    feature: FeatureDetailResponseData | None = None
    metric_reset_at: datetime | None = None
    month_reset: MetricPeriodMonthReset | None = None
    period: MetricPeriod | None = None
    plan: PlanResponseData | None = None
    usage: int | None = None
    user: UserResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureInPlanResponseData(Model):
    created_at: datetime | None
    description: str | None
    feature_type: FeatureType | None
    flags: list[FlagInPlanResponseData] | None
    icon: str | None
    id: str | None
    name: str | None
    plans: list[PreviewObject] | None
    updated_at: datetime | None
    billing_linked_resource: BillingLinkedResourceResponseData | None = None
    event_subtype: str | None = None
    event_summary: EventSummaryResponseData | None = None
    license_id: str | None = None
    lifecycle_phase: FeatureLifecyclePhase | None = None
    maintainer_account_member_id: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None
    trait: EntityTraitDefinitionResponseData | None = None
    trait_id: str | None = None
    usage_limit_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureUsageDetailResponseData(Model):
    features: list[FeatureUsageResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureUsageHistoryResponseData(Model):
    company_id: str | None
    event_subtype: str | None
    feature_id: str | None
    period_end: datetime | None
    period_start: datetime | None
    usage: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureUsageResponseData(Model):
    access: bool | None
    allocation_type: EntitlementValueType | None
    entitlement_id: str | None
    entitlement_type: EntitlementType | None
    allocation: int | None = None
    company_override: CompanyOverrideResponseData | None = None
    credit_consumption_rate: float | None = None
    credit_grant_counts: dict[str, float] | None = None
    credit_grant_details: list[CreditGrantDetail] | None = None
    credit_grant_reason: BillingCreditGrantReason | None = None
    credit_remaining: float | None = None
    credit_total: float | None = None
    credit_type_icon: str | None = None
    credit_usage_aggregation: CreditUsageAggregation | None = None
    credit_used: float | None = None
    effective_limit: int | None = None
    effective_price: float | None = None
    entitlement_expiration_date: datetime | None = None
    entitlement_source: str | None = None
    feature: FeatureInPlanResponseData | None = None
    has_valid_allocation: bool | None = None
    is_unlimited: bool | None = None
    metric_reset_at: datetime | None = None
    month_reset: MetricPeriodMonthReset | None = None
    monthly_usage_based_price: BillingPriceView | None = None
    overuse: int | None = None
    percent_used: float | None = None
    period: MetricPeriod | None = None
    plan: PlanResponseData | None = None
    plan_entitlement: PlanEntitlementResponseData | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    quarterly_usage_based_price: BillingPriceView | None = None
    soft_limit: int | None = None
    usage: int | None = None
    yearly_usage_based_price: BillingPriceView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureUsageTimeSeriesResponseData(Model):
    feature_id: str | None
    feature_type: FeatureType | None
    limits: list[LimitTimeSeriesPointResponseData] | None
    usage_points: list[UsageTimeSeriesPointResponseData] | None
    period_type: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FlagInPlanResponseData(Model):
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
    maintainer_account_member_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LimitTimeSeriesPointResponseData(Model):
    effective_at: datetime | None
    is_soft_limit: bool | None
    limit_source: EntitlementType | None
    limit_value: int | None = None
    plan_id: str | None = None
    price_behavior: EntitlementPriceBehavior | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanEntitlementResponseData(Model):
    created_at: datetime | None
    currency_prices: list[EntitlementCurrencyPricesResponseData] | None
    environment_id: str | None
    feature_id: str | None
    id: str | None
    plan_id: str | None
    rule_id: str | None
    updated_at: datetime | None
    value_type: EntitlementValueType | None
    warning_tiers: list[WarningTierResponseData] | None
    billing_linked_resource: BillingLinkedResourceResponseData | None = None
    billing_threshold: int | None = None
    consumption_rate: float | None = None
    feature: FeatureResponseData | None = None
    metered_monthly_price: BillingPriceView | None = None
    metered_quarterly_price: BillingPriceView | None = None
    metered_yearly_price: BillingPriceView | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    plan: PlanResponseData | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    rule_id_usage_exceeded: str | None = None
    soft_limit: int | None = None
    usage_based_product: BillingProductResponseData | None = None
    usage_quantity: int | None = None
    value_bool: bool | None = None
    value_credit: BillingCreditResponseData | None = None
    value_numeric: int | None = None
    value_trait: EntityTraitDefinitionResponseData | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanResponseData(Model):
    created_at: datetime | None
    description: str | None
    icon: PlanIcon | None
    id: str | None
    name: str | None
    plan_type: PlanType | None
    updated_at: datetime | None
    audience_type: str | None = None
    company_id: str | None = None
    copied_from_plan_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SkippedEntitlementErrorResponseData(Model):
    message: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class SkippedEntitlementResponseData(Model):
    entitlement_id: str | None
    errors: list[SkippedEntitlementErrorResponseData] | None
    feature_id: str | None
    feature_name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCompanyOverrideRequestBody(Model):
    value_type: EntitlementValueType
    credit_consumption_rate: float | None = None
    expiration_date: datetime | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    note: str | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePlanEntitlementRequestBody(Model):
    value_type: EntitlementValueType
    billing_product_id: str | None = None
    billing_threshold: int | None = None
    credit_consumption_rate: float | None = None
    currency: str | None = None
    currency_prices: list[CurrencyPriceRequestBody] | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    monthly_metered_price_id: str | None = None
    monthly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    monthly_unit_price: int | None = None
    monthly_unit_price_decimal: str | None = None
    overage_billing_product_id: str | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_metered_price_id: str | None = None
    quarterly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_unit_price: int | None = None
    quarterly_unit_price_decimal: str | None = None
    soft_limit: int | None = None
    tier_mode: BillingTiersMode | None = None
    usage_quantity: int | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None
    warning_tiers: list[WarningTierRequestBody] | None = None
    yearly_metered_price_id: str | None = None
    yearly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    yearly_unit_price: int | None = None
    yearly_unit_price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageTimeSeriesPointResponseData(Model):
    timestamp: datetime | None
    usage: int | None
    period_end: datetime | None = None
    period_start: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserCreditUsageResponseData(Model):
    billing_credit_id: str | None
    credit_name: str | None
    credits_used: float | None
    share: float | None
    user: UserResponseData | None = None
    user_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDailyCreditPointResponseData(Model):
    credits_used: float | None
    date: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDailyUsagePointResponseData(Model):
    date: datetime | None
    value: int | None
    feature: FeatureResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserFeatureUsageResponseData(Model):
    last_seen: datetime | None
    share: float | None
    value: int | None
    feature: FeatureResponseData | None = None
    user: UserResponseData | None = None
    user_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserUsageByCompanyResponseData(Model):
    credits: list[UserCreditUsageResponseData] | None
    end_time: datetime | None
    rows: list[UserFeatureUsageResponseData] | None
    start_time: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserUsageDetailResponseData(Model):
    credits: list[UserCreditUsageResponseData] | None
    daily_credit_points: list[UserDailyCreditPointResponseData] | None
    daily_points: list[UserDailyUsagePointResponseData] | None
    end_time: datetime | None
    feature_totals: list[UserFeatureUsageResponseData] | None
    start_time: datetime | None
    user: UserResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class WarningTierRequestBody(Model):
    key: str
    value: int


@dataclass(frozen=True, slots=True, kw_only=True)
class WarningTierResponseData(Model):
    id: str | None
    key: str | None
    value: int | None
