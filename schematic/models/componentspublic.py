"""Models for public (publishable-key) component data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from ._base import Model

if TYPE_CHECKING:
    from .billing import (
        BillingPriceResponseData,
        BillingProductDetailResponseData,
        BillingProviderType,
    )
    from .catalogs import PlanPriceCadence
    from .components import (
        CompatiblePlans,
        ComponentCapabilities,
        ComponentDisplaySettings,
        PlanCreditGrantView,
    )
    from .credits import BillingCreditResponseData
    from .entitlements import FeatureInPlanResponseData, PlanEntitlementResponseData
    from .features import BillingLinkedResourceResponseData
    from .plangroups import CustomPlanConfig
    from .plans import (
        BillingStrategy,
        ChargeType,
        PlanCatalogMembershipResponseData,
        PlanCurrencyPricesResponseData,
        PlanIcon,
        PlanType,
        PlanVersionResponseData,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanViewPublicResponseData(Model):
    available_periods: list[PlanPriceCadence] | None
    billing_strategy: BillingStrategy | None
    charge_type: ChargeType | None
    company_count: int | None
    compatible_plan_ids: list[str] | None
    controlled_by: BillingProviderType | None
    created_at: datetime | None
    credits: list[BillingCreditResponseData] | None
    currency_prices: list[PlanCurrencyPricesResponseData] | None
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
    is_free: bool | None = None
    monthly_price: BillingPriceResponseData | None = None
    one_time_price: BillingPriceResponseData | None = None
    quarterly_price: BillingPriceResponseData | None = None
    trial_days: int | None = None
    yearly_price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicPlansResponseData(Model):
    active_add_ons: list[PlanViewPublicResponseData] | None
    active_plans: list[PlanViewPublicResponseData] | None
    add_on_compatibilities: list[CompatiblePlans] | None
    display_settings: ComponentDisplaySettings | None
    show_as_monthly_prices: bool | None
    show_credits: bool | None
    show_period_toggle: bool | None
    show_zero_price_as_free: bool | None
    capabilities: ComponentCapabilities | None = None
