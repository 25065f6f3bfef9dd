"""Flag-check caches: the provider protocol and the in-process ``LocalCache``.

A provider maps a key to a value with a time to live. ``LocalCache`` keeps its entries in a
``cachetools.TTLCache``, which decides what stays: it bounds the size, expires entries and
evicts the oldest-stored one when full. Writes go through it behind a lock, because web
servers call ``check_flag`` from many threads at once.

Reads are the hot path (every flag check), so they do not take the lock: each write also
records ``(value, expires_at)`` in a plain dict, which a read consults in one atomic
``dict.get``. The TTLCache reports every entry it drops, so that dict never holds an entry
the TTLCache no longer has, and a read still checks the entry's expiry itself.

After a fork, the child rebuilds each cache around a lock of its own: a thread of the
parent may have held the lock, mid-write, when the process forked. The entries are kept;
they are read back from the plain dict, which is never seen half-changed.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, runtime_checkable

from cachetools import TTLCache

from . import _fork
from ._config import DEFAULT_CACHE_SIZE, DEFAULT_CACHE_TTL

if TYPE_CHECKING:
    from .datastream.caches import RedisCache

T = TypeVar("T")


@runtime_checkable
class CacheProvider(Protocol[T]):
    """What the client needs from a cache: ``get`` and ``set`` by string key.

    The client gives a provider of its own the text form of a check's key (flag, company
    keys and user keys, escaped and sorted, so that equal checks share one key);
    ``LocalCache`` takes the key's tuple form as it is, which spares building the text
    on every check. ``get`` returns ``None`` on a miss. ``ttl_override`` is in
    milliseconds. A provider may raise; the client logs the error and treats it as a miss.
    """

    def get(self, key: str) -> T | None: ...

    def set(self, key: str, value: T, ttl_override: int | None = None) -> None: ...


class _Entries(TTLCache[Any, Any]):
    """A TTLCache that reports the keys it drops (evicted when full, or expired)."""

    def __init__(
        self, maxsize: int, ttl: float, timer: Callable[[], float], dropped: Callable[[Any], None]
    ) -> None:
        super().__init__(maxsize=maxsize, ttl=ttl, timer=timer)
        self._dropped = dropped

    def popitem(self) -> tuple[Any, Any]:
        key, value = super().popitem()
        self._dropped(key)
        return key, value

    def expire(self, time: float | None = None) -> Any:
        expired = super().expire(time)
        for key, _ in expired:
            self._dropped(key)
        return expired


class LocalCache(Generic[T]):
    """A thread-safe, size-bounded in-memory cache whose entries expire.

    Args:
        max_size: the most entries kept (default 1000); when full, the entry stored longest
            ago goes first. 0 turns the cache off.
        ttl: how long an entry lives, in milliseconds (default 5000).
        timer: the clock in seconds, for tests; ``time.monotonic`` by default.

    Example::

        config = SchematicConfig(cache_providers=[LocalCache[bool](100, 1000)])
    """

    def __init__(
        self,
        max_size: int = DEFAULT_CACHE_SIZE,
        ttl: int = DEFAULT_CACHE_TTL,
        *,
        timer: Callable[[], float] = time.monotonic,
    ) -> None:
        if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size < 0:
            raise ValueError(f"max_size must be a non-negative int, got {max_size!r}")
        if not isinstance(ttl, (int, float)) or isinstance(ttl, bool) or ttl <= 0:
            raise ValueError(f"ttl must be a positive number of milliseconds, got {ttl!r}")
        self.max_size = max_size
        self.ttl = ttl
        self._timer = timer
        # Told of each entry that leaves (evicted, expired or deleted), None when all do:
        # how a client keeps its own faster index of this cache in step (see _flagchecks).
        self._watchers: list[weakref.WeakMethod[Callable[[object], None]]] = []
        self._empty()
        _fork.reset_in_child(self, LocalCache._rebuild)

    def _rebuild(self) -> None:
        """Fresh lock and TTLCache, same entries (in a child process, after a fork). The
        index stays the same dict: ``Schematic.check_flag`` holds on to it."""
        self._lock = threading.Lock()
        self._entries = self._new_entries()
        for key, (value, _) in list(self._index.items()):
            self._entries[key] = value

    def _empty(self) -> None:
        self._lock = threading.Lock()
        self._index: dict[object, tuple[T, float]] = {}  # key -> (value, expires_at)
        self._entries = self._new_entries()

    def _new_entries(self) -> _Entries:
        return _Entries(max(self.max_size, 1), self.ttl / 1000.0, self._timer, self._forget)

    def __repr__(self) -> str:
        return f"LocalCache(max_size={self.max_size}, ttl={self.ttl})"

    def __len__(self) -> int:
        with self._lock:
            self._entries.expire()
            return len(self._entries)

    def get(self, key: object) -> T | None:
        """The value stored under ``key``, or None if there is none or it has expired."""
        entry = self._index.get(key)
        if entry is None or self._timer() >= entry[1]:
            return None
        return entry[0]

    def set(self, key: object, value: T, ttl_override: int | None = None) -> None:
        """Store ``value``; ``ttl_override`` (ms) may shorten this entry's life, not extend it."""
        if self.max_size == 0:
            return
        ttl = self.ttl if ttl_override is None else min(ttl_override, self.ttl)
        with self._lock:
            self._entries[key] = value
            self._index[key] = (value, self._timer() + ttl / 1000.0)

    def set_until(self, key: object, value: T, expires_at: float) -> None:
        """Store ``value`` until ``expires_at`` on the cache's timer, or its TTL if sooner."""
        if self.max_size == 0:
            return
        with self._lock:
            self._entries[key] = value
            self._index[key] = (value, min(expires_at, self._timer() + self.ttl / 1000.0))

    def delete(self, key: object) -> None:
        """Remove ``key``, if present."""
        with self._lock:
            self._entries.pop(key, None)
            self._index.pop(key, None)
            self._tell(key)

    def clear(self) -> None:
        """Remove every entry."""
        with self._lock:
            self._entries.clear()
            self._index.clear()
            self._tell(None)

    def _forget(self, key: object) -> None:
        # Called by the TTLCache while ``set`` or ``__len__`` holds the lock.
        self._index.pop(key, None)
        self._tell(key)

    def _watch(self, method: Callable[[object], None]) -> None:
        """Call ``method`` (a bound method, held weakly) with each key that leaves."""
        with self._lock:
            self._watchers = [w for w in self._watchers if w() is not None]
            self._watchers.append(weakref.WeakMethod(method))

    def _tell(self, key: object) -> None:
        for watcher in self._watchers:
            method = watcher()
            if method is not None:
                method(key)


DEFAULT_MAX_ITEMS = DEFAULT_CACHE_SIZE  # the official SDK's names of the two defaults
DEFAULT_TTL_MS = DEFAULT_CACHE_TTL


@runtime_checkable
class AsyncCacheProvider(Protocol[T]):
    """A cache with awaitable methods, as the official SDK's DataStream caches are.

    This SDK's DataStream reads and writes its caches from its own thread, so a cache given
    to ``DataStreamConfig`` must be synchronous; ``AsyncLocalCache`` and ``RedisCache``
    (either client) are accepted there as they are, anything else with awaitable methods
    is refused with a message naming the slot.
    """

    async def get(self, key: str) -> T | None: ...

    async def set(self, key: str, value: T, ttl: int | None = None) -> None: ...

    async def delete(self, key: str) -> None: ...


class AsyncLocalCache(Generic[T]):
    """An in-process cache with awaitable methods, bounded in size, entries expiring.

    Args:
        max_items: the most entries kept (default 1000).
        ttl: milliseconds an entry written without its own TTL lives (default 5000).

    Given to a ``DataStreamConfig`` slot, the cache's synchronous side (``sync``) is used,
    and entries live as the stream's ``cache_ttl`` says.
    """

    def __init__(self, *, max_items: int = DEFAULT_MAX_ITEMS, ttl: int = DEFAULT_TTL_MS) -> None:
        from .datastream.caches import MemoryCache

        if not isinstance(ttl, int) or isinstance(ttl, bool) or ttl <= 0:
            raise ValueError(f"ttl must be a positive int of milliseconds, got {ttl!r}")
        self.ttl = ttl
        self.sync = MemoryCache(max_items)

    def __repr__(self) -> str:
        return f"AsyncLocalCache(max_items={self.sync.max_size}, ttl={self.ttl})"

    async def get(self, key: str) -> T | None:
        value: T | None = self.sync.get(key)
        return value

    async def set(self, key: str, value: T, ttl: int | None = None) -> None:
        self.sync.set(key, value, ttl if ttl is not None else self.ttl)

    async def delete(self, key: str) -> None:
        self.sync.delete(key)

    async def delete_missing(
        self, keys_to_keep: list[str], *, scan_pattern: str | None = None
    ) -> None:
        """Delete every key not in ``keys_to_keep`` (under ``scan_pattern``'s prefix)."""
        prefix = (scan_pattern or "").rstrip("*")
        self.sync.delete_missing(keys_to_keep, prefix)


def __getattr__(name: str) -> Any:
    if name == "RedisCache":  # loaded on use: it is DataStream's, and needs the redis extra
        from .datastream.caches import RedisCache

        return RedisCache
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_CACHE_SIZE",
    "DEFAULT_CACHE_TTL",
    "DEFAULT_MAX_ITEMS",
    "DEFAULT_TTL_MS",
    "AsyncCacheProvider",
    "AsyncLocalCache",
    "CacheProvider",
    "LocalCache",
    "RedisCache",
]
