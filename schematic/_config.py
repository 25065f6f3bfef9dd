"""``SchematicConfig``: every setting of the client, with its default and its checks."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import requests

from . import _validation, _worker
from .datastream.config import DataStreamConfig

if TYPE_CHECKING:
    from .cache import CacheProvider
    from .models.features import CheckFlagResponseData

DEFAULT_EVENT_CAPTURE_URL = "https://c.schematichq.com"
DEFAULT_FLAG_CHECK_TIMEOUT = 3.0
DEFAULT_CAPTURE_TIMEOUT = 10.0
DEFAULT_MAX_RETRIES = 2
DEFAULT_RETRY_DELAY = 0.5
DEFAULT_CIRCUIT_BREAKER_THRESHOLD = 5
DEFAULT_CIRCUIT_BREAKER_COOLDOWN = 30.0
STALE_VALUES_KEPT = 10_000
MAX_EVENT_CONCURRENCY = 32  # the connection pool of the SDK's own session holds 32
MAX_RETRIES = 20  # a deadline bounds flag checks anyway; more than this is a typo


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
        httpx_client: another name for ``http_client``, accepted so that existing configs
            keep working; it too must be a ``requests.Session``.
        follow_redirects: accepted for compatibility and ignored: redirects are followed
            within the origin of the request only, so the API key never leaves it.
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
    event_queue_bytes: int = _worker.DEFAULT_MAX_QUEUE_BYTES
    event_overflow: Literal["block", "drop"] = _worker.DEFAULT_OVERFLOW
    event_block_timeout: float = _worker.DEFAULT_BLOCK_TIMEOUT
    event_concurrency: int = _worker.DEFAULT_CONCURRENCY
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
        self.validate()

    def validate(self) -> None:
        """Check every field; ``Schematic()`` calls this again, as fields can be changed.

        Raises ``ValueError`` or ``TypeError`` naming the field.
        """
        for name in ("base_url", "event_capture_url"):
            value = getattr(self, name)
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
        if self.datastream is not None and not isinstance(self.datastream, DataStreamConfig):
            raise TypeError(f"datastream must be a DataStreamConfig, got {self.datastream!r}")
