"""Models for embeddable UI components."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .billing import (
        BillingPriceResponseData,
        BillingPriceScheme,
        BillingPriceUsageType,
        BillingPriceView,
        BillingProductDetailResponseData,
        BillingProductPriceInterval,
        BillingProviderType,
        BillingTiersMode,
        InvoiceResponseData,
        InvoiceStatus,
    )
    from .catalogs import PlanPriceCadence
    from .checkout import CheckoutFieldWithValue, UsageBasedEntitlementResponseData
    from .companies import (
        BillingCreditView,
        CompanyDetailResponseData,
        CompanySubscriptionResponseData,
        GenericPreviewObject,
        ScheduledDowngradeResponseData,
    )
    from .credits import (
        BillingCreditAutoTopupAvailability,
        BillingCreditBundleStatus,
        BillingCreditBundleType,
        BillingCreditExpiryType,
        BillingCreditExpiryUnit,
        BillingCreditGrantZeroedOutReason,
        BillingCreditResponseData,
        BillingPlanCreditGrantResetCadence,
        BillingPlanCreditGrantResetStart,
        BillingPlanCreditGrantResetType,
        PlanCreditGrantScaling,
    )
    from .entitlements import (
        BillingCreditGrantReason,
        FeatureInPlanResponseData,
        FeatureUsageDetailResponseData,
        FeatureUsageResponseData,
        PlanEntitlementResponseData,
    )
    from .features import BillingLinkedResourceResponseData
    from .plangroups import CheckoutBundlePurchaseBehavior, CustomPlanConfig, ProrationBehavior
    from .plans import (
        BillingStrategy,
        ChargeType,
        PlanCatalogMembershipResponseData,
        PlanCurrencyPricesResponseData,
        PlanDetailResponseData,
        PlanIcon,
        PlanType,
        PlanVersionResponseData,
    )


CompanyPlanInvalidReason = Literal["downgrade_not_permitted", "feature_usage_exceeded"]

ComponentEntityType = Literal["billing", "entitlement"]

ComponentState = Literal["draft", "live"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCreditBundleView(Model):
    bundle_type: BillingCreditBundleType
    compatible_plan_ids: list[str]
    created_at: datetime
    credit_id: str
    credit_name: str
    currency_prices: list[CreditBundleCurrencyPrice]
    expiry_type: BillingCreditExpiryType
    expiry_unit: BillingCreditExpiryUnit
    has_grants: bool
    id: str
    name: str
    status: BillingCreditBundleStatus
    updated_at: datetime
    credit_description: str | None = None
    credit_icon: str | None = None
    expiry_unit_count: int | None = None
    plural_name: str | None = None
    price: BillingProductPriceResponseData | None = None
    quantity: int | None = None
    singular_name: str | None = None
    unit_price: BillingProductPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductPriceResponseData(Model):
    billing_scheme: BillingPriceScheme
    created_at: datetime
    currency: str
    id: str
    interval: BillingProductPriceInterval
    interval_count: int
    is_active: bool
    package_size: int
    price: int
    price_external_id: str
    product_external_id: str
    provider_type: BillingProviderType
    updated_at: datetime
    usage_type: BillingPriceUsageType
    meter_id: str | None = None
    nickname: str | None = None
    price_decimal: str | None = None
    tiers_mode: BillingTiersMode | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BindCatalogRequestBody(Model):
    catalog_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyPlanDetailResponseData(Model):
    available_periods: list[PlanPriceCadence]
    billing_strategy: BillingStrategy
    charge_type: ChargeType
    company_can_trial: bool
    company_count: int
    compatible_plan_ids: list[str]
    controlled_by: BillingProviderType
    created_at: datetime
    credits: list[BillingCreditResponseData]
    currency_prices: list[PlanCurrencyPricesResponseData]
    current: bool
    custom: bool
    description: str
    features: list[FeatureInPlanResponseData]
    icon: PlanIcon
    id: str
    included_credit_grants: list[PlanCreditGrantView]
    is_custom: bool
    is_default: bool
    is_trialable: bool
    name: str
    plan_type: PlanType
    updated_at: datetime
    usage_violations: list[FeatureUsageResponseData]
    valid: bool
    versions: list[PlanVersionResponseData]
    active_version: PlanVersionResponseData | None = None
    audience_type: str | None = None
    billing_linked_resource: BillingLinkedResourceResponseData | None = None
    billing_product: BillingProductDetailResponseData | None = None
    catalogs: list[PlanCatalogMembershipResponseData] | None = None
    company_id: str | None = None
    company_logo_url: str | None = None
    company_name: str | None = None
    copied_from_plan_id: str | None = None
    custom_plan_config: CustomPlanConfig | None = None
    draft_version: PlanVersionResponseData | None = None
    entitlements: list[PlanEntitlementResponseData] | None = None
    invalid_reason: CompanyPlanInvalidReason | None = None
    is_free: bool | None = None
    monthly_price: BillingPriceResponseData | None = None
    one_time_price: BillingPriceResponseData | None = None
    quarterly_price: BillingPriceResponseData | None = None
    trial_days: int | None = None
    yearly_price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompatiblePlans(Model):
    compatible_plan_ids: list[str]
    source_plan_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentCapabilities(Model):
    badge_visibility: bool
    checkout: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentCheckoutSettings(Model):
    bundle_purchase_behavior: CheckoutBundlePurchaseBehavior
    collect_address: bool
    collect_email: bool
    collect_phone: bool
    collect_tax_id: bool
    proration_behavior: ProrationBehavior
    tax_collection_enabled: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentDisplaySettings(Model):
    show_as_monthly_prices: bool
    show_credits: bool
    show_feature_description: bool
    show_hard_limit: bool
    show_period_toggle: bool
    show_zero_price_as_free: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentPreviewResponseData(Model):
    active_add_ons: list[CompanyPlanDetailResponseData]
    active_plans: list[CompanyPlanDetailResponseData]
    active_usage_based_entitlements: list[UsageBasedEntitlementResponseData]
    add_on_compatibilities: list[CompatiblePlans]
    checkout_settings: ComponentCheckoutSettings
    credit_bundles: list[BillingCreditBundleView]
    credit_grants: list[CreditCompanyGrantView]
    custom_checkout_fields: list[CheckoutFieldWithValue]
    display_settings: ComponentDisplaySettings
    invoices: list[InvoiceResponseData]
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
class ComponentResponseData(Model):
    created_at: datetime
    id: str
    name: str
    state: ComponentState
    type: ComponentEntityType
    updated_at: datetime
    ast: dict[str, float] | None = None
    catalog_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateComponentRequestBody(Model):
    entity_type: ComponentEntityType
    name: str
    ast: dict[str, float] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditBundleCurrencyPrice(Model):
    currency: str
    price: BillingPriceView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditCompanyGrantView(Model):
    billing_credit_id: str
    company_id: str
    company_name: str
    created_at: datetime
    credit_description: str
    credit_name: str
    grant_reason: BillingCreditGrantReason
    id: str
    quantity: float
    quantity_remaining: float
    quantity_used: float
    renewal_enabled: bool
    source_label: str
    updated_at: datetime
    billing_credit_bundle_id: str | None = None
    company_license_id: str | None = None
    credit_icon: str | None = None
    currency: str | None = None
    exhausted_at: datetime | None = None
    expires_at: datetime | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    license_name: str | None = None
    plan_id: str | None = None
    plan_name: str | None = None
    plural_name: str | None = None
    price: BillingProductPriceResponseData | None = None
    renewal_period: BillingPlanCreditGrantResetCadence | None = None
    reserved: float | None = None
    settled: float | None = None
    singular_name: str | None = None
    source_grant_id: str | None = None
    transfers: list[CreditTransferView] | None = None
    valid_from: datetime | None = None
    zeroed_out_date: datetime | None = None
    zeroed_out_reason: BillingCreditGrantZeroedOutReason | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditTransferView(Model):
    amount: float
    created_at: datetime
    direction: str
    id: str
    reason: str
    related_grant_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanCreditGrantView(Model):
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
class StripeEmbedInfo(Model):
    schematic_publishable_key: str
    account_id: str | None = None
    publishable_key: str | None = None
    setup_intent_client_secret: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpcomingInvoiceResponseData(Model):
    amount_due: int
    amount_paid: int
    amount_remaining: int
    collection_method: str
    created_at: datetime
    currency: str
    customer_external_id: str
    ending_balance: int
    environment_id: str
    provider_type: BillingProviderType
    starting_balance: int
    subtotal: int
    updated_at: datetime
    company_id: str | None = None
    due_date: datetime | None = None
    external_id: str | None = None
    payment_method_external_id: str | None = None
    status: InvoiceStatus | None = None
    subscription_external_id: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateComponentRequestBody(Model):
    ast: dict[str, float] | None = None
    entity_type: ComponentEntityType | None = None
    name: str | None = None
    state: ComponentState | None = None
