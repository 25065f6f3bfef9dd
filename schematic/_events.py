"""Turning ``track`` and ``identify`` calls into capture events, checked and encoded.

An event is encoded to JSON on the caller's thread, when it is enqueued: later changes to
the caller's dicts cannot alter it, and a value that cannot be sent is reported at once,
naming the argument. The encoded event leaves out ``api_key``; the sender adds it, so a
spooled event never holds the key on disk.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from typing import Any

from .models._base import Model, format_datetime

MAX_IDEMPOTENCY_KEY = 255


@dataclass
class TrackOptions:
    """Optional metadata for a track event; unset fields are not sent.

    Attributes:
        idempotency_key: your own key for this event (at most 255 characters). The SDK
            makes one up (a UUID) when you leave it out; the server drops repeats of a key
            for 24 hours.
        sent_at: when the event happened; the SDK uses the time of the ``track`` call.
        trusted_client_clock: use ``sent_at`` as the event's time (secret keys only).
        backfill: import history without affecting billing (needs ``trusted_client_clock``).
    """

    idempotency_key: str | None = None
    sent_at: datetime | None = None
    trusted_client_clock: bool | None = None
    backfill: bool | None = None


@dataclass
class IdentifyOptions:
    """Optional metadata for an identify event: your own ``idempotency_key``."""

    idempotency_key: str | None = None


class InvalidEventError(ValueError):
    """An argument of ``track`` or ``identify`` cannot become an event."""


def encode_track(
    event: Any,
    company: Any,
    user: Any,
    traits: Any,
    quantity: Any,
    options: TrackOptions | None,
    now: datetime | None = None,
) -> str:
    """The JSON of one track event, or InvalidEventError naming the bad argument."""
    if not isinstance(event, str) or not event.strip():
        raise InvalidEventError(f"event must be a non-empty str, got {event!r}")
    body: dict[str, Any] = {"event": event}
    if company:
        body["company"] = _keys("company", company)
    if user:
        body["user"] = _keys("user", user)
    if traits is not None:
        body["traits"] = _mapping("traits", traits)
    if quantity is not None:
        if isinstance(quantity, bool) or not isinstance(quantity, int):
            raise InvalidEventError(f"quantity must be an int, got {quantity!r}")
        body["quantity"] = quantity
    return _encode("track", body, options, now)


def encode_identify(
    keys: Any,
    company: Any,
    name: Any,
    traits: Any,
    options: IdentifyOptions | None,
    now: datetime | None = None,
) -> str:
    """The JSON of one identify event, or InvalidEventError naming the bad argument."""
    if not keys:
        raise InvalidEventError("keys must be a non-empty dict of str to str")
    body: dict[str, Any] = {"keys": _keys("keys", keys)}
    if company is not None:
        body["company"] = _identify_company(company)
    if name is not None:
        if not isinstance(name, str):
            raise InvalidEventError(f"name must be a str, got {type(name).__name__}")
        body["name"] = name
    if traits is not None:
        body["traits"] = _mapping("traits", traits)
    return _encode("identify", body, options, now)


def _identify_company(company: Any) -> dict[str, Any]:
    data = company.to_dict() if isinstance(company, Model) else company
    if not isinstance(data, Mapping) or not data.get("keys"):
        raise InvalidEventError("company must be an EventBodyIdentifyCompany or a dict with 'keys'")
    out: dict[str, Any] = {"keys": _keys("company.keys", data["keys"])}
    if data.get("name") is not None:
        if not isinstance(data["name"], str):
            raise InvalidEventError("company.name must be a str")
        out["name"] = data["name"]
    if data.get("traits") is not None:
        out["traits"] = _mapping("company.traits", data["traits"])
    return out


def _encode(kind: str, body: dict[str, Any], options: Any, now: datetime | None) -> str:
    event: dict[str, Any] = {"type": kind, "body": body}
    key = getattr(options, "idempotency_key", None)
    if key is not None and (not isinstance(key, str) or not 0 < len(key) <= MAX_IDEMPOTENCY_KEY):
        raise InvalidEventError(
            f"options.idempotency_key must be a str of 1 to {MAX_IDEMPOTENCY_KEY} characters"
        )
    event["idempotency_key"] = key or str(uuid.uuid4())
    sent_at = getattr(options, "sent_at", None)
    if sent_at is not None and not isinstance(sent_at, datetime):
        raise InvalidEventError(f"options.sent_at must be a datetime, got {sent_at!r}")
    event["sent_at"] = format_datetime(sent_at or now or datetime.now(timezone.utc))
    for flag in ("trusted_client_clock", "backfill"):
        value = getattr(options, flag, None)
        if value is not None:
            if not isinstance(value, bool):
                raise InvalidEventError(f"options.{flag} must be a bool, got {value!r}")
            event[flag] = value
    try:
        return json.dumps(event, default=_json_default, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise InvalidEventError(f"{_culprit(body)} cannot be sent as JSON: {exc}") from None


def _keys(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InvalidEventError(f"{name} must be a dict of str to str, got {type(value).__name__}")
    for k, v in value.items():
        if not isinstance(k, str) or not isinstance(v, str):
            raise InvalidEventError(f"{name} must map str to str, got {k!r}: {v!r}")
    return dict(value)


def _mapping(name: str, value: Any) -> Any:
    if isinstance(value, Model):
        return value.to_dict()
    if not isinstance(value, Mapping):
        raise InvalidEventError(f"{name} must be a dict, got {type(value).__name__}")
    return value


def _json_default(value: Any) -> Any:
    """JSON for the values apps commonly put in traits."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _culprit(body: dict[str, Any]) -> str:
    """Name the part of an event body that cannot be encoded."""
    for name, value in body.items():
        try:
            json.dumps(value, default=_json_default, allow_nan=False)
        except (TypeError, ValueError):
            if isinstance(value, dict):
                for key, item in value.items():
                    try:
                        json.dumps(item, default=_json_default, allow_nan=False)
                    except (TypeError, ValueError):
                        return f"{name}[{key!r}]"
            return name
    return "the event"
