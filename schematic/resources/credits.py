"""``client.credits``: credits: types, bundles, grants, balances, leases and the ledger."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.billing import DeleteResponse
from ..models.companies import CountResponse, SortDirection
from ..models.credits import (
    BillingCreditAutoTopupAvailability,
    BillingCreditBundleResponseData,
    BillingCreditBundleStatus,
    BillingCreditBundleType,
    BillingCreditBurnStrategy,
    BillingCreditExpiryType,
    BillingCreditExpiryUnit,
    BillingCreditGrantResponseData,
    BillingCreditGrantZeroedOutReason,
    BillingCreditResponseData,
    BillingCreditRolloverPolicy,
    BillingPlanCreditGrantResetCadence,
    BillingPlanCreditGrantResetStart,
    BillingPlanCreditGrantResetType,
    BillingPlanCreditGrantResponseData,
    CompanyCreditBalanceResponseData,
    CreditAutoTopupAmountType,
    CreditBundleCurrencyPriceRequestBody,
    CreditCurrencyPriceRequestBody,
    CreditEventLedgerResponseData,
    CreditEventType,
    CreditGrantSortOrder,
    CreditLeaseResponseData,
    PlanCreditGrantScaling,
)
from ..models.entitlements import BillingCreditGrantReason
from ._base import RequestOptions, Resource


class CreditsResource(Resource):
    """Credits: types, bundles, grants, balances, leases and the ledger."""

    def list_billing_credits(
        self,
        *,
        ids: Sequence[str] | None = None,
        name: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingCreditResponseData]]:
        """List billing credits: ``GET /billing/credits``."""
        return self._call(
            "GET",
            "/billing/credits",
            query={"ids": ids, "name": name, "limit": limit, "offset": offset},
            parse=[BillingCreditResponseData],
            request_options=request_options,
        )

    def iter_billing_credits(
        self,
        *,
        ids: Sequence[str] | None = None,
        name: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingCreditResponseData]:
        """Every item ``list_billing_credits`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/credits`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_billing_credits``.
        """
        return self._iterate(
            self.list_billing_credits,
            page_size,
            ids=ids,
            name=name,
            request_options=request_options,
        )

    def create_billing_credit(
        self,
        *,
        currency: str,
        description: str,
        name: str,
        burn_strategy: BillingCreditBurnStrategy | None = None,
        currency_prices: Sequence[CreditCurrencyPriceRequestBody | Mapping[str, Any]] | None = None,
        default_expiry_unit: BillingCreditExpiryUnit | None = None,
        default_expiry_unit_count: int | None = None,
        default_rollover_policy: BillingCreditRolloverPolicy | None = None,
        icon: str | None = None,
        per_unit_price: int | None = None,
        per_unit_price_decimal: str | None = None,
        plural_name: str | None = None,
        singular_name: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditResponseData]:
        """Create billing credit: ``POST /billing/credits``."""
        return self._call(
            "POST",
            "/billing/credits",
            body={
                "burn_strategy": burn_strategy,
                "currency": currency,
                "currency_prices": currency_prices,
                "default_expiry_unit": default_expiry_unit,
                "default_expiry_unit_count": default_expiry_unit_count,
                "default_rollover_policy": default_rollover_policy,
                "description": description,
                "icon": icon,
                "name": name,
                "per_unit_price": per_unit_price,
                "per_unit_price_decimal": per_unit_price_decimal,
                "plural_name": plural_name,
                "singular_name": singular_name,
            },
            parse=BillingCreditResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_single_billing_credit(
        self,
        credit_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditResponseData]:
        """Get single billing credit: ``GET /billing/credits/{credit_id}``."""
        return self._call(
            "GET",
            self._path("/billing/credits/{credit_id}", credit_id=credit_id),
            parse=BillingCreditResponseData,
            request_options=request_options,
        )

    def update_billing_credit(
        self,
        credit_id: str,
        *,
        description: str,
        name: str,
        burn_strategy: BillingCreditBurnStrategy | None = None,
        currency_prices: Sequence[CreditCurrencyPriceRequestBody | Mapping[str, Any]] | None = None,
        default_expiry_unit: BillingCreditExpiryUnit | None = None,
        default_expiry_unit_count: int | None = None,
        default_rollover_policy: BillingCreditRolloverPolicy | None = None,
        icon: str | None = None,
        per_unit_price: int | None = None,
        per_unit_price_decimal: str | None = None,
        plural_name: str | None = None,
        singular_name: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditResponseData]:
        """Update billing credit: ``PUT /billing/credits/{credit_id}``."""
        return self._call(
            "PUT",
            self._path("/billing/credits/{credit_id}", credit_id=credit_id),
            body={
                "burn_strategy": burn_strategy,
                "currency_prices": currency_prices,
                "default_expiry_unit": default_expiry_unit,
                "default_expiry_unit_count": default_expiry_unit_count,
                "default_rollover_policy": default_rollover_policy,
                "description": description,
                "icon": icon,
                "name": name,
                "per_unit_price": per_unit_price,
                "per_unit_price_decimal": per_unit_price_decimal,
                "plural_name": plural_name,
                "singular_name": singular_name,
            },
            parse=BillingCreditResponseData,
            request=request,
            request_options=request_options,
        )

    def soft_delete_billing_credit(
        self,
        credit_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Soft delete billing credit: ``DELETE /billing/credits/{credit_id}``."""
        return self._call(
            "DELETE",
            self._path("/billing/credits/{credit_id}", credit_id=credit_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def list_company_credit_balances(
        self,
        *,
        company_id: str,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanyCreditBalanceResponseData]]:
        """List company credit balances: ``GET /billing/credits/balance``."""
        return self._call(
            "GET",
            "/billing/credits/balance",
            query={"company_id": company_id},
            parse=[CompanyCreditBalanceResponseData],
            request_options=request_options,
        )

    def list_credit_bundles(
        self,
        *,
        ids: Sequence[str] | None = None,
        credit_id: str | None = None,
        status: BillingCreditBundleStatus | None = None,
        bundle_type: BillingCreditBundleType | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingCreditBundleResponseData]]:
        """List credit bundles: ``GET /billing/credits/bundles``."""
        return self._call(
            "GET",
            "/billing/credits/bundles",
            query={
                "ids": ids,
                "credit_id": credit_id,
                "status": status,
                "bundle_type": bundle_type,
                "limit": limit,
                "offset": offset,
            },
            parse=[BillingCreditBundleResponseData],
            request_options=request_options,
        )

    def iter_credit_bundles(
        self,
        *,
        ids: Sequence[str] | None = None,
        credit_id: str | None = None,
        status: BillingCreditBundleStatus | None = None,
        bundle_type: BillingCreditBundleType | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingCreditBundleResponseData]:
        """Every item ``list_credit_bundles`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/credits/bundles`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_credit_bundles``.
        """
        return self._iterate(
            self.list_credit_bundles,
            page_size,
            ids=ids,
            credit_id=credit_id,
            status=status,
            bundle_type=bundle_type,
            request_options=request_options,
        )

    def create_credit_bundle(
        self,
        *,
        bundle_name: str,
        credit_id: str,
        currency: str,
        price_per_unit: int,
        bundle_type: BillingCreditBundleType | None = None,
        compatible_plan_ids: Sequence[str] | None = None,
        currency_prices: Sequence[CreditBundleCurrencyPriceRequestBody | Mapping[str, Any]]
        | None = None,
        expiry_type: BillingCreditExpiryType | None = None,
        expiry_unit: BillingCreditExpiryUnit | None = None,
        expiry_unit_count: int | None = None,
        price_per_unit_decimal: str | None = None,
        quantity: int | None = None,
        status: BillingCreditBundleStatus | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditBundleResponseData]:
        """Create credit bundle: ``POST /billing/credits/bundles``."""
        return self._call(
            "POST",
            "/billing/credits/bundles",
            body={
                "bundle_name": bundle_name,
                "bundle_type": bundle_type,
                "compatible_plan_ids": compatible_plan_ids,
                "credit_id": credit_id,
                "currency": currency,
                "currency_prices": currency_prices,
                "expiry_type": expiry_type,
                "expiry_unit": expiry_unit,
                "expiry_unit_count": expiry_unit_count,
                "price_per_unit": price_per_unit,
                "price_per_unit_decimal": price_per_unit_decimal,
                "quantity": quantity,
                "status": status,
            },
            parse=BillingCreditBundleResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_credit_bundle(
        self,
        bundle_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditBundleResponseData]:
        """Get credit bundle: ``GET /billing/credits/bundles/{bundle_id}``."""
        return self._call(
            "GET",
            self._path("/billing/credits/bundles/{bundle_id}", bundle_id=bundle_id),
            parse=BillingCreditBundleResponseData,
            request_options=request_options,
        )

    def update_credit_bundle_details(
        self,
        bundle_id: str,
        *,
        bundle_name: str,
        price_per_unit: int,
        compatible_plan_ids: Sequence[str] | None = None,
        currency_prices: Sequence[CreditBundleCurrencyPriceRequestBody | Mapping[str, Any]]
        | None = None,
        expiry_type: BillingCreditExpiryType | None = None,
        expiry_unit: BillingCreditExpiryUnit | None = None,
        expiry_unit_count: int | None = None,
        price_per_unit_decimal: str | None = None,
        quantity: int | None = None,
        status: BillingCreditBundleStatus | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditBundleResponseData]:
        """Update credit bundle details: ``PUT /billing/credits/bundles/{bundle_id}``."""
        return self._call(
            "PUT",
            self._path("/billing/credits/bundles/{bundle_id}", bundle_id=bundle_id),
            body={
                "bundle_name": bundle_name,
                "compatible_plan_ids": compatible_plan_ids,
                "currency_prices": currency_prices,
                "expiry_type": expiry_type,
                "expiry_unit": expiry_unit,
                "expiry_unit_count": expiry_unit_count,
                "price_per_unit": price_per_unit,
                "price_per_unit_decimal": price_per_unit_decimal,
                "quantity": quantity,
                "status": status,
            },
            parse=BillingCreditBundleResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_credit_bundle(
        self,
        bundle_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete credit bundle: ``DELETE /billing/credits/bundles/{bundle_id}``."""
        return self._call(
            "DELETE",
            self._path("/billing/credits/bundles/{bundle_id}", bundle_id=bundle_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def count_credit_bundles(
        self,
        *,
        ids: Sequence[str] | None = None,
        credit_id: str | None = None,
        status: BillingCreditBundleStatus | None = None,
        bundle_type: BillingCreditBundleType | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count credit bundles: ``GET /billing/credits/bundles/count``."""
        return self._call(
            "GET",
            "/billing/credits/bundles/count",
            query={
                "ids": ids,
                "credit_id": credit_id,
                "status": status,
                "bundle_type": bundle_type,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def count_billing_credits(
        self,
        *,
        ids: Sequence[str] | None = None,
        name: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count billing credits: ``GET /billing/credits/count``."""
        return self._call(
            "GET",
            "/billing/credits/count",
            query={"ids": ids, "name": name, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def zero_out_grant(
        self,
        grant_id: str,
        *,
        reason: BillingCreditGrantZeroedOutReason | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditGrantResponseData]:
        """Zero out grant: ``PUT /billing/credits/grants/{grant_id}/zero-out``."""
        return self._call(
            "PUT",
            self._path("/billing/credits/grants/{grant_id}/zero-out", grant_id=grant_id),
            body={"reason": reason},
            parse=BillingCreditGrantResponseData,
            request=request,
            request_options=request_options,
        )

    def grant_billing_credits_to_company(
        self,
        *,
        company_id: str,
        credit_id: str,
        quantity: int,
        reason: BillingCreditGrantReason,
        billing_periods_count: int | None = None,
        currency: str | None = None,
        expires_at: datetime | None = None,
        expiry_type: BillingCreditExpiryType | None = None,
        expiry_unit: BillingCreditExpiryUnit | None = None,
        expiry_unit_count: int | None = None,
        renewal_enabled: bool | None = None,
        renewal_period: BillingPlanCreditGrantResetStart | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCreditGrantResponseData]:
        """Grant billing credits to company: ``POST /billing/credits/grants/company``."""
        return self._call(
            "POST",
            "/billing/credits/grants/company",
            body={
                "billing_periods_count": billing_periods_count,
                "company_id": company_id,
                "credit_id": credit_id,
                "currency": currency,
                "expires_at": expires_at,
                "expiry_type": expiry_type,
                "expiry_unit": expiry_unit,
                "expiry_unit_count": expiry_unit_count,
                "quantity": quantity,
                "reason": reason,
                "renewal_enabled": renewal_enabled,
                "renewal_period": renewal_period,
            },
            parse=BillingCreditGrantResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def count_company_grants(
        self,
        *,
        company_id: str,
        order: CreditGrantSortOrder | None = None,
        dir: SortDirection | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count company grants: ``GET /billing/credits/grants/company/count``."""
        return self._call(
            "GET",
            "/billing/credits/grants/company/count",
            query={
                "company_id": company_id,
                "order": order,
                "dir": dir,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_company_grants(
        self,
        *,
        company_id: str,
        order: CreditGrantSortOrder | None = None,
        dir: SortDirection | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingCreditGrantResponseData]]:
        """List company grants: ``GET /billing/credits/grants/company/list``."""
        return self._call(
            "GET",
            "/billing/credits/grants/company/list",
            query={
                "company_id": company_id,
                "order": order,
                "dir": dir,
                "limit": limit,
                "offset": offset,
            },
            parse=[BillingCreditGrantResponseData],
            request_options=request_options,
        )

    def iter_company_grants(
        self,
        *,
        company_id: str,
        order: CreditGrantSortOrder | None = None,
        dir: SortDirection | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingCreditGrantResponseData]:
        """Every item ``list_company_grants`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/credits/grants/company/list`` with ``limit`` and ``offset``
        as the iterator is consumed, and stops after a page shorter than ``page_size`` (1 to
        250). Takes the filters of ``list_company_grants``.
        """
        return self._iterate(
            self.list_company_grants,
            page_size,
            company_id=company_id,
            order=order,
            dir=dir,
            request_options=request_options,
        )

    def count_billing_credits_grants(
        self,
        *,
        credit_id: str | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count billing credits grants: ``GET /billing/credits/grants/count``."""
        return self._call(
            "GET",
            "/billing/credits/grants/count",
            query={"credit_id": credit_id, "ids": ids, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def list_grants_for_credit(
        self,
        *,
        credit_id: str | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingCreditGrantResponseData]]:
        """List grants for credit: ``GET /billing/credits/grants/list``."""
        return self._call(
            "GET",
            "/billing/credits/grants/list",
            query={"credit_id": credit_id, "ids": ids, "limit": limit, "offset": offset},
            parse=[BillingCreditGrantResponseData],
            request_options=request_options,
        )

    def iter_grants_for_credit(
        self,
        *,
        credit_id: str | None = None,
        ids: Sequence[str] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingCreditGrantResponseData]:
        """Every item ``list_grants_for_credit`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/credits/grants/list`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_grants_for_credit``.
        """
        return self._iterate(
            self.list_grants_for_credit,
            page_size,
            credit_id=credit_id,
            ids=ids,
            request_options=request_options,
        )

    def acquire_credit_lease(
        self,
        *,
        company_id: str,
        credit_type_id: str,
        requested_amount: float,
        expires_at: datetime | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CreditLeaseResponseData]:
        """Acquire credit lease: ``POST /billing/credits/lease``."""
        return self._call(
            "POST",
            "/billing/credits/lease",
            body={
                "company_id": company_id,
                "credit_type_id": credit_type_id,
                "expires_at": expires_at,
                "requested_amount": requested_amount,
            },
            parse=CreditLeaseResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def extend_credit_lease(
        self,
        lease_id: str,
        *,
        additional_amount: float,
        expires_at: datetime | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CreditLeaseResponseData]:
        """Extend credit lease: ``PUT /billing/credits/lease/{lease_id}/extend``."""
        return self._call(
            "PUT",
            self._path("/billing/credits/lease/{lease_id}/extend", lease_id=lease_id),
            body={"additional_amount": additional_amount, "expires_at": expires_at},
            parse=CreditLeaseResponseData,
            request=request,
            request_options=request_options,
        )

    def release_credit_lease(
        self,
        lease_id: str,
        *,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CreditLeaseResponseData]:
        """Release credit lease: ``PUT /billing/credits/lease/{lease_id}/release``."""
        return self._call(
            "PUT",
            self._path("/billing/credits/lease/{lease_id}/release", lease_id=lease_id),
            body={},
            parse=CreditLeaseResponseData,
            request=request,
            request_options=request_options,
        )

    def list_billing_plan_credit_grants(
        self,
        *,
        credit_id: str | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingPlanCreditGrantResponseData]]:
        """List billing plan credit grants: ``GET /billing/credits/plan-grants``."""
        return self._call(
            "GET",
            "/billing/credits/plan-grants",
            query={
                "credit_id": credit_id,
                "ids": ids,
                "plan_id": plan_id,
                "plan_ids": plan_ids,
                "plan_version_id": plan_version_id,
                "plan_version_ids": plan_version_ids,
                "limit": limit,
                "offset": offset,
            },
            parse=[BillingPlanCreditGrantResponseData],
            request_options=request_options,
        )

    def iter_billing_plan_credit_grants(
        self,
        *,
        credit_id: str | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingPlanCreditGrantResponseData]:
        """Every item ``list_billing_plan_credit_grants`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/credits/plan-grants`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_billing_plan_credit_grants``.
        """
        return self._iterate(
            self.list_billing_plan_credit_grants,
            page_size,
            credit_id=credit_id,
            ids=ids,
            plan_id=plan_id,
            plan_ids=plan_ids,
            plan_version_id=plan_version_id,
            plan_version_ids=plan_version_ids,
            request_options=request_options,
        )

    def create_billing_plan_credit_grant(
        self,
        *,
        credit_amount: int,
        credit_id: str,
        plan_id: str,
        reset_cadence: BillingPlanCreditGrantResetCadence,
        reset_start: BillingPlanCreditGrantResetStart,
        apply_to_existing: bool | None = None,
        auto_topup_amount: int | None = None,
        auto_topup_amount_type: CreditAutoTopupAmountType | None = None,
        auto_topup_availability: BillingCreditAutoTopupAvailability | None = None,
        auto_topup_enabled: bool | None = None,
        auto_topup_expiry_type: BillingCreditExpiryType | None = None,
        auto_topup_expiry_unit: BillingCreditExpiryUnit | None = None,
        auto_topup_expiry_unit_count: int | None = None,
        auto_topup_self_service: bool | None = None,
        auto_topup_threshold_credits: int | None = None,
        auto_topup_threshold_percent: int | None = None,
        can_buy_bundles: bool | None = None,
        company_credit_amount: int | None = None,
        expiry_type: BillingCreditExpiryType | None = None,
        expiry_unit: BillingCreditExpiryUnit | None = None,
        expiry_unit_count: int | None = None,
        license_id: str | None = None,
        plan_version_id: str | None = None,
        reset_type: BillingPlanCreditGrantResetType | None = None,
        rollover_percentage: int | None = None,
        scaling: PlanCreditGrantScaling | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingPlanCreditGrantResponseData]:
        """Create billing plan credit grant: ``POST /billing/credits/plan-grants``."""
        return self._call(
            "POST",
            "/billing/credits/plan-grants",
            body={
                "apply_to_existing": apply_to_existing,
                "auto_topup_amount": auto_topup_amount,
                "auto_topup_amount_type": auto_topup_amount_type,
                "auto_topup_availability": auto_topup_availability,
                "auto_topup_enabled": auto_topup_enabled,
                "auto_topup_expiry_type": auto_topup_expiry_type,
                "auto_topup_expiry_unit": auto_topup_expiry_unit,
                "auto_topup_expiry_unit_count": auto_topup_expiry_unit_count,
                "auto_topup_self_service": auto_topup_self_service,
                "auto_topup_threshold_credits": auto_topup_threshold_credits,
                "auto_topup_threshold_percent": auto_topup_threshold_percent,
                "can_buy_bundles": can_buy_bundles,
                "company_credit_amount": company_credit_amount,
                "credit_amount": credit_amount,
                "credit_id": credit_id,
                "expiry_type": expiry_type,
                "expiry_unit": expiry_unit,
                "expiry_unit_count": expiry_unit_count,
                "license_id": license_id,
                "plan_id": plan_id,
                "plan_version_id": plan_version_id,
                "reset_cadence": reset_cadence,
                "reset_start": reset_start,
                "reset_type": reset_type,
                "rollover_percentage": rollover_percentage,
                "scaling": scaling,
            },
            parse=BillingPlanCreditGrantResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_single_billing_plan_credit_grant(
        self,
        plan_grant_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingPlanCreditGrantResponseData]:
        """Get single billing plan credit grant.

        ``GET /billing/credits/plan-grants/{plan_grant_id}``.
        """
        return self._call(
            "GET",
            self._path("/billing/credits/plan-grants/{plan_grant_id}", plan_grant_id=plan_grant_id),
            parse=BillingPlanCreditGrantResponseData,
            request_options=request_options,
        )

    def update_billing_plan_credit_grant(
        self,
        plan_grant_id: str,
        *,
        reset_cadence: BillingPlanCreditGrantResetCadence,
        reset_start: BillingPlanCreditGrantResetStart,
        apply_to_existing: bool | None = None,
        auto_topup_amount: int | None = None,
        auto_topup_amount_type: CreditAutoTopupAmountType | None = None,
        auto_topup_availability: BillingCreditAutoTopupAvailability | None = None,
        auto_topup_enabled: bool | None = None,
        auto_topup_expiry_type: BillingCreditExpiryType | None = None,
        auto_topup_expiry_unit: BillingCreditExpiryUnit | None = None,
        auto_topup_expiry_unit_count: int | None = None,
        auto_topup_self_service: bool | None = None,
        auto_topup_threshold_credits: int | None = None,
        auto_topup_threshold_percent: int | None = None,
        can_buy_bundles: bool | None = None,
        company_credit_amount: int | None = None,
        credit_amount: int | None = None,
        expiry_type: BillingCreditExpiryType | None = None,
        expiry_unit: BillingCreditExpiryUnit | None = None,
        expiry_unit_count: int | None = None,
        license_id: str | None = None,
        reset_type: BillingPlanCreditGrantResetType | None = None,
        rollover_percentage: int | None = None,
        scaling: PlanCreditGrantScaling | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingPlanCreditGrantResponseData]:
        """Update billing plan credit grant.

        ``PUT /billing/credits/plan-grants/{plan_grant_id}``.
        """
        return self._call(
            "PUT",
            self._path("/billing/credits/plan-grants/{plan_grant_id}", plan_grant_id=plan_grant_id),
            body={
                "apply_to_existing": apply_to_existing,
                "auto_topup_amount": auto_topup_amount,
                "auto_topup_amount_type": auto_topup_amount_type,
                "auto_topup_availability": auto_topup_availability,
                "auto_topup_enabled": auto_topup_enabled,
                "auto_topup_expiry_type": auto_topup_expiry_type,
                "auto_topup_expiry_unit": auto_topup_expiry_unit,
                "auto_topup_expiry_unit_count": auto_topup_expiry_unit_count,
                "auto_topup_self_service": auto_topup_self_service,
                "auto_topup_threshold_credits": auto_topup_threshold_credits,
                "auto_topup_threshold_percent": auto_topup_threshold_percent,
                "can_buy_bundles": can_buy_bundles,
                "company_credit_amount": company_credit_amount,
                "credit_amount": credit_amount,
                "expiry_type": expiry_type,
                "expiry_unit": expiry_unit,
                "expiry_unit_count": expiry_unit_count,
                "license_id": license_id,
                "reset_cadence": reset_cadence,
                "reset_start": reset_start,
                "reset_type": reset_type,
                "rollover_percentage": rollover_percentage,
                "scaling": scaling,
            },
            parse=BillingPlanCreditGrantResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_billing_plan_credit_grant(
        self,
        plan_grant_id: str,
        *,
        apply_to_existing: bool | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete billing plan credit grant.

        ``DELETE /billing/credits/plan-grants/{plan_grant_id}``.
        """
        return self._call(
            "DELETE",
            self._path("/billing/credits/plan-grants/{plan_grant_id}", plan_grant_id=plan_grant_id),
            query={"apply_to_existing": apply_to_existing},
            parse=DeleteResponse,
            request_options=request_options,
        )

    def count_billing_plan_credit_grants(
        self,
        *,
        credit_id: str | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count billing plan credit grants: ``GET /billing/credits/plan-grants/count``."""
        return self._call(
            "GET",
            "/billing/credits/plan-grants/count",
            query={
                "credit_id": credit_id,
                "ids": ids,
                "plan_id": plan_id,
                "plan_ids": plan_ids,
                "plan_version_id": plan_version_id,
                "plan_version_ids": plan_version_ids,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_credit_event_ledger(
        self,
        *,
        company_id: str,
        billing_credit_id: str | None = None,
        end_time: str | None = None,
        event_type: CreditEventType | None = None,
        feature_id: str | None = None,
        start_time: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CreditEventLedgerResponseData]]:
        """List credit event ledger: ``GET /v2/billing/credits/ledger``."""
        return self._call(
            "GET",
            "/v2/billing/credits/ledger",
            query={
                "billing_credit_id": billing_credit_id,
                "company_id": company_id,
                "end_time": end_time,
                "event_type": event_type,
                "feature_id": feature_id,
                "start_time": start_time,
                "limit": limit,
                "offset": offset,
            },
            parse=[CreditEventLedgerResponseData],
            request_options=request_options,
        )

    def iter_credit_event_ledger(
        self,
        *,
        company_id: str,
        billing_credit_id: str | None = None,
        end_time: str | None = None,
        event_type: CreditEventType | None = None,
        feature_id: str | None = None,
        start_time: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CreditEventLedgerResponseData]:
        """Every item ``list_credit_event_ledger`` finds, fetched ``page_size`` at a time.

        Requests ``GET /v2/billing/credits/ledger`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_credit_event_ledger``.
        """
        return self._iterate(
            self.list_credit_event_ledger,
            page_size,
            company_id=company_id,
            billing_credit_id=billing_credit_id,
            end_time=end_time,
            event_type=event_type,
            feature_id=feature_id,
            start_time=start_time,
            request_options=request_options,
        )

    def count_credit_event_ledger(
        self,
        *,
        company_id: str,
        billing_credit_id: str | None = None,
        end_time: str | None = None,
        event_type: CreditEventType | None = None,
        feature_id: str | None = None,
        start_time: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count credit event ledger: ``GET /v2/billing/credits/ledger/count``."""
        return self._call(
            "GET",
            "/v2/billing/credits/ledger/count",
            query={
                "billing_credit_id": billing_credit_id,
                "company_id": company_id,
                "end_time": end_time,
                "event_type": event_type,
                "feature_id": feature_id,
                "start_time": start_time,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )
