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
    account_id: str
    burn_strategy: BillingCreditBurnStrategy
    cost_editable: bool
    created_at: datetime
    currency_prices: list[CreditCurrencyPrice]
    default_expiry_unit: BillingCreditExpiryUnit
    default_rollover_policy: BillingCreditRolloverPolicy
    description: str
    environment_id: str
    id: str
    ledger_authority: BillingCreditLedgerAuthority
    name: str
    updated_at: datetime
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
    billing_scheme: BillingPriceScheme
    created_at: datetime
    currency: str
    environment_id: str
    external_id: str
    id: str
    interval: str
    name: str
    package_size: int
    price: int
    price_external_id: str
    price_id: str
    price_tier: list[BillingProductPriceTierResponseData]
    provider_type: BillingProviderType
    quantity: float
    subscription_id: str
    updated_at: datetime
    usage_type: BillingPriceUsageType
    billing_threshold: int | None = None
    interval_count: int | None = None
    meter_id: str | None = None
    price_decimal: str | None = None
    subscription_item_external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductRecordResponseData(Model):
    account_id: str
    created_at: datetime
    environment_id: str
    external_id: str
    id: str
    is_active: bool
    name: str
    provider_type: BillingProviderType
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingSubscriptionDiscountView(Model):
    coupon_id: str
    coupon_name: str
    discount_external_id: str
    duration: str
    is_active: bool
    started_at: datetime
    subscription_external_id: str
    amount_off: int | None = None
    currency: str | None = None
    customer_facing_code: str | None = None
    duration_in_months: int | None = None
    ended_at: datetime | None = None
    percent_off: float | None = None
    promo_code_external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingEntityResponseData(Model):
    has_own_stripe_customer: bool
    billing_entity: CompanyResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingEntitySubscriptionResponseData(Model):
    cancel_at_period_end: bool
    currency: str
    customer_external_id: str
    discounts: list[BillingSubscriptionDiscountView]
    interval: str
    is_initial: bool
    plan_name: str
    products: list[BillingProductForSubscriptionResponseData]
    provider_type: BillingProviderType
    status: str
    subscription_external_id: str
    total_price: int
    cancel_at: datetime | None = None
    company: CompanyResponseData | None = None
    expired_at: datetime | None = None
    latest_invoice: InvoiceResponseData | None = None
    payment_method: PaymentMethodResponseData | None = None
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyDetailResponseData(Model):
    add_ons: list[CompanyPlanWithBillingSubView]
    billing_subscriptions: list[BillingSubscriptionView]
    created_at: datetime
    custom_plan_billings: list[CustomPlanBillingResponseData]
    entitlements: list[FeatureEntitlement]
    entity_traits: list[EntityTraitDetailResponseData]
    environment_id: str
    id: str
    keys: list[EntityKeyDetailResponseData]
    metrics: list[CompanyEventPeriodMetricsResponseData]
    name: str
    payment_methods: list[PaymentMethodResponseData]
    plans: list[GenericPreviewObject]
    rules: list[Rule]
    updated_at: datetime
    user_count: int
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
    account_id: str
    captured_at_max: datetime
    captured_at_min: datetime
    company_id: str
    created_at: datetime
    environment_id: str
    event_subtype: str
    month_reset: MetricPeriodMonthReset
    period: MetricPeriod
    value: int
    valid_until: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyMembershipDetailResponseData(Model):
    company_id: str
    created_at: datetime
    id: str
    updated_at: datetime
    user_id: str
    company: CompanyResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyPlanCreditGrantView(Model):
    billing_credit_auto_topup_enabled: bool
    billing_credit_auto_topup_self_service: bool
    billing_credit_can_buy_bundles: bool
    company_credit_amount: int
    created_at: datetime
    credit_amount: int
    credit_description: str
    credit_id: str
    credit_name: str
    id: str
    plan_id: str
    reset_type: BillingPlanCreditGrantResetType
    rollover_percentage: int
    scaling: PlanCreditGrantScaling
    updated_at: datetime
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
    id: str
    included_credit_grants: list[CompanyPlanCreditGrantView]
    name: str
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
    created_at: datetime
    environment_id: str
    id: str
    name: str
    updated_at: datetime
    last_seen_at: datetime | None = None
    logo_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanySubscriptionResponseData(Model):
    cancel_at_period_end: bool
    currency: str
    customer_external_id: str
    discounts: list[BillingSubscriptionDiscountView]
    interval: str
    is_initial: bool
    products: list[BillingProductForSubscriptionResponseData]
    provider_type: BillingProviderType
    status: str
    subscription_external_id: str
    total_price: int
    cancel_at: datetime | None = None
    expired_at: datetime | None = None
    latest_invoice: InvoiceResponseData | None = None
    payment_method: PaymentMethodResponseData | None = None
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Condition(Model):
    account_id: str
    condition_type: ConditionType
    environment_id: str
    id: str
    operator: ComparableOperator
    resource_ids: list[str]
    trait_value: str
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
    conditions: list[Condition]


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
    currency: str
    price: BillingPriceView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityKeyDefinitionResponseData(Model):
    created_at: datetime
    entity_type: EntityType
    id: str
    key: str
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityKeyDetailResponseData(Model):
    created_at: datetime
    definition_id: str
    entity_id: str
    entity_type: EntityType
    environment_id: str
    id: str
    key: str
    updated_at: datetime
    value: str
    definition: EntityKeyDefinitionResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitDefinitionResponseData(Model):
    created_at: datetime
    display_name: str
    entity_type: EntityType
    hierarchy: list[str]
    id: str
    trait_type: TraitType
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitDefinitionUsage(Model):
    checkout_field_config_count: int
    company_override_count: int
    feature_count: int
    plan_entitlement_count: int
    plan_trait_count: int
    rule_condition_count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitDetailResponseData(Model):
    created_at: datetime
    definition_id: str
    environment_id: str
    id: str
    updated_at: datetime
    value: str
    definition: EntityTraitDefinitionResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityTraitValue(Model):
    definition_id: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class GenericPreviewObject(Model):
    id: str
    name: str
    description: str | None = None
    image_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GetOrCreateCompanyMembershipRequestBody(Model):
    company_id: str
    user_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IntegrationResponseData(Model):
    created_at: datetime
    id: str
    state: IntegrationState
    type: IntegrationType
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class KeysRequestBody(Model):
    keys: dict[str, str]


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanChangeResponseData(Model):
    action: PlanChangeAction
    actor_type: ActorType
    add_ons_added: list[PlanSnapshotView]
    add_ons_removed: list[PlanSnapshotView]
    company_id: str
    created_at: datetime
    environment_id: str
    id: str
    is_version_upgrade: bool
    traits_updated: list[SubscriptionTraitUpdate]
    updated_at: datetime
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
    deleted: bool
    description: str
    icon: str
    id: str
    name: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanTraitResponseData(Model):
    account_id: str
    created_at: datetime
    environment_id: str
    id: str
    plan_id: str
    plan_type: str
    trait_id: str
    trait_value: str
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersionSnapshotView(Model):
    id: str
    name: str
    version: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule(Model):
    account_id: str
    condition_groups: list[ConditionGroup]
    conditions: list[Condition]
    environment_id: str
    id: str
    name: str
    priority: int
    rule_type: RuleType
    value: bool
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ScheduledDowngradeResponseData(Model):
    currency: str
    effective_after: datetime
    from_plan_id: str
    from_plan_name: str
    from_subscription_price: int
    id: str
    interval: str
    to_plan_id: str
    to_plan_name: str
    scheduled_interval: str | None = None
    scheduled_price: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SubscriptionTraitUpdate(Model):
    feature_id: str
    hierarchy: list[str]
    reason: str
    trait_id: str
    trait_name: str
    trait_type: TraitType
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TraitDefinition(Model):
    comparable_type: Literal["bool", "date", "int", "string"]
    entity_type: EntityType
    id: str


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
    company_memberships: list[CompanyMembershipDetailResponseData]
    created_at: datetime
    entity_traits: list[EntityTraitDetailResponseData]
    environment_id: str
    id: str
    keys: list[EntityKeyDetailResponseData]
    name: str
    updated_at: datetime
    last_seen_at: datetime | None = None
    traits: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UserResponseData(Model):
    created_at: datetime
    environment_id: str
    id: str
    name: str
    updated_at: datetime
    last_seen_at: datetime | None = None
