"""``client.events``: events and event types."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.events import (
    CreateEventRequestBody,
    EventBody,
    EventDetailResponseData,
    EventSummaryResponseData,
    EventType,
    RawEventBatchResponseData,
    RawEventResponseData,
    SegmentStatusResp,
)
from ._base import RequestOptions, Resource


class EventsResource(Resource):
    """Events and event types."""

    def create_event_batch(
        self,
        *,
        events: Sequence[CreateEventRequestBody | Mapping[str, Any]],
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[RawEventBatchResponseData]:
        """Create event batch: ``POST /event-batch``."""
        return self._call(
            "POST",
            "/event-batch",
            body={"events": events},
            parse=RawEventBatchResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_event_summaries(
        self,
        *,
        q: str | None = None,
        event_subtypes: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[EventSummaryResponseData]]:
        """Get event summaries: ``GET /event-types``."""
        return self._call(
            "GET",
            "/event-types",
            query={"q": q, "event_subtypes": event_subtypes, "limit": limit, "offset": offset},
            parse=[EventSummaryResponseData],
            request_options=request_options,
        )

    def iter_event_summaries(
        self,
        *,
        q: str | None = None,
        event_subtypes: Sequence[str] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[EventSummaryResponseData]:
        """Every item ``get_event_summaries`` finds, fetched ``page_size`` at a time.

        Requests ``GET /event-types`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``get_event_summaries``.
        """
        return self._iterate(
            self.get_event_summaries,
            page_size,
            q=q,
            event_subtypes=event_subtypes,
            request_options=request_options,
        )

    def list_events(
        self,
        *,
        company_id: str | None = None,
        event_subtype: str | None = None,
        event_types: Sequence[EventType] | None = None,
        flag_id: str | None = None,
        idempotency_key: str | None = None,
        user_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[EventDetailResponseData]]:
        """List events: ``GET /events``."""
        return self._call(
            "GET",
            "/events",
            query={
                "company_id": company_id,
                "event_subtype": event_subtype,
                "event_types": event_types,
                "flag_id": flag_id,
                "idempotency_key": idempotency_key,
                "user_id": user_id,
                "limit": limit,
                "offset": offset,
            },
            parse=[EventDetailResponseData],
            request_options=request_options,
        )

    def iter_events(
        self,
        *,
        company_id: str | None = None,
        event_subtype: str | None = None,
        event_types: Sequence[EventType] | None = None,
        flag_id: str | None = None,
        idempotency_key: str | None = None,
        user_id: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[EventDetailResponseData]:
        """Every item ``list_events`` finds, fetched ``page_size`` at a time.

        Requests ``GET /events`` with ``limit`` and ``offset`` as the iterator is consumed,
        and stops after a page shorter than ``page_size`` (1 to 250). Takes the filters of
        ``list_events``.
        """
        return self._iterate(
            self.list_events,
            page_size,
            company_id=company_id,
            event_subtype=event_subtype,
            event_types=event_types,
            flag_id=flag_id,
            idempotency_key=idempotency_key,
            user_id=user_id,
            request_options=request_options,
        )

    def create_event(
        self,
        *,
        event_type: EventType,
        backfill: bool | None = None,
        body: EventBody | Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        sent_at: datetime | None = None,
        trusted_client_clock: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[RawEventResponseData]:
        """Create event: ``POST /events``."""
        return self._call(
            "POST",
            "/events",
            body={
                "backfill": backfill,
                "body": body,
                "event_type": event_type,
                "idempotency_key": idempotency_key,
                "sent_at": sent_at,
                "trusted_client_clock": trusted_client_clock,
            },
            parse=RawEventResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_event(
        self,
        event_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[EventDetailResponseData]:
        """Get event: ``GET /events/{event_id}``."""
        return self._call(
            "GET",
            self._path("/events/{event_id}", event_id=event_id),
            parse=EventDetailResponseData,
            request_options=request_options,
        )

    def get_segment_integration_status(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[SegmentStatusResp]:
        """Get segment integration status: ``GET /segment-integration``."""
        return self._call(
            "GET",
            "/segment-integration",
            parse=SegmentStatusResp,
            request_options=request_options,
        )
