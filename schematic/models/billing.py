"""Models for billing customers, products, prices, subscriptions and meters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from ._base import Model

BillingPriceScheme = Literal["per_unit", "tiered"]

BillingPriceUsageType = Literal["licensed", "metered"]

BillingProductPriceInterval = Literal["day", "month", "one-time", "year"]

BillingProviderType = Literal["metronome", "orb", "schematic", "stripe"]

BillingSubscriptionTrialEndSetting = Literal["cancel", "subscribe"]

BillingTiersMode = Literal["graduated", "volume"]

InvoiceStatus = Literal["draft", "open", "paid", "uncollectible", "void"]


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCouponResponseData(Model):
    account_id: str | None
    environment_id: str | None
    external_id: str | None
    id: str | None
    is_active: bool | None
    metadata: dict[str, Any] | None
    name: str | None
    provider_type: BillingProviderType | None
    times_redeemed: int | None
    amount_off: int | None = None
    currency: str | None = None
    duration: str | None = None
    duration_in_months: int | None = None
    max_redemptions: int | None = None
    percent_off: float | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCustomerResponseData(Model):
    email: str | None
    external_id: str | None
    id: str | None
    name: str | None
    provider_type: BillingProviderType | None
    updated_at: datetime | None
    company_id: str | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCustomerSubscription(Model):
    currency: str | None
    interval: str | None
    metered_usage: bool | None
    per_unit_price: int | None
    total_price: int | None
    expired_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCustomerWithSubscriptionsResponseData(Model):
    email: str | None
    external_id: str | None
    id: str | None
    name: str | None
    provider_type: BillingProviderType | None
    subscriptions: list[BillingCustomerSubscription] | None
    updated_at: datetime | None
    company_id: str | None = None
    deleted_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingMeterResponseData(Model):
    dispaly_name: str | None
    event_name: str | None
    event_payload_key: str | None
    external_price_id: str | None
    id: str | None
    provider_type: BillingProviderType | None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingPriceResponseData(Model):
    currency: str | None
    external_price_id: str | None
    id: str | None
    interval: BillingProductPriceInterval | None
    interval_count: int | None
    price: int | None
    provider_type: BillingProviderType | None
    scheme: BillingPriceScheme | None
    nickname: str | None = None
    price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingPriceView(Model):
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
    price_id: str | None
    price_tier: list[BillingProductPriceTierResponseData] | None
    product_external_id: str | None
    product_id: str | None
    product_name: str | None
    provider_type: BillingProviderType | None
    updated_at: datetime | None
    usage_type: BillingPriceUsageType | None
    meter_event_name: str | None = None
    meter_event_payload_key: str | None = None
    meter_id: str | None = None
    nickname: str | None = None
    price_decimal: str | None = None
    tiers_mode: BillingTiersMode | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductDetailResponseData(Model):
    account_id: str | None
    created_at: datetime | None
    environment_id: str | None
    external_id: str | None
    is_active: bool | None
    name: str | None
    price: float | None
    prices: list[BillingPriceResponseData] | None
    product_id: str | None
    provider_type: BillingProviderType | None
    quantity: float | None
    subscription_count: int | None
    updated_at: datetime | None
    currency: str | None = None
    price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductPriceTierResponseData(Model):
    flat_amount: int | None = None
    per_unit_price: int | None = None
    per_unit_price_decimal: str | None = None
    up_to: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductPricing(Model):
    currency: str
    interval: str
    price: int
    price_external_id: str
    product_external_id: str
    quantity: int
    usage_type: BillingPriceUsageType
    billing_threshold: int | None = None
    meter_id: str | None = None
    package_size: int | None = None
    price_decimal: str | None = None
    subscription_item_external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductResponseData(Model):
    account_id: str | None
    created_at: datetime | None
    environment_id: str | None
    external_id: str | None
    is_active: bool | None
    name: str | None
    price: float | None
    product_id: str | None
    provider_type: BillingProviderType | None
    quantity: float | None
    updated_at: datetime | None
    currency: str | None = None
    price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingSubscriptionDiscount(Model):
    coupon_external_id: str
    external_id: str
    is_active: bool
    started_at: datetime
    customer_facing_code: str | None = None
    ended_at: datetime | None = None
    promo_code_external_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingSubscriptionResponseData(Model):
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
    default_payment_method_id: str | None = None
    expired_at: datetime | None = None
    metadata: dict[str, Any] | None = None
    trial_end: int | None = None
    trial_end_setting: BillingSubscriptionTrialEndSetting | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingCustomerRequestBody(Model):
    email: str
    external_id: str
    meta: dict[str, str]
    name: str
    company_id: str | None = None
    default_payment_method_id: str | None = None
    provider_type: BillingProviderType | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingPriceRequestBody(Model):
    billing_scheme: BillingPriceScheme
    currency: str
    external_account_id: str
    interval: str
    is_active: bool
    price: int
    price_external_id: str
    price_tiers: list[CreateBillingPriceTierRequestBody]
    product_external_id: str
    usage_type: BillingPriceUsageType
    interval_count: int | None = None
    meter_id: str | None = None
    nickname: str | None = None
    package_size: int | None = None
    price_decimal: str | None = None
    provider_type: BillingProviderType | None = None
    tiers_mode: BillingTiersMode | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingPriceTierRequestBody(Model):
    price_external_id: str
    flat_amount: int | None = None
    per_unit_decimal: str | None = None
    per_unit_price: int | None = None
    provider_type: BillingProviderType | None = None
    up_to: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingProductRequestBody(Model):
    external_id: str
    price: float
    is_active: bool | None = None
    name: str | None = None
    provider_type: BillingProviderType | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingSubscriptionRequestBody(Model):
    cancel_at_period_end: bool
    currency: str
    customer_external_id: str
    discounts: list[BillingSubscriptionDiscount]
    expired_at: datetime
    product_external_ids: list[BillingProductPricing]
    subscription_external_id: str
    total_price: int
    application_id: str | None = None
    cancel_at: int | None = None
    company_id: str | None = None
    default_payment_method_external_id: str | None = None
    default_payment_method_id: str | None = None
    interval: str | None = None
    metadata: dict[str, Any] | None = None
    period_end: int | None = None
    period_start: int | None = None
    provider_type: BillingProviderType | None = None
    status: str | None = None
    trial_end: int | None = None
    trial_end_setting: BillingSubscriptionTrialEndSetting | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCouponRequestBody(Model):
    amount_off: int
    duration: str
    duration_in_months: int
    external_id: str
    max_redemptions: int
    name: str
    percent_off: float
    times_redeemed: int
    currency: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateInvoiceRequestBody(Model):
    amount_due: int
    amount_paid: int
    amount_remaining: int
    collection_method: str
    currency: str
    customer_external_id: str
    subtotal: int
    due_date: datetime | None = None
    ending_balance: int | None = None
    external_id: str | None = None
    payment_method_external_id: str | None = None
    starting_balance: int | None = None
    status: InvoiceStatus | None = None
    subscription_external_id: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateMeterRequestBody(Model):
    display_name: str
    event_name: str
    event_payload_key: str
    external_id: str
    provider_type: BillingProviderType | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePaymentMethodRequestBody(Model):
    customer_external_id: str
    external_id: str
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
class DeleteResponse(Model):
    deleted: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class InvoiceResponseData(Model):
    amount_due: int | None
    amount_paid: int | None
    amount_remaining: int | None
    collection_method: str | None
    created_at: datetime | None
    currency: str | None
    customer_external_id: str | None
    ending_balance: int | None
    environment_id: str | None
    id: str | None
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
class PaymentMethodResponseData(Model):
    created_at: datetime | None
    customer_external_id: str | None
    environment_id: str | None
    external_id: str | None
    id: str | None
    payment_method_type: str | None
    provider_type: BillingProviderType | None
    updated_at: datetime | None
    account_last4: str | None = None
    account_name: str | None = None
    bank_name: str | None = None
    billing_email: str | None = None
    billing_name: str | None = None
    card_brand: str | None = None
    card_exp_month: int | None = None
    card_exp_year: int | None = None
    card_last4: str | None = None
    company_id: str | None = None
