"""Verify that a webhook delivery really comes from Schematic.

Schematic signs every delivery with the webhook's own secret. It sends two headers::

    X-Schematic-Webhook-Timestamp: 1700000000
    X-Schematic-Webhook-Signature: lowercase hex of HMAC-SHA256(secret, body + b"+" + timestamp)

The body in that message is the raw request body, byte for byte: a body that was parsed and
serialised again will not match. By default the timestamp only feeds the signed message;
``tolerance`` adds an opt-in check that it is recent, against replays.

``verify_webhook_signature`` reads the headers and the raw body from a Flask/Werkzeug, Django
or Starlette/FastAPI request without importing any of them. Starlette reads bodies
asynchronously, so there the caller passes ``body=await request.body()``.

This module is also the official SDK's ``schematic.webhooks`` namespace: the named responses
and params of ``client.webhooks`` (``ListWebhooksResponse``...) import from here, loaded from
``schematic.models.webhooks`` on first use.
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
import math
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .errors import SchematicError
from .models._index import NAMESPACE_MODELS

if TYPE_CHECKING:  # NAMESPACE_MODELS["webhooks"], which tests/test_parity_names.py checks
    from .models.webhooks import (  # noqa: F401  (attributes, not in __all__)
        CountWebhookEventsParams,
        CountWebhookEventsResponse,
        CountWebhooksParams,
        CountWebhooksResponse,
        CreateWebhookResponse,
        DeleteWebhookResponse,
        GetWebhookEventResponse,
        GetWebhookResponse,
        ListWebhookEventsParams,
        ListWebhookEventsResponse,
        ListWebhooksParams,
        ListWebhooksResponse,
        SendTestWebhookActionResponse,
        UpdateWebhookResponse,
    )

# The webhook helpers (the same as ``schematic.webhook_utils``); the namespace's models are
# attributes too, but ``import *`` brings only these.
__all__ = [
    "DEFAULT_WEBHOOK_TOLERANCE",
    "WEBHOOK_SIGNATURE_HEADER",
    "WEBHOOK_TIMESTAMP_HEADER",
    "WebhookSignatureError",
    "compute_hex_signature",
    "compute_signature",
    "verify_signature",
    "verify_webhook_signature",
]

WEBHOOK_SIGNATURE_HEADER = "X-Schematic-Webhook-Signature"
WEBHOOK_TIMESTAMP_HEADER = "X-Schematic-Webhook-Timestamp"

#: A sensible ``tolerance`` in seconds for callers who opt in to replay protection.
DEFAULT_WEBHOOK_TOLERANCE = 300.0

# Request attributes that may hold the raw body, in the order they are tried. ``body`` is
# bytes on Django (and a coroutine method on Starlette); the rest cover other frameworks.
_BODY_ATTRIBUTES = ("body", "_body", "data", "content", "raw_body")


class WebhookSignatureError(SchematicError):
    """A webhook delivery failed verification: answer it with 400 and do not process it."""


def compute_signature(body: str | bytes, timestamp: str, secret: str | bytes) -> bytes:
    """The raw HMAC-SHA256 digest Schematic signs a delivery with.

    Args:
        body: the raw request body; a ``str`` is encoded as UTF-8.
        timestamp: the ``X-Schematic-Webhook-Timestamp`` header, exactly as received.
        secret: the webhook's secret; a ``str`` is encoded as UTF-8.

    Example::

        digest = compute_signature(b'{"type":"test.send"}', "1700000000", "whsec_test")
        assert len(digest) == 32
    """
    message = _to_bytes(body) + b"+" + timestamp.encode("utf-8")
    return hmac.new(_to_bytes(secret), message, hashlib.sha256).digest()


def compute_hex_signature(body: str | bytes, timestamp: str, secret: str | bytes) -> str:
    """The signature as it appears in ``X-Schematic-Webhook-Signature``: lowercase hex.

    Takes the same arguments as :func:`compute_signature`; handy for signing test requests.

    Example::

        signature = compute_hex_signature('{"type":"test.send"}', "1700000000", "whsec_test")
        assert len(signature) == 64
    """
    return compute_signature(body, timestamp, secret).hex()


def verify_signature(
    body: str | bytes,
    signature: str,
    timestamp: str,
    secret: str | bytes,
    *,
    tolerance: float | None = None,
    now: float | None = None,
) -> None:
    """Check a delivery's signature; return ``None`` if it is genuine, raise otherwise.

    Args:
        body: the raw request body, ``str`` (UTF-8) or ``bytes``.
        signature: the ``X-Schematic-Webhook-Signature`` header.
        timestamp: the ``X-Schematic-Webhook-Timestamp`` header (Unix seconds).
        secret: the webhook's secret.
        tolerance: if set, also reject timestamps more than this many seconds away from
            ``now``, in either direction. ``None`` (the default) checks no age.
        now: the current Unix time; defaults to ``time.time()``. Tests pass a fixed value.

    Raises:
        WebhookSignatureError: the signature or timestamp is missing or malformed, the
            signature does not match, or the timestamp is outside ``tolerance``.
        ValueError: ``tolerance`` is negative or not a number.

    Example::

        body = '{"type":"test.send"}'
        signature = compute_hex_signature(body, "1700000000", "whsec_test")
        verify_signature(body, signature, "1700000000", "whsec_test")
    """
    if tolerance is not None and not tolerance >= 0:
        raise ValueError(f"tolerance must be a number of seconds >= 0, not {tolerance!r}")
    if not signature:
        raise WebhookSignatureError("Missing webhook signature")
    if not timestamp:
        raise WebhookSignatureError("Missing webhook timestamp")
    try:
        received = binascii.unhexlify(signature)
    except ValueError:  # binascii.Error, odd length and non-ASCII text are all ValueErrors
        raise WebhookSignatureError("Invalid signature format") from None
    expected = compute_signature(body, timestamp, secret)
    # compare_digest takes as long for a near miss as for a wild guess, and a length
    # mismatch simply compares unequal.
    if not hmac.compare_digest(received, expected):
        raise WebhookSignatureError("Invalid signature")
    # Checked after the signature so that "too old" always describes a genuine delivery,
    # which points at a replay or a skewed clock rather than at a forgery.
    if tolerance is not None:
        _check_timestamp(timestamp, tolerance, time.time() if now is None else now)


def verify_webhook_signature(
    request: Any,
    secret: str | bytes,
    body: str | bytes | None = None,
    *,
    tolerance: float | None = None,
) -> None:
    """Verify the delivery carried by a web framework's request object.

    The headers are looked up case-insensitively in ``request.headers``, then in Django's
    ``request.META``, then through ``request.get``. Unless ``body`` is given, the raw body
    comes from ``request.get_data()`` (Flask/Werkzeug) or ``request.body`` (Django).

    Args:
        request: the incoming request (Flask/Werkzeug, Django, Starlette/FastAPI, or any
            object shaped like one).
        secret: the webhook's secret.
        body: the raw body, when the request cannot give it synchronously. Required on
            Starlette/FastAPI: ``body=await request.body()``.
        tolerance: see :func:`verify_signature`.

    Raises:
        WebhookSignatureError: verification failed, or the request holds no readable body.
        TypeError: the request's body is only reachable through a method, as on Starlette;
            this is a mistake in the calling code, not a bad delivery.

    Example::

        @app.post("/webhooks/schematic")
        def schematic_webhook():
            try:
                verify_webhook_signature(request, "whsec_test")
            except WebhookSignatureError:
                return "invalid signature", 400
            return "", 200
    """
    verify_signature(
        _read_body(request) if body is None else body,
        _read_header(request, WEBHOOK_SIGNATURE_HEADER),
        _read_header(request, WEBHOOK_TIMESTAMP_HEADER),
        secret,
        tolerance=tolerance,
    )


def _check_timestamp(timestamp: str, tolerance: float, now: float) -> None:
    try:
        sent_at = float(timestamp)
    except ValueError:
        sent_at = math.nan
    if not math.isfinite(sent_at):  # "nan" would otherwise pass both comparisons below
        raise WebhookSignatureError("Invalid webhook timestamp")
    if now - sent_at > tolerance:
        raise WebhookSignatureError("Webhook timestamp is too old")
    if sent_at - now > tolerance:
        raise WebhookSignatureError("Webhook timestamp is too far in the future")


def _read_header(request: Any, name: str) -> str:
    """A header's value, or "" so that verification reports it as missing."""
    value = _lookup(getattr(request, "headers", None), name)
    if value is None:
        # Django keeps every header in META as HTTP_<NAME>, upper-cased with underscores.
        value = _lookup(getattr(request, "META", None), "HTTP_" + name.upper().replace("-", "_"))
    if value is None:
        value = _lookup(request, name)
    return value or ""


def _lookup(headers: Any, name: str) -> str | None:
    """``headers[name]`` ignoring case, for any mapping-like object; ``None`` if absent."""
    get = getattr(headers, "get", None)
    if not callable(get):
        return None
    value = get(name)
    if value is None and isinstance(headers, Mapping):
        # Plain dicts are case-sensitive, and senders and proxies do not agree on case.
        wanted = name.lower()
        value = next(
            (v for k, v in headers.items() if isinstance(k, str) and k.lower() == wanted), None
        )
    return value if isinstance(value, str) else None


def _read_body(request: Any) -> bytes:
    get_data = getattr(request, "get_data", None)
    if callable(get_data):
        # Werkzeug caches what it reads, so the handler can still call get_json() afterwards.
        return _to_bytes(get_data())
    for attribute in _BODY_ATTRIBUTES:
        value = getattr(request, attribute, None)
        if isinstance(value, (bytes, bytearray, memoryview, str)):
            return _to_bytes(value)
        if callable(value):
            # Hashing the bound method's repr would only ever say "Invalid signature", which
            # hides the real mistake; fail loudly instead.
            raise TypeError(
                f"request.{attribute} is a method, so the raw body cannot be read here "
                "(Starlette and FastAPI read it asynchronously); pass it explicitly: "
                "verify_webhook_signature(request, secret, body=await request.body())"
            )
    raise WebhookSignatureError("Could not extract request body")


def _to_bytes(value: str | bytes | bytearray | memoryview) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else bytes(value)


def __getattr__(name: str) -> Any:
    """The webhooks namespace's response and params models, imported on first use."""
    if name not in NAMESPACE_MODELS["webhooks"]:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from .models import webhooks as models

    value = getattr(models, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *NAMESPACE_MODELS["webhooks"]})
