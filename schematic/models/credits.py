"""Models for credits: types, bundles, grants, balances, leases and the ledger."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .billing import BillingPriceResponseData, BillingProductResponseData, BillingProviderType
    from .entitlements import BillingCreditGrantReason


BillingCreditAutoTopupAvailability = Literal["off", "automatic", "user_controlled"]

BillingCreditBundleStatus = Literal["active", "inactive"]

BillingCreditBundleType = Literal["fixed"]

BillingCreditBurnStrategy = Literal[
    "expiration_priority",
    "first_in_first_out",
    "last_in_first_out",
    "plan_first_then_credit_bundles_first_in_first_out",
]

BillingCreditExpiryType = Literal[
    "duration", "end_of_billing_period", "end_of_next_billing_period", "end_of_trial", "no_expiry"
]

BillingCreditExpiryUnit = Literal["billing_periods", "days"]

BillingCreditGrantZeroedOutReason = Literal[
    "customer_archived",
    "expired",
    "integration_uninstalled",
    "license_retired",
    "manual",
    "plan_change",
    "plan_period_reset",
    "reconciled",
]

BillingCreditRolloverPolicy = Literal["expire", "none", "rollover"]

BillingPlanCreditGrantResetCadence = Literal[
    "daily", "every_6_months", "monthly", "quarterly", "weekly", "yearly"
]

BillingPlanCreditGrantResetStart = Literal["billing_period", "first_of_month"]

BillingPlanCreditGrantResetType = Literal["no_reset", "plan_period"]

CreditAutoTopupAmountType = Literal["credit"]

CreditEventType = Literal["grant", "transfer", "usage", "zero_out"]

CreditGrantSortOrder = Literal["created_at", "expires_at", "quantity", "quantity_remaining"]

CreditUsageReason = Literal[
    "lease_hold", "lease_release", "manual_adjustment", "reconciliation", "track"
]

PlanCreditGrantScaling = Literal["fixed", "per_license"]


@dataclass(frozen=True, slots=True, kw_only=True)
class AcquireCreditLeaseRequestBody(Model):
    company_id: str
    credit_type_id: str
    requested_amount: float
    expires_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCreditBundleResponseData(Model):
    bundle_type: BillingCreditBundleType | None
    compatible_plan_ids: list[str] | None
    created_at: datetime | None
    credit_id: str | None
    credit_name: str | None
    currency_prices: list[CreditBundleCurrencyPriceResponseData] | None
    expiry_type: BillingCreditExpiryType | None
    expiry_unit: BillingCreditExpiryUnit | None
    has_grants: bool | None
    id: str | None
    name: str | None
    status: BillingCreditBundleStatus | None
    updated_at: datetime | None
    billing_invoice_id: str | None = None
    credit_description: str | None = None
    credit_icon: str | None = None
    expiry_unit_count: int | None = None
    plural_name: str | None = None
    price: BillingPriceResponseData | None = None
    quantity: int | None = None
    singular_name: str | None = None
    unit_price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCreditGrantResponseData(Model):
    company_id: str | None
    company_name: str | None
    created_at: datetime | None
    credit_id: str | None
    credit_name: str | None
    grant_reason: BillingCreditGrantReason | None
    id: str | None
    quantity: float | None
    quantity_remaining: float | None
    quantity_used: float | None
    renewal_enabled: bool | None
    source_label: str | None
    updated_at: datetime | None
    company_license_id: str | None = None
    credit_icon: str | None = None
    currency: str | None = None
    expires_at: datetime | None = None
    license_name: str | None = None
    plan_id: str | None = None
    plan_name: str | None = None
    price: BillingPriceResponseData | None = None
    renewal_period: BillingPlanCreditGrantResetCadence | None = None
    reserved: float | None = None
    settled: float | None = None
    source_grant_id: str | None = None
    transfers: list[CreditTransferResponseData] | None = None
    valid_from: datetime | None = None
    zeroed_out_date: datetime | None = None
    zeroed_out_reason: BillingCreditGrantZeroedOutReason | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCreditLedgerResponseData(Model):
    id: str | None
    name: str | None
    description: str | None = None
    icon: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingCreditResponseData(Model):
    burn_strategy: BillingCreditBurnStrategy | None
    cost_editable: bool | None
    created_at: datetime | None
    currency_prices: list[CreditCurrencyPriceResponseData] | None
    default_expiry_unit: BillingCreditExpiryUnit | None
    default_rollover_policy: BillingCreditRolloverPolicy | None
    description: str | None
    id: str | None
    name: str | None
    updated_at: datetime | None
    default_expiry_unit_count: int | None = None
    icon: str | None = None
    plural_name: str | None = None
    price: BillingPriceResponseData | None = None
    product: BillingProductResponseData | None = None
    singular_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingPlanCreditGrantResponseData(Model):
    auto_topup_availability: BillingCreditAutoTopupAvailability | None
    auto_topup_enabled: bool | None
    auto_topup_self_service: bool | None
    can_buy_bundles: bool | None
    company_credit_amount: int | None
    created_at: datetime | None
    credit_amount: int | None
    credit_id: str | None
    credit_name: str | None
    id: str | None
    plan_id: str | None
    plan_name: str | None
    rollover_percentage: int | None
    scaling: PlanCreditGrantScaling | None
    updated_at: datetime | None
    auto_topup_amount: int | None = None
    auto_topup_amount_type: str | None = None
    auto_topup_expiry_type: BillingCreditExpiryType | None = None
    auto_topup_expiry_unit: BillingCreditExpiryUnit | None = None
    auto_topup_expiry_unit_count: int | None = None
    auto_topup_threshold_credits: int | None = None
    auto_topup_threshold_percent: int | None = None
    credit: BillingCreditResponseData | None = None
    credit_plural_name: str | None = None
    credit_singular_name: str | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    license_id: str | None = None
    plan: PreviewObjectResponseData | None = None
    plan_version_id: str | None = None
    reset_cadence: BillingPlanCreditGrantResetCadence | None = None
    reset_start: BillingPlanCreditGrantResetStart | None = None
    reset_type: BillingPlanCreditGrantResetType | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyCreditBalanceResponseData(Model):
    credit_id: str | None
    remaining: float | None
    reserved: float | None
    settled: float | None
    source: BillingProviderType | None
    total: float | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompanyLedgerResponseData(Model):
    id: str | None
    name: str | None
    logo_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingCreditRequestBody(Model):
    currency: str
    description: str
    name: str
    burn_strategy: BillingCreditBurnStrategy | None = None
    currency_prices: list[CreditCurrencyPriceRequestBody] | None = None
    default_expiry_unit: BillingCreditExpiryUnit | None = None
    default_expiry_unit_count: int | None = None
    default_rollover_policy: BillingCreditRolloverPolicy | None = None
    icon: str | None = None
    per_unit_price: int | None = None
    per_unit_price_decimal: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingPlanCreditGrantRequestBody(Model):
    credit_amount: int
    credit_id: str
    plan_id: str
    reset_cadence: BillingPlanCreditGrantResetCadence
    reset_start: BillingPlanCreditGrantResetStart
    apply_to_existing: bool | None = None
    auto_topup_amount: int | None = None
    auto_topup_amount_type: CreditAutoTopupAmountType | None = None
    auto_topup_availability: BillingCreditAutoTopupAvailability | None = None
    auto_topup_enabled: bool | None = None
    auto_topup_expiry_type: BillingCreditExpiryType | None = None
    auto_topup_expiry_unit: BillingCreditExpiryUnit | None = None
    auto_topup_expiry_unit_count: int | None = None
    auto_topup_self_service: bool | None = None
    auto_topup_threshold_credits: int | None = None
    auto_topup_threshold_percent: int | None = None
    can_buy_bundles: bool | None = None
    company_credit_amount: int | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    license_id: str | None = None
    plan_version_id: str | None = None
    reset_type: BillingPlanCreditGrantResetType | None = None
    rollover_percentage: int | None = None
    scaling: PlanCreditGrantScaling | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCompanyCreditGrant(Model):
    company_id: str
    credit_id: str
    quantity: int
    reason: BillingCreditGrantReason
    billing_periods_count: int | None = None
    currency: str | None = None
    expires_at: datetime | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    renewal_enabled: bool | None = None
    renewal_period: BillingPlanCreditGrantResetStart | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCreditBundleRequestBody(Model):
    bundle_name: str
    credit_id: str
    currency: str
    price_per_unit: int
    bundle_type: BillingCreditBundleType | None = None
    compatible_plan_ids: list[str] | None = None
    currency_prices: list[CreditBundleCurrencyPriceRequestBody] | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    price_per_unit_decimal: str | None = None
    quantity: int | None = None
    status: BillingCreditBundleStatus | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditBundleCurrencyPriceRequestBody(Model):
    currency: str
    price_per_unit: int | None = None
    price_per_unit_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditBundleCurrencyPriceResponseData(Model):
    currency: str | None
    price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditCurrencyPriceRequestBody(Model):
    currency: str
    price_per_unit: int | None = None
    price_per_unit_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditCurrencyPriceResponseData(Model):
    currency: str | None
    price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditEventLedgerResponseData(Model):
    amount: float | None
    billing_credit_id: str | None
    company_id: str | None
    credit_name: str | None
    environment_id: str | None
    event_at: datetime | None
    event_id: str | None
    event_type: CreditEventType | None
    source_id: int | None
    auto_topup_log_id: str | None = None
    billing_credit_bundle_id: str | None = None
    company: CompanyLedgerResponseData | None = None
    credit: BillingCreditLedgerResponseData | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    feature: FeatureLedgerResponseData | None = None
    feature_id: str | None = None
    from_grant_id: str | None = None
    grant_expires_at: datetime | None = None
    grant_id: str | None = None
    grant_quantity: float | None = None
    grant_quantity_remaining: float | None = None
    grant_reason: BillingCreditGrantReason | None = None
    grant_valid_from: datetime | None = None
    plan_id: str | None = None
    quantity_consumed: float | None = None
    quantity_remaining_at_zero_out: float | None = None
    to_grant_id: str | None = None
    usage_event_id: str | None = None
    usage_reason: CreditUsageReason | None = None
    zeroed_out_reason: BillingCreditGrantZeroedOutReason | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditLeaseResponseData(Model):
    company_id: str | None
    created_at: datetime | None
    credit_type_id: str | None
    expires_at: datetime | None
    granted_amount: float | None
    id: str | None
    updated_at: datetime | None
    released_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreditTransferResponseData(Model):
    amount: float | None
    created_at: datetime | None
    direction: str | None
    id: str | None
    reason: str | None
    related_grant_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtendCreditLeaseRequestBody(Model):
    additional_amount: float
    expires_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeatureLedgerResponseData(Model):
    id: str | None
    name: str | None
    description: str | None = None
    icon: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PreviewObjectResponseData(Model):
    id: str | None
    name: str | None
    description: str | None = None
    image_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ReleaseCreditLeaseRequestBody(Model):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateBillingCreditRequestBody(Model):
    description: str
    name: str
    burn_strategy: BillingCreditBurnStrategy | None = None
    currency_prices: list[CreditCurrencyPriceRequestBody] | None = None
    default_expiry_unit: BillingCreditExpiryUnit | None = None
    default_expiry_unit_count: int | None = None
    default_rollover_policy: BillingCreditRolloverPolicy | None = None
    icon: str | None = None
    per_unit_price: int | None = None
    per_unit_price_decimal: str | None = None
    plural_name: str | None = None
    singular_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateBillingPlanCreditGrantRequestBody(Model):
    reset_cadence: BillingPlanCreditGrantResetCadence
    reset_start: BillingPlanCreditGrantResetStart
    apply_to_existing: bool | None = None
    auto_topup_amount: int | None = None
    auto_topup_amount_type: CreditAutoTopupAmountType | None = None
    auto_topup_availability: BillingCreditAutoTopupAvailability | None = None
    auto_topup_enabled: bool | None = None
    auto_topup_expiry_type: BillingCreditExpiryType | None = None
    auto_topup_expiry_unit: BillingCreditExpiryUnit | None = None
    auto_topup_expiry_unit_count: int | None = None
    auto_topup_self_service: bool | None = None
    auto_topup_threshold_credits: int | None = None
    auto_topup_threshold_percent: int | None = None
    can_buy_bundles: bool | None = None
    company_credit_amount: int | None = None
    credit_amount: int | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    license_id: str | None = None
    reset_type: BillingPlanCreditGrantResetType | None = None
    rollover_percentage: int | None = None
    scaling: PlanCreditGrantScaling | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCreditBundleDetailsRequestBody(Model):
    bundle_name: str
    price_per_unit: int
    compatible_plan_ids: list[str] | None = None
    currency_prices: list[CreditBundleCurrencyPriceRequestBody] | None = None
    expiry_type: BillingCreditExpiryType | None = None
    expiry_unit: BillingCreditExpiryUnit | None = None
    expiry_unit_count: int | None = None
    price_per_unit_decimal: str | None = None
    quantity: int | None = None
    status: BillingCreditBundleStatus | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class ZeroOutGrantRequestBody(Model):
    reason: BillingCreditGrantZeroedOutReason | None = None
