"""The exceptions of the SDK, in one tree.

::

    SchematicError                      root of the exceptions this package defines
    ├── ApiError                        a call to the API failed (status_code, body, headers)
    │   ├── BadRequestError             400
    │   ├── UnauthorizedError           401
    │   ├── PaymentRequiredError        402
    │   ├── ForbiddenError              403
    │   ├── NotFoundError               404
    │   ├── ConflictError               409
    │   ├── UnprocessableEntityError    422
    │   ├── RateLimitError              429
    │   ├── InternalServerError         500 and any other 5xx
    │   ├── ApiConnectionError          no response: refused, reset, DNS, TLS ...
    │   │   └── ApiTimeoutError         no response within the timeout
    │   ├── ParsingError                a 2xx response whose body is not what the API promises
    │   └── OfflineError                the client was configured with ``offline=True``
    ├── InvalidEventError               (also a ValueError) track/identify arguments that
    │                                   cannot become an event, raised with ``strict=True``
    └── WebhookSignatureError           (in ``schematic.webhooks``) a webhook delivery
                                        failed verification

``ApiError`` (also importable as ``schematic.core.ApiError``) is the one class to catch for
every failure of an API call. Statuses without a class of their own (418, 451, ...) raise a
plain ``ApiError``. Other bad arguments and settings raise Python's own ``TypeError`` and
``ValueError``, naming the argument, as any Python function does.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any


class SchematicError(Exception):
    """Root of the exceptions this package defines (bad arguments raise TypeError, ValueError)."""


class InvalidEventError(SchematicError, ValueError):
    """An argument of ``track`` or ``identify`` cannot become an event.

    ``kind`` says what was wrong (``"type"``, ``"unicode"``, ``"key"``, ``"number"``,
    ``"depth"``, ``"size"``, ``"changed"``): the SDK logs the first refusal of each kind.
    """

    def __init__(self, message: str, kind: str = "type") -> None:
        super().__init__(message)
        self.kind = kind


class ApiError(SchematicError):
    """A call to the Schematic API failed.

    ``status_code``, ``headers`` and ``body`` describe the response; all three are ``None``
    when there was no response at all (connection failures, timeouts, offline mode).
    ``body`` is the parsed JSON body when the response had one, else its text.
    """

    def __init__(
        self,
        message: str | None = None,
        *,
        status_code: int | None = None,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status_code = status_code
        self.body = body
        self.headers: dict[str, str] | None = dict(headers) if headers is not None else None
        self.message = message or _describe(status_code, body)
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code!r}, body={self.body!r})"


class BadRequestError(ApiError):
    """400: the request was malformed or failed validation."""


class UnauthorizedError(ApiError):
    """401: the API key is missing or not valid."""


class PaymentRequiredError(ApiError):
    """402: the company lacks the credits or the plan the operation needs."""


class ForbiddenError(ApiError):
    """403: the API key may not perform this operation."""


class NotFoundError(ApiError):
    """404: no such resource."""


class ConflictError(ApiError):
    """409: the request conflicts with the current state of the resource."""


class UnprocessableEntityError(ApiError):
    """422: the request was well formed but cannot be processed."""


class RateLimitError(ApiError):
    """429: too many requests; ``retry_after`` holds the server's hint in seconds, if any."""

    @property
    def retry_after(self) -> float | None:
        return parse_retry_after(self.headers or {})


class InternalServerError(ApiError):
    """500 or any other 5xx: the API failed to handle a valid request."""


class ApiConnectionError(ApiError):
    """The API could not be reached, or the connection broke before a response arrived."""


class ApiTimeoutError(ApiConnectionError):
    """No response arrived within the timeout."""


class ParsingError(ApiError):
    """A successful response carried a body that does not match the API's schema."""


class OfflineError(ApiError):
    """The client runs with ``offline=True``, so API calls are not made."""


STATUS_ERRORS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    402: PaymentRequiredError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: InternalServerError,
}


def error_for_status(status_code: int) -> type[ApiError]:
    """The exception class for an HTTP status (any unlisted 5xx maps to InternalServerError)."""
    if status_code in STATUS_ERRORS:
        return STATUS_ERRORS[status_code]
    return InternalServerError if status_code >= 500 else ApiError


# Statuses that say "try again later": the request timed out or was throttled, or the
# server (or a gateway in front of it) failed. 501, 505 and the like will not change.
TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # seconds: the most a Retry-After header can make a retry wait


def is_transient(exc: BaseException) -> bool:
    """Whether a failure may succeed if tried again: no response at all, or a transient status.

    The one rule behind API retries, event-delivery retries and the circuit breaker.
    """
    if isinstance(exc, ApiConnectionError):
        return True
    return isinstance(exc, ApiError) and exc.status_code in TRANSIENT_STATUSES


def retry_wait(computed: float, exc: BaseException) -> float:
    """The wait before retrying after ``exc``: ``computed``, or longer if Retry-After says so."""
    headers = exc.headers if isinstance(exc, ApiError) else None
    hint = parse_retry_after(headers or {})
    return computed if hint is None else max(computed, min(hint, MAX_RETRY_AFTER))


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait according to ``Retry-After`` (seconds or an HTTP date), if present."""
    value = next((v for k, v in headers.items() if k.lower() == "retry-after"), None)
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _describe(status_code: int | None, body: Any) -> str:
    detail = body.get("error") if isinstance(body, dict) else body
    if status_code is None:
        return str(detail) if detail else "request failed"
    return (
        f"status {status_code}: {detail}" if detail not in (None, "") else f"status {status_code}"
    )
