"""``client.scheduledcheckout``: scheduled checkouts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.scheduledcheckout import ScheduledCheckoutResponseData, ScheduledCheckoutStatus
from ._base import RequestOptions, Resource


class ScheduledcheckoutResource(Resource):
    """Scheduled checkouts."""

    def list_scheduled_checkouts(
        self,
        *,
        company_id: str | None = None,
        status: ScheduledCheckoutStatus | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[ScheduledCheckoutResponseData]]:
        """List scheduled checkouts: ``GET /scheduled-checkout``."""
        return self._call(
            "GET",
            "/scheduled-checkout",
            query={"company_id": company_id, "status": status, "limit": limit, "offset": offset},
            parse=[ScheduledCheckoutResponseData],
            request_options=request_options,
        )

    def iter_scheduled_checkouts(
        self,
        *,
        company_id: str | None = None,
        status: ScheduledCheckoutStatus | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[ScheduledCheckoutResponseData]:
        """Every item ``list_scheduled_checkouts`` finds, fetched ``page_size`` at a time.

        Requests ``GET /scheduled-checkout`` with ``limit`` and ``offset`` as the iterator
        is consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_scheduled_checkouts``.
        """
        return self._iterate(
            self.list_scheduled_checkouts,
            page_size,
            company_id=company_id,
            status=status,
            request_options=request_options,
        )

    def create_scheduled_checkout(
        self,
        *,
        company_id: str,
        execute_after: datetime,
        from_plan_id: str,
        to_plan_id: str,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ScheduledCheckoutResponseData]:
        """Create scheduled checkout: ``POST /scheduled-checkout``."""
        return self._call(
            "POST",
            "/scheduled-checkout",
            body={
                "company_id": company_id,
                "execute_after": execute_after,
                "from_plan_id": from_plan_id,
                "to_plan_id": to_plan_id,
            },
            parse=ScheduledCheckoutResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_scheduled_checkout(
        self,
        scheduled_checkout_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[ScheduledCheckoutResponseData]:
        """Get scheduled checkout: ``GET /scheduled-checkout/{scheduled_checkout_id}``."""
        return self._call(
            "GET",
            self._path(
                "/scheduled-checkout/{scheduled_checkout_id}",
                scheduled_checkout_id=scheduled_checkout_id,
            ),
            parse=ScheduledCheckoutResponseData,
            request_options=request_options,
        )

    def update_scheduled_checkout(
        self,
        scheduled_checkout_id: str,
        *,
        execute_after: datetime | None = None,
        status: ScheduledCheckoutStatus | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ScheduledCheckoutResponseData]:
        """Update scheduled checkout: ``PUT /scheduled-checkout/{scheduled_checkout_id}``."""
        return self._call(
            "PUT",
            self._path(
                "/scheduled-checkout/{scheduled_checkout_id}",
                scheduled_checkout_id=scheduled_checkout_id,
            ),
            body={"execute_after": execute_after, "status": status},
            parse=ScheduledCheckoutResponseData,
            request=request,
            request_options=request_options,
        )
