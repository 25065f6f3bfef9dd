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

from .errors import InvalidEventError
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
    """Optional metadata for an identify event.

    Attributes:
        idempotency_key: your own key for this event (at most 255 characters).
        prewarm: credit type ids whose leases to warm for the company; accepted for
            configurations made for the official SDK, and checked, but this SDK takes no
            leases, so nothing is warmed (see ``Schematic.prewarm``).
    """

    idempotency_key: str | None = None
    prewarm: list[str] | None = None


Event = tuple[str, dict[str, Any], "dict[str, Any] | None", float, int]
"""A queued event: (type, body, event-level fields from the options, time.time() of the
call, its estimated size in bytes once encoded)."""

# What an event costs beyond its keys and values: type, idempotency key, timestamp, JSON
# punctuation, and the api_key the sender adds.
EVENT_OVERHEAD = 160
MAX_EVENT_SIZE = 1024 * 1024  # bytes of an event once encoded, about: larger ones are refused
MAX_DEPTH = 32  # levels of nested dicts and lists in traits
INT64 = range(-(2**63), 2**63)  # what the API's integers hold


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
    if not event.isascii():
        _text("event", event)
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
        if type(quantity) is not int or quantity not in INT64:
            raise InvalidEventError(f"quantity must be a 64-bit int, got {quantity!r}", "number")
        body["quantity"] = quantity
    if options is not None and not isinstance(options, TrackOptions):
        raise InvalidEventError(f"options must be a TrackOptions, got {type(options).__name__}")
    fields = None if options is None else _fields(options)
    if size > MAX_EVENT_SIZE:
        raise _too_large(size)
    return "track", body, fields, time.time(), size


def settle_event(reservation: Any, quantity: Any, traits: Any) -> Event:
    """The track event that settles ``reservation`` with the usage actually made: its
    event subtype, company and user, its lease, and an idempotency key of its id, so that
    sending it twice bills once. InvalidEventError names a bad argument."""
    from ._credits import RESERVATION_IDEMPOTENCY_PREFIX, Reservation
    from ._flags import usage_quantity

    if not isinstance(reservation, Reservation):
        raise InvalidEventError(
            f"reservation must be a Reservation, got {type(reservation).__name__}"
        )
    try:
        whole = usage_quantity("actual_quantity", quantity)  # billed rounded up
    except (TypeError, ValueError) as exc:
        raise InvalidEventError(str(exc), "number") from None
    options = TrackOptions(idempotency_key=f"{RESERVATION_IDEMPOTENCY_PREFIX}{reservation.id}")
    kind, body, fields, at, size = track_event(
        reservation.event_subtype, reservation.company, reservation.user, traits, whole, options
    )
    if type(reservation.lease_id) is not str or not reservation.lease_id:
        raise InvalidEventError(f"reservation.lease_id must be an id, got {reservation.lease_id!r}")
    body["lease_id"] = reservation.lease_id
    return kind, body, fields, at, size + len(reservation.lease_id) + 14


def credit_type_ids(name: str, value: Any) -> list[str]:
    """A list of credit type ids, checked; InvalidEventError naming ``name``."""
    if not isinstance(value, (list, tuple)) or not all(type(v) is str and v.strip() for v in value):
        raise InvalidEventError(f"{name} must be a list of credit type ids, got {value!r}")
    return list(value)


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
        _text("name", name)
        body["name"] = name
        size += len(name)
    if traits is not None:
        body["traits"], extra = _snapshot("traits", traits)
        size += extra
    if options is not None and not isinstance(options, IdentifyOptions):
        raise InvalidEventError(f"options must be an IdentifyOptions, got {type(options).__name__}")
    fields = None if options is None else _fields(options)
    if size > MAX_EVENT_SIZE:
        raise _too_large(size)
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
            if not text.isascii():
                text.encode("utf-8")  # a lone surrogate cannot be sent: refuse it alone
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
        _text("company.name", data["name"])
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
        _text("options.idempotency_key", key)
        fields["idempotency_key"] = key
    if isinstance(options, IdentifyOptions) and options.prewarm is not None:
        credit_type_ids("options.prewarm", options.prewarm)
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
    copied = _copy(name, value)
    size = 12 + 6 * len(copied)
    for k, v in copied.items():  # the copy: another thread may change the caller's dict
        if type(k) is not str or type(v) is not str:
            raise InvalidEventError(f"{name} must map str to str, got {k!r}: {v!r}")
        if not (k.isascii() and v.isascii()):
            _text(f"{name} key {k!r}", k)
            _text(f"{name}[{k!r}]", v)
        size += len(k) + len(v)
    return copied, size  # str values cannot change, so this copy is a full snapshot


def _snapshot(name: str, traits: Any) -> tuple[dict[str, Any], int]:
    """A copy of ``traits`` that later changes by the caller cannot reach, and its size.

    Flat traits of plain values are copied as they are (their size estimated: characters
    of strings, a few bytes for other values). Anything else (nested containers,
    datetimes, decimals ...) is converted to plain JSON values level by level, and every
    one checked: str keys, valid Unicode, finite numbers, at most ``MAX_DEPTH`` levels.
    """
    if isinstance(traits, Model):
        traits = traits.to_dict()
    if not isinstance(traits, Mapping):
        raise InvalidEventError(f"{name} must be a dict, got {type(traits).__name__}")
    copied = _copy(name, traits)
    size = 12
    for key, value in copied.items():
        kind = type(value)
        if type(key) is not str or not key.isascii():
            break
        size += len(key) + 8
        if kind is str:
            if not value.isascii():
                break
            size += len(value)
        elif not (
            kind is bool
            or kind is int
            or value is None
            or (kind is float and value - value == 0)  # finite: NaN and infinities give NaN
        ):
            break
    else:
        return copied, size
    plain, size = _plain(name, copied, 1)
    return plain, size


def _plain(path: str, value: Any, depth: int) -> tuple[Any, int]:
    """``value`` as plain JSON values (dicts, lists, str, numbers, bools, None) and its size.

    Raises InvalidEventError naming the place (``traits['a'][0]``) of what JSON cannot
    carry faithfully.
    """
    kind = type(value)
    if value is None or kind is bool or kind is int:
        return value, 8
    if kind is float:
        if value - value != 0:
            raise InvalidEventError(f"{path} is {value!r}: JSON has no NaN or infinity", "number")
        return value, 24
    if kind is str:
        _text(path, value)
        return value, len(value) + 2
    if depth > MAX_DEPTH:
        raise InvalidEventError(f"{path} is nested more than {MAX_DEPTH} levels deep", "depth")
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        size = 2
        for key, item in _copy(path, value).items():
            if type(key) is not str:
                raise InvalidEventError(f"{path} has a key that is not a str: {_key(key)}", "key")
            _text(f"{path} key {key!r}", key)
            out[key], extra = _plain(f"{path}[{key!r}]", item, depth + 1)
            size += extra + len(key) + 4
        return out, size
    if isinstance(value, (list, tuple, set, frozenset)):
        items: list[Any] = []
        size = 2
        for index, item in enumerate(_sequence(path, value)):
            plain, extra = _plain(f"{path}[{index}]", item, depth + 1)
            items.append(plain)
            size += extra + 1
        return items, size
    try:
        converted = _json_default(value)
    except TypeError:
        raise InvalidEventError(
            f"{path} cannot be sent as JSON: a {type(value).__name__}"
        ) from None
    return _plain(path, converted, depth + 1)


def _key(key: Any) -> str:
    try:
        text = json.dumps({key: 0})[1:-4]  # what JSON would make of it, e.g. "null"
    except TypeError:
        return f"{key!r}, which JSON cannot have as a key"
    return f"{key!r}, which JSON would send as {text}, where it could collide with that key"


def _copy(name: str, mapping: Mapping[Any, Any]) -> dict[Any, Any]:
    """A dict copied from ``mapping`` in one step, so that other threads cannot change it
    half-way; a mapping that keeps changing while it is read is refused."""
    if type(mapping) is dict:
        return mapping.copy()  # done in C, without a thread switch
    for _ in range(3):
        try:
            return dict(mapping)
        except RuntimeError:  # "changed size during iteration": another thread wrote to it
            continue
    raise InvalidEventError(
        f"{name} kept changing while it was read (by another thread?)", "changed"
    )


def _sequence(name: str, items: Any) -> list[Any]:
    for _ in range(3):
        try:
            return list(items)
        except RuntimeError:
            continue
    raise InvalidEventError(
        f"{name} kept changing while it was read (by another thread?)", "changed"
    )


def _text(name: str, value: str) -> None:
    """A str must be valid Unicode: a lone surrogate cannot be encoded to UTF-8."""
    if value.isascii():
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidEventError(
            f"{name} is not valid Unicode: {value[exc.start : exc.end]!r} at {exc.start} is a "
            "lone surrogate (text decoded with errors='surrogateescape', perhaps)",
            "unicode",
        ) from None


def _too_large(size: int) -> InvalidEventError:
    return InvalidEventError(
        f"the event is too large: about {size:,} bytes once encoded, at most {MAX_EVENT_SIZE:,}",
        "size",
    )


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
