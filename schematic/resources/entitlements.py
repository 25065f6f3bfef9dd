"""``client.entitlements``: entitlements: plan entitlements, company overrides and feature usage."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.billing import BillingProviderType, BillingTiersMode, DeleteResponse
from ..models.companies import CountResponse
from ..models.entitlements import (
    CompanyOverrideResponseData,
    CreatePriceTierRequestBody,
    CurrencyPriceRequestBody,
    DuplicatePlanEntitlementsResponseResponseData,
    EntitlementPriceBehavior,
    EntitlementValueType,
    FeatureCompanyResponseData,
    FeatureCompanyUserResponseData,
    FeatureUsageDetailResponseData,
    FeatureUsageHistoryResponseData,
    FeatureUsageResponseData,
    FeatureUsageTimeSeriesResponseData,
    MetricPeriodMonthReset,
    PlanEntitlementResponseData,
    TimeSeriesGranularity,
    UserUsageByCompanyResponseData,
    UserUsageDetailResponseData,
    WarningTierRequestBody,
)
from ..models.features import MetricPeriod
from ._base import RequestOptions, Resource


class EntitlementsResource(Resource):
    """Entitlements: plan entitlements, company overrides and feature usage."""

    def list_company_overrides(
        self,
        *,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        feature_id: str | None = None,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        without_expired: bool | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanyOverrideResponseData]]:
        """List company overrides: ``GET /company-overrides``."""
        return self._call(
            "GET",
            "/company-overrides",
            query={
                "company_id": company_id,
                "company_ids": company_ids,
                "feature_id": feature_id,
                "feature_ids": feature_ids,
                "ids": ids,
                "without_expired": without_expired,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=[CompanyOverrideResponseData],
            request_options=request_options,
        )

    def iter_company_overrides(
        self,
        *,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        feature_id: str | None = None,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        without_expired: bool | None = None,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CompanyOverrideResponseData]:
        """Every item ``list_company_overrides`` finds, fetched ``page_size`` at a time.

        Requests ``GET /company-overrides`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_company_overrides``.
        """
        return self._iterate(
            self.list_company_overrides,
            page_size,
            company_id=company_id,
            company_ids=company_ids,
            feature_id=feature_id,
            feature_ids=feature_ids,
            ids=ids,
            without_expired=without_expired,
            q=q,
            request_options=request_options,
        )

    def create_company_override(
        self,
        *,
        company_id: str,
        feature_id: str,
        value_type: EntitlementValueType,
        credit_consumption_rate: float | None = None,
        expiration_date: datetime | None = None,
        metric_period: MetricPeriod | None = None,
        metric_period_month_reset: MetricPeriodMonthReset | None = None,
        note: str | None = None,
        value_bool: bool | None = None,
        value_credit_id: str | None = None,
        value_numeric: int | None = None,
        value_trait_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyOverrideResponseData]:
        """Create company override: ``POST /company-overrides``."""
        return self._call(
            "POST",
            "/company-overrides",
            body={
                "company_id": company_id,
                "credit_consumption_rate": credit_consumption_rate,
                "expiration_date": expiration_date,
                "feature_id": feature_id,
                "metric_period": metric_period,
                "metric_period_month_reset": metric_period_month_reset,
                "note": note,
                "value_bool": value_bool,
                "value_credit_id": value_credit_id,
                "value_numeric": value_numeric,
                "value_trait_id": value_trait_id,
                "value_type": value_type,
            },
            parse=CompanyOverrideResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_company_override(
        self,
        company_override_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyOverrideResponseData]:
        """Get company override: ``GET /company-overrides/{company_override_id}``."""
        return self._call(
            "GET",
            self._path(
                "/company-overrides/{company_override_id}", company_override_id=company_override_id
            ),
            parse=CompanyOverrideResponseData,
            request_options=request_options,
        )

    def update_company_override(
        self,
        company_override_id: str,
        *,
        value_type: EntitlementValueType,
        credit_consumption_rate: float | None = None,
        expiration_date: datetime | None = None,
        metric_period: MetricPeriod | None = None,
        metric_period_month_reset: MetricPeriodMonthReset | None = None,
        note: str | None = None,
        value_bool: bool | None = None,
        value_credit_id: str | None = None,
        value_numeric: int | None = None,
        value_trait_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyOverrideResponseData]:
        """Update company override: ``PUT /company-overrides/{company_override_id}``."""
        return self._call(
            "PUT",
            self._path(
                "/company-overrides/{company_override_id}", company_override_id=company_override_id
            ),
            body={
                "credit_consumption_rate": credit_consumption_rate,
                "expiration_date": expiration_date,
                "metric_period": metric_period,
                "metric_period_month_reset": metric_period_month_reset,
                "note": note,
                "value_bool": value_bool,
                "value_credit_id": value_credit_id,
                "value_numeric": value_numeric,
                "value_trait_id": value_trait_id,
                "value_type": value_type,
            },
            parse=CompanyOverrideResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_company_override(
        self,
        company_override_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete company override: ``DELETE /company-overrides/{company_override_id}``."""
        return self._call(
            "DELETE",
            self._path(
                "/company-overrides/{company_override_id}", company_override_id=company_override_id
            ),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def count_company_overrides(
        self,
        *,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        feature_id: str | None = None,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        without_expired: bool | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count company overrides: ``GET /company-overrides/count``."""
        return self._call(
            "GET",
            "/company-overrides/count",
            query={
                "company_id": company_id,
                "company_ids": company_ids,
                "feature_id": feature_id,
                "feature_ids": feature_ids,
                "ids": ids,
                "without_expired": without_expired,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_feature_companies(
        self,
        *,
        feature_id: str,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[FeatureCompanyResponseData]]:
        """List feature companies: ``GET /feature-companies``."""
        return self._call(
            "GET",
            "/feature-companies",
            query={"feature_id": feature_id, "q": q, "limit": limit, "offset": offset},
            parse=[FeatureCompanyResponseData],
            request_options=request_options,
        )

    def iter_feature_companies(
        self,
        *,
        feature_id: str,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[FeatureCompanyResponseData]:
        """Every item ``list_feature_companies`` finds, fetched ``page_size`` at a time.

        Requests ``GET /feature-companies`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_feature_companies``.
        """
        return self._iterate(
            self.list_feature_companies,
            page_size,
            feature_id=feature_id,
            q=q,
            request_options=request_options,
        )

    def count_feature_companies(
        self,
        *,
        feature_id: str,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count feature companies: ``GET /feature-companies/count``."""
        return self._call(
            "GET",
            "/feature-companies/count",
            query={"feature_id": feature_id, "q": q, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def list_feature_usage(
        self,
        *,
        company_id: str | None = None,
        company_keys: Mapping[str, str] | None = None,
        feature_ids: Sequence[str] | None = None,
        include_usage_aggregation: bool | None = None,
        managed_by: BillingProviderType | None = None,
        q: str | None = None,
        without_negative_entitlements: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[FeatureUsageResponseData]]:
        """List feature usage: ``GET /feature-usage``."""
        return self._call(
            "GET",
            "/feature-usage",
            query={
                "company_id": company_id,
                "company_keys": company_keys,
                "feature_ids": feature_ids,
                "include_usage_aggregation": include_usage_aggregation,
                "managed_by": managed_by,
                "q": q,
                "without_negative_entitlements": without_negative_entitlements,
                "limit": limit,
                "offset": offset,
            },
            parse=[FeatureUsageResponseData],
            request_options=request_options,
        )

    def iter_feature_usage(
        self,
        *,
        company_id: str | None = None,
        company_keys: Mapping[str, str] | None = None,
        feature_ids: Sequence[str] | None = None,
        include_usage_aggregation: bool | None = None,
        managed_by: BillingProviderType | None = None,
        q: str | None = None,
        without_negative_entitlements: bool | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[FeatureUsageResponseData]:
        """Every item ``list_feature_usage`` finds, fetched ``page_size`` at a time.

        Requests ``GET /feature-usage`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_feature_usage``.
        """
        return self._iterate(
            self.list_feature_usage,
            page_size,
            company_id=company_id,
            company_keys=company_keys,
            feature_ids=feature_ids,
            include_usage_aggregation=include_usage_aggregation,
            managed_by=managed_by,
            q=q,
            without_negative_entitlements=without_negative_entitlements,
            request_options=request_options,
        )

    def list_feature_usage_history(
        self,
        *,
        end_time: datetime,
        start_time: datetime,
        company_ids: Sequence[str] | None = None,
        feature_ids: Sequence[str] | None = None,
        granularity: TimeSeriesGranularity | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[FeatureUsageHistoryResponseData]]:
        """List feature usage history: ``GET /feature-usage-history``."""
        return self._call(
            "GET",
            "/feature-usage-history",
            query={
                "company_ids": company_ids,
                "end_time": end_time,
                "feature_ids": feature_ids,
                "granularity": granularity,
                "start_time": start_time,
                "limit": limit,
                "offset": offset,
            },
            parse=[FeatureUsageHistoryResponseData],
            request_options=request_options,
        )

    def iter_feature_usage_history(
        self,
        *,
        end_time: datetime,
        start_time: datetime,
        company_ids: Sequence[str] | None = None,
        feature_ids: Sequence[str] | None = None,
        granularity: TimeSeriesGranularity | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[FeatureUsageHistoryResponseData]:
        """Every item ``list_feature_usage_history`` finds, fetched ``page_size`` at a time.

        Requests ``GET /feature-usage-history`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_feature_usage_history``.
        """
        return self._iterate(
            self.list_feature_usage_history,
            page_size,
            end_time=end_time,
            start_time=start_time,
            company_ids=company_ids,
            feature_ids=feature_ids,
            granularity=granularity,
            request_options=request_options,
        )

    def get_feature_usage_time_series(
        self,
        *,
        company_id: str,
        end_time: datetime,
        feature_id: str,
        start_time: datetime,
        granularity: TimeSeriesGranularity | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[FeatureUsageTimeSeriesResponseData]:
        """Get feature usage time series: ``GET /feature-usage-timeseries``."""
        return self._call(
            "GET",
            "/feature-usage-timeseries",
            query={
                "company_id": company_id,
                "end_time": end_time,
                "feature_id": feature_id,
                "granularity": granularity,
                "start_time": start_time,
            },
            parse=FeatureUsageTimeSeriesResponseData,
            request_options=request_options,
        )

    def count_feature_usage(
        self,
        *,
        company_id: str | None = None,
        company_keys: Mapping[str, str] | None = None,
        feature_ids: Sequence[str] | None = None,
        include_usage_aggregation: bool | None = None,
        managed_by: BillingProviderType | None = None,
        q: str | None = None,
        without_negative_entitlements: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count feature usage: ``GET /feature-usage/count``."""
        return self._call(
            "GET",
            "/feature-usage/count",
            query={
                "company_id": company_id,
                "company_keys": company_keys,
                "feature_ids": feature_ids,
                "include_usage_aggregation": include_usage_aggregation,
                "managed_by": managed_by,
                "q": q,
                "without_negative_entitlements": without_negative_entitlements,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_feature_users(
        self,
        *,
        feature_id: str,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[FeatureCompanyUserResponseData]]:
        """List feature users: ``GET /feature-users``."""
        return self._call(
            "GET",
            "/feature-users",
            query={"feature_id": feature_id, "q": q, "limit": limit, "offset": offset},
            parse=[FeatureCompanyUserResponseData],
            request_options=request_options,
        )

    def iter_feature_users(
        self,
        *,
        feature_id: str,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[FeatureCompanyUserResponseData]:
        """Every item ``list_feature_users`` finds, fetched ``page_size`` at a time.

        Requests ``GET /feature-users`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_feature_users``.
        """
        return self._iterate(
            self.list_feature_users,
            page_size,
            feature_id=feature_id,
            q=q,
            request_options=request_options,
        )

    def count_feature_users(
        self,
        *,
        feature_id: str,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count feature users: ``GET /feature-users/count``."""
        return self._call(
            "GET",
            "/feature-users/count",
            query={"feature_id": feature_id, "q": q, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def list_plan_entitlements(
        self,
        *,
        feature_id: str | None = None,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        q: str | None = None,
        with_metered_products: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanEntitlementResponseData]]:
        """List plan entitlements: ``GET /plan-entitlements``."""
        return self._call(
            "GET",
            "/plan-entitlements",
            query={
                "feature_id": feature_id,
                "feature_ids": feature_ids,
                "ids": ids,
                "plan_id": plan_id,
                "plan_ids": plan_ids,
                "plan_version_id": plan_version_id,
                "plan_version_ids": plan_version_ids,
                "q": q,
                "with_metered_products": with_metered_products,
                "limit": limit,
                "offset": offset,
            },
            parse=[PlanEntitlementResponseData],
            request_options=request_options,
        )

    def iter_plan_entitlements(
        self,
        *,
        feature_id: str | None = None,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        q: str | None = None,
        with_metered_products: bool | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[PlanEntitlementResponseData]:
        """Every item ``list_plan_entitlements`` finds, fetched ``page_size`` at a time.

        Requests ``GET /plan-entitlements`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_plan_entitlements``.
        """
        return self._iterate(
            self.list_plan_entitlements,
            page_size,
            feature_id=feature_id,
            feature_ids=feature_ids,
            ids=ids,
            plan_id=plan_id,
            plan_ids=plan_ids,
            plan_version_id=plan_version_id,
            plan_version_ids=plan_version_ids,
            q=q,
            with_metered_products=with_metered_products,
            request_options=request_options,
        )

    def create_plan_entitlement(
        self,
        *,
        feature_id: str,
        plan_id: str,
        value_type: EntitlementValueType,
        billing_product_id: str | None = None,
        billing_threshold: int | None = None,
        credit_consumption_rate: float | None = None,
        currency: str | None = None,
        currency_prices: Sequence[CurrencyPriceRequestBody | Mapping[str, Any]] | None = None,
        metric_period: MetricPeriod | None = None,
        metric_period_month_reset: MetricPeriodMonthReset | None = None,
        monthly_metered_price_id: str | None = None,
        monthly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        monthly_unit_price: int | None = None,
        monthly_unit_price_decimal: str | None = None,
        overage_billing_product_id: str | None = None,
        plan_version_id: str | None = None,
        price_behavior: EntitlementPriceBehavior | None = None,
        price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        quarterly_metered_price_id: str | None = None,
        quarterly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]]
        | None = None,
        quarterly_unit_price: int | None = None,
        quarterly_unit_price_decimal: str | None = None,
        soft_limit: int | None = None,
        tier_mode: BillingTiersMode | None = None,
        usage_quantity: int | None = None,
        value_bool: bool | None = None,
        value_credit_id: str | None = None,
        value_numeric: int | None = None,
        value_trait_id: str | None = None,
        warning_tiers: Sequence[WarningTierRequestBody | Mapping[str, Any]] | None = None,
        yearly_metered_price_id: str | None = None,
        yearly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        yearly_unit_price: int | None = None,
        yearly_unit_price_decimal: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanEntitlementResponseData]:
        """Create plan entitlement: ``POST /plan-entitlements``."""
        return self._call(
            "POST",
            "/plan-entitlements",
            body={
                "billing_product_id": billing_product_id,
                "billing_threshold": billing_threshold,
                "credit_consumption_rate": credit_consumption_rate,
                "currency": currency,
                "currency_prices": currency_prices,
                "feature_id": feature_id,
                "metric_period": metric_period,
                "metric_period_month_reset": metric_period_month_reset,
                "monthly_metered_price_id": monthly_metered_price_id,
                "monthly_price_tiers": monthly_price_tiers,
                "monthly_unit_price": monthly_unit_price,
                "monthly_unit_price_decimal": monthly_unit_price_decimal,
                "overage_billing_product_id": overage_billing_product_id,
                "plan_id": plan_id,
                "plan_version_id": plan_version_id,
                "price_behavior": price_behavior,
                "price_tiers": price_tiers,
                "quarterly_metered_price_id": quarterly_metered_price_id,
                "quarterly_price_tiers": quarterly_price_tiers,
                "quarterly_unit_price": quarterly_unit_price,
                "quarterly_unit_price_decimal": quarterly_unit_price_decimal,
                "soft_limit": soft_limit,
                "tier_mode": tier_mode,
                "usage_quantity": usage_quantity,
                "value_bool": value_bool,
                "value_credit_id": value_credit_id,
                "value_numeric": value_numeric,
                "value_trait_id": value_trait_id,
                "value_type": value_type,
                "warning_tiers": warning_tiers,
                "yearly_metered_price_id": yearly_metered_price_id,
                "yearly_price_tiers": yearly_price_tiers,
                "yearly_unit_price": yearly_unit_price,
                "yearly_unit_price_decimal": yearly_unit_price_decimal,
            },
            parse=PlanEntitlementResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_plan_entitlement(
        self,
        plan_entitlement_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanEntitlementResponseData]:
        """Get plan entitlement: ``GET /plan-entitlements/{plan_entitlement_id}``."""
        return self._call(
            "GET",
            self._path(
                "/plan-entitlements/{plan_entitlement_id}", plan_entitlement_id=plan_entitlement_id
            ),
            parse=PlanEntitlementResponseData,
            request_options=request_options,
        )

    def update_plan_entitlement(
        self,
        plan_entitlement_id: str,
        *,
        value_type: EntitlementValueType,
        billing_product_id: str | None = None,
        billing_threshold: int | None = None,
        credit_consumption_rate: float | None = None,
        currency: str | None = None,
        currency_prices: Sequence[CurrencyPriceRequestBody | Mapping[str, Any]] | None = None,
        metric_period: MetricPeriod | None = None,
        metric_period_month_reset: MetricPeriodMonthReset | None = None,
        monthly_metered_price_id: str | None = None,
        monthly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        monthly_unit_price: int | None = None,
        monthly_unit_price_decimal: str | None = None,
        overage_billing_product_id: str | None = None,
        price_behavior: EntitlementPriceBehavior | None = None,
        price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        quarterly_metered_price_id: str | None = None,
        quarterly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]]
        | None = None,
        quarterly_unit_price: int | None = None,
        quarterly_unit_price_decimal: str | None = None,
        soft_limit: int | None = None,
        tier_mode: BillingTiersMode | None = None,
        usage_quantity: int | None = None,
        value_bool: bool | None = None,
        value_credit_id: str | None = None,
        value_numeric: int | None = None,
        value_trait_id: str | None = None,
        warning_tiers: Sequence[WarningTierRequestBody | Mapping[str, Any]] | None = None,
        yearly_metered_price_id: str | None = None,
        yearly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        yearly_unit_price: int | None = None,
        yearly_unit_price_decimal: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanEntitlementResponseData]:
        """Update plan entitlement: ``PUT /plan-entitlements/{plan_entitlement_id}``."""
        return self._call(
            "PUT",
            self._path(
                "/plan-entitlements/{plan_entitlement_id}", plan_entitlement_id=plan_entitlement_id
            ),
            body={
                "billing_product_id": billing_product_id,
                "billing_threshold": billing_threshold,
                "credit_consumption_rate": credit_consumption_rate,
                "currency": currency,
                "currency_prices": currency_prices,
                "metric_period": metric_period,
                "metric_period_month_reset": metric_period_month_reset,
                "monthly_metered_price_id": monthly_metered_price_id,
                "monthly_price_tiers": monthly_price_tiers,
                "monthly_unit_price": monthly_unit_price,
                "monthly_unit_price_decimal": monthly_unit_price_decimal,
                "overage_billing_product_id": overage_billing_product_id,
                "price_behavior": price_behavior,
                "price_tiers": price_tiers,
                "quarterly_metered_price_id": quarterly_metered_price_id,
                "quarterly_price_tiers": quarterly_price_tiers,
                "quarterly_unit_price": quarterly_unit_price,
                "quarterly_unit_price_decimal": quarterly_unit_price_decimal,
                "soft_limit": soft_limit,
                "tier_mode": tier_mode,
                "usage_quantity": usage_quantity,
                "value_bool": value_bool,
                "value_credit_id": value_credit_id,
                "value_numeric": value_numeric,
                "value_trait_id": value_trait_id,
                "value_type": value_type,
                "warning_tiers": warning_tiers,
                "yearly_metered_price_id": yearly_metered_price_id,
                "yearly_price_tiers": yearly_price_tiers,
                "yearly_unit_price": yearly_unit_price,
                "yearly_unit_price_decimal": yearly_unit_price_decimal,
            },
            parse=PlanEntitlementResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_plan_entitlement(
        self,
        plan_entitlement_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete plan entitlement: ``DELETE /plan-entitlements/{plan_entitlement_id}``."""
        return self._call(
            "DELETE",
            self._path(
                "/plan-entitlements/{plan_entitlement_id}", plan_entitlement_id=plan_entitlement_id
            ),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def upsert_plan_entitlement_for_billing_product(
        self,
        *,
        billing_provider: BillingProviderType,
        external_resource_id: str,
        feature_id: str,
        plan_id: str,
        value_type: EntitlementValueType,
        billing_product_id: str | None = None,
        billing_threshold: int | None = None,
        credit_consumption_rate: float | None = None,
        currency: str | None = None,
        currency_prices: Sequence[CurrencyPriceRequestBody | Mapping[str, Any]] | None = None,
        metric_period: MetricPeriod | None = None,
        metric_period_month_reset: MetricPeriodMonthReset | None = None,
        monthly_metered_price_id: str | None = None,
        monthly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        monthly_unit_price: int | None = None,
        monthly_unit_price_decimal: str | None = None,
        overage_billing_product_id: str | None = None,
        plan_version_id: str | None = None,
        price_behavior: EntitlementPriceBehavior | None = None,
        price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        quarterly_metered_price_id: str | None = None,
        quarterly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]]
        | None = None,
        quarterly_unit_price: int | None = None,
        quarterly_unit_price_decimal: str | None = None,
        soft_limit: int | None = None,
        tier_mode: BillingTiersMode | None = None,
        usage_quantity: int | None = None,
        value_bool: bool | None = None,
        value_credit_id: str | None = None,
        value_numeric: int | None = None,
        value_trait_id: str | None = None,
        warning_tiers: Sequence[WarningTierRequestBody | Mapping[str, Any]] | None = None,
        yearly_metered_price_id: str | None = None,
        yearly_price_tiers: Sequence[CreatePriceTierRequestBody | Mapping[str, Any]] | None = None,
        yearly_unit_price: int | None = None,
        yearly_unit_price_decimal: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanEntitlementResponseData]:
        """Upsert plan entitlement for billing product.

        ``POST /plan-entitlements/billing-linked``.
        """
        return self._call(
            "POST",
            "/plan-entitlements/billing-linked",
            body={
                "billing_product_id": billing_product_id,
                "billing_provider": billing_provider,
                "billing_threshold": billing_threshold,
                "credit_consumption_rate": credit_consumption_rate,
                "currency": currency,
                "currency_prices": currency_prices,
                "external_resource_id": external_resource_id,
                "feature_id": feature_id,
                "metric_period": metric_period,
                "metric_period_month_reset": metric_period_month_reset,
                "monthly_metered_price_id": monthly_metered_price_id,
                "monthly_price_tiers": monthly_price_tiers,
                "monthly_unit_price": monthly_unit_price,
                "monthly_unit_price_decimal": monthly_unit_price_decimal,
                "overage_billing_product_id": overage_billing_product_id,
                "plan_id": plan_id,
                "plan_version_id": plan_version_id,
                "price_behavior": price_behavior,
                "price_tiers": price_tiers,
                "quarterly_metered_price_id": quarterly_metered_price_id,
                "quarterly_price_tiers": quarterly_price_tiers,
                "quarterly_unit_price": quarterly_unit_price,
                "quarterly_unit_price_decimal": quarterly_unit_price_decimal,
                "soft_limit": soft_limit,
                "tier_mode": tier_mode,
                "usage_quantity": usage_quantity,
                "value_bool": value_bool,
                "value_credit_id": value_credit_id,
                "value_numeric": value_numeric,
                "value_trait_id": value_trait_id,
                "value_type": value_type,
                "warning_tiers": warning_tiers,
                "yearly_metered_price_id": yearly_metered_price_id,
                "yearly_price_tiers": yearly_price_tiers,
                "yearly_unit_price": yearly_unit_price,
                "yearly_unit_price_decimal": yearly_unit_price_decimal,
            },
            parse=PlanEntitlementResponseData,
            request=request,
            request_options=request_options,
        )

    def count_plan_entitlements(
        self,
        *,
        feature_id: str | None = None,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        q: str | None = None,
        with_metered_products: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count plan entitlements: ``GET /plan-entitlements/count``."""
        return self._call(
            "GET",
            "/plan-entitlements/count",
            query={
                "feature_id": feature_id,
                "feature_ids": feature_ids,
                "ids": ids,
                "plan_id": plan_id,
                "plan_ids": plan_ids,
                "plan_version_id": plan_version_id,
                "plan_version_ids": plan_version_ids,
                "q": q,
                "with_metered_products": with_metered_products,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def duplicate_plan_entitlements(
        self,
        *,
        source_plan_id: str,
        target_plan_id: str,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[DuplicatePlanEntitlementsResponseResponseData]:
        """Duplicate plan entitlements: ``POST /plan-entitlements/duplicate``."""
        return self._call(
            "POST",
            "/plan-entitlements/duplicate",
            body={"source_plan_id": source_plan_id, "target_plan_id": target_plan_id},
            parse=DuplicatePlanEntitlementsResponseResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_feature_usage_by_company(
        self,
        *,
        keys: Mapping[str, str],
        request_options: RequestOptions | None = None,
    ) -> Response[FeatureUsageDetailResponseData]:
        """Get feature usage by company: ``GET /usage-by-company``."""
        return self._call(
            "GET",
            "/usage-by-company",
            query={"keys": keys},
            parse=FeatureUsageDetailResponseData,
            request_options=request_options,
        )

    def get_user_usage_by_company(
        self,
        *,
        company_id: str,
        end_time: datetime | None = None,
        feature_id: str | None = None,
        start_time: datetime | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[UserUsageByCompanyResponseData]:
        """Get user usage by company: ``GET /user-usage-by-company``."""
        return self._call(
            "GET",
            "/user-usage-by-company",
            query={
                "company_id": company_id,
                "end_time": end_time,
                "feature_id": feature_id,
                "start_time": start_time,
            },
            parse=UserUsageByCompanyResponseData,
            request_options=request_options,
        )

    def get_user_usage_detail(
        self,
        *,
        company_id: str,
        user_id: str,
        end_time: datetime | None = None,
        start_time: datetime | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[UserUsageDetailResponseData]:
        """Get user usage detail: ``GET /user-usage-detail``."""
        return self._call(
            "GET",
            "/user-usage-detail",
            query={
                "company_id": company_id,
                "end_time": end_time,
                "start_time": start_time,
                "user_id": user_id,
            },
            parse=UserUsageDetailResponseData,
            request_options=request_options,
        )
