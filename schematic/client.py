"""The Schematic client: flag checks, events, and the API's resource namespaces.

::

    check_flag ─▶ cache providers ─hit─▶ value
                      └─miss─▶ POST /flags/{key}/check (short deadline) ─▶ cache ─▶ value
    track / identify ─▶ encode ─▶ bounded queue ─▶ worker thread ─▶ POST {capture}/batch
    client.companies.upsert_company(...) ─▶ transport ─▶ Response[model] | ApiError
"""

from __future__ import annotations

import importlib
import json
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from . import _flags, _fork, _worker
from ._config import DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL, SchematicConfig
from ._credits import (
    CheckOptions,
    CheckResult,
    CreditLeaseConfig,
    LeaseConfigOverride,
    Reservation,
    TrackWithReservationOptions,
)
from ._events import (
    Event,
    IdentifyOptions,
    TrackOptions,
    identify_event,
    track_event,
)
from ._flagchecks import FlagChecker, Refusals
from ._flags import CheckFlagOptions, EventUsage
from ._transport import Transport, new_session
from .cache import CacheProvider, LocalCache
from .datastream.config import DataStreamConfig
from .errors import InvalidEventError

if TYPE_CHECKING:
    from types import TracebackType

    import requests

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
    "CheckOptions",
    "CheckResult",
    "CreditLeaseConfig",
    "DataStreamConfig",
    "EventUsage",
    "IdentifyOptions",
    "LeaseConfigOverride",
    "LocalCache",
    "Reservation",
    "Schematic",
    "SchematicConfig",
    "TrackOptions",
    "TrackWithReservationOptions",
]

R = TypeVar("R")


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
        settings = config.resolve(api_key, timeout=timeout, http_client=http_client)
        self._log = log = settings.log
        self._offline = offline = config.offline
        self._transport = transport = Transport(
            settings.api_key,
            base_url=settings.base_url,
            session=settings.session,
            timeout=settings.timeout,
            retry=settings.retry,
            follow_redirects=settings.follow_redirects,
            offline=offline,
            logger=log,
        )
        spool = None
        if config.event_spool_dir is not None and not offline:
            from ._spool import Spool

            spool = Spool(config.event_spool_dir, settings.api_key, log)
        self._worker = worker = _worker.EventWorker(
            _EventSender(transport, settings.capture_url, settings.api_key, config.capture_timeout),
            period=settings.event_buffer_period,
            max_queue=config.event_queue_size,
            max_queue_bytes=config.event_queue_bytes,
            overflow=config.event_overflow,
            block_timeout=config.event_block_timeout,
            concurrency=config.event_concurrency,
            retry=settings.event_retry,
            retry_window=config.event_retry_window,
            shutdown_timeout=config.shutdown_timeout,
            on_error=config.on_error,
            spool=spool,
            logger=log,
        )
        if spool is not None:
            worker.start_if_spooled()
        self._datastream: DataStreamClient | None = None
        if settings.use_datastream:
            from .datastream._client import DataStreamClient

            self._datastream = DataStreamClient(
                config.datastream or DataStreamConfig(),
                api_key=settings.api_key,
                base_url=settings.base_url,
                submit=worker.offer,
                logger=log,
            )
        self._refusals = Refusals(log, config.strict)
        self._checker = FlagChecker(
            transport,
            caches=(
                [LocalCache(DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL)]
                if config.cache_providers is None
                else config.cache_providers
            ),
            defaults=config.flag_defaults or {},
            timeout=config.flag_check_timeout,
            breaker=_flags.CircuitBreaker(
                config.circuit_breaker_threshold, config.circuit_breaker_cooldown
            ),
            stale_if_error=config.stale_if_error,
            datastream=self._datastream,
            refusals=self._refusals,
            log=log,
            offline=offline,
        )
        # What check_flag reads by itself: copies of a cache's answers, and its clock.
        hot = self._checker.hot
        self._hot_index = self._checker.hot_index if hot is not None else None
        self._hot_timer = hot._timer if hot is not None else time.monotonic
        self._hot_hits = self._checker.hot_hits
        _fork.reset_in_child(self, Schematic._renew_session)
        # Dropped without shutdown(): the worker sends what it holds, then the session and
        # the stream close. Nothing here may refer to the client itself.
        self._finalizer = weakref.finalize(self, _abandoned, worker, transport, self._datastream)
        self._finalizer.atexit = False  # at exit, the exit hook sends what is queued

    def __repr__(self) -> str:
        return f"Schematic(base_url={self._transport.base_url!r}, offline={self._offline})"

    def _renew_session(self) -> None:
        # A child process must not share the parent's sockets.
        if self._transport._own_session:
            self._transport.session = new_session()

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
        index = self._hot_index
        if index is not None and options is None:
            # The hottest path, so written out here: a key of the contexts' values, one
            # lookup, the contexts compared and the expiry (see FlagChecker.hot_index). A
            # miss, a context that is no mapping or cannot be hashed: the checker answers.
            try:
                entry = index[
                    (
                        flag_key,
                        tuple(company.values()) if company else None,
                        tuple(user.values()) if user else None,
                    )
                ]
                if entry[2] == company and entry[3] == user and self._hot_timer() < entry[1]:
                    next(self._hot_hits)
                    return entry[0]
            except Exception:
                pass
        # A real bool: the API's answers are checked to be one.
        return self._checker.check(flag_key, company, user, options).value is True

    def check_flag_with_entitlement(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckFlagOptions | None = None,
    ) -> CheckFlagResponseData:
        """The full result of a flag check: value, reason, matched rule and entitlement."""
        return self._checker.check(flag_key, company, user, options)

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
        return self._checker.check_many(flag_keys, company, user, options)

    def check(
        self,
        flag_key: str,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
        options: CheckOptions | None = None,
    ) -> CheckResult:
        """Whether an operation using ``options.usage`` of a metered feature may go ahead;
        never raises.

        The flag is checked as if the usage were already recorded (a preflighted check,
        asked of the API every time), so a company with too few credits left is not
        allowed. No credits are held: ``reservation`` is None, and the usage is reported
        with ``track`` once known. A check with usage that gets no answer is not allowed,
        unless ``options.on_acquire_failure`` is ``"fail-open"``; without usage it is a
        plain flag check, ``allowed`` being its value.

        Example::

            result = client.check(
                "some-flag-key",
                company={"id": "your-company-id"},
                options=CheckOptions(usage=1000, event_subtype="inference_tokens"),
            )
            if result.allowed:
                client.track("inference_tokens", company={"id": "your-company-id"}, quantity=900)
        """
        from ._credits import check_result

        try:
            if options is not None and not isinstance(options, CheckOptions):
                raise TypeError(f"options must be a CheckOptions, got {type(options).__name__}")
            flag_options = options.flag_options() if options is not None else None
        except (TypeError, ValueError) as exc:
            self._refusals.report(exc)
            answer = self._checker._invalid(TypeError(str(exc)), flag_key, None)
            return check_result(flag_key if type(flag_key) is str else "", answer, None, False)
        answer = self._checker.check(flag_key, company, user, flag_options)
        failed = (
            options is not None
            and options.usage is not None
            and (answer.reason or "").startswith((_flags.REASON_ERROR, _flags.REASON_CIRCUIT_OPEN))
        )
        return check_result(flag_key, answer, options, failed)

    def track_with_reservation(
        self,
        reservation: Reservation | None,
        actual_quantity: float,
        options: TrackWithReservationOptions | None = None,
    ) -> None:
        """Settle ``reservation`` with the usage the operation actually made; returns at once.

        Sends one track event of the reservation's event subtype, company, user and lease,
        the quantity rounded up to a whole number, with an idempotency key made from the
        reservation's id: a settle sent twice is billed once. ``check`` takes no holds, so
        its results carry no reservation; for None this logs an error and sends nothing
        (report that usage with ``track``).
        """
        item = self._settle(reservation, actual_quantity, options)
        if item is not None:
            self._enqueue(item)

    def _settle(self, reservation: Any, actual_quantity: Any, options: Any) -> Event | None:
        """The settling event of ``track_with_reservation``; None offline or when refused."""
        from ._events import settle_event

        if reservation is None:
            self._log.error(
                "track_with_reservation: no reservation to settle (check() holds no credits); "
                "report the usage with track()"
            )
            return None
        traits = options.traits if isinstance(options, TrackWithReservationOptions) else None
        try:
            if options is not None and not isinstance(options, TrackWithReservationOptions):
                raise InvalidEventError(
                    f"options must be a TrackWithReservationOptions, got {type(options).__name__}"
                )
            item = settle_event(reservation, actual_quantity, traits)
        except InvalidEventError as exc:
            self._refusals.report(exc)
            return None
        return None if self._offline else item

    def prewarm(self, company: Mapping[str, str], credit_type_ids: Sequence[str]) -> None:
        """Warm credit leases for ``company``: accepted for code written for the official
        SDK, where it readies client-side leases; this SDK takes no leases, so it checks
        its arguments and does nothing else. Never raises."""
        from ._events import credit_type_ids as checked_ids

        try:
            _flags.check_context("company", company)
            checked_ids("credit_type_ids", credit_type_ids)
        except (TypeError, ValueError) as exc:
            self._refusals.report(exc)

    def set_flag_default(self, flag_key: str, value: bool) -> None:
        """Set the value ``flag_key`` falls back to when it cannot be checked."""
        self._checker.set_default(flag_key, value)

    def set_flag_defaults(self, values: Mapping[str, bool]) -> None:
        """Merge ``values`` into the flag defaults."""
        self._checker.set_defaults(values)

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
        try:
            item = identify_event(keys, company, name, traits, options)
        except InvalidEventError as exc:
            self._refusals.report(exc)
            return
        if not self._offline:  # checked offline too: a bad call shows in tests and development
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
        # Written out rather than through _event and _enqueue: this is a hot path.
        try:
            item = track_event(event, company, user, traits, quantity, options)
        except InvalidEventError as exc:
            self._refusals.report(exc)
            return
        if self._offline:  # checked offline too: a bad call shows in tests and development
            return
        self._worker.submit(item)
        if self._datastream is not None:
            self._datastream.track(event, item[1].get("company"), item[1].get("quantity"))

    def _event(self, make: Callable[..., Event], *args: Any) -> Event | None:
        """The event for a ``track``/``identify`` call; None offline or for bad arguments.

        For ``AsyncSchematic``, with ``_enqueue``."""
        try:
            item = make(*args)
        except InvalidEventError as exc:
            self._refusals.report(exc)
            return None
        return None if self._offline else item

    def _enqueue(self, item: Event, *, wait: bool = True) -> bool | None:
        """Queue an event (see ``EventWorker.submit``); None when it would have to wait."""
        queued = self._worker.submit(item, wait=wait)
        if queued is not None and item[0] == "track" and self._datastream is not None:
            body = item[1]
            self._datastream.track(body["event"], body.get("company"), body.get("quantity"))
        return queued

    def flush(self, timeout: float | None = None) -> bool:
        """Send every event queued so far; True when all were delivered within ``timeout``."""
        return True if self._offline else self._worker.flush(timeout)

    # -- any API call -----------------------------------------------------------------------
    # -- the official SDK's top-level calls ---------------------------------------------------
    # Each sends its method and path with no body and returns None, as there; the typed
    # calls are ``accounts.create_api_key`` and the rest, which send what the API asks for.
    def post_api_keys(self, *, request_options: RequestOptions | None = None) -> None:
        """``POST /api-keys`` with no body (``accounts.create_api_key`` is the typed call)."""
        self._bare("POST", "/api-keys", request_options)

    def put_api_keys_api_key_id(
        self, api_key_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``PUT /api-keys/{api_key_id}`` with no body (typed: ``accounts.update_api_key``)."""
        self._bare("PUT", "/api-keys/{api_key_id}", request_options, api_key_id=api_key_id)

    def delete_api_keys_api_key_id(
        self, api_key_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``DELETE /api-keys/{api_key_id}`` (typed: ``accounts.delete_api_key``)."""
        self._bare("DELETE", "/api-keys/{api_key_id}", request_options, api_key_id=api_key_id)

    def post_environments(self, *, request_options: RequestOptions | None = None) -> None:
        """``POST /environments`` with no body (typed: ``accounts.create_environment``)."""
        self._bare("POST", "/environments", request_options)

    def put_environments_environment_id(
        self, environment_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``PUT /environments/{environment_id}`` with no body (typed:
        ``accounts.update_environment``)."""
        self._bare(
            "PUT", "/environments/{environment_id}", request_options, environment_id=environment_id
        )

    def delete_environments_environment_id(
        self, environment_id: str, *, request_options: RequestOptions | None = None
    ) -> None:
        """``DELETE /environments/{environment_id}`` (typed: ``accounts.delete_environment``)."""
        self._bare(
            "DELETE",
            "/environments/{environment_id}",
            request_options,
            environment_id=environment_id,
        )

    def _bare(
        self, method: str, template: str, request_options: RequestOptions | None, **ids: str
    ) -> None:
        from .resources._base import Resource

        path = Resource._path(template, **ids)
        Resource(self._transport)._call_empty(method, path, request_options=request_options)

    @property
    def with_raw_response(self) -> RawClient:
        """Every namespace's calls answered with the HTTP status and headers too:
        ``client.with_raw_response.companies.get_company("comp_1").headers``."""
        return RawClient(self)

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
        self._finalizer.detach()
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
        stats: dict[str, Any] = {
            **self._worker.snapshot(),
            **self._checker.counts(),
            "invalid_calls": self._refusals.count,
            "circuit_open": self._checker.breaker.is_open,
        }
        if self._datastream is not None:
            stats["datastream"] = datastream = self._datastream.stats()
            if self._hot_index is not None:  # answers check_flag found ready by itself
                datastream["local"] += _flags.count_of(self._hot_hits)
        return stats


class _EventSender:
    """Posts encoded events to the capture service: what the event worker calls.

    It holds the transport, not the client, so that a client nobody refers to any more
    can be garbage-collected while its events are still being sent.
    """

    def __init__(self, transport: Transport, url: str, api_key: str, timeout: float) -> None:
        self.transport = transport
        self.url = url  # of the batch endpoint
        self.timeout = timeout
        self.prefix = '{"api_key":' + json.dumps(api_key) + ","

    def __repr__(self) -> str:
        return f"_EventSender({self.url!r})"

    def __call__(self, events: list[str], timeout: float | None) -> None:
        prefix = self.prefix
        body = '{"events":[' + ",".join(prefix + e[1:] for e in events) + "]}"
        limit = self.timeout if timeout is None else min(self.timeout, timeout)
        # Not retried here: the worker retries, keeping every event's idempotency key.
        self.transport.post_once(self.url, body.encode(), limit)


def _abandoned(
    worker: _worker.EventWorker, transport: Transport, datastream: DataStreamClient | None
) -> None:
    """A client was garbage-collected without ``shutdown()``: stop what it started."""
    if datastream is not None:  # its close waits for its thread: not on this one
        threading.Thread(target=datastream.close, name="schematic-close", daemon=True).start()
    worker.abandon(then=transport.close)


def __getattr__(name: str) -> Any:
    # The asyncio client loads asyncio, so it is imported only when asked for.
    if name in ("AsyncSchematic", "AsyncSchematicConfig"):
        from . import _async

        return getattr(_async, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class RawClient:
    """``Schematic.with_raw_response``: each namespace's ``with_raw_response``."""

    __slots__ = ("_client",)

    def __init__(self, client: Schematic) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        namespace = getattr(type(self._client), name, None)
        if not isinstance(namespace, _Namespace):
            raise AttributeError(f"with_raw_response has no namespace {name!r}")
        return getattr(self._client, name).with_raw_response
