"""Models for events and event types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from ._base import Model

if TYPE_CHECKING:
    from .accounts import ApiKeyResponseData
    from .features import PreviewObject


EventStatus = Literal["enriched", "failed", "pending", "processed", "unknown"]

EventType = Literal["flag_check", "identify", "inference", "track"]


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateEventBatchRequestBody(Model):
    events: list[CreateEventRequestBody]


@dataclass(frozen=True, slots=True, kw_only=True)
class CreateEventRequestBody(Model):
    event_type: EventType
    backfill: bool | None = None
    body: EventBody | None = None
    idempotency_key: str | None = None
    sent_at: datetime | None = None
    trusted_client_clock: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventBodyFlagCheck(Model):
    flag_key: str
    reason: str
    value: bool
    company_id: str | None = None
    error: str | None = None
    flag_id: str | None = None
    preflight: bool | None = None
    req_company: dict[str, str] | None = None
    req_user: dict[str, str] | None = None
    rule_id: str | None = None
    user_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventBodyIdentify(Model):
    keys: dict[str, str]
    company: EventBodyIdentifyCompany | None = None
    name: str | None = None
    traits: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventBodyIdentifyCompany(Model):
    keys: dict[str, str]
    name: str | None = None
    traits: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventBodyInference(Model):
    company: dict[str, str]
    input_tokens: int
    output_tokens: int
    provider: str
    response_model: str
    cached_input_tokens: int | None = None
    cost: str | None = None
    currency: str | None = None
    event: str | None = None
    operation: str | None = None
    reasoning_tokens: int | None = None
    request_model: str | None = None
    requests: int | None = None
    user: dict[str, str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventBodyTrack(Model):
    event: str
    company: dict[str, str] | None = None
    lease_id: str | None = None
    quantity: int | None = None
    traits: dict[str, Any] | None = None
    user: dict[str, str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventDetailResponseData(Model):
    body: dict[str, Any] | None
    body_preview: str | None
    captured_at: datetime | None
    feature_ids: list[str] | None
    features: list[PreviewObject] | None
    id: str | None
    quantity: int | None
    status: EventStatus | None
    type: EventType | None
    api_key: str | None = None
    api_key_view: ApiKeyResponseData | None = None
    company: PreviewObject | None = None
    company_id: str | None = None
    enriched_at: datetime | None = None
    environment_id: str | None = None
    error_message: str | None = None
    idempotency_key: str | None = None
    lease_id: str | None = None
    loaded_at: datetime | None = None
    processed_at: datetime | None = None
    sent_at: datetime | None = None
    subtype: str | None = None
    updated_at: datetime | None = None
    user: PreviewObject | None = None
    user_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EventSummaryResponseData(Model):
    company_count: int | None
    environment_id: str | None
    event_count: int | None
    event_subtype: str | None
    user_count: int | None
    last_seen_at: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RawEventBatchResponseData(Model):
    events: list[RawEventResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RawEventResponseData(Model):
    captured_at: datetime | None
    remote_ip: str | None
    user_agent: str | None
    event_id: str | None = None
    remote_addr: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SegmentStatusResp(Model):
    connected: bool | None
    environment_id: str | None
    last_event_at: datetime | None = None


EventBody: TypeAlias = EventBodyTrack | EventBodyFlagCheck | EventBodyIdentify | EventBodyInference
