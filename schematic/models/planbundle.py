"""Models for plan bundles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .billing import BillingTiersMode
    from .credits import (
        BillingPlanCreditGrantResponseData,
        CreateBillingPlanCreditGrantRequestBody,
        UpdateBillingPlanCreditGrantRequestBody,
    )
    from .entitlements import (
        CreatePriceTierRequestBody,
        CurrencyPriceRequestBody,
        EntitlementPriceBehavior,
        EntitlementValueType,
        MetricPeriodMonthReset,
        PlanEntitlementResponseData,
        PlanResponseData,
        WarningTierRequestBody,
    )
    from .features import MetricPeriod
    from .plans import (
        BillingProductPlanResponseData,
        CreatePlanRequestBody,
        PlanIcon,
        PlanVersionResponseData,
        UpdatePlanRequestBody,
        UpsertBillingProductRequestBody,
    )


PlanBundleAction = Literal["create", "update", "delete"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCustomPlanBundlePlanRequestBody(Model):
    company_id: str
    name: str
    description: str | None = None
    icon: PlanIcon | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCustomPlanBundleRequestBody(Model):
    billing_product: UpsertBillingProductRequestBody
    entitlements: list[PlanBundleEntitlementRequestBody]
    plan: CreateCustomPlanBundlePlanRequestBody
    credit_grants: list[PlanBundleCreditGrantRequestBody] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateEntitlementInBundleRequestBody(Model):
    feature_id: str
    plan_id: str
    value_type: EntitlementValueType
    billing_product_id: str | None = None
    billing_threshold: int | None = None
    credit_consumption_rate: float | None = None
    currency: str | None = None
    currency_prices: list[CurrencyPriceRequestBody] | None = None
    metric_period: MetricPeriod | None = None
    metric_period_month_reset: MetricPeriodMonthReset | None = None
    monthly_metered_price_id: str | None = None
    monthly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    monthly_unit_price: int | None = None
    monthly_unit_price_decimal: str | None = None
    overage_billing_product_id: str | None = None
    plan_version_id: str | None = None
    price_behavior: EntitlementPriceBehavior | None = None
    price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_metered_price_id: str | None = None
    quarterly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    quarterly_unit_price: int | None = None
    quarterly_unit_price_decimal: str | None = None
    soft_limit: int | None = None
    tier_mode: BillingTiersMode | None = None
    usage_quantity: int | None = None
    value_bool: bool | None = None
    value_credit_id: str | None = None
    value_numeric: int | None = None
    value_trait_id: str | None = None
    warning_tiers: list[WarningTierRequestBody] | None = None
    yearly_metered_price_id: str | None = None
    yearly_price_tiers: list[CreatePriceTierRequestBody] | None = None
    yearly_unit_price: int | None = None
    yearly_unit_price_decimal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePlanBundleRequestBody(Model):
    entitlements: list[PlanBundleEntitlementRequestBody]
    plan: CreatePlanRequestBody
    billing_product: UpsertBillingProductRequestBody | None = None
    credit_grants: list[PlanBundleCreditGrantRequestBody] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DeleteBillingPlanCreditGrantRequestBody(Model):
    apply_to_existing: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanBundleCreditGrantRequestBody(Model):
    action: PlanBundleAction
    create_req: CreateBillingPlanCreditGrantRequestBody | None = None
    credit_grant_id: str | None = None
    delete_req: DeleteBillingPlanCreditGrantRequestBody | None = None
    update_req: UpdateBillingPlanCreditGrantRequestBody | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanBundleEntitlementRequestBody(Model):
    action: PlanBundleAction
    entitlement_id: str | None = None
    req: CreateEntitlementInBundleRequestBody | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanBundleResponseData(Model):
    billing_product: BillingProductPlanResponseData | None = None
    credit_grants: list[BillingPlanCreditGrantResponseData] | None = None
    entitlements: list[PlanEntitlementResponseData] | None = None
    plan: PlanResponseData | None = None
    plan_version: PlanVersionResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePlanBundleRequestBody(Model):
    entitlements: list[PlanBundleEntitlementRequestBody]
    plan: UpdatePlanRequestBody
    billing_product: UpsertBillingProductRequestBody | None = None
    credit_grants: list[PlanBundleCreditGrantRequestBody] | None = None
    plan_version_id: str | None = None
