"""``client.billing``: billing customers, products, prices, subscriptions and meters."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.billing import (
    BillingCouponResponseData,
    BillingCustomerResponseData,
    BillingCustomerWithSubscriptionsResponseData,
    BillingMeterResponseData,
    BillingPriceResponseData,
    BillingPriceScheme,
    BillingPriceUsageType,
    BillingPriceView,
    BillingProductDetailResponseData,
    BillingProductPricing,
    BillingProductResponseData,
    BillingProviderType,
    BillingSubscriptionDiscount,
    BillingSubscriptionResponseData,
    BillingSubscriptionTrialEndSetting,
    BillingTiersMode,
    CreateBillingPriceTierRequestBody,
    DeleteResponse,
    InvoiceResponseData,
    InvoiceStatus,
    PaymentMethodResponseData,
)
from ..models.companies import CountResponse
from ._base import RequestOptions, Resource


class BillingResource(Resource):
    """Billing customers, products, prices, subscriptions and meters."""

    def list_coupons(
        self,
        *,
        is_active: bool | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingCouponResponseData]]:
        """List coupons: ``GET /billing/coupons``."""
        return self._call(
            "GET",
            "/billing/coupons",
            query={"is_active": is_active, "q": q, "limit": limit, "offset": offset},
            parse=[BillingCouponResponseData],
            request_options=request_options,
        )

    def iter_coupons(
        self,
        *,
        is_active: bool | None = None,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingCouponResponseData]:
        """Every item ``list_coupons`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/coupons`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_coupons``.
        """
        return self._iterate(
            self.list_coupons,
            page_size,
            is_active=is_active,
            q=q,
            request_options=request_options,
        )

    def upsert_billing_coupon(
        self,
        *,
        amount_off: int,
        duration: str,
        duration_in_months: int,
        external_id: str,
        max_redemptions: int,
        name: str,
        percent_off: float,
        times_redeemed: int,
        currency: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCouponResponseData]:
        """Upsert billing coupon: ``POST /billing/coupons``."""
        return self._call(
            "POST",
            "/billing/coupons",
            body={
                "amount_off": amount_off,
                "currency": currency,
                "duration": duration,
                "duration_in_months": duration_in_months,
                "external_id": external_id,
                "max_redemptions": max_redemptions,
                "name": name,
                "percent_off": percent_off,
                "times_redeemed": times_redeemed,
            },
            parse=BillingCouponResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_billing_coupon(
        self,
        billing_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete billing coupon: ``DELETE /billing/coupons/{billing_id}``."""
        return self._call(
            "DELETE",
            self._path("/billing/coupons/{billing_id}", billing_id=billing_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def delete_billing_customer(
        self,
        billing_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete billing customer: ``DELETE /billing/customer/{billing_id}``."""
        return self._call(
            "DELETE",
            self._path("/billing/customer/{billing_id}", billing_id=billing_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def upsert_billing_customer(
        self,
        *,
        email: str,
        external_id: str,
        meta: Mapping[str, str],
        name: str,
        company_id: str | None = None,
        default_payment_method_id: str | None = None,
        provider_type: BillingProviderType | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingCustomerResponseData]:
        """Upsert billing customer: ``POST /billing/customer/upsert``."""
        return self._call(
            "POST",
            "/billing/customer/upsert",
            body={
                "company_id": company_id,
                "default_payment_method_id": default_payment_method_id,
                "email": email,
                "external_id": external_id,
                "meta": meta,
                "name": name,
                "provider_type": provider_type,
            },
            parse=BillingCustomerResponseData,
            request=request,
            request_options=request_options,
        )

    def list_customers_with_subscriptions(
        self,
        *,
        company_ids: Sequence[str] | None = None,
        name: str | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingCustomerWithSubscriptionsResponseData]]:
        """List customers with subscriptions: ``GET /billing/customers``."""
        return self._call(
            "GET",
            "/billing/customers",
            query={
                "company_ids": company_ids,
                "name": name,
                "provider_type": provider_type,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=[BillingCustomerWithSubscriptionsResponseData],
            request_options=request_options,
        )

    def iter_customers_with_subscriptions(
        self,
        *,
        company_ids: Sequence[str] | None = None,
        name: str | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingCustomerWithSubscriptionsResponseData]:
        """Every item ``list_customers_with_subscriptions`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/customers`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_customers_with_subscriptions``.
        """
        return self._iterate(
            self.list_customers_with_subscriptions,
            page_size,
            company_ids=company_ids,
            name=name,
            provider_type=provider_type,
            q=q,
            request_options=request_options,
        )

    def count_customers(
        self,
        *,
        company_ids: Sequence[str] | None = None,
        name: str | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count customers: ``GET /billing/customers/count``."""
        return self._call(
            "GET",
            "/billing/customers/count",
            query={
                "company_ids": company_ids,
                "name": name,
                "provider_type": provider_type,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_invoices(
        self,
        *,
        customer_external_id: str,
        subscription_external_id: str,
        company_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[InvoiceResponseData]]:
        """List invoices: ``GET /billing/invoices``."""
        return self._call(
            "GET",
            "/billing/invoices",
            query={
                "company_id": company_id,
                "customer_external_id": customer_external_id,
                "subscription_external_id": subscription_external_id,
                "limit": limit,
                "offset": offset,
            },
            parse=[InvoiceResponseData],
            request_options=request_options,
        )

    def iter_invoices(
        self,
        *,
        customer_external_id: str,
        subscription_external_id: str,
        company_id: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[InvoiceResponseData]:
        """Every item ``list_invoices`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/invoices`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_invoices``.
        """
        return self._iterate(
            self.list_invoices,
            page_size,
            customer_external_id=customer_external_id,
            subscription_external_id=subscription_external_id,
            company_id=company_id,
            request_options=request_options,
        )

    def upsert_invoice(
        self,
        *,
        amount_due: int,
        amount_paid: int,
        amount_remaining: int,
        collection_method: str,
        currency: str,
        customer_external_id: str,
        subtotal: int,
        due_date: datetime | None = None,
        ending_balance: int | None = None,
        external_id: str | None = None,
        payment_method_external_id: str | None = None,
        starting_balance: int | None = None,
        status: InvoiceStatus | None = None,
        subscription_external_id: str | None = None,
        url: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[InvoiceResponseData]:
        """Upsert invoice: ``POST /billing/invoices``."""
        return self._call(
            "POST",
            "/billing/invoices",
            body={
                "amount_due": amount_due,
                "amount_paid": amount_paid,
                "amount_remaining": amount_remaining,
                "collection_method": collection_method,
                "currency": currency,
                "customer_external_id": customer_external_id,
                "due_date": due_date,
                "ending_balance": ending_balance,
                "external_id": external_id,
                "payment_method_external_id": payment_method_external_id,
                "starting_balance": starting_balance,
                "status": status,
                "subscription_external_id": subscription_external_id,
                "subtotal": subtotal,
                "url": url,
            },
            parse=InvoiceResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_billing_invoice(
        self,
        billing_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete billing invoice: ``DELETE /billing/invoices/{billing_id}``."""
        return self._call(
            "DELETE",
            self._path("/billing/invoices/{billing_id}", billing_id=billing_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def list_meters(
        self,
        *,
        display_name: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingMeterResponseData]]:
        """List meters: ``GET /billing/meter``."""
        return self._call(
            "GET",
            "/billing/meter",
            query={"display_name": display_name, "limit": limit, "offset": offset},
            parse=[BillingMeterResponseData],
            request_options=request_options,
        )

    def iter_meters(
        self,
        *,
        display_name: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingMeterResponseData]:
        """Every item ``list_meters`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/meter`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_meters``.
        """
        return self._iterate(
            self.list_meters,
            page_size,
            display_name=display_name,
            request_options=request_options,
        )

    def upsert_billing_meter(
        self,
        *,
        display_name: str,
        event_name: str,
        event_payload_key: str,
        external_id: str,
        provider_type: BillingProviderType | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingMeterResponseData]:
        """Upsert billing meter: ``POST /billing/meter/upsert``."""
        return self._call(
            "POST",
            "/billing/meter/upsert",
            body={
                "display_name": display_name,
                "event_name": event_name,
                "event_payload_key": event_payload_key,
                "external_id": external_id,
                "provider_type": provider_type,
            },
            parse=BillingMeterResponseData,
            request=request,
            request_options=request_options,
        )

    def list_payment_methods(
        self,
        *,
        customer_external_id: str,
        company_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PaymentMethodResponseData]]:
        """List payment methods: ``GET /billing/payment-methods``."""
        return self._call(
            "GET",
            "/billing/payment-methods",
            query={
                "company_id": company_id,
                "customer_external_id": customer_external_id,
                "limit": limit,
                "offset": offset,
            },
            parse=[PaymentMethodResponseData],
            request_options=request_options,
        )

    def iter_payment_methods(
        self,
        *,
        customer_external_id: str,
        company_id: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[PaymentMethodResponseData]:
        """Every item ``list_payment_methods`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/payment-methods`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_payment_methods``.
        """
        return self._iterate(
            self.list_payment_methods,
            page_size,
            customer_external_id=customer_external_id,
            company_id=company_id,
            request_options=request_options,
        )

    def upsert_payment_method(
        self,
        *,
        customer_external_id: str,
        external_id: str,
        payment_method_type: str,
        account_last4: str | None = None,
        account_name: str | None = None,
        bank_name: str | None = None,
        billing_email: str | None = None,
        billing_name: str | None = None,
        card_brand: str | None = None,
        card_exp_month: int | None = None,
        card_exp_year: int | None = None,
        card_last4: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PaymentMethodResponseData]:
        """Upsert payment method: ``POST /billing/payment-methods``."""
        return self._call(
            "POST",
            "/billing/payment-methods",
            body={
                "account_last4": account_last4,
                "account_name": account_name,
                "bank_name": bank_name,
                "billing_email": billing_email,
                "billing_name": billing_name,
                "card_brand": card_brand,
                "card_exp_month": card_exp_month,
                "card_exp_year": card_exp_year,
                "card_last4": card_last4,
                "customer_external_id": customer_external_id,
                "external_id": external_id,
                "payment_method_type": payment_method_type,
            },
            parse=PaymentMethodResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_payment_method_by_external_id(
        self,
        billing_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete payment method by external id.

        ``DELETE /billing/payment-methods/{billing_id}``.
        """
        return self._call(
            "DELETE",
            self._path("/billing/payment-methods/{billing_id}", billing_id=billing_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def list_billing_prices(
        self,
        *,
        currency: str | None = None,
        for_initial_plan: bool | None = None,
        for_trial_expiry_plan: bool | None = None,
        ids: Sequence[str] | None = None,
        interval: str | None = None,
        interval_count: int | None = None,
        is_active: bool | None = None,
        plan_version_id: str | None = None,
        price: int | None = None,
        product_id: str | None = None,
        product_ids: Sequence[str] | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        tiers_mode: BillingTiersMode | None = None,
        usage_type: BillingPriceUsageType | None = None,
        with_meter: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingPriceView]]:
        """List billing prices: ``GET /billing/price``."""
        return self._call(
            "GET",
            "/billing/price",
            query={
                "currency": currency,
                "for_initial_plan": for_initial_plan,
                "for_trial_expiry_plan": for_trial_expiry_plan,
                "ids": ids,
                "interval": interval,
                "interval_count": interval_count,
                "is_active": is_active,
                "plan_version_id": plan_version_id,
                "price": price,
                "product_id": product_id,
                "product_ids": product_ids,
                "provider_type": provider_type,
                "q": q,
                "tiers_mode": tiers_mode,
                "usage_type": usage_type,
                "with_meter": with_meter,
                "limit": limit,
                "offset": offset,
            },
            parse=[BillingPriceView],
            request_options=request_options,
        )

    def iter_billing_prices(
        self,
        *,
        currency: str | None = None,
        for_initial_plan: bool | None = None,
        for_trial_expiry_plan: bool | None = None,
        ids: Sequence[str] | None = None,
        interval: str | None = None,
        interval_count: int | None = None,
        is_active: bool | None = None,
        plan_version_id: str | None = None,
        price: int | None = None,
        product_id: str | None = None,
        product_ids: Sequence[str] | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        tiers_mode: BillingTiersMode | None = None,
        usage_type: BillingPriceUsageType | None = None,
        with_meter: bool | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingPriceView]:
        """Every item ``list_billing_prices`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/price`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_billing_prices``.
        """
        return self._iterate(
            self.list_billing_prices,
            page_size,
            currency=currency,
            for_initial_plan=for_initial_plan,
            for_trial_expiry_plan=for_trial_expiry_plan,
            ids=ids,
            interval=interval,
            interval_count=interval_count,
            is_active=is_active,
            plan_version_id=plan_version_id,
            price=price,
            product_id=product_id,
            product_ids=product_ids,
            provider_type=provider_type,
            q=q,
            tiers_mode=tiers_mode,
            usage_type=usage_type,
            with_meter=with_meter,
            request_options=request_options,
        )

    def upsert_billing_price(
        self,
        *,
        billing_scheme: BillingPriceScheme,
        currency: str,
        external_account_id: str,
        interval: str,
        is_active: bool,
        price: int,
        price_external_id: str,
        price_tiers: Sequence[CreateBillingPriceTierRequestBody | Mapping[str, Any]],
        product_external_id: str,
        usage_type: BillingPriceUsageType,
        interval_count: int | None = None,
        meter_id: str | None = None,
        nickname: str | None = None,
        package_size: int | None = None,
        price_decimal: str | None = None,
        provider_type: BillingProviderType | None = None,
        tiers_mode: BillingTiersMode | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingPriceResponseData]:
        """Upsert billing price: ``POST /billing/price/upsert``."""
        return self._call(
            "POST",
            "/billing/price/upsert",
            body={
                "billing_scheme": billing_scheme,
                "currency": currency,
                "external_account_id": external_account_id,
                "interval": interval,
                "interval_count": interval_count,
                "is_active": is_active,
                "meter_id": meter_id,
                "nickname": nickname,
                "package_size": package_size,
                "price": price,
                "price_decimal": price_decimal,
                "price_external_id": price_external_id,
                "price_tiers": price_tiers,
                "product_external_id": product_external_id,
                "provider_type": provider_type,
                "tiers_mode": tiers_mode,
                "usage_type": usage_type,
            },
            parse=BillingPriceResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_billing_product(
        self,
        billing_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete billing product: ``DELETE /billing/product/{billing_id}``."""
        return self._call(
            "DELETE",
            self._path("/billing/product/{billing_id}", billing_id=billing_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def list_billing_product_prices(
        self,
        *,
        currency: str | None = None,
        for_initial_plan: bool | None = None,
        for_trial_expiry_plan: bool | None = None,
        ids: Sequence[str] | None = None,
        interval: str | None = None,
        interval_count: int | None = None,
        is_active: bool | None = None,
        plan_version_id: str | None = None,
        price: int | None = None,
        product_id: str | None = None,
        product_ids: Sequence[str] | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        tiers_mode: BillingTiersMode | None = None,
        usage_type: BillingPriceUsageType | None = None,
        with_meter: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingPriceView]]:
        """List billing product prices: ``GET /billing/product/prices``."""
        return self._call(
            "GET",
            "/billing/product/prices",
            query={
                "currency": currency,
                "for_initial_plan": for_initial_plan,
                "for_trial_expiry_plan": for_trial_expiry_plan,
                "ids": ids,
                "interval": interval,
                "interval_count": interval_count,
                "is_active": is_active,
                "plan_version_id": plan_version_id,
                "price": price,
                "product_id": product_id,
                "product_ids": product_ids,
                "provider_type": provider_type,
                "q": q,
                "tiers_mode": tiers_mode,
                "usage_type": usage_type,
                "with_meter": with_meter,
                "limit": limit,
                "offset": offset,
            },
            parse=[BillingPriceView],
            request_options=request_options,
        )

    def iter_billing_product_prices(
        self,
        *,
        currency: str | None = None,
        for_initial_plan: bool | None = None,
        for_trial_expiry_plan: bool | None = None,
        ids: Sequence[str] | None = None,
        interval: str | None = None,
        interval_count: int | None = None,
        is_active: bool | None = None,
        plan_version_id: str | None = None,
        price: int | None = None,
        product_id: str | None = None,
        product_ids: Sequence[str] | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        tiers_mode: BillingTiersMode | None = None,
        usage_type: BillingPriceUsageType | None = None,
        with_meter: bool | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingPriceView]:
        """Every item ``list_billing_product_prices`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/product/prices`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_billing_product_prices``.
        """
        return self._iterate(
            self.list_billing_product_prices,
            page_size,
            currency=currency,
            for_initial_plan=for_initial_plan,
            for_trial_expiry_plan=for_trial_expiry_plan,
            ids=ids,
            interval=interval,
            interval_count=interval_count,
            is_active=is_active,
            plan_version_id=plan_version_id,
            price=price,
            product_id=product_id,
            product_ids=product_ids,
            provider_type=provider_type,
            q=q,
            tiers_mode=tiers_mode,
            usage_type=usage_type,
            with_meter=with_meter,
            request_options=request_options,
        )

    def delete_product_price(
        self,
        billing_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete product price: ``DELETE /billing/product/prices/{billing_id}``."""
        return self._call(
            "DELETE",
            self._path("/billing/product/prices/{billing_id}", billing_id=billing_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def upsert_billing_product(
        self,
        *,
        external_id: str,
        price: float,
        is_active: bool | None = None,
        name: str | None = None,
        provider_type: BillingProviderType | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingProductResponseData]:
        """Upsert billing product: ``POST /billing/product/upsert``."""
        return self._call(
            "POST",
            "/billing/product/upsert",
            body={
                "external_id": external_id,
                "is_active": is_active,
                "name": name,
                "price": price,
                "provider_type": provider_type,
            },
            parse=BillingProductResponseData,
            request=request,
            request_options=request_options,
        )

    def list_billing_products(
        self,
        *,
        ids: Sequence[str] | None = None,
        is_active: bool | None = None,
        name: str | None = None,
        price_usage_type: BillingPriceUsageType | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        recurring_charges_only: bool | None = None,
        with_one_time_charges: bool | None = None,
        with_prices_only: bool | None = None,
        with_zero_price: bool | None = None,
        without_linked_to_plan: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[BillingProductDetailResponseData]]:
        """List billing products: ``GET /billing/products``."""
        return self._call(
            "GET",
            "/billing/products",
            query={
                "ids": ids,
                "is_active": is_active,
                "name": name,
                "price_usage_type": price_usage_type,
                "provider_type": provider_type,
                "q": q,
                "recurring_charges_only": recurring_charges_only,
                "with_one_time_charges": with_one_time_charges,
                "with_prices_only": with_prices_only,
                "with_zero_price": with_zero_price,
                "without_linked_to_plan": without_linked_to_plan,
                "limit": limit,
                "offset": offset,
            },
            parse=[BillingProductDetailResponseData],
            request_options=request_options,
        )

    def iter_billing_products(
        self,
        *,
        ids: Sequence[str] | None = None,
        is_active: bool | None = None,
        name: str | None = None,
        price_usage_type: BillingPriceUsageType | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        recurring_charges_only: bool | None = None,
        with_one_time_charges: bool | None = None,
        with_prices_only: bool | None = None,
        with_zero_price: bool | None = None,
        without_linked_to_plan: bool | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[BillingProductDetailResponseData]:
        """Every item ``list_billing_products`` finds, fetched ``page_size`` at a time.

        Requests ``GET /billing/products`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_billing_products``.
        """
        return self._iterate(
            self.list_billing_products,
            page_size,
            ids=ids,
            is_active=is_active,
            name=name,
            price_usage_type=price_usage_type,
            provider_type=provider_type,
            q=q,
            recurring_charges_only=recurring_charges_only,
            with_one_time_charges=with_one_time_charges,
            with_prices_only=with_prices_only,
            with_zero_price=with_zero_price,
            without_linked_to_plan=without_linked_to_plan,
            request_options=request_options,
        )

    def count_billing_products(
        self,
        *,
        ids: Sequence[str] | None = None,
        is_active: bool | None = None,
        name: str | None = None,
        price_usage_type: BillingPriceUsageType | None = None,
        provider_type: BillingProviderType | None = None,
        q: str | None = None,
        recurring_charges_only: bool | None = None,
        with_one_time_charges: bool | None = None,
        with_prices_only: bool | None = None,
        with_zero_price: bool | None = None,
        without_linked_to_plan: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count billing products: ``GET /billing/products/count``."""
        return self._call(
            "GET",
            "/billing/products/count",
            query={
                "ids": ids,
                "is_active": is_active,
                "name": name,
                "price_usage_type": price_usage_type,
                "provider_type": provider_type,
                "q": q,
                "recurring_charges_only": recurring_charges_only,
                "with_one_time_charges": with_one_time_charges,
                "with_prices_only": with_prices_only,
                "with_zero_price": with_zero_price,
                "without_linked_to_plan": without_linked_to_plan,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def upsert_billing_subscription(
        self,
        *,
        cancel_at_period_end: bool,
        currency: str,
        customer_external_id: str,
        discounts: Sequence[BillingSubscriptionDiscount | Mapping[str, Any]],
        expired_at: datetime,
        product_external_ids: Sequence[BillingProductPricing | Mapping[str, Any]],
        subscription_external_id: str,
        total_price: int,
        application_id: str | None = None,
        cancel_at: int | None = None,
        company_id: str | None = None,
        default_payment_method_external_id: str | None = None,
        default_payment_method_id: str | None = None,
        interval: str | None = None,
        metadata: Mapping[str, Any] | None = None,
        period_end: int | None = None,
        period_start: int | None = None,
        provider_type: BillingProviderType | None = None,
        status: str | None = None,
        trial_end: int | None = None,
        trial_end_setting: BillingSubscriptionTrialEndSetting | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[BillingSubscriptionResponseData]:
        """Upsert billing subscription: ``POST /billing/subscription/upsert``."""
        return self._call(
            "POST",
            "/billing/subscription/upsert",
            body={
                "application_id": application_id,
                "cancel_at": cancel_at,
                "cancel_at_period_end": cancel_at_period_end,
                "company_id": company_id,
                "currency": currency,
                "customer_external_id": customer_external_id,
                "default_payment_method_external_id": default_payment_method_external_id,
                "default_payment_method_id": default_payment_method_id,
                "discounts": discounts,
                "expired_at": expired_at,
                "interval": interval,
                "metadata": metadata,
                "period_end": period_end,
                "period_start": period_start,
                "product_external_ids": product_external_ids,
                "provider_type": provider_type,
                "status": status,
                "subscription_external_id": subscription_external_id,
                "total_price": total_price,
                "trial_end": trial_end,
                "trial_end_setting": trial_end_setting,
            },
            parse=BillingSubscriptionResponseData,
            request=request,
            request_options=request_options,
        )
