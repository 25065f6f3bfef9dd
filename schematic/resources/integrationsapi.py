"""``client.integrationsapi``: third-party integrations."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models._base import Model, Response
from ..models.billing import DeleteResponse
from ..models.integrationsapi import (
    CompanyMatchingCriteria,
    IntegrationInstallResponseData,
    IntegrationsDataSetResponseData,
    IntegrationsListResponseData,
    IntegrationsResponseData,
    IntegrationState,
    IntegrationType,
    IntegrationWebhookUrlResponseData,
)
from ._base import RequestOptions, Resource


class IntegrationsapiResource(Resource):
    """Third-party integrations."""

    def run_integration(
        self,
        integration_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[IntegrationsResponseData]:
        """Run integration: ``GET /integration/start/{integration_id}``."""
        return self._call(
            "GET",
            self._path("/integration/start/{integration_id}", integration_id=integration_id),
            parse=IntegrationsResponseData,
            request_options=request_options,
        )

    def list_integrations(
        self,
        *,
        billing_only: bool | None = None,
        exclude_ids: Sequence[str] | None = None,
        id: str | None = None,
        state: IntegrationState | None = None,
        type: IntegrationType | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[IntegrationsListResponseData]]:
        """List integrations: ``GET /integrations``."""
        return self._call(
            "GET",
            "/integrations",
            query={
                "billing_only": billing_only,
                "exclude_ids": exclude_ids,
                "id": id,
                "state": state,
                "type": type,
                "limit": limit,
                "offset": offset,
            },
            parse=[IntegrationsListResponseData],
            request_options=request_options,
        )

    def iter_integrations(
        self,
        *,
        billing_only: bool | None = None,
        exclude_ids: Sequence[str] | None = None,
        id: str | None = None,
        state: IntegrationState | None = None,
        type: IntegrationType | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[IntegrationsListResponseData]:
        """Every item ``list_integrations`` finds, fetched ``page_size`` at a time.

        Requests ``GET /integrations`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_integrations``.
        """
        return self._iterate(
            self.list_integrations,
            page_size,
            billing_only=billing_only,
            exclude_ids=exclude_ids,
            id=id,
            state=state,
            type=type,
            request_options=request_options,
        )

    def get_integration_webhook_url(
        self,
        type: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[IntegrationWebhookUrlResponseData]:
        """Get integration webhook url: ``GET /integrations/{type}/webhook-url``."""
        return self._call(
            "GET",
            self._path("/integrations/{type}/webhook-url", type=type),
            parse=IntegrationWebhookUrlResponseData,
            request_options=request_options,
        )

    def install_integration(
        self,
        *,
        type: IntegrationType,
        company_matching_criteria: CompanyMatchingCriteria | None = None,
        company_matching_field: str | None = None,
        config: Mapping[str, Any] | None = None,
        is_sandbox: bool | None = None,
        live_mode: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[IntegrationInstallResponseData]:
        """Install integration: ``POST /integrations/install``."""
        return self._call(
            "POST",
            "/integrations/install",
            body={
                "company_matching_criteria": company_matching_criteria,
                "company_matching_field": company_matching_field,
                "config": config,
                "is_sandbox": is_sandbox,
                "live_mode": live_mode,
                "type": type,
            },
            parse=IntegrationInstallResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def start_data_import(
        self,
        *,
        integration_id: str,
        company_matching_criteria: CompanyMatchingCriteria | None = None,
        company_matching_field: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[IntegrationsResponseData]:
        """Start data import: ``POST /integrations/start-data-import``."""
        return self._call(
            "POST",
            "/integrations/start-data-import",
            body={
                "company_matching_criteria": company_matching_criteria,
                "company_matching_field": company_matching_field,
                "integration_id": integration_id,
            },
            parse=IntegrationsResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def load_sample_data_set(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[IntegrationsDataSetResponseData]:
        """Load sample data set: ``GET /integrations/stripe/dataset-sample-v2``."""
        return self._call(
            "GET",
            "/integrations/stripe/dataset-sample-v2",
            parse=IntegrationsDataSetResponseData,
            request_options=request_options,
        )

    def assume_stripe_installed(
        self,
        *,
        type: IntegrationType,
        company_matching_criteria: CompanyMatchingCriteria | None = None,
        company_matching_field: str | None = None,
        config: Mapping[str, Any] | None = None,
        is_sandbox: bool | None = None,
        live_mode: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[IntegrationInstallResponseData]:
        """Assume stripe installed: ``POST /integrations/stripe/v2/assume-installed``."""
        return self._call(
            "POST",
            "/integrations/stripe/v2/assume-installed",
            body={
                "company_matching_criteria": company_matching_criteria,
                "company_matching_field": company_matching_field,
                "config": config,
                "is_sandbox": is_sandbox,
                "live_mode": live_mode,
                "type": type,
            },
            parse=IntegrationInstallResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def install_stripe(
        self,
        *,
        type: IntegrationType,
        company_matching_criteria: CompanyMatchingCriteria | None = None,
        company_matching_field: str | None = None,
        config: Mapping[str, Any] | None = None,
        is_sandbox: bool | None = None,
        live_mode: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[IntegrationInstallResponseData]:
        """Install stripe: ``POST /integrations/stripe/v2/install``."""
        return self._call(
            "POST",
            "/integrations/stripe/v2/install",
            body={
                "company_matching_criteria": company_matching_criteria,
                "company_matching_field": company_matching_field,
                "config": config,
                "is_sandbox": is_sandbox,
                "live_mode": live_mode,
                "type": type,
            },
            parse=IntegrationInstallResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def uninstall_integration(
        self,
        integration_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Uninstall integration: ``DELETE /integrations/uninstall/{integration_id}``."""
        return self._call(
            "DELETE",
            self._path("/integrations/uninstall/{integration_id}", integration_id=integration_id),
            parse=DeleteResponse,
            request_options=request_options,
        )
