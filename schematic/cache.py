"""Flag-check caches: the provider protocol and the in-process ``LocalCache``.

A provider maps a string key to a value with a time to live. ``LocalCache`` keeps entries
in a ``cachetools.TTLCache`` (least recently used entries go first when it is full) behind
a lock, because web servers call ``check_flag`` from many threads at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar, runtime_checkable

from cachetools import TTLCache

DEFAULT_CACHE_SIZE = 1000
DEFAULT_CACHE_TTL = 5000  # milliseconds

T = TypeVar("T")


@runtime_checkable
class CacheProvider(Protocol[T]):
    """What the client needs from a cache: ``get`` and ``set`` by string key.

    ``get`` returns ``None`` on a miss. ``ttl_override`` is in milliseconds. A provider may
    raise; the client logs the error and treats it as a miss.
    """

    def get(self, key: str) -> T | None: ...

    def set(self, key: str, value: T, ttl_override: int | None = None) -> None: ...


class LocalCache(Generic[T]):
    """A thread-safe, size-bounded in-memory cache whose entries expire.

    Args:
        max_size: the most entries kept (default 1000); 0 turns the cache off.
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
        # Entries are (value, expires_at or None); expires_at is set by a ttl_override.
        self._entries: TTLCache[object, tuple[T, float | None]] = TTLCache(
            maxsize=max(max_size, 1), ttl=ttl / 1000.0, timer=timer
        )
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LocalCache(max_size={self.max_size}, ttl={self.ttl})"

    def __len__(self) -> int:
        with self._lock:
            self._entries.expire()
            return len(self._entries)

    def get(self, key: object) -> T | None:
        with self._lock:
            entry = self._entries.get(key)
        if entry is None:
            return None
        value, expires_at = entry
        if expires_at is not None and self._timer() >= expires_at:
            return None
        return value

    def set(self, key: object, value: T, ttl_override: int | None = None) -> None:
        """Store ``value``; ``ttl_override`` (ms) may shorten this entry's life, not extend it."""
        if self.max_size == 0:
            return
        expires_at = None
        if ttl_override is not None and ttl_override < self.ttl:
            expires_at = self._timer() + ttl_override / 1000.0
        with self._lock:
            self._entries[key] = (value, expires_at)

    def delete(self, key: object) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
