"""Models for shared models that no single API tag owns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._base import Model

if TYPE_CHECKING:
    from .accesstokens import TemporaryAccessTokenResourceType
    from .billing import BillingTiersMode, InvoiceStatus
    from .checkout import (
        CheckoutFieldWithValue,
        CompanyBillingAddressView,
        CompanyBillingCheckoutSettings,
        CompanyTaxIDView,
        UpdateAddOnRequestBody,
        UpdateAutoTopupOverrideRequestBody,
        UpdateCreditBundleRequestBody,
        UpdatePayInAdvanceRequestBody,
        UsageBasedEntitlementResponseData,
    )
    from .companies import (
        BillingProductRecordResponseData,
        CompanyDetailResponseData,
        CompanySubscriptionResponseData,
        EntityTraitDefinitionResponseData,
        EntityType,
        GenericPreviewObject,
        ScheduledDowngradeResponseData,
    )
    from .components import (
        BillingCreditBundleView,
        CompanyPlanDetailResponseData,
        CompatiblePlans,
        ComponentCapabilities,
        ComponentCheckoutSettings,
        ComponentDisplaySettings,
        ComponentResponseData,
        CreditCompanyGrantView,
        StripeEmbedInfo,
        UpcomingInvoiceResponseData,
    )
    from .credits import (
        BillingCreditExpiryType,
        BillingCreditExpiryUnit,
        BillingPlanCreditGrantResetCadence,
        BillingPlanCreditGrantResetStart,
        BillingPlanCreditGrantResetType,
    )
    from .entitlements import (
        CreatePriceTierRequestBody,
        CreditUsage,
        CurrencyPriceRequestBody,
        EntitlementPriceBehavior,
        EntitlementValueType,
        FeatureUsageDetailResponseData,
        MetricPeriodMonthReset,
    )
    from .events import EventStatus, EventSummaryResponseData, EventType
    from .features import (
        BillingLinkedResourceResponseData,
        ComparableOperator,
        ConditionType,
        CreateOrUpdateConditionGroupRequestBody,
        CreateOrUpdateConditionRequestBody,
        FeatureLifecyclePhase,
        FeatureResponseData,
        FeatureType,
        FlagType,
        MetricPeriod,
        PreviewObject,
        RuleType,
    )
    from .plans import CheckoutFieldValue, PlanDetailResponseData


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiErrorBody(Model):
    error: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CaptureRawEvent(Model):
    captured_at: datetime
    raw_bytes: str
    remote_ip: str
    user_agent: str
    event_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CaptureRawEventBatch(Model):
    events: list[CaptureRawEvent]


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeSubscriptionRequestBody(Model):
    add_on_ids: list[UpdateAddOnRequestBody]
    auto_topup_overrides: list[UpdateAutoTopupOverrideRequestBody]
    credit_bundles: list[UpdateCreditBundleRequestBody]
    custom_field_values: list[CheckoutFieldValue]
    new_plan_id: str
    new_price_id: str
    pay_in_advance: list[UpdatePayInAdvanceRequestBody]
    skip_trial: bool
    billing_entity_id: str | None = None
    coupon_external_id: str | None = None
    opt_in_accepted: bool | None = None
    payment_method_id: str | None = None
    promo_code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingDetailsView(Model):
    checkout_settings: CompanyBillingCheckoutSettings
    custom_fields: list[CheckoutFieldWithValue]
    tax_ids: list[CompanyTaxIDView]
    address: CompanyBillingAddressView | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyMembershipResponseData(Model):
    company_id: str
    created_at: datetime
    id: str
    updated_at: datetime
    user_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentHydrateResponseData(Model):
    active_add_ons: list[CompanyPlanDetailResponseData]
    active_plans: list[CompanyPlanDetailResponseData]
    active_usage_based_entitlements: list[UsageBasedEntitlementResponseData]
    add_on_compatibilities: list[CompatiblePlans]
    checkout_settings: ComponentCheckoutSettings
    credit_bundles: list[BillingCreditBundleView]
    credit_grants: list[CreditCompanyGrantView]
    custom_checkout_fields: list[CheckoutFieldWithValue]
    display_settings: ComponentDisplaySettings
    prevent_self_service_downgrade: bool
    show_as_monthly_prices: bool
    show_credits: bool
    show_period_toggle: bool
    show_zero_price_as_free: bool
    capabilities: ComponentCapabilities | None = None
    company: CompanyDetailResponseData | None = None
    component: ComponentResponseData | None = None
    default_plan: PlanDetailResponseData | None = None
    feature_usage: FeatureUsageDetailResponseData | None = None
    post_trial_plan: PlanDetailResponseData | None = None
    prevent_self_service_downgrade_button_text: str | None = None
    prevent_self_service_downgrade_url: str | None = None
    scheduled_downgrade: ScheduledDowngradeResponseData | None = None
    stripe_embed: StripeEmbedInfo | None = None
    subscription: CompanySubscriptionResponseData | None = None
    trial_payment_method_required: bool | None = None
    upcoming_invoice: UpcomingInvoiceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConditionGroupResponseData(Model):
    account_id: str
    created_at: datetime
    environment_id: str
    id: str
    rule_id: str
    updated_at: datetime
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConditionGroupView(Model):
    account_id: str
    conditions: list[ConditionView]
    created_at: datetime
    environment_id: str
    id: str
    rule_id: str
    updated_at: datetime
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConditionResponseData(Model):
    account_id: str
    condition_type: ConditionType
    created_at: datetime
    environment_id: str
    id: str
    operator: ComparableOperator
    resource_unspecified_ids: list[str]
    rule_id: str
    trait_value: str
    trait_value_bool: bool
    trait_value_int: int
    updated_at: datetime
    comparison_trait_id: str | None = None
    condition_group_id: str | None = None
    consumption_rate: float | None = None
    credit_id: str | None = None
    event_subtype: str | None = None
    flag_id: str | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    metric_value: int | None = None
    trait_entity_type: EntityType | None = None
    trait_id: str | None = None
    trait_value_date: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConditionView(Model):
    account_id: str
    billing_products: list[GenericPreviewObject]
    companies: list[GenericPreviewObject]
    condition_type: ConditionType
    created_at: datetime
    environment_id: str
    id: str
    operator: ComparableOperator
    plan_versions: list[GenericPreviewObject]
    plans: list[GenericPreviewObject]
    resource_unspecified_ids: list[str]
    rule_id: str
    trait_value: str
    trait_value_bool: bool
    trait_value_int: int
    updated_at: datetime
    users: list[GenericPreviewObject]
    comparison_trait: EntityTraitDefinitionResponseData | None = None
    comparison_trait_id: str | None = None
    condition_group_id: str | None = None
    consumption_rate: float | None = None
    credit_id: str | None = None
    event_subtype: str | None = None
    flag_id: str | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    metric_value: int | None = None
    trait: EntityTraitDefinitionResponseData | None = None
    trait_entity_type: EntityType | None = None
    trait_id: str | None = None
    trait_value_date: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CouponRequestBody(Model):
    amount_off: int
    duration: str
    duration_in_months: int
    max_redemptions: int
    name: str
    percent_off: float
    times_redeemed: int
    currency: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateEntitlementReqCommon(Model):
    feature_id: str
    value_type: EntitlementValueType
    credit_consumption_rate: float | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditGrantExpiryRequestBody(Model):
    reset_cadence: BillingPlanCreditGrantResetCadence
    reset_start: BillingPlanCreditGrantResetStart
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    reset_type: BillingPlanCreditGrantResetType | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityKeyResponseData(Model):
    created_at: datetime
    definition_id: str
    entity_id: str
    entity_type: EntityType
    environment_id: str
    id: str
    key: str
    updated_at: datetime
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitResponseData(Model):
    created_at: datetime
    definition_id: str
    environment_id: str
    id: str
    updated_at: datetime
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EventResponseData(Model):
    body: dict[str, Any]
    body_preview: str
    captured_at: datetime
    feature_ids: list[str]
    id: str
    quantity: int
    status: EventStatus
    type: EventType
    api_key: str | None = None
    company_id: str | None = None
    enriched_at: datetime | None = None
    environment_id: str | None = None
    error_message: str | None = None
    idempotency_key: str | None = None
    lease_id: str | None = None
    loaded_at: datetime | None = None
    processed_at: datetime | None = None
    sent_at: datetime | None = None
    subtype: str | None = None
    updated_at: datetime | None = None
    user_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureUsageLegacyResponseData(Model):
    Entitlement: str
    Allocation: int | None = None
    CreditUsage: CreditUsage | None = None
    Feature: FeatureView | None = None
    MetricResetAt: datetime | None = None
    Usage: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureView(Model):
    account_id: str
    created_at: datetime
    description: str
    feature_type: FeatureType
    flags: list[FlagView]
    icon: str
    id: str
    name: str
    plans: list[PreviewObject]
    updated_at: datetime
    billing_linked_resource: BillingLinkedResourceResponseData | None = None
    billing_product: BillingProductRecordResponseData | None = None
    event_subtype: str | None = None
    event_summary: EventSummaryResponseData | None = None
    license_id: str | None = None
    lifecycle_phase: FeatureLifecyclePhase | None = None
    plural_name: str | None = None
    singular_name: str | None = None
    trait: EntityTraitDefinitionResponseData | None = None
    trait_id: str | None = None
    usage_limit_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FlagView(Model):
    account_id: str
    created_at: datetime
    default_value: bool
    description: str
    flag_type: FlagType
    id: str
    key: str
    name: str
    rules: list[RuleView]
    updated_at: datetime
    feature: FeatureResponseData | None = None
    feature_id: str | None = None
    last_checked_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceRequestBody(Model):
    amount_due: int
    amount_paid: int
    amount_remaining: int
    collection_method: str
    currency: str
    customer_external_id: str
    subtotal: int
    due_date: datetime | None = None
    ending_balance: int | None = None
    payment_method_external_id: str | None = None
    starting_balance: int | None = None
    status: InvoiceStatus | None = None
    subscription_external_id: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MeterRequestBody(Model):
    display_name: str
    event_name: str
    event_payload_key: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentMethodRequestBody(Model):
    customer_external_id: str
    payment_method_type: str
    account_last4: str | None = None
    account_name: str | None = None
    bank_name: str | None = None
    billing_email: str | None = None
    billing_name: str | None = None
    card_brand: str | None = None
    card_exp_month: int | None = None
    card_exp_year: int | None = None
    card_last4: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleConditionGroupResponseData(Model):
    created_at: datetime
    environment_id: str
    id: str
    rule_id: str
    updated_at: datetime
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleConditionResponseData(Model):
    condition_type: ConditionType
    created_at: datetime
    environment_id: str
    id: str
    operator: ComparableOperator
    resource_ids: list[str]
    rule_id: str
    trait_value: str
    updated_at: datetime
    comparison_trait_id: str | None = None
    condition_group_id: str | None = None
    event_subtype: str | None = None
    flag_id: str | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    metric_value: int | None = None
    trait_entity_type: EntityType | None = None
    trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleResponseData(Model):
    created_at: datetime
    environment_id: str
    id: str
    name: str
    priority: int
    rule_type: RuleType
    updated_at: datetime
    value: bool
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleView(Model):
    account_id: str
    condition_groups: list[ConditionGroupView]
    conditions: list[ConditionView]
    created_at: datetime
    environment_id: str
    id: str
    name: str
    priority: int
    rule_type: RuleType
    updated_at: datetime
    value: bool
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TemporaryAccessTokenResponseData(Model):
    api_key_id: str
    created_at: datetime
    environment_id: str
    expired_at: datetime
    id: str
    resource_type: TemporaryAccessTokenResourceType
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateEntitlementReqCommon(Model):
    value_type: EntitlementValueType
    credit_consumption_rate: float | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateRuleRequestBody(Model):
    condition_groups: list[CreateOrUpdateConditionGroupRequestBody]
    conditions: list[CreateOrUpdateConditionRequestBody]
    name: str
    priority: int
    value: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class UpsertUserSubRequestBody(Model):
    keys: dict[str, str]
    company_id: str | None = None
    company_ids: list[str] | None = None
    id: str | None = None
    last_seen_at: datetime | None = None
    name: str | None = None
    remove_keys: list[str] | None = None
    traits: dict[str, Any] | None = None
    update_only: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageBasedEntitlementRequestBody(Model):
    billing_product_id: str | None = None
    billing_threshold: int | None = None
    currency: str | None = None
    currency_prices: list[CurrencyPriceRequestBody] | None = None
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
    yearly_metered_price_id: str | None = None
    yearly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    yearly_unit_price: int | None = None
    yearly_unit_price_decimal: str | None = None
