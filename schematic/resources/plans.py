"""``client.plans``: plans, plan versions and company plans."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models._base import Model, Response
from ..models.billing import BillingProviderType, DeleteResponse
from ..models.companies import CompanyDetailResponseData, CountResponse
from ..models.plans import (
    BillingProductPlanResponseData,
    BillingStrategy,
    ChargeType,
    CheckoutFieldValue,
    CustomerBillingAddress,
    CustomPlanActivationStrategy,
    CustomPlanBillingResponseData,
    CustomPlanBillingStatus,
    MigrationProrationBehavior,
    PlanBillingSource,
    PlanCurrencyPriceRequestBody,
    PlanDetailResponseData,
    PlanIcon,
    PlanIssueResponseData,
    PlanType,
    PlanVersionMigrationStrategy,
    PlanVersionResponseData,
    TaxIDInput,
)
from ._base import RequestOptions, Resource


class PlansResource(Resource):
    """Plans, plan versions and company plans."""

    def update_company_plans(
        self,
        company_id: str,
        *,
        add_on_ids: Sequence[str],
        base_plan_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyDetailResponseData]:
        """Update company plans: ``PUT /company-plans/{company_id}``."""
        return self._call(
            "PUT",
            self._path("/company-plans/{company_id}", company_id=company_id),
            body={"add_on_ids": add_on_ids, "base_plan_id": base_plan_id},
            parse=CompanyDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def list_custom_plan_billings(
        self,
        *,
        company_id: str | None = None,
        plan_id: str | None = None,
        plan_billing_source: PlanBillingSource | None = None,
        status: CustomPlanBillingStatus | None = None,
        statuses: Sequence[CustomPlanBillingStatus] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CustomPlanBillingResponseData]]:
        """List custom plan billings: ``GET /custom-plan-billings``."""
        return self._call(
            "GET",
            "/custom-plan-billings",
            query={
                "company_id": company_id,
                "plan_id": plan_id,
                "plan_billing_source": plan_billing_source,
                "status": status,
                "statuses": statuses,
                "limit": limit,
                "offset": offset,
            },
            parse=[CustomPlanBillingResponseData],
            request_options=request_options,
        )

    def iter_custom_plan_billings(
        self,
        *,
        company_id: str | None = None,
        plan_id: str | None = None,
        plan_billing_source: PlanBillingSource | None = None,
        status: CustomPlanBillingStatus | None = None,
        statuses: Sequence[CustomPlanBillingStatus] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CustomPlanBillingResponseData]:
        """Every item ``list_custom_plan_billings`` finds, fetched ``page_size`` at a time.

        Requests ``GET /custom-plan-billings`` with ``limit`` and ``offset`` as the iterator
        is consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_custom_plan_billings``.
        """
        return self._iterate(
            self.list_custom_plan_billings,
            page_size,
            company_id=company_id,
            plan_id=plan_id,
            plan_billing_source=plan_billing_source,
            status=status,
            statuses=statuses,
            request_options=request_options,
        )

    def mark_custom_plan_billing_paid(
        self,
        custom_plan_billing_id: str,
        *,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CustomPlanBillingResponseData]:
        """Mark custom plan billing paid.

        ``PUT /custom-plan-billings/{custom_plan_billing_id}/mark-paid``.
        """
        return self._call(
            "PUT",
            self._path(
                "/custom-plan-billings/{custom_plan_billing_id}/mark-paid",
                custom_plan_billing_id=custom_plan_billing_id,
            ),
            body={},
            parse=CustomPlanBillingResponseData,
            request=request,
            request_options=request_options,
        )

    def retry_custom_plan_billing(
        self,
        custom_plan_billing_id: str,
        *,
        customer_email: str,
        activation_strategy: CustomPlanActivationStrategy | None = None,
        days_until_due: int | None = None,
        send_invoice: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CustomPlanBillingResponseData]:
        """Retry custom plan billing.

        ``PUT /custom-plan-billings/{custom_plan_billing_id}/retry``.
        """
        return self._call(
            "PUT",
            self._path(
                "/custom-plan-billings/{custom_plan_billing_id}/retry",
                custom_plan_billing_id=custom_plan_billing_id,
            ),
            body={
                "activation_strategy": activation_strategy,
                "customer_email": customer_email,
                "days_until_due": days_until_due,
                "send_invoice": send_invoice,
            },
            parse=CustomPlanBillingResponseData,
            request=request,
            request_options=request_options,
        )

    def create_custom_plan(
        self,
        *,
        company_id: str,
        name: str,
        copied_from_plan_id: str | None = None,
        copied_price_id: str | None = None,
        description: str | None = None,
        icon: PlanIcon | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanDetailResponseData]:
        """Create custom plan: ``POST /custom-plans``."""
        return self._call(
            "POST",
            "/custom-plans",
            body={
                "company_id": company_id,
                "copied_from_plan_id": copied_from_plan_id,
                "copied_price_id": copied_price_id,
                "description": description,
                "icon": icon,
                "name": name,
            },
            parse=PlanDetailResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def list_plans(
        self,
        *,
        company_id: str | None = None,
        company_scoped_only: bool | None = None,
        exclude_company_scoped: bool | None = None,
        for_fallback_plan: bool | None = None,
        for_initial_plan: bool | None = None,
        for_trial_expiry_plan: bool | None = None,
        has_product_id: bool | None = None,
        ids: Sequence[str] | None = None,
        include_draft_versions: bool | None = None,
        plan_type: PlanType | None = None,
        q: str | None = None,
        scoped_to_company_id: str | None = None,
        with_entitlements: bool | None = None,
        without_entitlement_for: str | None = None,
        without_paid_product_id: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanDetailResponseData]]:
        """List plans: ``GET /plans``."""
        return self._call(
            "GET",
            "/plans",
            query={
                "company_id": company_id,
                "company_scoped_only": company_scoped_only,
                "exclude_company_scoped": exclude_company_scoped,
                "for_fallback_plan": for_fallback_plan,
                "for_initial_plan": for_initial_plan,
                "for_trial_expiry_plan": for_trial_expiry_plan,
                "has_product_id": has_product_id,
                "ids": ids,
                "include_draft_versions": include_draft_versions,
                "plan_type": plan_type,
                "q": q,
                "scoped_to_company_id": scoped_to_company_id,
                "with_entitlements": with_entitlements,
                "without_entitlement_for": without_entitlement_for,
                "without_paid_product_id": without_paid_product_id,
                "limit": limit,
                "offset": offset,
            },
            parse=[PlanDetailResponseData],
            request_options=request_options,
        )

    def iter_plans(
        self,
        *,
        company_id: str | None = None,
        company_scoped_only: bool | None = None,
        exclude_company_scoped: bool | None = None,
        for_fallback_plan: bool | None = None,
        for_initial_plan: bool | None = None,
        for_trial_expiry_plan: bool | None = None,
        has_product_id: bool | None = None,
        ids: Sequence[str] | None = None,
        include_draft_versions: bool | None = None,
        plan_type: PlanType | None = None,
        q: str | None = None,
        scoped_to_company_id: str | None = None,
        with_entitlements: bool | None = None,
        without_entitlement_for: str | None = None,
        without_paid_product_id: bool | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[PlanDetailResponseData]:
        """Every item ``list_plans`` finds, fetched ``page_size`` at a time.

        Requests ``GET /plans`` with ``limit`` and ``offset`` as the iterator is consumed,
        and stops after a page shorter than ``page_size`` (1 to 250). Takes the filters of
        ``list_plans``.
        """
        return self._iterate(
            self.list_plans,
            page_size,
            company_id=company_id,
            company_scoped_only=company_scoped_only,
            exclude_company_scoped=exclude_company_scoped,
            for_fallback_plan=for_fallback_plan,
            for_initial_plan=for_initial_plan,
            for_trial_expiry_plan=for_trial_expiry_plan,
            has_product_id=has_product_id,
            ids=ids,
            include_draft_versions=include_draft_versions,
            plan_type=plan_type,
            q=q,
            scoped_to_company_id=scoped_to_company_id,
            with_entitlements=with_entitlements,
            without_entitlement_for=without_entitlement_for,
            without_paid_product_id=without_paid_product_id,
            request_options=request_options,
        )

    def create_plan(
        self,
        *,
        name: str,
        plan_type: PlanType,
        description: str | None = None,
        icon: PlanIcon | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanDetailResponseData]:
        """Create plan: ``POST /plans``."""
        return self._call(
            "POST",
            "/plans",
            body={"description": description, "icon": icon, "name": name, "plan_type": plan_type},
            parse=PlanDetailResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_plan(
        self,
        plan_id: str,
        *,
        plan_version_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanDetailResponseData]:
        """Get plan: ``GET /plans/{plan_id}``."""
        return self._call(
            "GET",
            self._path("/plans/{plan_id}", plan_id=plan_id),
            query={"plan_version_id": plan_version_id},
            parse=PlanDetailResponseData,
            request_options=request_options,
        )

    def update_plan(
        self,
        plan_id: str,
        *,
        name: str,
        description: str | None = None,
        icon: PlanIcon | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanDetailResponseData]:
        """Update plan: ``PUT /plans/{plan_id}``."""
        return self._call(
            "PUT",
            self._path("/plans/{plan_id}", plan_id=plan_id),
            body={"description": description, "icon": icon, "name": name},
            parse=PlanDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_plan(
        self,
        plan_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete plan: ``DELETE /plans/{plan_id}``."""
        return self._call(
            "DELETE",
            self._path("/plans/{plan_id}", plan_id=plan_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def upsert_billing_product_plan(
        self,
        plan_id: str,
        *,
        charge_type: ChargeType,
        is_trialable: bool,
        billing_product_id: str | None = None,
        billing_strategy: BillingStrategy | None = None,
        currency: str | None = None,
        currency_prices: Sequence[PlanCurrencyPriceRequestBody | Mapping[str, Any]] | None = None,
        monthly_price: int | None = None,
        monthly_price_id: str | None = None,
        one_time_price: int | None = None,
        one_time_price_id: str | None = None,
        quarterly_price: int | None = None,
        quarterly_price_id: str | None = None,
        trial_days: int | None = None,
        yearly_price: int | None = None,
        yearly_price_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingProductPlanResponseData]:
        """Upsert billing product plan: ``PUT /plans/{plan_id}/billing_products``."""
        return self._call(
            "PUT",
            self._path("/plans/{plan_id}/billing_products", plan_id=plan_id),
            body={
                "billing_product_id": billing_product_id,
                "billing_strategy": billing_strategy,
                "charge_type": charge_type,
                "currency": currency,
                "currency_prices": currency_prices,
                "is_trialable": is_trialable,
                "monthly_price": monthly_price,
                "monthly_price_id": monthly_price_id,
                "one_time_price": one_time_price,
                "one_time_price_id": one_time_price_id,
                "quarterly_price": quarterly_price,
                "quarterly_price_id": quarterly_price_id,
                "trial_days": trial_days,
                "yearly_price": yearly_price,
                "yearly_price_id": yearly_price_id,
            },
            parse=BillingProductPlanResponseData,
            request=request,
            request_options=request_options,
        )

    def upsert_plan_for_billing_product(
        self,
        *,
        billing_provider: BillingProviderType,
        external_resource_id: str,
        name: str,
        plan_type: PlanType,
        description: str | None = None,
        external_resource_version: str | None = None,
        icon: PlanIcon | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanDetailResponseData]:
        """Upsert plan for billing product: ``POST /plans/billing-linked``."""
        return self._call(
            "POST",
            "/plans/billing-linked",
            body={
                "billing_provider": billing_provider,
                "description": description,
                "external_resource_id": external_resource_id,
                "external_resource_version": external_resource_version,
                "icon": icon,
                "name": name,
                "plan_type": plan_type,
            },
            parse=PlanDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def list_billing_product_match_companies(
        self,
        *,
        plan_id: str,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanyDetailResponseData]]:
        """List billing product match companies: ``GET /plans/billing-product-match-companies``."""
        return self._call(
            "GET",
            "/plans/billing-product-match-companies",
            query={"plan_id": plan_id, "q": q, "limit": limit, "offset": offset},
            parse=[CompanyDetailResponseData],
            request_options=request_options,
        )

    def iter_billing_product_match_companies(
        self,
        *,
        plan_id: str,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CompanyDetailResponseData]:
        """Every item ``list_billing_product_match_companies`` finds, fetched ``page_size`` at a time.

        Requests ``GET /plans/billing-product-match-companies`` with ``limit`` and
        ``offset`` as the iterator is consumed, and stops after a page shorter than
        ``page_size`` (1 to 250). Takes the filters of
        ``list_billing_product_match_companies``.
        """
        return self._iterate(
            self.list_billing_product_match_companies,
            page_size,
            plan_id=plan_id,
            q=q,
            request_options=request_options,
        )

    def count_billing_product_match_companies(
        self,
        *,
        plan_id: str,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count billing product match companies.

        ``GET /plans/billing-product-match-companies/count``.
        """
        return self._call(
            "GET",
            "/plans/billing-product-match-companies/count",
            query={"plan_id": plan_id, "q": q, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def count_plans(
        self,
        *,
        company_id: str | None = None,
        company_scoped_only: bool | None = None,
        exclude_company_scoped: bool | None = None,
        for_fallback_plan: bool | None = None,
        for_initial_plan: bool | None = None,
        for_trial_expiry_plan: bool | None = None,
        has_product_id: bool | None = None,
        ids: Sequence[str] | None = None,
        include_draft_versions: bool | None = None,
        plan_type: PlanType | None = None,
        q: str | None = None,
        scoped_to_company_id: str | None = None,
        with_entitlements: bool | None = None,
        without_entitlement_for: str | None = None,
        without_paid_product_id: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count plans: ``GET /plans/count``."""
        return self._call(
            "GET",
            "/plans/count",
            query={
                "company_id": company_id,
                "company_scoped_only": company_scoped_only,
                "exclude_company_scoped": exclude_company_scoped,
                "for_fallback_plan": for_fallback_plan,
                "for_initial_plan": for_initial_plan,
                "for_trial_expiry_plan": for_trial_expiry_plan,
                "has_product_id": has_product_id,
                "ids": ids,
                "include_draft_versions": include_draft_versions,
                "plan_type": plan_type,
                "q": q,
                "scoped_to_company_id": scoped_to_company_id,
                "with_entitlements": with_entitlements,
                "without_entitlement_for": without_entitlement_for,
                "without_paid_product_id": without_paid_product_id,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_plan_issues(
        self,
        *,
        plan_id: str,
        plan_version_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanIssueResponseData]]:
        """List plan issues: ``GET /plans/issues``."""
        return self._call(
            "GET",
            "/plans/issues",
            query={"plan_id": plan_id, "plan_version_id": plan_version_id},
            parse=[PlanIssueResponseData],
            request_options=request_options,
        )

    def delete_plan_version(
        self,
        plan_version_id: str,
        *,
        promote_archived_version: bool | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete plan version: ``DELETE /plans/version/{plan_version_id}``."""
        return self._call(
            "DELETE",
            self._path("/plans/version/{plan_version_id}", plan_version_id=plan_version_id),
            query={"promote_archived_version": promote_archived_version},
            parse=DeleteResponse,
            request_options=request_options,
        )

    def publish_plan_version(
        self,
        plan_version_id: str,
        *,
        excluded_company_ids: Sequence[str],
        migration_strategy: PlanVersionMigrationStrategy,
        activation_strategy: CustomPlanActivationStrategy | None = None,
        address: CustomerBillingAddress | Mapping[str, Any] | None = None,
        coupon_external_id: str | None = None,
        custom_field_values: Sequence[CheckoutFieldValue | Mapping[str, Any]] | None = None,
        customer_email: str | None = None,
        days_until_due: int | None = None,
        phone: str | None = None,
        proration_behavior: MigrationProrationBehavior | None = None,
        require_no_migration: bool | None = None,
        send_invoice: bool | None = None,
        tax_id: TaxIDInput | Mapping[str, Any] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanVersionResponseData]:
        """Publish plan version: ``PUT /plans/version/{plan_version_id}/publish``."""
        return self._call(
            "PUT",
            self._path("/plans/version/{plan_version_id}/publish", plan_version_id=plan_version_id),
            body={
                "activation_strategy": activation_strategy,
                "address": address,
                "coupon_external_id": coupon_external_id,
                "custom_field_values": custom_field_values,
                "customer_email": customer_email,
                "days_until_due": days_until_due,
                "excluded_company_ids": excluded_company_ids,
                "migration_strategy": migration_strategy,
                "phone": phone,
                "proration_behavior": proration_behavior,
                "require_no_migration": require_no_migration,
                "send_invoice": send_invoice,
                "tax_id": tax_id,
            },
            parse=PlanVersionResponseData,
            request=request,
            request_options=request_options,
        )
