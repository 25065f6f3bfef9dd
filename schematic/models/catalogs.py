"""Models for plan catalogs."""

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
    from .plangroups import CustomPlanViewConfigResponseData
    from .plans import (
        BillingStrategy,
        ChargeType,
        PlanCatalogMembershipResponseData,
        PlanCurrencyPricesResponseData,
        PlanIcon,
        PlanType,
        PlanVersionResponseData,
    )


PlanPriceCadence = Literal["monthly", "quarterly", "yearly"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogConfigOrderedBundle(Model):
    bundle_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogConfigOrderedBundleResponseData(Model):
    bundle_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogConfigOrderedEntitlement(Model):
    feature_id: str
    visible: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogConfigOrderedEntitlementResponseData(Model):
    feature_id: str | None
    visible: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogConfigOrderedPlan(Model):
    plan_id: str
    entitlements: list[CatalogConfigOrderedEntitlement] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogConfigOrderedPlanResponseData(Model):
    entitlements: list[CatalogConfigOrderedEntitlementResponseData] | None
    plan_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogConfigurationResponseData(Model):
    add_ons: list[PlanGroupPlanDetailResponseData] | None
    custom_plans_visible: bool | None
    ordered_add_ons: list[CatalogConfigOrderedPlanResponseData] | None
    ordered_bundles: list[CatalogConfigOrderedBundleResponseData] | None
    ordered_plans: list[CatalogConfigOrderedPlanResponseData] | None
    plans: list[PlanGroupPlanDetailResponseData] | None
    custom_plan_cta_text: str | None = None
    custom_plan_cta_url: str | None = None
    custom_plan_price_text: str | None = None
    pricing_model: str | None = None
    pricing_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogCreditBundleIDsResponseData(Model):
    credit_bundle_ids: list[str] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogDerivedFeatureResponseData(Model):
    icon: str | None
    id: str | None
    name: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogDerivedFeaturesResponseData(Model):
    features: list[CatalogDerivedFeatureResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogPlanIDsResponseData(Model):
    plan_ids: list[str] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CatalogResponseData(Model):
    account_id: str | None
    created_at: datetime | None
    custom_plans_visible: bool | None
    id: str | None
    is_default: bool | None
    name: str | None
    updated_at: datetime | None
    custom_plan_cta_text: str | None = None
    custom_plan_cta_url: str | None = None
    custom_plan_price_text: str | None = None
    description: str | None = None
    pricing_model: str | None = None
    pricing_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateCatalogRequestBody(Model):
    name: str
    description: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGroupPlanDetailResponseData(Model):
    available_periods: list[PlanPriceCadence] | None
    billing_strategy: BillingStrategy | None
    charge_type: ChargeType | None
    company_count: int | None
    compatible_plan_ids: list[str] | None
    controlled_by: BillingProviderType | None
    created_at: datetime | None
    credits: list[BillingCreditResponseData] | None
    currency_prices: list[PlanCurrencyPricesResponseData] | None
    description: str | None
    features: list[FeatureInPlanResponseData] | None
    icon: PlanIcon | None
    id: str | None
    is_custom: bool | None
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
    custom_plan_config: CustomPlanViewConfigResponseData | None = None
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
class UpdateCatalogConfigurationRequestBody(Model):
    custom_plan_cta_text: str | None = None
    custom_plan_cta_url: str | None = None
    custom_plan_price_text: str | None = None
    custom_plans_visible: bool | None = None
    ordered_add_ons: list[CatalogConfigOrderedPlan] | None = None
    ordered_bundles: list[CatalogConfigOrderedBundle] | None = None
    ordered_plans: list[CatalogConfigOrderedPlan] | None = None
    pricing_model: str | None = None
    pricing_url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdateCatalogRequestBody(Model):
    description: str | None = None
    is_default: bool | None = None
    name: str | None = None
