"""Turning ``track`` and ``identify`` calls into capture events.

On the caller's thread an event is only checked and copied: every argument is validated
(a value that cannot be sent is reported at once, naming the argument) and snapshotted,
so later changes to the caller's dicts cannot alter it, and its size is estimated for the
queue's byte budget. JSON encoding, the idempotency key and the timestamp's text are left
to the worker's threads, a batch at a time. The encoded event leaves out ``api_key``; the
sender adds it, so a spooled event never holds the key on disk.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Mapping
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


Event = tuple[str, dict[str, Any], "dict[str, Any] | None", float, int]
"""A queued event: (type, body, event-level fields from the options, time.time() of the
call, its estimated size in bytes once encoded)."""

# What an event costs beyond its keys and values: type, idempotency key, timestamp, JSON
# punctuation, and the api_key the sender adds.
EVENT_OVERHEAD = 160


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
    size = EVENT_OVERHEAD + len(event)
    if company:
        body["company"], extra = _keys("company", company)
        size += extra
    if user:
        body["user"], extra = _keys("user", user)
        size += extra
    if traits is not None:
        body["traits"], extra = _snapshot("traits", traits)
        size += extra
    if quantity is not None:
        if type(quantity) is not int:
            raise InvalidEventError(f"quantity must be an int, got {quantity!r}")
        body["quantity"] = quantity
    fields = None if options is None else _fields(options)
    return "track", body, fields, time.time(), size


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
    body: dict[str, Any] = {}
    body["keys"], size = _keys("keys", keys)
    size += EVENT_OVERHEAD
    if company is not None:
        body["company"], extra = _identify_company(company)
        size += extra
    if name is not None:
        if type(name) is not str:
            raise InvalidEventError(f"name must be a str, got {type(name).__name__}")
        body["name"] = name
        size += len(name)
    if traits is not None:
        body["traits"], extra = _snapshot("traits", traits)
        size += extra
    fields = None if options is None else _fields(options)
    return "identify", body, fields, time.time(), size


def encode_batch(items: list[Event]) -> tuple[list[str], list[tuple[Event, Exception]]]:
    """The JSON the event service takes (without ``api_key``): one string per event.

    Done on a worker thread, a batch at a time. The idempotency key is made here when the
    caller gave none: before the event's first delivery attempt, and it never changes
    after. Events that cannot be encoded come back apart, with their error.
    """
    # One read of the system's random source for the whole batch. Nothing is kept
    # between calls, so a forked child can never repeat its parent's keys.
    random = os.urandom(16 * len(items)).hex()
    encoded: list[str] = []
    failed: list[tuple[Event, Exception]] = []
    encode, variants = _encode_json, _VARIANTS
    second, prefix = _stamp
    for index, item in enumerate(items):
        kind, body, fields, at, _ = item
        try:
            text = encode(body)
        except (TypeError, ValueError, RecursionError) as exc:
            failed.append((item, exc))
            continue
        h = random[32 * index : 32 * index + 32]
        # A version 4 UUID: the version digit is 4, the variant digit one of 8, 9, a, b.
        key = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variants[h[16]]}{h[17:20]}-{h[20:]}"
        if int(at) != second:
            second, prefix = _second(at)
        sent_at = f"{prefix}.{int((at - second) * 1_000_000):06d}Z"
        if fields:
            encoded.append(_with_fields(kind, text, fields, key, sent_at))
        else:
            encoded.append(
                f'{{"type":"{kind}","body":{text},"idempotency_key":"{key}","sent_at":"{sent_at}"}}'
            )
    return encoded, failed


def _with_fields(kind: str, body: str, fields: dict[str, Any], key: str, sent_at: str) -> str:
    """An event with fields the caller set in its options: theirs win over the SDK's."""
    given = {"idempotency_key": key, "sent_at": sent_at, **fields}
    key_text = _quote(given.pop("idempotency_key"))
    tail = _encode_json(given)[1:]
    return f'{{"type":"{kind}","body":{body},"idempotency_key":{key_text},{tail}'


def encode_event(item: Event) -> str:
    """One event's JSON, as ``encode_batch`` makes it; raises what encoding raised."""
    encoded, failed = encode_batch([item])
    if failed:
        raise failed[0][1]
    return encoded[0]


_VARIANTS = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}
_stamp: tuple[int, str] = (0, "1970-01-01T00:00:00")


def _second(at: float) -> tuple[int, str]:
    """The whole second of ``at`` and its RFC 3339 text in UTC, kept for the next event."""
    global _stamp
    seconds = int(at)
    _stamp = (seconds, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)))
    return _stamp


def _identify_company(company: Any) -> tuple[dict[str, Any], int]:
    data = company.to_dict() if isinstance(company, Model) else company
    if not isinstance(data, Mapping) or not data.get("keys"):
        raise InvalidEventError("company must be an EventBodyIdentifyCompany or a dict with 'keys'")
    keys, size = _keys("company.keys", data["keys"])
    out: dict[str, Any] = {"keys": keys}
    if data.get("name") is not None:
        if not isinstance(data["name"], str):
            raise InvalidEventError("company.name must be a str")
        out["name"] = data["name"]
        size += len(data["name"]) + 10
    if data.get("traits") is not None:
        out["traits"], extra = _snapshot("company.traits", data["traits"])
        size += extra
    return out, size


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


def _keys(name: str, value: Any) -> tuple[dict[str, str], int]:
    """A copy of a dict of str to str, and its size in JSON."""
    if type(value) is not dict and not isinstance(value, Mapping):
        raise InvalidEventError(f"{name} must be a dict of str to str, got {type(value).__name__}")
    size = 12 + 6 * len(value)
    for k, v in value.items():
        if type(k) is not str or type(v) is not str:
            raise InvalidEventError(f"{name} must map str to str, got {k!r}: {v!r}")
        size += len(k) + len(v)
    return dict(value), size  # str values cannot change, so this copy is a full snapshot


def _snapshot(name: str, traits: Any) -> tuple[dict[str, Any], int]:
    """A copy of ``traits`` that later changes by the caller cannot reach, and its size.

    Flat traits of plain values are copied as they are (their size estimated: characters
    of strings, a few bytes for other values). Anything else (nested containers,
    datetimes, decimals ...) goes through JSON, which copies, checks and measures it.
    """
    if isinstance(traits, Model):
        traits = traits.to_dict()
    if not isinstance(traits, Mapping):
        raise InvalidEventError(f"{name} must be a dict, got {type(traits).__name__}")
    size = 12
    for key, value in traits.items():
        kind = type(value)
        size += (len(key) if type(key) is str else 8) + 8
        if kind is str:
            size += len(value)
            continue
        if kind is bool or kind is int or value is None:
            continue
        if kind is float and value - value == 0:  # finite: NaN and infinities give NaN
            continue
        try:
            text = _encode_json(traits)
        except (TypeError, ValueError, RecursionError) as exc:
            raise InvalidEventError(
                f"{_culprit(name, traits)} cannot be sent as JSON: {exc}"
            ) from None
        copied: dict[str, Any] = json.loads(text)
        return copied, len(text) + 12
    return dict(traits), size


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
        except (TypeError, ValueError, RecursionError):
            return f"{name}[{key!r}]"
    return name


_quote = json.JSONEncoder(ensure_ascii=False).encode


def _make_encoder() -> Callable[[Any], str]:
    """Compact JSON with ``_json_default``, NaN refused, non-ASCII kept as it is.

    ``JSONEncoder.encode`` builds its C encoder anew on every call; this builds it once,
    which halves the cost of encoding an event. It keeps no state between calls (no
    circular-reference markers: a cycle ends in ``RecursionError``), so threads share it.
    """
    import json.encoder

    c_make_encoder = getattr(json.encoder, "c_make_encoder", None)  # not in typeshed
    encode_basestring = json.encoder.encode_basestring
    if c_make_encoder is None:  # an interpreter without json's C accelerator
        encoder = json.JSONEncoder(
            default=_json_default, allow_nan=False, separators=(",", ":"), ensure_ascii=False
        )
        return encoder.encode
    chunks = c_make_encoder(
        None, _json_default, encode_basestring, None, ":", ",", False, False, False
    )
    join = "".join

    def encode(value: Any) -> str:
        return join(chunks(value, 0))

    return encode


_encode_json = _make_encoder()
