"""``SchematicConfig``: every setting of the client, its default and its checks, and
``resolve()``, which turns a config into the ``Settings`` of one client.

Every default of the client lives here. Resolving reads the environment
(``SCHEMATIC_API_KEY``, ``SCHEMATIC_BASE_URL``, ``SCHEMATIC_EVENT_CAPTURE_URL``), replaces
each ``None`` by its default and checks the result, so that a bad value is refused while
the client is built, naming the setting, and never later in a background thread.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from . import _validation
from ._retry import Retry

if TYPE_CHECKING:
    import requests

    from ._credits import CreditLeaseConfig
    from .cache import CacheProvider
    from .datastream.config import DataStreamConfig
    from .environment import SchematicEnvironment
    from .models.features import CheckFlagResponseData

DEFAULT_BASE_URL = "https://api.schematichq.com"
DEFAULT_EVENT_CAPTURE_URL = "https://c.schematichq.com"
DEFAULT_TIMEOUT = 60.0  # seconds per attempt of a resource call
DEFAULT_FLAG_CHECK_TIMEOUT = 3.0  # seconds of a whole flag check
DEFAULT_CAPTURE_TIMEOUT = 10.0  # seconds per event delivery attempt
DEFAULT_MAX_RETRIES = 2
DEFAULT_RETRY_DELAY = 0.5
DEFAULT_MAX_RETRY_DELAY = 8.0
DEFAULT_CACHE_SIZE = 1000  # entries of the default LocalCache
DEFAULT_CACHE_TTL = 5000  # milliseconds
DEFAULT_EVENT_BUFFER_PERIOD = 5.0
DEFAULT_EVENT_BATCH_SIZE = 100
DEFAULT_EVENT_QUEUE_SIZE = 10_000
DEFAULT_EVENT_QUEUE_BYTES = 16 * 1024 * 1024
DEFAULT_EVENT_OVERFLOW: Literal["block"] = "block"
DEFAULT_EVENT_BLOCK_TIMEOUT = 2.0
DEFAULT_EVENT_CONCURRENCY = 4
DEFAULT_EVENT_RETRY_DELAY = 1.0
DEFAULT_EVENT_MAX_RETRY_DELAY = 30.0
DEFAULT_EVENT_RETRY_WINDOW = 600.0
DEFAULT_SHUTDOWN_TIMEOUT = 2.0
DEFAULT_CIRCUIT_BREAKER_THRESHOLD = 5
DEFAULT_CIRCUIT_BREAKER_COOLDOWN = 30.0
CHECK_RETRIES = 1  # retries of one flag check, whatever max_retries says
CHECK_RETRY_DELAY = 0.025  # seconds before that retry, plus as much again at most
MAX_EVENT_CONCURRENCY = 32  # the connection pool of the SDK's own session holds 32
MAX_RETRIES = 20  # a deadline bounds flag checks anyway; more than this is a typo


@dataclass
class SchematicConfig:
    """Client settings; every field is optional.

    Attributes:
        base_url: the API's address (or a ``SchematicEnvironment``);
            ``SCHEMATIC_BASE_URL`` from the environment, else ``https://api.schematichq.com``.
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
        log_level: the level of this client's messages (an int or a name such as
            "INFO"), which go to the handlers of the ``schematic`` logger; that logger itself
            is left as it is. Not applied to a logger you pass in.
        http_client: a ``requests.Session`` to send requests with (proxies, TLS, adapters).
        httpx_client: another name for ``http_client``, accepted so that existing configs
            keep working; it too must be a ``requests.Session``.
        follow_redirects: follow redirects (default True); they are followed within the
            origin of the request only, so the API key never leaves it. With False, a
            redirect answer raises ``ApiError``.
        max_retries: retries of a failed API call (default 2).
        retry_delay: seconds before the first retry, doubling after each (default 0.5).
        event_queue_size: events held while waiting to be sent (default 10,000).
        event_queue_bytes: the most those events may take, by their estimated size once
            encoded (default 16 MiB): with large traits, this bound is reached first.
        event_overflow: what ``track`` and ``identify`` do when the queue is full.
            ``"block"`` (default): wait for room, at most ``event_block_timeout``, but
            only while the event service is accepting events; when it is failing, never
            wait. ``"drop"``: never wait. Either way, an event that finds no room is
            written to ``event_spool_dir`` if one is set, else dropped and counted.
        event_block_timeout: the longest one ``track``/``identify`` call waits for room
            (default 2 s); also how long delivery may stall before calls stop waiting.
        event_concurrency: event batches in flight at once, each on its own kept-alive
            connection (default 4).
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
        credit_leases: a ``CreditLeaseConfig``, accepted and checked for configurations
            made for the official SDK; this SDK holds no credits, and ``check`` preflights
            the usage instead (the client logs this once when built with it).
    """

    base_url: str | SchematicEnvironment | None = None
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
    event_queue_size: int = DEFAULT_EVENT_QUEUE_SIZE
    event_queue_bytes: int = DEFAULT_EVENT_QUEUE_BYTES
    event_overflow: Literal["block", "drop"] = DEFAULT_EVENT_OVERFLOW
    event_block_timeout: float = DEFAULT_EVENT_BLOCK_TIMEOUT
    event_concurrency: int = DEFAULT_EVENT_CONCURRENCY
    event_retry_delay: float = DEFAULT_EVENT_RETRY_DELAY
    event_retry_window: float = DEFAULT_EVENT_RETRY_WINDOW
    capture_timeout: float = DEFAULT_CAPTURE_TIMEOUT
    shutdown_timeout: float = DEFAULT_SHUTDOWN_TIMEOUT
    on_error: Callable[[BaseException, list[str]], None] | None = None
    strict: bool = False
    event_spool_dir: str | os.PathLike[str] | None = None
    circuit_breaker_threshold: int = DEFAULT_CIRCUIT_BREAKER_THRESHOLD
    circuit_breaker_cooldown: float = DEFAULT_CIRCUIT_BREAKER_COOLDOWN
    stale_if_error: bool = True
    use_datastream: bool = False
    datastream: DataStreamConfig | None = None
    credit_leases: CreditLeaseConfig | None = None

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Check every field; ``Schematic()`` calls this again, as fields can be changed.

        Raises ``ValueError`` or ``TypeError`` naming the field.
        """
        for name in ("base_url", "event_capture_url"):
            value = _address(getattr(self, name))
            if value is not None and (not isinstance(value, str) or value.strip()):
                _validation.http_url(name, value)
        for name in ("timeout", "event_buffer_period"):
            _validation.seconds(name, getattr(self, name), optional=True)
        for name in (
            "flag_check_timeout", "capture_timeout", "retry_delay", "event_retry_delay",
            "circuit_breaker_cooldown", "event_retry_window",
        ):  # fmt: skip
            _validation.seconds(name, getattr(self, name))
        _validation.seconds("shutdown_timeout", self.shutdown_timeout, zero=True)
        _validation.seconds("event_block_timeout", self.event_block_timeout, zero=True)
        _validation.count("event_queue_bytes", self.event_queue_bytes, 1024)
        _validation.count("event_concurrency", self.event_concurrency, 1)
        if self.event_concurrency > MAX_EVENT_CONCURRENCY:
            raise ValueError(
                f"event_concurrency must be at most {MAX_EVENT_CONCURRENCY}, "
                f"got {self.event_concurrency!r}"
            )
        if self.event_overflow not in ("block", "drop"):
            raise ValueError(
                f'event_overflow must be "block" or "drop", got {self.event_overflow!r}'
            )
        _validation.count("circuit_breaker_threshold", self.circuit_breaker_threshold, 1)
        _validation.count("max_retries", self.max_retries, 0)
        if self.max_retries > MAX_RETRIES:
            raise ValueError(f"max_retries must be at most {MAX_RETRIES}, got {self.max_retries}")
        _validation.count("event_queue_size", self.event_queue_size, 1)
        for name in ("offline", "strict", "stale_if_error", "use_datastream"):
            _validation.boolean(name, getattr(self, name))
        if self.follow_redirects is not None:
            _validation.boolean("follow_redirects", self.follow_redirects)
        _validation.flag_defaults(self.flag_defaults)
        _validation.logger(self.logger)
        _validation.log_level(self.log_level)
        _validation.function("on_error", self.on_error)
        _validation.path("event_spool_dir", self.event_spool_dir)
        if self.cache_providers is not None:
            if not isinstance(self.cache_providers, list):
                raise TypeError("cache_providers must be a list of cache providers")
            for provider in self.cache_providers:
                if not callable(getattr(provider, "get", None)) or not callable(
                    getattr(provider, "set", None)
                ):
                    raise TypeError(
                        "cache_providers must hold objects with get(key) and set(key, value) "
                        f"methods, got {provider!r}"
                    )
        from .datastream.config import DataStreamConfig

        if self.datastream is not None and not isinstance(self.datastream, DataStreamConfig):
            raise TypeError(f"datastream must be a DataStreamConfig, got {self.datastream!r}")
        if self.credit_leases is not None:
            from ._credits import CreditLeaseConfig

            if not isinstance(self.credit_leases, CreditLeaseConfig):
                raise TypeError(
                    f"credit_leases must be a CreditLeaseConfig, got {self.credit_leases!r}"
                )
            self.credit_leases.validate("credit_leases.")
        _session(self.http_client, self.httpx_client)

    def resolve(
        self,
        api_key: str | None = None,
        *,
        timeout: float | None = None,
        http_client: requests.Session | None = None,
    ) -> Settings:
        """The settings of one client: this config checked again (its fields may have been
        changed since it was made), the environment read and every default filled in.

        ``api_key``, ``timeout`` and ``http_client`` are ``Schematic()``'s arguments, which
        take precedence over the config's. Raises ``ValueError`` or ``TypeError`` naming
        the setting.
        """
        self.validate()
        _validation.seconds("timeout", timeout, optional=True)
        if api_key is None:
            api_key = os.environ.get("SCHEMATIC_API_KEY")
        if not self.offline and not api_key:
            raise ValueError(
                "api_key is required: pass Schematic(api_key=...) or set SCHEMATIC_API_KEY "
                "(or use SchematicConfig(offline=True))"
            )
        if api_key is not None and (api_key or not self.offline):
            _validation.api_key(api_key)
        log = _logger(self.logger, self.log_level)
        if self.datastream is not None and not self.use_datastream:
            log.warning("datastream is set but use_datastream is not: flags are checked by the API")
        if self.credit_leases is not None:
            log.warning(
                "credit_leases is set, but this SDK holds no credits: check() answers for the "
                "usage given without reserving it; report usage with track()"
            )
        capture = _url(
            "event_capture_url",
            self.event_capture_url,
            "SCHEMATIC_EVENT_CAPTURE_URL",
            DEFAULT_EVENT_CAPTURE_URL,
        )
        return Settings(
            api_key=api_key or "",
            base_url=_url(
                "base_url", _address(self.base_url), "SCHEMATIC_BASE_URL", DEFAULT_BASE_URL
            ),
            capture_url=capture.rstrip("/") + "/batch",
            session=_session(http_client, None) or _session(self.http_client, self.httpx_client),
            log=log,
            timeout=timeout or self.timeout or DEFAULT_TIMEOUT,
            retry=Retry(self.max_retries, self.retry_delay, DEFAULT_MAX_RETRY_DELAY),
            event_retry=Retry(None, self.event_retry_delay, DEFAULT_EVENT_MAX_RETRY_DELAY),
            event_buffer_period=self.event_buffer_period or DEFAULT_EVENT_BUFFER_PERIOD,
            follow_redirects=self.follow_redirects is not False,
            use_datastream=self.use_datastream and not self.offline,
            config=self,
        )


@dataclass(frozen=True)
class Settings:
    """A ``SchematicConfig`` resolved for one client (see ``SchematicConfig.resolve``).

    The fields that needed resolving are here; every other setting is read from ``config``
    as it was checked.
    """

    api_key: str  # "" offline without a key
    base_url: str
    capture_url: str  # where event batches are posted
    session: requests.Session | None  # None: the SDK's own
    log: logging.Logger
    timeout: float
    retry: Retry  # for API calls
    event_retry: Retry  # for event batches, within event_retry_window
    event_buffer_period: float
    follow_redirects: bool
    use_datastream: bool
    config: SchematicConfig


def _address(base_url: str | SchematicEnvironment | None) -> str | None:
    """``base_url`` as text: a ``SchematicEnvironment`` gives its address."""
    from .environment import SchematicEnvironment

    return base_url.value if isinstance(base_url, SchematicEnvironment) else base_url


def _url(name: str, given: str | None, variable: str, default: str) -> str:
    """A URL setting: the config's, else the environment's, else the default; checked."""
    if given is not None and given.strip():
        return _validation.http_url(name, given)
    from_environment = os.environ.get(variable, "")
    if from_environment.strip():
        return _validation.http_url(f"{variable} (from the environment)", from_environment)
    return default


def _session(session: Any, alias: Any) -> requests.Session | None:
    """The session to send with, checked to be a ``requests.Session``; ``alias`` is
    ``httpx_client``, the official SDK's name for ``http_client``."""
    import requests

    if session is not None and alias is not None and session is not alias:
        raise ValueError("http_client and httpx_client are two names for one setting: set one")
    session = session if session is not None else alias
    if session is not None and not isinstance(session, requests.Session):
        raise TypeError(
            f"http_client must be a requests.Session, got {type(session).__name__}; "
            "this SDK sends requests with requests, not httpx"
        )
    return session


def _logger(given: logging.Logger | None, level: int | str | None) -> logging.Logger:
    """Where a client logs: the logger given, else the ``schematic`` logger, or with
    ``level`` a logger of the client's own at that level, whose records go to the
    handlers of ``schematic`` (and of its parents) without changing that logger."""
    shared = logging.getLogger("schematic")
    if given is not None:
        return given
    if level is None:
        return shared
    own = logging.Logger("schematic", level.upper() if isinstance(level, str) else level)
    own.parent = shared
    return own
