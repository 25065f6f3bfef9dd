"""Models for companies, users, keys, traits and memberships."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from ._base import Model

if TYPE_CHECKING:
    from .accounts import ActorType, ApiKeyResponseData, AuditLogListResponseData
    from .billing import (
        BillingPriceScheme,
        BillingPriceUsageType,
        BillingPriceView,
        BillingProductPriceTierResponseData,
        BillingProviderType,
        InvoiceResponseData,
        PaymentMethodResponseData,
    )
    from .checkout import BillingSubscriptionView
    from .credits import (
        BillingCreditAutoTopupAvailability,
        BillingCreditBurnStrategy,
        BillingCreditExpiryType,
        BillingCreditExpiryUnit,
        BillingCreditRolloverPolicy,
        BillingPlanCreditGrantResetCadence,
        BillingPlanCreditGrantResetStart,
        BillingPlanCreditGrantResetType,
        PlanCreditGrantScaling,
    )
    from .entitlements import MetricPeriodMonthReset
    from .features import (
        ComparableOperator,
        ConditionType,
        FeatureEntitlement,
        MetricPeriod,
        RuleType,
    )
    from .integrationsapi import IntegrationState, IntegrationType
    from .plans import CustomPlanBillingResponseData


BillingCreditLedgerAuthority = Literal[
    "schematic_authoritative", "external_mirror", "external_rated"
]

EntityType = Literal["company", "user"]

PlanChangeAction = Literal[
    "checkout",
    "company_upsert",
    "fallback_plan",
    "manage_plan",
    "migration",
    "plan_billing_product_changed",
    "plan_deleted",
    "plan_trait_change",
    "plan_version_migration",
    "quickstart",
    "subscription_change",
]

PlanChangeBasePlanAction = Literal["fallback", "initial", "trait", "trial_expiry"]

PlanChangeSubscriptionAction = Literal[
    "adjustment", "downgrade", "invalid", "subscribe", "unsubscribe", "upgrade", "upgrade_trial"
]

SortDirection = Literal["asc", "desc"]

SubscriptionStatus = Literal[
    "active",
    "canceled",
    "expired",
    "incomplete",
    "incomplete_expired",
    "past_due",
    "paused",
    "trialing",
    "unpaid",
]

SubscriptionType = Literal["free", "one_time", "paid", "trial"]

TraitType = Literal["boolean", "currency", "date", "number", "string", "url"]

TrialStatus = Literal["active", "converted", "expired"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCreditView(Model):
    account_id: str | None
    burn_strategy: BillingCreditBurnStrategy | None
    cost_editable: bool | None
    created_at: datetime | None
    currency_prices: list[CreditCurrencyPrice] | None
    default_expiry_unit: BillingCreditExpiryUnit | None
    default_rollover_policy: BillingCreditRolloverPolicy | None
    description: str | None
    environment_id: str | None
    id: str | None
    ledger_authority: BillingCreditLedgerAuthority | None
    name: str | None
    updated_at: datetime | None
    default_expiry_unit_count: int | None = None
    icon: str | None = None
    plural_name: str | None = None
    price: BillingPriceView | None = None
    price_per_unit: int | None = None
    price_per_unit_decimal: str | None = None
    product: BillingProductRecordResponseData | None = None
    singular_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductForSubscriptionResponseData(Model):
    billing_scheme: BillingPriceScheme | None
    created_at: datetime | None
    currency: str | None
    environment_id: str | None
    external_id: str | None
    id: str | None
    interval: str | None
    name: str | None
    package_size: int | None
    price: int | None
    price_external_id: str | None
    price_id: str | None
    price_tier: list[BillingProductPriceTierResponseData] | None
    provider_type: BillingProviderType | None
    quantity: float | None
    subscription_id: str | None
    updated_at: datetime | None
    usage_type: BillingPriceUsageType | None
    billing_threshold: int | None = None
    interval_count: int | None = None
    meter_id: str | None = None
    price_decimal: str | None = None
    subscription_item_external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductRecordResponseData(Model):
    account_id: str | None
    created_at: datetime | None
    environment_id: str | None
    external_id: str | None
    id: str | None
    is_active: bool | None
    name: str | None
    provider_type: BillingProviderType | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingSubscriptionDiscountView(Model):
    coupon_id: str | None
    coupon_name: str | None
    discount_external_id: str | None
    duration: str | None
    is_active: bool | None
    started_at: datetime | None
    subscription_external_id: str | None
    amount_off: int | None = None
    currency: str | None = None
    customer_facing_code: str | None = None
    duration_in_months: int | None = None
    ended_at: datetime | None = None
    percent_off: float | None = None
    promo_code_external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingEntityResponseData(Model):
    has_own_stripe_customer: bool | None
    billing_entity: CompanyResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingEntitySubscriptionResponseData(Model):
    cancel_at_period_end: bool | None
    currency: str | None
    customer_external_id: str | None
    discounts: list[BillingSubscriptionDiscountView] | None
    interval: str | None
    is_initial: bool | None
    plan_name: str | None
    products: list[BillingProductForSubscriptionResponseData] | None
    provider_type: BillingProviderType | None
    status: str | None
    subscription_external_id: str | None
    total_price: int | None
    cancel_at: datetime | None = None
    company: CompanyResponseData | None = None
    expired_at: datetime | None = None
    latest_invoice: InvoiceResponseData | None = None
    payment_method: PaymentMethodResponseData | None = None
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyDetailResponseData(Model):
    add_ons: list[CompanyPlanWithBillingSubView] | None
    billing_subscriptions: list[BillingSubscriptionView] | None
    created_at: datetime | None
    custom_plan_billings: list[CustomPlanBillingResponseData] | None
    entitlements: list[FeatureEntitlement] | None
    entity_traits: list[EntityTraitDetailResponseData] | None
    environment_id: str | None
    id: str | None
    keys: list[EntityKeyDetailResponseData] | None
    metrics: list[CompanyEventPeriodMetricsResponseData] | None
    name: str | None
    payment_methods: list[PaymentMethodResponseData] | None
    plans: list[GenericPreviewObject] | None
    rules: list[Rule] | None
    updated_at: datetime | None
    user_count: int | None
    billing_credit_balances: dict[str, float] | None = None
    billing_subscription: BillingSubscriptionView | None = None
    default_payment_method: PaymentMethodResponseData | None = None
    last_seen_at: datetime | None = None
    logo_url: str | None = None
    plan: CompanyPlanWithBillingSubView | None = None
    scheduled_downgrade: ScheduledDowngradeResponseData | None = None
    traits: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyEventPeriodMetricsResponseData(Model):
    account_id: str | None
    captured_at_max: datetime | None
    captured_at_min: datetime | None
    company_id: str | None
    created_at: datetime | None
    environment_id: str | None
    event_subtype: str | None
    month_reset: MetricPeriodMonthReset | None
    period: MetricPeriod | None
    value: int | None
    valid_until: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyMembershipDetailResponseData(Model):
    company_id: str | None
    created_at: datetime | None
    id: str | None
    updated_at: datetime | None
    user_id: str | None
    company: CompanyResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyPlanCreditGrantView(Model):
    billing_credit_auto_topup_enabled: bool | None
    billing_credit_auto_topup_self_service: bool | None
    billing_credit_can_buy_bundles: bool | None
    company_credit_amount: int | None
    created_at: datetime | None
    credit_amount: int | None
    credit_description: str | None
    credit_id: str | None
    credit_name: str | None
    id: str | None
    plan_id: str | None
    reset_type: BillingPlanCreditGrantResetType | None
    rollover_percentage: int | None
    scaling: PlanCreditGrantScaling | None
    updated_at: datetime | None
    billing_credit_auto_topup_amount: int | None = None
    billing_credit_auto_topup_amount_type: str | None = None
    billing_credit_auto_topup_availability: BillingCreditAutoTopupAvailability | None = None
    billing_credit_auto_topup_expiry_type: BillingCreditExpiryType | None = None
    billing_credit_auto_topup_expiry_unit: BillingCreditExpiryUnit | None = None
    billing_credit_auto_topup_expiry_unit_count: int | None = None
    billing_credit_auto_topup_threshold_credits: int | None = None
    billing_credit_auto_topup_threshold_percent: int | None = None
    company_auto_topup_amount: int | None = None
    company_auto_topup_enabled: bool | None = None
    company_auto_topup_threshold_credits: int | None = None
    credit: BillingCreditView | None = None
    credit_icon: str | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    license_id: str | None = None
    plan: GenericPreviewObject | None = None
    plan_version_id: str | None = None
    plural_name: str | None = None
    reset_cadence: BillingPlanCreditGrantResetCadence | None = None
    reset_start: BillingPlanCreditGrantResetStart | None = None
    singular_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyPlanWithBillingSubView(Model):
    id: str | None
    included_credit_grants: list[CompanyPlanCreditGrantView] | None
    name: str | None
    added_on: datetime | None = None
    billing_product_external_id: str | None = None
    billing_product_id: str | None = None
    description: str | None = None
    image_url: str | None = None
    plan_period: str | None = None
    plan_price: int | None = None
    plan_version_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyResponseData(Model):
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    name: str | None
    updated_at: datetime | None
    last_seen_at: datetime | None = None
    logo_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanySubscriptionResponseData(Model):
    cancel_at_period_end: bool | None
    currency: str | None
    customer_external_id: str | None
    discounts: list[BillingSubscriptionDiscountView] | None
    interval: str | None
    is_initial: bool | None
    products: list[BillingProductForSubscriptionResponseData] | None
    provider_type: BillingProviderType | None
    status: str | None
    subscription_external_id: str | None
    total_price: int | None
    cancel_at: datetime | None = None
    expired_at: datetime | None = None
    latest_invoice: InvoiceResponseData | None = None
    payment_method: PaymentMethodResponseData | None = None
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition(Model):
    account_id: str | None
    condition_type: ConditionType | None
    environment_id: str | None
    id: str | None
    operator: ComparableOperator | None
    resource_ids: list[str] | None
    trait_value: str | None
    comparison_trait_definition: TraitDefinition | None = None
    consumption_rate: float | None = None
    credit_id: str | None = None
    event_subtype: str | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    metric_value: int | None = None
    trait_definition: TraitDefinition | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ConditionGroup(Model):
    conditions: list[Condition] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CountResponse(Model):
    count: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateEntityTraitDefinitionRequestBody(Model):
    entity_type: EntityType
    hierarchy: list[str]
    trait_type: TraitType
    display_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditCurrencyPrice(Model):
    currency: str | None
    price: BillingPriceView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityKeyDefinitionResponseData(Model):
    created_at: datetime | None
    entity_type: EntityType | None
    id: str | None
    key: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityKeyDetailResponseData(Model):
    created_at: datetime | None
    definition_id: str | None
    entity_id: str | None
    entity_type: EntityType | None
    environment_id: str | None
    id: str | None
    key: str | None
    updated_at: datetime | None
    value: str | None
    definition: EntityKeyDefinitionResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitDefinitionResponseData(Model):
    created_at: datetime | None
    display_name: str | None
    entity_type: EntityType | None
    hierarchy: list[str] | None
    id: str | None
    trait_type: TraitType | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitDefinitionUsage(Model):
    checkout_field_config_count: int | None
    company_override_count: int | None
    feature_count: int | None
    plan_entitlement_count: int | None
    plan_trait_count: int | None
    rule_condition_count: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitDetailResponseData(Model):
    created_at: datetime | None
    definition_id: str | None
    environment_id: str | None
    id: str | None
    updated_at: datetime | None
    value: str | None
    definition: EntityTraitDefinitionResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitValue(Model):
    definition_id: str | None
    value: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class GenericPreviewObject(Model):
    id: str | None
    name: str | None
    description: str | None = None
    image_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetOrCreateCompanyMembershipRequestBody(Model):
    company_id: str
    user_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationResponseData(Model):
    created_at: datetime | None
    id: str | None
    state: IntegrationState | None
    type: IntegrationType | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class KeysRequestBody(Model):
    keys: dict[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanChangeResponseData(Model):
    action: PlanChangeAction | None
    actor_type: ActorType | None
    add_ons_added: list[PlanSnapshotView] | None
    add_ons_removed: list[PlanSnapshotView] | None
    company_id: str | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    is_version_upgrade: bool | None
    traits_updated: list[SubscriptionTraitUpdate] | None
    updated_at: datetime | None
    api_key: ApiKeyResponseData | None = None
    audit_log: AuditLogListResponseData | None = None
    base_plan: PlanSnapshotView | None = None
    base_plan_action: PlanChangeBasePlanAction | None = None
    base_plan_version: PlanVersionSnapshotView | None = None
    company: CompanyResponseData | None = None
    integration: IntegrationResponseData | None = None
    previous_base_plan: PlanSnapshotView | None = None
    previous_base_plan_version: PlanVersionSnapshotView | None = None
    request_id: str | None = None
    subscription_change_action: PlanChangeSubscriptionAction | None = None
    trial_converted_at: datetime | None = None
    trial_expires_at: datetime | None = None
    trial_status: TrialStatus | None = None
    user_id: str | None = None
    user_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanSnapshotView(Model):
    deleted: bool | None
    description: str | None
    icon: str | None
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanTraitResponseData(Model):
    account_id: str | None
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    plan_id: str | None
    plan_type: str | None
    trait_id: str | None
    trait_value: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersionSnapshotView(Model):
    id: str | None
    name: str | None
    version: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule(Model):
    account_id: str | None
    condition_groups: list[ConditionGroup] | None
    conditions: list[Condition] | None
    environment_id: str | None
    id: str | None
    name: str | None
    priority: int | None
    rule_type: RuleType | None
    value: bool | None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledDowngradeResponseData(Model):
    currency: str | None
    effective_after: datetime | None
    from_plan_id: str | None
    from_plan_name: str | None
    from_subscription_price: int | None
    id: str | None
    interval: str | None
    to_plan_id: str | None
    to_plan_name: str | None
    scheduled_interval: str | None = None
    scheduled_price: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionTraitUpdate(Model):
    feature_id: str | None
    hierarchy: list[str] | None
    reason: str | None
    trait_id: str | None
    trait_name: str | None
    trait_type: TraitType | None
    value: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TraitDefinition(Model):
    comparable_type: Literal["bool", "date", "int", "string"] | None
    entity_type: EntityType | None
    id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateEntityTraitDefinitionRequestBody(Model):
    trait_type: TraitType
    display_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePlanTraitBulkRequestBody(Model):
    apply_to_existing_companies: bool
    plan_id: str
    traits: list[UpdatePlanTraitTraitRequestBody]


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePlanTraitTraitRequestBody(Model):
    trait_id: str
    trait_value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UpsertCompanyRequestBody(Model):
    keys: dict[str, str]
    base_plan_id: str | None = None
    base_plan_price_id: str | None = None
    id: str | None = None
    last_seen_at: datetime | None = None
    name: str | None = None
    prevent_key_remap: bool | None = None
    remove_keys: list[str] | None = None
    traits: dict[str, Any] | None = None
    update_only: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpsertTraitRequestBody(Model):
    keys: dict[str, str]
    trait: str
    incr: int | None = None
    set: str | None = None
    update_only: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpsertUserRequestBody(Model):
    keys: dict[str, str]
    companies: list[dict[str, str]] | None = None
    company: dict[str, str] | None = None
    company_id: str | None = None
    company_ids: list[str] | None = None
    id: str | None = None
    last_seen_at: datetime | None = None
    name: str | None = None
    remove_keys: list[str] | None = None
    traits: dict[str, Any] | None = None
    update_only: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserDetailResponseData(Model):
    company_memberships: list[CompanyMembershipDetailResponseData] | None
    created_at: datetime | None
    entity_traits: list[EntityTraitDetailResponseData] | None
    environment_id: str | None
    id: str | None
    keys: list[EntityKeyDetailResponseData] | None
    name: str | None
    updated_at: datetime | None
    last_seen_at: datetime | None = None
    traits: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserResponseData(Model):
    created_at: datetime | None
    environment_id: str | None
    id: str | None
    name: str | None
    updated_at: datetime | None
    last_seen_at: datetime | None = None
