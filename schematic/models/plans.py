"""Models for plans, plan versions and company plans."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .billing import (
        BillingPriceResponseData,
        BillingProductDetailResponseData,
        BillingProviderType,
    )
    from .credits import BillingCreditResponseData, BillingPlanCreditGrantResponseData
    from .entitlements import FeatureInPlanResponseData, PlanEntitlementResponseData
    from .features import BillingLinkedResourceResponseData


BillingStrategy = Literal["schematic_managed", "provider_managed", "no_billing"]

ChargeType = Literal["free", "none", "one_time", "recurring"]

CustomPlanActivationStrategy = Literal["on_payment", "on_publish"]

CustomPlanBillingStatus = Literal["active", "expired", "paid", "pending"]

MigrationProrationBehavior = Literal["always_invoice", "create_prorations", "none"]

PlanBillingSource = Literal["custom_plan", "manage_plan"]

PlanIcon = Literal[
    "amber",
    "blue",
    "blueGray",
    "blueGreen",
    "cyan",
    "emerald",
    "fuchsia",
    "gray",
    "green",
    "indigo",
    "lightBlue",
    "lime",
    "orange",
    "pink",
    "purple",
    "red",
    "redOrange",
    "rose",
    "sky",
    "slate",
    "teal",
    "trueGray",
    "violet",
    "warmGray",
    "yellow",
]

PlanType = Literal["plan", "add_on"]

PlanVersionMigrationStrategy = Literal["immediate", "leave"]

PlanVersionStatus = Literal["published", "draft", "archived"]

TaxIdType = Literal[
    "ae_trn",
    "au_abn",
    "au_arn",
    "br_cnpj",
    "br_cpf",
    "ca_bn",
    "ca_gst_hst",
    "ca_pst_bc",
    "ca_pst_mb",
    "ca_pst_sk",
    "ca_qst",
    "ch_uid",
    "ch_vat",
    "eu_vat",
    "gb_vat",
    "hk_br",
    "id_npwp",
    "il_vat",
    "in_gst",
    "jp_cn",
    "jp_rn",
    "jp_trn",
    "kr_brn",
    "mx_rfc",
    "my_frp",
    "my_itn",
    "my_sst",
    "no_vat",
    "nz_gst",
    "ph_tin",
    "sa_vat",
    "sg_gst",
    "sg_uen",
    "th_vat",
    "tr_tin",
    "tw_vat",
    "us_ein",
    "za_vat",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class BillingProductPlanResponseData(Model):
    account_id: str | None
    billing_product_id: str | None
    billing_strategy: BillingStrategy | None
    charge_type: ChargeType | None
    controlled_by: BillingProviderType | None
    environment_id: str | None
    is_trialable: bool | None
    plan_id: str | None
    monthly_price_id: str | None = None
    one_time_price_id: str | None = None
    trial_days: int | None = None
    yearly_price_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutFieldValue(Model):
    id: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateBillingLinkedPlanRequestBody(Model):
    billing_provider: BillingProviderType
    external_resource_id: str
    name: str
    plan_type: PlanType
    description: str | None = None
    external_resource_version: str | None = None
    icon: PlanIcon | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCustomPlanRequestBody(Model):
    company_id: str
    name: str
    copied_from_plan_id: str | None = None
    copied_price_id: str | None = None
    description: str | None = None
    icon: PlanIcon | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePlanRequestBody(Model):
    name: str
    plan_type: PlanType
    description: str | None = None
    icon: PlanIcon | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomPlanBillingResponseData(Model):
    activation_strategy: CustomPlanActivationStrategy | None
    company_id: str | None
    created_at: datetime | None
    days_until_due: int | None
    id: str | None
    plan_billing_source: PlanBillingSource | None
    plan_id: str | None
    send_invoice: bool | None
    status: CustomPlanBillingStatus | None
    updated_at: datetime | None
    billing_cycle_anchor: datetime | None = None
    external_invoice_id: str | None = None
    paid_at: datetime | None = None
    published_at: datetime | None = None
    stripe_invoice_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomerBillingAddress(Model):
    city: str
    country: str
    line1: str
    line2: str
    postal_code: str
    state: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MarkCustomPlanBillingPaidRequestBody(Model):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanCatalogMembershipResponseData(Model):
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanCurrencyPriceRequestBody(Model):
    currency: str
    monthly_price: int | None = None
    one_time_price: int | None = None
    quarterly_price: int | None = None
    yearly_price: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanCurrencyPricesResponseData(Model):
    currency: str | None
    monthly_price: BillingPriceResponseData | None = None
    one_time_price: BillingPriceResponseData | None = None
    quarterly_price: BillingPriceResponseData | None = None
    yearly_price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanDetailResponseData(Model):
    billing_strategy: BillingStrategy | None
    charge_type: ChargeType | None
    company_count: int | None
    controlled_by: BillingProviderType | None
    created_at: datetime | None
    credits: list[BillingCreditResponseData] | None
    currency_prices: list[PlanCurrencyPricesResponseData] | None
    description: str | None
    features: list[FeatureInPlanResponseData] | None
    icon: PlanIcon | None
    id: str | None
    is_default: bool | None
    is_trialable: bool | None
    name: str | None
    plan_type: PlanType | None
    updated_at: datetime | None
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
    draft_version: PlanVersionResponseData | None = None
    entitlements: list[PlanEntitlementResponseData] | None = None
    included_credit_grants: list[BillingPlanCreditGrantResponseData] | None = None
    is_free: bool | None = None
    monthly_price: BillingPriceResponseData | None = None
    one_time_price: BillingPriceResponseData | None = None
    quarterly_price: BillingPriceResponseData | None = None
    trial_days: int | None = None
    yearly_price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanIssueResponseData(Model):
    code: str | None
    description: str | None
    detail: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanVersionResponseData(Model):
    created_at: datetime | None
    description: str | None
    environment_id: str | None
    icon: PlanIcon | None
    id: str | None
    name: str | None
    plan_type: PlanType | None
    status: PlanVersionStatus | None
    updated_at: datetime | None
    version: int | None
    original_plan_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishPlanVersionRequestBody(Model):
    excluded_company_ids: list[str]
    migration_strategy: PlanVersionMigrationStrategy
    activation_strategy: CustomPlanActivationStrategy | None = None
    address: CustomerBillingAddress | None = None
    coupon_external_id: str | None = None
    custom_field_values: list[CheckoutFieldValue] | None = None
    customer_email: str | None = None
    days_until_due: int | None = None
    phone: str | None = None
    proration_behavior: MigrationProrationBehavior | None = None
    require_no_migration: bool | None = None
    send_invoice: bool | None = None
    tax_id: TaxIDInput | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RetryCustomPlanBillingRequestBody(Model):
    customer_email: str
    activation_strategy: CustomPlanActivationStrategy | None = None
    days_until_due: int | None = None
    send_invoice: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TaxIDInput(Model):
    type: TaxIdType
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCompanyPlansRequestBody(Model):
    add_on_ids: list[str]
    base_plan_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePlanRequestBody(Model):
    name: str
    description: str | None = None
    icon: PlanIcon | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpsertBillingProductRequestBody(Model):
    charge_type: ChargeType
    is_trialable: bool
    billing_product_id: str | None = None
    billing_strategy: BillingStrategy | None = None
    currency: str | None = None
    currency_prices: list[PlanCurrencyPriceRequestBody] | None = None
    monthly_price: int | None = None
    monthly_price_id: str | None = None
    one_time_price: int | None = None
    one_time_price_id: str | None = None
    quarterly_price: int | None = None
    quarterly_price_id: str | None = None
    trial_days: int | None = None
    yearly_price: int | None = None
    yearly_price_id: str | None = None
