"""``client.catalogs``: plan catalogs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models._base import Model, Response
from ..models.billing import DeleteResponse
from ..models.catalogs import (
    CatalogConfigOrderedBundle,
    CatalogConfigOrderedPlan,
    CatalogConfigurationResponseData,
    CatalogCreditBundleIDsResponseData,
    CatalogDerivedFeaturesResponseData,
    CatalogPlanIDsResponseData,
    CatalogResponseData,
)
from ._base import RequestOptions, Resource


class CatalogsResource(Resource):
    """Plan catalogs."""

    def list_catalogs(
        self,
        *,
        is_default: bool | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CatalogResponseData]]:
        """List catalogs: ``GET /catalogs``."""
        return self._call(
            "GET",
            "/catalogs",
            query={"is_default": is_default, "q": q, "limit": limit, "offset": offset},
            parse=[CatalogResponseData],
            request_options=request_options,
        )

    def iter_catalogs(
        self,
        *,
        is_default: bool | None = None,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CatalogResponseData]:
        """Every item ``list_catalogs`` finds, fetched ``page_size`` at a time.

        Requests ``GET /catalogs`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_catalogs``.
        """
        return self._iterate(
            self.list_catalogs,
            page_size,
            is_default=is_default,
            q=q,
            request_options=request_options,
        )

    def create_catalog(
        self,
        *,
        name: str,
        description: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogResponseData]:
        """Create catalog: ``POST /catalogs``."""
        return self._call(
            "POST",
            "/catalogs",
            body={"description": description, "name": name},
            parse=CatalogResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_catalog(
        self,
        catalog_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogResponseData]:
        """Get catalog: ``GET /catalogs/{catalog_id}``."""
        return self._call(
            "GET",
            self._path("/catalogs/{catalog_id}", catalog_id=catalog_id),
            parse=CatalogResponseData,
            request_options=request_options,
        )

    def update_catalog(
        self,
        catalog_id: str,
        *,
        description: str | None = None,
        is_default: bool | None = None,
        name: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogResponseData]:
        """Update catalog: ``PUT /catalogs/{catalog_id}``."""
        return self._call(
            "PUT",
            self._path("/catalogs/{catalog_id}", catalog_id=catalog_id),
            body={"description": description, "is_default": is_default, "name": name},
            parse=CatalogResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_catalog(
        self,
        catalog_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete catalog: ``DELETE /catalogs/{catalog_id}``."""
        return self._call(
            "DELETE",
            self._path("/catalogs/{catalog_id}", catalog_id=catalog_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def get_configuration(
        self,
        catalog_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogConfigurationResponseData]:
        """Get configuration: ``GET /catalogs/{catalog_id}/configuration``."""
        return self._call(
            "GET",
            self._path("/catalogs/{catalog_id}/configuration", catalog_id=catalog_id),
            parse=CatalogConfigurationResponseData,
            request_options=request_options,
        )

    def update_configuration(
        self,
        catalog_id: str,
        *,
        custom_plan_cta_text: str | None = None,
        custom_plan_cta_url: str | None = None,
        custom_plan_price_text: str | None = None,
        custom_plans_visible: bool | None = None,
        ordered_add_ons: Sequence[CatalogConfigOrderedPlan | Mapping[str, Any]] | None = None,
        ordered_bundles: Sequence[CatalogConfigOrderedBundle | Mapping[str, Any]] | None = None,
        ordered_plans: Sequence[CatalogConfigOrderedPlan | Mapping[str, Any]] | None = None,
        pricing_model: str | None = None,
        pricing_url: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogResponseData]:
        """Update configuration: ``PUT /catalogs/{catalog_id}/configuration``."""
        return self._call(
            "PUT",
            self._path("/catalogs/{catalog_id}/configuration", catalog_id=catalog_id),
            body={
                "custom_plan_cta_text": custom_plan_cta_text,
                "custom_plan_cta_url": custom_plan_cta_url,
                "custom_plan_price_text": custom_plan_price_text,
                "custom_plans_visible": custom_plans_visible,
                "ordered_add_ons": ordered_add_ons,
                "ordered_bundles": ordered_bundles,
                "ordered_plans": ordered_plans,
                "pricing_model": pricing_model,
                "pricing_url": pricing_url,
            },
            parse=CatalogResponseData,
            request=request,
            request_options=request_options,
        )

    def get_credit_bundles_in_catalog(
        self,
        catalog_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogCreditBundleIDsResponseData]:
        """Get credit bundles in catalog: ``GET /catalogs/{catalog_id}/credit-bundles``."""
        return self._call(
            "GET",
            self._path("/catalogs/{catalog_id}/credit-bundles", catalog_id=catalog_id),
            parse=CatalogCreditBundleIDsResponseData,
            request_options=request_options,
        )

    def add_credit_bundle(
        self,
        catalog_id: str,
        credit_bundle_id: str,
        *,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Add credit bundle: ``POST /catalogs/{catalog_id}/credit-bundles/{credit_bundle_id}``."""
        self._call_empty(
            "POST",
            self._path(
                "/catalogs/{catalog_id}/credit-bundles/{credit_bundle_id}",
                catalog_id=catalog_id,
                credit_bundle_id=credit_bundle_id,
            ),
            request=request,
            request_options=request_options,
        )

    def remove_credit_bundle(
        self,
        catalog_id: str,
        credit_bundle_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove credit bundle.

        ``DELETE /catalogs/{catalog_id}/credit-bundles/{credit_bundle_id}``.
        """
        self._call_empty(
            "DELETE",
            self._path(
                "/catalogs/{catalog_id}/credit-bundles/{credit_bundle_id}",
                catalog_id=catalog_id,
                credit_bundle_id=credit_bundle_id,
            ),
            request_options=request_options,
        )

    def get_derived_features(
        self,
        catalog_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogDerivedFeaturesResponseData]:
        """Get derived features: ``GET /catalogs/{catalog_id}/features``."""
        return self._call(
            "GET",
            self._path("/catalogs/{catalog_id}/features", catalog_id=catalog_id),
            parse=CatalogDerivedFeaturesResponseData,
            request_options=request_options,
        )

    def get_plans_in_catalog(
        self,
        catalog_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CatalogPlanIDsResponseData]:
        """Get plans in catalog: ``GET /catalogs/{catalog_id}/plans``."""
        return self._call(
            "GET",
            self._path("/catalogs/{catalog_id}/plans", catalog_id=catalog_id),
            parse=CatalogPlanIDsResponseData,
            request_options=request_options,
        )

    def add_plan(
        self,
        catalog_id: str,
        plan_id: str,
        *,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Add plan: ``POST /catalogs/{catalog_id}/plans/{plan_id}``."""
        self._call_empty(
            "POST",
            self._path(
                "/catalogs/{catalog_id}/plans/{plan_id}", catalog_id=catalog_id, plan_id=plan_id
            ),
            request=request,
            request_options=request_options,
        )

    def remove_plan(
        self,
        catalog_id: str,
        plan_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> None:
        """Remove plan: ``DELETE /catalogs/{catalog_id}/plans/{plan_id}``."""
        self._call_empty(
            "DELETE",
            self._path(
                "/catalogs/{catalog_id}/plans/{plan_id}", catalog_id=catalog_id, plan_id=plan_id
            ),
            request_options=request_options,
        )
