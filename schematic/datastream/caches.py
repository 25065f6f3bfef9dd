"""Where DataStream keeps flags, companies and users: in process, or in a shared Redis.

Keys are the logical keys of the layout every Schematic SDK and the replicator share
(``flags:{version}:{flag key}``, ``company:{version}:{id}``,
``company:{version}:{key}:{value}`` and the same for users). Values are the entities' JSON
objects and, for lookups, the entity ID.

Stored values are never changed in place: an update stores a new object. That lets the
client remember what it concluded from an object for as long as the object is current.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..cache import LocalCache

if TYPE_CHECKING:
    import redis

DEFAULT_PREFIX = "schematic"
REDIS_EXTRA_HINT = "RedisCache needs the redis package: pip install 'schematichq[redis]'"
_DECODED_KEPT = 4096
_SCAN_COUNT = 100


@runtime_checkable
class EntityCache(Protocol):
    """What DataStream needs from a cache. ``ttl_override`` is in milliseconds (None: no expiry).

    ``delete_missing`` is optional: a cache without it keeps flags deleted while the
    client was away until they expire.
    """

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any, ttl_override: int | None = None) -> None: ...

    def delete(self, key: str) -> None: ...


class MemoryCache(LocalCache[Any]):
    """The in-process cache: a ``LocalCache`` that can also drop what a bulk update left out.

    Args:
        max_size: the most entries kept (default 1000); the oldest-stored goes first.
        ttl: milliseconds an entry lives (``None``: until replaced, deleted or evicted).
    """

    def __init__(self, max_size: int = 1000, ttl: int | None = None, **kwargs: Any) -> None:
        # A century stands in for "never": LocalCache wants a finite number.
        super().__init__(max_size, ttl if ttl is not None else 100 * 365 * 86_400_000, **kwargs)

    def delete_missing(self, keep: Collection[str], prefix: str) -> None:
        """Delete every key that starts with ``prefix`` and is not in ``keep``."""
        with self._lock:
            doomed = [k for k in self._index if isinstance(k, str) and k.startswith(prefix)]
        for key in doomed:
            if key not in keep:
                self.delete(key)


class RedisCache:
    """A cache in Redis, shared with other processes, other Schematic SDKs and the replicator.

    Keys get ``prefix`` and a colon in front (``schematic:company:...``); values are JSON;
    a TTL is set in milliseconds (``PSETEX``), and no TTL means a plain ``SET``.

    Args:
        client: a ``redis.Redis`` (or ``redis.RedisCluster``). A ``redis.asyncio.Redis``,
            as configurations made for the official SDK pass, is accepted too: its
            connection settings open a synchronous client of the same server, as this
            SDK's DataStream reads its caches from a thread.
        prefix: the key prefix every Schematic component uses by default.
        default_ttl_ms: the TTL, in milliseconds, of entries written without one (None:
            they do not expire).

    Example::

        cache = RedisCache.from_url("redis://localhost:6379/0")
        config = DataStreamConfig.shared(cache)
    """

    def __init__(
        self,
        client: redis.Redis,
        prefix: str = DEFAULT_PREFIX,
        *,
        default_ttl_ms: int | None = None,
    ) -> None:
        if type(prefix) is not str:
            raise TypeError(f"prefix must be a str, got {prefix!r}")
        if default_ttl_ms is not None and (type(default_ttl_ms) is not int or default_ttl_ms <= 0):
            raise ValueError(
                f"default_ttl_ms must be a positive int of milliseconds, got {default_ttl_ms!r}"
            )
        self.client = _synchronous(client)
        self.prefix = prefix
        self.default_ttl_ms = default_ttl_ms
        # The same stored text decodes to the same object, so what the client derived from
        # it (its checks, its evaluations) is found again by identity.
        self._decoded: dict[Any, Any] = {}

    @classmethod
    def from_url(cls, url: str, prefix: str = DEFAULT_PREFIX, **options: Any) -> RedisCache:
        """Connect to ``url`` (``redis://host:port/db``); ``options`` go to ``redis.Redis``."""
        try:
            import redis
        except ImportError:
            raise ImportError(REDIS_EXTRA_HINT) from None
        return cls(redis.Redis.from_url(url, **options), prefix)

    def __repr__(self) -> str:
        return f"RedisCache(prefix={self.prefix!r})"

    def _key(self, key: str) -> str:
        return f"{self.prefix}:{key}" if self.prefix else key

    def get(self, key: str) -> Any:
        raw = self.client.get(self._key(key))
        if raw is None:
            return None
        decoded = self._decoded.get(raw)
        if decoded is None:
            decoded = json.loads(raw)
            if len(self._decoded) >= _DECODED_KEPT:
                self._decoded.clear()
            self._decoded[raw] = decoded
        return decoded

    def set(self, key: str, value: Any, ttl_override: int | None = None) -> None:
        text = json.dumps(value, separators=(",", ":"))
        if ttl_override is None:
            ttl_override = self.default_ttl_ms
        if ttl_override is None:
            self.client.set(self._key(key), text)
        else:
            self.client.psetex(self._key(key), max(1, int(ttl_override)), text)

    def delete(self, key: str) -> None:
        self.client.delete(self._key(key))

    def delete_missing(self, keep: Collection[str], prefix: str) -> None:
        """Delete every key under ``prefix`` (a logical key prefix) that is not in ``keep``."""
        wanted = {self._key(k) for k in keep}
        pattern = _glob_escape(self._key(prefix)) + "*"
        doomed: list[Any] = []
        for raw in self.client.scan_iter(match=pattern, count=_SCAN_COUNT):
            name = raw.decode() if isinstance(raw, bytes) else raw
            if name not in wanted:
                doomed.append(raw)
        for start in range(0, len(doomed), _SCAN_COUNT):
            self.client.delete(*doomed[start : start + _SCAN_COUNT])


def _synchronous(client: Any) -> Any:
    """``client``, or for a ``redis.asyncio`` client a synchronous one of the same server."""
    module = type(client).__module__
    if not module.startswith("redis.asyncio"):
        return client
    import redis

    pool = client.connection_pool
    kinds = {
        "SSLConnection": redis.SSLConnection,
        "UnixDomainSocketConnection": redis.UnixDomainSocketConnection,
    }
    connection_class = kinds.get(pool.connection_class.__name__, redis.Connection)
    return redis.Redis(
        connection_pool=redis.ConnectionPool(
            connection_class=connection_class, **pool.connection_kwargs
        )
    )


def _glob_escape(text: str) -> str:
    """``text`` with Redis glob characters matched literally."""
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)


def is_in_process(cache: Any) -> bool:
    """Whether ``cache`` lives in this process only, so that every change to it is ours."""
    return isinstance(cache, LocalCache)
