"""Settings of local flag evaluation: ``DataStreamConfig``.

Importing this module loads neither ``websocket`` nor ``redis``: the client imports them
only when a configuration that needs them is used.
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass
from typing import Any

from .. import _validation
from ..cache import LocalCache

DEFAULT_CACHE_TTL = 24 * 3_600_000  # ms an entity stays cached without being refreshed
MIN_FLAG_TTL = 30 * 24 * 3600.0  # flags live at least this long (or forever)
DEFAULT_REPLICATOR_HEALTH_URL = "http://localhost:8090/ready"
DEFAULT_REPLICATOR_HEALTH_CHECK = 30_000  # ms between readiness checks
MIN_MILLISECONDS = 1000  # the least cache_ttl and replicator_health_check take
DEFAULT_REPLICATOR_HEALTH_TIMEOUT = 5.0
DEFAULT_RESOURCE_TIMEOUT = 2.0
DEFAULT_PING_INTERVAL = 30.0
DEFAULT_PONG_TIMEOUT = 40.0
DEFAULT_WRITE_TIMEOUT = 10.0
DEFAULT_HANDSHAKE_TIMEOUT = 30.0
DEFAULT_RECONNECT_MIN_DELAY = 1.0
DEFAULT_RECONNECT_MAX_DELAY = 30.0
DEFAULT_MAX_RECONNECT_ATTEMPTS = 10

CACHE_SLOTS = (
    "company_cache",
    "company_lookup_cache",
    "user_cache",
    "user_lookup_cache",
    "flag_cache",
)

_POSITIVE_SECONDS = (
    "resource_timeout",
    "ping_interval",
    "pong_timeout",
    "write_timeout",
    "handshake_timeout",
    "reconnect_min_delay",
    "reconnect_max_delay",
)


@dataclass
class DataStreamConfig:
    """How ``Schematic(config=SchematicConfig(use_datastream=True, datastream=...))`` works.

    ``cache_ttl`` and ``replicator_health_check`` are in milliseconds, as in the official
    SDK, so that its configurations mean the same here; every other duration is in
    seconds. Either of the two below one second is refused, as it is most likely a number
    of seconds.

    Attributes:
        cache_ttl: milliseconds a cached company or user lives without news from the
            stream (default 86,400,000: a day); ``None`` keeps entries until they are
            replaced or deleted, which is what replicator mode wants. Flags live at least
            30 days.
        company_cache, company_lookup_cache, user_cache, user_lookup_cache, flag_cache:
            where companies, their key-to-ID lookups, users, their lookups and flags are
            kept. Any object with ``get(key)``, ``set(key, value, ttl_override_ms)`` and
            ``delete(key)`` will do; ``schematic.datastream.RedisCache`` shares them with
            other processes and SDKs. Default: one in-process cache of each kind.
        replicator_mode: open no WebSocket; read what a Schematic DataStream replicator
            writes into shared caches (all five slots must then be shared caches).
        replicator_health_url: the replicator's readiness endpoint.
        replicator_health_check: milliseconds between readiness checks (default 30,000).
        url: the DataStream WebSocket address; derived from the client's ``base_url``
            when left out (``https://api.X`` becomes ``wss://datastream.X/datastream``).
        resource_timeout: how long a flag check waits for a company or user it asked the
            stream for before asking the API instead (default 2).
        ping_interval, pong_timeout: keepalive; a connection that has been silent for
            ``pong_timeout`` seconds despite pings is dropped and reopened (30 and 40).
        write_timeout: seconds a frame may take to send (10).
        handshake_timeout: seconds the connection's opening may take (30).
        reconnect_min_delay, reconnect_max_delay: backoff between reconnection attempts,
            doubling from the first to the second, plus up to ``reconnect_min_delay`` of
            jitter (1 and 30).
        max_reconnect_attempts: failed attempts in a row after which the stream is given
            up for good and every check asks the API (10); ``None`` retries forever.

    Example::

        config = DataStreamConfig(cache_ttl=3_600_000)  # an hour
    """

    cache_ttl: float | None = DEFAULT_CACHE_TTL
    company_cache: Any = None
    company_lookup_cache: Any = None
    user_cache: Any = None
    user_lookup_cache: Any = None
    flag_cache: Any = None
    replicator_mode: bool = False
    replicator_health_url: str = DEFAULT_REPLICATOR_HEALTH_URL
    replicator_health_check: float = DEFAULT_REPLICATOR_HEALTH_CHECK
    url: str | None = None
    resource_timeout: float = DEFAULT_RESOURCE_TIMEOUT
    ping_interval: float = DEFAULT_PING_INTERVAL
    pong_timeout: float = DEFAULT_PONG_TIMEOUT
    write_timeout: float = DEFAULT_WRITE_TIMEOUT
    handshake_timeout: float = DEFAULT_HANDSHAKE_TIMEOUT
    reconnect_min_delay: float = DEFAULT_RECONNECT_MIN_DELAY
    reconnect_max_delay: float = DEFAULT_RECONNECT_MAX_DELAY
    max_reconnect_attempts: int | None = DEFAULT_MAX_RECONNECT_ATTEMPTS

    def __post_init__(self) -> None:
        _milliseconds("cache_ttl", self.cache_ttl, optional=True)
        _milliseconds("replicator_health_check", self.replicator_health_check)
        for name in _POSITIVE_SECONDS:
            _validation.seconds(name, getattr(self, name))
        if self.reconnect_max_delay < self.reconnect_min_delay:
            raise ValueError("reconnect_max_delay must not be less than reconnect_min_delay")
        _validation.count("max_reconnect_attempts", self.max_reconnect_attempts, 1, optional=True)
        if type(self.replicator_mode) is not bool:
            raise TypeError(f"replicator_mode must be a bool, got {self.replicator_mode!r}")
        if not isinstance(
            self.replicator_health_url, str
        ) or not self.replicator_health_url.startswith(("http://", "https://")):
            raise ValueError(
                f"replicator_health_url must be an http(s) URL, got {self.replicator_health_url!r}"
            )
        if self.url is not None and (
            not isinstance(self.url, str)
            or not self.url.startswith(("ws://", "wss://", "http://", "https://"))
        ):
            raise ValueError(
                f"url must be a ws://, wss://, http:// or https:// URL, got {self.url!r}"
            )
        for name in CACHE_SLOTS:
            setattr(self, name, _synchronous(name, getattr(self, name)))
            _check_provider(name, getattr(self, name))
        if self.replicator_mode:
            self._check_replicator_slots()

    def _check_replicator_slots(self) -> None:
        missing = [name for name in CACHE_SLOTS if getattr(self, name) is None]
        if missing:
            raise ValueError(
                "replicator_mode reads what the replicator writes to shared caches: set "
                + ", ".join(missing)
                + " (e.g. to one schematic.datastream.RedisCache)"
            )
        local = [name for name in CACHE_SLOTS if isinstance(getattr(self, name), LocalCache)]
        if local:
            raise ValueError(
                "replicator_mode needs caches shared with the replicator, not in-process ones: "
                + ", ".join(local)
            )

    @property
    def cache_ttl_seconds(self) -> float | None:
        """``cache_ttl`` in seconds."""
        return None if self.cache_ttl is None else self.cache_ttl / 1000

    @property
    def replicator_health_check_seconds(self) -> float:
        """``replicator_health_check`` in seconds."""
        return self.replicator_health_check / 1000

    @classmethod
    def shared(cls, cache: Any, **options: Any) -> DataStreamConfig:
        """A configuration that keeps everything in one shared cache, e.g. a ``RedisCache``.

        Example::

            config = DataStreamConfig.shared(RedisCache.from_url("redis://localhost:6379/0"))
        """
        return cls(**dict.fromkeys(CACHE_SLOTS, cache), **options)


def _milliseconds(name: str, value: Any, *, optional: bool = False) -> None:
    """A duration in milliseconds, of one second at least; the error names ``name``."""
    if value is None and optional:
        return
    if type(value) not in (int, float) or not math.isfinite(value):
        raise TypeError(f"{name} must be a number of milliseconds, got {value!r}")
    if value < MIN_MILLISECONDS:
        raise ValueError(
            f"{name} is in milliseconds (as in the official SDK) and must be at least "
            f"{MIN_MILLISECONDS}; got {value!r} (for {value!r} seconds, pass {value * 1000!r})"
        )


def _synchronous(name: str, provider: Any) -> Any:
    """The cache DataStream uses for ``provider``: an ``AsyncLocalCache``'s synchronous
    side; TypeError for any other cache whose methods must be awaited, as the stream reads
    its caches from a thread of its own."""
    from ..cache import AsyncLocalCache

    if isinstance(provider, AsyncLocalCache):
        return provider.sync
    if provider is not None and inspect.iscoroutinefunction(getattr(provider, "get", None)):
        raise TypeError(
            f"{name} must be a synchronous cache (DataStream reads it from a thread), got "
            f"{type(provider).__name__} with async methods; use schematic.cache.RedisCache "
            "(it takes a redis.asyncio client too) or LocalCache"
        )
    return provider


def _check_provider(name: str, provider: Any) -> None:
    if provider is None:
        return
    for method in ("get", "set", "delete"):
        if not callable(getattr(provider, method, None)):
            raise TypeError(
                f"{name} must be a cache with get, set and delete; {provider!r} has no {method}()"
            )
