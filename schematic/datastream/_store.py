"""Flags, companies and users in the five caches, under the key layout all SDKs share.

========================================  ==========================  =================
key                                       value                       lives
========================================  ==========================  =================
``flags:{ver}:{lower(flag key)}``         the flag                    max(30 days, TTL)
``company:{ver}:{company id}``            the company                 ``cache_ttl``
``company:{ver}:{lower(key)}:{lower(v)}`` the company's ID            ``cache_ttl``
``user:{ver}:{user id}``                  the user                    ``cache_ttl``
``user:{ver}:{lower(key)}:{lower(v)}``    the user's ID               ``cache_ttl``
========================================  ==========================  =================

``{ver}`` is the cache version: the one of the engine release whose behaviour ours copies,
or, in replicator mode, the one the replicator reports. Writes to one entity are serialized
(read, merge, write back); every write also moves ``generation`` on, which tells the client
that what it concluded from the caches earlier may no longer hold.
"""

from __future__ import annotations

import itertools
import threading
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import _merge

Json = dict[str, Any]

ENGINE_VERSION_KEY = "14269364"  # the cache version of the engine release we match
COMPANY = "company"
USER = "user"
_LOCK_STRIPES = 64


class KeyConflictError(Exception):
    """The keys of a check name two different cached entities."""


@dataclass
class Caches:
    """The five cache slots, resolved to providers."""

    flags: Any
    companies: Any
    company_lookups: Any
    users: Any
    user_lookups: Any


def flag_cache_key(version: str, flag_key: str) -> str:
    return f"flags:{version}:{flag_key.lower()}"


def entity_cache_key(kind: str, version: str, entity_id: str) -> str:
    return f"{kind}:{version}:{entity_id}"


def lookup_cache_key(kind: str, version: str, name: str, value: str) -> str:
    return f"{kind}:{version}:{name.lower()}:{value.lower()}"


class EntityStore:
    """Reads and writes entities through the cache providers.

    Args:
        caches: the providers.
        version: returns the cache version to use now.
        ttl: seconds companies and users live (None: no expiry).
        flag_ttl: seconds flags live (None: no expiry).
    """

    def __init__(
        self,
        caches: Caches,
        version: Callable[[], str],
        ttl: float | None,
        flag_ttl: float | None,
    ) -> None:
        self.caches = caches
        self.version = version
        self._ttl = None if ttl is None else int(ttl * 1000)
        self._flag_ttl = None if flag_ttl is None else int(flag_ttl * 1000)
        self._counter = itertools.count(1)
        self.generation = 0
        self.on_bump: Callable[[], None] | None = None  # told after each bump
        self.reset_locks()

    def reset_locks(self) -> None:
        """Fresh locks (after a fork, a parent's thread may have held one)."""
        self._locks = [threading.Lock() for _ in range(_LOCK_STRIPES)]

    def bump(self) -> None:
        """Mark every earlier conclusion drawn from the caches as possibly outdated."""
        # Each value is drawn once, so a generation never comes back once it is replaced.
        self.generation = next(self._counter)
        if self.on_bump is not None:
            self.on_bump()

    def _lock(self, entity_id: str) -> threading.Lock:
        return self._locks[zlib.crc32(entity_id.encode()) % _LOCK_STRIPES]

    def _pair(self, kind: str) -> tuple[Any, Any]:
        if kind == COMPANY:
            return self.caches.companies, self.caches.company_lookups
        return self.caches.users, self.caches.user_lookups

    # -- flags ------------------------------------------------------------------------------
    def flag(self, flag_key: str) -> Any:
        return self.caches.flags.get(flag_cache_key(self.version(), flag_key))

    def put_flag(self, flag: Any) -> str | None:
        """Store one flag; returns its cache key (None when it has no key)."""
        key = flag.get("key") if isinstance(flag, Mapping) else None
        if not isinstance(key, str):
            return None
        cache_key = flag_cache_key(self.version(), key)
        self.caches.flags.set(cache_key, flag, self._flag_ttl)
        self.bump()
        return cache_key

    def delete_flag(self, flag: Any) -> None:
        key = flag.get("key") if isinstance(flag, Mapping) else None
        if isinstance(key, str):
            self.caches.flags.delete(flag_cache_key(self.version(), key))
        self.bump()

    def replace_flags(self, flags: list[Any]) -> None:
        """Store every flag, then delete the cached flags (of this version) not among them."""
        kept = {key for key in map(self.put_flag, flags) if key is not None}
        delete_missing = getattr(self.caches.flags, "delete_missing", None)
        if delete_missing is not None:
            delete_missing(kept, flag_cache_key(self.version(), ""))
        self.bump()

    # -- companies and users ----------------------------------------------------------------
    def find(self, kind: str, keys: Mapping[str, str]) -> Any:
        """The cached entity the keys lead to, or None; KeyConflictError if they lead to two."""
        version = self.version()
        entities, lookups = self._pair(kind)
        found: Any = None
        for name, value in keys.items():
            entity_id = lookups.get(lookup_cache_key(kind, version, name, value))
            if entity_id is None:
                continue
            if found is None:
                found = entity_id
            elif entity_id != found:
                raise KeyConflictError(f"{kind} keys name two entities: {found} and {entity_id}")
        if not isinstance(found, str):
            return None
        return entities.get(entity_cache_key(kind, version, found))

    def put(self, kind: str, entity: Any) -> bool:
        """Store a whole entity and its lookups; False when it has no ID or no keys."""
        entity_id = entity.get("id") if isinstance(entity, Mapping) else None
        if not isinstance(entity_id, str) or not _keys_of(entity):
            return False
        entities, _ = self._pair(kind)
        with self._lock(entity_id):
            previous = entities.get(entity_cache_key(kind, self.version(), entity_id))
            self._write(kind, entity, previous)
        return True

    def merge(self, kind: str, entity_id: str, partial: Mapping[str, Any]) -> Any:
        """Merge a partial update into the cached entity; None when it is not cached."""
        entities, _ = self._pair(kind)
        with self._lock(entity_id):
            cached = entities.get(entity_cache_key(kind, self.version(), entity_id))
            if not isinstance(cached, dict):
                return None
            merged = _merge.merge_partial(cached, partial)
            self._write(kind, merged, cached)
        return merged

    def delete(self, kind: str, entity: Mapping[str, Any]) -> None:
        """Remove an entity and every lookup of it, by the cached keys and the given ones."""
        entity_id = entity.get("id")
        if not isinstance(entity_id, str):
            found = self.find(kind, _keys_of(entity))
            entity_id = found.get("id") if isinstance(found, Mapping) else None
            if not isinstance(entity_id, str):
                return
        version = self.version()
        entities, lookups = self._pair(kind)
        with self._lock(entity_id):
            cached = entities.get(entity_cache_key(kind, version, entity_id))
            keys = {**_keys_of(cached), **_keys_of(entity)}
            entities.delete(entity_cache_key(kind, version, entity_id))
            for name, value in keys.items():
                if lookups.get(lookup_cache_key(kind, version, name, value)) == entity_id:
                    lookups.delete(lookup_cache_key(kind, version, name, value))
        self.bump()

    def add_usage(self, keys: Mapping[str, str], event: str, quantity: int) -> bool:
        """Add ``quantity`` to the cached company's metric rows of ``event``, if it is cached."""
        found = self.find(COMPANY, keys)
        entity_id = found.get("id") if isinstance(found, Mapping) else None
        if not isinstance(entity_id, str):
            return False
        with self._lock(entity_id):
            cached = self.caches.companies.get(entity_cache_key(COMPANY, self.version(), entity_id))
            updated = (
                _merge.add_usage(cached, event, quantity) if isinstance(cached, dict) else None
            )
            if updated is None:
                return False
            self._write(COMPANY, updated, cached)
        return True

    def _write(self, kind: str, entity: Json, previous: Any) -> None:
        """Write an entity and its lookups, dropping lookups of keys it no longer has."""
        version = self.version()
        entities, lookups = self._pair(kind)
        entity_id = entity["id"]
        keys = {
            lookup_cache_key(kind, version, name, value) for name, value in _keys_of(entity).items()
        }
        for name, value in _keys_of(previous).items():
            old = lookup_cache_key(kind, version, name, value)
            if old not in keys:
                lookups.delete(old)
        entities.set(entity_cache_key(kind, version, entity_id), entity, self._ttl)
        for key in keys:
            lookups.set(key, entity_id, self._ttl)
        self.bump()


def _keys_of(entity: Any) -> dict[str, str]:
    """An entity's keys; pairs that are not both strings are left out."""
    keys = entity.get("keys") if isinstance(entity, Mapping) else None
    if not isinstance(keys, Mapping):
        return {}
    return {k: v for k, v in keys.items() if isinstance(k, str) and isinstance(v, str)}
