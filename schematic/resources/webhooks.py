"""``client.webhooks``: webhooks, webhook events and webhook payloads."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models._base import Model, Response
from ..models.billing import DeleteResponse
from ..models.companies import CountResponse
from ..models.webhooks import (
    CreditTriggerConfig,
    EntitlementTriggerConfig,
    TestWebhookResponseData,
    WebhookEventDetailResponseData,
    WebhookRequestType,
    WebhookResponseData,
    WebhookStatus,
)
from ._base import RequestOptions, Resource


class WebhooksResource(Resource):
    """Webhooks, webhook events and webhook payloads."""

    def list_webhook_events(
        self,
        *,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        webhook_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[WebhookEventDetailResponseData]]:
        """List webhook events: ``GET /webhook-events``."""
        return self._call(
            "GET",
            "/webhook-events",
            query={"ids": ids, "q": q, "webhook_id": webhook_id, "limit": limit, "offset": offset},
            parse=[WebhookEventDetailResponseData],
            request_options=request_options,
        )

    def iter_webhook_events(
        self,
        *,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        webhook_id: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[WebhookEventDetailResponseData]:
        """Every item ``list_webhook_events`` finds, fetched ``page_size`` at a time.

        Requests ``GET /webhook-events`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_webhook_events``.
        """
        return self._iterate(
            self.list_webhook_events,
            page_size,
            ids=ids,
            q=q,
            webhook_id=webhook_id,
            request_options=request_options,
        )

    def get_webhook_event(
        self,
        webhook_event_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[WebhookEventDetailResponseData]:
        """Get webhook event: ``GET /webhook-events/{webhook_event_id}``."""
        return self._call(
            "GET",
            self._path("/webhook-events/{webhook_event_id}", webhook_event_id=webhook_event_id),
            parse=WebhookEventDetailResponseData,
            request_options=request_options,
        )

    def count_webhook_events(
        self,
        *,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        webhook_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count webhook events: ``GET /webhook-events/count``."""
        return self._call(
            "GET",
            "/webhook-events/count",
            query={"ids": ids, "q": q, "webhook_id": webhook_id, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def list_webhooks(
        self,
        *,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[WebhookResponseData]]:
        """List webhooks: ``GET /webhooks``."""
        return self._call(
            "GET",
            "/webhooks",
            query={"q": q, "limit": limit, "offset": offset},
            parse=[WebhookResponseData],
            request_options=request_options,
        )

    def iter_webhooks(
        self,
        *,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[WebhookResponseData]:
        """Every item ``list_webhooks`` finds, fetched ``page_size`` at a time.

        Requests ``GET /webhooks`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_webhooks``.
        """
        return self._iterate(
            self.list_webhooks,
            page_size,
            q=q,
            request_options=request_options,
        )

    def create_webhook(
        self,
        *,
        name: str,
        request_types: Sequence[WebhookRequestType],
        url: str,
        credit_trigger_configs: Sequence[CreditTriggerConfig | Mapping[str, Any]] | None = None,
        entitlement_trigger_configs: Sequence[EntitlementTriggerConfig | Mapping[str, Any]]
        | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[WebhookResponseData]:
        """Create webhook: ``POST /webhooks``."""
        return self._call(
            "POST",
            "/webhooks",
            body={
                "credit_trigger_configs": credit_trigger_configs,
                "entitlement_trigger_configs": entitlement_trigger_configs,
                "name": name,
                "request_types": request_types,
                "url": url,
            },
            parse=WebhookResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_webhook(
        self,
        webhook_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[WebhookResponseData]:
        """Get webhook: ``GET /webhooks/{webhook_id}``."""
        return self._call(
            "GET",
            self._path("/webhooks/{webhook_id}", webhook_id=webhook_id),
            parse=WebhookResponseData,
            request_options=request_options,
        )

    def update_webhook(
        self,
        webhook_id: str,
        *,
        credit_trigger_configs: Sequence[CreditTriggerConfig | Mapping[str, Any]] | None = None,
        entitlement_trigger_configs: Sequence[EntitlementTriggerConfig | Mapping[str, Any]]
        | None = None,
        name: str | None = None,
        request_types: Sequence[WebhookRequestType] | None = None,
        status: WebhookStatus | None = None,
        url: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[WebhookResponseData]:
        """Update webhook: ``PUT /webhooks/{webhook_id}``."""
        return self._call(
            "PUT",
            self._path("/webhooks/{webhook_id}", webhook_id=webhook_id),
            body={
                "credit_trigger_configs": credit_trigger_configs,
                "entitlement_trigger_configs": entitlement_trigger_configs,
                "name": name,
                "request_types": request_types,
                "status": status,
                "url": url,
            },
            parse=WebhookResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_webhook(
        self,
        webhook_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete webhook: ``DELETE /webhooks/{webhook_id}``."""
        return self._call(
            "DELETE",
            self._path("/webhooks/{webhook_id}", webhook_id=webhook_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def send_test_webhook_action(
        self,
        webhook_id: str,
        *,
        request_type: WebhookRequestType,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[TestWebhookResponseData]:
        """Send test webhook action: ``POST /webhooks/{webhook_id}/test``."""
        return self._call(
            "POST",
            self._path("/webhooks/{webhook_id}/test", webhook_id=webhook_id),
            body={"request_type": request_type},
            parse=TestWebhookResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def count_webhooks(
        self,
        *,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count webhooks: ``GET /webhooks/count``."""
        return self._call(
            "GET",
            "/webhooks/count",
            query={"q": q, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )
