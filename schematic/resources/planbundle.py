"""``client.planbundle``: plan bundles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models._base import Model, Response
from ..models.planbundle import (
    CreateCustomPlanBundlePlanRequestBody,
    PlanBundleCreditGrantRequestBody,
    PlanBundleEntitlementRequestBody,
    PlanBundleResponseData,
)
from ..models.plans import (
    CreatePlanRequestBody,
    UpdatePlanRequestBody,
    UpsertBillingProductRequestBody,
)
from ._base import RequestOptions, Resource


class PlanbundleResource(Resource):
    """Plan bundles."""

    def create_custom_plan_bundle(
        self,
        *,
        billing_product: UpsertBillingProductRequestBody | Mapping[str, Any],
        entitlements: Sequence[PlanBundleEntitlementRequestBody | Mapping[str, Any]],
        plan: CreateCustomPlanBundlePlanRequestBody | Mapping[str, Any],
        credit_grants: Sequence[PlanBundleCreditGrantRequestBody | Mapping[str, Any]] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanBundleResponseData]:
        """Create custom plan bundle: ``POST /custom-plan-bundles``."""
        return self._call(
            "POST",
            "/custom-plan-bundles",
            body={
                "billing_product": billing_product,
                "credit_grants": credit_grants,
                "entitlements": entitlements,
                "plan": plan,
            },
            parse=PlanBundleResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def create_plan_bundle(
        self,
        *,
        entitlements: Sequence[PlanBundleEntitlementRequestBody | Mapping[str, Any]],
        plan: CreatePlanRequestBody | Mapping[str, Any],
        billing_product: UpsertBillingProductRequestBody | Mapping[str, Any] | None = None,
        credit_grants: Sequence[PlanBundleCreditGrantRequestBody | Mapping[str, Any]] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanBundleResponseData]:
        """Create plan bundle: ``POST /plan-bundles``."""
        return self._call(
            "POST",
            "/plan-bundles",
            body={
                "billing_product": billing_product,
                "credit_grants": credit_grants,
                "entitlements": entitlements,
                "plan": plan,
            },
            parse=PlanBundleResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def update_plan_bundle(
        self,
        plan_id: str,
        *,
        entitlements: Sequence[PlanBundleEntitlementRequestBody | Mapping[str, Any]],
        plan: UpdatePlanRequestBody | Mapping[str, Any],
        billing_product: UpsertBillingProductRequestBody | Mapping[str, Any] | None = None,
        credit_grants: Sequence[PlanBundleCreditGrantRequestBody | Mapping[str, Any]] | None = None,
        plan_version_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanBundleResponseData]:
        """Update plan bundle: ``PUT /plan-bundles/{plan_id}``."""
        return self._call(
            "PUT",
            self._path("/plan-bundles/{plan_id}", plan_id=plan_id),
            body={
                "billing_product": billing_product,
                "credit_grants": credit_grants,
                "entitlements": entitlements,
                "plan": plan,
                "plan_version_id": plan_version_id,
            },
            parse=PlanBundleResponseData,
            request=request,
            request_options=request_options,
        )
