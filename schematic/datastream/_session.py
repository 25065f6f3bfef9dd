"""What one DataStream connection has told the client, and the requests it has in flight.

The session applies the server's messages to the store (on the connection's thread) and
keeps track of freshness:

* flags are current once the connection's bulk ``rulesengine.Flags`` message arrived;
* a company or user is current once a ``full`` message for it arrived on this connection.

When a connection opens, both start over: the flags are asked for, and so is every entity
that was current on the previous connection (the server then also sends their later
updates). Until an entity's answer arrives, a check that needs it waits for it instead of
using what may have changed while the client was away. While no connection is open, what
was current on the last one stays usable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from ._store import COMPANY, USER, EntityStore
from ._waiters import Pending, Waiters

ENTITY_TYPES = {COMPANY: "rulesengine.Company", USER: "rulesengine.User"}
KINDS = {v: k for k, v in ENTITY_TYPES.items()}
FLAGS_REQUEST = {"data": {"action": "start", "entity_type": "rulesengine.Flags"}}
CONFIRMED_KEPT = 10_000
REFRESHED_AT_RECONNECT = 1_000
DISCONNECTED = "DataStream client disconnected"


class Session:
    """Freshness and requests of the current connection.

    Args:
        store: where messages are applied.
        send: queues a message on the open connection; False when there is none.
        timeout: seconds a check waits for an answer it asked for.
        counts: counters shared with the client (``requests``, ``refreshes``).
    """

    def __init__(
        self,
        store: EntityStore,
        send: Callable[[Any], bool],
        timeout: float,
        counts: dict[str, int],
        logger: logging.Logger,
    ) -> None:
        self.store = store
        self._send = send
        self.timeout = timeout
        self.counts = counts
        self._log = logger
        self.reset()

    def reset(self) -> None:
        """Nothing known yet (at construction, and in a child process after a fork)."""
        self.waiters = Waiters()
        self._flags = Pending([])
        self.flags_loaded = False
        self._confirmed: dict[tuple[str, str], dict[str, str]] = {}

    # -- the checks' side -------------------------------------------------------------------
    def wait_for_flags(self, timeout: float) -> bool:
        """Wait for this connection's bulk flag message; True once it was applied."""
        return self.flags_loaded or self._flags.wait(timeout)

    def is_current(self, kind: str, entity: Any) -> bool:
        return isinstance(entity, dict) and (kind, entity.get("id")) in self._confirmed

    def request(self, kind: str, keys: Mapping[str, str], timeout: float | None = None) -> bool:
        """Ask for an entity (once for all checks asking) and wait for it, ``timeout`` seconds
        (the session's when None); True if it came."""
        pending, new = self.waiters.join(kind, keys)
        if new:
            if not self._send(_start(kind, keys)):
                self.waiters.drop(pending, DISCONNECTED)
                return False
            self.counts["requests"] += 1
        if pending.wait(self.timeout if timeout is None else timeout):
            return True
        self.waiters.drop(pending, "timed out")
        return False

    # -- the connection's side --------------------------------------------------------------
    def opened(self) -> None:
        """A connection opened: ask for the flags and again for every entity current before."""
        previous = list(self._confirmed.items())[-REFRESHED_AT_RECONNECT:]
        if self._flags.done.is_set():  # else a check may be waiting on it already
            self._flags = Pending([])
        self.flags_loaded = False  # after the swap: a check seeing False waits on the new one
        self._confirmed = {}
        self.store.bump()
        self._send(FLAGS_REQUEST)
        for (kind, _), keys in previous:
            _, new = self.waiters.join(kind, keys)
            if new and self._send(_start(kind, keys)):
                self.counts["refreshes"] += 1

    def closed(self, final: bool) -> None:
        """The connection ended (``final``: for good); whoever waits gets no answer."""
        self.waiters.fail_all(DISCONNECTED)
        self._flags.finish(DISCONNECTED)
        if final:
            self.store.bump()

    def apply(self, message: Any) -> None:
        """Apply one message from the server."""
        if not isinstance(message, dict):
            return
        entity_type = message.get("entity_type")
        message_type = message.get("message_type")
        data = message.get("data")
        if message_type == "error":
            self._failed(entity_type, data)
        elif entity_type == "rulesengine.Flags" and message_type == "full":
            self.store.replace_flags(data if isinstance(data, list) else [])
            self.flags_loaded = True
            self._flags.finish()
        elif entity_type == "rulesengine.Flag" and message_type == "full":
            self.store.put_flag(data)
        elif entity_type == "rulesengine.Flag" and message_type == "delete":
            self.store.delete_flag(data)
        elif entity_type in KINDS and isinstance(data, dict):
            self._entity(KINDS[entity_type], message_type, message.get("entity_id"), data)
        else:
            self._log.debug("DataStream: ignored %s %s", entity_type, message_type)

    def _entity(self, kind: str, message_type: Any, entity_id: Any, data: dict[str, Any]) -> None:
        if message_type == "full":
            if not self.store.put(kind, data):
                self._log.warning("DataStream sent a %s without an ID or keys", kind)
                return
            self._confirm(kind, data["id"], data["keys"])
            self.waiters.resolve(kind, data["keys"])
        elif message_type == "partial":
            if not isinstance(entity_id, str) or self.store.merge(kind, entity_id, data) is None:
                # Expected for an entity the in-process cache evicted: it is asked for
                # again when next checked. What was concluded about it may no longer hold.
                self.store.bump()
                self._log.debug(
                    "DataStream: update for %s %r, which is not cached", kind, entity_id
                )
        elif message_type == "delete":
            self.store.delete(kind, data)
            self._confirmed.pop((kind, str(data.get("id"))), None)

    def _confirm(self, kind: str, entity_id: str, keys: dict[str, str]) -> None:
        confirmed = self._confirmed
        confirmed.pop((kind, entity_id), None)  # re-inserted last: the most recent is kept
        confirmed[(kind, entity_id)] = dict(keys)
        if len(confirmed) > CONFIRMED_KEPT:
            del confirmed[next(iter(confirmed))]

    def _failed(self, entity_type: Any, data: Any) -> None:
        """An ``error`` message: fail whoever waits for those keys."""
        data = data if isinstance(data, dict) else {}
        error = str(data.get("error") or "DataStream error")
        about = data.get("entity_type") or entity_type
        kind, keys = KINDS.get(about), data.get("keys")
        failed = 0
        if kind is not None and isinstance(keys, dict):
            failed = self.waiters.resolve(kind, keys, error)
        self._log.info("DataStream could not deliver a %s: %s", kind or about, error)
        self._log.debug("DataStream error for %s keys %s: %s", kind or about, keys, error)
        if failed == 0 and about == "rulesengine.Flags":
            self._flags.finish(error)


def _start(kind: str, keys: Mapping[str, str]) -> dict[str, Any]:
    return {"data": {"action": "start", "entity_type": ENTITY_TYPES[kind], "keys": dict(keys)}}
