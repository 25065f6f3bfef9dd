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
    bundle_type: BillingCreditBundleType | None
    compatible_plan_ids: list[str] | None
    created_at: datetime | None
    credit_id: str | None
    credit_name: str | None
    currency_prices: list[CreditBundleCurrencyPrice] | None
    expiry_type: BillingCreditExpiryType | None
    expiry_unit: BillingCreditExpiryUnit | None
    has_grants: bool | None
    id: str | None
    name: str | None
    status: BillingCreditBundleStatus | None
    updated_at: datetime | None
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
    billing_scheme: BillingPriceScheme | None
    created_at: datetime | None
    currency: str | None
    id: str | None
    interval: BillingProductPriceInterval | None
    interval_count: int | None
    is_active: bool | None
    package_size: int | None
    price: int | None
    price_external_id: str | None
    product_external_id: str | None
    provider_type: BillingProviderType | None
    updated_at: datetime | None
    usage_type: BillingPriceUsageType | None
    meter_id: str | None = None
    nickname: str | None = None
    price_decimal: str | None = None
    tiers_mode: BillingTiersMode | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BindCatalogRequestBody(Model):
    catalog_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyPlanDetailResponseData(Model):
    available_periods: list[PlanPriceCadence] | None
    billing_strategy: BillingStrategy | None
    charge_type: ChargeType | None
    company_can_trial: bool | None
    company_count: int | None
    compatible_plan_ids: list[str] | None
    controlled_by: BillingProviderType | None
    created_at: datetime | None
    credits: list[BillingCreditResponseData] | None
    currency_prices: list[PlanCurrencyPricesResponseData] | None
    current: bool | None
    custom: bool | None
    description: str | None
    features: list[FeatureInPlanResponseData] | None
    icon: PlanIcon | None
    id: str | None
    included_credit_grants: list[PlanCreditGrantView] | None
    is_custom: bool | None
    is_default: bool | None
    is_trialable: bool | None
    name: str | None
    plan_type: PlanType | None
    updated_at: datetime | None
    usage_violations: list[FeatureUsageResponseData] | None
    valid: bool | None
    versions: list[PlanVersionResponseData] | None
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
    badge_visibility: bool | None
    checkout: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentCheckoutSettings(Model):
    bundle_purchase_behavior: CheckoutBundlePurchaseBehavior | None
    collect_address: bool | None
    collect_email: bool | None
    collect_phone: bool | None
    collect_tax_id: bool | None
    proration_behavior: ProrationBehavior | None
    tax_collection_enabled: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentDisplaySettings(Model):
    show_as_monthly_prices: bool | None
    show_credits: bool | None
    show_feature_description: bool | None
    show_hard_limit: bool | None
    show_period_toggle: bool | None
    show_zero_price_as_free: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentPreviewResponseData(Model):
    active_add_ons: list[CompanyPlanDetailResponseData] | None
    active_plans: list[CompanyPlanDetailResponseData] | None
    active_usage_based_entitlements: list[UsageBasedEntitlementResponseData] | None
    add_on_compatibilities: list[CompatiblePlans] | None
    checkout_settings: ComponentCheckoutSettings | None
    credit_bundles: list[BillingCreditBundleView] | None
    credit_grants: list[CreditCompanyGrantView] | None
    custom_checkout_fields: list[CheckoutFieldWithValue] | None
    display_settings: ComponentDisplaySettings | None
    invoices: list[InvoiceResponseData] | None
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
class ComponentResponseData(Model):
    created_at: datetime | None
    id: str | None
    name: str | None
    state: ComponentState | None
    type: ComponentEntityType | None
    updated_at: datetime | None
    ast: dict[str, float] | None = None
    catalog_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateComponentRequestBody(Model):
    entity_type: ComponentEntityType
    name: str
    ast: dict[str, float] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditBundleCurrencyPrice(Model):
    currency: str | None
    price: BillingPriceView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditCompanyGrantView(Model):
    billing_credit_id: str | None
    company_id: str | None
    company_name: str | None
    created_at: datetime | None
    credit_description: str | None
    credit_name: str | None
    grant_reason: BillingCreditGrantReason | None
    id: str | None
    quantity: float | None
    quantity_remaining: float | None
    quantity_used: float | None
    renewal_enabled: bool | None
    source_label: str | None
    updated_at: datetime | None
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
    amount: float | None
    created_at: datetime | None
    direction: str | None
    id: str | None
    reason: str | None
    related_grant_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanCreditGrantView(Model):
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
    schematic_publishable_key: str | None
    account_id: str | None = None
    publishable_key: str | None = None
    setup_intent_client_secret: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpcomingInvoiceResponseData(Model):
    amount_due: int | None
    amount_paid: int | None
    amount_remaining: int | None
    collection_method: str | None
    created_at: datetime | None
    currency: str | None
    customer_external_id: str | None
    ending_balance: int | None
    environment_id: str | None
    provider_type: BillingProviderType | None
    starting_balance: int | None
    subtotal: int | None
    updated_at: datetime | None
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
