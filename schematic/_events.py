"""Turning ``track`` and ``identify`` calls into capture events.

On the caller's thread an event is only checked and copied: every argument is validated
(a value that cannot be sent is reported at once, naming the argument) and snapshotted,
so later changes to the caller's dicts cannot alter it. JSON encoding, the idempotency
key and the timestamp's text are left to the worker thread. The encoded event leaves out
``api_key``; the sender adds it, so a spooled event never holds the key on disk.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
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


Event = tuple[str, dict[str, Any], "dict[str, Any] | None", float]
"""A queued event: (type, body, event-level fields from the options, time.time() of the call)."""


def track_event(
    event: Any,
    company: Any,
    user: Any,
    traits: Any,
    quantity: Any,
    options: TrackOptions | None,
) -> Event:
    """Check the arguments of ``track`` and snapshot them; InvalidEventError names a bad one."""
    if type(event) is not str or not event.strip():
        raise InvalidEventError(f"event must be a non-empty str, got {event!r}")
    body: dict[str, Any] = {"event": event}
    if company:
        body["company"] = _keys("company", company)
    if user:
        body["user"] = _keys("user", user)
    if traits is not None:
        body["traits"] = _snapshot("traits", traits)
    if quantity is not None:
        if type(quantity) is not int:
            raise InvalidEventError(f"quantity must be an int, got {quantity!r}")
        body["quantity"] = quantity
    return "track", body, None if options is None else _fields(options), time.time()


def identify_event(
    keys: Any,
    company: Any,
    name: Any,
    traits: Any,
    options: IdentifyOptions | None,
) -> Event:
    """Check the arguments of ``identify`` and snapshot them; InvalidEventError names a bad one."""
    if not keys:
        raise InvalidEventError("keys must be a non-empty dict of str to str")
    body: dict[str, Any] = {"keys": _keys("keys", keys)}
    if company is not None:
        body["company"] = _identify_company(company)
    if name is not None:
        if type(name) is not str:
            raise InvalidEventError(f"name must be a str, got {type(name).__name__}")
        body["name"] = name
    if traits is not None:
        body["traits"] = _snapshot("traits", traits)
    return "identify", body, None if options is None else _fields(options), time.time()


def encode_event(item: Event) -> str:
    """The JSON the event service takes (without ``api_key``), done on the worker thread.

    The idempotency key is made here when the caller gave none: before the event's first
    delivery attempt, and it never changes after.
    """
    kind, body, fields, at = item
    event: dict[str, Any] = {"type": kind, "body": body}
    if fields:
        event.update(fields)
    if "idempotency_key" not in event:
        event["idempotency_key"] = _uuid4()
    if "sent_at" not in event:
        event["sent_at"] = _timestamp(at)
    return _encode_json(event)


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
        out["traits"] = _snapshot("company.traits", data["traits"])
    return out


def _fields(options: TrackOptions | IdentifyOptions) -> dict[str, Any] | None:
    """The event-level fields an options object sets, checked."""
    fields: dict[str, Any] = {}
    key = options.idempotency_key
    if key is not None:
        if type(key) is not str or not 0 < len(key) <= MAX_IDEMPOTENCY_KEY:
            raise InvalidEventError(
                f"options.idempotency_key must be a str of 1 to {MAX_IDEMPOTENCY_KEY} characters"
            )
        fields["idempotency_key"] = key
    if isinstance(options, TrackOptions):
        if options.sent_at is not None:
            if not isinstance(options.sent_at, datetime):
                raise InvalidEventError(
                    f"options.sent_at must be a datetime, got {options.sent_at!r}"
                )
            fields["sent_at"] = format_datetime(options.sent_at)
        for flag in ("trusted_client_clock", "backfill"):
            value = getattr(options, flag)
            if value is not None:
                if type(value) is not bool:
                    raise InvalidEventError(f"options.{flag} must be a bool, got {value!r}")
                fields[flag] = value
    return fields or None


def _uuid4() -> str:
    # uuid (and the platform module it loads) is imported on the worker thread, on first use,
    # rather than when the SDK is imported.
    import uuid

    return str(uuid.uuid4())


def _timestamp(at: float) -> str:
    """RFC 3339 in UTC with microseconds, e.g. ``2026-05-21T12:00:00.125000Z``."""
    seconds = int(at)
    return (
        time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
        + f".{int((at - seconds) * 1_000_000):06d}Z"
    )


def _keys(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise InvalidEventError(f"{name} must be a dict of str to str, got {type(value).__name__}")
    for k, v in value.items():
        if type(k) is not str or type(v) is not str:
            raise InvalidEventError(f"{name} must map str to str, got {k!r}: {v!r}")
    return dict(value)  # str values cannot change, so this copy is a full snapshot


def _snapshot(name: str, traits: Any) -> dict[str, Any]:
    """A copy of ``traits`` that later changes by the caller cannot reach.

    Flat traits of plain values are copied as they are. Anything else (nested containers,
    datetimes, decimals ...) goes through JSON, which both copies and checks it.
    """
    if isinstance(traits, Model):
        return traits.to_dict()
    if not isinstance(traits, Mapping):
        raise InvalidEventError(f"{name} must be a dict, got {type(traits).__name__}")
    for value in traits.values():
        kind = type(value)
        if kind is str or kind is bool or kind is int or value is None:
            continue
        if kind is float and value - value == 0:  # finite: NaN and infinities give NaN
            continue
        try:
            copied: dict[str, Any] = json.loads(_encode_json(traits))
        except (TypeError, ValueError) as exc:
            raise InvalidEventError(
                f"{_culprit(name, traits)} cannot be sent as JSON: {exc}"
            ) from None
        return copied
    return dict(traits)


def _json_default(value: Any) -> Any:
    """JSON for the values apps commonly put in traits."""
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if type(value).__name__ in ("Decimal", "UUID"):  # without importing decimal and uuid
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _culprit(name: str, traits: Mapping[str, Any]) -> str:
    """Name the entry of ``traits`` that cannot be encoded."""
    for key, value in traits.items():
        try:
            _encode_json(value)
        except (TypeError, ValueError):
            return f"{name}[{key!r}]"
    return name


_encode_json = json.JSONEncoder(
    default=_json_default, allow_nan=False, separators=(",", ":"), ensure_ascii=False
).encode
