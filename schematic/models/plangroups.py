"""Models for plan groups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model, wire

if TYPE_CHECKING:
    from .billing import BillingPriceView
    from .catalogs import PlanGroupPlanDetailResponseData
    from .components import CompatiblePlans


CheckoutBundlePurchaseBehavior = Literal["individual", "quantity"]

ProrationBehavior = Literal["create_prorations", "invoice_immediately"]

ScheduledDowngradeConfigBehavior = Literal["end_of_billing_period", "none"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutFieldInput(Model):
    name: str
    required: bool
    stripe_metadata_key: str
    definition_id: str | None = None
    helper_text: str | None = None
    id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutFieldResponseData(Model):
    created_at: datetime | None
    definition_id: str | None
    id: str | None
    name: str | None
    position: int | None
    required: bool | None
    stripe_metadata_key: str | None
    trait_hierarchy: list[str] | None
    updated_at: datetime | None
    helper_text: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckoutSettingsResponseData(Model):
    bundle_purchase_behavior: CheckoutBundlePurchaseBehavior | None
    collect_address: bool | None
    collect_email: bool | None
    collect_phone: bool | None
    collect_tax_id: bool | None
    opt_in_enabled: bool | None
    opt_in_text: str | None = None
    opt_in_title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CompatiblePlansResponseData(Model):
    compatible_plan_ids: list[str] | None
    source_plan_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ComponentSettingsResponseData(Model):
    show_as_monthly_prices: bool | None
    show_credits: bool | None
    show_feature_description: bool | None
    show_hard_limit: bool | None
    show_period_toggle: bool | None
    show_zero_price_as_free: bool | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CreatePlanGroupRequestBody(Model):
    add_on_ids: list[str]
    checkout_collect_address: bool
    checkout_collect_email: bool
    checkout_collect_phone: bool
    checkout_collect_tax_id: bool
    enable_tax_collection: bool
    opt_in_enabled: bool
    ordered_add_ons: list[OrderedPlansInGroup]
    ordered_bundle_list: list[PlanGroupBundleOrder]
    ordered_plans: list[OrderedPlansInGroup]
    prevent_downgrades_when_over_limit: bool
    prevent_self_service_downgrade: bool
    proration_behavior: ProrationBehavior
    show_as_monthly_prices: bool
    show_credits: bool
    show_feature_description: bool
    show_hard_limit: bool
    show_period_toggle: bool
    show_zero_price_as_free: bool
    sync_customer_billing_details: bool
    add_on_compatibilities: list[CompatiblePlans] | None = None
    checkout_bundle_purchase_behavior: CheckoutBundlePurchaseBehavior | None = None
    custom_checkout_fields: list[CheckoutFieldInput] | None = None
    custom_plan_config: CustomPlanConfig | None = None
    custom_plan_id: str | None = None
    fallback_plan_id: str | None = None
    initial_plan_id: str | None = None
    initial_plan_price_id: str | None = None
    opt_in_text: str | None = None
    opt_in_title: str | None = None
    prevent_self_service_downgrade_button_text: str | None = None
    prevent_self_service_downgrade_url: str | None = None
    scheduled_downgrade_behavior: ScheduledDowngradeConfigBehavior | None = None
    scheduled_downgrade_prevent_when_over_limit: bool | None = None
    trial_days: int | None = None
    trial_expiry_plan_id: str | None = None
    trial_expiry_plan_price_id: str | None = None
    trial_payment_method_required: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomPlanConfig(Model):
    cta_text: str
    cta_web_site: str
    price_text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomPlanViewConfigResponseData(Model):
    cta_text: str | None
    cta_web_site: str | None
    price_text: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EntitlementsInPlan(Model):
    entitlement_id: str
    visible: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderedPlansInGroup(Model):
    plan_id: str
    entitlements: list[EntitlementsInPlan] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanEntitlementsOrder(Model):
    plan_entitlement_id: str | None
    visible: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGroupBundleOrder(Model):
    bundle_id: str = field(metadata=wire("bundleId"))


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGroupDetailResponseData(Model):
    add_ons: list[PlanGroupPlanDetailResponseData] | None
    checkout_settings: CheckoutSettingsResponseData | None
    component_settings: ComponentSettingsResponseData | None
    custom_checkout_fields: list[CheckoutFieldResponseData] | None
    id: str | None
    ordered_add_on_list: list[PlanGroupPlanEntitlementsOrder] | None
    ordered_bundle_list: list[PlanGroupBundleOrder] | None
    ordered_plan_list: list[PlanGroupPlanEntitlementsOrder] | None
    plans: list[PlanGroupPlanDetailResponseData] | None
    prevent_downgrades_when_over_limit: bool | None
    prevent_self_service_downgrade: bool | None
    proration_behavior: str | None
    show_as_monthly_prices: bool | None
    show_credits: bool | None
    show_period_toggle: bool | None
    show_zero_price_as_free: bool | None
    sync_customer_billing_details: bool | None
    tax_collection_enabled: bool | None
    custom_plan_config: CustomPlanViewConfigResponseData | None = None
    custom_plan_id: str | None = None
    default_plan: PlanGroupPlanDetailResponseData | None = None
    default_plan_id: str | None = None
    fallback_plan: PlanGroupPlanDetailResponseData | None = None
    fallback_plan_id: str | None = None
    initial_plan: PlanGroupPlanDetailResponseData | None = None
    initial_plan_id: str | None = None
    initial_plan_price: BillingPriceView | None = None
    initial_plan_price_id: str | None = None
    prevent_self_service_downgrade_button_text: str | None = None
    prevent_self_service_downgrade_url: str | None = None
    scheduled_downgrade_behavior: str | None = None
    scheduled_downgrade_prevent_when_over_limit: bool | None = None
    trial_days: int | None = None
    trial_expiry_plan: PlanGroupPlanDetailResponseData | None = None
    trial_expiry_plan_id: str | None = None
    trial_expiry_plan_price: BillingPriceView | None = None
    trial_expiry_plan_price_id: str | None = None
    trial_payment_method_required: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGroupPlanEntitlementsOrder(Model):
    plan_id: str | None
    entitlements: list[PlanEntitlementsOrder] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGroupResponseData(Model):
    add_on_compatibilities: list[CompatiblePlansResponseData] | None
    add_on_ids: list[str] | None
    checkout_settings: CheckoutSettingsResponseData | None
    component_settings: ComponentSettingsResponseData | None
    id: str | None
    ordered_add_on_ids: list[OrderedPlansInGroup] | None
    plan_ids: list[OrderedPlansInGroup] | None
    prevent_downgrades_when_over_limit: bool | None
    prevent_self_service_downgrade: bool | None
    proration_behavior: str | None
    show_as_monthly_prices: bool | None
    show_credits: bool | None
    show_period_toggle: bool | None
    show_zero_price_as_free: bool | None
    sync_customer_billing_details: bool | None
    tax_collection_enabled: bool | None
    default_plan_id: str | None = None
    fallback_plan_id: str | None = None
    initial_plan_id: str | None = None
    initial_plan_price_id: str | None = None
    prevent_self_service_downgrade_button_text: str | None = None
    prevent_self_service_downgrade_url: str | None = None
    scheduled_downgrade_behavior: str | None = None
    scheduled_downgrade_prevent_when_over_limit: bool | None = None
    trial_days: int | None = None
    trial_expiry_plan_id: str | None = None
    trial_expiry_plan_price_id: str | None = None
    trial_payment_method_required: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class UpdatePlanGroupRequestBody(Model):
    add_on_ids: list[str]
    checkout_collect_address: bool
    checkout_collect_email: bool
    checkout_collect_phone: bool
    checkout_collect_tax_id: bool
    enable_tax_collection: bool
    opt_in_enabled: bool
    ordered_add_ons: list[OrderedPlansInGroup]
    ordered_bundle_list: list[PlanGroupBundleOrder]
    ordered_plans: list[OrderedPlansInGroup]
    prevent_downgrades_when_over_limit: bool
    prevent_self_service_downgrade: bool
    proration_behavior: ProrationBehavior
    show_as_monthly_prices: bool
    show_credits: bool
    show_feature_description: bool
    show_hard_limit: bool
    show_period_toggle: bool
    show_zero_price_as_free: bool
    sync_customer_billing_details: bool
    add_on_compatibilities: list[CompatiblePlans] | None = None
    checkout_bundle_purchase_behavior: CheckoutBundlePurchaseBehavior | None = None
    custom_checkout_fields: list[CheckoutFieldInput] | None = None
    custom_plan_config: CustomPlanConfig | None = None
    custom_plan_id: str | None = None
    fallback_plan_id: str | None = None
    initial_plan_id: str | None = None
    initial_plan_price_id: str | None = None
    opt_in_text: str | None = None
    opt_in_title: str | None = None
    prevent_self_service_downgrade_button_text: str | None = None
    prevent_self_service_downgrade_url: str | None = None
    scheduled_downgrade_behavior: ScheduledDowngradeConfigBehavior | None = None
    scheduled_downgrade_prevent_when_over_limit: bool | None = None
    trial_days: int | None = None
    trial_expiry_plan_id: str | None = None
    trial_expiry_plan_price_id: str | None = None
    trial_payment_method_required: bool | None = None
