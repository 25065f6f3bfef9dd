"""Models for shared models that no single API tag owns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ._base import Model, wire

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
    error: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CaptureRawEvent(Model):
    captured_at: datetime | None
    raw_bytes: str | None
    remote_ip: str | None
    user_agent: str | None
    event_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CaptureRawEventBatch(Model):
    events: list[CaptureRawEvent] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeSubscriptionRequestBody(Model):
    add_on_ids: list[UpdateAddOnRequestBody] | None
    auto_topup_overrides: list[UpdateAutoTopupOverrideRequestBody] | None
    credit_bundles: list[UpdateCreditBundleRequestBody] | None
    custom_field_values: list[CheckoutFieldValue] | None
    new_plan_id: str | None
    new_price_id: str | None
    pay_in_advance: list[UpdatePayInAdvanceRequestBody] | None
    skip_trial: bool | None
    billing_entity_id: str | None = None
    coupon_external_id: str | None = None
    opt_in_accepted: bool | None = None
    payment_method_id: str | None = None
    promo_code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingDetailsView(Model):
    checkout_settings: CompanyBillingCheckoutSettings | None
    custom_fields: list[CheckoutFieldWithValue] | None
    tax_ids: list[CompanyTaxIDView] | None
    address: CompanyBillingAddressView | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyMembershipResponseData(Model):
    company_id: str | None
    created_at: datetime | None
    id: str | None
    updated_at: datetime | None
    user_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentHydrateResponseData(Model):
    active_add_ons: list[CompanyPlanDetailResponseData] | None
    active_plans: list[CompanyPlanDetailResponseData] | None
    active_usage_based_entitlements: list[UsageBasedEntitlementResponseData] | None
    add_on_compatibilities: list[CompatiblePlans] | None
    checkout_settings: ComponentCheckoutSettings | None
    credit_bundles: list[BillingCreditBundleView] | None
    credit_grants: list[CreditCompanyGrantView] | None
    custom_checkout_fields: list[CheckoutFieldWithValue] | None
    display_settings: ComponentDisplaySettings | None
    prevent_self_service_downgrade: bool | None
    show_as_monthly_prices: bool | None
    show_credits: bool | None
    show_period_toggle: bool | None
    show_zero_price_as_free: bool | None
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
    account_id: str | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    rule_id: str | None
    updated_at: datetime | None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConditionGroupView(Model):
    account_id: str | None
    conditions: list[ConditionView] | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    rule_id: str | None
    updated_at: datetime | None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConditionResponseData(Model):
    account_id: str | None
    condition_type: ConditionType | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    operator: ComparableOperator | None
    resource_unspecified_ids: list[str] | None
    rule_id: str | None
    trait_value: str | None
    trait_value_bool: bool | None
    trait_value_int: int | None
    updated_at: datetime | None
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
    account_id: str | None
    billing_products: list[GenericPreviewObject] | None
    companies: list[GenericPreviewObject] | None
    condition_type: ConditionType | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    operator: ComparableOperator | None
    plan_versions: list[GenericPreviewObject] | None
    plans: list[GenericPreviewObject] | None
    resource_unspecified_ids: list[str] | None
    rule_id: str | None
    trait_value: str | None
    trait_value_bool: bool | None
    trait_value_int: int | None
    updated_at: datetime | None
    users: list[GenericPreviewObject] | None
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
    amount_off: int | None
    duration: str | None
    duration_in_months: int | None
    max_redemptions: int | None
    name: str | None
    percent_off: float | None
    times_redeemed: int | None
    currency: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateEntitlementReqCommon(Model):
    feature_id: str | None
    value_type: EntitlementValueType | None
    credit_consumption_rate: float | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditGrantExpiryRequestBody(Model):
    reset_cadence: BillingPlanCreditGrantResetCadence | None
    reset_start: BillingPlanCreditGrantResetStart | None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    reset_type: BillingPlanCreditGrantResetType | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityKeyResponseData(Model):
    created_at: datetime | None
    definition_id: str | None
    entity_id: str | None
    entity_type: EntityType | None
    environment_id: str | None
    id: str | None
    key: str | None
    updated_at: datetime | None
    value: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitResponseData(Model):
    created_at: datetime | None
    definition_id: str | None
    environment_id: str | None
    id: str | None
    updated_at: datetime | None
    value: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventResponseData(Model):
    body: dict[str, Any] | None
    body_preview: str | None
    captured_at: datetime | None
    feature_ids: list[str] | None
    id: str | None
    quantity: int | None
    status: EventStatus | None
    type: EventType | None
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
    entitlement: str | None = field(metadata=wire("Entitlement"))
    allocation: int | None = field(default=None, metadata=wire("Allocation"))
    credit_usage: CreditUsage | None = field(default=None, metadata=wire("CreditUsage"))
    feature: FeatureView | None = field(default=None, metadata=wire("Feature"))
    metric_reset_at: datetime | None = field(default=None, metadata=wire("MetricResetAt"))
    usage: int | None = field(default=None, metadata=wire("Usage"))


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureView(Model):
    account_id: str | None
    created_at: datetime | None
    description: str | None
    feature_type: FeatureType | None
    flags: list[FlagView] | None
    icon: str | None
    id: str | None
    name: str | None
    plans: list[PreviewObject] | None
    updated_at: datetime | None
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
    account_id: str | None
    created_at: datetime | None
    default_value: bool | None
    description: str | None
    flag_type: FlagType | None
    id: str | None
    key: str | None
    name: str | None
    rules: list[RuleView] | None
    updated_at: datetime | None
    feature: FeatureResponseData | None = None
    feature_id: str | None = None
    last_checked_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceRequestBody(Model):
    amount_due: int | None
    amount_paid: int | None
    amount_remaining: int | None
    collection_method: str | None
    currency: str | None
    customer_external_id: str | None
    subtotal: int | None
    due_date: datetime | None = None
    ending_balance: int | None = None
    payment_method_external_id: str | None = None
    starting_balance: int | None = None
    status: InvoiceStatus | None = None
    subscription_external_id: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MeterRequestBody(Model):
    display_name: str | None
    event_name: str | None
    event_payload_key: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PaymentMethodRequestBody(Model):
    customer_external_id: str | None
    payment_method_type: str | None
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
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    rule_id: str | None
    updated_at: datetime | None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleConditionResponseData(Model):
    condition_type: ConditionType | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    operator: ComparableOperator | None
    resource_ids: list[str] | None
    rule_id: str | None
    trait_value: str | None
    updated_at: datetime | None
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
class RuleView(Model):
    account_id: str | None
    condition_groups: list[ConditionGroupView] | None
    conditions: list[ConditionView] | None
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
class TemporaryAccessTokenResponseData(Model):
    api_key_id: str | None
    created_at: datetime | None
    environment_id: str | None
    expired_at: datetime | None
    id: str | None
    resource_type: TemporaryAccessTokenResourceType | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateEntitlementReqCommon(Model):
    value_type: EntitlementValueType | None
    credit_consumption_rate: float | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateRuleRequestBody(Model):
    condition_groups: list[CreateOrUpdateConditionGroupRequestBody] | None
    conditions: list[CreateOrUpdateConditionRequestBody] | None
    name: str | None
    priority: int | None
    value: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpsertUserSubRequestBody(Model):
    keys: dict[str, str] | None
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
