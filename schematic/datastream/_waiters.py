"""Checks waiting for a company or user they asked the stream for, one request per entity.

A waiter is registered under every (key, value) pair of the check that asked; a second
check whose keys share any pair with it joins it instead of sending another request. The
``full`` message of an entity resolves the waiters of each of its keys; an ``error``
message, a timeout or a disconnect fails them. Keys compare case-insensitively, as the
cache's lookups do.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

Slot = tuple[str, str, str]  # (entity kind, lower(key), lower(value))


class Pending:
    """One request in flight; every check waiting for the same entity waits on it."""

    __slots__ = ("done", "error", "slots")

    def __init__(self, slots: list[Slot]) -> None:
        self.slots = slots
        self.done = threading.Event()
        self.error: str | None = None

    def wait(self, timeout: float) -> bool:
        """True when the entity arrived in time; False on a timeout or a failure."""
        return self.done.wait(timeout) and self.error is None

    def finish(self, error: str | None = None) -> None:
        if not self.done.is_set():
            self.error = error
            self.done.set()


class Waiters:
    """The waiters of one connection, by the entity keys they wait for."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_slot: dict[Slot, Pending] = {}

    def __len__(self) -> int:
        with self._lock:
            return len({id(p) for p in self._by_slot.values()})

    def join(self, kind: str, keys: Mapping[str, str]) -> tuple[Pending, bool]:
        """The waiter for these keys, and whether it is new (so its request must be sent)."""
        slots = [_slot(kind, name, value) for name, value in keys.items()]
        with self._lock:
            for slot in slots:
                pending = self._by_slot.get(slot)
                if pending is not None:
                    return pending, False
            pending = Pending(slots)
            for slot in slots:
                self._by_slot[slot] = pending
            return pending, True

    def resolve(self, kind: str, keys: Mapping[str, str], error: str | None = None) -> int:
        """Finish the waiters of any of these keys (failed, with ``error``); how many."""
        with self._lock:
            found = {
                id(p): p
                for p in (self._by_slot.get(_slot(kind, n, v)) for n, v in keys.items())
                if p is not None
            }
            for pending in found.values():
                self._forget(pending)
        for pending in found.values():
            pending.finish(error)
        return len(found)

    def drop(self, pending: Pending, error: str) -> None:
        """Fail one waiter (it timed out), so that the next check sends a new request."""
        with self._lock:
            self._forget(pending)
        pending.finish(error)

    def fail_all(self, error: str) -> None:
        with self._lock:
            every = {id(p): p for p in self._by_slot.values()}
            self._by_slot.clear()
        for pending in every.values():
            pending.finish(error)

    def _forget(self, pending: Pending) -> None:
        for slot in pending.slots:
            if self._by_slot.get(slot) is pending:
                del self._by_slot[slot]


def _slot(kind: str, name: str, value: str) -> Slot:
    return kind, name.lower(), value.lower()
