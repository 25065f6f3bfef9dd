"""The Schematic client: flag checks, events, and the API's resource namespaces.

::

    check_flag ─▶ cache providers ─hit─▶ value
                      └─miss─▶ POST /flags/{key}/check (short deadline) ─▶ cache ─▶ value
    track / identify ─▶ encode ─▶ bounded queue ─▶ worker thread ─▶ POST {capture}/batch
    client.companies.upsert_company(...) ─▶ transport ─▶ Response[model] | ApiError
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import os
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

import requests

from . import _flags, _worker
from ._events import IdentifyOptions, InvalidEventError, TrackOptions, identify_event, track_event
from ._flags import CheckFlagOptions
from ._transport import DEFAULT_BASE_URL, DEFAULT_TIMEOUT, Transport, new_session, quote_segment
from .cache import DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL, CacheProvider, LocalCache
from .datastream.config import DataStreamConfig
from .errors import ApiConnectionError, ApiError
from .models._base import Model

if TYPE_CHECKING:
    from types import TracebackType

    from ._async import AsyncSchematic, AsyncSchematicConfig
    from .datastream._client import DataStreamClient
    from .models._base import Response
    from .models.events import EventBodyIdentifyCompany
    from .models.features import CheckFlagResponseData
    from .resources._base import RequestOptions
    from .resources.accesstokens import AccesstokensResource
    from .resources.accounts import AccountsResource
    from .resources.billing import BillingResource
    from .resources.catalogs import CatalogsResource
    from .resources.checkout import CheckoutResource
    from .resources.companies import CompaniesResource
    from .resources.components import ComponentsResource
    from .resources.componentspublic import ComponentspublicResource
    from .resources.credits import CreditsResource
    from .resources.dataexports import DataexportsResource
    from .resources.entitlements import EntitlementsResource
    from .resources.events import EventsResource
    from .resources.features import FeaturesResource
    from .resources.insights import InsightsResource
    from .resources.integrationsapi import IntegrationsapiResource
    from .resources.licenses import LicensesResource
    from .resources.planbundle import PlanbundleResource
    from .resources.plangroups import PlangroupsResource
    from .resources.planmigrations import PlanmigrationsResource
    from .resources.plans import PlansResource
    from .resources.scheduledcheckout import ScheduledcheckoutResource
    from .resources.webhooks import WebhooksResource

__all__ = [
    "AsyncSchematic",
    "AsyncSchematicConfig",
    "CacheProvider",
    "CheckFlagOptions",
    "DataStreamConfig",
    "IdentifyOptions",
    "LocalCache",
    "Schematic",
    "SchematicConfig",
    "TrackOptions",
]

DEFAULT_EVENT_CAPTURE_URL = "https://c.schematichq.com"
DEFAULT_FLAG_CHECK_TIMEOUT = 3.0
DEFAULT_CAPTURE_TIMEOUT = 10.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_RETRY_DELAY = 0.5
DEFAULT_CIRCUIT_BREAKER_THRESHOLD = 5
DEFAULT_CIRCUIT_BREAKER_COOLDOWN = 30.0
STALE_VALUES_KEPT = 10_000

_log = logging.getLogger("schematic")
R = TypeVar("R")


@dataclass
class SchematicConfig:
    """Client settings; every field is optional.

    Attributes:
        base_url: the API's address; ``SCHEMATIC_BASE_URL`` from the environment, else
            ``https://api.schematichq.com``.
        event_capture_url: where events go; ``SCHEMATIC_EVENT_CAPTURE_URL``, else
            ``https://c.schematichq.com``.
        event_buffer_period: seconds between event deliveries (default 5).
        flag_defaults: values returned when a flag cannot be checked.
        offline: make no network calls: flags return defaults, events are dropped and
            resource methods raise ``OfflineError``.
        timeout: seconds per attempt for resource calls (default 60).
        flag_check_timeout: seconds a whole flag check may take, retries included (3).
        cache_providers: flag-check caches; ``[]`` turns caching off. Default: one
            ``LocalCache`` of 1000 entries living 5000 ms.
        logger: where the SDK logs (default the ``schematic`` logger).
        log_level: level set on the default logger (an int or a name such as "INFO");
            never applied to a logger you pass in.
        http_client: a ``requests.Session`` to send requests with (proxies, TLS, adapters).
        httpx_client: the official SDK's name for ``http_client``, accepted so that its
            configs keep working; it too must be a ``requests.Session``.
        follow_redirects: accepted for compatibility and ignored: redirects are followed
            within the origin of the request only, so the API key never leaves it.
        max_retries: retries of a failed API call (default 2).
        retry_delay: seconds before the first retry, doubling after each (default 0.5).
        event_queue_size: events held while waiting to be sent (default 10,000).
        event_retry_delay: seconds before an event batch is first retried (default 1).
        event_retry_window: seconds a failing batch keeps being retried before it is spooled
            (with ``event_spool_dir``) or dropped (default 600).
        capture_timeout: seconds per event delivery attempt (default 10).
        shutdown_timeout: seconds ``shutdown()`` and the exit hook spend sending what is
            queued (default 2).
        on_error: called as ``on_error(exception, events)`` when events are given up on.
        strict: raise ``InvalidEventError``/``TypeError`` from ``track``, ``identify`` and
            flag checks on bad arguments, instead of logging them.
        event_spool_dir: a directory where events still unsent at shutdown or exit (or
            failing for the whole ``event_retry_window``) are saved; the next process
            started with the same directory and key sends them.
        circuit_breaker_threshold: failed flag checks in a row after which checks stop
            calling the API for a cool-down (default 5).
        circuit_breaker_cooldown: seconds between probes of a failing API (default 30).
        stale_if_error: when the API cannot answer a check, answer with the last value it
            gave for the same flag, company and user, if any (default True).
        use_datastream: evaluate flags in this process from data streamed by Schematic
            DataStream (needs ``pip install 'schematichq[datastream]'``), or read from a
            replicator's shared cache; checks it cannot answer go to the API as usual.
        datastream: a ``DataStreamConfig`` for ``use_datastream`` (default settings if left
            out); ignored unless ``use_datastream`` is True.
    """

    base_url: str | None = None
    event_capture_url: str | None = None
    event_buffer_period: float | None = None
    flag_defaults: dict[str, bool] | None = None
    offline: bool = False
    timeout: float | None = None
    flag_check_timeout: float = DEFAULT_FLAG_CHECK_TIMEOUT
    cache_providers: list[CacheProvider[CheckFlagResponseData]] | None = None
    logger: logging.Logger | None = None
    log_level: int | str | None = None
    http_client: requests.Session | None = None
    httpx_client: Any = None
    follow_redirects: bool | None = True
    max_retries: int = DEFAULT_MAX_RETRIES
    retry_delay: float = DEFAULT_RETRY_DELAY
    event_queue_size: int = _worker.DEFAULT_MAX_QUEUE
    event_retry_delay: float = _worker.DEFAULT_RETRY_DELAY
    event_retry_window: float = _worker.DEFAULT_RETRY_WINDOW
    capture_timeout: float = DEFAULT_CAPTURE_TIMEOUT
    shutdown_timeout: float = _worker.DEFAULT_SHUTDOWN_TIMEOUT
    on_error: Callable[[BaseException, list[str]], None] | None = None
    strict: bool = False
    event_spool_dir: str | os.PathLike[str] | None = None
    circuit_breaker_threshold: int = DEFAULT_CIRCUIT_BREAKER_THRESHOLD
    circuit_breaker_cooldown: float = DEFAULT_CIRCUIT_BREAKER_COOLDOWN
    stale_if_error: bool = True
    use_datastream: bool = False
    datastream: DataStreamConfig | None = None

    def __post_init__(self) -> None:
        for name in ("timeout", "event_buffer_period"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, (int, float)) or value <= 0):
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        seconds = ("flag_check_timeout", "capture_timeout", "retry_delay", "event_retry_delay")
        for name in (*seconds, "circuit_breaker_cooldown", "event_retry_window"):
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"{name} must be a positive number of seconds, got {value!r}")
        if not isinstance(self.shutdown_timeout, (int, float)) or self.shutdown_timeout < 0:
            raise ValueError(f"shutdown_timeout must be >= 0, got {self.shutdown_timeout!r}")
        if (
            not isinstance(self.circuit_breaker_threshold, int)
            or self.circuit_breaker_threshold < 1
        ):
            value = self.circuit_breaker_threshold
            raise ValueError(f"circuit_breaker_threshold must be an int >= 1, got {value!r}")
        if not isinstance(self.max_retries, int) or self.max_retries < 0:
            raise ValueError(f"max_retries must be an int >= 0, got {self.max_retries!r}")
        if not isinstance(self.event_queue_size, int) or self.event_queue_size < 1:
            raise ValueError(f"event_queue_size must be an int >= 1, got {self.event_queue_size!r}")
        if self.flag_defaults is not None and not isinstance(self.flag_defaults, Mapping):
            raise TypeError("flag_defaults must be a dict of flag key to bool")
        if self.cache_providers is not None and not isinstance(self.cache_providers, list):
            raise TypeError("cache_providers must be a list of cache providers")
        if type(self.use_datastream) is not bool:
            raise TypeError(f"use_datastream must be a bool, got {self.use_datastream!r}")
        if self.datastream is not None and not isinstance(self.datastream, DataStreamConfig):
            raise TypeError(f"datastream must be a DataStreamConfig, got {self.datastream!r}")


class _Namespace(Generic[R]):
    """A resource namespace (``client.companies``), imported on first use."""

    def __init__(self, module: str, cls: str) -> None:
        self.module, self.cls = module, cls

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type) -> _Namespace[R]: ...
    @overload
    def __get__(self, obj: Schematic, owner: type) -> R: ...
    def __get__(self, obj: Schematic | None, owner: type) -> _Namespace[R] | R:
        if obj is None:
            return self
        module = importlib.import_module(f"schematic.resources.{self.module}")
        resource: R = getattr(module, self.cls)(obj._transport)
        obj.__dict__[self.name] = resource
        return resource


class Schematic:
    """The Schematic client: check flags, send events, call the API.

    Args:
        api_key: your secret API key; ``SCHEMATIC_API_KEY`` from the environment when
            left out. Not needed with ``SchematicConfig(offline=True)``.
        config: a ``SchematicConfig``.
        timeout: seconds per attempt for resource calls; overrides ``config.timeout``.
        http_client: a ``requests.Session``; overrides ``config.http_client``.

    Example::

        client = Schematic("YOUR_API_KEY")
        if client.check_flag("some-flag-key", company={"id": "your-company-id"}):
            ...
        client.track(event="some-action", company={"id": "your-company-id"})
    """

    accesstokens: _Namespace[AccesstokensResource] = _Namespace(
        "accesstokens", "AccesstokensResource"
    )
    accounts: _Namespace[AccountsResource] = _Namespace("accounts", "AccountsResource")
    billing: _Namespace[BillingResource] = _Namespace("billing", "BillingResource")
    catalogs: _Namespace[CatalogsResource] = _Namespace("catalogs", "CatalogsResource")
    checkout: _Namespace[CheckoutResource] = _Namespace("checkout", "CheckoutResource")
    companies: _Namespace[CompaniesResource] = _Namespace("companies", "CompaniesResource")
    components: _Namespace[ComponentsResource] = _Namespace("components", "ComponentsResource")
    componentspublic: _Namespace[ComponentspublicResource] = _Namespace(
        "componentspublic", "ComponentspublicResource"
    )
    credits: _Namespace[CreditsResource] = _Namespace("credits", "CreditsResource")
    dataexports: _Namespace[DataexportsResource] = _Namespace("dataexports", "DataexportsResource")
    entitlements: _Namespace[EntitlementsResource] = _Namespace(
        "entitlements", "EntitlementsResource"
    )
    events: _Namespace[EventsResource] = _Namespace("events", "EventsResource")
    features: _Namespace[FeaturesResource] = _Namespace("features", "FeaturesResource")
    insights: _Namespace[InsightsResource] = _Namespace("insights", "InsightsResource")
    integrationsapi: _Namespace[IntegrationsapiResource] = _Namespace(
        "integrationsapi", "IntegrationsapiResource"
    )
    licenses: _Namespace[LicensesResource] = _Namespace("licenses", "LicensesResource")
    planbundle: _Namespace[PlanbundleResource] = _Namespace("planbundle", "PlanbundleResource")
    plangroups: _Namespace[PlangroupsResource] = _Namespace("plangroups", "PlangroupsResource")
    planmigrations: _Namespace[PlanmigrationsResource] = _Namespace(
        "planmigrations", "PlanmigrationsResource"
    )
    plans: _Namespace[PlansResource] = _Namespace("plans", "PlansResource")
    scheduledcheckout: _Namespace[ScheduledcheckoutResource] = _Namespace(
        "scheduledcheckout", "ScheduledcheckoutResource"
    )

    webhooks: _Namespace[WebhooksResource] = _Namespace("webhooks", "WebhooksResource")

    def __init__(
        self,
        api_key: str | None = None,
        config: SchematicConfig | None = None,
        *,
        timeout: float | None = None,
        http_client: requests.Session | None = None,
    ) -> None:
        config = config if config is not None else SchematicConfig()
        if not isinstance(config, SchematicConfig):
            raise TypeError(f"config must be a SchematicConfig, got {type(config).__name__}")
        if api_key is None:
            api_key = os.environ.get("SCHEMATIC_API_KEY")
        if not config.offline and not api_key:
            raise ValueError(
                "api_key is required: pass Schematic(api_key=...) or set SCHEMATIC_API_KEY "
                "(or use SchematicConfig(offline=True))"
            )
        if api_key is not None and not isinstance(api_key, str):
            raise TypeError(f"api_key must be a str, got {type(api_key).__name__}")
        session = _session_from(http_client, config)
        self._log = config.logger or _log
        if config.logger is None and config.log_level is not None:
            _log.setLevel(config.log_level)
        self._offline = config.offline
        self._strict = config.strict
        self._flag_timeout = config.flag_check_timeout
        self._flag_defaults: dict[str, bool] = dict(config.flag_defaults or {})
        self._caches: list[CacheProvider[CheckFlagResponseData]] = (
            [LocalCache(DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL)]
            if config.cache_providers is None
            else list(config.cache_providers)
        )
        self._tuple_keys = all(isinstance(cache, LocalCache) for cache in self._caches)
        self._stats = dict.fromkeys(
            ("cache_hits", "cache_misses", "flag_fallbacks", "flag_stale_answers", "invalid_calls"),
            0,
        )
        self._breaker = _flags.CircuitBreaker(
            config.circuit_breaker_threshold, config.circuit_breaker_cooldown
        )
        # The last answer for each check, kept a day, for when the API cannot answer.
        self._last_known: LocalCache[CheckFlagResponseData] | None = (
            LocalCache(STALE_VALUES_KEPT, 24 * 3600 * 1000) if config.stale_if_error else None
        )
        self._transport = Transport(
            api_key or "",
            base_url=config.base_url or os.environ.get("SCHEMATIC_BASE_URL") or DEFAULT_BASE_URL,
            session=session,
            timeout=timeout or config.timeout or DEFAULT_TIMEOUT,
            max_retries=config.max_retries,
            retry_delay=config.retry_delay,
            offline=config.offline,
            logger=self._log,
        )
        capture = (
            (config.event_capture_url or "").strip()
            or os.environ.get("SCHEMATIC_EVENT_CAPTURE_URL", "").strip()
            or DEFAULT_EVENT_CAPTURE_URL
        )
        self._capture_url = capture.rstrip("/") + "/batch"
        self._capture_timeout = config.capture_timeout
        self._event_prefix = '{"api_key":' + json.dumps(api_key or "") + ","
        spool = None
        if config.event_spool_dir is not None and not config.offline:
            from ._spool import Spool

            spool = Spool(config.event_spool_dir, api_key or "", self._log)
        self._worker = _worker.EventWorker(
            self._send_events,
            period=config.event_buffer_period or _worker.DEFAULT_PERIOD,
            max_queue=config.event_queue_size,
            retry_delay=config.event_retry_delay,
            retry_window=config.event_retry_window,
            shutdown_timeout=config.shutdown_timeout,
            on_error=config.on_error,
            spool=spool,
            logger=self._log,
        )
        if spool is not None:
            self._worker.start_if_spooled()
        self._datastream: DataStreamClient | None = None
        if config.use_datastream and not config.offline:
            from .datastream._client import DataStreamClient

            self._datastream = DataStreamClient(
                config.datastream or DataStreamConfig(),
                api_key=api_key or "",
                base_url=self._transport.base_url,
                submit=self._worker.submit,
                logger=self._log,
            )
        _clients.add(self)

    def __repr__(self) -> str:
        return f"Schematic(base_url={self._transport.base_url!r}, offline={self._offline})"

    # -- flags ------------------------------------------------------------------------------
    def check_flag(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> bool:
        """Whether the flag is on for this company and user; never raises.

        Answers from the cache when it can; otherwise asks the API, waiting at most
        ``flag_check_timeout`` seconds. When no answer comes, returns the default:
        ``options.default_value``, else the configured flag default, else False.

        Example::

            client.check_flag("some-flag-key", company={"id": "your-company-id"})
        """
        result = self._check_locally(flag_key, company, user, options)
        if result is None:
            result = self._check_remote(flag_key, company, user, options)
        return result.value

    def check_flag_with_entitlement(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> CheckFlagResponseData:
        """The full result of a flag check: value, reason, matched rule and entitlement."""
        result = self._check_locally(flag_key, company, user, options)
        if result is None:
            result = self._check_remote(flag_key, company, user, options)
        return result

    def _check_locally(
        self,
        flag_key: str,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
    ) -> CheckFlagResponseData | None:
        """The answer when no I/O is needed (offline or cached); None on a cache miss.

        This is the hot path, so arguments are not checked here: a bad one cannot be in
        the cache, and ``_check_remote`` reports it.
        """
        if self._offline:
            return self._fallback(flag_key, _flags.REASON_OFFLINE, options)
        if self._datastream is not None:
            local = self._datastream.check(flag_key, company, user)
            if local is not None or self._datastream.usable:
                return local  # None: _check_remote may still answer from the stream
        try:
            if self._tuple_keys:
                key: object = (
                    flag_key,
                    frozenset(company.items()) if company else None,
                    frozenset(user.items()) if user else None,
                )
            else:
                key = _flags.cache_key(flag_key, company, user)
        except (AttributeError, TypeError):
            key = None
        if key is not None:
            for cache in self._caches:
                try:
                    hit = cache.get(key)  # type: ignore[arg-type]
                except Exception as exc:
                    self._log.warning("cache %r failed to read: %s", cache, exc)
                    continue
                if hit is not None:
                    self._stats["cache_hits"] += 1
                    return hit
            if self._caches:
                self._stats["cache_misses"] += 1
        return None

    def _key(
        self, flag_key: str, company: Mapping[str, str] | None, user: Mapping[str, str] | None
    ) -> Any:
        """The cache key of a check, after checking its arguments (TypeError names a bad one).

        In-process caches take a tuple, which is cheaper to build than the text key and
        equally unambiguous; other providers get the text key.
        """
        text = _flags.cache_key(flag_key, company, user)
        if not self._tuple_keys:
            return text
        return (
            flag_key,
            frozenset(company.items()) if company else None,
            frozenset(user.items()) if user else None,
        )

    def _check_remote(
        self,
        flag_key: str,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
    ) -> CheckFlagResponseData:
        from .models.features import CheckFlagResponseData

        try:
            key = self._key(flag_key, company, user)
        except TypeError as exc:
            return self._invalid(exc, flag_key, options)
        if self._datastream is not None:
            local = self._datastream.check(flag_key, company, user, block=True)
            if local is None:
                local = self._cached(key)  # the API's recent answer, as _check_locally skipped it
            if local is not None:
                return local
        if not self._breaker.allow():
            return self._unavailable(flag_key, key, options, None)
        path = f"/flags/{quote_segment(flag_key)}/check"
        try:
            result: CheckFlagResponseData | None = self._ask_api(
                path, CheckFlagResponseData, company, user, options
            )
        except Exception as exc:
            self._log.warning("flag check %r failed: %s", flag_key, exc)
            return self._unavailable(flag_key, key, options, exc)
        if result is None:
            return self._fallback(flag_key, _flags.REASON_FLAG_NOT_FOUND, options)
        self._store(key, result)
        return result

    def _ask_api(
        self,
        path: str,
        model: type[Model],
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
    ) -> Any:
        """POST a check within its deadline and parse the answer; tell the breaker how it went."""
        from .resources._base import parse_envelope

        timeout = (
            options.timeout
            if options is not None and options.timeout is not None
            else self._flag_timeout
        )
        try:
            response = self._transport.request(
                "POST",
                path,
                body=json.dumps(_flags.check_body(company, user)).encode(),
                timeout=timeout,
                deadline=time.monotonic() + timeout,
            )
            data = parse_envelope(response, model).data
        except Exception as exc:
            if self._breaker.record(ok=not _is_outage(exc)):
                self._log.error(
                    "the Schematic API failed %d times in a row: flag checks answer without it "
                    "for %.0fs at a time until it recovers",
                    self._breaker.threshold,
                    self._breaker.cooldown,
                )
            raise
        self._breaker.record(ok=True)
        return data

    def _unavailable(
        self,
        flag_key: str,
        key: Any,
        options: CheckFlagOptions | None,
        error: BaseException | None,
    ) -> CheckFlagResponseData:
        """The answer when the API could not give one: the last value seen, else the default.

        ``error`` is None when the circuit breaker kept the check from being sent.
        """
        stale = self._last_known.get(key) if self._last_known is not None and key else None
        why = str(error) if error is not None else "circuit open"
        if stale is not None:
            self._stats["flag_stale_answers"] += 1
            return dataclasses.replace(stale, reason=f"{_flags.REASON_STALE}: {why}")
        if error is None:
            return self._fallback(flag_key, _flags.REASON_CIRCUIT_OPEN, options)
        return self._fallback(flag_key, f"{_flags.REASON_ERROR}: {why}", options, why)

    def check_flags(
        self,
        flag_keys: Sequence[str] | None = None,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> list[CheckFlagResponseData]:
        """Check several flags (all of them when ``flag_keys`` is None) in one request.

        Answers from the cache when every requested flag is there; otherwise makes one
        ``POST /flags/check`` and caches each flag it returns. Never raises.
        """
        if flag_keys is not None and (
            isinstance(flag_keys, str) or not all(isinstance(k, str) and k for k in flag_keys)
        ):
            exc = TypeError(f"flag_keys must be a list of non-empty str, got {flag_keys!r}")
            self._report_invalid(exc)
            return []
        wanted = list(flag_keys) if flag_keys is not None else None
        if self._offline:
            keys = wanted if wanted is not None else list(self._flag_defaults)
            return [self._fallback(k, _flags.REASON_OFFLINE, options) for k in keys]
        try:
            keys_of = {k: self._key(k, company, user) for k in wanted or []}
            self._key("-", company, user)
        except TypeError as exc:
            self._report_invalid(exc)
            return [self._fallback(k, _flags.REASON_INVALID, options) for k in wanted or []]
        if self._datastream is not None and wanted:
            answered = self._datastream.check_many(wanted, company, user)
            if answered is not None:
                return answered
        if wanted and self._caches:
            cached = [self._cached(keys_of[k]) for k in wanted]
            if all(hit is not None for hit in cached):
                self._stats["cache_hits"] += len(cached)
                return [hit for hit in cached if hit is not None]
            self._stats["cache_misses"] += len(wanted)
        return self._check_many_remote(wanted, company, user, options)

    def _check_many_remote(
        self,
        wanted: list[str] | None,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        options: CheckFlagOptions | None,
    ) -> list[CheckFlagResponseData]:
        from .models.features import CheckFlagsResponseData

        keys = {k: self._key(k, company, user) for k in wanted or []}
        error: BaseException | None = None
        if self._breaker.allow():
            try:
                data = self._ask_api("/flags/check", CheckFlagsResponseData, company, user, options)
                flags: list[CheckFlagResponseData] = list(data.flags) if data is not None else []
            except Exception as exc:
                self._log.warning("flag checks failed: %s", exc)
                error = exc
            else:
                for result in flags:
                    self._store(self._key(result.flag, company, user), result)
                if wanted is None:
                    return flags
                by_key = {result.flag: result for result in flags}
                return [
                    by_key.get(k) or self._fallback(k, _flags.REASON_FLAG_NOT_FOUND, options)
                    for k in wanted
                ]
        return [self._unavailable(k, keys[k], options, error) for k in wanted or []]

    def set_flag_default(self, flag_key: str, value: bool) -> None:
        """Set the value ``flag_key`` falls back to when it cannot be checked."""
        if not isinstance(flag_key, str) or not flag_key:
            raise TypeError(f"flag_key must be a non-empty str, got {flag_key!r}")
        if not isinstance(value, bool):
            raise TypeError(f"value must be a bool, got {value!r}")
        self._flag_defaults[flag_key] = value

    def set_flag_defaults(self, values: Mapping[str, bool]) -> None:
        """Merge ``values`` into the flag defaults."""
        if not isinstance(values, Mapping):
            raise TypeError(f"values must be a dict of flag key to bool, got {values!r}")
        for flag_key, value in values.items():
            self.set_flag_default(flag_key, value)

    def _cached(self, key: Any) -> CheckFlagResponseData | None:
        for cache in self._caches:
            try:
                hit = cache.get(key)
            except Exception as exc:
                self._log.warning("cache %r failed to read: %s", cache, exc)
                continue
            if hit is not None:
                return hit
        return None

    def _store(self, key: Any, result: CheckFlagResponseData) -> None:
        if self._last_known is not None:
            self._last_known.set(key, result)
        for cache in self._caches:
            try:
                cache.set(key, result)
            except Exception as exc:
                self._log.warning("cache %r failed to write: %s", cache, exc)

    def _fallback(
        self,
        flag_key: str,
        reason: str,
        options: CheckFlagOptions | None,
        error: str | None = None,
    ) -> CheckFlagResponseData:
        self._stats["flag_fallbacks"] += 1
        try:
            return _flags.fallback(flag_key, reason, options, self._flag_defaults, error)
        except Exception as exc:  # a default_value callable that raised
            self._log.error("default_value for flag %r raised: %s", flag_key, exc)
            return _flags.fallback(flag_key, reason, None, self._flag_defaults, error)

    def _invalid(
        self, exc: Exception, flag_key: Any, options: CheckFlagOptions | None
    ) -> CheckFlagResponseData:
        self._report_invalid(exc)
        name = flag_key if isinstance(flag_key, str) else repr(flag_key)
        return self._fallback(name, f"{_flags.REASON_INVALID}: {exc}", options, str(exc))

    def _report_invalid(self, exc: Exception) -> None:
        self._stats["invalid_calls"] += 1
        if self._strict:
            raise exc
        self._log.error("invalid argument: %s", exc)

    # -- events -----------------------------------------------------------------------------
    def identify(
        self,
        keys: Mapping[str, str],
        company: EventBodyIdentifyCompany | Mapping[str, Any] | None = None,
        name: str | None = None,
        traits: Mapping[str, Any] | None = None,
        options: IdentifyOptions | None = None,
    ) -> None:
        """Create or update a user (and their company) in the background; returns at once.

        Example::

            client.identify(
                keys={"email": "wcoyote@acme.net"},
                company=EventBodyIdentifyCompany(keys={"id": "your-company-id"}),
                name="Wile E. Coyote",
            )
        """
        if self._offline:
            return
        try:
            item = identify_event(keys, company, name, traits, options)
        except InvalidEventError as exc:
            self._report_invalid(exc)
            return
        self._worker.submit(item)

    def track(
        self,
        event: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        traits: Mapping[str, Any] | None = None,
        quantity: int | None = None,
        options: TrackOptions | None = None,
    ) -> None:
        """Record that something happened, for metering and targeting; returns at once.

        Example::

            client.track(event="some-action", company={"id": "your-company-id"}, quantity=3)
        """
        if self._offline:
            return
        try:
            item = track_event(event, company, user, traits, quantity, options)
        except InvalidEventError as exc:
            self._report_invalid(exc)
            return
        self._worker.submit(item)
        if self._datastream is not None:
            self._datastream.track(event, item[1].get("company"), item[1].get("quantity"))

    def flush(self, timeout: float | None = None) -> bool:
        """Send every event queued so far; True when all were delivered within ``timeout``."""
        return True if self._offline else self._worker.flush(timeout)

    def _send_events(self, events: list[str], timeout: float | None) -> None:
        prefix = self._event_prefix
        body = '{"events":[' + ",".join(prefix + e[1:] for e in events) + "]}"
        limit = self._capture_timeout if timeout is None else min(self._capture_timeout, timeout)
        self._transport.request(
            "POST", self._capture_url, body=body.encode(), timeout=limit, max_retries=0
        )

    # -- any API call -----------------------------------------------------------------------
    def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | None = None,
        body: Mapping[str, Any] | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[Any]:
        """Call any API endpoint, for what the resource methods do not cover (yet).

        Sent like every resource call: the API key, retries, timeouts, typed errors and
        ``request_options`` all apply. ``path`` is used as given, so quote each id in it,
        ``/`` included: ``urllib.parse.quote(flag_key, safe="")`` or
        ``schematic.resources._base.Resource._path("/flags/{flag_id}", flag_id=flag_id)``.
        ``query`` is encoded as for resource methods (lists repeat the key, dicts become
        ``key[name]=value``, booleans ``true``/``false``); ``body`` is sent as JSON as given,
        ``None`` values included. The answer's ``data`` stays plain JSON (``None`` for an
        empty answer, ``bytes`` for a file).

        Example::

            response = client.request("GET", "/companies", query={"q": "acme", "limit": 10})
            names = [company["name"] for company in response.data]
        """
        from .resources._base import Resource

        return Resource(self._transport)._call_any(
            method, path, query=query, body=body, request_options=request_options
        )

    # -- lifecycle --------------------------------------------------------------------------
    def initialize(self) -> None:
        """Open the DataStream connection now (with ``use_datastream``) rather than on first use.

        Without DataStream there is nothing to start; kept so that code calling it works.
        """
        if self._datastream is not None:
            self._datastream.start()

    def shutdown(self, timeout: float | None = None) -> bool:
        """Send queued events (within ``timeout``, default ``shutdown_timeout``) and stop.

        Idempotent. Returns True when no event was left unsent.
        """
        if self._datastream is not None:
            self._datastream.close()
        delivered = self._worker.close(timeout)
        self._transport.close()
        return delivered

    close = shutdown

    def __enter__(self) -> Schematic:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.shutdown()

    def stats(self) -> dict[str, Any]:
        """Counters for monitoring: events queued, sent, retried and dropped, cache use."""
        stats = {
            **_worker.stats_snapshot(self._worker),
            **self._stats,
            "circuit_open": self._breaker.is_open,
        }
        if self._datastream is not None:
            stats["datastream"] = self._datastream.stats()
        return stats


_clients: weakref.WeakSet[Schematic] = weakref.WeakSet()


def _is_outage(exc: BaseException) -> bool:
    """Whether a failure says the API is unwell (as opposed to a bad request)."""
    if isinstance(exc, ApiConnectionError):
        return True
    status = exc.status_code if isinstance(exc, ApiError) else None
    return status is not None and (status in (408, 429) or status >= 500)


def _session_from(http_client: Any, config: SchematicConfig) -> requests.Session | None:
    """The session to send with: the argument, else the config's; checked to be requests'."""
    session = http_client
    if session is None:
        session = config.http_client if config.http_client is not None else config.httpx_client
    if session is not None and not isinstance(session, requests.Session):
        raise TypeError(
            f"http_client must be a requests.Session, got {type(session).__name__}; "
            "this SDK sends requests with requests, not httpx"
        )
    return session


def _renew_sessions_after_fork() -> None:
    for client in list(_clients):
        transport = client._transport
        if transport._own_session:
            transport.session = new_session()


os.register_at_fork(after_in_child=_renew_sessions_after_fork)


def __getattr__(name: str) -> Any:
    # The asyncio client loads asyncio, so it is imported only when asked for.
    if name in ("AsyncSchematic", "AsyncSchematicConfig"):
        from . import _async

        return getattr(_async, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
