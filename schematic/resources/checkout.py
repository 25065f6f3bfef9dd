"""``client.checkout``: checkout, plan management and billing details."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.checkout import (
    BillingCollectionMethod,
    BillingSubscriptionView,
    CheckoutDataResponseData,
    CheckoutSubscription,
    CompanyBillingDetailsResponseData,
    ManagePlanPreviewResponseResponseData,
    ManagePlanResponseResponseData,
    PlanSelection,
    PreviewSubscriptionChangeResponseData,
    UpdateAddOnRequestBody,
    UpdateAutoTopupOverrideRequestBody,
    UpdateCreditBundleRequestBody,
    UpdatePayInAdvanceRequestBody,
)
from ..models.plans import CheckoutFieldValue, CustomerBillingAddress, TaxIDInput
from ._base import RequestOptions, Resource


class CheckoutResource(Resource):
    """Checkout, plan management and billing details."""

    def checkout_internal(
        self,
        *,
        add_on_ids: Sequence[UpdateAddOnRequestBody | Mapping[str, Any]],
        auto_topup_overrides: Sequence[UpdateAutoTopupOverrideRequestBody | Mapping[str, Any]],
        company_id: str,
        credit_bundles: Sequence[UpdateCreditBundleRequestBody | Mapping[str, Any]],
        custom_field_values: Sequence[CheckoutFieldValue | Mapping[str, Any]],
        new_plan_id: str,
        new_price_id: str,
        pay_in_advance: Sequence[UpdatePayInAdvanceRequestBody | Mapping[str, Any]],
        skip_trial: bool,
        billing_entity_id: str | None = None,
        coupon_external_id: str | None = None,
        opt_in_accepted: bool | None = None,
        payment_method_id: str | None = None,
        promo_code: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CheckoutSubscription]:
        """Checkout internal: ``POST /checkout-internal``."""
        return self._call(
            "POST",
            "/checkout-internal",
            body={
                "add_on_ids": add_on_ids,
                "auto_topup_overrides": auto_topup_overrides,
                "billing_entity_id": billing_entity_id,
                "company_id": company_id,
                "coupon_external_id": coupon_external_id,
                "credit_bundles": credit_bundles,
                "custom_field_values": custom_field_values,
                "new_plan_id": new_plan_id,
                "new_price_id": new_price_id,
                "opt_in_accepted": opt_in_accepted,
                "pay_in_advance": pay_in_advance,
                "payment_method_id": payment_method_id,
                "promo_code": promo_code,
                "skip_trial": skip_trial,
            },
            parse=CheckoutSubscription,
            request=request,
            request_options=request_options,
        )

    def get_checkout_data(
        self,
        *,
        company_id: str,
        currency: str | None = None,
        selected_plan_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CheckoutDataResponseData]:
        """Get checkout data: ``POST /checkout-internal/data``."""
        return self._call(
            "POST",
            "/checkout-internal/data",
            body={
                "company_id": company_id,
                "currency": currency,
                "selected_plan_id": selected_plan_id,
            },
            parse=CheckoutDataResponseData,
            request=request,
            request_options=request_options,
        )

    def preview_checkout_internal(
        self,
        *,
        add_on_ids: Sequence[UpdateAddOnRequestBody | Mapping[str, Any]],
        auto_topup_overrides: Sequence[UpdateAutoTopupOverrideRequestBody | Mapping[str, Any]],
        company_id: str,
        credit_bundles: Sequence[UpdateCreditBundleRequestBody | Mapping[str, Any]],
        custom_field_values: Sequence[CheckoutFieldValue | Mapping[str, Any]],
        new_plan_id: str,
        new_price_id: str,
        pay_in_advance: Sequence[UpdatePayInAdvanceRequestBody | Mapping[str, Any]],
        skip_trial: bool,
        billing_entity_id: str | None = None,
        coupon_external_id: str | None = None,
        opt_in_accepted: bool | None = None,
        payment_method_id: str | None = None,
        promo_code: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PreviewSubscriptionChangeResponseData]:
        """Preview checkout internal: ``POST /checkout-internal/preview``."""
        return self._call(
            "POST",
            "/checkout-internal/preview",
            body={
                "add_on_ids": add_on_ids,
                "auto_topup_overrides": auto_topup_overrides,
                "billing_entity_id": billing_entity_id,
                "company_id": company_id,
                "coupon_external_id": coupon_external_id,
                "credit_bundles": credit_bundles,
                "custom_field_values": custom_field_values,
                "new_plan_id": new_plan_id,
                "new_price_id": new_price_id,
                "opt_in_accepted": opt_in_accepted,
                "pay_in_advance": pay_in_advance,
                "payment_method_id": payment_method_id,
                "promo_code": promo_code,
                "skip_trial": skip_trial,
            },
            parse=PreviewSubscriptionChangeResponseData,
            request=request,
            request_options=request_options,
        )

    def get_company_billing_details(
        self,
        company_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyBillingDetailsResponseData]:
        """Get company billing details: ``GET /companies/{company_id}/billing-details``."""
        return self._call(
            "GET",
            self._path("/companies/{company_id}/billing-details", company_id=company_id),
            parse=CompanyBillingDetailsResponseData,
            request_options=request_options,
        )

    def update_company_billing_details(
        self,
        company_id: str,
        *,
        values: Sequence[CheckoutFieldValue | Mapping[str, Any]],
        address: CustomerBillingAddress | Mapping[str, Any] | None = None,
        email: str | None = None,
        phone: str | None = None,
        tax_id: TaxIDInput | Mapping[str, Any] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyBillingDetailsResponseData]:
        """Update company billing details: ``PUT /companies/{company_id}/billing-details``."""
        return self._call(
            "PUT",
            self._path("/companies/{company_id}/billing-details", company_id=company_id),
            body={
                "address": address,
                "email": email,
                "phone": phone,
                "tax_id": tax_id,
                "values": values,
            },
            parse=CompanyBillingDetailsResponseData,
            request=request,
            request_options=request_options,
        )

    def manage_plan(
        self,
        *,
        add_on_selections: Sequence[PlanSelection | Mapping[str, Any]],
        company_id: str,
        credit_bundles: Sequence[UpdateCreditBundleRequestBody | Mapping[str, Any]],
        custom_field_values: Sequence[CheckoutFieldValue | Mapping[str, Any]],
        pay_in_advance_entitlements: Sequence[UpdatePayInAdvanceRequestBody | Mapping[str, Any]],
        activate_on_payment: bool | None = None,
        base_plan_id: str | None = None,
        base_plan_price_id: str | None = None,
        base_plan_version_id: str | None = None,
        billing_cycle_anchor: datetime | None = None,
        billing_email: str | None = None,
        billing_entity_id: str | None = None,
        cancel_immediately: bool | None = None,
        collection_method: BillingCollectionMethod | None = None,
        coupon_external_id: str | None = None,
        days_until_due: int | None = None,
        payment_method_external_id: str | None = None,
        promo_code: str | None = None,
        prorate: bool | None = None,
        prorate_first_period: bool | None = None,
        send_invoice: bool | None = None,
        trial_end: datetime | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ManagePlanResponseResponseData]:
        """Manage plan: ``POST /manage-plan``."""
        return self._call(
            "POST",
            "/manage-plan",
            body={
                "activate_on_payment": activate_on_payment,
                "add_on_selections": add_on_selections,
                "base_plan_id": base_plan_id,
                "base_plan_price_id": base_plan_price_id,
                "base_plan_version_id": base_plan_version_id,
                "billing_cycle_anchor": billing_cycle_anchor,
                "billing_email": billing_email,
                "billing_entity_id": billing_entity_id,
                "cancel_immediately": cancel_immediately,
                "collection_method": collection_method,
                "company_id": company_id,
                "coupon_external_id": coupon_external_id,
                "credit_bundles": credit_bundles,
                "custom_field_values": custom_field_values,
                "days_until_due": days_until_due,
                "pay_in_advance_entitlements": pay_in_advance_entitlements,
                "payment_method_external_id": payment_method_external_id,
                "promo_code": promo_code,
                "prorate": prorate,
                "prorate_first_period": prorate_first_period,
                "send_invoice": send_invoice,
                "trial_end": trial_end,
            },
            parse=ManagePlanResponseResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def preview_manage_plan(
        self,
        *,
        add_on_selections: Sequence[PlanSelection | Mapping[str, Any]],
        company_id: str,
        credit_bundles: Sequence[UpdateCreditBundleRequestBody | Mapping[str, Any]],
        custom_field_values: Sequence[CheckoutFieldValue | Mapping[str, Any]],
        pay_in_advance_entitlements: Sequence[UpdatePayInAdvanceRequestBody | Mapping[str, Any]],
        activate_on_payment: bool | None = None,
        base_plan_id: str | None = None,
        base_plan_price_id: str | None = None,
        base_plan_version_id: str | None = None,
        billing_cycle_anchor: datetime | None = None,
        billing_email: str | None = None,
        billing_entity_id: str | None = None,
        cancel_immediately: bool | None = None,
        collection_method: BillingCollectionMethod | None = None,
        coupon_external_id: str | None = None,
        days_until_due: int | None = None,
        payment_method_external_id: str | None = None,
        promo_code: str | None = None,
        prorate: bool | None = None,
        prorate_first_period: bool | None = None,
        send_invoice: bool | None = None,
        trial_end: datetime | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ManagePlanPreviewResponseResponseData]:
        """Preview manage plan: ``POST /manage-plan/preview``."""
        return self._call(
            "POST",
            "/manage-plan/preview",
            body={
                "activate_on_payment": activate_on_payment,
                "add_on_selections": add_on_selections,
                "base_plan_id": base_plan_id,
                "base_plan_price_id": base_plan_price_id,
                "base_plan_version_id": base_plan_version_id,
                "billing_cycle_anchor": billing_cycle_anchor,
                "billing_email": billing_email,
                "billing_entity_id": billing_entity_id,
                "cancel_immediately": cancel_immediately,
                "collection_method": collection_method,
                "company_id": company_id,
                "coupon_external_id": coupon_external_id,
                "credit_bundles": credit_bundles,
                "custom_field_values": custom_field_values,
                "days_until_due": days_until_due,
                "pay_in_advance_entitlements": pay_in_advance_entitlements,
                "payment_method_external_id": payment_method_external_id,
                "promo_code": promo_code,
                "prorate": prorate,
                "prorate_first_period": prorate_first_period,
                "send_invoice": send_invoice,
                "trial_end": trial_end,
            },
            parse=ManagePlanPreviewResponseResponseData,
            request=request,
            request_options=request_options,
        )

    def cancel_subscription(
        self,
        *,
        company_id: str,
        cancel_immediately: bool | None = None,
        prorate: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ManagePlanResponseResponseData]:
        """Cancel subscription: ``POST /manage-plan/subscription/cancel``."""
        return self._call(
            "POST",
            "/manage-plan/subscription/cancel",
            body={
                "cancel_immediately": cancel_immediately,
                "company_id": company_id,
                "prorate": prorate,
            },
            parse=ManagePlanResponseResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def update_customer_subscription_trial_end(
        self,
        subscription_id: str,
        *,
        trial_end: datetime | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingSubscriptionView]:
        """Update customer subscription trial end.

        ``PUT /subscription/{subscription_id}/edit-trial-end``.
        """
        return self._call(
            "PUT",
            self._path(
                "/subscription/{subscription_id}/edit-trial-end", subscription_id=subscription_id
            ),
            body={"trial_end": trial_end},
            parse=BillingSubscriptionView,
            request=request,
            request_options=request_options,
        )
