"""The DataStream client: answers flag checks in process, from streamed or replicated data.

::

    check ─▶ answers (flag, company keys, user keys) ─current─▶ result      (no I/O, ~1 µs)
               └─▶ caches ─▶ evaluations (by object identity) ─▶ result
                     └─miss─▶ ask the stream for the entity, wait ≤ resource_timeout
    any failure ─▶ None: the client asks the API instead

Freshness. A company or user is served only if a ``full`` message for it arrived on the
current connection (or on the last one, while the stream is down): after a reconnect every
entity this process had is asked for again, and a check needing one waits for its answer
rather than use what may have changed meanwhile. Flags are served once the connection's
bulk flag message arrived. If the stream is given up for good (bad key, too many failed
reconnects) or closed, nothing is served locally any more.

``answers`` maps a check's arguments to its result and is trusted only while the store's
generation is the one it was made at: every change to any cache (a stream message, a local
usage increment, a reconnect) moves the generation on. It is used only when every cache is
in this process, since another process could change a shared cache without telling us.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..cache import DEFAULT_CACHE_SIZE
from . import _connection
from ._connection import CONNECTED, CONNECTING, IDLE, Connection, Timing, datastream_url
from ._evaluations import Evaluations, flag_check_body
from ._replicator import Fetch, ReplicatorHealth, fetch_json
from ._store import COMPANY, ENGINE_VERSION_KEY, USER, Caches, EntityStore, KeyConflictError
from ._waiters import Pending, Waiters
from .caches import MemoryCache, is_in_process
from .config import DEFAULT_REPLICATOR_HEALTH_TIMEOUT, MIN_FLAG_TTL, DataStreamConfig

if TYPE_CHECKING:
    from .._events import Event
    from ..models.features import CheckFlagResponseData

FLAG_CACHE_SIZE = 10_000
ANSWERS_KEPT = 10_000
CONFIRMED_KEPT = 10_000
REFRESHED_AT_RECONNECT = 1_000
# A repeated check with the same result sends one flag_check event per interval, as the
# API path reaches the server at most once per cache lifetime (5 s) for the same check.
EVENT_INTERVAL = 5.0
ENTITY_TYPES = {COMPANY: "rulesengine.Company", USER: "rulesengine.User"}
KINDS = {v: k for k, v in ENTITY_TYPES.items()}

Submit = Callable[["Event"], bool]
Answer = tuple[int, float, "CheckFlagResponseData", dict[str, Any]]  # generation, until, ...

_clients: weakref.WeakSet[DataStreamClient] = weakref.WeakSet()


class DataStreamClient:
    """Local flag evaluation for one ``Schematic`` client.

    Args:
        config: the DataStream settings.
        api_key: the secret key the stream authenticates.
        base_url: the API's address, from which the stream's is derived.
        submit: queues an event (the client's event worker).
        clock: the time in seconds since the epoch (tests pass their own).
        fetch: how replicator health is fetched (tests pass their own).
    """

    def __init__(
        self,
        config: DataStreamConfig,
        *,
        api_key: str,
        base_url: str,
        submit: Submit,
        logger: logging.Logger,
        clock: Callable[[], float] = time.time,
        fetch: Fetch = fetch_json,
    ) -> None:
        self.config = config
        self._log = logger
        self._submit = submit
        self._clock = clock
        caches = _caches_for(config)
        self.store = EntityStore(caches, self._version, config.cache_ttl, _flag_ttl(config))
        self.evaluations = Evaluations(logger)
        self._remember = not config.replicator_mode and all(
            is_in_process(c) for c in vars(caches).values()
        )
        self.answers: dict[Any, Answer] = {}
        self.counts = dict.fromkeys(("local", "fallback", "requests", "refreshes"), 0)
        self.connection: Connection | None = None
        self.health: ReplicatorHealth | None = None
        self._closed = False
        self._warned_version = False
        if config.replicator_mode:
            self.health = ReplicatorHealth(
                config.replicator_health_url,
                config.replicator_health_check,
                DEFAULT_REPLICATOR_HEALTH_TIMEOUT,
                on_change=self.store.bump,
                logger=logger,
                fetch=fetch,
            )
            self.health.check()
        else:
            if importlib.util.find_spec("websocket") is None:
                raise ImportError(_connection.WEBSOCKET_EXTRA_HINT)
            self.connection = Connection(
                config.url or datastream_url(base_url),
                api_key,
                _timing(config),
                on_open=self._on_open,
                on_message=self._on_message,
                on_close=self._on_close,
                logger=logger,
            )
        self._fresh()
        _clients.add(self)

    def _fresh(self) -> None:
        """State of one connection (or of this process, after a fork)."""
        self._pid = os.getpid()
        self._waiters = Waiters()
        self._flags_pending = Pending([])
        self._flags_loaded = False
        self._confirmed: dict[tuple[str, str], dict[str, str]] = {}
        self.answers = {}
        self._reported: dict[Any, tuple[Any, float]] = {}  # check -> (result, next send)
        self.store.bump()

    def __repr__(self) -> str:
        return f"DataStreamClient(state={self.state!r})"

    @property
    def state(self) -> str:
        """``replicator`` plus ready/not-ready, or the connection's state."""
        if self.health is not None:
            return "replicator ready" if self.health.ready else "replicator not ready"
        assert self.connection is not None
        return self.connection.state

    def _version(self) -> str:
        if self.health is None:
            return ENGINE_VERSION_KEY
        version = self.health.version
        if version is None:
            if not self._warned_version:
                self._warned_version = True
                self._log.warning(
                    "the replicator has not reported its cache version; using %s, so "
                    "lookups will probably miss",
                    ENGINE_VERSION_KEY,
                )
            return ENGINE_VERSION_KEY
        return version

    # -- checks -----------------------------------------------------------------------------
    def check(
        self,
        flag_key: str,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        block: bool = False,
    ) -> CheckFlagResponseData | None:
        """The flag's result evaluated locally, or None when the API should answer.

        With ``block`` False only what is in this process is used (no I/O, no waiting);
        with ``block`` True shared caches are read and missing entities are asked for.
        Never raises.
        """
        try:
            key = (
                flag_key,
                frozenset(company.items()) if company else None,
                frozenset(user.items()) if user else None,
            )
        except (AttributeError, TypeError):
            return None
        now = self._clock()
        answer = self.answers.get(key)
        if answer is not None and answer[0] == self.store.generation and now < answer[1]:
            self.counts["local"] += 1
            result = answer[2]
            sent = self._reported.get(key)
            if sent is None or sent[0] is not result or now >= sent[1]:
                self._report(key, answer, now)
            return result
        answer = self._answer(key, flag_key, company, user, block, now)
        if answer is None:
            return None
        self._report(key, answer, now)
        return answer[2]

    def check_many(
        self,
        flag_keys: Sequence[str],
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
    ) -> list[CheckFlagResponseData] | None:
        """Every flag evaluated locally, or None (and no event sent) if any one cannot be."""
        now = self._clock()
        found: list[tuple[Any, Answer]] = []
        for flag_key in flag_keys:
            try:
                key = (
                    flag_key,
                    frozenset(company.items()) if company else None,
                    frozenset(user.items()) if user else None,
                )
            except (AttributeError, TypeError):
                return None
            answer = self._answer(key, flag_key, company, user, True, now)
            if answer is None:
                return None
            found.append((key, answer))
        for key, answer in found:
            self._report(key, answer, now)
        return [answer[2] for _, answer in found]

    def _report(self, key: Any, answer: Answer, now: float) -> None:
        """Send the check's ``flag_check`` event, unless the same result was sent just now."""
        sent = self._reported.get(key)
        if sent is not None and sent[0] is answer[2] and now < sent[1]:
            return
        if len(self._reported) >= ANSWERS_KEPT:
            self._reported.clear()
        self._reported[key] = (answer[2], now + EVENT_INTERVAL)
        self._submit(("flag_check", answer[3], None, now))

    def _answer(
        self,
        key: Any,
        flag_key: str,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        block: bool,
        now: float,
    ) -> Answer | None:
        if not block and not self._remember:
            return None  # reading a shared cache is I/O
        try:
            answer = self._evaluate(key, flag_key, company, user, block, now)
        except Exception as exc:
            self._log.warning("local evaluation of %r failed: %s", flag_key, exc)
            answer = None
        if answer is None and block:
            self.counts["fallback"] += 1
        return answer

    def _evaluate(
        self,
        key: Any,
        flag_key: str,
        company: Mapping[str, str] | None,
        user: Mapping[str, str] | None,
        block: bool,
        now: float,
    ) -> Answer | None:
        self._ensure_started()
        generation = self.store.generation  # before any read, so a change meanwhile shows
        if not self._usable():
            return None
        flag = self._flag(flag_key, block)
        company_data = self._entity(COMPANY, company, block) if company else None
        user_data = self._entity(USER, user, block) if user else None
        if flag is None or (company and company_data is None) or (user and user_data is None):
            return None
        outcome = self.evaluations.evaluate(flag, company_data, user_data, now)
        if outcome is None:
            return None
        result, until = outcome
        earlier = self.answers.get(key)
        body = (
            earlier[3]
            if earlier is not None and earlier[2] is result
            else flag_check_body(result, company, user)
        )
        answer = (generation, until, result, body)
        if self._remember:
            if len(self.answers) >= ANSWERS_KEPT:
                self.answers.clear()
            self.answers[key] = answer
        self.counts["local"] += 1
        return answer

    @property
    def usable(self) -> bool:
        """Whether checks can be answered here now, possibly after reading or waiting."""
        return self._usable()

    def _usable(self) -> bool:
        if self._closed:
            return False
        if self.health is not None:
            return self.health.ready
        assert self.connection is not None
        return self.connection.state in (CONNECTED, CONNECTING)

    def _flag(self, flag_key: str, block: bool) -> Any:
        if self.connection is not None and not self._flags_loaded:
            # Connected but the bulk flag message is on its way: worth a short wait.
            if not (block and self.connection.connected):
                return None
            if not self._flags_pending.wait(self.config.resource_timeout):
                return None
        flag = self.store.flag(flag_key)
        return flag if isinstance(flag, dict) else None

    def _entity(self, kind: str, keys: Mapping[str, str], block: bool) -> Any:
        try:
            found = self.store.find(kind, keys)
        except KeyConflictError as exc:
            self._log.warning("%s; asking the API", exc)
            return None
        if self._servable(kind, found):
            return found
        connection = self.connection
        if connection is None or not block or not connection.connected:
            return None
        if not self._request(kind, keys):
            return None
        found = self.store.find(kind, keys)
        return found if self._servable(kind, found) else None

    def _servable(self, kind: str, entity: Any) -> bool:
        if not isinstance(entity, dict):
            return False
        return self.health is not None or (kind, entity.get("id")) in self._confirmed

    def _request(self, kind: str, keys: Mapping[str, str]) -> bool:
        """Ask the stream for an entity (once for all checks asking) and wait for it."""
        pending, new = self._waiters.join(kind, keys)
        if new:
            if not self._send_start(kind, keys):
                self._waiters.drop(pending, "DataStream client disconnected")
                return False
            self.counts["requests"] += 1
        if pending.wait(self.config.resource_timeout):
            return True
        self._waiters.drop(pending, "timed out")
        return False

    def _send_start(self, kind: str, keys: Mapping[str, str]) -> bool:
        assert self.connection is not None
        message = {
            "data": {"action": "start", "entity_type": ENTITY_TYPES[kind], "keys": dict(keys)}
        }
        return self.connection.send(message)

    # -- track ------------------------------------------------------------------------------
    def track(self, event: str, company: Mapping[str, str] | None, quantity: int | None) -> None:
        """Add a tracked quantity to the cached company's matching metrics; never raises."""
        if not company or self._closed:
            return
        if self.health is not None:
            if not self.health.ready:
                return
        elif self.connection is None or not self.connection.connected:
            return
        try:
            self.store.add_usage(company, event, 1 if quantity is None else quantity)
        except Exception as exc:
            self._log.warning("could not add tracked usage to the cached company: %s", exc)

    # -- the stream -------------------------------------------------------------------------
    def _on_open(self) -> None:
        """A connection opened: ask for the flags and again for every entity served so far."""
        assert self.connection is not None
        previous = list(self._confirmed.items())[-REFRESHED_AT_RECONNECT:]
        self._confirmed = {}
        self._flags_loaded = False
        if self._flags_pending.done.is_set():  # else a check may already be waiting on it
            self._flags_pending = Pending([])
        self.store.bump()
        self.connection.send({"data": {"action": "start", "entity_type": "rulesengine.Flags"}})
        for (kind, _), keys in previous:
            _, new = self._waiters.join(kind, keys)
            if new and self._send_start(kind, keys):
                self.counts["refreshes"] += 1

    def _on_close(self, final: bool) -> None:
        self._waiters.fail_all("DataStream client disconnected")
        self._flags_pending.finish("DataStream client disconnected")
        if final:
            self.store.bump()

    def _on_message(self, message: Any) -> None:
        if not isinstance(message, dict):
            return
        entity_type = message.get("entity_type")
        message_type = message.get("message_type")
        data = message.get("data")
        if message_type == "error":
            self._on_error(entity_type, data)
        elif entity_type == "rulesengine.Flags" and message_type == "full":
            self.store.replace_flags(data if isinstance(data, list) else [])
            self._flags_loaded = True
            self._flags_pending.finish()
        elif entity_type == "rulesengine.Flag" and message_type == "full":
            self.store.put_flag(data)
        elif entity_type == "rulesengine.Flag" and message_type == "delete":
            self.store.delete_flag(data)
        elif entity_type in KINDS and isinstance(data, dict):
            self._on_entity(KINDS[entity_type], message_type, message.get("entity_id"), data)
        else:
            self._log.debug("DataStream: ignored %s %s", entity_type, message_type)

    def _on_entity(
        self, kind: str, message_type: Any, entity_id: Any, data: dict[str, Any]
    ) -> None:
        if message_type == "full":
            if not self.store.put(kind, data):
                self._log.warning("DataStream sent a %s without an ID or keys", kind)
                return
            keys = data["keys"]
            self._confirm(kind, data["id"], keys)
            self._waiters.resolve(kind, keys)
        elif message_type == "partial":
            if not isinstance(entity_id, str) or self.store.merge(kind, entity_id, data) is None:
                self.store.bump()  # whatever was concluded about it is no longer sure
                self._log.warning(
                    "DataStream: partial update for %s %r not cached; ignored", kind, entity_id
                )
        elif message_type == "delete":
            self.store.delete(kind, data)
            self._confirmed.pop((kind, str(data.get("id"))), None)

    def _confirm(self, kind: str, entity_id: str, keys: dict[str, str]) -> None:
        confirmed = self._confirmed
        confirmed.pop((kind, entity_id), None)
        confirmed[(kind, entity_id)] = dict(keys)
        if len(confirmed) > CONFIRMED_KEPT:
            del confirmed[next(iter(confirmed))]

    def _on_error(self, entity_type: Any, data: Any) -> None:
        data = data if isinstance(data, dict) else {}
        error = str(data.get("error") or "DataStream error")
        kind = KINDS.get(data.get("entity_type") or entity_type)
        keys = data.get("keys")
        failed = 0
        if kind is not None and isinstance(keys, dict):
            failed = self._waiters.resolve(kind, keys, error)
        self._log.warning("DataStream error for %s %s: %s", kind or entity_type, keys, error)
        if failed == 0 and (data.get("entity_type") or entity_type) == "rulesengine.Flags":
            self._flags_pending.finish(error)

    # -- lifecycle --------------------------------------------------------------------------
    def _ensure_started(self) -> None:
        if self._pid != os.getpid():
            self.forget_after_fork()
        if self.connection is not None and self.connection.state == IDLE:
            self.connection.start()
        if self.health is not None:
            self.health.start()

    def start(self) -> None:
        """Open the stream (or start replicator health checks) now rather than on first use."""
        if not self._closed:
            self._ensure_started()

    def forget_after_fork(self) -> None:
        """In a child process: a connection of its own on first use, and nothing trusted yet."""
        if self.connection is not None:
            self.connection.forget_after_fork()
        if self.health is not None:
            self.health.forget_after_fork()
        self.store.reset_locks()
        self._fresh()

    def close(self) -> None:
        """Close the stream and stop every thread; checks go to the API afterwards."""
        self._closed = True
        if self.connection is not None:
            self.connection.close()
        if self.health is not None:
            self.health.close()
        self._waiters.fail_all("DataStream client closed")
        self.store.bump()

    def stats(self) -> dict[str, Any]:
        connects = self.connection.connects if self.connection is not None else 0
        return {"state": self.state, "connects": connects, **self.counts}


def _caches_for(config: DataStreamConfig) -> Caches:
    """The configured providers, with in-process caches where none was given."""
    ttl = None if config.cache_ttl is None else int(config.cache_ttl * 1000)
    flag_ttl = _flag_ttl(config)
    flag_ms = None if flag_ttl is None else int(flag_ttl * 1000)

    def pick(given: Any, size: int, ttl_ms: int | None) -> Any:
        return given if given is not None else MemoryCache(size, ttl_ms)

    return Caches(
        flags=pick(config.flag_cache, FLAG_CACHE_SIZE, flag_ms),
        companies=pick(config.company_cache, DEFAULT_CACHE_SIZE, ttl),
        company_lookups=pick(config.company_lookup_cache, DEFAULT_CACHE_SIZE, ttl),
        users=pick(config.user_cache, DEFAULT_CACHE_SIZE, ttl),
        user_lookups=pick(config.user_lookup_cache, DEFAULT_CACHE_SIZE, ttl),
    )


def _flag_ttl(config: DataStreamConfig) -> float | None:
    return None if config.cache_ttl is None else max(MIN_FLAG_TTL, config.cache_ttl)


def _timing(config: DataStreamConfig) -> Timing:
    return Timing(
        ping_interval=config.ping_interval,
        pong_timeout=config.pong_timeout,
        write_timeout=config.write_timeout,
        handshake_timeout=config.handshake_timeout,
        min_delay=config.reconnect_min_delay,
        max_delay=config.reconnect_max_delay,
        max_attempts=config.max_reconnect_attempts,
    )


def _forget_all_after_fork() -> None:
    for client in list(_clients):
        client.forget_after_fork()


os.register_at_fork(after_in_child=_forget_all_after_fork)
