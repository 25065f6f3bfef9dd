"""HTTP for the whole SDK: one ``requests.Session``, one retry layer, one error boundary.

This module, with ``_deadlines.py`` for the session's connections, is where ``requests``
is used to send; every failure leaves it as an
``ApiError`` subclass (``raise ... from`` the original), so callers never see a
``requests`` exception.

Retries follow a ``Retry`` policy (``_retry.py``): connection failures, timeouts, 408, 429
and 5xx are tried again after a growing wait, never shorter than ``Retry-After``, and
never past the call's deadline. A request marked non-idempotent (a POST that creates
something) is retried only when the server cannot have acted on it: the connection was
never made, or the answer was 408, 429 or 503. Redirects are followed only within the
same origin, so the API key never leaves it (and not at all with ``follow_redirects``
False).

Each attempt is bounded as a whole, not only each read: ``requests`` restarts its read
timeout on every byte, so a server sending one byte every 0.1 s could hold a request for
ever. The SDK's own session uses connections that tell a watchdog thread which socket an
attempt is using; at the attempt's deadline the watchdog shuts that socket down, and the
attempt fails with ``ApiTimeoutError`` (see ``_deadlines.py``). A session passed in by the
caller keeps its own connection classes, and with them the per-read timeout.

The SDK's own session reads the environment's proxy and CA-bundle settings
(``HTTPS_PROXY``, ``NO_PROXY``, ``REQUESTS_CA_BUNDLE`` ...) once per address, when it
first sends there, instead of on every request as ``requests`` does by default; a session
passed in by the caller keeps its own settings.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import ssl
import sys
import time
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from ._config import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_DELAY,
    DEFAULT_RETRY_DELAY,
    DEFAULT_TIMEOUT,
)
from ._deadlines import Adapter, Exchange, bounded
from ._retry import Retry
from .errors import (
    TRANSIENT_STATUSES,
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    OfflineError,
    error_for_status,
)
from .models._base import to_jsonable
from .version import __version__

DEFAULT_RETRY = Retry(DEFAULT_MAX_RETRIES, DEFAULT_RETRY_DELAY, DEFAULT_MAX_RETRY_DELAY)
MAX_REDIRECTS = 5
API_KEY_HEADER = "X-Schematic-Api-Key"

_PYTHON = ".".join(map(str, sys.version_info[:3]))
_NOT_PROCESSED_STATUSES = frozenset({408, 429, 503})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class HttpResponse:
    """A finished response: status, headers and the raw body."""

    __slots__ = ("content", "headers", "status")

    def __init__(self, status: int, headers: Mapping[str, str], content: bytes) -> None:
        self.status = status
        self.headers = headers
        self.content = content

    def json(self) -> Any:
        return json.loads(self.content) if self.content else None


class _RetryError(Exception):
    """Carries an ApiError out of an attempt; ``final`` means it is not to be retried."""

    def __init__(self, error: ApiError, *, final: bool = False) -> None:
        super().__init__(str(error))
        self.error = error
        self.final = final


class Transport:
    """Sends requests to one API base URL with the key, retries and timeouts configured."""

    def __init__(
        self,
        api_key: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        session: requests.Session | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: Retry = DEFAULT_RETRY,
        follow_redirects: bool = True,
        offline: bool = False,
        logger: logging.Logger | None = None,
    ) -> None:
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self._own_session = session is None
        self.session = session if session is not None else new_session()
        self._environments: dict[tuple[str, str, int | None], dict[str, Any]] = {}
        self._templates: dict[str, requests.PreparedRequest] = {}
        self.timeout = timeout
        self.retry = retry
        self.follow_redirects = follow_redirects
        self.offline = offline
        self.logger = logger or logging.getLogger("schematic")
        self.headers = {
            "User-Agent": f"schematichq/{__version__} python/{_PYTHON}",
            "Accept": "application/json",
        }

    def __repr__(self) -> str:
        return f"Transport(base_url={self.base_url!r}, offline={self.offline})"

    def url(self, path: str) -> str:
        return path if "://" in path else f"{self.base_url}/{path.lstrip('/')}"

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        body: bytes | None = None,
        timeout: float | None = None,
        headers: Mapping[str, str] | None = None,
        deadline: float | None = None,
        idempotent: bool = True,
        retry: Retry | None = None,
        max_retries: int | None = None,
    ) -> HttpResponse:
        """Send one request with retries; return a 2xx response or raise an ``ApiError``.

        ``path`` is relative to the base URL, or an absolute URL. ``body`` is JSON already
        encoded. ``deadline`` (a ``time.monotonic()`` value) bounds the whole call,
        retries and waits included; each attempt's timeout is cut to fit inside it.
        ``retry`` replaces the transport's policy for this call, ``max_retries`` its
        number of retries.
        """
        if self.offline:
            raise OfflineError(f"offline mode: {method} {path} was not sent")
        policy = retry or self.retry
        if max_retries is not None:
            policy = replace(policy, retries=max(0, max_retries))
        url = self.url(path)
        params = encode_query(query) if query else None
        send_headers = {**self.headers, **(headers or {}), API_KEY_HEADER: self._api_key}
        if body is not None:
            send_headers["Content-Type"] = "application/json"
        per_try = self.timeout if timeout is None else timeout
        failures = 0
        while True:
            limit = per_try if deadline is None else min(per_try, deadline - time.monotonic())
            try:
                if limit <= 0:
                    raise _RetryError(ApiTimeoutError("deadline passed before a response"))
                return self._attempt(
                    method, url, params=params, body=body, headers=send_headers,
                    timeout=limit, idempotent=idempotent,
                )  # fmt: skip
            except _RetryError as exc:
                failures += 1
                error = exc.error
                wait = policy.next(failures, error, now=time.monotonic(), deadline=deadline)
                if exc.final or wait is None:
                    raise error from error.__cause__
            self.logger.info("retrying in %.2fs (attempt %d failed: %s)", wait, failures, error)
            time.sleep(wait)

    def _attempt(
        self,
        method: str,
        url: str,
        *,
        params: list[tuple[str, str]] | None,
        body: bytes | None,
        headers: dict[str, str],
        timeout: float,
        idempotent: bool,
    ) -> HttpResponse:
        with bounded(timeout) as exchange:
            return self._exchange(
                exchange, method, url, params=params, body=body, headers=headers,
                timeout=timeout, idempotent=idempotent,
            )  # fmt: skip

    def _exchange(
        self,
        exchange: Exchange,
        method: str,
        url: str,
        *,
        params: list[tuple[str, str]] | None,
        body: bytes | None,
        headers: dict[str, str],
        timeout: float,
        idempotent: bool,
    ) -> HttpResponse:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                raw = self.session.request(
                    method,
                    url,
                    params=params,
                    data=body,
                    headers=headers,
                    timeout=exchange.remaining(),
                    allow_redirects=False,
                    **self._environment(url),
                )
                content = raw.content
            except requests.exceptions.RequestException as exc:
                if exchange.expired:
                    raise _RetryError(exchange.timeout_error(), final=not idempotent) from exc
                raise self._failure(exc, idempotent) from exc
            status = raw.status_code
            if status in _REDIRECT_STATUSES and "location" in raw.headers and self.follow_redirects:
                url, method, body = self._redirect(
                    url, raw.headers["location"], status, method, body
                )
                params = None
                continue
            if 200 <= status < 300:
                return HttpResponse(status, raw.headers, content)
            error = status_error(status, raw.headers, content)
            retry = status in (TRANSIENT_STATUSES if idempotent else _NOT_PROCESSED_STATUSES)
            raise _RetryError(error, final=not retry)
        raise _RetryError(ApiError(f"more than {MAX_REDIRECTS} redirects"), final=True)

    def _redirect(
        self, url: str, location: str, status: int, method: str, body: bytes | None
    ) -> tuple[str, str, bytes | None]:
        target = requests.compat.urljoin(url, location)
        if _origin(target) != _origin(url):
            raise _RetryError(
                ApiError(f"refused a redirect from {_origin(url)} to {_origin(target)}"),
                final=True,
            )
        if status == 303 or (status in (301, 302) and method == "POST"):
            return target, "GET", None
        return target, method, body

    def post_once(self, url: str, body: bytes, timeout: float) -> HttpResponse:
        """One POST of JSON to an absolute URL, without retries; raises an ``ApiError``.

        For the event worker, which retries batches itself. With the SDK's own session the
        request is prepared once per URL and copied, which halves what ``requests`` costs
        for each batch.
        """
        if self.offline:
            raise OfflineError(f"offline mode: POST {url} was not sent")
        if self._own_session:
            prepared = self._template(url).copy()
            prepared.prepare_body(body, None)
            try:
                with bounded(timeout) as exchange:
                    raw = self.session.send(
                        prepared, timeout=timeout, allow_redirects=False, **self._environment(url)
                    )
                    content = raw.content
            except requests.exceptions.RequestException as exc:
                if exchange.expired:
                    raise exchange.timeout_error() from exc
                raise self._failure(exc, idempotent=True).error from exc
            if 200 <= raw.status_code < 300:
                return HttpResponse(raw.status_code, raw.headers, content)
            if raw.status_code not in _REDIRECT_STATUSES:
                raise status_error(raw.status_code, raw.headers, content)
        # A session of the caller's, or a redirect (rare): the general path.
        headers = {**self.headers, API_KEY_HEADER: self._api_key}
        headers["Content-Type"] = "application/json"
        try:
            return self._attempt(
                "POST", url, params=None, body=body, headers=headers, timeout=timeout,
                idempotent=True,
            )  # fmt: skip
        except _RetryError as exc:
            raise exc.error from exc.error.__cause__

    def _template(self, url: str) -> requests.PreparedRequest:
        template = self._templates.get(url)
        if template is None:
            headers = {**self.headers, API_KEY_HEADER: self._api_key}
            headers["Content-Type"] = "application/json"
            request = requests.Request("POST", url, headers=headers)
            template = self._templates[url] = self.session.prepare_request(request)
        return template

    def _environment(self, url: str) -> dict[str, Any]:
        """Proxies and CA bundle from the environment, read once per origin (own session)."""
        if not self._own_session:
            return {}
        origin = _origin(url)
        found = self._environments.get(origin)
        if found is None:
            verify: bool | str = (
                os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
            )
            proxies = requests.utils.get_environ_proxies(url)
            found = self._environments[origin] = {"proxies": proxies, "verify": verify}
        return found

    def _failure(self, exc: requests.exceptions.RequestException, idempotent: bool) -> _RetryError:
        never_sent = _never_sent(exc)
        text = _short(exc)
        if self._api_key:  # requests quotes a header value it refuses: never show the key
            text = text.replace(self._api_key, "<api key>")
        if isinstance(exc, requests.exceptions.Timeout):
            error: ApiError = ApiTimeoutError(f"timed out: {text}")
        else:
            error = ApiConnectionError(f"connection failed: {text}")
        error.__cause__ = exc
        return _RetryError(error, final=not (idempotent or never_sent))

    def close(self) -> None:
        if self._own_session:
            self.session.close()


def new_session() -> requests.Session:
    """A session with a connection pool sized for many threads sharing one client.

    It does not read the environment on each request (``trust_env``); the transport
    passes what the environment says, read once per address. Its connections let the
    watchdog end an attempt at its deadline (see ``bounded``).
    """
    session = requests.Session()
    session.trust_env = False
    adapter = Adapter(pool_connections=4, pool_maxsize=32)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def status_error(status: int, headers: Mapping[str, str], content: bytes) -> ApiError:
    """The typed error for a non-2xx response."""
    try:
        body: Any = json.loads(content) if content else None
    except ValueError:
        body = content.decode("utf-8", "replace")
    return error_for_status(status)(status_code=status, body=body, headers=headers)


def encode_query(query: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Query pairs as the API reads them: repeated keys for lists, ``k[name]`` for maps."""
    pairs: list[tuple[str, str]] = []
    for key, value in query.items():
        if value is None:
            continue
        if isinstance(value, Mapping):
            pairs.extend((f"{key}[{k}]", _scalar(v)) for k, v in value.items() if v is not None)
        elif isinstance(value, (list, tuple, set, frozenset)):
            pairs.extend((key, _scalar(v)) for v in value if v is not None)
        else:
            pairs.append((key, _scalar(value)))
    return pairs


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime, date)):
        return str(to_jsonable(value))
    return str(value)


def quote_segment(value: str) -> str:
    """Percent-encode one path segment, ``/`` included; ``.`` and ``..`` are refused.

    Dot segments are not encoded by percent-encoding, and a URL's path resolves them
    (``/plans/../x`` is ``/x``): sent, they would reach another endpoint.
    """
    if value in (".", ".."):
        raise ValueError(f"a path segment cannot be {value!r}")
    return quote(value, safe="")


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or ""), port


def _never_sent(exc: BaseException) -> bool:
    """True when the failure happened before the request could reach the server."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        name = type(seen).__name__
        if name in ("NewConnectionError", "NameResolutionError", "ConnectTimeoutError"):
            return True
        reason = getattr(seen, "reason", None)
        nested = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = reason if isinstance(reason, BaseException) else nested or seen.__context__
    return False


# The causes a failed attempt is told by, deepest first: what the message says for each.
_CAUSES: tuple[tuple[type[BaseException], str], ...] = (
    (ConnectionRefusedError, "connection refused"),
    (ConnectionResetError, "connection reset by the server"),
    (ConnectionAbortedError, "connection aborted"),
    (socket.gaierror, "the host name could not be resolved"),
    (ssl.SSLCertVerificationError, "the server's TLS certificate was refused"),
    (ssl.SSLError, "TLS failed"),
    (TimeoutError, "no answer in time"),
)


def _short(exc: BaseException) -> str:
    """What failed, in a few whole words: the address and the deepest cause that has a
    name here, rather than urllib3's nested text."""
    request = getattr(exc, "request", None)
    url = getattr(request, "url", None)
    where = urlsplit(url).netloc if isinstance(url, str) else ""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        for kind, words in _CAUSES:
            if isinstance(seen, kind):
                return f"{words} ({where})" if where else words
        reason = getattr(seen, "reason", None)
        nested = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = reason if isinstance(reason, BaseException) else nested or seen.__cause__
    text = " ".join(str(exc).split())
    if len(text) > 200:  # cut at a word, never in the middle of one
        text = text[:200].rsplit(" ", 1)[0] + " ..."
    return f"{text} ({where})" if where and where not in text else text
