"""The DataStream client: answers flag checks in process, from streamed or replicated data.

::

    check ─▶ answers (flag, company keys, user keys) ─current─▶ result      (no I/O, < 1 µs)
               └─▶ caches ─▶ evaluations (by object identity) ─▶ result
                     └─miss─▶ ask the stream for the entity, wait ≤ resource_timeout
    any failure ─▶ None: the client asks the API instead

Freshness is the session's business (``_session``): a company or user is served only once
the current connection delivered it, flags once its bulk message arrived. If the stream is
given up for good (bad key, too many failed reconnects) or closed, nothing is served
locally any more. In replicator mode, whatever the shared cache holds is served while the
replicator reports ready.

``answers`` maps a check's arguments to its result and is trusted only while the store's
generation is the one it was made at: every change to any cache (a stream message, a local
usage increment, a reconnect) moves the generation on. It is used only when every cache is
in this process, since another process could change a shared cache without telling us.

``ready`` holds the same answers for ``Schematic.check_flag`` to read without calling
``check``: each until it expires or its next ``flag_check`` event is due, and all of them
dropped whenever the generation moves on. An answer is put there only if the generation
is still the one it was made at once it is there, so a change made meanwhile cannot leave
an outdated one behind.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .. import _fork
from .._config import DEFAULT_CACHE_SIZE
from .._retry import Retry
from ..cache import LocalCache
from . import _connection
from ._connection import CONNECTED, CONNECTING, IDLE, Connection, Timing, datastream_url
from ._evaluations import Evaluations, flag_check_body
from ._replicator import Fetch, ReplicatorHealth, fetch_json
from ._session import Session
from ._store import COMPANY, ENGINE_VERSION_KEY, USER, Caches, EntityStore, KeyConflictError
from .caches import MemoryCache, is_in_process
from .config import DEFAULT_REPLICATOR_HEALTH_TIMEOUT, MIN_FLAG_TTL, DataStreamConfig

if TYPE_CHECKING:
    from .._events import Event
    from .._flags import CheckKey
    from ..models.features import CheckFlagResponseData

FLAG_CACHE_SIZE = 10_000
ANSWERS_KEPT = 10_000
# A repeated check with the same result sends one flag_check event per interval, as the
# API path reaches the server at most once per cache lifetime (5 s) for the same check.
EVENT_INTERVAL = 5.0
FLAG_CHECK_EVENT_SIZE = 512  # bytes, about, of an encoded flag_check event: for the queue bound

Submit = Callable[["Event"], bool]
Answer = tuple[int, float, "CheckFlagResponseData", dict[str, Any]]  # generation, until, ...


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
        self.store = EntityStore(caches, self._version, config.cache_ttl_seconds, _flag_ttl(config))
        self.evaluations = Evaluations(logger)
        self._remember = not config.replicator_mode and all(
            is_in_process(c) for c in vars(caches).values()
        )
        self.ready: LocalCache[CheckFlagResponseData] = LocalCache(
            ANSWERS_KEPT, int(EVENT_INTERVAL * 1000), timer=clock
        )
        self.store.on_bump = self.ready.clear
        self.counts = dict.fromkeys(("local", "fallback", "requests", "refreshes"), 0)
        self.session = Session(self.store, self._send, config.resource_timeout, self.counts, logger)
        self.connection: Connection | None = None
        self.health: ReplicatorHealth | None = None
        self._closed = False
        self._warned_version = False
        if config.replicator_mode:
            self.health = self._make_health(fetch)
            self.health.check()
        else:
            self.connection = self._make_connection(api_key, base_url)
        self._fresh()
        _fork.reset_in_child(self, DataStreamClient.forget_after_fork)

    def _make_health(self, fetch: Fetch) -> ReplicatorHealth:
        return ReplicatorHealth(
            self.config.replicator_health_url,
            self.config.replicator_health_check_seconds,
            DEFAULT_REPLICATOR_HEALTH_TIMEOUT,
            on_change=self.store.bump,
            logger=self._log,
            fetch=fetch,
        )

    def _make_connection(self, api_key: str, base_url: str) -> Connection:
        if importlib.util.find_spec("websocket") is None:
            raise ImportError(_connection.WEBSOCKET_EXTRA_HINT)
        return Connection(
            self.config.url or datastream_url(base_url),
            api_key,
            _timing(self.config),
            on_open=self.session.opened,
            on_message=self.session.apply,
            on_close=self.session.closed,
            logger=self._log,
        )

    def _send(self, message: Any) -> bool:
        return self.connection is not None and self.connection.send(message)

    def _fresh(self) -> None:
        """Nothing answered yet (at construction, and in a child process after a fork)."""
        self._pid = os.getpid()
        self.session.reset()
        self.answers: dict[Any, Answer] = {}
        self._reported: dict[Any, tuple[Any, float]] = {}  # check -> (result, next send)
        self.store.bump()  # which empties ``ready``

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
        self, key: CheckKey, block: bool = False, deadline: float | None = None
    ) -> CheckFlagResponseData | None:
        """The result of the check ``key`` evaluated locally, or None when the API should
        answer.

        With ``block`` False only what is in this process is used (no I/O, no waiting);
        with ``block`` True shared caches are read and missing entities are asked for,
        waiting ``resource_timeout`` at most, and never past ``deadline`` (a
        ``time.monotonic()`` value): the check's own. Never raises.
        """
        now = self._clock()
        try:
            answer = self.answers.get(key)
        except TypeError:  # unhashable: not a check the API path would accept either
            return None
        if answer is not None and answer[0] == self.store.generation and now < answer[1]:
            self.counts["local"] += 1
            result = answer[2]
            sent = self._reported.get(key)
            if sent is None or sent[0] is not result or now >= sent[1]:
                self._report(key, answer, now)
            self._serve(key, answer, now)
            return result
        answer = self._answer(key, block, now, deadline)
        if answer is None:
            return None
        self._report(key, answer, now)
        self._serve(key, answer, now)
        return answer[2]

    @property
    def remembers(self) -> bool:
        """Whether answers are kept (and ``ready``): only when every cache is in process."""
        return self._remember

    def _serve(self, key: CheckKey, answer: Answer, now: float) -> None:
        """Put a current answer in ``ready``, until it expires or its event is due."""
        if not self._remember:
            return
        sent = self._reported.get(key)
        until = answer[1] if sent is None else min(answer[1], sent[1])
        if until <= now or answer[0] != self.store.generation:
            return
        self.ready.set_until(key, answer[2], until)
        if answer[0] != self.store.generation:  # changed while it was put there
            self.ready.delete(key)

    def check_many(
        self, keys: Sequence[CheckKey], deadline: float | None = None
    ) -> list[CheckFlagResponseData] | None:
        """Every check evaluated locally, or None (and no event sent) if any one cannot be."""
        now = self._clock()
        found: list[tuple[CheckKey, Answer]] = []
        for key in keys:
            answer = self._answer(key, True, now, deadline)
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
        self._submit(("flag_check", answer[3], None, now, FLAG_CHECK_EVENT_SIZE))

    def _answer(
        self, key: CheckKey, block: bool, now: float, deadline: float | None = None
    ) -> Answer | None:
        if not block and not self._remember:
            return None  # reading a shared cache is I/O
        try:
            answer = self._evaluate(key, block, now, deadline)
        except Exception as exc:
            self._log.warning("local evaluation of %r failed: %s", key[0], exc)
            answer = None
        if answer is None and block:
            self.counts["fallback"] += 1
        return answer

    def _evaluate(
        self, key: CheckKey, block: bool, now: float, deadline: float | None
    ) -> Answer | None:
        flag_key = key[0]
        company = dict(key[1]) if key[1] else None
        user = dict(key[2]) if key[2] else None
        self._ensure_started()
        generation = self.store.generation  # before any read, so a change meanwhile shows
        if not self._usable():
            return None
        flag = self._flag(flag_key, block, deadline)
        if flag is None:
            return None
        company_data = self._entity(COMPANY, company, block, deadline) if company else None
        user_data = self._entity(USER, user, block, deadline) if user else None
        if (company and company_data is None) or (user and user_data is None):
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

    def _wait(self, deadline: float | None) -> float:
        """How long a check may wait for the stream: ``resource_timeout``, within its deadline."""
        limit = self.config.resource_timeout
        return limit if deadline is None else max(0.0, min(limit, deadline - time.monotonic()))

    def _flag(self, flag_key: str, block: bool, deadline: float | None = None) -> Any:
        connection = self.connection
        if connection is not None and not self.session.flags_loaded:
            # Connected but the bulk flag message is on its way: worth a short wait.
            if not (block and connection.connected):
                return None
            if not self.session.wait_for_flags(self._wait(deadline)):
                return None
        flag = self.store.flag(flag_key)
        return flag if isinstance(flag, dict) else None

    def _entity(
        self, kind: str, keys: Mapping[str, str], block: bool, deadline: float | None = None
    ) -> Any:
        if not all(type(k) is str and type(v) is str for k, v in keys.items()):
            return None  # the API path reports the bad argument
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
        if not self.session.request(kind, keys, self._wait(deadline)):
            return None
        found = self.store.find(kind, keys)
        return found if self._servable(kind, found) else None

    def _servable(self, kind: str, entity: Any) -> bool:
        if self.health is not None:
            return isinstance(entity, dict)  # the replicator keeps the shared cache current
        return self.session.is_current(kind, entity)

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

    def wait_ready(self, timeout: float) -> bool:
        """Start if need be, then wait at most ``timeout`` seconds until checks can be answered
        here: the stream's flags arrived, or the replicator reports ready. Never raises."""
        if self._closed:
            return False
        self._ensure_started()
        if self.health is not None:
            return self.health.ready or self.health.check()
        return self.session.wait_for_flags(timeout)

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
        self.ready.clear()
        if self.connection is not None:
            self.connection.close()
        if self.health is not None:
            self.health.close()
        self.session.closed(final=True)

    def stats(self) -> dict[str, Any]:
        connects = self.connection.connects if self.connection is not None else 0
        return {"state": self.state, "connects": connects, **self.counts}


def _caches_for(config: DataStreamConfig) -> Caches:
    """The configured providers, with in-process caches where none was given."""
    ttl = None if config.cache_ttl is None else int(config.cache_ttl)
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
    seconds = config.cache_ttl_seconds
    return None if seconds is None else max(MIN_FLAG_TTL, seconds)


def _timing(config: DataStreamConfig) -> Timing:
    return Timing(
        ping_interval=config.ping_interval,
        pong_timeout=config.pong_timeout,
        write_timeout=config.write_timeout,
        handshake_timeout=config.handshake_timeout,
        reconnect=Retry(
            config.max_reconnect_attempts, config.reconnect_min_delay, config.reconnect_max_delay
        ),
    )
