"""Models for checkout, plan management and billing details."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from ._base import Model

if TYPE_CHECKING:
    from .billing import (
        BillingPriceView,
        BillingProviderType,
        BillingSubscriptionTrialEndSetting,
        InvoiceResponseData,
        PaymentMethodResponseData,
    )
    from .companies import (
        BillingProductForSubscriptionResponseData,
        BillingSubscriptionDiscountView,
        CompanyDetailResponseData,
        CompanySubscriptionResponseData,
    )
    from .credits import BillingCreditBundleResponseData
    from .entitlements import (
        EntitlementPriceBehavior,
        EntitlementValueType,
        FeatureUsageDetailResponseData,
        FeatureUsageResponseData,
        MetricPeriodMonthReset,
    )
    from .features import MetricPeriod
    from .plans import (
        CheckoutFieldValue,
        CustomerBillingAddress,
        PlanDetailResponseData,
        TaxIDInput,
    )


BillingCollectionMethod = Literal["charge_automatically", "send_invoice"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingSubscriptionView(Model):
    cancel_at_period_end: bool | None
    created_at: datetime | None
    currency: str | None
    customer_external_id: str | None
    discounts: list[BillingSubscriptionDiscountView] | None
    id: str | None
    interval: str | None
    period_end: int | None
    period_start: int | None
    products: list[BillingProductForSubscriptionResponseData] | None
    provider_type: BillingProviderType | None
    status: str | None
    subscription_external_id: str | None
    total_price: int | None
    application_id: str | None = None
    cancel_at: int | None = None
    company_id: str | None = None
    default_payment_method_id: str | None = None
    expired_at: datetime | None = None
    latest_invoice: InvoiceResponseData | None = None
    metadata: dict[str, Any] | None = None
    payment_method: PaymentMethodResponseData | None = None
    trial_end: int | None = None
    trial_end_setting: BillingSubscriptionTrialEndSetting | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CancelSubscriptionRequest(Model):
    company_id: str
    cancel_immediately: bool | None = None
    prorate: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ChangeSubscriptionInternalRequestBody(Model):
    add_on_ids: list[UpdateAddOnRequestBody]
    auto_topup_overrides: list[UpdateAutoTopupOverrideRequestBody]
    company_id: str
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
class CheckoutDataRequestBody(Model):
    company_id: str
    currency: str | None = None
    selected_plan_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutDataResponseData(Model):
    active_add_ons: list[PlanDetailResponseData] | None
    active_usage_based_entitlements: list[UsageBasedEntitlementResponseData] | None
    available_credit_bundles: list[BillingCreditBundleResponseData] | None
    custom_checkout_fields: list[CheckoutFieldWithValue] | None
    selected_credit_bundles: list[CreditBundlePurchaseResponseData] | None
    selected_usage_based_entitlements: list[UsageBasedEntitlementResponseData] | None
    active_plan: PlanDetailResponseData | None = None
    company: CompanyDetailResponseData | None = None
    feature_usage: FeatureUsageDetailResponseData | None = None
    selected_plan: PlanDetailResponseData | None = None
    subscription: CompanySubscriptionResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutFieldWithValue(Model):
    definition_id: str | None
    id: str | None
    name: str | None
    required: bool | None
    stripe_metadata_key: str | None
    helper_text: str | None = None
    value: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutSubscription(Model):
    cancel_at_period_end: bool | None
    created_at: datetime | None
    currency: str | None
    customer_external_id: str | None
    id: str | None
    interval: str | None
    period_end: int | None
    period_start: int | None
    provider_type: BillingProviderType | None
    status: str | None
    subscription_external_id: str | None
    total_price: int | None
    application_id: str | None = None
    cancel_at: int | None = None
    company_id: str | None = None
    confirm_payment_intent_client_secret: str | None = None
    confirm_payment_intent_id: str | None = None
    default_payment_method_id: str | None = None
    expired_at: datetime | None = None
    invoice_id: str | None = None
    invoice_url: str | None = None
    metadata: dict[str, Any] | None = None
    trial_end: int | None = None
    trial_end_setting: BillingSubscriptionTrialEndSetting | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingAddressView(Model):
    city: str | None
    country: str | None
    line1: str | None
    line2: str | None
    postal_code: str | None
    state: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingCheckoutSettings(Model):
    collect_address: bool | None
    collect_email: bool | None
    collect_phone: bool | None
    collect_tax_id: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyBillingDetailsResponseData(Model):
    checkout_settings: CompanyBillingCheckoutSettings | None
    custom_fields: list[CheckoutFieldWithValue] | None
    tax_ids: list[CompanyTaxIDView] | None
    address: CompanyBillingAddressView | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyTaxIDView(Model):
    country: str | None
    id: str | None
    type: str | None
    value: str | None
    verification_status: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditBundlePurchaseResponseData(Model):
    quantity: int | None
    total: int | None
    bundle: BillingCreditBundleResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ManagePlanPreviewResponseResponseData(Model):
    subscription_change_preview: PreviewSubscriptionChangeResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ManagePlanRequest(Model):
    add_on_selections: list[PlanSelection]
    company_id: str
    credit_bundles: list[UpdateCreditBundleRequestBody]
    custom_field_values: list[CheckoutFieldValue]
    pay_in_advance_entitlements: list[UpdatePayInAdvanceRequestBody]
    activate_on_payment: bool | None = None
    base_plan_id: str | None = None
    base_plan_price_id: str | None = None
    base_plan_version_id: str | None = None
    billing_cycle_anchor: datetime | None = None
    billing_email: str | None = None
    billing_entity_id: str | None = None
    cancel_immediately: bool | None = None
    collection_method: BillingCollectionMethod | None = None
    coupon_external_id: str | None = None
    days_until_due: int | None = None
    payment_method_external_id: str | None = None
    promo_code: str | None = None
    prorate: bool | None = None
    prorate_first_period: bool | None = None
    send_invoice: bool | None = None
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ManagePlanResponseResponseData(Model):
    success: bool | None
    company: CompanyDetailResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanSelection(Model):
    plan_id: str
    price_id: str | None = None
    version_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewSubscriptionChangeResponseData(Model):
    amount_off: int | None
    due_now: int | None
    is_scheduled_downgrade: bool | None
    new_charges: int | None
    opt_in_required: bool | None
    payment_method_required: bool | None
    percent_off: float | None
    period_start: datetime | None
    promo_code_applied: bool | None
    proration: int | None
    usage_violations: list[FeatureUsageResponseData] | None
    finance: PreviewSubscriptionFinanceResponseData | None = None
    opt_in_text: str | None = None
    opt_in_title: str | None = None
    scheduled_change_time: datetime | None = None
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewSubscriptionDiscountResponseData(Model):
    coupon_name: str | None
    duration: str | None
    is_active: bool | None
    started_at: datetime | None
    amount_off: int | None = None
    currency: str | None = None
    customer_facing_code: str | None = None
    duration_in_months: int | None = None
    ended_at: datetime | None = None
    percent_off: float | None = None
    promo_code_external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewSubscriptionFinanceResponseData(Model):
    amount_off: int | None
    discount_amount: int | None
    discounts: list[PreviewSubscriptionDiscountResponseData] | None
    due_now: int | None
    new_charges: int | None
    percent_off: float | None
    period_end: datetime | None
    period_start: datetime | None
    promo_code_applied: bool | None
    proration: int | None
    tax_require_billing_details: bool | None
    total_per_billing_period: int | None
    upcoming_invoice_line_items: list[PreviewSubscriptionUpcomingInvoiceLineItems] | None
    proration_billed_at: datetime | None = None
    tax_amount: int | None = None
    tax_display_name: str | None = None
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewSubscriptionUpcomingInvoiceLineItems(Model):
    amount: int | None
    description: str | None
    price_id: str | None
    proration: bool | None
    quantity: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateAddOnRequestBody(Model):
    add_on_id: str
    price_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateAutoTopupOverrideRequestBody(Model):
    plan_credit_grant_id: str
    auto_topup_amount: int | None = None
    auto_topup_enabled: bool | None = None
    auto_topup_threshold_credits: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCompanyBillingDetailsRequestBody(Model):
    values: list[CheckoutFieldValue]
    address: CustomerBillingAddress | None = None
    email: str | None = None
    phone: str | None = None
    tax_id: TaxIDInput | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCreditBundleRequestBody(Model):
    bundle_id: str
    quantity: int


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePayInAdvanceRequestBody(Model):
    price_id: str
    quantity: int


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateTrialEndRequestBody(Model):
    trial_end: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UsageBasedEntitlementResponseData(Model):
    feature_id: str | None
    value_type: EntitlementValueType | None
    billing_threshold: int | None = None
    consumption_rate: float | None = None
    metered_price: BillingPriceView | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    monthly_usage_based_price: BillingPriceView | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    quarterly_usage_based_price: BillingPriceView | None = None
    usage_quantity: int | None = None
    value_bool: bool | None = None
    value_numeric: int | None = None
    yearly_usage_based_price: BillingPriceView | None = None
