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
    available_periods: list[PlanPriceCadence]
    billing_strategy: BillingStrategy
    charge_type: ChargeType
    company_count: int
    compatible_plan_ids: list[str]
    controlled_by: BillingProviderType
    created_at: datetime
    credits: list[BillingCreditResponseData]
    currency_prices: list[PlanCurrencyPricesResponseData]
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
    is_free: bool | None = None
    monthly_price: BillingPriceResponseData | None = None
    one_time_price: BillingPriceResponseData | None = None
    quarterly_price: BillingPriceResponseData | None = None
    trial_days: int | None = None
    yearly_price: BillingPriceResponseData | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PublicPlansResponseData(Model):
    active_add_ons: list[PlanViewPublicResponseData]
    active_plans: list[PlanViewPublicResponseData]
    add_on_compatibilities: list[CompatiblePlans]
    display_settings: ComponentDisplaySettings
    show_as_monthly_prices: bool
    show_credits: bool
    show_period_toggle: bool
    show_zero_price_as_free: bool
    capabilities: ComponentCapabilities | None = None
